// Stagemap — helpers shared by paint.cpp and paint_emotion.cpp (not part of the interface).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/painter.h"

namespace sm::render::detail {

// [SECTION] Colours
inline RGBA mix(RGBA a, RGBA b, float t) {
    const auto m = [t](std::uint8_t x, std::uint8_t y) {
        return std::uint8_t(std::lround(float(x) + (float(y) - float(x)) * std::clamp(t, 0.0f, 1.0f)));
    };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}
inline RGBA with_alpha(RGBA c, std::uint8_t a) { return {c.r, c.g, c.b, a}; }
inline float luminance(RGBA c) { return (0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b) / 255.0f; }
// Dark text on light fills, white text on dark ones.
inline RGBA text_on(RGBA fill) { return luminance(fill) > 0.6f ? RGBA{28, 32, 38} : RGBA{255, 255, 255}; }
// −2 … +2 from the negative colour through neutral to the positive colour.
inline RGBA emotion_color(const Theme& th, int e) {
    return e < 0 ? mix(th.emotion_negative, th.emotion_neutral, float(e + 2) / 2.0f)
                 : mix(th.emotion_neutral, th.emotion_positive, float(e) / 2.0f);
}

// [SECTION] Drawing helpers
inline void draw_block(Painter& p, const layout::TextBlock& b, RGBA color) {
    float y = b.origin.y;
    for (const std::string& line : b.lines) {
        if (!line.empty()) p.text({b.origin.x, y}, line, b.font_size, color, b.bold);
        y += b.line_height;
    }
}
inline void draw_badge_text(Painter& p, const layout::Badge& b, RGBA color, bool bold) {
    p.text(b.text_pos, b.text, b.font_size, color, bold);
}
// A filled arrowhead whose tip is at `tip`, pointing along from -> tip.
void arrowhead(Painter& p, Vec2 from, Vec2 tip, RGBA color, float length = 8, float half_width = 4);

// The peak mark (a five-pointed star of radius r) and the end mark (a flag standing on `foot`).
void star(Painter& p, Vec2 c, float r, RGBA color);
void flag(Painter& p, Vec2 foot, float h, RGBA color);
// A smooth curve through points with increasing x (monotone cubic: no overshoot).
std::vector<Vec2> smooth_curve(const std::vector<Vec2>& pts, int samples_per_segment);

// [SECTION] Parts of the scene
void paint_emotion_row(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o);
void paint_legend(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& p, const PaintOptions& o);

}  // namespace sm::render::detail
