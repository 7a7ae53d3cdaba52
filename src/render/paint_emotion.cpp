// Stagemap — the emotion row (a smooth curve through the rated steps, gaps at unrated ones,
// peak ★ and end ⚑ marks when the analysis supplies them), the same marks as labels in the step
// headers, and the legend.
#include <algorithm>
#include <cmath>

#include "render/marks.h"
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
void paint_header_marks(const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o);

void paint_emotion_row(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o) {
    (void)doc;
    paint_header_marks(lay, p, o);
    if (!lay.emotion) return;
    const layout::EmotionRow& er = *lay.emotion;
    if (o.visible && !o.visible->intersects(er.rect)) return;
    const Theme& th = o.theme;
    p.begin_group("emotion");
    p.fill_rect(er.rect, th.emotion_fill);
    // The remembered moments stand out at any zoom: their slice of the row is tinted.
    for (const layout::StepBox& sb : lay.steps) {
        const bool marked = sb.step >= 0 && (sb.step == o.marks.end_step ||
                                             std::find(o.marks.peak_steps.begin(), o.marks.peak_steps.end(), sb.step) !=
                                                 o.marks.peak_steps.end());
        if (marked) p.fill_rect({sb.column.x, er.rect.y, sb.column.w, er.rect.h}, mix(th.emotion_fill, th.mark, 0.10f));
    }
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
    // Peak-end marks (from the analysis, through PaintOptions::marks); a pinned one carries a pin.
    const auto point_of = [&](int step) -> const layout::EmotionPoint* {
        for (const layout::EmotionPoint& pt : er.points)
            if (pt.step == step) return &pt;
        return nullptr;
    };
    for (int s : o.marks.peak_steps) {
        const layout::EmotionPoint* pt = point_of(s);
        if (!pt) continue;
        const bool below = pt->emotion && *pt->emotion < 0;
        // Above the point (below a negative one), kept inside the row: beside the point when the
        // row has no room there.
        Vec2 c{pt->pos.x, pt->pos.y + (below ? 16.0f : -16.0f)};
        const float lo = er.rect.y + 9, hi = er.rect.bottom() - 9;
        if (c.y < lo || c.y > hi) {
            c.y = std::clamp(c.y, lo, std::max(lo, hi));
            if (std::abs(c.y - pt->pos.y) < 12) c.x -= 15;
        }
        star(p, c, 7, th.mark);
        // A pinned peak: a push pin stuck into the star.
        if (o.marks.peak_pinned) pin_symbol(p, {c.x + 10.5f, c.y - 4.5f}, 3.0f, th.mark, th.emotion_fill);
    }
    if (const layout::EmotionPoint* pt = point_of(o.marks.end_step)) {
        const Vec2 foot{pt->pos.x + 10, pt->pos.y + 2};
        flag(p, foot, 16, th.mark);
        if (o.marks.end_pinned) pin_symbol(p, {foot.x + 15, foot.y - 16}, 3.2f, th.mark, th.emotion_fill);
    }
    p.end_group();
}

// [SECTION] Step header marks
// "★ Peak", "⚑ End" ("Pinned peak", "Pinned end") and "Not peak" pills at the right of the step headers, so
// the moments customers remember are named where the steps are, not only on the curve.
namespace {

bool has(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The vertical centre of the pills in a header: on the duration line, else in the room below the
// name, else at the bottom.
float pill_centre_y(const layout::StepBox& sb, float h) {
    if (!sb.detail.lines.empty()) return sb.detail.origin.y + sb.detail.line_height / 2;
    const float name_bottom = sb.name.origin.y + float(sb.name.lines.size()) * sb.name.line_height;
    const float spare = sb.header.bottom() - name_bottom;
    return spare >= h + 4 ? name_bottom + spare / 2 : sb.header.bottom() - 2 - h / 2;
}

struct Pill {
    enum Kind { Peak, End, Excluded } kind;
    bool pinned = false;
};

// Draws one pill with its right edge at `right`; returns its left edge.
float draw_pill(Painter& p, const Theme& th, const Pill& pill, float right, float cy, float font, bool chinese) {
    const float h = 15, pad = 5, icon = 11;
    const std::string label = mark_label(pill.kind == Pill::Peak, pill.kind == Pill::Excluded, pill.pinned, chinese);
    const float w = pad + icon + 4 + estimate_text_width(label, font, true) + pad;
    const Rect r{right - w, cy - h / 2, w, h};
    const bool muted = pill.kind == Pill::Excluded;
    const RGBA ink = muted ? th.muted_text : th.mark;
    p.fill_rect(r, muted ? th.header_fill : mix(th.header_fill, th.mark, 0.16f), h / 2);
    p.stroke_rect(r, ink, 1, h / 2);
    const Vec2 ic{r.x + pad + icon / 2, cy};
    switch (pill.kind) {
    case Pill::Peak: star(p, ic, 5.5f, ink); break;
    case Pill::End: flag(p, {ic.x - 3, ic.y + 5.5f}, 11, ink); break;
    case Pill::Excluded: excluded_symbol(p, ic, 5, ink); break;
    }
    p.text({r.x + pad + icon + 4, cy - font * 0.65f}, label, font, muted ? th.muted_text : th.text, true);
    return r.x;
}

}  // namespace

void paint_header_marks(const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o) {
    const EmotionMarks& m = o.marks;
    if (m.peak_steps.empty() && m.end_step < 0 && m.excluded_steps.empty()) return;
    bool begun = false;
    for (const layout::StepBox& sb : lay.steps) {
        if (sb.step < 0 || (o.visible && !o.visible->intersects(sb.header))) continue;
        std::vector<Pill> pills;  // right to left
        if (sb.step == m.end_step) pills.push_back({Pill::End, m.end_pinned});
        if (has(m.peak_steps, sb.step)) pills.push_back({Pill::Peak, m.peak_pinned});
        else if (has(m.excluded_steps, sb.step)) pills.push_back({Pill::Excluded, false});
        if (pills.empty()) continue;
        if (!begun) p.begin_group("peak-end-marks");
        begun = true;
        const float font = lay.style.small_font_size;
        const float cy = pill_centre_y(sb, 15);
        float right = sb.header.right() - 6;
        for (const Pill& pill : pills) right = draw_pill(p, o.theme, pill, right, cy, font, lay.style.chinese_labels) - 4;
    }
    if (begun) p.end_group();
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
