// Stagemap — how cairo's PDF writer formats its numbers.
//
// cairo writes every coordinate, colour, glyph index and glyph offset of a PDF page through its
// own printf (_cairo_output_stream_printf), which formats each number with the C library's
// snprintf: "%f" for a double (then "%.18f" and "%.*f" below 0.1, "%.*f" with 3 digits for some
// operators), "%d", "%x" and "%0*x" for integers. glibc formats a double with multi-precision
// arithmetic: in a 1,000-card handout that was 19 % of all instructions and 11 % of the time.
//
// The render library defines snprintf and __snprintf_chk (cairo is built with _FORTIFY_SOURCE and
// calls both), which the dynamic linker binds before glibc's. While a FastNumbersScope is alive on
// the calling thread and the locale's decimal point is ".", a format that is exactly one of those
// conversions is written with std::to_chars, which the C++ standard defines to give the same
// characters as printf in the "C" locale; a test compares the two over many values. Every other
// call, and every call outside a scope, goes to glibc's vsnprintf or __vsnprintf_chk unchanged.
#pragma once

#include <cstddef>

namespace sm::render {

class FastNumbersScope {
public:
    FastNumbersScope();
    ~FastNumbersScope();
    FastNumbersScope(const FastNumbersScope&) = delete;
    FastNumbersScope& operator=(const FastNumbersScope&) = delete;

private:
    bool previous_;
};

// True while a FastNumbersScope is alive on this thread and numbers are formatted by it.
bool fast_numbers_active();
// How many conversions this thread's scopes have formatted so far (for tests: it proves that
// cairo's calls reach this file).
std::size_t fast_numbers_formatted();

}  // namespace sm::render
