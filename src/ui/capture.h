// Stagemap — quick capture: a facilitator transcribes a wall of sticky notes at typing speed.
// Type a card's text and press Enter: the card goes to the bottom of the current cell and the
// capture moves on to the next step (after the last step, to the next lane's first). Up and
// Down change the lane, Tab and Shift+Tab skip a step, an empty Enter skips too, Esc ends.
// Works on the desk and in presentation mode (where the view follows the cell's phase).
#pragma once

#include <string>

#include <imgui.h>

#include "model/document.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
struct CaptureState {
    bool active = false;
    LaneId lane;
    StepId step;
    std::string buffer;
    bool focus = false;  // give the field the keyboard on the next frame
    int added = 0;       // cards added since the capture began
};

// [SECTION] Commands
// Starts at the selection's cell (else the customer lane's first step). False when the
// blueprint has no lane or no step.
bool begin_capture(AppState& app);
void end_capture(AppState& app);
bool capturing(const AppState& app);
// Adds a card with this text to the current cell (nothing for blank text) and moves to the next
// step. Returns the new card's id (empty when nothing was added).
CardId capture_commit(AppState& app, const std::string& text);
void capture_move(AppState& app, int steps, int lanes);

// [SECTION] Drawing
float capture_bar_height(const AppState& app);
// The bar with the cell's name and the text field, at the cursor, `size` large.
void draw_capture_bar(AppState& app, ImVec2 size);
// The capture bar as a strip over the bottom of the main window (presentation mode leaves room).
void draw_capture_window(AppState& app);

}  // namespace sm::ui
