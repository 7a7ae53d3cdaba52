// Stagemap — paint_blueprint: the static scene, drawn the same way on screen and in exports.
// Order: background, title, header rows, lane rows, emotion row, grid, the three lines,
// cards, connectors, legend.
#include <cmath>

#include "analysis/tiers.h"
#include "render/paint_internal.h"
#include "render/painter.h"

namespace sm::render {

using layout::BlueprintLayout;
using layout::CardBox;
using layout::ConnectorPath;
using layout::DividerLine;

namespace detail {
void arrowhead(Painter& p, Vec2 from, Vec2 tip, RGBA color, float length, float half_width) {
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len <= 0) return;
    dx /= len;
    dy /= len;
    const Vec2 base{tip.x - dx * length, tip.y - dy * length};
    p.fill_polygon({tip, {base.x - dy * half_width, base.y + dx * half_width}, {base.x + dy * half_width, base.y - dx * half_width}},
                   color);
}
}  // namespace detail

namespace {
using namespace detail;

int kind_index(LaneKind k) { return static_cast<int>(k); }

// [SECTION] Tier compare marks
// A pill straddling the card's top edge at the right: "A" in the first tier's colour, "B" in the
// second's, with the card outlined in that colour; "A+B" small and quiet (most cards serve both).
// Text and colour together, so the mark does not rely on colour alone.
void compare_mark(const sm::Document& doc, const CardBox& cb, Painter& p, const PaintOptions& o, bool low_detail) {
    if (!o.tier_compare) return;
    const sm::Card& c = doc.cards[cb.card];
    const auto cmp = analysis::compare_card_tiers(c, o.tier_compare->first, o.tier_compare->second);
    if (cmp == analysis::TierComparison::Neither) return;
    const Theme& th = o.theme;
    if (cmp == analysis::TierComparison::Both) {
        const float h = 11, w = 24;
        const Rect r{cb.rect.right() - w - 8, cb.rect.y - h * 0.5f, w, h};
        p.fill_rect(r, th.card_fill, h / 2);
        p.stroke_rect(r, th.muted_text, 0.8f, h / 2);
        // Bold capitals are about 0.66 em wide, '+' about 0.58 em.
        if (!low_detail) p.text({r.x + (w - 7 * 1.9f) / 2, r.y + (h - 7 * 1.25f) / 2}, "A+B", 7, th.muted_text, true);
        return;
    }
    const bool first = cmp == analysis::TierComparison::OnlyFirst;
    const RGBA fill = tier_color(doc, doc.tier_index(first ? o.tier_compare->first : o.tier_compare->second), th);
    p.stroke_rect({cb.rect.x - 2, cb.rect.y - 2, cb.rect.w + 4, cb.rect.h + 4}, fill, 2.5f, 8);
    const float font = 11, h = 18, w = 22;
    const Rect r{cb.rect.right() - w - 8, cb.rect.y - h * 0.5f, w, h};
    p.fill_rect(r, fill, h / 2);
    p.stroke_rect(r, th.background, 1.2f, h / 2);
    if (!low_detail) p.text({r.x + (w - font * 0.66f) / 2, r.y + (h - font * 1.25f) / 2}, first ? "A" : "B", font, text_on(fill), true);
}

struct Scene {
    const sm::Document& doc;
    const BlueprintLayout& lay;
    Painter& p;
    const PaintOptions& o;
    const Theme& th;

    bool visible(const Rect& r) const { return !o.visible || o.visible->intersects(r); }
    bool low_detail() const { return o.zoom < o.low_detail_zoom; }

    // Cards hidden by the tier lens (hide mode) are not drawn, nor are their connectors.
    bool hidden(int card) const { return card >= 0 && card_look(doc.cards[card], o) == CardLook::Hidden; }
    bool dimmed(int card) const { return card_look(doc.cards[card], o) == CardLook::Dimmed; }

    // [SECTION] Title
    void title() {
        if (!lay.title || !visible(lay.title->rect)) return;
        draw_block(p, lay.title->title, th.text);
        draw_block(p, lay.title->description, th.muted_text);
    }

    // [SECTION] Header rows and lanes
    void headers() {
        p.begin_group("headers");
        if (visible(lay.corner)) {
            p.fill_rect(lay.corner, th.header_fill);
            draw_block(p, lay.corner_phase, th.muted_text);
            draw_block(p, lay.corner_step, th.muted_text);
        }
        for (const auto& pb : lay.phases) {
            if (pb.phase < 0 || !visible(pb.rect)) continue;
            p.fill_rect(pb.rect, pb.empty ? th.empty_phase_fill : th.phase_fill);
            draw_block(p, pb.name, pb.empty ? th.muted_text : th.phase_text);
        }
        for (int s : lay.column_order) {
            const auto& sb = lay.steps[s];
            if (!visible(sb.header)) continue;
            p.fill_rect(sb.header, th.header_fill);
            draw_block(p, sb.name, th.text);
            draw_block(p, sb.detail, th.muted_text);
        }
        p.end_group();
    }

