// Tests of the PNG writer (ISA-L deflate, our chunks) and of the banded PNG export: cairo's PNG
// reader (libpng) must read back exactly the pixels written, and the bands and threads must not
// change a single byte of the file.
#include <doctest/doctest.h>

#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/blueprint_io.h"
#include "render/export.h"
#include "run_command.h"
#include "render/png_writer.h"

using namespace sm;
using namespace sm::render;
namespace fs = std::filesystem;

namespace {

fs::path out_dir() { return test::output_dir("png"); }

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An ARGB32 image (premultiplied, native-endian) with a stride wider than its rows.
struct TestImage {
    int width, height, stride;
    std::vector<std::uint32_t> px;
    TestImage(int w, int h) : width(w), height(h), stride((w + 3) * 4), px(std::size_t(h) * std::size_t(w + 3), 0xDEADBEEF) {}
    std::uint32_t& at(int x, int y) { return px[std::size_t(y) * std::size_t(stride / 4) + std::size_t(x)]; }
    Argb32Pixels pixels() const {
        return {reinterpret_cast<const unsigned char*>(px.data()), width, height, stride};
    }
};

// Reads PNG bytes with cairo (libpng underneath) into an ARGB32 surface.
struct Decoded {
    cairo_surface_t* surface = nullptr;
    explicit Decoded(const std::string& bytes) {
        std::size_t pos = 0;
        struct Reader {
            const std::string* bytes;
            std::size_t* pos;
        } reader{&bytes, &pos};
        surface = cairo_image_surface_create_from_png_stream(
            [](void* closure, unsigned char* data, unsigned int length) {
                auto* r = static_cast<Reader*>(closure);
                if (*r->pos + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
                std::memcpy(data, r->bytes->data() + *r->pos, length);
                *r->pos += length;
                return CAIRO_STATUS_SUCCESS;
            },
            &reader);
    }
    ~Decoded() { cairo_surface_destroy(surface); }
    Decoded(const Decoded&) = delete;
    Decoded& operator=(const Decoded&) = delete;
    bool ok() const { return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    std::uint32_t at(int x, int y) const {
        std::uint32_t v;
        std::memcpy(&v, cairo_image_surface_get_data(surface) + std::size_t(y) * std::size_t(cairo_image_surface_get_stride(surface)) + std::size_t(x) * 4, 4);
        return v;
    }
};

int channel(std::uint32_t px, int shift) { return int((px >> shift) & 255); }

}  // namespace

// [SECTION] Writer
TEST_CASE("the PNG checksum is CRC-32 as PNG defines it") {
    const std::string check = "123456789";
    CHECK(png_crc(0, reinterpret_cast<const unsigned char*>(check.data()), check.size()) == 0xCBF43926u);
    // IEND's checksum, in every PNG file
    CHECK(png_crc(0, reinterpret_cast<const unsigned char*>("IEND"), 4) == 0xAE426082u);
    // Running checksums add up
    const auto* p = reinterpret_cast<const unsigned char*>(check.data());
    CHECK(png_crc(png_crc(0, p, 4), p + 4, 5) == 0xCBF43926u);
}

TEST_CASE("an opaque image is written as RGB and reads back pixel for pixel") {
    TestImage im(37, 23);
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x)
            im.at(x, y) = 0xFF000000u | std::uint32_t(x * 7) << 16 | std::uint32_t(y * 11) << 8 | std::uint32_t((x * y) & 255);
    const std::string png = encode_png(im.pixels(), true);
    REQUIRE(png.size() > 33);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(png.compare(12, 4, "IHDR") == 0);
    CHECK(static_cast<unsigned char>(png[25]) == 2);  // colour type RGB
    CHECK(png.compare(png.size() - 8, 4, "IEND") == 0);
    const Decoded back(png);
    REQUIRE(back.ok());
    REQUIRE(back.width() == im.width);
    REQUIRE(back.height() == im.height);
    int wrong = 0;
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) wrong += back.at(x, y) != im.at(x, y);
    CHECK(wrong == 0);
}

TEST_CASE("a transparent image is written as RGBA with straight alpha") {
    TestImage im(9, 4);
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) im.at(x, y) = 0;                        // fully transparent
    im.at(1, 1) = 0xFF336699u;                                                      // opaque
    im.at(2, 1) = 0x80402010u;                                                      // half, premultiplied
    im.at(3, 2) = 0x01010101u;                                                      // nearly clear
    const std::string png = encode_png(im.pixels(), false);
    CHECK(static_cast<unsigned char>(png[25]) == 6);  // colour type RGBA
    const Decoded back(png);
    REQUIRE(back.ok());
    CHECK(back.at(0, 0) == 0);
    CHECK(back.at(1, 1) == 0xFF336699u);
    const std::uint32_t half = back.at(2, 1);
    CHECK(channel(half, 24) == 0x80);
    CHECK(std::abs(channel(half, 16) - 0x40) <= 1);
    CHECK(std::abs(channel(half, 8) - 0x20) <= 1);
    CHECK(std::abs(channel(half, 0) - 0x10) <= 1);
    CHECK(channel(back.at(3, 2), 24) == 1);
}

