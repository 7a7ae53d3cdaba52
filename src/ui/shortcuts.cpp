// Stagemap — the keyboard shortcuts: the list shown in Help, and their handling.
#include <imgui.h>

#include <cstring>

#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/keys.h"
#include "ui/menus.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] The list
namespace {

constexpr Shortcut kShortcuts[] = {
    {"Ctrl+N", tr_mark("New blueprint"), tr_mark("File")},
    {"Ctrl+O", tr_mark("Open..."), tr_mark("File")},
    {"Ctrl+S", tr_mark("Save"), tr_mark("File")},
    {"Ctrl+Shift+S", tr_mark("Save As..."), tr_mark("File")},
    {"Ctrl+E", tr_mark("Export..."), tr_mark("File")},
    {"Ctrl+Q", tr_mark("Quit"), tr_mark("File")},
    {"Ctrl+Z", tr_mark("Undo"), tr_mark("Edit")},
    {"Ctrl+Shift+Z / Ctrl+Y", tr_mark("Redo"), tr_mark("Edit")},
    {"Ctrl+X", tr_mark("Cut cards"), tr_mark("Edit")},
    {"Ctrl+C", tr_mark("Copy cards (as blueprint JSON)"), tr_mark("Edit")},
    {"Ctrl+V", tr_mark("Paste cards into the current cell"), tr_mark("Edit")},
    {"Ctrl+D", tr_mark("Duplicate cards"), tr_mark("Edit")},
    {"Delete / Backspace", tr_mark("Delete the selection"), tr_mark("Edit")},
    {"Ctrl+A", tr_mark("Select all cards"), tr_mark("Edit")},
    {"N", tr_mark("New card in the current cell"), tr_mark("Edit")},
    {"Q", tr_mark("Quick capture: type a card, Enter adds it and moves to the next step"), tr_mark("Edit")},
    {"Enter / F2", tr_mark("Edit the selected card's title (or step, lane, phase name)"), tr_mark("Edit")},
    {"Enter", tr_mark("Finish editing a title"), tr_mark("Editing text")},
    {"Shift+Enter", tr_mark("New line in a title"), tr_mark("Editing text")},
    {"Esc", tr_mark("Cancel editing"), tr_mark("Editing text")},
    {tr_mark("Click"), tr_mark("Select a card, header or connector"), tr_mark("Canvas")},
    {tr_mark("Shift+Click / Ctrl+Click"), tr_mark("Add a card to the selection, or take it out"), tr_mark("Canvas")},
    {tr_mark("Drag on empty space"), tr_mark("Select cards with a rubber band (Shift: add)"), tr_mark("Canvas")},
    {tr_mark("Double-click an empty cell"), tr_mark("Add a card there"), tr_mark("Canvas")},
    {tr_mark("Double-click a card or header"), tr_mark("Edit its text in place"), tr_mark("Canvas")},
    {tr_mark("Drag a card"), tr_mark("Move it to another cell or place in its cell"), tr_mark("Canvas")},
    {tr_mark("Drag a card's edge handle"), tr_mark("Connect it to another card"), tr_mark("Canvas")},
    {tr_mark("Drag an emotion point"), tr_mark("Rate the step: up to +2, down to −2"), tr_mark("Canvas")},
    {tr_mark("Click an unrated step's ? in the emotion row"), tr_mark("Rate it where you click"), tr_mark("Canvas")},
    {tr_mark("Right-click a step or its emotion point"), tr_mark("Pin the peak or the end, clear the emotion"), tr_mark("Canvas")},
    {tr_mark("Arrow keys"), tr_mark("Move the selection between cells and cards"), tr_mark("Canvas")},
    {"Tab / Shift+Tab", tr_mark("Next / previous card"), tr_mark("Canvas")},
    {"Esc", tr_mark("Cancel a drag, or clear the selection"), tr_mark("Canvas")},
    {tr_mark("Right-click"), tr_mark("Context menu"), tr_mark("Canvas")},
    {tr_mark("Middle or right drag, Space+drag"), tr_mark("Pan"), tr_mark("View")},
    {tr_mark("Wheel / Shift+Wheel"), tr_mark("Scroll up and down / left and right"), tr_mark("View")},
    {tr_mark("Ctrl+Wheel"), tr_mark("Zoom around the pointer"), tr_mark("View")},
    {"+ / −", tr_mark("Zoom in / out"), tr_mark("View")},
    {"Ctrl+0", tr_mark("Actual size (100 %)"), tr_mark("View")},
    {"F / Home", tr_mark("Zoom to fit"), tr_mark("View")},
    {"F5", tr_mark("Present (full screen, for a projector)"), tr_mark("Presentation")},
    {"→ / PageDown / Space", tr_mark("Next phase (the last leads to the overview)"), tr_mark("Presentation")},
    {"← / PageUp / Backspace", tr_mark("Previous phase"), tr_mark("Presentation")},
    {tr_mark("Home / End or O"), tr_mark("First phase / overview"), tr_mark("Presentation")},
    {tr_mark("↑ / ↓ / Wheel"), tr_mark("Scroll a phase taller than the screen"), tr_mark("Presentation")},
    {tr_mark("Click / Right-click a card"), tr_mark("Add a vote / remove a vote"), tr_mark("Presentation")},
    {"V", tr_mark("Voting on or off"), tr_mark("Presentation")},
    {"T", tr_mark("Top voted list"), tr_mark("Presentation")},
    {"L", tr_mark("Laser pointer on or off"), tr_mark("Presentation")},
    {"1 … 9 / 0", tr_mark("Tier lens on tier 1 … 9 / all tiers"), tr_mark("Presentation")},
    {"B / .", tr_mark("Black screen"), tr_mark("Presentation")},
    {"Esc", tr_mark("Leave presentation"), tr_mark("Presentation")},
    {"F1", tr_mark("This list"), tr_mark("Help")},
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
    if (widgets::any_popup_open()) return;
    if (app.file_dialog.visible) return;
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    const bool shift = io.KeyShift;

    if (pressed(keys::F1)) app.view.show_help = !app.view.show_help;
    if (pressed(keys::F5)) {
        enter_presentation(app);
        return;
    }
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
    if (pressed(keys::Q)) begin_capture(app);
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
