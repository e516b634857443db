// The CIFAR training augmentation of a whole batch in one call: zero padding, a crop per sample, an optional
// horizontal flip per sample, conversion to float and per-channel normalisation. The random choices are made by
// the caller (deterministically from seed, epoch and batch) and passed in, so this function is pure.
#include "shim.h"

namespace {

struct Choice {
    int64_t top, left;
    bool flip;
};

std::vector<Choice> read_choices(const int64_t* params, int64_t count, int64_t max_top, int64_t max_left) {
    std::vector<Choice> choices(static_cast<size_t>(count));
    for (int64_t b = 0; b < count; ++b) {
        const int64_t top = params[b * 3], left = params[b * 3 + 1], flip = params[b * 3 + 2];
        TORCH_CHECK(top >= 0 && top <= max_top && left >= 0 && left <= max_left && (flip == 0 || flip == 1),
                    "sample ", b, ": crop offset (", top, ", ", left, ") must lie in [0, ", max_top, "] x [0, ", max_left,
                    "] and flip must be 0 or 1, got ", flip);
        choices[b] = {top, left, flip == 1};
    }
    return choices;
}

// One pass over the output on the CPU: each value is read from the source (or is padding) and normalised.
at::Tensor augment_cpu(const at::Tensor& images, const std::vector<Choice>& choices, int64_t padding, int64_t out_h, int64_t out_w,
                       const std::vector<float>& scale, const std::vector<float>& shift) {
    auto src = images.contiguous();
    const int64_t batch = src.size(0), channels = src.size(1), height = src.size(2), width = src.size(3);
    auto out = at::empty({batch, channels, out_h, out_w}, images.options().dtype(at::kFloat));
    const uint8_t* in = src.data_ptr<uint8_t>();
    float* dst = out.data_ptr<float>();
    at::parallel_for(0, batch * channels, 1, [&](int64_t begin, int64_t end) {
        for (int64_t bc = begin; bc < end; ++bc) {
            const auto& choice = choices[bc / channels];
            const int64_t c = bc % channels;
            const float pad = -shift[c];  // a zero pixel, normalised
            const uint8_t* plane = in + bc * height * width;
            float* o = dst + bc * out_h * out_w;
            for (int64_t y = 0; y < out_h; ++y) {
                const int64_t sy = choice.top + y - padding;
                float* row = o + y * out_w;
                if (sy < 0 || sy >= height) {
                    std::fill(row, row + out_w, pad);
                    continue;
                }
                // Columns whose source lies inside the image form one run [lo, hi); the rest is padding.
                const uint8_t* line = plane + sy * width;
                const int64_t first = choice.left - padding;  // source column of output column 0 (unflipped)
                const int64_t lo = std::clamp<int64_t>(-first, 0, out_w), hi = std::clamp<int64_t>(width - first, 0, out_w);
                std::fill(row, row + out_w, pad);
                if (!choice.flip) {
                    for (int64_t x = lo; x < hi; ++x) row[x] = static_cast<float>(line[first + x]) * scale[c] - shift[c];
                } else {
                    // Output column x shows unflipped column out_w − 1 − x.
                    for (int64_t u = lo; u < hi; ++u) row[out_w - 1 - u] = static_cast<float>(line[first + u]) * scale[c] - shift[c];
                }
            }
        }
    });
    return out;
}

// The same result from tensor operations, for any device: pad, gather rows and (possibly reversed) columns, normalise.
// choices: int64 [B, 3] (top, left, flip) and scale/shift: float32 [1, C, 1, 1], all on the images' device.
at::Tensor augment_tensor_ops(const at::Tensor& images, const at::Tensor& choices, int64_t padding, int64_t out_h, int64_t out_w,
                              const at::Tensor& scale, const at::Tensor& shift) {
    const auto device = images.device();
    const int64_t count = images.size(0), channels = images.size(1);
    auto long_options = at::TensorOptions().dtype(at::kLong).device(device);
    auto top = choices.select(1, 0).view({count, 1, 1, 1}), left = choices.select(1, 1).view({count, 1, 1, 1});
    auto flip = choices.select(1, 2).view({count, 1, 1, 1}).to(at::kBool);
    auto ys = at::arange(out_h, long_options).view({1, 1, out_h, 1}), xs = at::arange(out_w, long_options).view({1, 1, 1, out_w});
    auto padded = at::constant_pad_nd(images, {padding, padding, padding, padding}, 0);  // [B, C, Hp, Wp]
    // Two gathers: the window's rows, then its (possibly reversed) columns.
    auto rows = (top + ys).expand({count, channels, out_h, padded.size(3)});
    auto cols = (left + at::where(flip, (out_w - 1) - xs, xs)).expand({count, channels, out_h, out_w});
    auto picked = padded.gather(2, rows).gather(3, cols).to(at::kFloat);  // [B, C, out_h, out_w]
    return picked.mul_(scale).sub_(shift);
}

void check_batch(const at::Tensor& images, int64_t count, int64_t channels, int64_t padding, int64_t out_h, int64_t out_w) {
    TORCH_CHECK(images.dim() == 4 && images.scalar_type() == at::kByte, "images must be uint8 [B, C, H, W], got ",
                images.scalar_type(), " ", images.sizes());
    TORCH_CHECK(images.size(0) == count, "expected ", images.size(0), " crop choices (one per image), got ", count);
    TORCH_CHECK(images.size(1) == channels, "images have ", images.size(1), " channels but ", channels, " mean/std values were given");
    TORCH_CHECK(padding >= 0 && out_h > 0 && out_w > 0, "padding must be >= 0 and the crop size positive");
    TORCH_CHECK(images.size(2) + 2 * padding - out_h >= 0 && images.size(3) + 2 * padding - out_w >= 0, "crop ", out_h, "x", out_w,
                " is larger than the padded ", images.size(2) + 2 * padding, "x", images.size(3) + 2 * padding, " image");
}

at::Tensor crop_flip_normalize(const at::Tensor& images, const int64_t* params, int64_t count, int64_t padding, int64_t out_h,
                               int64_t out_w, const double* mean, const double* std, int64_t channels, bool use_tensor_ops) {
    check_batch(images, count, channels, padding, out_h, out_w);
    const int64_t max_top = images.size(2) + 2 * padding - out_h, max_left = images.size(3) + 2 * padding - out_w;
    auto choices = read_choices(params, count, max_top, max_left);
    std::vector<float> scale(static_cast<size_t>(channels)), shift(static_cast<size_t>(channels));
    for (int64_t c = 0; c < channels; ++c) {
        TORCH_CHECK(std[c] > 0, "standard deviation of channel ", c, " must be positive, got ", std[c]);
        scale[c] = static_cast<float>(1.0 / (255.0 * std[c]));
        shift[c] = static_cast<float>(mean[c] / std[c]);
    }
    if (images.device().is_cpu() && !use_tensor_ops) return augment_cpu(images, choices, padding, out_h, out_w, scale, shift);
    const auto device = images.device();
    auto float_options = at::TensorOptions().dtype(at::kFloat);
    auto choices_t = at::from_blob(const_cast<int64_t*>(params), {count, 3}, at::kLong).to(device);
    auto scale_t = at::from_blob(scale.data(), {1, channels, 1, 1}, float_options).to(device);
    auto shift_t = at::from_blob(shift.data(), {1, channels, 1, 1}, float_options).to(device);
    return augment_tensor_ops(images, choices_t, padding, out_h, out_w, scale_t, shift_t);
}

}  // namespace

