// PNG decoding and encoding through libpng's simplified API (png_image), which reports errors by return
// value: no setjmp/longjmp crosses C++ frames here.
#include "shim.h"
#include "image_codec.h"

#ifdef SDT_HAVE_PNG
#include <png.h>

namespace {

// Frees libpng's reader state on every path out of a decode.
class Reader {
public:
    Reader() {
        std::memset(&image, 0, sizeof image);
        image.version = PNG_IMAGE_VERSION;
    }
    ~Reader() { png_image_free(&image); }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    void begin(const uint8_t* data, int64_t length) {
        if (!png_image_begin_read_from_memory(&image, data, static_cast<size_t>(length)))
            throw std::runtime_error(std::string("not a readable PNG: ") + image.message);
        sdt::image::check_size(image.height, image.width);
    }

    png_image image;
};

}  // namespace

bool sdt::image::png_available() { return true; }

sdt::image::Size sdt::image::png_size(const uint8_t* data, int64_t length) {
    Reader reader;
    reader.begin(data, length);
    return {static_cast<int64_t>(reader.image.height), static_cast<int64_t>(reader.image.width)};
}

sdt::image::Rgb sdt::image::png_decode(const uint8_t* data, int64_t length) {
    Reader reader;
    reader.begin(data, length);
    const int64_t height = reader.image.height, width = reader.image.width;
    // Gray, palette and 16-bit images become 8-bit RGB; an alpha channel is read and then dropped, as PIL's convert("RGB") does.
    const bool alpha = (reader.image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    const int channels = alpha ? 4 : 3;
    reader.image.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    std::vector<uint8_t> buffer(static_cast<size_t>(height * width * channels));
    if (!png_image_finish_read(&reader.image, nullptr, buffer.data(), 0, nullptr))
        throw std::runtime_error(std::string("corrupt or truncated PNG: ") + reader.image.message);
    Rgb image{{height, width}, {}};
    if (!alpha) {
        image.pixels = std::move(buffer);
        return image;
    }
    image.pixels.resize(static_cast<size_t>(height * width * 3));
    for (int64_t p = 0; p < height * width; ++p)
        for (int c = 0; c < 3; ++c) image.pixels[p * 3 + c] = buffer[p * 4 + c];
    return image;
}

std::vector<uint8_t> sdt::image::png_encode(const uint8_t* rgb, int64_t height, int64_t width) {
    check_size(height, width);
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(width);
    image.height = static_cast<png_uint_32>(height);
    image.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (!png_image_write_get_memory_size(image, size, 0, rgb, 0, nullptr))
        throw std::runtime_error(std::string("PNG encoding failed: ") + image.message);
    std::vector<uint8_t> out(size);
    if (!png_image_write_to_memory(&image, out.data(), &size, 0, rgb, 0, nullptr))
        throw std::runtime_error(std::string("PNG encoding failed: ") + image.message);
    out.resize(size);
    return out;
}

#else

namespace {
[[noreturn]] void unavailable() {
    throw std::runtime_error(std::string("PNG support was not built: libpng was not found when the native shim was configured; ") +
                             sdt::image::missing_codec_hint());
}
}  // namespace

bool sdt::image::png_available() { return false; }
sdt::image::Size sdt::image::png_size(const uint8_t*, int64_t) { unavailable(); }
sdt::image::Rgb sdt::image::png_decode(const uint8_t*, int64_t) { unavailable(); }
std::vector<uint8_t> sdt::image::png_encode(const uint8_t*, int64_t, int64_t) { unavailable(); }

#endif
