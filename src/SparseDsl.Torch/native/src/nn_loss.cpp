// torch.nn.functional losses. reduction is at::Reduction (0 none, 1 mean, 2 sum), as torch.nn.Reduction.
#include "shim.h"

SDT_API Tensor sdt_nn_cross_entropy(Tensor input, Tensor target, Tensor weight, int64_t ignore_index, int64_t reduction,
                                    double label_smoothing) {
    SDT_TENSOR(at::cross_entropy_loss(*input, *target, sdt::optional(weight), reduction, ignore_index, label_smoothing))
}

// nll_loss_nd accepts [N, C], [C] and [N, C, d1, ...] inputs, as Python's F.nll_loss.
SDT_API Tensor sdt_nn_nll_loss(Tensor input, Tensor target, Tensor weight, int64_t ignore_index, int64_t reduction) {
    SDT_TENSOR(at::nll_loss_nd(*input, *target, sdt::optional(weight), reduction, ignore_index))
}
