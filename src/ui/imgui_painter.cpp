#include "ui/imgui_painter.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "ui/fonts.h"
#include "ui/glyph_ranges.h"

namespace sm::ui {

// [SECTION] Transform and colours
layout::Rect CanvasTransform::to_layout(ImVec2 min, ImVec2 max) const {
    const auto a = to_layout(min);
    const auto b = to_layout(max);
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::fabs(b.x - a.x), std::fabs(b.y - a.y)};
}

ImU32 to_imgui(render::RGBA c) { return IM_COL32(c.r, c.g, c.b, c.a); }

// [SECTION] Text measurement
void report_missing_glyphs(FontManager& fonts, const ImFont* font, std::string_view utf8) {
    if (!font) return;
    // Called for every string drawn or measured, every frame: no allocation, ASCII skipped.
    for (std::size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {
            ++i;
            continue;
        }
        const auto ch = layout::decode_utf8(utf8, i);
        i += ch.length;
        const char32_t cp = ch.code_point;
        if (cp <= 0xFFFF && !needs_no_glyph(cp) && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) fonts.require(cp);
    }
}

float ImGuiTextMeasurer::width(std::string_view utf8, float font_size, bool bold) const {
    const ImFont* font = fonts_.measure_font(bold);
    if (!font || utf8.empty()) return 0;
    report_missing_glyphs(fonts_, font, utf8);
    const float size = font_size * fonts_.em_ratio();
    return font->CalcTextSizeA(size, FLT_MAX, 0, utf8.data(), utf8.data() + utf8.size()).x;
}

// [SECTION] Painter
ImGuiPainter::ImGuiPainter(ImDrawList* list, const CanvasTransform& transform, FontManager& fonts,
                           const layout::TextMeasurer& measurer)
    : list_(list), t_(transform), fonts_(fonts), measurer_(measurer) {}

float ImGuiPainter::stroke_px(float width) const { return std::max(width * t_.scale, 1.0f); }

void ImGuiPainter::fill_rect(const layout::Rect& r, render::RGBA color, float radius) {
    list_->AddRectFilled(t_.rect_min(r), t_.rect_max(r), to_imgui(color), radius * t_.scale);
}

void ImGuiPainter::stroke_rect(const layout::Rect& r, render::RGBA color, float width, float radius) {
    list_->AddRect(t_.rect_min(r), t_.rect_max(r), to_imgui(color), radius * t_.scale, 0, stroke_px(width));
}

void ImGuiPainter::dashed_segment(ImVec2 a, ImVec2 b, ImU32 col, float px) {
    const float dash = std::max(5.0f * t_.scale, 3.0f), gap = std::max(4.0f * t_.scale, 2.5f);
    const float cycle = dash + gap;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (!(len > 0)) return;
    const float ux = dx / len, uy = dy / len;
    const float phase = std::fmod(dash_phase_, cycle);
    // The phase carries across the segments of a polyline, so corners keep the rhythm.
    dash_phase_ = std::fmod(dash_phase_ + len, cycle);
    // Only the part inside the clip rectangle (grown by the pen) gets dashes: zoomed in, most of
    // a long connector is off screen.
    float lo = 0, hi = len;
    const ImVec2 cmin = list_->GetClipRectMin(), cmax = list_->GetClipRectMax();
    const float margin = px + 1.0f;
    const float p0[2] = {a.x, a.y}, d[2] = {ux, uy};
    const float mn[2] = {cmin.x - margin, cmin.y - margin}, mx[2] = {cmax.x + margin, cmax.y + margin};
    for (int axis = 0; axis < 2; ++axis) {
        if (d[axis] == 0) {
            if (p0[axis] < mn[axis] || p0[axis] > mx[axis]) return;
            continue;
        }
        float s0 = (mn[axis] - p0[axis]) / d[axis], s1 = (mx[axis] - p0[axis]) / d[axis];
        if (s0 > s1) std::swap(s0, s1);
        lo = std::max(lo, s0);
        hi = std::min(hi, s1);
    }
    if (!(hi > lo)) return;
    if ((hi - lo) / cycle > 20000) {  // absurdly long even on screen: not worth dashing
        list_->AddLine(ImVec2(a.x + ux * lo, a.y + uy * lo), ImVec2(a.x + ux * hi, a.y + uy * hi), col, px);
        return;
    }
    // The first dash that reaches the visible part, on the same rhythm as from `a`.
    float start = -phase;
    if (lo > start + cycle) start += std::floor((lo - start) / cycle) * cycle;
    for (; start < hi; start += cycle) {
        const float s0 = std::max(start, 0.0f), s1 = std::min(start + dash, len);
        if (s1 > s0) list_->AddLine(ImVec2(a.x + ux * s0, a.y + uy * s0), ImVec2(a.x + ux * s1, a.y + uy * s1), col, px);
    }
}

