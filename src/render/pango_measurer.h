// Stagemap — text measurement with pango (the exports' measurer), and the fonts it uses.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "layout/layout.h"

namespace sm::render {

// The font family used by the cairo painters and the pango measurer. Noto Sans CJK SC holds
// Latin and Chinese glyphs; fontconfig falls back for anything else.
inline constexpr std::string_view kPangoFontFamily = "Noto Sans CJK SC";

// Measures with pango on a cairo image surface, with unhinted metrics so that widths scale
// with the font size and match what the PDF, PNG and SVG exports draw. Widths are cached per
// (text, size, bold): measurement is the hot path of compute_layout. Not thread-safe.
class PangoMeasurer : public layout::TextMeasurer {
public:
    explicit PangoMeasurer(std::string family = std::string(kPangoFontFamily));
    ~PangoMeasurer() override;
    PangoMeasurer(const PangoMeasurer&) = delete;
    PangoMeasurer& operator=(const PangoMeasurer&) = delete;

    float width(std::string_view utf8, float font_size, bool bold = false) const override;
    std::size_t cache_size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The character set of the font fontconfig picks for a family (what pango uses first, before
// any fallback font).
class FontCoverage {
public:
    explicit FontCoverage(std::string_view family = kPangoFontFamily);
    ~FontCoverage();
    FontCoverage(const FontCoverage&) = delete;
    FontCoverage& operator=(const FontCoverage&) = delete;
    // Every character of the text has a glyph in the font (control characters aside).
    bool covers(std::string_view utf8) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Valid UTF-8 for pango and cairo: malformed bytes become U+FFFD.
std::string sanitize_utf8(std::string_view s);

}  // namespace sm::render
