// Autograd beyond backward(): the thread-local grad mode (no_grad / enable_grad) and torch.autograd.grad.
#include "shim.h"
#include <torch/csrc/autograd/autograd.h>

SDT_API int sdt_autograd_is_grad_enabled(int* out) { SDT_STATUS(*out = at::GradMode::is_enabled() ? 1 : 0) }
SDT_API int sdt_autograd_set_grad_enabled(bool enabled) { SDT_STATUS(at::GradMode::set_enabled(enabled)) }

// Gradients of `outputs` with respect to `inputs`; results[i] receives a new handle for inputs[i].
// A null grad_outputs entry means "ones" (scalar outputs); retain_graph < 0 means "same as create_graph".
// With allow_unused, an input the outputs do not depend on gets zeros (never a null handle).
SDT_API int sdt_autograd_grad(const Tensor* outputs, int n_outputs, const Tensor* inputs, int n_inputs,
                              const Tensor* grad_outputs, int n_grad_outputs, int retain_graph, bool create_graph,
                              bool allow_unused, Tensor* results) {
    SDT_STATUS(
        std::vector<at::Tensor> grads_in;
        grads_in.reserve(static_cast<size_t>(n_grad_outputs));
        for (int i = 0; i < n_grad_outputs; ++i) grads_in.push_back(grad_outputs[i] ? *grad_outputs[i] : at::Tensor());
        auto retain = retain_graph < 0 ? c10::optional<bool>() : c10::optional<bool>(retain_graph != 0);
        auto ins = sdt::tensors(inputs, n_inputs);
        auto grads = torch::autograd::grad(sdt::tensors(outputs, n_outputs), ins, grads_in, retain, create_graph, allow_unused);
        for (size_t i = 0; i < grads.size(); ++i)
            if (!grads[i].defined()) grads[i] = at::zeros_like(ins[i]);
        for (size_t i = 0; i < grads.size(); ++i) results[i] = sdt::wrap(std::move(grads[i]));)
}