void ImGuiPainter::line(layout::Vec2 a, layout::Vec2 b, render::RGBA color, float width, bool dashed) {
    const ImVec2 sa = t_.to_screen(a), sb = t_.to_screen(b);
    if (dashed) {
        dash_phase_ = 0;
        dashed_segment(sa, sb, to_imgui(color), stroke_px(width));
    } else {
        list_->AddLine(sa, sb, to_imgui(color), stroke_px(width));
    }
}

void ImGuiPainter::polyline(const std::vector<layout::Vec2>& pts, render::RGBA color, float width, bool dashed) {
    if (pts.size() < 2) return;
    const ImU32 col = to_imgui(color);
    const float px = stroke_px(width);
    if (dashed) {
        dash_phase_ = 0;
        for (std::size_t i = 1; i < pts.size(); ++i) dashed_segment(t_.to_screen(pts[i - 1]), t_.to_screen(pts[i]), col, px);
        return;
    }
    ImVector<ImVec2> screen;
    screen.reserve(static_cast<int>(pts.size()));
    for (const auto& p : pts) screen.push_back(t_.to_screen(p));
    list_->AddPolyline(screen.Data, screen.Size, col, ImDrawFlags_None, px);
}

void ImGuiPainter::fill_polygon(const std::vector<layout::Vec2>& pts, render::RGBA color) {
    if (pts.size() < 3) return;
    ImVector<ImVec2> screen;
    screen.reserve(static_cast<int>(pts.size()));
    for (const auto& p : pts) screen.push_back(t_.to_screen(p));
    list_->AddConvexPolyFilled(screen.Data, screen.Size, to_imgui(color));
}

void ImGuiPainter::fill_circle(layout::Vec2 c, float radius, render::RGBA color) {
    list_->AddCircleFilled(t_.to_screen(c), radius * t_.scale, to_imgui(color));
}

void ImGuiPainter::stroke_circle(layout::Vec2 c, float radius, render::RGBA color, float width) {
    list_->AddCircle(t_.to_screen(c), radius * t_.scale, to_imgui(color), 0, stroke_px(width));
}

void ImGuiPainter::text(layout::Vec2 top_left, std::string_view utf8, float font_size, render::RGBA color, bool bold) {
    if (utf8.empty()) return;
    ImFont* font = fonts_.canvas_font(bold);
    if (!font) return;
    const float em_px = font_size * t_.scale;
    if (em_px < 2.5f) return;  // unreadable at this zoom; paint_blueprint draws the boxes anyway
    report_missing_glyphs(fonts_, font, utf8);
    const float imgui_size = em_px * fonts_.em_ratio();
    // The layout's line box is line_height(font_size) tall; centre the font's own box in it.
    const float box = measurer_.line_height(font_size) * t_.scale;
    ImVec2 p = t_.to_screen(top_left);
    p.y += (box - imgui_size) * 0.5f;
    list_->AddText(font, imgui_size, p, to_imgui(color), utf8.data(), utf8.data() + utf8.size());
}

}  // namespace sm::ui