    void lanes() {
        p.begin_group("lanes");
        for (const auto& lb : lay.lanes) {
            if (lb.lane < 0 || !visible(lb.row)) continue;
            const int k = kind_index(doc.lanes[lb.lane].kind);
            p.fill_rect({lb.header.right(), lb.row.y, lb.row.w - lb.header.w, lb.row.h}, th.lane_fill[k]);
            p.fill_rect(lb.header, th.header_fill);
            p.fill_rect({lb.header.x, lb.header.y, 5, lb.header.h}, th.lane_stripe[k]);
            draw_block(p, lb.name, th.text);
            draw_block(p, lb.kind, th.muted_text);
        }
        for (const auto& pb : lay.phases)
            if (pb.empty && visible(pb.body)) p.fill_rect(pb.body, th.empty_phase_fill);
        p.end_group();
    }

    // [SECTION] Grid
    void vline(float x, float y0, float y1, RGBA c, float w) {
        if (visible({x - w, y0, 2 * w, y1 - y0})) p.line({x, y0}, {x, y1}, c, w);
    }
    void hline(float y, float x0, float x1, RGBA c, float w) {
        if (visible({x0, y - w, x1 - x0, 2 * w})) p.line({x0, y}, {x1, y}, c, w);
    }

    void grid() {
        if (lay.grid.w <= 0) return;
        p.begin_group("grid");
        const Rect& g = lay.grid;
        const RGBA strong = mix(th.grid, th.text, 0.25f);
        const float steps_top = lay.corner.y + (lay.phases.empty() ? 0 : lay.phases.front().rect.h);
        // Rows.
        for (const auto& lb : lay.lanes)
            if (lb.lane >= 0) hline(lb.row.y, g.x, g.right(), th.grid, 1);
        if (lay.emotion) hline(lay.emotion->rect.y, g.x, g.right(), th.grid, 1);
        if (!lay.phases.empty()) hline(steps_top, g.x + lay.corner.w, g.right(), th.grid, 1);
        // Columns, then phase boundaries over them.
        const float rows_top = lay.corner.bottom();
        for (int s : lay.column_order) vline(lay.steps[s].column.x, steps_top, g.bottom(), th.grid, 1);
        for (const auto& pb : lay.phases) {
            if (pb.phase < 0) continue;
            vline(pb.rect.x, g.y, g.bottom(), strong, 1.2f);
            if (pb.empty) vline(pb.rect.right(), g.y, g.bottom(), strong, 1.2f);
        }
        vline(g.x + lay.corner.w, g.y, g.bottom(), strong, 1.2f);
        hline(rows_top, g.x, g.right(), strong, 1.2f);
        if (visible(g)) p.stroke_rect(g, strong, 1.2f);
        p.end_group();
    }

    // [SECTION] The three lines
    RGBA line_color(layout::LineKind k) const {
        switch (k) {
        case layout::LineKind::Interaction: return th.line_interaction;
        case layout::LineKind::Visibility: return th.line_visibility;
        case layout::LineKind::InternalInteraction: return th.line_internal;
        }
        return th.text;
    }

    void lines() {
        p.begin_group("lines");
        for (const DividerLine& d : lay.lines) {
            const RGBA c = line_color(d.kind);
            hline_dashed(d, c);
            if (!visible(d.label_rect)) continue;
            p.fill_rect(d.label_rect, th.background, d.label_rect.h / 2);
            p.stroke_rect(d.label_rect, c, 1.2f, d.label_rect.h / 2);
            p.text(d.label_pos, d.label, d.font_size, c, true);
        }
        p.end_group();
    }
    void hline_dashed(const DividerLine& d, RGBA c) {
        if (visible({d.x0, d.y - 2, d.x1 - d.x0, 4})) p.line({d.x0, d.y}, {d.x1, d.y}, c, 2, true);
    }

    // [SECTION] Cards
    void card(const CardBox& cb) {
        const sm::Card& c = doc.cards[cb.card];
        const float radius = 6;
        const RGBA border = c.is_fail_point() ? th.fail : th.card_border;
        if (low_detail()) {
            p.fill_rect(cb.rect, c.is_fail_point() ? mix(th.card_fill, th.fail, 0.35f) : mix(th.card_fill, th.card_border, 0.35f), 2);
            if (dimmed(cb.card)) p.fill_rect(cb.rect, th.dimmed_overlay, 2);
            compare_mark(doc, cb, p, o, true);
            return;
        }
        p.fill_rect({cb.rect.x, cb.rect.y + 1.5f, cb.rect.w, cb.rect.h}, th.card_shadow, radius);
        p.fill_rect(cb.rect, th.card_fill, radius);
        p.stroke_rect(cb.rect, border, c.is_fail_point() ? 1.6f : 1, radius);
        draw_block(p, cb.title, th.text);
        if (cb.fail) {
            const Rect& r = cb.fail->rect;
            p.fill_circle(r.center(), r.h / 2, th.fail);
            draw_badge_text(p, *cb.fail, th.badge_text, true);
        }
        if (cb.wait) {
            p.fill_rect(cb.wait->rect, th.wait, cb.wait->rect.h / 2);
            draw_badge_text(p, *cb.wait, th.wait_text, true);
        }
        if (cb.channel) {
            p.stroke_rect(cb.channel->rect, th.grid, 1, 3);
            draw_badge_text(p, *cb.channel, th.muted_text, false);
        }
        for (const auto& chip : cb.chips) {
            const RGBA fill = tier_color(doc, chip.tier, th);
            p.fill_rect(chip.rect, fill, 3);
            if (!chip.text.empty()) p.text(chip.text_pos, chip.text, chip.font_size, text_on(fill), true);
        }
        if (cb.votes) {
            p.fill_rect(cb.votes->rect, th.header_fill, cb.votes->rect.h / 2);
            draw_badge_text(p, *cb.votes, th.muted_text, true);
        }
        if (dimmed(cb.card)) p.fill_rect(cb.rect, th.dimmed_overlay, radius);
        compare_mark(doc, cb, p, o, false);
    }

