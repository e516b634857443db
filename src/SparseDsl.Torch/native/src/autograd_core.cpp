// The autograd basics every module needs: requires_grad, grad, backward, set_data.
#include "shim.h"

SDT_API int sdt_tensor_requires_grad(Tensor t, int* out) { SDT_STATUS(*out = t->requires_grad() ? 1 : 0) }
SDT_API int sdt_tensor_set_requires_grad(Tensor t, bool value) { SDT_STATUS(t->set_requires_grad(value)) }

// *out receives a new handle to the gradient, or nullptr when no gradient has been computed.
SDT_API int sdt_tensor_grad(Tensor t, Tensor* out) {
    SDT_STATUS(const auto& g = t->grad(); *out = g.defined() ? sdt::wrap(g) : nullptr)
}

// Drops the gradient (PyTorch's zero_grad(set_to_none=True)).
SDT_API int sdt_tensor_clear_grad(Tensor t) { SDT_STATUS(t->mutable_grad().reset()) }

SDT_API int sdt_tensor_backward(Tensor t, Tensor gradient, bool retain_graph, bool create_graph) {
    SDT_STATUS(t->backward(gradient ? *gradient : at::Tensor(), retain_graph, create_graph))
}

// Replaces the tensor's data in place, keeping its identity (how modules move parameters between devices).
SDT_API int sdt_tensor_set_data(Tensor t, Tensor source) { SDT_STATUS(t->set_data(*source)) }

SDT_API Tensor sdt_tensor_detach(Tensor t) { SDT_TENSOR(t->detach()) }
