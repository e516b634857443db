// One image into one slot of a float batch: crop a box, resize it with antialiased bilinear filtering
// (the weights of ATen's _upsample_bilinear2d_aa and PIL's BILINEAR), keep a window of the result, flip it
// horizontally if asked, and normalise per channel. RandomResizedCrop is (box, resize to 224, whole window);
// Resize(256) + CenterCrop(224) is (whole image, resize to 256 on the short side, centred 224 window).
// Pure C++ loops without ATen's thread pool: the data pipeline parallelises across images instead.
#include "shim.h"
#include "image_codec.h"

#include <algorithm>
#include <cmath>

namespace {

// Layout of the int64 plan array shared with C# (SparseDsl.Data.ResizePlan).
struct Plan {
    int64_t crop_top, crop_left, crop_height, crop_width;
    int64_t resize_height, resize_width;
    int64_t window_top, window_left;
    bool flip;

    explicit Plan(const int64_t* v)
        : crop_top(v[0]), crop_left(v[1]), crop_height(v[2]), crop_width(v[3]), resize_height(v[4]), resize_width(v[5]),
          window_top(v[6]), window_left(v[7]), flip(v[8] != 0) {}
};

// Filter taps of output positions first .. first+count-1 when in_size samples are resized to out_size.
struct Taps {
    std::vector<int64_t> start;
    std::vector<int64_t> length;
    std::vector<float> weights;  // count × stride
    int64_t stride = 0;
};

Taps compute_taps(int64_t in_size, int64_t out_size, int64_t first, int64_t count) {
    const double scale = static_cast<double>(in_size) / static_cast<double>(out_size);
    // Downscaling widens the triangle filter by the scale (antialiasing); upscaling is plain bilinear.
    const double support = scale >= 1.0 ? scale : 1.0;
    const double invscale = scale >= 1.0 ? 1.0 / scale : 1.0;
    Taps taps;
    taps.stride = static_cast<int64_t>(std::ceil(support)) * 2 + 1;
    taps.start.resize(static_cast<size_t>(count));
    taps.length.resize(static_cast<size_t>(count));
    taps.weights.assign(static_cast<size_t>(count * taps.stride), 0.0f);
    std::vector<double> w(static_cast<size_t>(taps.stride));
    for (int64_t k = 0; k < count; ++k) {
        const double center = scale * (static_cast<double>(first + k) + 0.5);
        const int64_t lo = std::max<int64_t>(static_cast<int64_t>(center - support + 0.5), 0);
        const int64_t hi = std::min<int64_t>(static_cast<int64_t>(center + support + 0.5), in_size);
        const int64_t n = std::min<int64_t>(hi - lo, taps.stride);
        double total = 0.0;
        for (int64_t j = 0; j < n; ++j) {
            w[j] = std::max(0.0, 1.0 - std::abs((static_cast<double>(j + lo) - center + 0.5) * invscale));
            total += w[j];
        }
        for (int64_t j = 0; j < n; ++j) taps.weights[k * taps.stride + j] = static_cast<float>(total > 0 ? w[j] / total : 0.0);
        taps.start[k] = lo;
        taps.length[k] = n;
    }
    return taps;
}

void check_plan(const Plan& p, int64_t height, int64_t width, int64_t out_height, int64_t out_width) {
    TORCH_CHECK(p.crop_height > 0 && p.crop_width > 0 && p.crop_top >= 0 && p.crop_left >= 0 &&
                    p.crop_top + p.crop_height <= height && p.crop_left + p.crop_width <= width,
                "crop box (top ", p.crop_top, ", left ", p.crop_left, ", ", p.crop_height, "x", p.crop_width,
                ") is not inside the ", height, "x", width, " image");
    TORCH_CHECK(p.resize_height > 0 && p.resize_width > 0, "resize size must be positive, got ", p.resize_height, "x", p.resize_width);
    TORCH_CHECK(p.window_top >= 0 && p.window_left >= 0 && p.window_top + out_height <= p.resize_height &&
                    p.window_left + out_width <= p.resize_width,
                "output window (top ", p.window_top, ", left ", p.window_left, ", ", out_height, "x", out_width,
                ") is not inside the resized ", p.resize_height, "x", p.resize_width, " image");
}

// Writes channel-major normalised floats ((v/255 − mean)/std, as v·scale − shift) for the window of the resized crop.
void resize_rgb(const uint8_t* rgb, int64_t height, int64_t width, const Plan& p, const float* scale, const float* shift,
                float* out, int64_t out_height, int64_t out_width) {
    check_plan(p, height, width, out_height, out_width);
    const auto rows = compute_taps(p.crop_height, p.resize_height, p.window_top, out_height);
    const auto cols = compute_taps(p.crop_width, p.resize_width, p.window_left, out_width);
    const int64_t row_lo = rows.start.front();
    const int64_t row_hi = rows.start.back() + rows.length.back();

    // Horizontal pass over the crop rows the vertical taps read: tmp[(r − row_lo), x, c].
    std::vector<float> tmp(static_cast<size_t>((row_hi - row_lo) * out_width * 3));
    for (int64_t r = row_lo; r < row_hi; ++r) {
        const uint8_t* src = rgb + ((p.crop_top + r) * width + p.crop_left) * 3;
        float* dst = tmp.data() + (r - row_lo) * out_width * 3;
        for (int64_t x = 0; x < out_width; ++x) {
            const float* w = cols.weights.data() + x * cols.stride;
            const uint8_t* s = src + cols.start[x] * 3;
            float a0 = 0, a1 = 0, a2 = 0;
            for (int64_t j = 0; j < cols.length[x]; ++j) {
                a0 += w[j] * s[j * 3];
                a1 += w[j] * s[j * 3 + 1];
                a2 += w[j] * s[j * 3 + 2];
            }
            dst[x * 3] = a0;
            dst[x * 3 + 1] = a1;
            dst[x * 3 + 2] = a2;
        }
    }
    // Vertical pass, flip and normalisation, straight into the output slot.
    const int64_t plane = out_height * out_width;
    for (int64_t y = 0; y < out_height; ++y) {
        const float* w = rows.weights.data() + y * rows.stride;
        for (int64_t x = 0; x < out_width; ++x) {
            float a[3] = {0, 0, 0};
            for (int64_t j = 0; j < rows.length[y]; ++j) {
                const float* t = tmp.data() + ((rows.start[y] + j - row_lo) * out_width + x) * 3;
                a[0] += w[j] * t[0];
                a[1] += w[j] * t[1];
                a[2] += w[j] * t[2];
            }
            const int64_t column = p.flip ? out_width - 1 - x : x;
            for (int c = 0; c < 3; ++c) out[c * plane + y * out_width + column] = a[c] * scale[c] - shift[c];
        }
    }
}

// The float pointer of slot `index` of a CPU float32 [B, 3, H, W] contiguous batch.
float* slot(const at::Tensor& batch, int64_t index) {
    TORCH_CHECK(batch.device().is_cpu() && batch.scalar_type() == at::kFloat && batch.dim() == 4 && batch.size(1) == 3 &&
                    batch.is_contiguous(),
                "batch must be a contiguous CPU float32 [B, 3, H, W] tensor, got ", batch.scalar_type(), " ", batch.sizes());
    TORCH_CHECK(index >= 0 && index < batch.size(0), "slot ", index, " is outside the batch of ", batch.size(0));
    return batch.data_ptr<float>() + index * 3 * batch.size(2) * batch.size(3);
}

void normalisation(const double* mean, const double* std, float* scale, float* shift) {
    for (int c = 0; c < 3; ++c) {
        TORCH_CHECK(std[c] > 0, "standard deviation of channel ", c, " must be positive, got ", std[c]);
        scale[c] = static_cast<float>(1.0 / (255.0 * std[c]));
        shift[c] = static_cast<float>(mean[c] / std[c]);
    }
}

void resize_into(const uint8_t* rgb, int64_t height, int64_t width, const int64_t* plan, const double* mean, const double* std,
                 const at::Tensor& batch, int64_t index) {
    float scale[3], shift[3];
    normalisation(mean, std, scale, shift);
    float* out = slot(batch, index);
    resize_rgb(rgb, height, width, Plan(plan), scale, shift, out, batch.size(2), batch.size(3));
}

}  // namespace

// `image` is uint8 [H, W, 3] (RGB); `plan` holds 9 int64 (see Plan); the result goes to batch[index].
SDT_API int sdt_image_resize_into(Tensor image, const int64_t* plan, const double* mean, const double* std, Tensor batch, int64_t index) {
    SDT_STATUS(
        TORCH_CHECK(image->dim() == 3 && image->size(2) == 3 && image->scalar_type() == at::kByte,
                    "image must be uint8 [height, width, 3], got ", image->scalar_type(), " ", image->sizes());
        auto rgb = image->to(at::kCPU).contiguous();
        resize_into(rgb.data_ptr<uint8_t>(), rgb.size(0), rgb.size(1), plan, mean, std, *batch, index))
}

// Decodes a JPEG or PNG held in memory and writes it to batch[index] as sdt_image_resize_into does.
SDT_API int sdt_image_decode_resize_into(const uint8_t* data, int64_t length, const int64_t* plan, const double* mean,
                                         const double* std, Tensor batch, int64_t index) {
    SDT_STATUS(
        auto image = sdt::image::decode(data, length);
        resize_into(image.pixels.data(), image.size.height, image.size.width, plan, mean, std, *batch, index))
}
