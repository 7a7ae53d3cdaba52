// Stagemap — a Painter that writes SVG text. Deterministic: the same calls give the same bytes
// (numbers with at most two decimals, no locale). Consecutive lines of one text block become
// one <text> with a <tspan> per line.
#pragma once

#include <string>
#include <string_view>

#include "layout/layout.h"
#include "render/painter.h"

namespace sm::render {

// The font stack written into SVG files.
inline constexpr std::string_view kSvgFontFamily =
    "'Noto Sans CJK SC', 'Noto Sans', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

class SvgPainter : public Painter {
public:
    // `viewport`: the area of layout space that the SVG shows (usually BlueprintLayout::bounds).
    SvgPainter(const layout::TextMeasurer& measurer, Rect viewport, std::string_view title = {});

    void fill_rect(const Rect& r, RGBA color, float radius = 0) override;
    void stroke_rect(const Rect& r, RGBA color, float width, float radius = 0) override;
    void line(Vec2 a, Vec2 b, RGBA color, float width, bool dashed = false) override;
    void polyline(const std::vector<Vec2>& pts, RGBA color, float width, bool dashed = false) override;
    void fill_polygon(const std::vector<Vec2>& pts, RGBA color) override;
    void fill_circle(Vec2 c, float radius, RGBA color) override;
    void stroke_circle(Vec2 c, float radius, RGBA color, float width) override;
    void text(Vec2 top_left, std::string_view utf8, float font_size, RGBA color, bool bold = false) override;
    void begin_group(std::string_view id) override;
    void end_group() override;

    // Closes the document and returns it; the painter must not be used afterwards.
    std::string finish();

private:
    struct PendingText {
        bool open = false;
        float x = 0, last_top = 0, font_size = 0;
        RGBA color;
        bool bold = false;
        int lines = 0;
        std::string body;  // the <tspan>s, or the single line's text
        float first_baseline = 0;
    };
    void flush_text();
    void indent();

    const layout::TextMeasurer& measurer_;
    std::string out_;
    PendingText pending_;
    int depth_ = 1;
};

// XML text with &, <, >, " and ' escaped, control characters dropped and malformed UTF-8
// replaced by U+FFFD, so that the output is always well-formed.
std::string xml_escape(std::string_view s);
// A number as SVG attributes take it: at most two decimals, no trailing zeros, '.' always.
std::string svg_number(float x);

}  // namespace sm::render
