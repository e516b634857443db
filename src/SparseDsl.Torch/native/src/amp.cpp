// Automatic mixed precision: autocast state (thread-local, as in libtorch) and the gradient scaler's unscale step.
// Autocast works at the dispatcher, so every op the shim calls while it is on is cast by libtorch's own op lists
// (convolutions and matrix products to the low-precision type, losses and reductions kept in float32).
#include "shim.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace {
// libtorch 2.4 replaced the per-device functions by ones taking the device type (the old ones remain, deprecated).
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocast_enabled(c10::DeviceType d) { return at::autocast::is_autocast_enabled(d); }
at::ScalarType autocast_dtype(c10::DeviceType d) { return at::autocast::get_autocast_dtype(d); }
void set_autocast(c10::DeviceType d, bool enabled, at::ScalarType dtype) {
    at::autocast::set_autocast_dtype(d, dtype);
    at::autocast::set_autocast_enabled(d, enabled);
}
#else
bool autocast_enabled(c10::DeviceType d) {
    return d == c10::DeviceType::CUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
at::ScalarType autocast_dtype(c10::DeviceType d) {
    return d == c10::DeviceType::CUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void set_autocast(c10::DeviceType d, bool enabled, at::ScalarType dtype) {
    if (d == c10::DeviceType::CUDA) {
        at::autocast::set_autocast_gpu_dtype(dtype);
        at::autocast::set_enabled(enabled);
    } else {
        at::autocast::set_autocast_cpu_dtype(dtype);
        at::autocast::set_cpu_enabled(enabled);
    }
}
#endif

c10::DeviceType autocast_device(int device_type) {
    auto d = static_cast<c10::DeviceType>(device_type);
    if (d != c10::DeviceType::CPU && d != c10::DeviceType::CUDA)
        throw std::invalid_argument("autocast supports the cpu and cuda devices, not " + c10::DeviceTypeName(d));
    return d;
}
}  // namespace

SDT_API int sdt_autocast_get(int device_type, int* enabled, int8_t* dtype) {
    SDT_STATUS(auto d = autocast_device(device_type); *enabled = autocast_enabled(d) ? 1 : 0;
               *dtype = static_cast<int8_t>(autocast_dtype(d));)
}

// Sets this thread's autocast state for one device type. Which dtype each device supports is checked on the
// managed side, where the message can name the option to change.
SDT_API int sdt_autocast_set(int device_type, int enabled, int8_t dtype) {
    SDT_STATUS(set_autocast(autocast_device(device_type), enabled != 0, static_cast<at::ScalarType>(dtype));)
}

// Entering and leaving an autocast region, as Python's torch.autocast does: the cache of casted weights lives
// while any region is open and is cleared when the outermost one closes, so an optimizer step between two
// forwards is never hidden behind a stale low-precision copy.
SDT_API int sdt_autocast_enter(int* depth) { SDT_STATUS(*depth = at::autocast::increment_nesting();) }

SDT_API int sdt_autocast_exit(int* depth) {
    SDT_STATUS(*depth = at::autocast::decrement_nesting(); if (*depth == 0) at::autocast::clear_cache();)
}

// The gradient scaler's unscale: multiplies each gradient by inv_scale in place and sets found_inf (a one-element
// float32 tensor on the gradients' device) to 1 when any gradient holds an inf or NaN. Stays on the device: the
// host learns the verdict with one read at the optimizer step. CUDA uses libtorch's fused kernel; the CPU (whose
// kernel libtorch 1.x lacks) the same arithmetic op by op.
SDT_API int sdt_amp_unscale(const Tensor* grads, int n, Tensor found_inf, double inv_scale) {
    SDT_STATUS(
        at::NoGradGuard no_grad;
        std::vector<at::Tensor> cuda;
        for (int i = 0; i < n; ++i) {
            const at::Tensor& g = *grads[i];
            if (!g.defined()) continue;
            if (g.is_cuda() && found_inf->is_cuda()) {
                cuda.push_back(g);
                continue;
            }
            found_inf->copy_(at::maximum(*found_inf, at::logical_not(at::isfinite(g)).any().to(found_inf->scalar_type())));
            g.mul_(inv_scale);
        }
        if (!cuda.empty()) {
            auto inv = at::full({}, inv_scale, found_inf->options());
            at::_amp_foreach_non_finite_check_and_unscale_(cuda, *found_inf, inv);
        })
}
