// Stagemap — SVG, PNG and PDF exports.
#include "render/export.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <vector>

#include "analysis/peak_end.h"
#include "analysis/tiers.h"
#include "render/cairo_painter.h"
#include "render/handout.h"
#include "render/pango_measurer.h"
#include "render/pdf_deflate.h"
#include "render/pdf_numbers.h"
#include "render/pdf_pipeline.h"
#include "render/png_bands.h"
#include "render/png_writer.h"
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
    BandedImage image;
    image.doc = &doc;
    image.lay = &p.lay;
    image.measurer = p.measurer;
    image.paint = p.paint;
    image.scale = scale;
    image.width = int(w);
    image.height = int(h);
    image.transparent = transparent;
    image.band_rows = opts.png_band_rows;
    image.threads = opts.png_threads;
    const RGBA bg = p.paint.theme.background;
    // With an opaque background every pixel is opaque (the whole image is filled, also the last
    // row and column that the blueprint covers only in part): written as RGB.
    PngWriter out(path, image.width, image.height, !transparent && bg.a == 255);
    const std::string err = render_png_bands(image, out);
    return err.empty() ? out.finish() : err;
}

// [SECTION] PDF
std::optional<PageSize> parse_page_size(std::string_view name) {
    std::string lower(name);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (lower == "a4") return PageSize::A4;
    if (lower == "a3") return PageSize::A3;
    if (lower == "a2") return PageSize::A2;
    if (lower == "fit") return PageSize::Fit;
    return std::nullopt;
}

std::string_view to_string(PageSize size) {
    switch (size) {
    case PageSize::A4: return "A4";
    case PageSize::A3: return "A3";
    case PageSize::A2: return "A2";
    case PageSize::Fit: return "fit";
    }
    return {};
}

std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path) {
    return export_pdf(doc, path, ExportOptions{}, PdfOptions{});
}

std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path, const ExportOptions& opts) {
    return export_pdf(doc, path, opts, PdfOptions{});
}

namespace {

// ISO 216 sizes in points (1 mm = 72 / 25.4 pt); the text pages of Fit are A4.
pdf::PageSizePt paper_size(PageSize size, bool landscape) {
    const double mm = pdf::kMm;
    pdf::PageSizePt p{210 * mm, 297 * mm};
    if (size == PageSize::A3) p = {297 * mm, 420 * mm};
    if (size == PageSize::A2) p = {420 * mm, 594 * mm};
    if (landscape) std::swap(p.w, p.h);
    return p;
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (!localtime_r(&now, &local)) return {};
    char buf[16];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return std::string(buf, n);
}

// Paper is white: the text pages and the legend keep to a light theme even when the blueprint
// itself is drawn with a dark one.
Theme handout_theme(const Theme& th) {
    const float lum = (0.2126f * th.background.r + 0.7152f * th.background.g + 0.0722f * th.background.b) / 255.0f;
    return lum < 0.5f ? light_theme() : th;
}

// Whether the handout may be drawn on a second thread while this one writes it. Both threads then
// reach cairo's FreeType font faces, and cairo 1.16 opens a face (FT_New_Face on its one
// FT_Library) outside its locks: safe only while no face needs opening during the overlap. The
// drawing thread opens every face a page uses before it hands the page over, and cairo keeps up
// to 10 faces open: the primary font (regular and bold) and the fallback for the handout's own
// symbols stay well below that, but a document in many scripts (each a fallback font) could push
// faces out and make both threads open them at once. So: only when the primary font has every
// character of the document's text (Latin and Chinese do, with Noto Sans CJK SC).
bool one_font_map_suffices(const sm::Document& doc, const PdfOptions& pdf) {
    const FontCoverage font;
    bool ok = font.covers(pdf.file_name);
    for_each_text(doc, [&](std::string_view text) { ok = ok && font.covers(text); });
    for (const sm::Card& c : doc.cards) ok = ok && font.covers(c.lane.str());  // "lane <id>" when the lane is missing
    return ok;
}

// Draws every page of the handout on `cr`, handing each to `sink` as it ends.
void draw_handout(handout::Context& cx, cairo_t* cr, const pdf::PageSink& sink, PdfReport& report) {
    pdf::Pages pages(cr, sink);
    pages.header_left = cx.title;
    pages.footer_left = cx.pdf.file_name;
    if (!cx.date.empty()) {
        if (!pages.footer_left.empty()) pages.footer_left += "  ·  ";
        pages.footer_left += cx.date;
    }
    handout::blueprint_pages(cx, pages, report);
    if (cx.pdf.handout_pages) {
        report.peak_end_pages = handout::peak_end_pages(cx, pages);
        report.tier_pages = handout::tier_pages(cx, pages);
        report.phase_pages = handout::phase_pages(cx, pages);
    }
    pages.finish();
    report.pages = pages.page();
}

}  // namespace

std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path, const ExportOptions& opts,
                       const PdfOptions& pdf, PdfReport* report) {
    // The blueprint without the layout's own title and legend: the handout draws fuller ones.
    ExportOptions lay_opts = opts;
    lay_opts.title = false;
    lay_opts.legend = false;
    Prepared p = prepare(doc, lay_opts);
    handout::Context cx{doc,
                        opts,
                        pdf,
                        *p.measurer,
                        p.lay,
                        p.paint,
                        handout_theme(opts.paint.theme),
                        paper_size(pdf.page, pdf.landscape),
                        pdf.date.empty() ? today() : pdf.date,
                        sanitize_utf8(doc.title.empty() ? std::string("Service blueprint") : doc.title),
                        analysis::analyze_peak_end(doc),
                        analysis::analyze_tiers(doc)};
    cairo_surface_t* surface = cairo_pdf_surface_create(path.string().c_str(), cx.paper.w, cx.paper.h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const cairo_status_t st = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        return cairo_error("PDF export: cannot write", path, st);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, cx.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, "Service blueprint training handout");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Stagemap");
    // Each page is written as soon as it is drawn, while the next ones are drawn (pdf_pipeline.h).
    PdfReport written;
    try {
        const FastDeflateScope fast;      // ISA-L for cairo's streams: see pdf_deflate.h
        const FastNumbersScope numbers;   // std::to_chars for cairo's numbers: see pdf_numbers.h
        pdf::draw_and_write(
            surface, [&cx, &written](cairo_t* cr, const pdf::PageSink& sink) { draw_handout(cx, cr, sink, written); },
            pdf.draw_thread && one_font_map_suffices(doc, pdf));
        cairo_surface_finish(surface);
    } catch (...) {
        // Drawing failed (out of memory): no half-written file is left behind.
        cairo_surface_destroy(surface);
        std::error_code ec;
        std::filesystem::remove(path, ec);
        throw;
    }
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) return cairo_error("PDF export: cannot write", path, st);
    if (report) *report = written;
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
            if (a == 0) {
                ++info.transparent;
                continue;
            }
            if (a == 255 && (px & 0xFFFFFF) == bg) continue;
            ++info.non_background;
        }
    }
    cairo_surface_destroy(s);
    return info;
}

}  // namespace sm::render
