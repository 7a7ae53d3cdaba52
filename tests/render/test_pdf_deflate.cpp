// The zlib level of cairo's PDF streams (pdf_deflate.h): level 1 inside a FastDeflateScope on
// this thread, zlib's own default everywhere else.
#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <zlib.h>

#include <string>
#include <thread>

#include "render/pdf_deflate.h"

using namespace sm::render;

namespace {

const char* const kWords[] = {"blueprint ", "顾客 ", "frontstage ", "后台 ", "wait ", "fail ", "0.75 ", "cm "};

// Text that compresses differently at levels 1 and 6.
std::string sample_text() {
    std::string s;
    unsigned x = 12345;
    for (int i = 0; i < 40000; ++i) {
        x = x * 1103515245u + 12345u;
        s += kWords[(x >> 16) % 8];
    }
    return s;
}

// Compresses `in` with a stream that deflateInit or deflateInit2 has set up.
std::string finish(z_stream& z, const std::string& in) {
    std::string out(deflateBound(&z, uLong(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int done = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return done == Z_STREAM_END ? out : std::string("deflate failed");
}

// What deflateInit (the macro cairo uses) gives.
std::string deflate_default(const std::string& in) {
    z_stream z{};
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) return "init failed";
    return finish(z, in);
}

// A reference at an explicit level, not through deflateInit_.
std::string deflate_level(const std::string& in, int level) {
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "init failed";
    return finish(z, in);
}

}  // namespace

TEST_CASE("cairo's zlib streams use level 1 inside a FastDeflateScope, and only there") {
    const std::string text = sample_text();
    const std::string level6 = deflate_level(text, 6), level1 = deflate_level(text, 1);
    REQUIRE(level6 != level1);
    CHECK(deflate_default(text) == level6);
    {
        const FastDeflateScope fast;
        CHECK(fast_deflate_active());
        CHECK(deflate_default(text) == level1);
        {
            const FastDeflateScope nested;
            CHECK(deflate_default(text) == level1);
        }
        CHECK(fast_deflate_active());
        // Another thread keeps zlib's default.
        std::string other;
        std::thread t([&] { other = deflate_level(text, 6) == deflate_default(text) ? "default" : "changed"; });
        t.join();
        CHECK(other == "default");
    }
    CHECK_FALSE(fast_deflate_active());
    CHECK(deflate_default(text) == level6);
}

namespace {

// A PDF written by cairo into memory: a page of many small paths (a content stream that
// compresses differently at levels 1 and 6).
std::string cairo_pdf_bytes() {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &out, 600, 800);
    cairo_t* cr = cairo_create(surface);
    for (int i = 0; i < 3000; ++i) {
        cairo_rectangle(cr, (i * 37) % 580, (i * 53) % 780, 10 + i % 7, 6 + i % 5);
        cairo_set_source_rgb(cr, (i % 3) / 3.0, (i % 5) / 5.0, (i % 7) / 7.0);
        cairo_fill(cr);
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace

TEST_CASE("cairo itself compresses at level 1 inside the scope: the override reaches libcairo") {
    // If the dynamic linker did not bind cairo's deflateInit_ to ours (the symbol hidden, or
    // the render library made shared), the two files would be the same.
    const std::string normal = cairo_pdf_bytes();
    std::string fast;
    {
        const FastDeflateScope scope;
        fast = cairo_pdf_bytes();
    }
    REQUIRE(normal.size() > 1000);
    CHECK(fast.size() > normal.size());
    CHECK(cairo_pdf_bytes().size() == normal.size());
}
