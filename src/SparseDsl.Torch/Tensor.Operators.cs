using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        // Arithmetic operators make new tensors (registered with the current dispose scope like any other result).
        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        public static Tensor operator +(Tensor left, double right) => left.add(right);
        public static Tensor operator +(double left, Tensor right) => right.add(left);

        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        public static Tensor operator -(Tensor left, double right) => left.sub(right);
        public static Tensor operator -(double left, Tensor right) => NativeLib.Wrap(NativeMethods.sdt_tensor_rsub_scalar(right.Handle, left));

        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        public static Tensor operator *(Tensor left, double right) => left.mul(right);
        public static Tensor operator *(double left, Tensor right) => right.mul(left);

        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        public static Tensor operator /(Tensor left, double right) => left.div(right);
        public static Tensor operator /(double left, Tensor right) => NativeLib.Wrap(NativeMethods.sdt_tensor_rdiv_scalar(right.Handle, left));

        public static Tensor operator -(Tensor tensor) => tensor.neg();
    }
}
