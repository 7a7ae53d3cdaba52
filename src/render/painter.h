// Stagemap — the Painter interface and the one function that draws a blueprint through it.
// The ImGui painter (src/ui), the SVG painter and the cairo painters (PDF, PNG) implement
// Painter; paint_blueprint() decides what is drawn, so the screen and every export agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/layout.h"
#include "model/document.h"

namespace sm::render {

using layout::Rect;
using layout::Vec2;

struct RGBA {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const RGBA&) const = default;
};

enum class TextAlign { Left, Center, Right };

class Painter {
public:
    virtual ~Painter() = default;
    virtual void fill_rect(const Rect& r, RGBA color, float radius = 0) = 0;
    virtual void stroke_rect(const Rect& r, RGBA color, float width, float radius = 0) = 0;
    virtual void line(Vec2 a, Vec2 b, RGBA color, float width, bool dashed = false) = 0;
    virtual void polyline(const std::vector<Vec2>& pts, RGBA color, float width, bool dashed = false) = 0;
    virtual void fill_polygon(const std::vector<Vec2>& pts, RGBA color) = 0;  // convex
    virtual void fill_circle(Vec2 c, float radius, RGBA color) = 0;
    virtual void stroke_circle(Vec2 c, float radius, RGBA color, float width) = 0;
    // One line of text; `top_left` is the top of the line box (height = measurer line height).
    virtual void text(Vec2 top_left, std::string_view utf8, float font_size, RGBA color, bool bold = false) = 0;
    // Optional grouping hints (SVG <g>, PDF structure); default no-ops.
    virtual void begin_group(std::string_view /*id*/) {}
    virtual void end_group() {}
};

struct Theme {
    RGBA background{255, 255, 255};
    RGBA header_fill{241, 243, 246};
    RGBA grid{214, 219, 226};
    RGBA text{28, 32, 38};
    RGBA muted_text{96, 104, 116};
    RGBA card_fill{255, 255, 255};
    RGBA card_border{150, 160, 172};
    RGBA line_interaction{0, 114, 178};      // Okabe–Ito blue
    RGBA line_visibility{213, 94, 0};        // vermillion
    RGBA line_internal{0, 158, 115};         // bluish green
    RGBA fail{213, 94, 0};
    RGBA wait{230, 159, 0};
    RGBA connector{70, 78, 90};
    RGBA emotion_negative{213, 94, 0};
    RGBA emotion_neutral{150, 150, 150};
    RGBA emotion_positive{0, 114, 178};
    RGBA dimmed_overlay{255, 255, 255, 180};
    // Per lane kind: evidence, customer, frontstage, backstage, support, custom.
    RGBA lane_fill[6] = {{250, 247, 240}, {238, 245, 252}, {241, 250, 245}, {248, 244, 252}, {246, 246, 246}, {252, 252, 252}};
    // Additions.
    RGBA phase_fill{52, 63, 82};
    RGBA phase_text{255, 255, 255};
    RGBA empty_phase_fill{236, 238, 241};
    RGBA card_shadow{20, 30, 45, 28};
    RGBA badge_text{255, 255, 255};     // on fail badges and tier chips
    RGBA wait_text{40, 30, 0};          // on the amber wait badge
    RGBA chip_fallback{120, 128, 140};  // a tier without a colour
    RGBA emotion_curve{84, 92, 104};
    RGBA emotion_fill{252, 252, 250};
    RGBA mark{204, 121, 167};           // peak and end marks (Okabe–Ito reddish purple)
    // Per lane kind, a stripe at the left of the lane header: evidence … custom.
    RGBA lane_stripe[6] = {{186, 152, 96}, {76, 132, 190}, {86, 160, 118}, {146, 116, 184}, {136, 140, 148}, {190, 190, 190}};
};

Theme light_theme();
Theme dark_theme();

// Peak-end marks (★ peak, ⚑ end) on the emotion row and in the step headers. The analysis module
// (src/analysis, the peak-end rule) decides them; paint_blueprint only draws what it is given.
// A mark the designer pinned carries a pin; an automatic one does not (shape, not colour).
struct EmotionMarks {
    std::vector<int> peak_steps;  // indices in Document::steps
    int end_step = -1;            // index in Document::steps; -1: none
    // Additions.
    bool peak_pinned = false;         // the peak was chosen among steps pinned `peak: true`
    bool end_pinned = false;          // the end is a step pinned `end: true`
    std::vector<int> excluded_steps;  // steps pinned `peak: false`: a struck-out star in the header
};

// The tier compare view: each card is marked "A" (serves only `first`), "B" (only `second`) or
// "A+B" (both); cards serving neither are dimmed like those outside a tier lens.
struct TierCompare {
    sm::TierId first, second;
    bool operator==(const TierCompare&) const = default;
};

struct PaintOptions {
    Theme theme = light_theme();
    std::optional<sm::TierId> tier_lens;  // cards that do not serve this tier are dimmed
    bool hide_other_tiers = false;        // with a lens (or a compare): hide instead of dim
    std::optional<TierCompare> tier_compare;  // overrides tier_lens when set
    float zoom = 1;                       // layout units -> pixels, for level of detail
    std::optional<Rect> visible;          // cull to this rect (layout coordinates); empty = all
    bool draw_background = true;
    // Additions.
    EmotionMarks marks;                   // hook for the peak-end analysis; empty = no marks
    float low_detail_zoom = 0.35f;        // below this zoom, cards are plain blocks without text
};

// The colour of a tier's chips: its own colour, else a neutral fallback.
RGBA tier_color(const sm::Document& doc, int tier, const Theme& theme);
// The baseline of a line of text whose line box starts at `top` (shared by the SVG and cairo
// painters, so that both put glyphs at the same place).
inline float text_baseline(float top, float font_size, float line_height) {
    return top + line_height / 2 + font_size * 0.36f;
}

// How the tier lens or compare of `options` shows a card.
enum class CardLook { Normal, Dimmed, Hidden };
CardLook card_look(const sm::Card& card, const PaintOptions& options);

// The compare marks ("A", "B", "A+B") of options.tier_compare on every card of the layout; nothing
// without a compare. paint_blueprint draws them itself; a screen whose scene was painted without
// the compare can draw them on top.
void paint_tier_compare_marks(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& painter,
                              const PaintOptions& options);

// Draws the static scene: no selection, no hover (those are the canvas's overlay).
void paint_blueprint(const sm::Document& doc, const layout::BlueprintLayout& lay, Painter& painter,
                     const PaintOptions& options = {});

}  // namespace sm::render
