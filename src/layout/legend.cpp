// Stagemap — the legend below the grid (exports): what F, W, the arrows and the tier chips mean.
#include <algorithm>
#include <cmath>

#include "layout/layout_internal.h"

namespace sm::layout::detail {

// [SECTION] Legend
float place_legend(const Document& doc, const TextMeasurer& m, const std::vector<std::string>& chip_texts, float top,
                   BlueprintLayout& lay) {
    const LayoutStyle& st = lay.style;
    const float size = st.small_font_size;
    const float lh = m.line_height(size);
    const float row_h = std::max(lh, 16.0f) + 6;
    const bool zh = st.chinese_labels;

    struct Want {
        LegendSymbol symbol;
        std::string label;
        int tier = -1;
        float swatch_w;
    };
    std::vector<Want> wants;
    const bool any_fail = std::any_of(doc.cards.begin(), doc.cards.end(), [](const Card& c) { return c.is_fail_point(); });
    const bool any_wait = std::any_of(doc.cards.begin(), doc.cards.end(), [](const Card& c) { return c.is_wait_point(); });
    const auto has_dir = [&](Direction d) {
        return std::any_of(doc.connectors.begin(), doc.connectors.end(), [&](const Connector& c) { return c.direction == d; });
    };
    const float badge_h = std::round(m.line_height(size) + 3);
    if (any_fail) wants.push_back({LegendSymbol::Fail, zh ? "失误点" : "Fail point · 失误点", -1, badge_h});
    if (any_wait) wants.push_back({LegendSymbol::Wait, zh ? "等待点" : "Wait point · 等待点", -1, badge_h * 1.6f});
    if (has_dir(Direction::Forward)) wants.push_back({LegendSymbol::Forward, zh ? "单向交接" : "Hand-off · 单向交接", -1, 30});
    if (has_dir(Direction::Both)) wants.push_back({LegendSymbol::Both, zh ? "相互依赖" : "Two-way dependence · 相互依赖", -1, 30});
    for (int t = 0; t < int(doc.tiers.size()); ++t) wants.push_back({LegendSymbol::Tier, doc.tiers[t].name, t, st.chip_size});
    if (wants.empty()) return top - 18;

    Legend lg;
    const float x0 = st.margin;
    const float max_right = std::max(lay.grid.right(), x0 + 600);
    TextBlock heading = make_block(m, zh ? "图例" : "Legend · 图例", size, 1e6f, true, {x0, top + (row_h - lh) / 2});
    float x = x0 + m.width(heading.lines.empty() ? std::string() : heading.lines[0], size, true) + 16;
    float y = top;
    float right = x;
    lg.heading = std::move(heading);
    for (const Want& w : wants) {
        const float tw = m.width(w.label, size, false);
        const float item_w = w.swatch_w + 6 + tw;
        if (x + item_w > max_right && x > x0 + 80) {
            x = x0 + 80;
            y += row_h;
        }
        LegendItem it;
        it.symbol = w.symbol;
        it.tier = w.tier;
        const float sh = w.symbol == LegendSymbol::Tier ? st.chip_size : (w.symbol == LegendSymbol::Forward || w.symbol == LegendSymbol::Both ? 10 : badge_h);
        it.swatch = {x, y + (row_h - sh) / 2, w.swatch_w, sh};
        if (w.tier >= 0 && w.tier < int(chip_texts.size())) it.chip_text = chip_texts[w.tier];
        if (w.symbol == LegendSymbol::Fail || w.symbol == LegendSymbol::Wait || w.symbol == LegendSymbol::Tier) {
            const bool tier = w.symbol == LegendSymbol::Tier;
            const float bsize = tier ? std::round(st.chip_size * 0.68f) : size;
            std::string text = w.symbol == LegendSymbol::Fail ? "F" : w.symbol == LegendSymbol::Wait ? "W" : it.chip_text;
            Badge b = make_badge(m, std::move(text), bsize, true, it.swatch.h, it.swatch.w, 0);
            translate(b, it.swatch.x, it.swatch.y);
            it.badge = std::move(b);
        }
        it.label = make_block(m, w.label, size, 1e6f, false, {x + w.swatch_w + 6, y + (row_h - lh) / 2});
        x += item_w + 22;
        right = std::max(right, x - 22);
        lg.items.push_back(std::move(it));
    }
    lg.rect = {x0, top, right - x0, y + row_h - top};
    lay.legend = std::move(lg);
    return y + row_h;
}

}  // namespace sm::layout::detail
