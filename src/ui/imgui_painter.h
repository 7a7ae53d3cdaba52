// Stagemap — the screen's Painter: draws paint_blueprint()'s output into an ImDrawList through
// the canvas transform (pan + zoom), and the TextMeasurer that lays text out with ImGui's font.
#pragma once

#include <string_view>

#include <imgui.h>

#include "layout/layout.h"
#include "render/painter.h"

namespace sm::ui {

class FontManager;

// [SECTION] Canvas transform
// Screen = origin + layout × scale. `scale` is screen pixels per layout unit (zoom × UI scale).
struct CanvasTransform {
    ImVec2 origin{0, 0};
    float scale = 1;

    ImVec2 to_screen(layout::Vec2 p) const { return {origin.x + p.x * scale, origin.y + p.y * scale}; }
    layout::Vec2 to_layout(ImVec2 p) const { return {(p.x - origin.x) / scale, (p.y - origin.y) / scale}; }
    ImVec2 rect_min(const layout::Rect& r) const { return to_screen({r.x, r.y}); }
    ImVec2 rect_max(const layout::Rect& r) const { return to_screen({r.right(), r.bottom()}); }
    layout::Rect to_layout(ImVec2 min, ImVec2 max) const;
};

// [SECTION] Text measurement
// Measures with the zoom-independent measuring font, so the layout does not change with zoom.
// Characters the atlas lacks are reported to the FontManager, which bakes them next frame.
class ImGuiTextMeasurer final : public layout::TextMeasurer {
public:
    explicit ImGuiTextMeasurer(FontManager& fonts) : fonts_(fonts) {}
    float width(std::string_view utf8, float font_size, bool bold = false) const override;

private:
    FontManager& fonts_;
};

// Reports every code point of `utf8` that `font` has no glyph for.
void report_missing_glyphs(FontManager& fonts, const ImFont* font, std::string_view utf8);

// [SECTION] Painter
class ImGuiPainter final : public render::Painter {
public:
    ImGuiPainter(ImDrawList* list, const CanvasTransform& transform, FontManager& fonts,
                 const layout::TextMeasurer& measurer);

    void fill_rect(const layout::Rect& r, render::RGBA color, float radius = 0) override;
    void stroke_rect(const layout::Rect& r, render::RGBA color, float width, float radius = 0) override;
    void line(layout::Vec2 a, layout::Vec2 b, render::RGBA color, float width, bool dashed = false) override;
    void polyline(const std::vector<layout::Vec2>& pts, render::RGBA color, float width, bool dashed = false) override;
    void fill_polygon(const std::vector<layout::Vec2>& pts, render::RGBA color) override;
    void fill_circle(layout::Vec2 c, float radius, render::RGBA color) override;
    void stroke_circle(layout::Vec2 c, float radius, render::RGBA color, float width) override;
    void text(layout::Vec2 top_left, std::string_view utf8, float font_size, render::RGBA color,
              bool bold = false) override;

private:
    float stroke_px(float width) const;
    void dashed_segment(ImVec2 a, ImVec2 b, ImU32 col, float px);

    ImDrawList* list_;
    CanvasTransform t_;
    FontManager& fonts_;
    const layout::TextMeasurer& measurer_;
    float dash_phase_ = 0;
};

ImU32 to_imgui(render::RGBA c);

}  // namespace sm::ui