TEST_CASE("a large image spans many IDAT chunks and many deflate calls") {
    TestImage im(1500, 300);  // 1.35 MB of filtered rows: several batches and output buffers
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x)
            im.at(x, y) = 0xFF000000u | std::uint32_t((x * 2654435761u + y * 40503u) >> 8 & 0xFFFFFF);  // noise
    const std::string png = encode_png(im.pixels(), true);
    std::size_t idats = 0;
    for (std::size_t pos = png.find("IDAT"); pos != std::string::npos; pos = png.find("IDAT", pos + 4)) ++idats;
    CHECK(idats > 1);
    const Decoded back(png);
    REQUIRE(back.ok());
    CHECK(back.at(0, 0) == im.at(0, 0));
    CHECK(back.at(1499, 299) == im.at(1499, 299));
    CHECK(back.at(777, 150) == im.at(777, 150));
}

TEST_CASE("a PNG writer that fails or is not finished leaves no file") {
    TestImage im(4, 4);
    {
        PngWriter w("/nonexistent-dir/x.png", 4, 4, true);
        CHECK_FALSE(w.add_rows(im.pixels()));
        const std::string err = w.finish();
        CHECK(err.find("/nonexistent-dir/x.png") != std::string::npos);
    }
    const fs::path half = out_dir() / "half.png";
    {
        PngWriter w(half, 4, 8, true);
        CHECK(w.add_rows(im.pixels()));  // 4 of 8 rows
        CHECK(fs::exists(half));
    }
    CHECK_FALSE(fs::exists(half));
    const fs::path short_file = out_dir() / "short.png";
    {
        PngWriter w(short_file, 4, 8, true);
        CHECK(w.add_rows(im.pixels()));
        const std::string err = w.finish();  // 4 rows missing
        CHECK(err.find("only 4 of 8 rows") != std::string::npos);
        CHECK(w.finish() == err);  // a second finish() changes nothing
    }
    CHECK_FALSE(fs::exists(short_file));
    const fs::path done = out_dir() / "done.png";
    {
        PngWriter w(done, 4, 4, true);
        CHECK(w.add_rows(im.pixels()));
        CHECK(w.finish() == "");
        CHECK(w.finish() == "");
        CHECK_FALSE(w.add_rows(im.pixels()));  // after the end: refused, the file untouched
    }
    CHECK(fs::exists(done));
    CHECK(fs::file_size(done) == encode_png(im.pixels(), true).size());
    const fs::path extra = out_dir() / "extra.png";
    {
        PngWriter w(extra, 4, 2, true);
        CHECK_FALSE(w.add_rows(im.pixels()));  // 4 rows for an image of 2
        CHECK(w.error().find("more rows than the image's 2") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(extra));
}

// [SECTION] Bands
TEST_CASE("the PNG export's bands and threads do not change a byte of the file") {
    for (const char* name : {"hotpot-restaurant", "hotel-stay", "retail-store-visit"}) {
        const fs::path file = fs::path(STAGEMAP_SOURCE_DIR) / "blueprints" / (std::string(name) + ".blueprint.json");
        const auto loaded = io::load_file(file);
        REQUIRE(loaded.document);
        for (const float scale : {1.0f, 1.5f}) {
            for (const bool transparent : {false, true}) {
                CAPTURE(name);
                CAPTURE(scale);
                CAPTURE(transparent);
                ExportOptions whole;
                whole.png_band_rows = 1 << 20;  // one band, drawn on the calling thread
                whole.png_threads = 1;
                const fs::path a = out_dir() / "whole.png";
                REQUIRE(export_png(*loaded.document, a, scale, transparent, whole) == "");
                ExportOptions thin;
                thin.png_band_rows = 7;  // bands cut through every card, line and label
                thin.png_threads = 3;
                const fs::path b = out_dir() / "thin.png";
                REQUIRE(export_png(*loaded.document, b, scale, transparent, thin) == "");
                const ExportOptions defaults;
                const fs::path c = out_dir() / "default.png";
                REQUIRE(export_png(*loaded.document, c, scale, transparent, defaults) == "");
                const std::string bytes = read_bytes(a);
                CHECK(bytes.size() > 1000);
                CHECK(bytes == read_bytes(b));
                CHECK(bytes == read_bytes(c));
            }
        }
    }
}