// images: uint8 [B, C, H, W] on any device. params: B × (top, left, flip) with the crop's top-left corner in padded
// coordinates, top in [0, H + 2·padding − out_h]. mean/std: C values in [0, 1] pixel units. Returns float32
// [B, C, out_h, out_w] on the images' device. use_tensor_ops forces the device-generic path (also on the CPU).
SDT_API Tensor sdt_image_crop_flip_normalize(Tensor images, const int64_t* params, int64_t count, int64_t padding, int64_t out_h,
                                             int64_t out_w, const double* mean, const double* std, int64_t channels,
                                             bool use_tensor_ops) {
    SDT_TENSOR(crop_flip_normalize(*images, params, count, padding, out_h, out_w, mean, std, channels, use_tensor_ops))
}

// The same augmentation with everything already on the images' device: choices int64 [B, 3] (the caller checked
// their range when it made them), scale and shift float32 [1, C, 1, 1]. No host data goes in, so on a GPU no
// host-to-device copy makes the step wait for the queued work.
SDT_API Tensor sdt_image_crop_flip_normalize_on_device(Tensor images, Tensor choices, int64_t padding, int64_t out_h, int64_t out_w,
                                                       Tensor scale, Tensor shift) {
    SDT_TENSOR(([&] {
        check_batch(*images, choices->size(0), scale->size(1), padding, out_h, out_w);
        TORCH_CHECK(choices->dim() == 2 && choices->size(1) == 3 && choices->scalar_type() == at::kLong,
                    "choices must be int64 [B, 3], got ", choices->scalar_type(), " ", choices->sizes());
        TORCH_CHECK(choices->device() == images->device() && scale->device() == images->device() && shift->device() == images->device(),
                    "choices, scale and shift must be on the images' device ", images->device());
        return augment_tensor_ops(*images, *choices, padding, out_h, out_w, *scale, *shift);
    }()))
}
