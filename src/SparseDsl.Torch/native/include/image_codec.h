// Image decoding and encoding shared by the image_*.cpp files of the shim (not exported by itself).
// JPEG goes through libturbojpeg and PNG through libpng; either may be absent at build time
// (SDT_HAVE_TURBOJPEG / SDT_HAVE_PNG), in which case using it fails with an error naming the packages.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace sdt::image {

// Packages whose absence at configure time disables a codec; named in every "codec missing" error.
inline const char* missing_codec_hint() {
    return "install them with `sudo apt-get install libturbojpeg0-dev libpng-dev`, "
           "then rebuild SparseDsl.Torch (delete src/SparseDsl.Torch/obj/native so CMake looks again)";
}

// Largest decoded image accepted, in bytes of RGB pixels: a header claiming gigapixels fails before any allocation.
constexpr int64_t max_decoded_bytes = int64_t(1) << 28;

struct Size {
    int64_t height = 0;
    int64_t width = 0;
};

// A decoded image: interleaved 8-bit RGB, rows top to bottom (height × width × 3 bytes).
struct Rgb {
    Size size;
    std::vector<uint8_t> pixels;
};

enum class Format { Jpeg, Png, Unknown };

Format sniff(const uint8_t* data, int64_t length);

// Decodes a JPEG or PNG (told apart by signature) to RGB; throws std::runtime_error saying what is wrong.
Rgb decode(const uint8_t* data, int64_t length);

// Throws std::runtime_error (the message says what is wrong) when the header is unreadable or too large.
void check_size(int64_t height, int64_t width);

Size jpeg_size(const uint8_t* data, int64_t length);
Rgb jpeg_decode(const uint8_t* data, int64_t length);
std::vector<uint8_t> jpeg_encode(const uint8_t* rgb, int64_t height, int64_t width, int quality);
bool jpeg_available();

Size png_size(const uint8_t* data, int64_t length);
Rgb png_decode(const uint8_t* data, int64_t length);
std::vector<uint8_t> png_encode(const uint8_t* rgb, int64_t height, int64_t width);
bool png_available();

}  // namespace sdt::image
