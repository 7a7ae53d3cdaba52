// Stagemap — autosave to $XDG_STATE_HOME/stagemap every 30 s while there are unsaved
// changes, and the offer to restore them on the next start.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace sm::ui {

struct AppState;

// [SECTION] Autosave
inline constexpr double kAutosaveInterval = 30.0;  // seconds

struct AutosaveState {
    double last_write = -1;                   // app time of the last write (or of the last check)
    unsigned long long written_revision = 0;  // history revision the autosave holds
    bool has_file = false;
    std::string error;
};

struct AutosaveInfo {
    std::filesystem::path file;      // the autosave
    std::filesystem::path original;  // the blueprint it belongs to (empty: untitled)
    std::string saved_at;            // local time, for the prompt
};

std::filesystem::path autosave_file(const std::filesystem::path& dir);
// An autosave worth offering: it exists and is newer than its original (or has none).
std::optional<AutosaveInfo> find_restorable(const std::filesystem::path& dir);
// Called every frame: writes when dirty and the interval has passed.
void autosave_tick(AppState& app);
// Removes the autosave (after a save, or when the user declines or closes cleanly).
void discard_autosave(AppState& app);
// Writes now (used before quitting with unsaved work the user chose to keep for later).
void write_autosave(AppState& app);

}  // namespace sm::ui
