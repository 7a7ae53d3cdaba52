// Text helpers of the CSV export and import: trimming, the formula guard, numbers, UTF-8.
#include <algorithm>
#include <array>
#include <cstdint>

#include "io/csv_detail.h"

namespace sm::io::csv_detail {

std::string_view trim(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string in_quotes(std::string_view s) {
    std::string q = "\"";  // appended, not "\"" + …: GCC 12 warns falsely (-Wrestrict)
    q += s;
    q += '"';
    return q;
}

// A spreadsheet reads a cell starting with one of these as a formula.
bool is_trigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
// True when s starts with a trigger, possibly behind apostrophes (which the guard adds).
bool formula_like(std::string_view s) {
    const std::size_t i = s.find_first_not_of('\'');
    return i != std::string_view::npos && is_trigger(s[i]);
}
std::string guard(std::string_view s) {
    std::string out;
    if (formula_like(s)) out += '\'';
    out += s;
    return out;
}
std::string unguard(std::string_view s) {
    if (!s.empty() && s.front() == '\'' && formula_like(s)) s.remove_prefix(1);
    return std::string(s);
}

std::string number_text(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9.0e15)
        return std::to_string(static_cast<std::int64_t>(v));
    std::array<char, 64> buf{};
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), r.ptr);
}

// Offset of the first byte that does not belong to valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0, len = 1; i < s.size(); i += len) {
        const auto c = static_cast<unsigned char>(s[i]);
        len = 1;
        if (c < 0x80) continue;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07u;
        else
            return i;
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
    }
    return std::string_view::npos;
}

}  // namespace sm::io::csv_detail
