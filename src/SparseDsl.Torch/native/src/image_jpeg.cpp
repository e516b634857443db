// JPEG decoding and encoding through libturbojpeg (TurboJPEG API 2.x).
#include "shim.h"
#include "image_codec.h"

#ifdef SDT_HAVE_TURBOJPEG
#include <turbojpeg.h>

namespace {

// Owns a tjhandle for the lifetime of one call (handles are not shared between threads).
class Handle {
public:
    explicit Handle(tjhandle h) : handle_(h) {
        if (!handle_) throw std::runtime_error(std::string("libturbojpeg could not start: ") + tjGetErrorStr2(nullptr));
    }
    ~Handle() { tjDestroy(handle_); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    operator tjhandle() const { return handle_; }

private:
    tjhandle handle_;
};

struct Header {
    sdt::image::Size size;
    int colorspace = 0;
};

Header read_header(tjhandle h, const uint8_t* data, int64_t length) {
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (tjDecompressHeader3(h, data, static_cast<unsigned long>(length), &width, &height, &subsampling, &colorspace) != 0)
        throw std::runtime_error(std::string("not a readable JPEG: ") + tjGetErrorStr2(h));
    sdt::image::check_size(height, width);
    return {{height, width}, colorspace};
}

// Warnings (e.g. "extraneous bytes before marker") still yield a complete image, as PIL accepts them;
// a stream that ends early leaves part of the image undecoded, which is an error.
void check_decompress(tjhandle h, int status) {
    if (status == 0) return;
    std::string message = tjGetErrorStr2(h);
    if (tjGetErrorCode(h) == TJERR_WARNING && message.find("Premature end") == std::string::npos) return;
    if (message.find("Premature end") != std::string::npos)
        throw std::runtime_error("truncated JPEG (" + message + ")");
    throw std::runtime_error("corrupt JPEG (" + message + ")");
}

}  // namespace

bool sdt::image::jpeg_available() { return true; }

sdt::image::Size sdt::image::jpeg_size(const uint8_t* data, int64_t length) {
    Handle h(tjInitDecompress());
    return read_header(h, data, length).size;
}

sdt::image::Rgb sdt::image::jpeg_decode(const uint8_t* data, int64_t length) {
    Handle h(tjInitDecompress());
    auto header = read_header(h, data, length);
    const auto height = header.size.height, width = header.size.width;
    // Accurate integer DCT and fancy upsampling: libjpeg's defaults, which PIL uses too.
    const int flags = TJFLAG_ACCURATEDCT;
    Rgb image{header.size, std::vector<uint8_t>(static_cast<size_t>(height * width * 3))};
    if (header.colorspace == TJCS_CMYK || header.colorspace == TJCS_YCCK) {
        // libturbojpeg cannot convert CMYK to RGB; Adobe writes inverted CMYK, so R = C·K/255 (and so on).
        std::vector<uint8_t> cmyk(static_cast<size_t>(height * width * 4));
        check_decompress(h, tjDecompress2(h, data, static_cast<unsigned long>(length), cmyk.data(),
                                          static_cast<int>(width), 0, static_cast<int>(height), TJPF_CMYK, flags));
        for (int64_t p = 0; p < height * width; ++p) {
            const int k = cmyk[p * 4 + 3];
            for (int c = 0; c < 3; ++c) image.pixels[p * 3 + c] = static_cast<uint8_t>((cmyk[p * 4 + c] * k + 127) / 255);
        }
        return image;
    }
    check_decompress(h, tjDecompress2(h, data, static_cast<unsigned long>(length), image.pixels.data(),
                                      static_cast<int>(width), 0, static_cast<int>(height), TJPF_RGB, flags));
    return image;
}

std::vector<uint8_t> sdt::image::jpeg_encode(const uint8_t* rgb, int64_t height, int64_t width, int quality) {
    check_size(height, width);
    if (quality < 1 || quality > 100) throw std::runtime_error("JPEG quality must be in 1..100, got " + std::to_string(quality));
    Handle h(tjInitCompress());
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    // 4:4:4 (no chroma subsampling) keeps small test images close to their source.
    if (tjCompress2(h, rgb, static_cast<int>(width), 0, static_cast<int>(height), TJPF_RGB, &buffer, &size, TJSAMP_444,
                    quality, TJFLAG_ACCURATEDCT) != 0) {
        std::string message = tjGetErrorStr2(h);
        tjFree(buffer);
        throw std::runtime_error("JPEG encoding failed: " + message);
    }
    std::vector<uint8_t> out(buffer, buffer + size);
    tjFree(buffer);
    return out;
}

#else

namespace {
[[noreturn]] void unavailable() {
    throw std::runtime_error(std::string("JPEG support was not built: libturbojpeg was not found when the native shim was configured; ") +
                             sdt::image::missing_codec_hint());
}
}  // namespace

bool sdt::image::jpeg_available() { return false; }
sdt::image::Size sdt::image::jpeg_size(const uint8_t*, int64_t) { unavailable(); }
sdt::image::Rgb sdt::image::jpeg_decode(const uint8_t*, int64_t) { unavailable(); }
std::vector<uint8_t> sdt::image::jpeg_encode(const uint8_t*, int64_t, int64_t, int) { unavailable(); }

#endif
