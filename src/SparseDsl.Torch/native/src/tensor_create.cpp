// Tensor creation: constant fills, ranges and random draws.
#include "shim.h"

#define SDT_OPTIONS sdt::options(dtype, device_type, device_index, requires_grad)
#define SDT_CREATE_ARGS int8_t dtype, int device_type, int device_index, bool requires_grad

SDT_API Tensor sdt_zeros(const int64_t* shape, int ndim, SDT_CREATE_ARGS) { SDT_TENSOR(at::zeros(sdt::dims(shape, ndim), SDT_OPTIONS)) }
SDT_API Tensor sdt_ones(const int64_t* shape, int ndim, SDT_CREATE_ARGS) { SDT_TENSOR(at::ones(sdt::dims(shape, ndim), SDT_OPTIONS)) }
SDT_API Tensor sdt_empty(const int64_t* shape, int ndim, SDT_CREATE_ARGS) { SDT_TENSOR(at::empty(sdt::dims(shape, ndim), SDT_OPTIONS)) }
SDT_API Tensor sdt_full(const int64_t* shape, int ndim, double value, SDT_CREATE_ARGS) { SDT_TENSOR(at::full(sdt::dims(shape, ndim), value, SDT_OPTIONS)) }
