// Stagemap — exports of a whole blueprint: SVG text, PNG and PDF files. Each export computes
// its own layout (with pango measurement unless told otherwise) and paints it with
// paint_blueprint, so it shows what the screen shows, plus a title and a legend.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "layout/layout.h"
#include "model/document.h"
#include "render/painter.h"

namespace sm::render {

struct ExportOptions {
    PaintOptions paint;             // theme, tier lens, peak-end marks (zoom and visible are ignored)
    layout::LayoutStyle style;      // sizes; the flags below override its show_* fields
    bool title = true;              // the document's title and description above the grid
    bool legend = true;             // what F, W, the arrows and the tier chips mean
    bool auto_locale = true;        // Chinese labels when the document's locale is zh-*
    bool emotion_when_rated = true; // the emotion row only when some step is rated
    // Measures text for the layout; null: a PangoMeasurer (the fonts the exports draw with).
    const layout::TextMeasurer* measurer = nullptr;
    // PNG: rows per band and render threads (0: about 8 MB a band, a thread per core). The
    // pixels do not depend on them; tests vary them to prove it.
    int png_band_rows = 0;
    int png_threads = 0;
};

// The layout style an export uses for `doc` (the flags of `opts` applied to opts.style).
layout::LayoutStyle export_style(const sm::Document& doc, const ExportOptions& opts);

// [SECTION] Exports
// The blueprint as an SVG document.
std::string export_svg(const sm::Document& doc, const ExportOptions& opts = {});

// Each returns an empty string on success, else a message that names the problem.
// PNG: `scale` pixels per layout unit (1 = 96 dpi); images are limited to 32767 px a side.
std::string export_png(const sm::Document& doc, const std::filesystem::path& path, float scale = 1,
                       bool transparent = false);
std::string export_png(const sm::Document& doc, const std::filesystem::path& path, float scale, bool transparent,
                       const ExportOptions& opts);
// PDF: the training handout (see PdfOptions). These two write it with the default PdfOptions:
// page 1 fitted to the blueprint, then the peak-end, tier and phase pages on A4.
std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path);
std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path, const ExportOptions& opts);

// [SECTION] PDF training handout
// Page 1: the whole blueprint with a title block (title, date, file name) and a legend, scaled to
// the page. When that would print card text below `min_card_text_pt`, page 1 shows an overview
// (the tile map) and the blueprint follows on tiled pages, overlapping by `overlap_mm`, with crop
// and overlap marks and a "page r/c" note. Then, unless `handout_pages` is off: a peak-end summary
// page, a tier coverage page (when the document has tiers), and one page per phase listing every
// card in full, each flowing onto further pages when long.
enum class PageSize { A4, A3, A2, Fit };
// "A4", "A3", "A2" or "fit" (ASCII case ignored); empty when the name is none of these.
std::optional<PageSize> parse_page_size(std::string_view name);
std::string_view to_string(PageSize size);

struct PdfOptions {
    // Fit: page 1 is as large as the blueprint (1 layout unit = 0.75 pt, as before the handout);
    // the other pages are A4. A4, A3, A2: every page that size.
    PageSize page = PageSize::Fit;
    bool landscape = false;        // A4, A3, A2 (and the text pages of Fit)
    std::string file_name;         // shown in the title block and the footers, e.g. "hotel.blueprint.json"
    std::string date;              // shown in the title block; empty: today (YYYY-MM-DD, local time)
    bool handout_pages = true;     // the peak-end, tier and phase pages after the blueprint
    float min_card_text_pt = 7;    // tile rather than print card text smaller than this
    float max_card_text_pt = 12;   // a small blueprint is not blown up beyond this
    float overlap_mm = 10;         // how much neighbouring tiles repeat
    bool draw_thread = true;       // draw pages on a second thread while this one writes them (same file)
};

// What export_pdf wrote (for tests, and for the command line to tell the user).
struct PdfReport {
    int pages = 0;             // in the file
    bool tiled = false;        // page 1 is the overview; the blueprint is on tile pages
    int tile_rows = 0, tile_columns = 0;  // when tiled
    int blueprint_pages = 0;   // pages showing the blueprint at card_text_pt: 1, or the tiles
    float card_text_pt = 0;    // the size card titles are printed at
    int peak_end_pages = 0, tier_pages = 0, phase_pages = 0;
};

std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path, const ExportOptions& opts,
                       const PdfOptions& pdf, PdfReport* report = nullptr);

// [SECTION] draw.io
// The blueprint as an uncompressed .drawio file (diagrams.net): lanes as swimlanes with the cards
// inside them, phase and step headers, one vertex per card (label: the title; fail and wait
// colours; tier chips as text), one edge per connector (arrows by direction, label), the three
// lines as labelled dashed edges, the emotion curve. Geometry from the same layout as the other
// exports. Ids are deterministic: "card:<id>", "lane:<id>", "conn-<n>", …
std::string export_drawio(const sm::Document& doc, const ExportOptions& opts = {});

// Pixel size of a PNG export at `scale` (what export_png would write), for checks in dialogs.
struct PixelSize {
    int width = 0, height = 0;
};
PixelSize png_size(const sm::Document& doc, float scale, const ExportOptions& opts = {});
inline constexpr int kMaxPngSide = 32767;  // cairo's limit for image surfaces

// [SECTION] Inspection (tests and the command line)
struct PngInfo {
    int width = 0, height = 0;
    std::size_t non_background = 0;  // pixels that differ from `background` (alpha 0 counts as background)
    std::size_t transparent = 0;     // pixels with alpha 0
};
std::optional<PngInfo> inspect_png(const std::filesystem::path& path, RGBA background = {255, 255, 255});

}  // namespace sm::render
