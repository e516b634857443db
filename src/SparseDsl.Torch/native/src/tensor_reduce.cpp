// Reductions: sums, means, extrema, sorting, counting and spread. dtype < 0 means "no dtype override";
// dims arrive as (const int64_t*, int n). Functions returning (values, indices) write two new handles.
#include "shim.h"

namespace {
c10::optional<at::ScalarType> optional_dtype(int8_t dtype) {
    return dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>(static_cast<at::ScalarType>(dtype));
}

void write_pair(std::tuple<at::Tensor, at::Tensor>&& pair, Tensor* values, Tensor* indices) {
    *values = sdt::wrap(std::move(std::get<0>(pair)));
    *indices = sdt::wrap(std::move(std::get<1>(pair)));
}
}  // namespace

SDT_API Tensor sdt_tensor_sum(Tensor t, int8_t dtype) { SDT_TENSOR(t->sum(optional_dtype(dtype))) }
SDT_API Tensor sdt_tensor_sum_dims(Tensor t, const int64_t* dims, int n, bool keepdim, int8_t dtype) {
    SDT_TENSOR(t->sum(sdt::dims(dims, n), keepdim, optional_dtype(dtype)))
}
SDT_API Tensor sdt_tensor_mean(Tensor t, int8_t dtype) { SDT_TENSOR(t->mean(optional_dtype(dtype))) }
SDT_API Tensor sdt_tensor_mean_dims(Tensor t, const int64_t* dims, int n, bool keepdim, int8_t dtype) {
    SDT_TENSOR(t->mean(sdt::dims(dims, n), keepdim, optional_dtype(dtype)))
}
SDT_API Tensor sdt_tensor_prod(Tensor t, int8_t dtype) { SDT_TENSOR(t->prod(optional_dtype(dtype))) }
SDT_API Tensor sdt_tensor_prod_dim(Tensor t, int64_t dim, bool keepdim, int8_t dtype) {
    SDT_TENSOR(t->prod(dim, keepdim, optional_dtype(dtype)))
}
SDT_API Tensor sdt_tensor_cumsum(Tensor t, int64_t dim, int8_t dtype) { SDT_TENSOR(t->cumsum(dim, optional_dtype(dtype))) }

SDT_API Tensor sdt_tensor_max(Tensor t) { SDT_TENSOR(t->max()) }
SDT_API Tensor sdt_tensor_min(Tensor t) { SDT_TENSOR(t->min()) }
SDT_API int sdt_tensor_max_dim(Tensor t, int64_t dim, bool keepdim, Tensor* values, Tensor* indices) {
    SDT_STATUS(write_pair(t->max(dim, keepdim), values, indices))
}
SDT_API int sdt_tensor_min_dim(Tensor t, int64_t dim, bool keepdim, Tensor* values, Tensor* indices) {
    SDT_STATUS(write_pair(t->min(dim, keepdim), values, indices))
}
// Index into the flattened tensor.
SDT_API Tensor sdt_tensor_argmax(Tensor t) { SDT_TENSOR(t->argmax()) }
SDT_API Tensor sdt_tensor_argmin(Tensor t) { SDT_TENSOR(t->argmin()) }
SDT_API Tensor sdt_tensor_argmax_dim(Tensor t, int64_t dim, bool keepdim) { SDT_TENSOR(t->argmax(dim, keepdim)) }
SDT_API Tensor sdt_tensor_argmin_dim(Tensor t, int64_t dim, bool keepdim) { SDT_TENSOR(t->argmin(dim, keepdim)) }

SDT_API int sdt_tensor_topk(Tensor t, int64_t k, int64_t dim, bool largest, bool sorted, Tensor* values, Tensor* indices) {
    SDT_STATUS(write_pair(t->topk(k, dim, largest, sorted), values, indices))
}
SDT_API int sdt_tensor_sort(Tensor t, int64_t dim, bool descending, bool stable, Tensor* values, Tensor* indices) {
    SDT_STATUS(write_pair(t->sort(stable, dim, descending), values, indices))
}

// Counting everything returns a plain number: no tensor crosses the ABI.
SDT_API int sdt_tensor_count_nonzero(Tensor t, int64_t* out) { SDT_STATUS(*out = t->count_nonzero().item<int64_t>()) }
SDT_API Tensor sdt_tensor_count_nonzero_dims(Tensor t, const int64_t* dims, int n) {
    SDT_TENSOR(t->count_nonzero(sdt::dims(dims, n)))
}

SDT_API Tensor sdt_tensor_std(Tensor t, bool unbiased) { SDT_TENSOR(t->std(unbiased)) }
SDT_API Tensor sdt_tensor_std_dims(Tensor t, const int64_t* dims, int n, bool unbiased, bool keepdim) {
    SDT_TENSOR(t->std(at::OptionalIntArrayRef(sdt::dims(dims, n)), unbiased, keepdim))
}
SDT_API Tensor sdt_tensor_var(Tensor t, bool unbiased) { SDT_TENSOR(t->var(unbiased)) }
SDT_API Tensor sdt_tensor_var_dims(Tensor t, const int64_t* dims, int n, bool unbiased, bool keepdim) {
    SDT_TENSOR(t->var(at::OptionalIntArrayRef(sdt::dims(dims, n)), unbiased, keepdim))
}

SDT_API Tensor sdt_tensor_norm(Tensor t, double p) { SDT_TENSOR(t->norm(p)) }
SDT_API Tensor sdt_tensor_norm_dims(Tensor t, const int64_t* dims, int n, bool keepdim, double p) {
    SDT_TENSOR(t->norm(c10::optional<at::Scalar>(p), sdt::dims(dims, n), keepdim))
}
