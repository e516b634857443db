// Optimizers: one native call updates every parameter, so a training step costs one P/Invoke, not one per tensor.
#include "shim.h"

namespace {
void check_mask(const at::Tensor& mask, const at::Tensor& param, int index) {
    if (mask.sizes() != param.sizes())
        throw std::runtime_error("gradient mask " + std::to_string(index) + " has shape " + c10::str(mask.sizes()) +
                                 " but its parameter has shape " + c10::str(param.sizes()));
}
}  // namespace

// One SGD step over n parameters, exactly as PyTorch 1.13's _single_tensor_sgd (same ops in the same order,
// so results match bit for bit). Parameters without a gradient are skipped.
//   masks: nullptr, or n entries (nullptr = dense); a mask multiplies the gradient in place before anything else,
//          so masked weights get zero gradient, zero momentum and (when they are zero) zero weight decay.
//   momentum_buffers: n entries, read and written: a nullptr entry of a parameter that has a gradient receives
//          a new tensor (the first step initialises the buffer to the gradient); the caller owns it.
SDT_API int sdt_optim_sgd_step(const Tensor* params, const Tensor* masks, Tensor* momentum_buffers, int n, double lr,
                               double momentum, double dampening, double weight_decay, bool nesterov) {
    SDT_STATUS(
        at::NoGradGuard no_grad;
        for (int i = 0; i < n; ++i) {
            at::Tensor& param = *params[i];
            at::Tensor& grad = param.mutable_grad();
            if (!grad.defined()) continue;
            if (masks && masks[i]) {
                check_mask(*masks[i], param, i);
                grad.mul_(*masks[i]);
            }
            at::Tensor d_p = grad;
            if (weight_decay != 0) d_p = d_p.add(param, weight_decay);
            if (momentum != 0) {
                if (!momentum_buffers[i]) {
                    momentum_buffers[i] = sdt::wrap(d_p.clone().detach());
                } else {
                    momentum_buffers[i]->mul_(momentum).add_(d_p, 1 - dampening);
                }
                const at::Tensor& buf = *momentum_buffers[i];
                d_p = nesterov ? d_p.add(buf, momentum) : buf;
            }
            param.add_(d_p, -lr);
        })
}

// A copy of optimizer state `source` with the dtype and device of `like` (its parameter or current buffer);
// shapes must agree. Used to export state snapshots and to load them back.
SDT_API Tensor sdt_optim_state_copy(Tensor source, Tensor like) {
    SDT_TENSOR(([&] {
        if (source->sizes() != like->sizes())
            throw std::runtime_error("optimizer state has shape " + c10::str(source->sizes()) + " but " +
                                     c10::str(like->sizes()) + " is expected");
        at::NoGradGuard no_grad;
        // In `like`'s dtype, device and layout: a channels-last parameter keeps channels-last state after a resume.
        auto copy = at::empty_like(*like, like->options().requires_grad(false));
        copy.copy_(source->detach());
        return copy;
    })())
}
