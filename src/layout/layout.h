// Stagemap — blueprint geometry, computed from the model and a text measurer. No drawing here:
// every painter (screen, SVG, PDF, PNG) draws from the same BlueprintLayout.
#pragma once

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
};

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
    float chip_size = 9;
};

// [SECTION] Output
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
};

struct StepBox {
    int step = -1;   // index in Document::steps
    Rect header;     // step header cell
    Rect column;     // the whole column below the header, through every lane
    TextBlock name;
};

struct LaneBox {
    int lane = -1;   // index in Document::lanes
    Rect row;        // the whole row, header included
    Rect header;     // the header cell at the left
    TextBlock name;
    std::string kind_label;  // e.g. "frontstage"
};

struct Badge {
    Rect rect;
    std::string text;  // "F", "W 18 min", a channel tag
};

struct TierChip {
    Rect rect;
    int tier = -1;  // index in Document::tiers
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
};

struct ConnectorPath {
    int connector = -1;            // index in Document::connectors
    std::vector<Vec2> points;      // orthogonal polyline from the source edge to the target edge
    bool arrow_at_start = false;   // direction both
    bool arrow_at_end = false;     // forward or both
    std::optional<Vec2> label_pos; // centre of the label
    std::string label;
};

struct EmotionPoint {
    int step = -1;
    Vec2 pos;                     // on the curve; for unrated steps, on the baseline
    std::optional<int> emotion;   // empty: not rated (a gap in the curve)
};

struct EmotionRow {
    Rect rect;          // the whole row, header included
    Rect plot;          // the area of the curve
    float baseline_y = 0;  // emotion 0
    float unit = 0;        // pixels per emotion point (positive = up)
    std::vector<EmotionPoint> points;  // one per step, in step order
};

struct BlueprintLayout {
    Rect bounds;  // everything, margins included
    std::vector<PhaseBox> phases;
    std::vector<StepBox> steps;
    std::vector<LaneBox> lanes;
    std::vector<CardBox> cards;  // in Document::cards order
    std::vector<DividerLine> lines;
    std::vector<ConnectorPath> connectors;
    std::optional<EmotionRow> emotion;  // placed directly below the customer lane's row group
    LayoutStyle style;

    // The cell of a lane and a step; empty rect when either index is out of range.
    Rect cell(int lane, int step) const;
    // Hit tests in layout coordinates; -1 when nothing is there.
    int card_at(Vec2 p) const;
    int lane_at(float y) const;
    int step_at(float x) const;
};

BlueprintLayout compute_layout(const Document& doc, const TextMeasurer& measurer, const LayoutStyle& style = {});

}  // namespace sm::layout
