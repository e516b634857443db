// Image files in and out of tensors: format sniffing, header sizes, decoding to RGB, and encoding
// (encoding exists so that tests and tools can write real JPEG/PNG files without another library).
#include "shim.h"
#include "image_codec.h"

sdt::image::Format sdt::image::sniff(const uint8_t* data, int64_t length) {
    static const uint8_t png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (length >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff) return Format::Jpeg;
    if (length >= 8 && std::memcmp(data, png_signature, 8) == 0) return Format::Png;
    return Format::Unknown;
}

void sdt::image::check_size(int64_t height, int64_t width) {
    if (height <= 0 || width <= 0)
        throw std::runtime_error("image header declares an empty size " + std::to_string(width) + "x" + std::to_string(height));
    if (height > max_decoded_bytes / 3 / width)
        throw std::runtime_error("image header declares " + std::to_string(width) + "x" + std::to_string(height) +
                                 " pixels, more than the " + std::to_string(max_decoded_bytes >> 20) + " MiB a decoded image may take");
}

namespace {

void check_input(const uint8_t* data, int64_t length) {
    if (!data || length <= 0) throw std::runtime_error("empty image file");
}

sdt::image::Format known_format(const uint8_t* data, int64_t length) {
    check_input(data, length);
    auto format = sdt::image::sniff(data, length);
    if (format == sdt::image::Format::Unknown) throw std::runtime_error("not a JPEG or PNG file (unrecognised signature)");
    return format;
}

at::Tensor to_tensor(sdt::image::Rgb&& image) {
    auto out = at::empty({image.size.height, image.size.width, 3}, at::kByte);
    std::memcpy(out.data_ptr<uint8_t>(), image.pixels.data(), image.pixels.size());
    return out;
}

at::Tensor bytes_tensor(const std::vector<uint8_t>& bytes) {
    auto out = at::empty({static_cast<int64_t>(bytes.size())}, at::kByte);
    std::memcpy(out.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    return out;
}

// A contiguous CPU uint8 [H, W, 3] tensor, as the encoders read it.
at::Tensor rgb_input(const at::Tensor& image) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3 && image.scalar_type() == at::kByte,
                "image to encode must be uint8 [height, width, 3], got ", image.scalar_type(), " ", image.sizes());
    return image.to(at::kCPU).contiguous();
}

at::Tensor encode_png(const at::Tensor& image) {
    auto rgb = rgb_input(image);
    return bytes_tensor(sdt::image::png_encode(rgb.data_ptr<uint8_t>(), rgb.size(0), rgb.size(1)));
}

at::Tensor encode_jpeg(const at::Tensor& image, int64_t quality) {
    auto rgb = rgb_input(image);
    return bytes_tensor(sdt::image::jpeg_encode(rgb.data_ptr<uint8_t>(), rgb.size(0), rgb.size(1), static_cast<int>(quality)));
}

}  // namespace

sdt::image::Rgb sdt::image::decode(const uint8_t* data, int64_t length) {
    return known_format(data, length) == sdt::image::Format::Jpeg ? sdt::image::jpeg_decode(data, length)
                                                                  : sdt::image::png_decode(data, length);
}

SDT_API int sdt_image_codecs(int* jpeg, int* png) {
    SDT_STATUS(*jpeg = sdt::image::jpeg_available() ? 1 : 0; *png = sdt::image::png_available() ? 1 : 0)
}

// Height and width from the file's header, without decoding the pixels.
SDT_API int sdt_image_size(const uint8_t* data, int64_t length, int64_t* height, int64_t* width) {
    SDT_STATUS(
        auto size = known_format(data, length) == sdt::image::Format::Jpeg ? sdt::image::jpeg_size(data, length)
                                                                           : sdt::image::png_size(data, length);
        *height = size.height;
        *width = size.width)
}

// Decodes a JPEG or PNG file held in memory to a uint8 [height, width, 3] RGB tensor.
SDT_API Tensor sdt_image_decode(const uint8_t* data, int64_t length) { SDT_TENSOR(to_tensor(sdt::image::decode(data, length))) }

// Encodes a uint8 [height, width, 3] RGB tensor; returns the file's bytes as a uint8 [n] tensor.
SDT_API Tensor sdt_image_encode_png(Tensor image) { SDT_TENSOR(encode_png(*image)) }

SDT_API Tensor sdt_image_encode_jpeg(Tensor image, int64_t quality) { SDT_TENSOR(encode_jpeg(*image, quality)) }
