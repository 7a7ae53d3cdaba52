// Stagemap — the keyboard shortcuts: the list shown in Help, and their handling.
#include <imgui.h>

#include <cstring>

#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/keys.h"
#include "ui/menus.h"

namespace sm::ui {

// [SECTION] The list
namespace {

constexpr Shortcut kShortcuts[] = {
    {"Ctrl+N", "New blueprint", "File"},
    {"Ctrl+O", "Open...", "File"},
    {"Ctrl+S", "Save", "File"},
    {"Ctrl+Shift+S", "Save As...", "File"},
    {"Ctrl+E", "Export...", "File"},
    {"Ctrl+Q", "Quit", "File"},
    {"Ctrl+Z", "Undo", "Edit"},
    {"Ctrl+Shift+Z / Ctrl+Y", "Redo", "Edit"},
    {"Ctrl+X", "Cut cards", "Edit"},
    {"Ctrl+C", "Copy cards (as blueprint JSON)", "Edit"},
    {"Ctrl+V", "Paste cards into the current cell", "Edit"},
    {"Ctrl+D", "Duplicate cards", "Edit"},
    {"Delete / Backspace", "Delete the selection", "Edit"},
    {"Ctrl+A", "Select all cards", "Edit"},
    {"N", "New card in the current cell", "Edit"},
    {"Enter / F2", "Edit the selected card's title (or step, lane, phase name)", "Edit"},
    {"Enter", "Finish editing a title", "Editing text"},
    {"Shift+Enter", "New line in a title", "Editing text"},
    {"Esc", "Cancel editing", "Editing text"},
    {"Click", "Select a card, header or connector", "Canvas"},
    {"Shift+Click / Ctrl+Click", "Add a card to the selection, or take it out", "Canvas"},
    {"Drag on empty space", "Select cards with a rubber band (Shift: add)", "Canvas"},
    {"Double-click an empty cell", "Add a card there", "Canvas"},
    {"Double-click a card or header", "Edit its text in place", "Canvas"},
    {"Drag a card", "Move it to another cell or place in its cell", "Canvas"},
    {"Drag a card's edge handle", "Connect it to another card", "Canvas"},
    {"Drag an emotion point", "Rate the step: up to +2, down to \xE2\x88\x92" "2", "Canvas"},
    {"Click an unrated step's ? in the emotion row", "Rate it where you click", "Canvas"},
    {"Right-click a step or its emotion point", "Pin the peak or the end, clear the emotion", "Canvas"},
    {"Arrow keys", "Move the selection between cells and cards", "Canvas"},
    {"Tab / Shift+Tab", "Next / previous card", "Canvas"},
    {"Esc", "Cancel a drag, or clear the selection", "Canvas"},
    {"Right-click", "Context menu", "Canvas"},
    {"Middle or right drag, Space+drag", "Pan", "View"},
    {"Wheel / Shift+Wheel", "Scroll up and down / left and right", "View"},
    {"Ctrl+Wheel", "Zoom around the pointer", "View"},
    {"+ / −", "Zoom in / out", "View"},
    {"Ctrl+0", "Actual size (100 %)", "View"},
    {"F / Home", "Zoom to fit", "View"},
    {"F1", "This list", "Help"},
};

bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }
bool pressed_repeat(int key) { return ImGui::IsKeyPressed(key, true); }
bool named(ImGuiKey k, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), repeat); }

}  // namespace

const Shortcut* shortcuts(int* count) {
    *count = static_cast<int>(sizeof(kShortcuts) / sizeof(kShortcuts[0]));
    return kShortcuts;
}

const char* keys_for(const char* action) {
    for (const auto& s : kShortcuts)
        if (std::strcmp(s.action, action) == 0) return s.keys;
    return "";
}

// [SECTION] Handling
void handle_shortcuts(AppState& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || editing(app)) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    if (app.file_dialog.visible) return;
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    const bool shift = io.KeyShift;

    if (pressed(keys::F1)) app.view.show_help = !app.view.show_help;
    if (ctrl) {
        if (pressed(keys::N)) action_new(app);
        if (pressed(keys::O)) action_open_dialog(app);
        if (pressed(keys::S)) {
            if (shift) action_save_as(app);
            else action_save(app);
        }
        if (pressed(keys::Q)) action_quit(app);
        if (pressed(keys::E)) open_export_dialog(app);
        if (pressed_repeat(keys::Z)) {
            if (shift) redo(app);
            else undo(app);
        }
        if (pressed_repeat(keys::Y)) redo(app);
        if (pressed(keys::X)) cut_selection(app);
        if (pressed(keys::C)) copy_selection(app);
        if (pressed(keys::V)) paste(app);
        if (pressed(keys::D)) duplicate_selection(app);
        if (pressed(keys::A)) select_all(app);
        if (pressed(keys::Key0)) set_zoom(app, 1);
        if (pressed_repeat(keys::Equal) || pressed_repeat(keys::KeypadAdd)) zoom_by(app, 1.25f);
        if (pressed_repeat(keys::Minus) || pressed_repeat(keys::KeypadSubtract)) zoom_by(app, 1 / 1.25f);
        return;
    }
    if (io.KeyAlt) return;

    // View.
    if (pressed_repeat(keys::Equal) || pressed_repeat(keys::KeypadAdd)) zoom_by(app, 1.25f);
    if (pressed_repeat(keys::Minus) || pressed_repeat(keys::KeypadSubtract)) zoom_by(app, 1 / 1.25f);
    if (pressed(keys::F) || named(ImGuiKey_Home)) zoom_to_fit(app);

    // Editing.
    if (named(ImGuiKey_Delete) || named(ImGuiKey_Backspace)) delete_selection(app);
    if (pressed(keys::N)) add_card_and_edit(app);
    if (named(ImGuiKey_Enter) || named(ImGuiKey_KeyPadEnter) || pressed(keys::F2)) {
        const auto& sel = app.selection;
        switch (sel.kind) {
            case SelectionKind::Cards:
                if (sel.primary()) begin_edit(app, EditTarget::CardTitle, sel.primary()->str());
                break;
            case SelectionKind::Step: begin_edit(app, EditTarget::StepName, sel.step.str()); break;
            case SelectionKind::Lane: begin_edit(app, EditTarget::LaneName, sel.lane.str()); break;
            case SelectionKind::Phase: begin_edit(app, EditTarget::PhaseName, sel.phase.str()); break;
            default: break;
        }
    }
    if (named(ImGuiKey_Escape) && app.canvas.gesture == Gesture::None) app.selection.clear();

    // Moving around.
    if (named(ImGuiKey_LeftArrow, true)) move_selection(app, -1, 0);
    if (named(ImGuiKey_RightArrow, true)) move_selection(app, 1, 0);
    if (named(ImGuiKey_UpArrow, true)) move_selection(app, 0, -1);
    if (named(ImGuiKey_DownArrow, true)) move_selection(app, 0, 1);
    if (named(ImGuiKey_Tab, true)) cycle_cards(app, shift);
}

}  // namespace sm::ui
