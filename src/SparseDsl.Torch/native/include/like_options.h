// Options of a tensor made "like" another (zeros_like, rand_like…): the source's dtype and device unless
// overridden. dtype < 0 and device_type < 0 mean "keep the source's", as in sdt_tensor_to.
#pragma once
#include "shim.h"

namespace sdt {
inline at::TensorOptions like_options(const at::Tensor& t, int8_t dtype, int device_type, int device_index, bool requires_grad) {
    auto o = t.options().requires_grad(requires_grad);
    if (dtype >= 0) o = o.dtype(static_cast<at::ScalarType>(dtype));
    if (device_type >= 0)
        o = o.device(at::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
    return o;
}
}  // namespace sdt
