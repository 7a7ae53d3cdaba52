// Tests of the number formatting behind cairo's PDF writer (render/pdf_numbers.h): inside a
// FastNumbersScope, the conversions cairo uses give exactly glibc's characters; everything else,
// and everything outside a scope, is glibc's own.
#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "pdf_in_memory.h"
#include "render/pdf_numbers.h"

extern "C" int __snprintf_chk(char* s, std::size_t maxlen, int flag, std::size_t slen, const char* format, ...);

using namespace sm::render;

namespace {

// glibc's own formatting (vsnprintf is not replaced).
std::string glibc(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

template <typename... Args>
std::string ours(const char* fmt, Args... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, args...);
    return buf;
}

template <typename... Args>
std::string ours_chk(const char* fmt, Args... args) {
    char buf[512];
    __snprintf_chk(buf, sizeof buf, 1, sizeof buf, fmt, args...);
    return buf;
}

std::vector<double> doubles() {
    std::vector<double> v = {0.0,       1.0,        -1.0,        0.1,         0.5,      2.5,          0.0000005,
                             0.0000015, 0.0000025,  1e-7,        -1e-7,       123.4565, 123.4575,     0.125,
                             1.0 / 3,   -2.0 / 3,   841.889764,  595.275591,  1e15,     -1e15,        1e300,
                             DBL_MIN,   DBL_MAX,    -DBL_MAX,    5e-324,      0.099999, 0.09999999999}; 
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> coord(-2000, 6000), unit(0, 1);
    std::uniform_int_distribution<int> exp(-20, 20);
    for (int i = 0; i < 4000; ++i) v.push_back(coord(rng));
    for (int i = 0; i < 2000; ++i) v.push_back(unit(rng));
    for (int i = 0; i < 2000; ++i) v.push_back(std::ldexp(unit(rng), exp(rng)));
    // Halfway cases at 6 decimals: exactly representable ties, and near-ties.
    for (int i = 0; i < 500; ++i) v.push_back(std::ldexp(double(2 * i + 1), -21));
    for (int i = 0; i < 500; ++i) v.push_back((i + 0.5) / 1e6);
    return v;
}

}  // namespace

TEST_CASE("inside a scope, cairo's double conversions are glibc's to the character") {
    const FastNumbersScope scope;
    REQUIRE(fast_numbers_active());
    const std::size_t before = fast_numbers_formatted();
    int checked = 0;
    for (double d : doubles()) {
        CAPTURE(d);
        CHECK(ours("%f", d) == glibc("%f", d));
        CHECK(ours_chk("%f", d) == glibc("%f", d));
        CHECK(ours("%.18f", d) == glibc("%.18f", d));
        for (int p : {0, 3, 6, 9, 17}) CHECK(ours("%.*f", p, d) == glibc("%.*f", p, d));
        checked += 8;
    }
    // Every one of them went through the fast path.
    CHECK(fast_numbers_formatted() - before == std::size_t(checked));
}

TEST_CASE("inside a scope, cairo's integer conversions are glibc's to the character") {
    const FastNumbersScope scope;
    std::vector<int> ints = {0, 1, -1, 9, 10, 255, 256, 65535, 65536, INT32_MAX, INT32_MIN, -42};
    std::mt19937 rng(7);
    for (int i = 0; i < 2000; ++i) ints.push_back(int(rng()));
    for (int v : ints) {
        CAPTURE(v);
        CHECK(ours("%d", v) == glibc("%d", v));
        CHECK(ours("%u", v) == glibc("%u", v));
        CHECK(ours("%x", v) == glibc("%x", v));
        CHECK(ours("%04x", v) == glibc("%04x", v));
        CHECK(ours("%0*x", 4, v) == glibc("%0*x", 4, v));
        CHECK(ours("%0*x", 2, v) == glibc("%0*x", 2, v));
        CHECK(ours("%05d", v) == glibc("%05d", v));
        CHECK(ours("%8d", v) == glibc("%8d", v));
        CHECK(ours_chk("%d", v) == glibc("%d", v));
        const long l = long(v) * 100003L;
        CHECK(ours("%ld", l) == glibc("%ld", l));
        CHECK(ours("%lu", l) == glibc("%lu", l));
    }
}

