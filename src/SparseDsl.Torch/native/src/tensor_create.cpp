// Tensor creation: constant fills, ranges, *_like tensors, copies and in-place fills (random draws: random.cpp).
#include "shim.h"
#include "like_options.h"

// torch:: (not at::) factories: they honour requires_grad in the options.
#define SDT_OPTIONS sdt::options(dtype, device_type, device_index, requires_grad)
#define SDT_CREATE_ARGS int8_t dtype, int device_type, int device_index, bool requires_grad

SDT_API Tensor sdt_zeros(const int64_t* shape, int ndim, SDT_CREATE_ARGS) { SDT_TENSOR(torch::zeros(sdt::dims(shape, ndim), SDT_OPTIONS)) }
SDT_API Tensor sdt_ones(const int64_t* shape, int ndim, SDT_CREATE_ARGS) { SDT_TENSOR(torch::ones(sdt::dims(shape, ndim), SDT_OPTIONS)) }
SDT_API Tensor sdt_empty(const int64_t* shape, int ndim, SDT_CREATE_ARGS) { SDT_TENSOR(torch::empty(sdt::dims(shape, ndim), SDT_OPTIONS)) }
SDT_API Tensor sdt_full(const int64_t* shape, int ndim, double value, SDT_CREATE_ARGS) { SDT_TENSOR(torch::full(sdt::dims(shape, ndim), value, SDT_OPTIONS)) }

SDT_API Tensor sdt_arange(double start, double end, double step, SDT_CREATE_ARGS) { SDT_TENSOR(torch::arange(start, end, step, SDT_OPTIONS)) }

#define SDT_LIKE_OPTIONS sdt::like_options(*t, dtype, device_type, device_index, requires_grad)

SDT_API Tensor sdt_zeros_like(Tensor t, SDT_CREATE_ARGS) { SDT_TENSOR(torch::zeros_like(*t, SDT_LIKE_OPTIONS)) }
SDT_API Tensor sdt_ones_like(Tensor t, SDT_CREATE_ARGS) { SDT_TENSOR(torch::ones_like(*t, SDT_LIKE_OPTIONS)) }
SDT_API Tensor sdt_empty_like(Tensor t, SDT_CREATE_ARGS) { SDT_TENSOR(torch::empty_like(*t, SDT_LIKE_OPTIONS)) }
SDT_API Tensor sdt_full_like(Tensor t, double value, SDT_CREATE_ARGS) { SDT_TENSOR(torch::full_like(*t, value, SDT_LIKE_OPTIONS)) }

// Copies and in-place fills. The in-place functions return a status: the managed tensor object stays the same.
SDT_API Tensor sdt_tensor_clone(Tensor t) { SDT_TENSOR(t->clone()) }
SDT_API Tensor sdt_tensor_contiguous(Tensor t) { SDT_TENSOR(t->contiguous()) }

// Memory formats by at::MemoryFormat's values: 0 contiguous (NCHW), 2 channels_last (NHWC, 4-D tensors only).
static at::MemoryFormat memory_format(int8_t format) {
    switch (format) {
        case static_cast<int8_t>(at::MemoryFormat::Contiguous): return at::MemoryFormat::Contiguous;
        case static_cast<int8_t>(at::MemoryFormat::ChannelsLast): return at::MemoryFormat::ChannelsLast;
        default: throw std::invalid_argument("memory format " + std::to_string(format) + " is not supported; expected 0 (contiguous) or 2 (channels_last)");
    }
}

SDT_API Tensor sdt_tensor_contiguous_format(Tensor t, int8_t format) { SDT_TENSOR(t->contiguous(memory_format(format))) }
SDT_API int sdt_tensor_is_contiguous_format(Tensor t, int8_t format, int* out) {
    SDT_STATUS(*out = t->is_contiguous(memory_format(format)) ? 1 : 0)
}
SDT_API int sdt_tensor_copy_(Tensor t, Tensor source, bool non_blocking) { SDT_STATUS(t->copy_(*source, non_blocking)) }
SDT_API int sdt_tensor_zero_(Tensor t) { SDT_STATUS(t->zero_()) }
SDT_API int sdt_tensor_fill_(Tensor t, double value) { SDT_STATUS(t->fill_(value)) }
