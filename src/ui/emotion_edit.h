// Stagemap — editing the emotion row on the canvas (峰终定律, domain.md §2): drag a point up or
// down to rate a step (−2…+2, whole numbers, one undo step per drag, the document previewed live);
// click an unrated step's slot to rate it; hover a point for the step's emotion, need and
// opportunity; pin the peak and the end from a step's context menu.
#pragma once

#include <optional>
#include <vector>

#include <imgui.h>

#include "edit/history.h"
#include "layout/layout.h"
#include "model/document.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
// Kept in CanvasState. A drag previews by running the real command (so the curve, the marks, the
// panel and the inspector all follow the pointer) and replacing it while the value changes; the
// history ends the gesture with one "Set emotion" step, or none when the value came back.
struct EmotionEdit {
    StepId step;                          // the step being rated
    std::optional<int> original;          // its emotion before the gesture
    std::optional<int> shown;             // what the document holds now
    unsigned long long preview_revision = 0;  // history revision right after the preview command; 0: none
    float grab = 0;                       // pointer y − point y at the press (layout units)
    int hover_step = -1;                  // document step index under the pointer in the emotion row
    bool hover_point = false;             // on the step's point (else on its slot)
    int tooltip_step = -1;                // the step the pointer rests on, and since when
    double tooltip_since = 0;
    // What was drawn in the last frame (the tests look at it).
    int tooltip_shown = -1;               // the step whose tooltip was drawn
    struct MenuRect {
        const char* label;
        ImVec2 min, max;
    };
    std::vector<MenuRect> menu_items;     // the peak-end items of the context menu
};

// [SECTION] Geometry
// The whole emotion value nearest to a y in layout units, clamped to −2…+2.
int emotion_value_at(const layout::EmotionRow& row, float y);
// The step whose point or slot is under p (layout units): -1 outside the emotion row's plot.
// `on_point`: p is within `radius` of the step's point.
int emotion_step_at(const layout::BlueprintLayout& lay, layout::Vec2 p, float radius, bool* on_point = nullptr);

// [SECTION] Commands (each one undo step)
enum class PinAction { PinPeak, ExcludePeak, PinEnd, Automatic };
// "Pin as peak" also unpins the other steps pinned as peaks, and "Pin as end" the other pinned
// ends, so that the step chosen becomes the peak (or the end) as the menu says. Null when
// nothing would change.
edit::CommandPtr pin_command(const Document& doc, const StepId& id, PinAction action);
void apply_pin(AppState& app, const StepId& id, PinAction action);
void set_emotion(AppState& app, const StepId& id, std::optional<int> emotion);

// [SECTION] Canvas hooks (called by the canvas's pointer handling)
// Updates the hover state; returns true when the pointer is over the emotion row's points or slots.
bool update_emotion_hover(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p);
// A left press at p: starts rating when it is on a point or on an unrated step's slot.
bool begin_emotion_drag(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p);
void update_emotion_drag(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p);
void end_emotion_drag(AppState& app);     // keeps the value (one undo step)
void cancel_emotion_drag(AppState& app);  // Esc: takes the preview back

// [SECTION] Drawing
void draw_emotion_overlay(AppState& app, ImDrawList* list);  // hover ring, the value while dragging
void draw_emotion_tooltip(AppState& app);
// The peak-end items of a step's context menu.
void peak_end_menu_items(AppState& app, const StepId& id);

// [SECTION] Words
// "+2", "+1", "0", "−1", "−2" (a true minus sign), and what the value means.
const char* emotion_text(int emotion);
const char* emotion_meaning(int emotion);

}  // namespace sm::ui
