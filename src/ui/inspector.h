// Stagemap — the inspector panel: every field of the selected card, step, lane, phase or
// connector, or of the document and its tiers when nothing is selected. Text fields commit
// one command when the field is left (one undo step per edit, not per keystroke).
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

namespace sm::ui {

struct AppState;

// [SECTION] Inspector
struct InspectorState {
    ImGuiID active_id = 0;  // the text or number field being edited
    std::string text;       // its text while it is active
    double number = 0;      // its number while it is active
    bool seen = false;      // the active field was drawn this frame
    // Commits the active field's value; run when the field disappears while being edited
    // (another object got selected), so no typing is lost.
    std::function<void(AppState&)> pending;
};

void draw_inspector(AppState& app);
// Call once per frame after the inspector (drawn or not): commits a field that vanished.
void flush_inspector(AppState& app);

}  // namespace sm::ui
