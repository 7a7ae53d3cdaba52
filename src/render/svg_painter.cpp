// Stagemap — the SVG painter.
#include "render/svg_painter.h"

#include <cmath>
#include <utility>
#include <vector>

namespace sm::render {

// [SECTION] Formatting
std::string svg_number(float x) { return layout::format_number(double(x)); }

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const layout::Utf8Char c = layout::decode_utf8(s, pos);
        const std::string_view bytes = s.substr(pos, c.length);
        pos += c.length;
        switch (c.code_point) {
        case '&': out += "&amp;"; continue;
        case '<': out += "&lt;"; continue;
        case '>': out += "&gt;"; continue;
        case '"': out += "&quot;"; continue;
        case '\'': out += "&apos;"; continue;
        default: break;
        }
        const char32_t cp = c.code_point;
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) continue;
        if (cp == 0xFFFD && bytes != "\xEF\xBF\xBD") {
            out += "\xEF\xBF\xBD";  // a malformed byte
            continue;
        }
        out.append(bytes);
    }
    return out;
}

namespace {
std::string hex(RGBA c) { return to_hex(Color{c.r, c.g, c.b}); }

std::string paint_attr(std::string_view what, RGBA c) {
    std::string s(1, ' ');
    s.append(what).append("=\"").append(hex(c)).append("\"");
    if (c.a != 255) s.append(" ").append(what).append("-opacity=\"").append(svg_number(float(c.a) / 255.0f)).append("\"");
    return s;
}

std::string rect_attrs(const Rect& r, float radius) {
    std::string s = "x=\"" + svg_number(r.x) + "\" y=\"" + svg_number(r.y) + "\" width=\"" + svg_number(r.w) +
                    "\" height=\"" + svg_number(r.h) + "\"";
    if (radius > 0) s += " rx=\"" + svg_number(radius) + "\"";
    return s;
}

std::string points_attr(const std::vector<Vec2>& pts) {
    std::string s;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (i) s += ' ';
        s += svg_number(pts[i].x) + "," + svg_number(pts[i].y);
    }
    return s;
}
}  // namespace

// [SECTION] Document
SvgPainter::SvgPainter(const layout::TextMeasurer& measurer, Rect viewport, std::string_view title)
    : measurer_(measurer) {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + svg_number(viewport.w) +
            "\" height=\"" + svg_number(viewport.h) + "\" viewBox=\"" + svg_number(viewport.x) + " " +
            svg_number(viewport.y) + " " + svg_number(viewport.w) + " " + svg_number(viewport.h) +
            "\" xml:space=\"preserve\" font-family=\"" + xml_escape(kSvgFontFamily) + "\">\n";
    if (!title.empty()) out_ += "  <title>" + xml_escape(title) + "</title>\n";
}

void SvgPainter::indent() { out_.append(std::size_t(depth_) * 2, ' '); }

std::string SvgPainter::finish() {
    flush_text();
    while (depth_ > 1) end_group();
    out_ += "</svg>\n";
    return std::move(out_);
}

void SvgPainter::begin_group(std::string_view id) {
    flush_text();
    indent();
    out_ += "<g id=\"" + xml_escape(id) + "\">\n";
    ++depth_;
}

void SvgPainter::end_group() {
    flush_text();
    if (depth_ <= 1) return;
    --depth_;
    indent();
    out_ += "</g>\n";
}

// [SECTION] Shapes
void SvgPainter::fill_rect(const Rect& r, RGBA color, float radius) {
    flush_text();
    indent();
    out_ += "<rect " + rect_attrs(r, radius) + paint_attr("fill", color) + "/>\n";
}

void SvgPainter::stroke_rect(const Rect& r, RGBA color, float width, float radius) {
    flush_text();
    indent();
    out_ += "<rect " + rect_attrs(r, radius) + " fill=\"none\"" + paint_attr("stroke", color) + " stroke-width=\"" +
            svg_number(width) + "\"/>\n";
}

