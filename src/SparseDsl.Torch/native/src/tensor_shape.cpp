// Shape and indexing operations: views, reshapes, joins, splits, gathers and slices.
// Views share storage with their source (as in PyTorch); each still gets its own handle.
#include "shim.h"

SDT_API Tensor sdt_tensor_view(Tensor t, const int64_t* shape, int n) { SDT_TENSOR(t->view(sdt::dims(shape, n))) }
SDT_API Tensor sdt_tensor_reshape(Tensor t, const int64_t* shape, int n) { SDT_TENSOR(t->reshape(sdt::dims(shape, n))) }
SDT_API Tensor sdt_tensor_flatten(Tensor t, int64_t start_dim, int64_t end_dim) { SDT_TENSOR(t->flatten(start_dim, end_dim)) }
SDT_API Tensor sdt_tensor_permute(Tensor t, const int64_t* dims, int n) { SDT_TENSOR(t->permute(sdt::dims(dims, n))) }
SDT_API Tensor sdt_tensor_transpose(Tensor t, int64_t dim0, int64_t dim1) { SDT_TENSOR(t->transpose(dim0, dim1)) }
SDT_API Tensor sdt_tensor_t(Tensor t) { SDT_TENSOR(t->t()) }
SDT_API Tensor sdt_tensor_unsqueeze(Tensor t, int64_t dim) { SDT_TENSOR(t->unsqueeze(dim)) }
SDT_API Tensor sdt_tensor_squeeze(Tensor t) { SDT_TENSOR(t->squeeze()) }
SDT_API Tensor sdt_tensor_squeeze_dim(Tensor t, int64_t dim) { SDT_TENSOR(t->squeeze(dim)) }
SDT_API Tensor sdt_tensor_expand(Tensor t, const int64_t* shape, int n) { SDT_TENSOR(t->expand(sdt::dims(shape, n))) }
SDT_API Tensor sdt_tensor_repeat(Tensor t, const int64_t* repeats, int n) { SDT_TENSOR(t->repeat(sdt::dims(repeats, n))) }

SDT_API Tensor sdt_cat(const Tensor* tensors, int n, int64_t dim) { SDT_TENSOR(at::cat(sdt::tensors(tensors, n), dim)) }
SDT_API Tensor sdt_stack(const Tensor* tensors, int n, int64_t dim) { SDT_TENSOR(at::stack(sdt::tensors(tensors, n), dim)) }

SDT_API Tensor sdt_tensor_index_select(Tensor t, int64_t dim, Tensor index) { SDT_TENSOR(t->index_select(dim, *index)) }
SDT_API Tensor sdt_tensor_gather(Tensor t, int64_t dim, Tensor index) { SDT_TENSOR(t->gather(dim, *index)) }
SDT_API Tensor sdt_tensor_narrow(Tensor t, int64_t dim, int64_t start, int64_t length) { SDT_TENSOR(t->narrow(dim, start, length)) }
SDT_API Tensor sdt_tensor_select(Tensor t, int64_t dim, int64_t index) { SDT_TENSOR(t->select(dim, index)) }
SDT_API Tensor sdt_tensor_slice(Tensor t, int64_t dim, int64_t start, int64_t end, int64_t step) {
    SDT_TENSOR(t->slice(dim, start, end, step))
}

// Splits return a new array of new handles: *out receives it and *count its length. The caller takes
// ownership of every handle and frees the array itself with sdt_tensor_list_free.
namespace {
void write_list(std::vector<at::Tensor>&& parts, Tensor** out, int* count) {
    auto list = new Tensor[parts.size()];
    for (size_t i = 0; i < parts.size(); ++i) list[i] = sdt::wrap(std::move(parts[i]));
    *out = list;
    *count = static_cast<int>(parts.size());
}
}  // namespace

SDT_API void sdt_tensor_list_free(Tensor* list) { delete[] list; }

SDT_API int sdt_tensor_split(Tensor t, int64_t split_size, int64_t dim, Tensor** out, int* count) {
    SDT_STATUS(write_list(t->split(split_size, dim), out, count))
}
SDT_API int sdt_tensor_split_with_sizes(Tensor t, const int64_t* sizes, int n, int64_t dim, Tensor** out, int* count) {
    SDT_STATUS(write_list(t->split_with_sizes(sdt::dims(sizes, n), dim), out, count))
}
SDT_API int sdt_tensor_chunk(Tensor t, int64_t chunks, int64_t dim, Tensor** out, int* count) {
    SDT_STATUS(write_list(t->chunk(chunks, dim), out, count))
}
