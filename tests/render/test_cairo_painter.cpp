// Tests of the cairo painter's text: text shaped once and drawn again from the painter's cache
// must look exactly as text shaped for that one draw, at every size, weight and scale.
#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "render/cairo_painter.h"
#include "render/pango_measurer.h"

using namespace sm;
using namespace sm::render;

namespace {

constexpr int kW = 420, kH = 160;
constexpr RGBA kInk{20, 30, 40, 255};

struct Canvas {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kW, kH);
    cairo_t* cr = cairo_create(surface);
    Canvas() {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
    }
    ~Canvas() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
    // The pixels of rows [y0, y1).
    std::vector<std::uint32_t> rows(int y0, int y1) {
        cairo_surface_flush(surface);
        std::vector<std::uint32_t> px;
        const unsigned char* data = cairo_image_surface_get_data(surface);
        const int stride = cairo_image_surface_get_stride(surface);
        for (int y = y0; y < y1; ++y) {
            const std::size_t at = px.size();
            px.resize(at + kW);
            std::memcpy(px.data() + at, data + std::size_t(y) * std::size_t(stride), kW * 4);
        }
        return px;
    }
    int inked(int y0, int y1) {
        int n = 0;
        for (std::uint32_t p : rows(y0, y1)) n += (p & 0xFFFFFF) != 0xFFFFFF;
        return n;
    }
};

struct Draw {
    std::string text;
    float size = 12;
    bool bold = false;
};

// The band of rows `draw` occupies when drawn at y = top by a painter that has drawn nothing else.
std::vector<std::uint32_t> fresh(const Draw& d, float top, double scale = 1) {
    Canvas c;
    cairo_scale(c.cr, scale, scale);
    const PangoMeasurer m;
    CairoPainter p(c.cr, m);
    p.text({10, top}, d.text, d.size, kInk, d.bold);
    return c.rows(0, kH);
}

}  // namespace

TEST_CASE("text drawn again from the painter's cache is the text shaped for that draw") {
    const PangoMeasurer m;
    Canvas c;
    CairoPainter p(c.cr, m);
    const std::vector<Draw> draws = {{"Hello 你好", 12, false}, {"Hello 你好", 20, false}, {"Hello 你好", 12, true},
                                     {"Hello 你好", 12, false}, {"W 18 min", 12, true}, {"Hello 你好", 20, false}};
    // Each draw on a canvas of its own (the same painter, so later draws come from its cache),
    // compared with a fresh painter drawing only that text.
    for (std::size_t i = 0; i < draws.size(); ++i) {
        CAPTURE(i);
        cairo_set_source_rgb(c.cr, 1, 1, 1);
        cairo_paint(c.cr);
        p.text({10, 30}, draws[i].text, draws[i].size, kInk, draws[i].bold);
        CHECK(c.inked(0, kH) > 50);
        CHECK(c.rows(0, kH) == fresh(draws[i], 30));
    }
    // The same text at another place is the same pixels, moved.
    cairo_set_source_rgb(c.cr, 1, 1, 1);
    cairo_paint(c.cr);
    p.text({10, 10}, "Hello 你好", 12, kInk, false);
    p.text({10, 90}, "Hello 你好", 12, kInk, false);
    CHECK(c.rows(0, 80) == c.rows(80, 160));
}

TEST_CASE("a new scale makes the painter shape its text again") {
    const PangoMeasurer m;
    Canvas c;
    CairoPainter p(c.cr, m);
    const Draw d{"Scale 缩放 1.5", 12, false};
    p.text({10, 20}, d.text, d.size, kInk, d.bold);
    CHECK(c.rows(0, kH) == fresh(d, 20));
    cairo_set_source_rgb(c.cr, 1, 1, 1);
    cairo_paint(c.cr);
    cairo_scale(c.cr, 1.5, 1.5);
    p.text({10, 20}, d.text, d.size, kInk, d.bold);
    CHECK(c.rows(0, kH) == fresh(d, 20, 1.5));
}

TEST_CASE("strokes on a PDF leave the context's tolerance as it was") {
    cairo_surface_t* s = cairo_pdf_surface_create_for_stream(
        [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr, 200, 200);
    cairo_t* cr = cairo_create(s);
    cairo_set_tolerance(cr, 0.05);
    {
        const PangoMeasurer m;
        CairoPainter p(cr, m);
        p.stroke_rect({10, 10, 80, 40}, kInk, 1, 6);
        p.line({0, 0}, {100, 100}, kInk, 1, true);
        p.stroke_circle({50, 50}, 10, kInk, 1);
        CHECK(cairo_get_tolerance(cr) == doctest::Approx(0.05));
    }
    CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}
