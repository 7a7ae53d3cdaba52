// Stagemap — UTF-8 helpers, the fixed-width measurer and line wrapping.
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "layout/layout.h"

namespace sm::layout {

// [SECTION] UTF-8
Utf8Char decode_utf8(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) return {b0, 1};
    std::size_t len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return {0xFFFD, 1};
    }
    if (pos + len > s.size()) return {0xFFFD, 1};
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are malformed.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return {0xFFFD, 1};
    return {cp, len};
}

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x2FFFD) ||
           (cp >= 0x30000 && cp <= 0x3FFFD);
}

std::string format_number(double x) {
    if (!std::isfinite(x)) return "0";
    double r = std::round(x * 100.0) / 100.0;
    if (r == 0) r = 0;  // no "-0"
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, 2);
    std::string s(buf, res.ptr);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
}

// [SECTION] Fixed measurer
float FixedMeasurer::width(std::string_view utf8, float font_size, bool /*bold*/) const {
    float w = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const Utf8Char c = decode_utf8(utf8, pos);
        pos += c.length;
        w += (is_wide(c.code_point) ? wide_factor : latin_factor) * font_size;
    }
    return w;
}

// [SECTION] Line breaking rules
namespace {

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == 0xA0; }

// Marks that belong to the character before them.
bool is_combining(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

// A line must not start with these (closing punctuation, CJK and Latin).
bool no_break_before(char32_t cp) {
    switch (cp) {
    case ',': case '.': case '!': case '?': case ';': case ':': case ')': case ']': case '}': case '%':
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A:
    case 0xFF09: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0x3017:
    case 0x201D: case 0x2019: case 0x2026: case 0x00B7: case 0x30FC: case 0xFF5E: case 0x3005:
        return true;
    default:
        return is_combining(cp);
    }
}

// A line must not end with these (opening punctuation).
bool no_break_after(char32_t cp) {
    switch (cp) {
    case '(': case '[': case '{':
    case 0xFF08: case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0x3016:
    case 0x201C: case 0x2018:
        return true;
    default:
        return false;
    }
}

struct Token {
    std::size_t begin = 0, end = 0;  // bytes in the paragraph
    char32_t last = 0;               // last code point
    bool space_before = false;
    float width = 0;
};

std::vector<Token> tokenize(std::string_view para) {
    std::vector<Token> tokens;
    bool pending_space = false;
    for (std::size_t pos = 0; pos < para.size();) {
        const Utf8Char c = decode_utf8(para, pos);
        const std::size_t next = pos + c.length;
        const char32_t cp = c.code_point;
        if (is_space(cp)) {
            pending_space = true;
            pos = next;
            continue;
        }
        bool glue = false;
        if (!tokens.empty() && !pending_space) {
            const char32_t prev = tokens.back().last;
            glue = no_break_after(prev) || no_break_before(cp) || (!is_wide(prev) && !is_wide(cp));
        }
        if (glue) {
            tokens.back().end = next;
            if (!is_combining(cp)) tokens.back().last = cp;
        } else {
            tokens.push_back({pos, next, cp, pending_space && !tokens.empty(), 0});
        }
        pending_space = false;
        pos = next;
    }
    return tokens;
}

// Pieces of one code-point cluster each (a character with its combining marks).
std::vector<std::string_view> clusters(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < s.size();) {
        const Utf8Char c = decode_utf8(s, pos);
        if (pos > start && !is_combining(c.code_point)) {
            out.push_back(s.substr(start, pos - start));
            start = pos;
        }
        pos += c.length;
    }
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}

void wrap_paragraph(const TextMeasurer& m, std::string_view para, float size, float max_width, bool bold,
                    std::vector<std::string>& out) {
    std::vector<Token> tokens = tokenize(para);
    if (tokens.empty()) {
        out.emplace_back();
        return;
    }
    const float space_w = m.width(" ", size, bold);
    const float limit = max_width + 0.01f;
    std::string line;
    float line_w = 0;
    bool line_open = false;  // the line has content
    const auto flush = [&] {
        out.push_back(std::move(line));
        line.clear();
        line_w = 0;
        line_open = false;
    };
    for (Token& t : tokens) {
        const std::string_view text = para.substr(t.begin, t.end - t.begin);
        t.width = m.width(text, size, bold);
        const float gap = (line_open && t.space_before) ? space_w : 0;
        if (line_open && line_w + gap + t.width <= limit) {
            if (gap > 0) line += ' ';
            line.append(text);
            line_w += gap + t.width;
            continue;
        }
        if (line_open) flush();
        if (t.width <= limit) {
            line.assign(text);
            line_w = t.width;
            line_open = true;
            continue;
        }
        // A word wider than a line on its own: break it between characters.
        for (std::string_view piece : clusters(text)) {
            const float w = m.width(piece, size, bold);
            if (line_open && line_w + w > limit) flush();
            line.append(piece);
            line_w += w;
            line_open = true;
        }
    }
    if (line_open) flush();
}

}  // namespace

// [SECTION] Wrapping
std::vector<std::string> wrap_text(const TextMeasurer& m, std::string_view text, float font_size, float max_width,
                                   bool bold) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view para = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        wrap_paragraph(m, para, font_size, max_width, bold, out);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

std::vector<std::string> TextMeasurer::wrap(std::string_view text, float font_size, float max_width, bool bold) const {
    return wrap_text(*this, text, font_size, max_width, bold);
}

}  // namespace sm::layout
