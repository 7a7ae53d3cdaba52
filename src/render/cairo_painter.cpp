// Stagemap — the cairo painter.
#include "render/cairo_painter.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <string>
#include <unordered_map>

#include "layout/text_cache.h"
#include "render/pango_measurer.h"

namespace sm::render {

// [SECTION] State
struct CairoPainter::Impl {
    cairo_t* cr;
    const layout::TextMeasurer& measurer;
    PangoContext* context = nullptr;
    PangoFontDescription* font = nullptr;
    bool vector = false;  // a PDF: strokes stay paths, see stroke()
    static constexpr double kVectorStrokeTolerance = 1.0;

    // Text shaped by pango, by (text, size, bold): a blueprint repeats most of its short texts
    // (badges, chips, lane names), and shaping is most of the cost of drawing text.
    struct Shaped {
        PangoLayout* layout = nullptr;
        double baseline = 0;
    };
    static constexpr std::size_t kShapedKept = 2048;
    std::unordered_map<std::string, Shaped> shaped_;
    Shaped uncached_;  // the last text shaped once the cache is full
    std::string key_;
    cairo_matrix_t matrix_{};  // the transform the context was last updated for
    bool context_fresh_ = false;

    Impl(cairo_t* c, const layout::TextMeasurer& m, const std::string& family) : cr(c), measurer(m) {
        vector = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_PDF;
        context = pango_cairo_create_context(cr);
        cairo_font_options_t* opts = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(context, opts);
        pango_context_set_round_glyph_positions(context, FALSE);
        cairo_font_options_destroy(opts);
        font = pango_font_description_new();
        pango_font_description_set_family(font, family.c_str());
    }
    ~Impl() {
        forget_shaped();
        pango_font_description_free(font);
        g_object_unref(context);
    }

    void forget_shaped() {
        for (auto& [key, s] : shaped_) g_object_unref(s.layout);
        shaped_.clear();
        if (uncached_.layout) g_object_unref(uncached_.layout);
        uncached_ = {};
    }

    // The context follows the transform's scale and rotation (pango shapes for them). Updating
    // it makes every layout of the context shape again, so only when they did change.
    void sync_context() {
        cairo_matrix_t now;
        cairo_get_matrix(cr, &now);
        if (context_fresh_ && now.xx == matrix_.xx && now.yx == matrix_.yx && now.xy == matrix_.xy &&
            now.yy == matrix_.yy)
            return;
        pango_cairo_update_context(cr, context);
        matrix_ = now;
        context_fresh_ = true;
        forget_shaped();
    }

    const Shaped& shaped(std::string_view utf8, float size, bool bold) {
        sync_context();
        layout::measure_key(key_, utf8, size, 0, bold);
        if (const auto it = shaped_.find(key_); it != shaped_.end()) return it->second;
        Shaped s;
        s.layout = pango_layout_new(context);
        pango_font_description_set_absolute_size(font, double(size) * PANGO_SCALE);
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(s.layout, font);
        const std::string clean = sanitize_utf8(utf8);
        pango_layout_set_text(s.layout, clean.data(), int(clean.size()));
        s.baseline = double(pango_layout_get_baseline(s.layout)) / PANGO_SCALE;
        if (shaped_.size() < kShapedKept) return shaped_.emplace(key_, s).first->second;
        if (uncached_.layout) g_object_unref(uncached_.layout);
        uncached_ = s;
        return uncached_;
    }

