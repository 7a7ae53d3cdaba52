// Stagemap — the handout's title block and its legend (everything the blueprint's marks mean),
// and the labels the handout pages share.
#include <algorithm>
#include <cmath>

#include "render/handout.h"
#include "render/paint_internal.h"

namespace sm::render::handout {

using pdf::escape;
using pdf::TextBox;
using pdf::TextStyle;

// [SECTION] Labels
std::string lane_kind_name(LaneKind k) {
    std::string s;
    switch (k) {
    case LaneKind::Evidence: s = "Physical evidence"; break;
    case LaneKind::Customer: s = "Customer actions"; break;
    case LaneKind::Frontstage: s = "Frontstage actions"; break;
    case LaneKind::Backstage: s = "Backstage actions"; break;
    case LaneKind::Support: s = "Support processes"; break;
    case LaneKind::Custom: s = "Custom lane"; break;
    }
    s += " · ";
    s += layout::lane_kind_label(k, true);
    return s;
}

std::string emotion_text(const std::optional<int>& e) {
    if (!e) return "not rated · 未评";
    if (*e > 0) {
        std::string s = "+";
        s += std::to_string(*e);
        return s;
    }
    if (*e < 0) {
        std::string s = "−";  // a real minus sign
        s += std::to_string(-*e);
        return s;
    }
    return "0";
}

RGBA lane_color(const Theme& th, LaneKind k) { return th.lane_stripe[static_cast<int>(k)]; }

// [SECTION] Title block
double title_block(Context& cx, pdf::Pages& pages, double x, double y, double width, bool draw) {
    if (!cx.opts.title) return 0;
    cairo_t* cr = pages.cr();
    const Theme& th = cx.theme;
    const TextStyle small{8, th.muted_text, false, TextAlign::Left};
    TextBox title(cr, escape(cx.title), {16, th.text, true, TextAlign::Left}, width);
    std::string meta = "<b>Service blueprint · 服务蓝图</b>  —  training handout · 培训讲义";
    meta += "      Date · 日期  ";
    meta += escape(cx.date);
    if (!cx.pdf.file_name.empty()) {
        meta += "      File · 文件  ";
        meta += escape(cx.pdf.file_name);
    }
    meta += "      ";
    meta += pdf::cat({std::to_string(cx.doc.phases.size()), " phases · ", std::to_string(cx.doc.steps.size()),
                      " steps · ", std::to_string(cx.doc.cards.size()), " cards"});
    if (!cx.doc.tiers.empty()) meta += pdf::cat({" · ", std::to_string(cx.doc.tiers.size()), " tiers"});
    if (cx.paint.tier_lens) {
        const int t = cx.doc.tier_index(*cx.paint.tier_lens);
        meta += "      <b>Tier lens · 分层视角</b>  ";
        meta += t >= 0 ? tier_markup(cx, t) : escape(cx.paint.tier_lens->str());
        meta += cx.paint.hide_other_tiers ? "  (other items hidden · 其他项目已隐藏)" : "  (other items dimmed · 其他项目淡化)";
    }
    TextBox info(cr, meta, small, width);
    double h = title.height() + 2 + info.height();
    std::optional<TextBox> desc;
    if (!cx.doc.description.empty()) {
        // Lines of at most ~150 characters read well; a fit page may be two metres wide.
        desc.emplace(cr, escape(cx.doc.description), TextStyle{8, th.text, false, TextAlign::Left, 8}, std::min(width, 640.0));
        h += 4 + desc->height();
    }
    h += 6;
    if (draw) {
        title.draw(x, y);
        info.draw(x, y + title.height() + 2);
        if (desc) desc->draw(x, y + title.height() + 2 + info.height() + 4);
        pages.painter().line({float(x), float(y + h - 1)}, {float(x + width), float(y + h - 1)}, th.grid, 0.75f);
    }
    return h;
}

// [SECTION] Legend
namespace {

enum class Sym { Lane, Line, Fail, Wait, Forward, Both, None, Channel, Votes, Peak, End, Emotion, Tier };

struct Item {
    Sym sym;
    std::string label;
    int index = -1;  // lane kind, line kind or tier
    float swatch_w = 20;
};

struct Group {
    std::string name;
    std::vector<Item> items;
};

constexpr float kText = 7.5f;    // legend labels
constexpr float kBadge = 7.0f;   // text inside badges
constexpr float kRow = 13.0f;    // one row of items

std::vector<Group> legend_groups(const Context& cx) {
    const sm::Document& doc = cx.doc;
    std::vector<Group> groups;
    Group lanes{"Lanes · 泳道", {}};
    for (LaneKind k : {LaneKind::Evidence, LaneKind::Customer, LaneKind::Frontstage, LaneKind::Backstage, LaneKind::Support,
                       LaneKind::Custom})
        if (std::any_of(doc.lanes.begin(), doc.lanes.end(), [k](const Lane& l) { return l.kind == k; }))
            lanes.items.push_back({Sym::Lane, lane_kind_name(k), static_cast<int>(k), 18});
    if (!lanes.items.empty()) groups.push_back(std::move(lanes));
    Group lines{"Lines · 分界线", {}};
    for (const layout::DividerLine& d : cx.lay.lines)
        lines.items.push_back({Sym::Line, std::string(layout::line_label(d.kind)), static_cast<int>(d.kind), 22});
    if (!lines.items.empty()) groups.push_back(std::move(lines));
    const bool zh = cx.lay.style.chinese_labels;
    Group marks{"Marks · 标记", {}};
    marks.items.push_back({Sym::Fail, "Fail point · 失误点", -1, 10});
    marks.items.push_back({Sym::Wait, "Wait point, minutes · 等待点（分钟）", -1, 16});
    marks.items.push_back({Sym::Forward, "Hand-off · 单向交接", -1, 22});
    marks.items.push_back({Sym::Both, "Two-way dependence · 相互依赖", -1, 22});
    marks.items.push_back({Sym::None, "Related · 关联", -1, 22});
    marks.items.push_back({Sym::Channel, "Service interface · 服务界面", -1,
                           float(cx.pt.width(layout::channel_label(Channel::Staff, zh), kBadge) + 8)});
    marks.items.push_back({Sym::Votes, "Dot votes · 投票", -1, float(cx.pt.width("● 3", kBadge, true) + 8)});
    groups.push_back(std::move(marks));
    Group journey{"Journey · 旅程", {}};
    journey.items.push_back({Sym::Emotion, "Emotion −2 … +2 · 情绪", -1, 30});
    journey.items.push_back({Sym::Peak, "Peak, the most intense moment · 峰值", -1, 10});
    journey.items.push_back({Sym::End, "End · 终点", -1, 10});
    groups.push_back(std::move(journey));
    Group tiers{"Tiers · 客户分层", {}};
    for (int t = 0; t < int(doc.tiers.size()); ++t) tiers.items.push_back({Sym::Tier, doc.tiers[t].name, t, 10});
    if (!tiers.items.empty()) groups.push_back(std::move(tiers));
    return groups;
}

// A badge's text centred in a rect.
void centred(const Context& cx, Painter& p, const Rect& r, std::string_view text, RGBA color, bool is_bold) {
    const float w = cx.pt.width(text, kBadge, is_bold);
    const float lh = cx.pt.line_height(kBadge);
    p.text({r.x + (r.w - w) / 2, r.y + (r.h - lh) / 2}, text, kBadge, color, is_bold);
}

void swatch(const Context& cx, Painter& p, const Item& it, const Rect& r) {
    const Theme& th = cx.theme;
    const float cy = r.y + r.h / 2;
    switch (it.sym) {
    case Sym::Lane:
        p.fill_rect({r.x, cy - 4.5f, r.w, 9}, th.lane_fill[it.index]);
        p.fill_rect({r.x, cy - 4.5f, 2.5f, 9}, th.lane_stripe[it.index]);
        p.stroke_rect({r.x, cy - 4.5f, r.w, 9}, th.grid, 0.5f);
        break;
    case Sym::Line: {
        const layout::LineKind k = static_cast<layout::LineKind>(it.index);
        const RGBA c = k == layout::LineKind::Interaction  ? th.line_interaction
                       : k == layout::LineKind::Visibility ? th.line_visibility
                                                           : th.line_internal;
        p.line({r.x, cy}, {r.right(), cy}, c, 1.4f, true);
        break;
    }
    case Sym::Fail:
        p.fill_circle({r.x + 5, cy}, 5, th.fail);
        centred(cx, p, {r.x, cy - 5, 10, 10}, "F", th.badge_text, true);
        break;
    case Sym::Wait:
        p.fill_rect({r.x, cy - 5, r.w, 10}, th.wait, 5);
        centred(cx, p, {r.x, cy - 5, r.w, 10}, "W", th.wait_text, true);
        break;
    case Sym::Forward:
    case Sym::Both:
    case Sym::None: {
        const bool start = it.sym == Sym::Both, end = it.sym != Sym::None;
        p.line({r.x + (start ? 3.0f : 0.0f), cy}, {r.right() - (end ? 3.0f : 0.0f), cy}, th.connector, 1);
        if (end) detail::arrowhead(p, {r.x, cy}, {r.right(), cy}, th.connector, 5, 2.5f);
        if (start) detail::arrowhead(p, {r.right(), cy}, {r.x, cy}, th.connector, 5, 2.5f);
        break;
    }
    case Sym::Channel:
        p.stroke_rect({r.x, cy - 5, r.w, 10}, th.grid, 0.75f, 2);
        centred(cx, p, {r.x, cy - 5, r.w, 10}, layout::channel_label(Channel::Staff, cx.lay.style.chinese_labels),
                th.muted_text, false);
        break;
    case Sym::Votes:
        p.fill_rect({r.x, cy - 5, r.w, 10}, th.header_fill, 5);
        centred(cx, p, {r.x, cy - 5, r.w, 10}, "● 3", th.muted_text, true);
        break;
    case Sym::Emotion:
        for (int e = -2; e <= 2; ++e)
            p.fill_circle({r.x + 3 + float(e + 2) * 6, cy}, 2.6f, detail::emotion_color(th, e));
        break;
    case Sym::Peak: detail::star(p, {r.x + 5, cy}, 5, th.mark); break;
    case Sym::End: detail::flag(p, {r.x + 2, cy + 5}, 10, th.mark); break;
    case Sym::Tier: {
        const RGBA fill = tier_color(cx.doc, it.index, th);
        p.fill_rect({r.x, cy - 5, 10, 10}, fill, 2);
        const std::vector<std::string> chips = layout::tier_chip_texts(cx.doc);
        if (it.index < int(chips.size())) centred(cx, p, {r.x, cy - 5, 10, 10}, chips[std::size_t(it.index)], detail::text_on(fill), true);
        break;
    }
    }
}

}  // namespace

double legend(Context& cx, pdf::Pages& pages, double x, double y, double width, bool draw) {
    if (!cx.opts.legend) return 0;
    const std::vector<Group> groups = legend_groups(cx);
    Painter& p = pages.painter();
    const Theme& th = cx.theme;
    const float lh = cx.pt.line_height(kText);
    float label_w = cx.pt.width("Legend · 图例", 8, true);
    for (const Group& g : groups) label_w = std::max(label_w, cx.pt.width(g.name, kText, true));
    label_w += 10;
    float cy = float(y);
    if (draw) p.text({float(x), cy}, "Legend · 图例", 8, th.text, true);
    cy += cx.pt.line_height(8) + 2;
    const float x0 = float(x) + label_w, right = float(x + width);
    for (const Group& g : groups) {
        if (draw) p.text({float(x), cy + (kRow - lh) / 2}, g.name, kText, th.muted_text, true);
        float ix = x0;
        for (const Item& it : g.items) {
            const float tw = cx.pt.width(it.label, kText);
            const float w = it.swatch_w + 4 + tw;
            if (ix > x0 && ix + w > right) {
                ix = x0;
                cy += kRow;
            }
            if (draw) {
                swatch(cx, p, it, {ix, cy, it.swatch_w, kRow});
                p.text({ix + it.swatch_w + 4, cy + (kRow - lh) / 2}, it.label, kText, th.text, false);
            }
            ix += w + 14;
        }
        cy += kRow;
    }
    return double(cy) - y;
}

}  // namespace sm::render::handout
