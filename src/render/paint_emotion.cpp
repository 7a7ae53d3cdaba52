// Stagemap — the emotion row (a smooth curve through the rated steps, gaps at unrated ones,
// peak ★ and end ⚑ marks when the analysis supplies them) and the legend.
#include <cmath>

#include "render/paint_internal.h"

namespace sm::render::detail {

// [SECTION] Curve
// Monotone cubic interpolation (Fritsch–Carlson) through points with increasing x: smooth,
// and never overshooting the rated values (a curve must not suggest −2.4).
std::vector<Vec2> smooth_curve(const std::vector<Vec2>& pts, int samples_per_segment) {
    const std::size_t n = pts.size();
    if (n < 3) return pts;
    std::vector<float> d(n - 1), m(n);
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const float dx = pts[k + 1].x - pts[k].x;
        d[k] = dx != 0 ? (pts[k + 1].y - pts[k].y) / dx : 0;
    }
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for (std::size_t k = 1; k + 1 < n; ++k) m[k] = (d[k - 1] * d[k] <= 0) ? 0 : (d[k - 1] + d[k]) / 2;
    for (std::size_t k = 0; k + 1 < n; ++k) {
        if (d[k] == 0) {
            m[k] = m[k + 1] = 0;
            continue;
        }
        const float a = m[k] / d[k], b = m[k + 1] / d[k];
        const float s = a * a + b * b;
        if (s > 9) {
            const float t = 3 / std::sqrt(s);
            m[k] = t * a * d[k];
            m[k + 1] = t * b * d[k];
        }
    }
    std::vector<Vec2> out;
    out.push_back(pts[0]);
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const float h = pts[k + 1].x - pts[k].x;
        for (int i = 1; i <= samples_per_segment; ++i) {
            const float t = float(i) / float(samples_per_segment);
            const float t2 = t * t, t3 = t2 * t;
            const float h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
            const float y = h00 * pts[k].y + h10 * h * m[k] + h01 * pts[k + 1].y + h11 * h * m[k + 1];
            out.push_back({pts[k].x + t * h, y});
        }
    }
    return out;
}

// [SECTION] Marks
void star(Painter& p, Vec2 c, float r, RGBA color) {
    // A five-pointed star as a pentagon plus five convex tips.
    const float pi = 3.14159265f;
    Vec2 outer[5], inner[5];
    for (int i = 0; i < 5; ++i) {
        const float a = -pi / 2 + float(i) * 2 * pi / 5;
        const float b = a + pi / 5;
        outer[i] = {c.x + r * std::cos(a), c.y + r * std::sin(a)};
        inner[i] = {c.x + r * 0.42f * std::cos(b), c.y + r * 0.42f * std::sin(b)};
    }
    p.fill_polygon({inner[0], inner[1], inner[2], inner[3], inner[4]}, color);
    for (int i = 0; i < 5; ++i) p.fill_polygon({inner[(i + 4) % 5], outer[i], inner[i]}, color);
}

void flag(Painter& p, Vec2 foot, float h, RGBA color) {
    p.line(foot, {foot.x, foot.y - h}, color, 1.6f);
    p.fill_polygon({{foot.x, foot.y - h}, {foot.x + h * 0.7f, foot.y - h * 0.75f}, {foot.x, foot.y - h * 0.5f}}, color);
}

