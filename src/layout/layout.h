// Stagemap — blueprint geometry, computed from the model and a text measurer. No drawing here:
// every painter (screen, SVG, PDF, PNG) draws from the same BlueprintLayout.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace sm::layout {

// [SECTION] Geometry
struct Vec2 {
    float x = 0, y = 0;
    bool operator==(const Vec2&) const = default;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Vec2 center() const { return {x + w / 2, y + h / 2}; }
    bool contains(Vec2 p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
    bool intersects(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
    bool operator==(const Rect&) const = default;
};

// [SECTION] Text measurement
// Measures UTF-8 text in layout units (1 unit = 1 px at 100 % zoom, 1/96 inch in exports).
// The screen measures with ImGui's font, exports with pango; tests use a fixed-width measurer.
class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    virtual float width(std::string_view utf8, float font_size, bool bold = false) const = 0;
    virtual float line_height(float font_size) const { return font_size * 1.3f; }
    // `text` in lines of at most `max_width` (wrap_text below); a measurer may remember them.
    virtual std::vector<std::string> wrap(std::string_view text, float font_size, float max_width, bool bold) const;
};

// A deterministic measurer for tests and headless tools: every code point is `latin_factor`
// × size wide, except wide (CJK, fullwidth) ones, which are `wide_factor` × size.
class FixedMeasurer : public TextMeasurer {
public:
    float latin_factor = 0.55f;
    float wide_factor = 1.0f;
    float width(std::string_view utf8, float font_size, bool bold = false) const override;
};

// [SECTION] UTF-8 helpers (shared with the painters)
struct Utf8Char {
    char32_t code_point = 0;  // U+FFFD for a malformed byte
    std::size_t length = 1;   // bytes consumed (1 for a malformed byte, never 0 inside the text)
};
// Decodes the code point starting at byte `pos` (pos < s.size()).
Utf8Char decode_utf8(std::string_view s, std::size_t pos);
// Ideographs, kana, hangul, CJK punctuation and fullwidth forms: drawn one em wide, and a line
// may break before or after them.
bool is_wide(char32_t cp);
// A number of minutes as people write it: 18, 2.5, 0.25 (at most two decimals, no trailing zeros).
std::string format_number(double x);

// Breaks text into lines no wider than max_width: at spaces for Latin text, between any two
// CJK characters, inside a word only when the word alone is too wide. Keeps explicit '\n'.
std::vector<std::string> wrap_text(const TextMeasurer& m, std::string_view text, float font_size, float max_width,
                                   bool bold = false);

// [SECTION] Style (sizes only; colours belong to the painters' theme)
struct LayoutStyle {
    float lane_header_width = 170;
    float phase_header_height = 34;
    float step_header_height = 56;
    float emotion_row_height = 110;
    float step_width = 190;      // column width
    float cell_padding = 10;
    float card_gap = 8;
    float card_padding = 8;
    float card_min_height = 44;
    float font_size = 14;        // card text
    float header_font_size = 15;
    float small_font_size = 11;  // badges, chips, labels
    float line_label_font_size = 11;
    float margin = 16;
    float chip_size = 14;        // tier chips: a coloured square with the tier's initial
    // Additions.
    float empty_phase_width = 64;  // a phase without steps still gets a narrow header
    float line_gap = 10;           // extra room on each side of a divider line, for its label
    float badge_gap = 4;           // between badges, and between badge strips and the title
    float title_font_size = 22;    // the document title (exports)
    bool show_title = false;       // a title row above the grid (exports turn it on)
    bool show_emotion = true;      // the emotion row (needs at least one step)
    bool show_legend = false;      // a legend below the grid: fail, wait, arrows, tiers (exports)
    bool chinese_labels = false;   // channel tags and headers in Chinese (e.g. for locale zh-*)
};

// [SECTION] Output
// Every text position is computed here, with the measurer, so painters need none.
struct TextBlock {
    std::vector<std::string> lines;
    Vec2 origin;  // top-left of the first line
    float font_size = 14;
    float line_height = 18;
    bool bold = false;
};

struct PhaseBox {
    int phase = -1;  // index in Document::phases
    Rect rect;       // the header cell spanning the phase's steps
    TextBlock name;
    // Additions.
    Rect body;           // below the header, through every row (for an empty phase: its blank column)
    bool empty = false;  // the phase has no steps
};

struct StepBox {
    int step = -1;   // index in Document::steps
    Rect header;     // step header cell
    Rect column;     // the whole column below the header, through every lane
    TextBlock name;
    // Additions.
    TextBlock detail;  // e.g. "5 min" (no lines when the step has no duration)
};

struct LaneBox {
    int lane = -1;   // index in Document::lanes
    Rect row;        // the whole row, header included
    Rect header;     // the header cell at the left
    TextBlock name;
    std::string kind_label;  // e.g. "frontstage"
    // Additions.
    TextBlock kind;  // kind_label, placed under the name
};

struct Badge {
    Rect rect;
    std::string text;  // "F", "W 18 min", a channel tag
    // Additions.
    Vec2 text_pos;     // top-left of the text line, centred in rect
    float font_size = 11;
};

struct TierChip {
    Rect rect;
    int tier = -1;  // index in Document::tiers
    // Additions.
    std::string text;  // the tier's initial (or its number when initials clash); may be empty
    Vec2 text_pos;
    float font_size = 9;
};

struct CardBox {
    int card = -1;  // index in Document::cards
    int lane = -1;
    int step = -1;
    Rect rect;
    TextBlock title;
    std::optional<Badge> fail;     // "F"
    std::optional<Badge> wait;     // "W 18 min"
    std::optional<Badge> channel;  // channel tag
    std::vector<TierChip> chips;
    std::optional<Badge> votes;    // "● 3" when votes > 0
};

enum class LineKind { Interaction, Visibility, InternalInteraction };

struct DividerLine {
    LineKind kind = LineKind::Interaction;
    float y = 0;
    float x0 = 0, x1 = 0;
    std::string label;  // e.g. "Line of visibility · 可视分界线"
    Vec2 label_pos;     // top-left of the label text
    // Additions.
    Rect label_rect;    // the pill behind the label, centred on the line
    float font_size = 11;
    int lane = -1;      // the lane the line is drawn below
};

struct ConnectorPath {
    int connector = -1;            // index in Document::connectors
    std::vector<Vec2> points;      // orthogonal polyline from the source edge to the target edge
    bool arrow_at_start = false;   // direction both
    bool arrow_at_end = false;     // forward or both
    std::optional<Vec2> label_pos; // centre of the label
    std::string label;
    // Additions.
    int from_card = -1;            // indices in Document::cards
    int to_card = -1;
    Rect label_rect;               // the pill behind the label (when label_pos is set)
    Vec2 label_text_pos;           // top-left of the label text
    float font_size = 11;
};

struct EmotionPoint {
    int step = -1;
    Vec2 pos;                     // on the curve; for unrated steps, on the baseline
    std::optional<int> emotion;   // empty: not rated (a gap in the curve)
    // Additions.
    Vec2 flag_pos;                // unrated: top-left of the "?" flag text, centred on pos
};

struct EmotionTick {
    int value = 0;     // -2..+2
    float y = 0;
    std::string label; // "+2", "0", "−1"
    Vec2 label_pos;    // top-left, right-aligned against the plot
};

struct EmotionRow {
    Rect rect;          // the whole row, header included
    Rect plot;          // the area of the curve
    float baseline_y = 0;  // emotion 0
    float unit = 0;        // pixels per emotion point (positive = up)
    std::vector<EmotionPoint> points;  // one per step, in step order
    // Additions.
    Rect header;                    // the header cell at the left
    TextBlock label;                // "Emotion · 情绪"
    std::vector<EmotionTick> ticks; // +2 … −2, top to bottom
    float small_font_size = 11;
    std::string unrated_flag = "?"; // drawn in a hollow circle at unrated steps
};

struct TitleBlock {
    TextBlock title;
    TextBlock description;  // may have no lines
    Rect rect;
};

enum class LegendSymbol { Fail, Wait, Forward, Both, Tier, Line };

struct LegendItem {
    LegendSymbol symbol = LegendSymbol::Fail;
    Rect swatch;        // where the symbol is drawn
    TextBlock label;
    int tier = -1;      // LegendSymbol::Tier: index in Document::tiers
    LineKind line = LineKind::Interaction;  // LegendSymbol::Line
    std::string chip_text;  // LegendSymbol::Tier: same text as the chips
    std::optional<Badge> badge;  // Fail, Wait, Tier: the sample badge or chip, text placed (rect = swatch)
};

struct Legend {
    Rect rect;
    TextBlock heading;  // "Legend · 图例"
    std::vector<LegendItem> items;
};

struct BlueprintLayout {
    Rect bounds;  // everything, margins included
    std::vector<PhaseBox> phases;   // in Document::phases order
    std::vector<StepBox> steps;     // in Document::steps order
    std::vector<LaneBox> lanes;     // in Document::lanes order
    std::vector<CardBox> cards;  // in Document::cards order
    std::vector<DividerLine> lines;
    std::vector<ConnectorPath> connectors;
    std::optional<EmotionRow> emotion;  // placed directly below the customer lane's row group
    LayoutStyle style;
    // Additions.
    Rect grid;                          // header rows, header column and all rows (no margins, title, legend)
    Rect corner;                        // the top-left cell above the header column
    TextBlock corner_phase, corner_step;  // "Phase", "Step" labels in the corner
    std::optional<TitleBlock> title;    // style.show_title
    std::optional<Legend> legend;       // style.show_legend
    std::vector<int> column_order;      // step indices, left to right
    // Per step: indices into `cards` of the cards in that column, top to bottom.
    std::vector<std::vector<int>> cards_by_step;

