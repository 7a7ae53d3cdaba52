#include "render/marks.h"

#include <algorithm>
#include <cmath>

#include "render/paint_internal.h"

namespace sm::render {

// [SECTION] Marks
EmotionMarks peak_end_marks(const sm::Document& doc) { return peak_end_marks(doc, analysis::analyze_peak_end(doc)); }

EmotionMarks peak_end_marks(const sm::Document& doc, const analysis::PeakEnd& pe) {
    EmotionMarks marks;
    if (pe.peak) marks.peak_steps.push_back(static_cast<int>(pe.peak->index));
    if (pe.end) marks.end_step = static_cast<int>(pe.end->index);
    marks.peak_pinned = pe.peak && pe.peak_pinned;
    marks.end_pinned = pe.end && pe.end_pinned;
    for (std::size_t i = 0; i < doc.steps.size(); ++i)
        if (doc.steps[i].peak == false) marks.excluded_steps.push_back(static_cast<int>(i));
    return marks;
}

// [SECTION] Symbols
void peak_symbol(Painter& p, Vec2 centre, float r, RGBA color) { detail::star(p, centre, r, color); }

void end_symbol(Painter& p, Vec2 foot, float h, RGBA color) { detail::flag(p, foot, h, color); }

void pin_symbol(Painter& p, Vec2 head, float r, RGBA color, RGBA halo) {
    // A push pin leaning to the right, its head up: a cap, a narrow neck, a flat disc, a needle.
    const float k = 0.70710678f;
    const Vec2 d{-k, k}, n{k, k};  // along the pin (head to tip), and across it
    const auto at = [&](float t, float s) { return Vec2{head.x + (d.x * t + n.x * s) * r, head.y + (d.y * t + n.y * s) * r}; };
    // Quads as (from, to, half width) along the pin.
    const float parts[3][3] = {{0.0f, 1.1f, 1.0f}, {1.1f, 2.0f, 0.5f}, {2.0f, 2.5f, 1.45f}};
    const auto quad = [&](const float* q, float grow) {
        return std::vector<Vec2>{at(q[0] - grow, -q[2] - grow), at(q[1] + grow, -q[2] - grow), at(q[1] + grow, q[2] + grow),
                                 at(q[0] - grow, q[2] + grow)};
    };
    // A halo first, so the pin reads over a star, a flag or the curve.
    p.line(at(2.5f, 0), at(4.4f, 0), halo, r * 1.0f);
    for (const auto& q : parts) p.fill_polygon(quad(q, 0.4f), halo);
    p.line(at(2.5f, 0), at(4.4f, 0), color, r * 0.35f);
    for (const auto& q : parts) p.fill_polygon(quad(q, 0), color);
}

void excluded_symbol(Painter& p, Vec2 c, float r, RGBA color) {
    const float pi = 3.14159265f;
    std::vector<Vec2> pts;
    for (int i = 0; i <= 10; ++i) {
        const float a = -pi / 2 + float(i) * pi / 5;
        const float rr = (i % 2 == 0) ? r : r * 0.42f;
        pts.push_back({c.x + rr * std::cos(a), c.y + rr * std::sin(a)});
    }
    p.polyline(pts, color, std::max(r * 0.16f, 0.8f));
    p.line({c.x - r, c.y + r * 0.9f}, {c.x + r, c.y - r * 0.9f}, color, std::max(r * 0.2f, 1.0f));
}

// [SECTION] Header labels
std::string mark_label(bool peak, bool excluded, bool pinned, bool chinese) {
    if (excluded) return chinese ? "非峰值" : "Not peak";
    if (peak) return chinese ? (pinned ? "固定峰值" : "峰值") : (pinned ? "Pinned peak" : "Peak");
    return chinese ? (pinned ? "固定终点" : "终点") : (pinned ? "Pinned end" : "End");
}

float estimate_text_width(std::string_view s, float font_size, bool bold) {
    float w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const layout::Utf8Char c = layout::decode_utf8(s, i);
        i += c.length;
        w += (layout::is_wide(c.code_point) ? 1.0f : (bold ? 0.62f : 0.56f)) * font_size;
    }
    return w;
}

}  // namespace sm::render