// [SECTION] Emotion row
void paint_emotion_row(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o) {
    if (!lay.emotion) return;
    const layout::EmotionRow& er = *lay.emotion;
    if (o.visible && !o.visible->intersects(er.rect)) return;
    const Theme& th = o.theme;
    p.begin_group("emotion");
    p.fill_rect(er.rect, th.emotion_fill);
    p.fill_rect(er.header, th.header_fill);
    p.fill_rect({er.header.x, er.header.y, 5, er.header.h}, th.lane_stripe[1]);
    draw_block(p, er.label, th.text);
    // Scale: faint lines at ±1 and ±2, the zero baseline dashed, labels in the header.
    for (const layout::EmotionTick& t : er.ticks) {
        if (t.value != 0) p.line({er.plot.x, t.y}, {er.plot.right(), t.y}, with_alpha(th.grid, 150), 0.75f);
        p.text(t.label_pos, t.label, er.small_font_size, t.value == 0 ? th.text : th.muted_text, t.value == 0);
    }
    p.line({er.plot.x, er.baseline_y}, {er.plot.right(), er.baseline_y}, th.muted_text, 1, true);
    // The curve: one smooth run per stretch of consecutive rated steps.
    std::vector<Vec2> run;
    const auto flush = [&] {
        if (run.size() >= 2) p.polyline(smooth_curve(run, 12), th.emotion_curve, 2.2f);
        run.clear();
    };
    for (const layout::EmotionPoint& pt : er.points) {
        if (pt.emotion) run.push_back(pt.pos);
        else flush();
    }
    flush();
    // Points on top of the curve.
    const bool small = o.zoom < o.low_detail_zoom;
    for (const layout::EmotionPoint& pt : er.points) {
        if (pt.emotion) {
            p.fill_circle(pt.pos, 6.5f, th.emotion_fill);
            p.fill_circle(pt.pos, 5, emotion_color(th, *pt.emotion));
        } else {
            p.fill_circle(pt.pos, 7, th.emotion_fill);
            p.stroke_circle(pt.pos, 7, th.muted_text, 1.2f);
            if (!small) p.text(pt.flag_pos, er.unrated_flag, er.small_font_size, th.muted_text, true);
        }
    }
    // Peak-end marks (from the analysis, through PaintOptions::marks).
    const auto point_of = [&](int step) -> const layout::EmotionPoint* {
        for (const layout::EmotionPoint& pt : er.points)
            if (pt.step == step) return &pt;
        return nullptr;
    };
    for (int s : o.marks.peak_steps) {
        const layout::EmotionPoint* pt = point_of(s);
        if (!pt) continue;
        const bool below = pt->emotion && *pt->emotion < 0;
        star(p, {pt->pos.x, pt->pos.y + (below ? 16.0f : -16.0f)}, 7, th.mark);
    }
    if (const layout::EmotionPoint* pt = point_of(o.marks.end_step)) flag(p, {pt->pos.x + 10, pt->pos.y + 2}, 16, th.mark);
    (void)doc;
    p.end_group();
}

// [SECTION] Legend
void paint_legend(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o) {
    if (!lay.legend || (o.visible && !o.visible->intersects(lay.legend->rect))) return;
    const Theme& th = o.theme;
    p.begin_group("legend");
    draw_block(p, lay.legend->heading, th.muted_text);
    for (const layout::LegendItem& it : lay.legend->items) {
        const Rect& r = it.swatch;
        switch (it.symbol) {
        case layout::LegendSymbol::Fail:
            p.fill_circle(r.center(), r.h / 2, th.fail);
            if (it.badge) draw_badge_text(p, *it.badge, th.badge_text, true);
            break;
        case layout::LegendSymbol::Wait:
            p.fill_rect(r, th.wait, r.h / 2);
            if (it.badge) draw_badge_text(p, *it.badge, th.wait_text, true);
            break;
        case layout::LegendSymbol::Forward:
        case layout::LegendSymbol::Both: {
            const float y = r.center().y;
            const bool both = it.symbol == layout::LegendSymbol::Both;
            p.line({r.x + (both ? 5.0f : 0.0f), y}, {r.right() - 5, y}, th.connector, 1.5f);
            arrowhead(p, {r.x, y}, {r.right(), y}, th.connector);
            if (both) arrowhead(p, {r.right(), y}, {r.x, y}, th.connector);
            break;
        }
        case layout::LegendSymbol::Tier: {
            const RGBA fill = tier_color(doc, it.tier, th);
            p.fill_rect(r, fill, 3);
            if (it.badge && !it.badge->text.empty()) draw_badge_text(p, *it.badge, text_on(fill), true);
            break;
        }
        case layout::LegendSymbol::Line:
            p.line({r.x, r.center().y}, {r.right(), r.center().y}, th.text, 2, true);
            break;
        }
        draw_block(p, it.label, th.text);
    }
    p.end_group();
}

}  // namespace sm::render::detail
