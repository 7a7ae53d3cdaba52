// Stagemap — PNG files from cairo ARGB32 pixels, fast enough for a 60-megapixel export.
//
// libpng can only compress with zlib, whose level 1 needs about 300 ms for the 170 MB of
// filtered rows of a 1,000-card blueprint at scale 1 (7,802 × 7,623 px). ISA-L's deflate
// (libisal, Intel's storage library) writes the same zlib stream, 2 % larger, in about 45 ms.
// The PNG container around it is four chunk types: signature, IHDR, IDAT..., IEND.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace sm::render {

// Pixels as a cairo image surface holds them: ARGB32, premultiplied, native-endian 0xAARRGGBB.
struct Argb32Pixels {
    const unsigned char* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;  // bytes from one row to the next
};

// Writes a PNG file row by row, as the rows are rendered: 8-bit RGB when `opaque` (every
// pixel must then be), else RGBA with straight alpha. Rows use the Up filter (a blueprint is
// mostly flat colour and rows repeat the row above). A writer that is destroyed before finish()
// succeeds removes its partial file.
class PngWriter {
public:
    PngWriter(const std::filesystem::path& path, int width, int height, bool opaque);
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    // The next `rows.height` rows (rows.width must be the image's width). False once something
    // has failed (error() says why), and after finish().
    bool add_rows(const Argb32Pixels& rows);
    // Ends the file after the last row: an empty string, or what failed, naming the file and
    // the reason (a write error, rows missing). Calling it again returns the same.
    std::string finish();
    const std::string& error() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A whole image as a PNG file; returns an empty string or what failed.
std::string write_png_file(const Argb32Pixels& pixels, bool opaque, const std::filesystem::path& path);

// The same bytes in memory (for tests).
std::string encode_png(const Argb32Pixels& pixels, bool opaque);

// PNG's chunk checksum (CRC-32, as zlib's crc32), exposed for tests.
std::uint32_t png_crc(std::uint32_t crc, const unsigned char* data, std::size_t size);

}  // namespace sm::render
