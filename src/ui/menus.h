// Stagemap — the main menu bar, the keyboard shortcuts, and the Help windows.
#pragma once

namespace sm::ui {

struct AppState;

// [SECTION] Shortcuts
struct Shortcut {
    const char* keys;    // as shown, e.g. "Ctrl+Shift+Z"
    const char* action;  // what it does
    const char* group;   // "File", "Edit", "Canvas", "View"
};
// Every shortcut the app knows, for the Help window (the one list the menus and help share).
const Shortcut* shortcuts(int* count);
// The keys of an action in the list, for menu items ("" when it has none).
const char* keys_for(const char* action);

void draw_main_menu(AppState& app);
// Global shortcuts; ignored while a text field has the keyboard or a modal is open.
void handle_shortcuts(AppState& app);
void draw_help_windows(AppState& app);

}  // namespace sm::ui
