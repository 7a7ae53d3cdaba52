#include "ui/glyph_ranges.h"

#include <algorithm>
#include <utility>

#include "layout/layout.h"
#include "ui/i18n.h"

namespace sm::ui {

// [SECTION] UTF-8 decoding
void add_utf8(CodePoints& out, std::string_view s) {
    for_each_code_point(s, [&out](char32_t cp) { out.insert(cp); });
}

// [SECTION] Document and UI strings
void add_document(CodePoints& out, const Document& doc) {
    for_each_text(doc, [&out](std::string_view s) { add_utf8(out, s); });
}

void add_ui_strings(CodePoints& out) {
    // Lane kinds, lines and markers as the help text and the inspector name them.
    add_utf8(out, "服务蓝图 有形展示 顾客行为 前台员工行为 后台员工行为 支持过程 自定义 "
                  "外部互动分界线 可视分界线 内部互动分界线 失误点 等待点 峰终定律 峰值 终点 "
                  "客户价值分层 价值客户 次价值客户 潜在价值客户 低价值客户 服务项目设计 "
                  "新建 打开 保存 另存为 撤销 重做 复制 剪切 粘贴 删除 帮助");
    add_utf8(out, "⚠·–—…‹›«»“”‘’→←↔↑↓⇄●○◆◇■□▲▼△▽✓✗×÷±°№€¥£");
    // Every translation of the interface, so that switching the language needs no atlas rebuild.
    for (const auto& t : translations()) add_utf8(out, t.zh);
}

void add_common_symbols(CodePoints& out) {
    const std::pair<char32_t, char32_t> blocks[] = {
        {0x0020, 0x007E},  // ASCII
        {0x00A0, 0x017F},  // Latin-1 supplement, Latin extended-A
        {0x2000, 0x206F},  // general punctuation
        {0x2190, 0x21FF},  // arrows
        {0x2200, 0x22FF},  // mathematical operators (− ≈ ≤ ≥)
        {0x2460, 0x24FF},  // enclosed alphanumerics (①②③)
        {0x25A0, 0x25FF},  // geometric shapes
        {0x2600, 0x26FF},  // miscellaneous symbols
        {0x2700, 0x27BF},  // dingbats
        {0x3000, 0x303F},  // CJK symbols and punctuation
        {0xFF00, 0xFFEF},  // half-width and full-width forms
    };
    for (const auto& [a, b] : blocks)
        for (char32_t c = a; c <= b; ++c) out.insert(c);
}

void add_basic_latin(CodePoints& out) {
    for (char32_t c = 0x20; c <= 0x7E; ++c) out.insert(c);
    for (char32_t c = 0xA0; c <= 0xFF; ++c) out.insert(c);
}

// [SECTION] Ranges
bool needs_no_glyph(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200B ||
           cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
}

std::vector<std::uint16_t> make_ranges(const CodePoints& cps) {
    std::vector<std::uint16_t> out;
    bool open = false;
    char32_t first = 0, last = 0;
    for (char32_t cp : cps) {
        if (cp > 0xFFFF || needs_no_glyph(cp)) continue;
        if (open && cp == last + 1) {
            last = cp;
            continue;
        }
        if (open) {
            out.push_back(static_cast<std::uint16_t>(first));
            out.push_back(static_cast<std::uint16_t>(last));
        }
        first = last = cp;
        open = true;
    }
    if (open) {
        out.push_back(static_cast<std::uint16_t>(first));
        out.push_back(static_cast<std::uint16_t>(last));
    }
    out.push_back(0);
    return out;
}

std::vector<std::uint16_t> merge_ranges(const std::vector<const std::uint16_t*>& lists) {
    std::vector<std::pair<char32_t, char32_t>> spans;
    for (const std::uint16_t* r : lists)
        for (; r && r[0] != 0; r += 2) spans.emplace_back(r[0], r[1]);
    std::sort(spans.begin(), spans.end());
    std::vector<std::uint16_t> out;
    for (std::size_t i = 0; i < spans.size();) {
        char32_t a = spans[i].first, b = spans[i].second;
        std::size_t j = i + 1;
        while (j < spans.size() && spans[j].first <= b + 1) {
            b = std::max(b, spans[j].second);
            ++j;
        }
        out.push_back(static_cast<std::uint16_t>(a));
        out.push_back(static_cast<std::uint16_t>(b));
        i = j;
    }
    out.push_back(0);
    return out;
}

bool ranges_cover(const std::uint16_t* r, char32_t cp) {
    for (; r && r[0] != 0; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

}  // namespace sm::ui