TEST_CASE("a short buffer gets snprintf's truncation and return value") {
    // Through a pointer, so that the compiler does not work the results out itself.
    int (*volatile print)(char*, std::size_t, const char*, ...) = std::snprintf;
    const FastNumbersScope scope;
    const std::size_t before = fast_numbers_formatted();
    char buf[6] = "xxxxx";
    CHECK(print(buf, sizeof buf, "%f", 123.456) == 10);  // "123.456000"
    CHECK(std::string(buf) == "123.4");
    CHECK(print(buf, 1, "%d", 12345) == 5);
    CHECK(buf[0] == '\0');
    CHECK(print(nullptr, 0, "%f", 1.5) == 8);
    CHECK(fast_numbers_formatted() - before == 3);
}

TEST_CASE("other formats, other values and calls outside a scope are left to glibc") {
    std::size_t before = fast_numbers_formatted();
    CHECK(ours("%f", 1.25) == "1.250000");  // outside a scope
    CHECK(!fast_numbers_active());
    CHECK(fast_numbers_formatted() == before);
    const FastNumbersScope scope;
    before = fast_numbers_formatted();
    CHECK(ours("%5.2f", 3.14159) == " 3.14");
    CHECK(ours("x = %d", 5) == "x = 5");
    CHECK(ours("%s", "text") == "text");
    CHECK(ours("%-6d|", 5) == "5     |");
    CHECK(ours("%e", 1.5) == glibc("%e", 1.5));
    CHECK(ours("%f", std::nan("")) == glibc("%f", std::nan("")));
    CHECK(ours("%f", -INFINITY) == "-inf");
    CHECK(fast_numbers_formatted() == before);
}

TEST_CASE("a locale whose decimal point is a comma keeps glibc's formatting") {
    const std::string old = std::setlocale(LC_NUMERIC, nullptr);
    const char* comma = nullptr;
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "ru_RU.UTF-8"})
        if (std::setlocale(LC_NUMERIC, name)) {
            comma = name;
            break;
        }
    if (!comma) {
        MESSAGE("no locale with a decimal comma is installed; skipped");
        return;
    }
    {
        const FastNumbersScope scope;
        CHECK(!fast_numbers_active());
        CHECK(ours("%f", 1.5) == "1,500000");
    }
    std::setlocale(LC_NUMERIC, old.c_str());
}

TEST_CASE("cairo's PDF writer reaches the fast path and writes the same file") {
    // One page with paths, colours and text at fractional places, written outside and inside a
    // scope (with a fixed date, so that the files can be compared byte for byte).
    const auto write = [](bool fast) {
        std::optional<FastNumbersScope> scope;
        if (fast) scope.emplace();
        return sm::test::cairo_pdf_in_memory(595.2756, 841.8898, [](cairo_surface_t* s, cairo_t* cr) {
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-31T12:00:00");
            for (int i = 0; i < 40; ++i) {
                cairo_set_source_rgba(cr, i / 40.0, 0.3 + i / 137.0, 0.7, 1);
                cairo_arc(cr, 30 + i * 13.37, 40 + i * 7.001, 3.3 + i * 0.07, 0, 6.283);
                cairo_fill(cr);
                cairo_move_to(cr, 20 + i * 0.333, 100 + i * 17.7777);
                cairo_show_text(cr, "Stagemap 1.5");
            }
        });
    };
    const std::string slow = write(false);
    const std::size_t before = fast_numbers_formatted();
    const std::string fast = write(true);
    CHECK(fast_numbers_formatted() - before > 500);  // cairo's own calls were served here
    CHECK(slow.size() > 1000);
    CHECK(fast == slow);
}