    void cards() {
        p.begin_group("cards");
        for (const CardBox& cb : lay.cards) {
            if (cb.card < 0 || cb.rect.w <= 0 || hidden(cb.card) || !visible(cb.rect)) continue;
            p.begin_group("card-" + doc.cards[cb.card].id.str());
            card(cb);
            p.end_group();
        }
        p.end_group();
    }

    // [SECTION] Connectors
    static Rect bbox(const std::vector<Vec2>& pts) {
        float x0 = pts[0].x, x1 = x0, y0 = pts[0].y, y1 = y0;
        for (Vec2 v : pts) {
            x0 = std::min(x0, v.x), x1 = std::max(x1, v.x);
            y0 = std::min(y0, v.y), y1 = std::max(y1, v.y);
        }
        return {x0 - 8, y0 - 8, x1 - x0 + 16, y1 - y0 + 16};
    }

    void connector(const ConnectorPath& cp) {
        std::vector<Vec2> pts = cp.points;
        const float head = 8;
        // Stop the line inside the arrowhead so that its end does not poke through the tip.
        const auto pull_back = [&](Vec2& end, Vec2 prev) {
            const float dx = end.x - prev.x, dy = end.y - prev.y;
            const float len = std::sqrt(dx * dx + dy * dy);
            if (len > head) {
                end.x -= dx / len * head * 0.7f;
                end.y -= dy / len * head * 0.7f;
            }
        };
        if (cp.arrow_at_end) pull_back(pts.back(), pts[pts.size() - 2]);
        if (cp.arrow_at_start) pull_back(pts.front(), pts[1]);
        p.polyline(pts, th.connector, 1.5f);
        if (cp.arrow_at_end) arrowhead(p, cp.points[cp.points.size() - 2], cp.points.back(), th.connector, head);
        if (cp.arrow_at_start) arrowhead(p, cp.points[1], cp.points.front(), th.connector, head);
        if (cp.label_pos && !low_detail()) {
            p.fill_rect(cp.label_rect, th.background, 3);
            p.stroke_rect(cp.label_rect, th.grid, 1, 3);
            p.text(cp.label_text_pos, cp.label, cp.font_size, th.muted_text, false);
        }
    }

    void connectors() {
        p.begin_group("connectors");
        for (const ConnectorPath& cp : lay.connectors) {
            if (cp.points.size() < 2 || hidden(cp.from_card) || hidden(cp.to_card)) continue;
            if (!visible(bbox(cp.points))) continue;
            connector(cp);
        }
        p.end_group();
    }
};

}  // namespace

// [SECTION] Tier lens and compare
CardLook card_look(const sm::Card& card, const PaintOptions& o) {
    bool serves = true;
    if (o.tier_compare)
        serves = analysis::compare_card_tiers(card, o.tier_compare->first, o.tier_compare->second) !=
                 analysis::TierComparison::Neither;
    else
        serves = analysis::card_visible_in_lens(card, o.tier_lens);
    if (serves) return CardLook::Normal;
    return o.hide_other_tiers ? CardLook::Hidden : CardLook::Dimmed;
}

void paint_tier_compare_marks(const sm::Document& doc, const BlueprintLayout& lay, Painter& painter,
                              const PaintOptions& options) {
    if (!options.tier_compare) return;
    const bool low = options.zoom < options.low_detail_zoom;
    for (const CardBox& cb : lay.cards) {
        if (cb.card < 0 || cb.rect.w <= 0 || (options.visible && !options.visible->intersects(cb.rect))) continue;
        if (card_look(doc.cards[cb.card], options) == CardLook::Hidden) continue;
        compare_mark(doc, cb, painter, options, low);
    }
}

// [SECTION] paint_blueprint
void paint_blueprint(const sm::Document& doc, const BlueprintLayout& lay, Painter& painter, const PaintOptions& options) {
    Scene s{doc, lay, painter, options, options.theme};
    if (options.draw_background) {
        const Rect r = options.visible ? *options.visible : lay.bounds;
        painter.fill_rect(r, options.theme.background);
    }
    s.title();
    s.headers();
    s.lanes();
    paint_emotion_row(doc, lay, painter, options);
    s.grid();
    s.lines();
    s.cards();
    s.connectors();
    paint_legend(doc, lay, painter, options);
}

}  // namespace sm::render
