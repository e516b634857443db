// torch.nn.functional: layers' forward passes, one exported call per op so a training step stays cheap.
// Shape-like arguments arrive as (pointer, count); a count of 1 is broadcast by libtorch to every spatial dim.
#include "shim.h"

SDT_API Tensor sdt_nn_linear(Tensor input, Tensor weight, Tensor bias) {
    SDT_TENSOR(at::linear(*input, *weight, sdt::optional(bias)))
}

SDT_API Tensor sdt_nn_conv2d(Tensor input, Tensor weight, Tensor bias, const int64_t* stride, int n_stride,
                             const int64_t* padding, int n_padding, const int64_t* dilation, int n_dilation, int64_t groups) {
    SDT_TENSOR(at::conv2d(*input, *weight, sdt::optional(bias), sdt::dims(stride, n_stride), sdt::dims(padding, n_padding),
                          sdt::dims(dilation, n_dilation), groups))
}

SDT_API Tensor sdt_nn_batch_norm(Tensor input, Tensor running_mean, Tensor running_var, Tensor weight, Tensor bias,
                                 bool training, double momentum, double eps) {
    SDT_TENSOR(at::batch_norm(*input, sdt::optional(weight), sdt::optional(bias), sdt::optional(running_mean),
                              sdt::optional(running_var), training, momentum, eps, at::globalContext().userEnabledCuDNN()))
}

// The BatchNorm modules' whole forward in one call (PyTorch's _BatchNorm.forward): checks the input rank,
// counts the batch in num_batches_tracked when training, and normalises with batch statistics (updating the
// running ones) in training mode or when no running statistics are kept, with the running ones otherwise.
SDT_API Tensor sdt_nn_batch_norm_module(Tensor input, Tensor weight, Tensor bias, Tensor running_mean, Tensor running_var,
                                        Tensor num_batches_tracked, bool training, double momentum, double eps,
                                        int min_dim, int max_dim) {
    SDT_TENSOR(([&] {
        auto rank = input->dim();
        if (rank < min_dim || rank > max_dim) {
            auto expected = min_dim == max_dim ? std::to_string(min_dim) + "D"
                                               : std::to_string(min_dim) + "D or " + std::to_string(max_dim) + "D";
            throw std::invalid_argument("expected " + expected + " input (got " + std::to_string(rank) + "D input)");
        }
        if (training && num_batches_tracked) {
            at::NoGradGuard no_grad;
            num_batches_tracked->add_(1);
        }
        bool use_batch_stats = training || (!running_mean && !running_var);
        return at::batch_norm(*input, sdt::optional(weight), sdt::optional(bias), sdt::optional(running_mean),
                              sdt::optional(running_var), use_batch_stats, momentum, eps,
                              at::globalContext().userEnabledCuDNN());
    })())
}

SDT_API Tensor sdt_nn_relu(Tensor input) { SDT_TENSOR(at::relu(*input)) }
SDT_API int sdt_nn_relu_(Tensor input) { SDT_STATUS(at::relu_(*input)) }

namespace {
double checked_probability(double p) {
    if (!(p >= 0.0 && p <= 1.0))
        throw std::invalid_argument("dropout probability has to be between 0 and 1, but got " + std::to_string(p));
    return p;
}
}  // namespace

SDT_API Tensor sdt_nn_dropout(Tensor input, double p, bool training) {
    SDT_TENSOR(at::dropout(*input, checked_probability(p), training))
}
SDT_API int sdt_nn_dropout_(Tensor input, double p, bool training) {
    SDT_STATUS(at::dropout_(*input, checked_probability(p), training))
}

// An empty stride means "same as kernel_size", as in PyTorch.
SDT_API Tensor sdt_nn_max_pool2d(Tensor input, const int64_t* kernel, int n_kernel, const int64_t* stride, int n_stride,
                                 const int64_t* padding, int n_padding, const int64_t* dilation, int n_dilation, bool ceil_mode) {
    SDT_TENSOR(at::max_pool2d(*input, sdt::dims(kernel, n_kernel), sdt::dims(stride, n_stride), sdt::dims(padding, n_padding),
                              sdt::dims(dilation, n_dilation), ceil_mode))
}

SDT_API Tensor sdt_nn_avg_pool2d(Tensor input, const int64_t* kernel, int n_kernel, const int64_t* stride, int n_stride,
                                 const int64_t* padding, int n_padding, bool ceil_mode, bool count_include_pad,
                                 bool has_divisor_override, int64_t divisor_override) {
    SDT_TENSOR(at::avg_pool2d(*input, sdt::dims(kernel, n_kernel), sdt::dims(stride, n_stride), sdt::dims(padding, n_padding),
                              ceil_mode, count_include_pad,
                              has_divisor_override ? c10::optional<int64_t>(divisor_override) : c10::nullopt))
}

// A single output size is used for both height and width.
SDT_API Tensor sdt_nn_adaptive_avg_pool2d(Tensor input, const int64_t* output_size, int n_output_size) {
    SDT_TENSOR(([&] {
        int64_t both[2] = {n_output_size == 1 ? output_size[0] : 0, n_output_size == 1 ? output_size[0] : 0};
        auto size = n_output_size == 1 ? at::IntArrayRef(both, 2) : sdt::dims(output_size, n_output_size);
        return at::adaptive_avg_pool2d(*input, size);
    })())
}

// dtype < 0 keeps the input's dtype.
SDT_API Tensor sdt_nn_softmax(Tensor input, int64_t dim, int8_t dtype) {
    SDT_TENSOR(at::softmax(*input, dim, dtype < 0 ? c10::optional<at::ScalarType>() : static_cast<at::ScalarType>(dtype)))
}
SDT_API Tensor sdt_nn_log_softmax(Tensor input, int64_t dim, int8_t dtype) {
    SDT_TENSOR(at::log_softmax(*input, dim, dtype < 0 ? c10::optional<at::ScalarType>() : static_cast<at::ScalarType>(dtype)))
}

// The Flatten layer's forward.
SDT_API Tensor sdt_nn_flatten(Tensor input, int64_t start_dim, int64_t end_dim) {
    SDT_TENSOR(input->flatten(start_dim, end_dim))
}