    void source(RGBA c) const {
        cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
    }
    void rect_path(const Rect& r, float radius) const {
        const double rad = std::min<double>(radius, std::min(r.w, r.h) / 2.0);
        if (rad <= 0) {
            cairo_rectangle(cr, r.x, r.y, r.w, r.h);
            return;
        }
        const double x = r.x, y = r.y, w = r.w, h = r.h, pi = 3.14159265358979;
        cairo_new_sub_path(cr);
        cairo_arc(cr, x + w - rad, y + rad, rad, -pi / 2, 0);
        cairo_arc(cr, x + w - rad, y + h - rad, rad, 0, pi / 2);
        cairo_arc(cr, x + rad, y + h - rad, rad, pi / 2, pi);
        cairo_arc(cr, x + rad, y + rad, rad, pi, 3 * pi / 2);
        cairo_close_path(cr);
    }
    void stroke(RGBA c, float width, bool dashed) const {
        source(c);
        cairo_set_line_width(cr, width);
        if (dashed) {
            const double dash[] = {6, 4};
            cairo_set_dash(cr, dash, 2, 0);
        }
        // A PDF keeps the stroke as a path; cairo flattens it only to find the stroke's extents
        // (when it writes the page), at the tolerance recorded with it. To the nearest point is
        // enough there, and flattening each rounded corner at 0.1 was a tenth of the blueprint
        // PDF's time. Paths are built before, at the default tolerance: arcs keep their curves.
        const double tolerance = cairo_get_tolerance(cr);
        if (vector) cairo_set_tolerance(cr, kVectorStrokeTolerance);
        cairo_stroke(cr);
        if (vector) cairo_set_tolerance(cr, tolerance);
        if (dashed) cairo_set_dash(cr, nullptr, 0, 0);
    }
};

CairoPainter::CairoPainter(cairo_t* cr, const layout::TextMeasurer& measurer, std::string family)
    : impl_(std::make_unique<Impl>(cr, measurer, family)) {
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
}
CairoPainter::~CairoPainter() = default;

// [SECTION] Shapes
void CairoPainter::fill_rect(const Rect& r, RGBA color, float radius) {
    impl_->rect_path(r, radius);
    impl_->source(color);
    cairo_fill(impl_->cr);
}

void CairoPainter::stroke_rect(const Rect& r, RGBA color, float width, float radius) {
    impl_->rect_path(r, radius);
    impl_->stroke(color, width, false);
}

void CairoPainter::line(Vec2 a, Vec2 b, RGBA color, float width, bool dashed) {
    cairo_move_to(impl_->cr, a.x, a.y);
    cairo_line_to(impl_->cr, b.x, b.y);
    impl_->stroke(color, width, dashed);
}

void CairoPainter::polyline(const std::vector<Vec2>& pts, RGBA color, float width, bool dashed) {
    if (pts.size() < 2) return;
    cairo_move_to(impl_->cr, pts[0].x, pts[0].y);
    for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(impl_->cr, pts[i].x, pts[i].y);
    cairo_set_line_cap(impl_->cr, CAIRO_LINE_CAP_ROUND);
    impl_->stroke(color, width, dashed);
    cairo_set_line_cap(impl_->cr, CAIRO_LINE_CAP_BUTT);
}

void CairoPainter::fill_polygon(const std::vector<Vec2>& pts, RGBA color) {
    if (pts.size() < 3) return;
    cairo_move_to(impl_->cr, pts[0].x, pts[0].y);
    for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(impl_->cr, pts[i].x, pts[i].y);
    cairo_close_path(impl_->cr);
    impl_->source(color);
    cairo_fill(impl_->cr);
}

void CairoPainter::fill_circle(Vec2 c, float radius, RGBA color) {
    cairo_new_sub_path(impl_->cr);
    cairo_arc(impl_->cr, c.x, c.y, radius, 0, 2 * 3.14159265358979);
    impl_->source(color);
    cairo_fill(impl_->cr);
}

void CairoPainter::stroke_circle(Vec2 c, float radius, RGBA color, float width) {
    cairo_new_sub_path(impl_->cr);
    cairo_arc(impl_->cr, c.x, c.y, radius, 0, 2 * 3.14159265358979);
    impl_->stroke(color, width, false);
}

// [SECTION] Text
void CairoPainter::text(Vec2 top_left, std::string_view utf8, float font_size, RGBA color, bool bold) {
    if (utf8.empty()) return;
    Impl& im = *impl_;
    const Impl::Shaped& shaped = im.shaped(utf8, font_size, bold);
    const double target = text_baseline(top_left.y, font_size, im.measurer.line_height(font_size));
    cairo_move_to(im.cr, top_left.x, target - shaped.baseline);
    im.source(color);
    pango_cairo_show_layout(im.cr, shaped.layout);
    cairo_new_path(im.cr);
}

}  // namespace sm::render
