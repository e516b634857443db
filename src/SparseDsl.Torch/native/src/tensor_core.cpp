// Tensor lifetime and metadata: free, shape, dtype, device, raw data copies.
#include "shim.h"

std::atomic<int64_t> sdt::live_handles{0};

SDT_API void sdt_tensor_free(Tensor t) {
    if (!t) return;
    sdt::live_handles.fetch_sub(1, std::memory_order_relaxed);
    delete t;
}

SDT_API int64_t sdt_live_tensor_handles() { return sdt::live_handles.load(std::memory_order_relaxed); }

SDT_API int sdt_tensor_dim(Tensor t, int64_t* out) { SDT_STATUS(*out = t->dim()) }

SDT_API int sdt_tensor_shape(Tensor t, int64_t* out, int capacity) {
    SDT_STATUS(
        auto sizes = t->sizes();
        if (static_cast<int>(sizes.size()) > capacity) throw std::runtime_error("shape buffer too small");
        for (size_t i = 0; i < sizes.size(); ++i) out[i] = sizes[i];)
}

SDT_API int sdt_tensor_numel(Tensor t, int64_t* out) { SDT_STATUS(*out = t->numel()) }

SDT_API int sdt_tensor_dtype(Tensor t, int8_t* out) { SDT_STATUS(*out = static_cast<int8_t>(t->scalar_type())) }

SDT_API int sdt_tensor_device(Tensor t, int* type, int* index) {
    SDT_STATUS(*type = static_cast<int>(t->device().type()); *index = t->device().index())
}

SDT_API int sdt_tensor_defined(Tensor t, int* out) { SDT_STATUS(*out = t->defined() ? 1 : 0) }

// Makes a tensor of the given dtype/shape on the CPU and copies `nbytes` from `data` into it.
SDT_API Tensor sdt_tensor_from_data(const void* data, int8_t dtype, const int64_t* shape, int ndim, int64_t nbytes) {
    SDT_TENSOR(([&] {
        auto t = at::empty(sdt::dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
        if (static_cast<int64_t>(t.nbytes()) != nbytes)
            throw std::runtime_error("data length " + std::to_string(nbytes) + " bytes does not match shape (" +
                                     std::to_string(t.nbytes()) + " bytes expected)");
        if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
        return t;
    })())
}

// Copies the tensor's elements (made contiguous, moved to CPU, converted to `dtype`) into `data`.
SDT_API int sdt_tensor_copy_to(Tensor t, void* data, int8_t dtype, int64_t nbytes) {
    SDT_STATUS(
        auto c = t->detach().to(at::kCPU, static_cast<at::ScalarType>(dtype)).contiguous();
        if (static_cast<int64_t>(c.nbytes()) != nbytes)
            throw std::runtime_error("destination holds " + std::to_string(nbytes) + " bytes, tensor needs " +
                                     std::to_string(c.nbytes()));
        if (nbytes > 0) std::memcpy(data, c.data_ptr(), static_cast<size_t>(nbytes));)
}

SDT_API int sdt_tensor_item_double(Tensor t, double* out) { SDT_STATUS(*out = t->item<double>()) }
SDT_API int sdt_tensor_item_long(Tensor t, int64_t* out) { SDT_STATUS(*out = t->item<int64_t>()) }

SDT_API Tensor sdt_tensor_shallow_clone(Tensor t) { SDT_TENSOR(at::Tensor(*t)) }


// Converts dtype and/or device; dtype < 0 keeps the dtype, device_type < 0 keeps the device.
SDT_API Tensor sdt_tensor_to(Tensor t, int8_t dtype, int device_type, int device_index, bool non_blocking, bool copy) {
    SDT_TENSOR(([&] {
        auto type = dtype < 0 ? t->scalar_type() : static_cast<at::ScalarType>(dtype);
        auto device = device_type < 0 ? t->device()
                                      : at::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index));
        sdt::require_device(device);
        return t->to(device, type, non_blocking, copy);
    })())
}
