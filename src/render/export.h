// Stagemap — exports of a whole blueprint: SVG text, PNG and PDF files. Each export computes
// its own layout (with pango measurement unless told otherwise) and paints it with
// paint_blueprint, so it shows what the screen shows, plus a title and a legend.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

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
// PDF: one page fitted to the blueprint (the multi-page handout comes later).
std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path);
std::string export_pdf(const sm::Document& doc, const std::filesystem::path& path, const ExportOptions& opts);

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
};
std::optional<PngInfo> inspect_png(const std::filesystem::path& path, RGBA background = {255, 255, 255});

}  // namespace sm::render
