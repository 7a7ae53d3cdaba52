// Stagemap — the open document: its History (the only way it changes), where it lives on
// disk, and opening, saving and starting new blueprints.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "edit/history.h"
#include "io/blueprint_io.h"
#include "model/document.h"

namespace sm::ui {

// [SECTION] Session
struct Session {
    edit::History history{};
    std::filesystem::path path;              // empty: not saved yet
    bool restored_unsaved = false;           // the content came from an autosave, not from `path`
    std::vector<io::Diagnostic> warnings;    // of the last load

    const Document& doc() const { return history.document(); }
    bool dirty() const { return history.dirty() || restored_unsaved; }
    std::string display_name() const;  // file name, or "Untitled"
    // Executes a command; false when it was null (nothing to do).
    bool execute(edit::CommandPtr command);
};

// [SECTION] Files
// A blank blueprint with the five canonical lanes, one phase, three steps, and the four customer
// value tiers (value, sub-value, potential-value, low-value) named in English.
Document starter_document();

struct OpenResult {
    bool ok = false;
    std::vector<io::Diagnostic> diagnostics;  // errors on failure, warnings on success
};
// Loads the file; on success the session holds it (history cleared), on failure it is unchanged.
OpenResult open_into(Session& session, const std::filesystem::path& path);
// Saves to `path` (atomic, with a .bak of the previous version) and makes it the session's path.
io::SaveResult save_to(Session& session, const std::filesystem::path& path);
// Starts a new, unsaved blueprint.
void start_new(Session& session);

// Appends ".blueprint.json" unless the name already ends in ".json".
std::filesystem::path with_blueprint_extension(std::filesystem::path p);

}  // namespace sm::ui
