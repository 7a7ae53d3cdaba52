// Stagemap — finding the fonts (fontconfig), baking them into ImGui's atlas (FreeType), and
// keeping the canvas text crisp: the canvas fonts are re-baked near the pixel size the current
// zoom needs, and the atlas grows whenever text shows a character it does not hold yet.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ui/glyph_ranges.h"

struct ImFont;
struct ImFontAtlas;

namespace sm::ui {

// [SECTION] Font discovery
struct FontFace {
    std::string path;
    int index = 0;                // face inside a .ttc collection
    bool synthetic_bold = false;  // no bold face: embolden the regular one
};

struct FontChoice {
    std::optional<FontFace> regular;
    std::optional<FontFace> bold;
    std::string family;   // what was found, for the About box
    std::string warning;  // set when no font with Chinese glyphs was found
};

// Asks fontconfig for "Noto Sans CJK SC", else any font supporting lang zh-cn.
FontChoice find_fonts();

// ImGui font size per em for this face: FreeType sizes ImGui fonts by ascender − descender,
// so a 14 px em needs an ImGui size of 14 × ratio. 1 when the face cannot be read.
float em_ratio(const FontFace& face);

// [SECTION] Font manager
inline constexpr float kUiFontEm = 14.0f;      // UI text, in pixels before UI scale
inline constexpr float kMeasureFontPx = 40.0f;  // ImGui size of the zoom-independent measuring font
inline constexpr float kMaxCanvasFontPx = 84.0f;
inline constexpr float kMinCanvasFontPx = 10.0f;

class FontManager {
public:
    explicit FontManager(FontChoice choice);

    const FontChoice& choice() const { return choice_; }
    bool has_cjk() const { return choice_.regular.has_value(); }
    float em_ratio() const { return em_ratio_; }

    void set_ui_scale(float scale);
    float ui_scale() const { return ui_scale_; }

    // Characters that must render; new ones make the atlas stale.
    void require(const CodePoints& cps);
    void require(char32_t cp);
    // The same for every character of some text: a bit test for characters already seen, so
    // that the whole document can be checked after every edit (a tree insert per character
    // was 16 % of the frame after an edit with 10,000 cards).
    void require_text(std::string_view utf8);
    // Every string the document can show (the model's for_each_text): on opening a file and
    // after every change. A longer string whose very text was checked before is skipped (by a
    // 64-bit hash): after an edit, nearly all of a large document's text is unchanged.
    void require_document(const Document& doc);
    // The ImGui pixel size the canvas's main text needs at the current zoom (the largest font
    // size × zoom × em ratio). The atlas is re-baked when it falls into another size bucket.
    void want_canvas_px(float px);

    bool stale() const;
    // Characters are missing (as opposed to only the size bucket or the UI scale changing).
    bool glyphs_missing() const { return required_changed_; }
    // Clears the atlas and bakes every font again. The caller re-uploads the texture.
    void build(ImFontAtlas& atlas);
    // Increments with every build: caches of measured text use it as a key.
    unsigned generation() const { return generation_; }

    ImFont* ui_font() const { return ui_; }
    ImFont* canvas_font(bool bold) const { return bold ? canvas_bold_ : canvas_; }
    ImFont* measure_font(bool bold) const { return bold ? measure_bold_ : measure_; }
    float canvas_px() const { return built_canvas_px_; }
    const CodePoints& required() const { return required_; }
    const std::vector<std::uint16_t>& canvas_ranges() const { return canvas_ranges_; }
    const std::vector<std::uint16_t>& ui_ranges() const { return ui_ranges_; }

    // The size bucket for a wanted pixel size (a geometric series, clamped).
    static float bucket(float px);

private:
    FontChoice choice_;
    float em_ratio_ = 1;
    float ui_scale_ = 1;
    CodePoints required_;
    std::vector<std::uint64_t> seen_ = std::vector<std::uint64_t>(0x10000 / 64);  // BMP code points through require()
    std::unordered_set<std::uint64_t> checked_texts_;  // hashes of texts require_document checked
    static constexpr std::size_t kHashedTextMin = 24;   // bytes: shorter texts are checked directly
    static constexpr std::size_t kCheckedTextsMax = 1 << 20;
    bool required_changed_ = true;
    float wanted_canvas_px_ = 20;
    float built_canvas_px_ = 0;
    float built_ui_scale_ = 0;
    unsigned generation_ = 0;

    std::vector<std::uint16_t> ui_ranges_;
    std::vector<std::uint16_t> canvas_ranges_;

    ImFont* ui_ = nullptr;
    ImFont* canvas_ = nullptr;
    ImFont* canvas_bold_ = nullptr;
    ImFont* measure_ = nullptr;
    ImFont* measure_bold_ = nullptr;
};

}  // namespace sm::ui
