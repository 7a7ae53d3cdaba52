// The compressor of cairo's PDF streams (pdf_deflate.h): ISA-L's level 1 behind zlib's interface
// inside a FastDeflateScope on this thread, zlib itself everywhere else.
#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <zlib.h>

#include <string>
#include <thread>
#include <vector>

#include "pdf_in_memory.h"
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

// What zlib's inflate makes of a zlib stream ("inflate failed" when it is not a whole one).
std::string inflate_all(const std::string& z) {
    z_stream s{};
    if (inflateInit(&s) != Z_OK) return "init failed";
    std::string out;
    std::vector<unsigned char> buf(64 * 1024);
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data()));
    s.avail_in = uInt(z.size());
    int st = Z_OK;
    while (st == Z_OK) {
        s.next_out = buf.data();
        s.avail_out = uInt(buf.size());
        st = inflate(&s, Z_NO_FLUSH);
        out.append(reinterpret_cast<const char*>(buf.data()), buf.size() - s.avail_out);
    }
    inflateEnd(&s);
    return st == Z_STREAM_END ? out : std::string("inflate failed");
}

// As cairo's deflate stream feeds it: input in pieces of `in_step`, output through a buffer of
// `out_size` that is emptied whenever it fills, Z_FINISH until Z_STREAM_END.
std::string deflate_like_cairo(const std::string& in, std::size_t in_step, std::size_t out_size) {
    z_stream z{};
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) return "init failed";
    std::string out;
    std::vector<unsigned char> buf(out_size);
    z.next_out = buf.data();
    z.avail_out = uInt(buf.size());
    const auto run = [&](const char* data, std::size_t n, bool flush) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
        z.avail_in = uInt(n);
        for (int guard = 0; guard < 1000000; ++guard) {
            const int ret = deflate(&z, flush ? Z_FINISH : Z_NO_FLUSH);
            if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) return false;
            if (flush || z.avail_out == 0) {
                out.append(reinterpret_cast<const char*>(buf.data()), buf.size() - z.avail_out);
                z.next_out = buf.data();
                z.avail_out = uInt(buf.size());
            }
            if (z.avail_in == 0 && (!flush || ret == Z_STREAM_END)) return true;
        }
        return false;
    };
    bool ok = true;
    for (std::size_t at = 0; ok && at < in.size(); at += in_step) ok = run(in.data() + at, std::min(in_step, in.size() - at), false);
    ok = ok && run(nullptr, 0, true);
    const bool counted = z.total_in == in.size() && z.total_out == out.size();
    deflateEnd(&z);
    return ok && counted ? out : std::string("deflate failed");
}

}  // namespace

TEST_CASE("cairo's zlib streams are ISA-L's inside a FastDeflateScope, and only there") {
    const std::string text = sample_text();
    const std::string level6 = deflate_level(text, 6), level1 = deflate_level(text, 1);
    REQUIRE(level6 != level1);
    CHECK(deflate_default(text) == level6);
    {
        const FastDeflateScope fast;
        CHECK(fast_deflate_active());
        const std::string isal = deflate_default(text);
        // Neither of zlib's levels, and a whole zlib stream of the same text.
        CHECK(isal != level6);
        CHECK(isal != level1);
        REQUIRE(isal.size() > 2);
        CHECK((static_cast<unsigned char>(isal[0]) & 0x0F) == 8);  // CM = deflate
        CHECK(inflate_all(isal) == text);
        // An explicit level, even inside the scope, stays zlib's.
        CHECK(deflate_level(text, 6) == level6);
        {
            const FastDeflateScope nested;
            CHECK(deflate_default(text) == isal);
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

TEST_CASE("an ISA-L stream fed in pieces, with a small output buffer, inflates to its input") {
    const std::string text = sample_text();
    std::string noise(300000, '\0');  // hardly compressible, like a font subset
    unsigned x = 99;
    for (char& c : noise) {
        x = x * 1664525u + 1013904223u;
        c = char(x >> 24);
    }
    const FastDeflateScope fast;
    for (const std::string* in : {static_cast<const std::string*>(&text), static_cast<const std::string*>(&noise)})
        for (const std::size_t step : {std::size_t(1000), std::size_t(16384), in->size()}) {
            CAPTURE(step);
            CHECK(inflate_all(deflate_like_cairo(*in, step, 4096)) == *in);
        }
    CHECK(inflate_all(deflate_like_cairo("", 10, 64)).empty());
}

TEST_CASE("zlib's other functions refuse an ISA-L stream instead of reading it as theirs") {
    const FastDeflateScope fast;
    z_stream z{};
    REQUIRE(deflateInit(&z, Z_DEFAULT_COMPRESSION) == Z_OK);
    CHECK(deflateReset(&z) == Z_STREAM_ERROR);
    CHECK(deflateParams(&z, 9, Z_DEFAULT_STRATEGY) == Z_STREAM_ERROR);
    CHECK(deflateBound(&z, 1000) >= 1000);
    CHECK(deflateEnd(&z) == Z_OK);
}

namespace {

// A PDF written by cairo into memory: a page of many small paths (a content stream that
// compresses differently at levels 1 and 6).
std::string cairo_pdf_bytes() {
    return sm::test::cairo_pdf_in_memory(600, 800, [](cairo_surface_t*, cairo_t* cr) {
        for (int i = 0; i < 3000; ++i) {
            cairo_rectangle(cr, (i * 37) % 580, (i * 53) % 780, 10 + i % 7, 6 + i % 5);
            cairo_set_source_rgb(cr, (i % 3) / 3.0, (i % 5) / 5.0, (i % 7) / 7.0);
            cairo_fill(cr);
        }
        cairo_show_page(cr);
    });
}

}  // namespace

TEST_CASE("cairo itself compresses through ISA-L inside the scope: the override reaches libcairo") {
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
    // Every compressed stream of the fast file is a whole zlib stream.
    int streams = 0;
    for (std::size_t at = fast.find("stream\n"); at != std::string::npos; at = fast.find("stream\n", at + 1)) {
        if (at >= 3 && fast.compare(at - 3, 3, "end") == 0) continue;
        const std::size_t dict = fast.rfind(" obj", at), begin = at + 7, end = fast.find("endstream", begin);
        REQUIRE(dict != std::string::npos);
        REQUIRE(end != std::string::npos);
        if (fast.substr(dict, at - dict).find("/FlateDecode") == std::string::npos) continue;
        CAPTURE(streams);
        CHECK(inflate_all(fast.substr(begin, end - begin)) != "inflate failed");
        ++streams;
    }
    CHECK(streams >= 1);  // the page's content
}