void SvgPainter::line(Vec2 a, Vec2 b, RGBA color, float width, bool dashed) {
    flush_text();
    indent();
    out_ += "<line x1=\"" + svg_number(a.x) + "\" y1=\"" + svg_number(a.y) + "\" x2=\"" + svg_number(b.x) +
            "\" y2=\"" + svg_number(b.y) + "\"" + paint_attr("stroke", color) + " stroke-width=\"" + svg_number(width) +
            "\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
}

void SvgPainter::polyline(const std::vector<Vec2>& pts, RGBA color, float width, bool dashed) {
    if (pts.size() < 2) return;
    flush_text();
    indent();
    out_ += "<polyline points=\"" + points_attr(pts) + "\" fill=\"none\"" + paint_attr("stroke", color) +
            " stroke-width=\"" + svg_number(width) + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"" +
            (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
}

void SvgPainter::fill_polygon(const std::vector<Vec2>& pts, RGBA color) {
    if (pts.size() < 3) return;
    flush_text();
    indent();
    out_ += "<polygon points=\"" + points_attr(pts) + "\"" + paint_attr("fill", color) + "/>\n";
}

void SvgPainter::fill_circle(Vec2 c, float radius, RGBA color) {
    flush_text();
    indent();
    out_ += "<circle cx=\"" + svg_number(c.x) + "\" cy=\"" + svg_number(c.y) + "\" r=\"" + svg_number(radius) + "\"" +
            paint_attr("fill", color) + "/>\n";
}

void SvgPainter::stroke_circle(Vec2 c, float radius, RGBA color, float width) {
    flush_text();
    indent();
    out_ += "<circle cx=\"" + svg_number(c.x) + "\" cy=\"" + svg_number(c.y) + "\" r=\"" + svg_number(radius) +
            "\" fill=\"none\"" + paint_attr("stroke", color) + " stroke-width=\"" + svg_number(width) + "\"/>\n";
}

// [SECTION] Text
// Lines that continue the pending block (same x, style and the next line position) join it.
void SvgPainter::text(Vec2 top_left, std::string_view utf8, float font_size, RGBA color, bool bold) {
    const float lh = measurer_.line_height(font_size);
    const float baseline = text_baseline(top_left.y, font_size, lh);
    PendingText& p = pending_;
    const bool continues = p.open && p.x == top_left.x && p.font_size == font_size && p.color == color &&
                           p.bold == bold && std::fabs(top_left.y - (p.last_top + lh)) < 0.01f;
    if (!continues) {
        flush_text();
        p.open = true;
        p.x = top_left.x;
        p.font_size = font_size;
        p.color = color;
        p.bold = bold;
        p.lines = 0;
        p.body.clear();
        p.first_baseline = baseline;
    }
    p.last_top = top_left.y;
    p.body += "<tspan x=\"" + svg_number(top_left.x) + "\" y=\"" + svg_number(baseline) + "\">" + xml_escape(utf8) +
              "</tspan>";
    ++p.lines;
}

void SvgPainter::flush_text() {
    PendingText& p = pending_;
    if (!p.open) return;
    p.open = false;
    indent();
    std::string attrs = " font-size=\"" + svg_number(p.font_size) + "\"" + paint_attr("fill", p.color) +
                        (p.bold ? " font-weight=\"bold\"" : "");
    if (p.lines == 1) {
        // A single line: the text directly, without a <tspan>.
        const std::size_t open_end = p.body.find('>');
        const std::size_t close = p.body.rfind("</tspan>");
        const std::string inner = p.body.substr(open_end + 1, close - open_end - 1);
        out_ += "<text x=\"" + svg_number(p.x) + "\" y=\"" + svg_number(p.first_baseline) + "\"" + attrs + ">" + inner +
                "</text>\n";
    } else {
        out_ += "<text" + attrs + ">" + p.body + "</text>\n";
    }
}

}  // namespace sm::render
