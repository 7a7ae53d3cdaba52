// Stagemap — how cairo's PDF writer formats its numbers (see pdf_numbers.h).
#include "render/pdf_numbers.h"

#include <algorithm>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>

extern "C" int __vsnprintf_chk(char* s, std::size_t maxlen, int flag, std::size_t slen, const char* format,
                               va_list ap);

namespace sm::render {

namespace {
thread_local bool t_fast_numbers = false;
thread_local std::size_t t_formatted = 0;
}  // namespace

FastNumbersScope::FastNumbersScope() : previous_(t_fast_numbers) {
    // printf writes the locale's decimal point; std::to_chars always writes ".".
    const std::lconv* lc = std::localeconv();
    t_fast_numbers = lc && lc->decimal_point && std::strcmp(lc->decimal_point, ".") == 0;
}
FastNumbersScope::~FastNumbersScope() { t_fast_numbers = previous_; }

bool fast_numbers_active() { return t_fast_numbers; }
std::size_t fast_numbers_formatted() { return t_formatted; }

namespace {

// [SECTION] The conversions cairo asks for
// One conversion and nothing else: "%" ["0"] ["*" | digits] ["." ("*" | digits)] ["l"] (d u x f).
struct Spec {
    bool zero = false;
    bool width_arg = false, precision_arg = false;
    int width = 0;
    int precision = -1;  // -1: the conversion's default
    bool is_long = false;
    char conversion = 0;
};

// Reads the digits at f into `value`; false past 64 (no conversion of cairo's is that wide).
bool read_number(const char*& f, int& value) {
    for (; *f >= '0' && *f <= '9'; ++f) {
        value = value * 10 + (*f - '0');
        if (value > 64) return false;
    }
    return true;
}

// A width or a precision: "*" (taken from the arguments) or digits.
bool read_field(const char*& f, bool& from_arg, int& value) {
    if (*f != '*') return read_number(f, value);
    from_arg = true;
    ++f;
    return true;
}

bool parse(const char* f, Spec& s) {
    if (*f++ != '%') return false;
    if (*f == '0') {
        s.zero = true;
        ++f;
    }
    if (!read_field(f, s.width_arg, s.width)) return false;
    if (*f == '.') {
        ++f;
        s.precision = 0;
        if (!read_field(f, s.precision_arg, s.precision)) return false;
    }
    if (*f == 'l') {
        s.is_long = true;
        ++f;
    }
    s.conversion = *f++;
    if (*f != '\0') return false;
    switch (s.conversion) {
    case 'd':
    case 'u':
    case 'x': return s.precision < 0 && !s.precision_arg;  // "%.3d" means something else
    case 'f': return !s.zero && !s.width_arg && s.width == 0 && !s.is_long;
    default: return false;
    }
}

// Formats the conversion into `out` (at least 400 bytes); the length, or -1 to leave it to glibc.
int format(const Spec& s, char* out, std::size_t room, va_list ap) {
    int width = s.width, precision = s.precision;
    if (s.width_arg) width = va_arg(ap, int);
    if (s.precision_arg) precision = va_arg(ap, int);
    if (width < 0 || width > 64 || precision > 64) return -1;  // left-justify, or unusual: glibc's
    char digits[400];
    std::to_chars_result r{};
    char* const end = digits + sizeof digits;
    if (s.conversion == 'f') {
        const double v = va_arg(ap, double);
        if (!std::isfinite(v)) return -1;
        r = std::to_chars(digits, end, v, std::chars_format::fixed, precision < 0 ? 6 : precision);
    } else if (s.is_long) {
        const long v = va_arg(ap, long);
        if (s.conversion == 'd') r = std::to_chars(digits, end, v);
        else r = std::to_chars(digits, end, static_cast<unsigned long>(v), s.conversion == 'x' ? 16 : 10);
    } else {
        const int v = va_arg(ap, int);
        if (s.conversion == 'd') r = std::to_chars(digits, end, v);
        else r = std::to_chars(digits, end, static_cast<unsigned>(v), s.conversion == 'x' ? 16 : 10);
    }
    if (r.ec != std::errc()) return -1;
    const std::size_t n = std::size_t(r.ptr - digits);
    const std::size_t w = std::size_t(width);
    if (n + w + 1 > room) return -1;
    // Zero padding goes after a minus sign; space padding before it.
    char* o = out;
    const char* body = digits;
    if (s.zero && digits[0] == '-') {
        *o++ = '-';
        ++body;
    }
    if (w > n) {
        std::memset(o, s.zero ? '0' : ' ', w - n);
        o += w - n;
    }
    const std::size_t body_n = n - std::size_t(body - digits);
    std::memcpy(o, body, body_n);
    o += body_n;
    *o = '\0';
    return int(o - out);
}

// snprintf's contract: at most maxlen - 1 characters and a terminating zero; the full length.
int fast(char* s, std::size_t maxlen, const char* fmt, va_list ap) {
    if (!t_fast_numbers || !fmt || (maxlen > 0 && !s)) return -1;
    Spec spec;
    if (!parse(fmt, spec)) return -1;
    char out[480];
    va_list copy;
    va_copy(copy, ap);
    const int n = format(spec, out, sizeof out, copy);
    va_end(copy);
    if (n < 0) return -1;
    if (maxlen > 0) {
        const std::size_t k = std::min(std::size_t(n), maxlen - 1);
        std::memcpy(s, out, k);
        s[k] = '\0';
    }
    ++t_formatted;
    return n;
}

}  // namespace

}  // namespace sm::render

// [SECTION] The C library's symbols
extern "C" int snprintf(char* s, std::size_t maxlen, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = sm::render::fast(s, maxlen, fmt, ap);
    if (n < 0) n = std::vsnprintf(s, maxlen, fmt, ap);
    va_end(ap);
    return n;
}

extern "C" int __snprintf_chk(char* s, std::size_t maxlen, int flag, std::size_t slen, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    // glibc's checks (a buffer smaller than maxlen aborts) stay glibc's.
    int n = maxlen <= slen ? sm::render::fast(s, maxlen, fmt, ap) : -1;
    if (n < 0) n = __vsnprintf_chk(s, maxlen, flag, slen, fmt, ap);
    va_end(ap);
    return n;
}
