// Stagemap — SVG, PNG and PDF exports.
#include "render/export.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "render/cairo_painter.h"
#include "render/pango_measurer.h"
#include "render/svg_painter.h"

namespace sm::render {

// [SECTION] Preparation
layout::LayoutStyle export_style(const sm::Document& doc, const ExportOptions& opts) {
    layout::LayoutStyle st = opts.style;
    st.show_title = opts.title;
    st.show_legend = opts.legend;
    if (opts.auto_locale) {
        const std::string& loc = doc.locale;
        st.chinese_labels = loc.size() >= 2 && (loc[0] == 'z' || loc[0] == 'Z') && (loc[1] == 'h' || loc[1] == 'H');
    }
    if (opts.emotion_when_rated)
        st.show_emotion = st.show_emotion &&
                          std::any_of(doc.steps.begin(), doc.steps.end(), [](const Step& s) { return s.emotion.has_value(); });
    return st;
}

namespace {

struct Prepared {
    std::unique_ptr<PangoMeasurer> own_measurer;
    const layout::TextMeasurer* measurer = nullptr;
    layout::BlueprintLayout lay;
    PaintOptions paint;
};

Prepared prepare(const sm::Document& doc, const ExportOptions& opts) {
    Prepared p;
    if (opts.measurer) {
        p.measurer = opts.measurer;
    } else {
        p.own_measurer = std::make_unique<PangoMeasurer>();
        p.measurer = p.own_measurer.get();
    }
    p.lay = layout::compute_layout(doc, *p.measurer, export_style(doc, opts));
    p.paint = opts.paint;
    p.paint.zoom = 1;
    p.paint.visible.reset();
    return p;
}

std::string cairo_error(const char* what, const std::filesystem::path& path, cairo_status_t status) {
    return std::string(what) + " " + path.string() + ": " + cairo_status_to_string(status);
}

// Pixels of the export at `scale`, rounded up, as doubles (they may not fit an int).
void pixel_size(const layout::BlueprintLayout& lay, float scale, double& w, double& h) {
    w = std::ceil(double(lay.bounds.w) * scale);
    h = std::ceil(double(lay.bounds.h) * scale);
}

}  // namespace

// [SECTION] SVG
std::string export_svg(const sm::Document& doc, const ExportOptions& opts) {
    Prepared p = prepare(doc, opts);
    SvgPainter painter(*p.measurer, p.lay.bounds, doc.title);
    paint_blueprint(doc, p.lay, painter, p.paint);
    return painter.finish();
}

// [SECTION] PNG
PixelSize png_size(const sm::Document& doc, float scale, const ExportOptions& opts) {
    Prepared p = prepare(doc, opts);
    double w = 0, h = 0;
    pixel_size(p.lay, scale, w, h);
    return {int(std::min(w, double(INT_MAX))), int(std::min(h, double(INT_MAX)))};
}

std::string export_png(const sm::Document& doc, const std::filesystem::path& path, float scale, bool transparent) {
    return export_png(doc, path, scale, transparent, ExportOptions{});
}

std::string export_png(const sm::Document& doc, const std::filesystem::path& path, float scale, bool transparent,
                       const ExportOptions& opts) {
    if (!(scale > 0) || !std::isfinite(scale)) return "PNG export: the scale must be a positive number";
    Prepared p = prepare(doc, opts);
    double w = 0, h = 0;
    pixel_size(p.lay, scale, w, h);
    if (w > kMaxPngSide || h > kMaxPngSide) {
        const double fit = double(kMaxPngSide) / std::max(double(p.lay.bounds.w), double(p.lay.bounds.h));
        return "PNG export: the image would be " + layout::format_number(w) + " × " + layout::format_number(h) +
               " pixels, but PNG export is limited to " + std::to_string(kMaxPngSide) +
               " pixels a side; use a scale of at most " + layout::format_number(std::floor(fit * 100) / 100) +
               ", or export PDF or SVG";
    }
    if (w * 4 * h >= double(INT_MAX))
        return "PNG export: the image would be " + layout::format_number(w) + " × " + layout::format_number(h) +
               " pixels (" + layout::format_number(std::round(w * h * 4 / 1048576)) +
               " MiB), more than an image can hold (2 GiB); use a smaller scale, or export PDF or SVG";
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(w), int(h));
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const cairo_status_t st = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        return "PNG export: cannot create a " + layout::format_number(w) + " × " + layout::format_number(h) +
               " pixel image: " + cairo_status_to_string(st);
    }
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -p.lay.bounds.x, -p.lay.bounds.y);
    p.paint.draw_background = !transparent;
    {
        CairoPainter painter(cr, *p.measurer);
        paint_blueprint(doc, p.lay, painter, p.paint);
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const cairo_status_t st = cairo_surface_write_to_png(surface, path.string().c_str());
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) return cairo_error("PNG export: cannot write", path, st);
    return {};
}

// [SECTION] PDF
std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path) {
    return export_pdf(doc, path, ExportOptions{});
}

std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path, const ExportOptions& opts) {
    Prepared p = prepare(doc, opts);
    // 1 layout unit = 1/96 inch = 0.75 pt. Pages larger than 14400 pt (200 inches, the limit of
    // common PDF readers) are scaled down to fit.
    double unit = 0.75;
    const double largest = std::max(double(p.lay.bounds.w), double(p.lay.bounds.h)) * unit;
    if (largest > 14400) unit *= 14400 / largest;
    const double w_pt = double(p.lay.bounds.w) * unit, h_pt = double(p.lay.bounds.h) * unit;
    cairo_surface_t* surface = cairo_pdf_surface_create(path.string().c_str(), w_pt, h_pt);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const cairo_status_t st = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        return cairo_error("PDF export: cannot write", path, st);
    }
    const std::string title = sanitize_utf8(doc.title.empty() ? std::string("Service blueprint") : doc.title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Stagemap");
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, unit, unit);
    cairo_translate(cr, -p.lay.bounds.x, -p.lay.bounds.y);
    {
        CairoPainter painter(cr, *p.measurer);
        paint_blueprint(doc, p.lay, painter, p.paint);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) return cairo_error("PDF export: cannot write", path, st);
    return {};
}

// [SECTION] Inspection
std::optional<PngInfo> inspect_png(const std::filesystem::path& path, RGBA background) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.string().c_str());
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return std::nullopt;
    }
    cairo_surface_flush(s);
    PngInfo info;
    info.width = cairo_image_surface_get_width(s);
    info.height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const bool has_alpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32;
    const std::uint32_t bg = (std::uint32_t(background.r) << 16) | (std::uint32_t(background.g) << 8) | background.b;
    for (int y = 0; y < info.height; ++y) {
        for (int x = 0; x < info.width; ++x) {
            std::uint32_t px;
            std::memcpy(&px, data + std::size_t(y) * std::size_t(stride) + std::size_t(x) * 4, 4);
            const std::uint32_t a = has_alpha ? px >> 24 : 255;
            if (a == 0) continue;
            if (a == 255 && (px & 0xFFFFFF) == bg) continue;
            ++info.non_background;
        }
    }
    cairo_surface_destroy(s);
    return info;
}

}  // namespace sm::render
