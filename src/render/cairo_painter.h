// Stagemap — a Painter that draws on a cairo context with pango text (PNG and PDF exports).
// The header does not include cairo.h, so that users need not compile against cairo.
#pragma once

#include <memory>
#include <string>

#include "layout/layout.h"
#include "render/painter.h"

typedef struct _cairo cairo_t;

namespace sm::render {

class CairoPainter : public Painter {
public:
    // Draws in the context's current user space (layout units). Set the transform (scale for
    // PNG, 0.75 pt per unit for PDF) before constructing the painter. `measurer` gives the line
    // height that text() centres glyphs in; it should be the one the layout was computed with.
    CairoPainter(cairo_t* cr, const layout::TextMeasurer& measurer, std::string family = "Noto Sans CJK SC");
    ~CairoPainter() override;
    CairoPainter(const CairoPainter&) = delete;
    CairoPainter& operator=(const CairoPainter&) = delete;

    void fill_rect(const Rect& r, RGBA color, float radius = 0) override;
    void stroke_rect(const Rect& r, RGBA color, float width, float radius = 0) override;
    void line(Vec2 a, Vec2 b, RGBA color, float width, bool dashed = false) override;
    void polyline(const std::vector<Vec2>& pts, RGBA color, float width, bool dashed = false) override;
    void fill_polygon(const std::vector<Vec2>& pts, RGBA color) override;
    void fill_circle(Vec2 c, float radius, RGBA color) override;
    void stroke_circle(Vec2 c, float radius, RGBA color, float width) override;
    void text(Vec2 top_left, std::string_view utf8, float font_size, RGBA color, bool bold = false) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sm::render
