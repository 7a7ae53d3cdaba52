// Stagemap — which characters the fonts must hold: code points of the document, of the UI's
// own strings, and the glyph ranges handed to the font atlas.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string_view>
#include <vector>

#include "layout/layout.h"
#include "model/document.h"

namespace sm::ui {

// [SECTION] Code point sets
using CodePoints = std::set<char32_t>;

// Calls `f` with every code point of `utf8`; malformed bytes are skipped. (The layout's decoder,
// shared with the measurers and painters, reports a malformed byte as a one-byte U+FFFD; a real
// U+FFFD takes three bytes.)
template <class F>
void for_each_code_point(std::string_view utf8, F&& f) {
    for (std::size_t i = 0; i < utf8.size();) {
        // ASCII without a call: most of a document's text (ids, English) is ASCII, and the
        // font manager runs every string through here after each edit.
        if (const auto b = static_cast<unsigned char>(utf8[i]); b < 0x80) {
            f(char32_t(b));
            ++i;
            continue;
        }
        const layout::Utf8Char c = layout::decode_utf8(utf8, i);
        i += c.length;
        if (c.code_point == 0xFFFD && c.length == 1) continue;
        f(c.code_point);
    }
}

// Decodes UTF-8 and adds every code point; malformed bytes are skipped.
void add_utf8(CodePoints& out, std::string_view utf8);
// Every string a blueprint can show (sm::for_each_text): names, titles, details, labels, ids.
void add_document(CodePoints& out, const Document& doc);
// The UI's own non-ASCII strings (help text, lane names in Chinese, symbols on badges).
void add_ui_strings(CodePoints& out);
// Symbols and punctuation that blueprint text commonly uses (CJK punctuation, full-width forms,
// general punctuation, arrows, geometric shapes), so typing them needs no atlas rebuild.
void add_common_symbols(CodePoints& out);
// ASCII and Latin-1: always baked.
void add_basic_latin(CodePoints& out);

// [SECTION] Glyph ranges
// Pairs [first, last] followed by a terminating 0, in ImGui's format. Code points beyond the
// 16-bit range this ImGui build supports, and control characters, are left out.
std::vector<std::uint16_t> make_ranges(const CodePoints& cps);
// Concatenates range lists (each 0-terminated) into one sorted, merged list.
std::vector<std::uint16_t> merge_ranges(const std::vector<const std::uint16_t*>& lists);
bool ranges_cover(const std::uint16_t* ranges, char32_t cp);
// True for code points that need no glyph (controls, line breaks, variation selectors).
bool needs_no_glyph(char32_t cp);

}  // namespace sm::ui
