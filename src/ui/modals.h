// Stagemap — modal dialogs: load errors, unsaved-changes prompt, restore after a crash,
// overwrite confirmation; and the file actions that may need them (open, save, new, quit).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/blueprint_io.h"
#include "ui/autosave.h"

namespace sm::ui {

struct AppState;

// What to do once the user has answered "unsaved changes?".
enum class PendingAction { None, New, NewFromExample, OpenDialog, OpenPath, Quit, ImportCsv };

struct Modals {
    bool show_errors = false;
    std::string errors_title;
    std::vector<io::Diagnostic> errors;

    bool confirm_discard = false;
    PendingAction pending = PendingAction::None;
    std::filesystem::path pending_path;

    bool offer_restore = false;
    AutosaveInfo restore;

    bool confirm_overwrite = false;
    std::filesystem::path overwrite_path;

    bool save_as_then_continue = false;  // "Save" in the prompt of an untitled document
};

void draw_modals(AppState& app);

// [SECTION] File actions
// Each asks about unsaved changes first when needed.
void action_new(AppState& app);
void action_open_dialog(AppState& app);
void action_open_path(AppState& app, const std::filesystem::path& path);
// A new, untitled blueprint that starts as a copy of an example (asks first when work is unsaved).
void action_new_from_example(AppState& app, const std::filesystem::path& example);
// The example blueprints shipped with Stagemap (blueprints/), by file name.
std::vector<std::filesystem::path> example_blueprints();
void action_quit(AppState& app);
void action_import_csv(AppState& app);  // the CSV opens as a new document: asks first
// Save to the current path, or ask for one. Returns false when it failed or needs the dialog.
bool action_save(AppState& app);
void action_save_as(AppState& app);

// Opens without asking (the prompt was answered). Shows the errors modal on failure.
bool open_now(AppState& app, const std::filesystem::path& path);
bool save_now(AppState& app, const std::filesystem::path& path);

}  // namespace sm::ui
