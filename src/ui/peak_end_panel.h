// Stagemap — the Peak-end panel (峰终定律, domain.md §2), docked under the canvas: what customers
// will remember (the remembered rating) against what they lived through on average (the
// experienced one), the moments that decide it (peak, end, best, worst, each with its need and
// opportunity), and what to change. Every row naming a step selects it and scrolls the canvas to
// it. The numbers come from analysis::analyze_peak_end, once per document revision.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "analysis/peak_end.h"
#include "model/document.h"
#include "ui/revision_cache.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
// A row of the panel that names a step, as drawn in the last frame (screen coordinates).
struct PeakEndRow {
    enum class Kind { Peak, End, Best, Worst, Recommendation };
    Kind kind = Kind::Peak;
    StepId step;
    std::string text;  // the recommendation's sentence, or the step's name
    ImVec2 min{0, 0}, max{0, 0};
};

struct PeakEndPanelState {
    RevisionCache<analysis::PeakEnd> analysis;  // analysis::analyze_peak_end of the document
    // What the panel showed in its last frame (empty when it was not drawn).
    bool drawn = false;
    std::string remembered_text, experienced_text, gap_text;  // "+1.5", "—" when there is none
    std::string sentence;
    std::vector<PeakEndRow> rows;
    StepId hover_step;  // the row under the pointer: the canvas outlines its step
};

// [SECTION] Use
// The analysis of the current document (recomputed when the document changed).
const analysis::PeakEnd& peak_end_analysis(AppState& app);
// The height the dock takes from the canvas column: 0 when the panel is hidden.
float peak_end_dock_height(const AppState& app, float body_height);
// Draws the dock (a splitter, then the panel) in a region of this size; nothing when size.y is 0.
void draw_peak_end_dock(AppState& app, ImVec2 size);
// The toolbar's toggle.
void draw_peak_end_toolbar_button(AppState& app);
void show_peak_end_panel(AppState& app, bool show);
// "peak-end" (the --panel option): shows the panel and returns true; false for other names.
bool open_peak_end_by_name(AppState& app, std::string_view name);
// Selects the step and scrolls the canvas to its header and emotion point.
void jump_to_step(AppState& app, const StepId& id);

// [SECTION] Words
// A rating with one decimal and its sign: "+1.5", "−0.3" (a true minus sign), "0.0".
std::string format_rating(double value);
// "Customers will remember this visit as +1.5 — better than it felt on average (+0.3)."
std::string remembered_sentence(const analysis::PeakEnd& pe);

}  // namespace sm::ui
