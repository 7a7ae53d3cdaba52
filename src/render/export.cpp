// Stagemap — SVG, PNG and PDF exports.
#include "render/export.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <png.h>

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

// [SECTION] PNG encoding
// cairo_surface_write_to_png uses zlib's default level and tries every PNG filter on every row:
// most of a large export's time. A blueprint is mostly flat colour, and rows repeat the row
// above: the Up filter with zlib level 1 writes it about 7 times faster, about 20 % larger
// (measured on a generated 1,000-card blueprint, 60 Mpixels: 2.8 s, 4.3 MB → 0.4 s, 5.1 MB).
constexpr int kPngZlibLevel = 1;

// One row of a cairo ARGB32 image (premultiplied, native-endian 0xAARRGGBB) as PNG RGB, or as
// RGBA with straight alpha (rounded as cairo rounds it).
void png_row_rgb(const unsigned char* src, int width, unsigned char* out) {
    for (int x = 0; x < width; ++x, out += 3) {
        std::uint32_t px;
        std::memcpy(&px, src + std::size_t(x) * 4, 4);
        out[0] = static_cast<unsigned char>(px >> 16);
        out[1] = static_cast<unsigned char>(px >> 8);
        out[2] = static_cast<unsigned char>(px);
    }
}

void png_row_rgba(const unsigned char* src, int width, unsigned char* out) {
    for (int x = 0; x < width; ++x, out += 4) {
        std::uint32_t px;
        std::memcpy(&px, src + std::size_t(x) * 4, 4);
        const std::uint32_t a = px >> 24, r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
        if (a == 0) {
            out[0] = out[1] = out[2] = out[3] = 0;
        } else {
            out[0] = static_cast<unsigned char>((r * 255 + a / 2) / a);
            out[1] = static_cast<unsigned char>((g * 255 + a / 2) / a);
            out[2] = static_cast<unsigned char>((b * 255 + a / 2) / a);
            out[3] = static_cast<unsigned char>(a);
        }
    }
}

struct PngImage {
    const unsigned char* data = nullptr;
    int width = 0, height = 0, stride = 0;
    bool rgb = false;  // opaque: no alpha channel
    unsigned char* row = nullptr;  // room for one converted row
};

void png_rows(png_structp png, const PngImage& im) {
    for (int y = 0; y < im.height; ++y) {
        const unsigned char* src = im.data + std::size_t(y) * std::size_t(im.stride);
        if (im.rgb) png_row_rgb(src, im.width, im.row);
        else png_row_rgba(src, im.width, im.row);
        png_write_row(png, im.row);
    }
}

// libpng reports errors with longjmp: nothing here has a destructor.
bool png_encode(std::FILE* f, const PngImage& im) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, f);
    png_set_compression_level(png, kPngZlibLevel);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, png_uint_32(im.width), png_uint_32(im.height), 8,
                 im.rgb ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_rows(png, im);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

// Writes an ARGB32 image surface as PNG: RGB when it is `opaque` (every pixel), else RGBA.
std::string write_png(cairo_surface_t* surface, bool opaque, const std::filesystem::path& path) {
    PngImage im;
    im.data = cairo_image_surface_get_data(surface);
    im.width = cairo_image_surface_get_width(surface);
    im.height = cairo_image_surface_get_height(surface);
    im.stride = cairo_image_surface_get_stride(surface);
    im.rgb = opaque;
    std::vector<unsigned char> row(std::size_t(im.width) * (im.rgb ? 3 : 4));
    im.row = row.data();
    std::FILE* f = std::fopen(path.string().c_str(), "wb");
    if (!f) return "PNG export: cannot write " + path.string() + ": " + std::strerror(errno);
    bool ok = png_encode(f, im);
    int error = ok ? 0 : errno;
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok) return {};
    std::remove(path.string().c_str());
    return "PNG export: cannot write " + path.string() + ": " + std::strerror(error ? error : EIO);
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
    const RGBA bg = p.paint.theme.background;
    if (!transparent) {
        // The whole image, also the last row and column that the blueprint covers only in part
        // (its size is rounded up): with an opaque background, an opaque image, written as RGB.
        cairo_set_source_rgba(cr, bg.r / 255.0, bg.g / 255.0, bg.b / 255.0, bg.a / 255.0);
        cairo_paint(cr);
    }
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -p.lay.bounds.x, -p.lay.bounds.y);
    p.paint.draw_background = false;  // painted above, on the whole image, when not transparent
    {
        CairoPainter painter(cr, *p.measurer);
        paint_blueprint(doc, p.lay, painter, p.paint);
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    std::string err = write_png(surface, !transparent && bg.a == 255, path);
    cairo_surface_destroy(surface);
    return err;
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

// Writes every page of the handout on `surface`; `total`: the page count for the footers
// (pdf::kCountPages: counted while writing).
void write_handout(handout::Context& cx, cairo_surface_t* surface, int total, PdfReport& report) {
    cairo_t* cr = cairo_create(surface);
    {
        pdf::Pages pages(surface, cr, total);
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
    cairo_destroy(cr);
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
    // One pass: the pages are recorded and written at the end, when every footer can say "n / N".
    PdfReport written;
    write_handout(cx, surface, pdf::kCountPages, written);
    cairo_surface_finish(surface);
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
