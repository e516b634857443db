// Common header of the SparseDsl libtorch shim: C ABI conventions and error capture.
//
// Conventions (every exported function follows them, so the C# side can rely on them):
//   * Tensors cross the boundary as `Tensor` (a heap-allocated at::Tensor*). The caller owns
//     every tensor a function returns and frees it with sdt_tensor_free.
//   * A function that makes a tensor returns it, or nullptr on failure.
//   * Any other function returns int: 0 on success, non-zero on failure; results go to out-parameters.
//   * On failure the libtorch message is kept in a thread-local string read by sdt_last_error.
//     No C++ exception ever crosses the boundary, so the process never aborts on bad input.
//   * Float scalars are double, integer scalars int64_t, dtypes the c10::ScalarType value,
//     devices (type, index) with the c10::DeviceType value. Optional tensors are nullptr.
#pragma once

#include <torch/torch.h>
#include <ATen/ATen.h>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#define SDT_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* Tensor;

namespace sdt {
void set_last_error(const char* message);
void clear_last_error();
// Throws a clear error for a CUDA device when libtorch has no usable CUDA (defined in device.cpp).
void require_device(const at::Device& device);

// Number of tensor handles alive across the boundary: lets tests prove nothing leaks.
extern std::atomic<int64_t> live_handles;

inline Tensor wrap(at::Tensor&& t) {
    live_handles.fetch_add(1, std::memory_order_relaxed);
    return new at::Tensor(std::move(t));
}
inline Tensor wrap(const at::Tensor& t) {
    live_handles.fetch_add(1, std::memory_order_relaxed);
    return new at::Tensor(t);
}

inline at::IntArrayRef dims(const int64_t* values, int n) { return at::IntArrayRef(values, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> tensors(const Tensor* values, int n) {
    std::vector<at::Tensor> out;
    out.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) out.push_back(*values[i]);
    return out;
}

inline c10::optional<at::Tensor> optional(Tensor t) {
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

inline at::TensorOptions options(int8_t dtype, int device_type, int device_index, bool requires_grad) {
    at::Device device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index));
    require_device(device);
    return at::TensorOptions()
        .dtype(static_cast<at::ScalarType>(dtype))
        .device(device)
        .requires_grad(requires_grad);
}
}  // namespace sdt

// Evaluates an expression that yields an at::Tensor; returns the new handle or nullptr on error.
#define SDT_TENSOR(expr)                                                   \
    try {                                                                  \
        return sdt::wrap(expr);                                            \
    } catch (const std::exception& e) {                                    \
        sdt::set_last_error(e.what());                                     \
    } catch (...) {                                                        \
        sdt::set_last_error("unknown native error");                       \
    }                                                                      \
    return nullptr;

// Runs statements; returns 0 on success, 1 on error.
#define SDT_STATUS(stmts)                                                  \
    try {                                                                  \
        stmts;                                                             \
        return 0;                                                          \
    } catch (const std::exception& e) {                                    \
        sdt::set_last_error(e.what());                                     \
    } catch (...) {                                                        \
        sdt::set_last_error("unknown native error");                       \
    }                                                                      \
    return 1;
