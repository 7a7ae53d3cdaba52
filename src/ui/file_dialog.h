// Stagemap — the Open and Save As dialog, built in ImGui: a path field, the folder's listing
// (folders first, then *.blueprint.json files, or all files), keyboard friendly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sm::ui {

// [SECTION] State
enum class FileDialogMode { Open, Save };

struct FileEntry {
    std::string name;
    bool folder = false;
    std::uintmax_t size = 0;
};

struct FileDialog {
    bool visible = false;
    bool opening = false;  // open the popup on the next frame
    FileDialogMode mode = FileDialogMode::Open;
    std::filesystem::path folder;
    std::string name;          // the file name field
    std::string folder_field;  // the folder path field
    bool all_files = false;
    std::vector<FileEntry> entries;
    bool listed = false;
    int cursor = -1;           // highlighted entry
    bool focus_name = false;
    std::string error;
    std::string title;      // empty: "Open Blueprint" / "Save Blueprint As"
    std::string extension;  // the files listed unless "all files"; empty: ".blueprint.json"
};

// [SECTION] Use
void open_file_dialog(FileDialog& d, FileDialogMode mode, const std::filesystem::path& folder, std::string name = {});
// Draws the dialog when visible; returns the chosen path on the frame it is accepted.
std::optional<std::filesystem::path> draw_file_dialog(FileDialog& d);
// Re-reads the folder (also used by the tests).
void list_folder(FileDialog& d);
bool matches_filter(const std::string& name, bool all_files, const std::string& extension = {});

}  // namespace sm::ui