    // The cell of a lane and a step; empty rect when either index is out of range.
    Rect cell(int lane, int step) const;
    // Hit tests in layout coordinates; -1 when nothing is there.
    int card_at(Vec2 p) const;
    int lane_at(float y) const;
    int step_at(float x) const;
    // Additions.
    int phase_at(Vec2 p) const;   // a phase header cell
    // The connector whose path passes within `tolerance` of p; -1 when none.
    int connector_at(Vec2 p, float tolerance = 4) const;
    // Where a card dropped at y into (lane, step) would go: 0 = before the first card of the
    // cell, n = after its last. -1 when the cell does not exist.
    int slot_at(int lane, int step, float y) const;
    // Indices into `cards` of the cards in a cell, top to bottom.
    std::vector<int> cards_in_cell(int lane, int step) const;
};

BlueprintLayout compute_layout(const Document& doc, const TextMeasurer& measurer, const LayoutStyle& style = {});

// Labels used by the layout (English · Chinese; Chinese first for a Chinese blueprint).
std::string_view line_label(LineKind k, bool chinese_first = false);
std::string_view lane_kind_label(LaneKind k, bool chinese);
std::string_view channel_label(Channel c, bool chinese);
// The text on a tier's chips: its initial, or 1-based numbers when initials clash or are
// missing (the legends and other formats name tiers the same way).
std::vector<std::string> tier_chip_texts(const Document& doc);

}  // namespace sm::layout
