using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

// Elementwise arithmetic, comparisons and logic. Operands broadcast as in PyTorch.
// A double operand of an integer tensor that has an integral value acts as an integer (`t.mul(2)` keeps int64);
// a fractional one promotes to floating point, as in PyTorch.
public static partial class torch
{
    public static Tensor add(Tensor input, Tensor other, double alpha = 1) => input.add(other, alpha);
    public static Tensor add(Tensor input, double other, double alpha = 1) => input.add(other, alpha);
    public static Tensor sub(Tensor input, Tensor other, double alpha = 1) => input.sub(other, alpha);
    public static Tensor sub(Tensor input, double other, double alpha = 1) => input.sub(other, alpha);
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    public static Tensor mul(Tensor input, double other) => input.mul(other);
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    public static Tensor div(Tensor input, double other) => input.div(other);
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    public static Tensor pow(Tensor input, double exponent) => input.pow(exponent);
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);

    public static Tensor neg(Tensor input) => input.neg();
    public static Tensor abs(Tensor input) => input.abs();
    public static Tensor exp(Tensor input) => input.exp();
    public static Tensor log(Tensor input) => input.log();
    public static Tensor sqrt(Tensor input) => input.sqrt();
    public static Tensor rsqrt(Tensor input) => input.rsqrt();
    public static Tensor square(Tensor input) => input.square();
    public static Tensor reciprocal(Tensor input) => input.reciprocal();
    public static Tensor sign(Tensor input) => input.sign();
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    public static Tensor tanh(Tensor input) => input.tanh();
    public static Tensor clamp(Tensor input, double? min = null, double? max = null) => input.clamp(min, max);

    /// <summary>Elements of <paramref name="input"/> where <paramref name="condition"/> holds, else of <paramref name="other"/>.</summary>
    public static Tensor where(Tensor condition, Tensor input, Tensor other) =>
        NativeLib.Wrap(NativeMethods.sdt_where(condition.Handle, input.Handle, other.Handle));

    public static Tensor masked_fill(Tensor input, Tensor mask, double value) => input.masked_fill(mask, value);

    public static Tensor eq(Tensor input, Tensor other) => input.eq(other);
    public static Tensor eq(Tensor input, double other) => input.eq(other);
    public static Tensor ne(Tensor input, Tensor other) => input.ne(other);
    public static Tensor ne(Tensor input, double other) => input.ne(other);
    public static Tensor lt(Tensor input, Tensor other) => input.lt(other);
    public static Tensor lt(Tensor input, double other) => input.lt(other);
    public static Tensor le(Tensor input, Tensor other) => input.le(other);
    public static Tensor le(Tensor input, double other) => input.le(other);
    public static Tensor gt(Tensor input, Tensor other) => input.gt(other);
    public static Tensor gt(Tensor input, double other) => input.gt(other);
    public static Tensor ge(Tensor input, Tensor other) => input.ge(other);
    public static Tensor ge(Tensor input, double other) => input.ge(other);
    public static Tensor logical_and(Tensor input, Tensor other) => input.logical_and(other);
    public static Tensor logical_or(Tensor input, Tensor other) => input.logical_or(other);
    public static Tensor logical_not(Tensor input) => input.logical_not();
    public static Tensor isnan(Tensor input) => input.isnan();
    public static Tensor isfinite(Tensor input) => input.isfinite();
    public static bool equal(Tensor input, Tensor other) => input.equal(other);
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        input.allclose(other, rtol, atol, equal_nan);

    public partial class Tensor
    {
        /// <summary>this + alpha * other.</summary>
        public Tensor add(Tensor other, double alpha = 1) => NativeLib.Wrap(NativeMethods.sdt_tensor_add(Handle, other.Handle, alpha));
        public Tensor add(double other, double alpha = 1) => NativeLib.Wrap(NativeMethods.sdt_tensor_add_scalar(Handle, other, alpha));
        /// <summary>this - alpha * other.</summary>
        public Tensor sub(Tensor other, double alpha = 1) => NativeLib.Wrap(NativeMethods.sdt_tensor_sub(Handle, other.Handle, alpha));
        public Tensor sub(double other, double alpha = 1) => NativeLib.Wrap(NativeMethods.sdt_tensor_sub_scalar(Handle, other, alpha));
        public Tensor mul(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_mul(Handle, other.Handle));
        public Tensor mul(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_mul_scalar(Handle, other));
        /// <summary>True division (integer tensors give floating-point results).</summary>
        public Tensor div(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_div(Handle, other.Handle));
        public Tensor div(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_div_scalar(Handle, other));
        public Tensor pow(Tensor exponent) => NativeLib.Wrap(NativeMethods.sdt_tensor_pow(Handle, exponent.Handle));
        public Tensor pow(double exponent) => NativeLib.Wrap(NativeMethods.sdt_tensor_pow_scalar(Handle, exponent));
        public Tensor maximum(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_maximum(Handle, other.Handle));
        public Tensor minimum(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_minimum(Handle, other.Handle));

        public Tensor neg() => NativeLib.Wrap(NativeMethods.sdt_tensor_neg(Handle));
        public Tensor abs() => NativeLib.Wrap(NativeMethods.sdt_tensor_abs(Handle));
        public Tensor exp() => NativeLib.Wrap(NativeMethods.sdt_tensor_exp(Handle));
        public Tensor log() => NativeLib.Wrap(NativeMethods.sdt_tensor_log(Handle));
        public Tensor sqrt() => NativeLib.Wrap(NativeMethods.sdt_tensor_sqrt(Handle));
        public Tensor rsqrt() => NativeLib.Wrap(NativeMethods.sdt_tensor_rsqrt(Handle));
        public Tensor square() => NativeLib.Wrap(NativeMethods.sdt_tensor_square(Handle));
        public Tensor reciprocal() => NativeLib.Wrap(NativeMethods.sdt_tensor_reciprocal(Handle));
        public Tensor sign() => NativeLib.Wrap(NativeMethods.sdt_tensor_sign(Handle));
        public Tensor sigmoid() => NativeLib.Wrap(NativeMethods.sdt_tensor_sigmoid(Handle));
        public Tensor tanh() => NativeLib.Wrap(NativeMethods.sdt_tensor_tanh(Handle));

        /// <summary>Limits every element to [min, max]; a null bound is not applied.</summary>
        public Tensor clamp(double? min = null, double? max = null) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_clamp(Handle, min.HasValue, min.GetValueOrDefault(), max.HasValue, max.GetValueOrDefault()));

        /// <summary>Elements of this tensor where <paramref name="condition"/> holds, else of <paramref name="other"/>.</summary>
        public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);

        /// <summary>A copy with <paramref name="value"/> wherever the boolean <paramref name="mask"/> is true.</summary>
        public Tensor masked_fill(Tensor mask, double value) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_masked_fill(Handle, mask.Handle, value));

        // In place: these update this tensor (the same object, the same storage) and return it.

        public Tensor add_(Tensor other, double alpha = 1) => InPlace(NativeMethods.sdt_tensor_add_(Handle, other.Handle, alpha));
        public Tensor add_(double other, double alpha = 1) => InPlace(NativeMethods.sdt_tensor_add_scalar_(Handle, other, alpha));
        public Tensor sub_(Tensor other, double alpha = 1) => InPlace(NativeMethods.sdt_tensor_sub_(Handle, other.Handle, alpha));
        public Tensor sub_(double other, double alpha = 1) => InPlace(NativeMethods.sdt_tensor_sub_scalar_(Handle, other, alpha));
        public Tensor mul_(Tensor other) => InPlace(NativeMethods.sdt_tensor_mul_(Handle, other.Handle));
        public Tensor mul_(double other) => InPlace(NativeMethods.sdt_tensor_mul_scalar_(Handle, other));
        public Tensor div_(Tensor other) => InPlace(NativeMethods.sdt_tensor_div_(Handle, other.Handle));
        public Tensor div_(double other) => InPlace(NativeMethods.sdt_tensor_div_scalar_(Handle, other));
        /// <summary>this += value * tensor1 * tensor2.</summary>
        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1) =>
            InPlace(NativeMethods.sdt_tensor_addcmul_(Handle, tensor1.Handle, tensor2.Handle, value));
        /// <summary>this += value * tensor1 / tensor2.</summary>
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) =>
            InPlace(NativeMethods.sdt_tensor_addcdiv_(Handle, tensor1.Handle, tensor2.Handle, value));
        public Tensor clamp_(double? min = null, double? max = null) =>
            InPlace(NativeMethods.sdt_tensor_clamp_(Handle, min.HasValue, min.GetValueOrDefault(), max.HasValue, max.GetValueOrDefault()));
        public Tensor neg_() => InPlace(NativeMethods.sdt_tensor_neg_(Handle));
        public Tensor sqrt_() => InPlace(NativeMethods.sdt_tensor_sqrt_(Handle));
        public Tensor masked_fill_(Tensor mask, double value) => InPlace(NativeMethods.sdt_tensor_masked_fill_(Handle, mask.Handle, value));

        private Tensor InPlace(int status)
        {
            NativeLib.Check(status);
            return this;
        }

        // Comparisons give bool tensors.

        public Tensor eq(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_eq(Handle, other.Handle));
        public Tensor eq(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_eq_scalar(Handle, other));
        public Tensor ne(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_ne(Handle, other.Handle));
        public Tensor ne(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_ne_scalar(Handle, other));
        public Tensor lt(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_lt(Handle, other.Handle));
        public Tensor lt(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_lt_scalar(Handle, other));
        public Tensor le(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_le(Handle, other.Handle));
        public Tensor le(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_le_scalar(Handle, other));
        public Tensor gt(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_gt(Handle, other.Handle));
        public Tensor gt(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_gt_scalar(Handle, other));
        public Tensor ge(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_ge(Handle, other.Handle));
        public Tensor ge(double other) => NativeLib.Wrap(NativeMethods.sdt_tensor_ge_scalar(Handle, other));

        public Tensor logical_and(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_logical_and(Handle, other.Handle));
        public Tensor logical_or(Tensor other) => NativeLib.Wrap(NativeMethods.sdt_tensor_logical_or(Handle, other.Handle));
        public Tensor logical_not() => NativeLib.Wrap(NativeMethods.sdt_tensor_logical_not(Handle));
        public Tensor isnan() => NativeLib.Wrap(NativeMethods.sdt_tensor_isnan(Handle));
        public Tensor isfinite() => NativeLib.Wrap(NativeMethods.sdt_tensor_isfinite(Handle));

        /// <summary>True when both tensors have the same shape and elements.</summary>
        public bool equal(Tensor other)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_equal(Handle, other.Handle, out var result));
            return result != 0;
        }

        /// <summary>True when |this - other| &lt;= atol + rtol * |other| everywhere.</summary>
        public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_allclose(Handle, other.Handle, rtol, atol, equal_nan, out var result));
            return result != 0;
        }
    }
}
