// Elementwise arithmetic, comparisons and logic, out-of-place and in place.
// In-place functions return a status and mutate the tensor behind the handle (the managed object is unchanged).
#include "shim.h"

#include <cmath>

namespace {
// Scalars cross the ABI as double. For an integer or bool tensor an integral value is passed as an integer
// scalar, so `int_tensor * 2` stays integral (as PyTorch's `t * 2`) and in-place ops on it do not fail
// with "result type Float can't be cast"; a fractional value still promotes to floating point.
at::Scalar number(const at::Tensor& t, double value) {
    if (!at::isFloatingType(t.scalar_type()) && !at::isComplexType(t.scalar_type()) && std::trunc(value) == value &&
        std::fabs(value) < 9.2e18)
        return at::Scalar(static_cast<int64_t>(value));
    return at::Scalar(value);
}
}  // namespace

#define SDT_UNARY(name) \
    SDT_API Tensor sdt_tensor_##name(Tensor t) { SDT_TENSOR(t->name()) }
#define SDT_UNARY_(name) \
    SDT_API int sdt_tensor_##name##_(Tensor t) { SDT_STATUS(t->name##_()) }
#define SDT_BINARY(name) \
    SDT_API Tensor sdt_tensor_##name(Tensor t, Tensor other) { SDT_TENSOR(t->name(*other)) }
#define SDT_BINARY_SCALAR(name) \
    SDT_API Tensor sdt_tensor_##name##_scalar(Tensor t, double other) { SDT_TENSOR(t->name(number(*t, other))) }
#define SDT_BINARY_ALL(name) SDT_BINARY(name) SDT_BINARY_SCALAR(name)

// Arithmetic. add/sub take alpha: t + alpha * other.
SDT_API Tensor sdt_tensor_add(Tensor t, Tensor other, double alpha) { SDT_TENSOR(t->add(*other, number(*other, alpha))) }
SDT_API Tensor sdt_tensor_add_scalar(Tensor t, double other, double alpha) { SDT_TENSOR(t->add(number(*t, other), number(*t, alpha))) }
SDT_API Tensor sdt_tensor_sub(Tensor t, Tensor other, double alpha) { SDT_TENSOR(t->sub(*other, number(*other, alpha))) }
SDT_API Tensor sdt_tensor_sub_scalar(Tensor t, double other, double alpha) { SDT_TENSOR(t->sub(number(*t, other), number(*t, alpha))) }
// other - t and other / t, for `double - Tensor` and `double / Tensor`.
SDT_API Tensor sdt_tensor_rsub_scalar(Tensor t, double other) { SDT_TENSOR(at::rsub(*t, number(*t, other))) }
SDT_API Tensor sdt_tensor_rdiv_scalar(Tensor t, double other) { SDT_TENSOR(t->reciprocal().mul_(other)) }
SDT_BINARY_ALL(mul)
SDT_BINARY_ALL(div)
SDT_BINARY_ALL(pow)
SDT_BINARY(maximum)
SDT_BINARY(minimum)

SDT_UNARY(neg)
SDT_UNARY(abs)
SDT_UNARY(exp)
SDT_UNARY(log)
SDT_UNARY(sqrt)
SDT_UNARY(rsqrt)
SDT_UNARY(square)
SDT_UNARY(reciprocal)
SDT_UNARY(sign)
SDT_UNARY(sigmoid)
SDT_UNARY(tanh)

static c10::optional<at::Scalar> bound(const at::Tensor& t, bool has, double value) {
    return has ? c10::optional<at::Scalar>(number(t, value)) : c10::nullopt;
}
SDT_API Tensor sdt_tensor_clamp(Tensor t, bool has_min, double min, bool has_max, double max) {
    SDT_TENSOR(t->clamp(bound(*t, has_min, min), bound(*t, has_max, max)))
}
SDT_API int sdt_tensor_clamp_(Tensor t, bool has_min, double min, bool has_max, double max) {
    SDT_STATUS(t->clamp_(bound(*t, has_min, min), bound(*t, has_max, max)))
}

// Elements of `a` where `condition` holds, else of `b`.
SDT_API Tensor sdt_where(Tensor condition, Tensor a, Tensor b) { SDT_TENSOR(at::where(*condition, *a, *b)) }

SDT_API Tensor sdt_tensor_masked_fill(Tensor t, Tensor mask, double value) { SDT_TENSOR(t->masked_fill(*mask, number(*t, value))) }
SDT_API int sdt_tensor_masked_fill_(Tensor t, Tensor mask, double value) { SDT_STATUS(t->masked_fill_(*mask, number(*t, value))) }

// In place, as optimizers use them.
SDT_API int sdt_tensor_add_(Tensor t, Tensor other, double alpha) { SDT_STATUS(t->add_(*other, number(*other, alpha))) }
SDT_API int sdt_tensor_add_scalar_(Tensor t, double other, double alpha) { SDT_STATUS(t->add_(number(*t, other), number(*t, alpha))) }
SDT_API int sdt_tensor_sub_(Tensor t, Tensor other, double alpha) { SDT_STATUS(t->sub_(*other, number(*other, alpha))) }
SDT_API int sdt_tensor_sub_scalar_(Tensor t, double other, double alpha) { SDT_STATUS(t->sub_(number(*t, other), number(*t, alpha))) }
SDT_API int sdt_tensor_mul_(Tensor t, Tensor other) { SDT_STATUS(t->mul_(*other)) }
SDT_API int sdt_tensor_mul_scalar_(Tensor t, double other) { SDT_STATUS(t->mul_(number(*t, other))) }
SDT_API int sdt_tensor_div_(Tensor t, Tensor other) { SDT_STATUS(t->div_(*other)) }
SDT_API int sdt_tensor_div_scalar_(Tensor t, double other) { SDT_STATUS(t->div_(number(*t, other))) }
// t += value * t1 * t2  and  t += value * t1 / t2.
SDT_API int sdt_tensor_addcmul_(Tensor t, Tensor t1, Tensor t2, double value) { SDT_STATUS(t->addcmul_(*t1, *t2, value)) }
SDT_API int sdt_tensor_addcdiv_(Tensor t, Tensor t1, Tensor t2, double value) { SDT_STATUS(t->addcdiv_(*t1, *t2, value)) }
SDT_UNARY_(neg)
SDT_UNARY_(sqrt)

// Comparisons (bool results) and logic.
SDT_BINARY_ALL(eq)
SDT_BINARY_ALL(ne)
SDT_BINARY_ALL(lt)
SDT_BINARY_ALL(le)
SDT_BINARY_ALL(gt)
SDT_BINARY_ALL(ge)
SDT_BINARY(logical_and)
SDT_BINARY(logical_or)
SDT_UNARY(logical_not)
SDT_UNARY(isnan)
SDT_UNARY(isfinite)

// Same shape and elements.
SDT_API int sdt_tensor_equal(Tensor t, Tensor other, int* out) { SDT_STATUS(*out = t->equal(*other) ? 1 : 0) }
SDT_API int sdt_tensor_allclose(Tensor t, Tensor other, double rtol, double atol, bool equal_nan, int* out) {
    SDT_STATUS(*out = t->allclose(*other, rtol, atol, equal_nan) ? 1 : 0)
}
