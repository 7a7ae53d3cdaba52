#include "ui/file_dialog.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: the arrows fill the name field
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <system_error>

#include "ui/i18n.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] Listing
bool matches_filter(const std::string& name, bool all_files, const std::string& extension) {
    if (all_files) return true;
    const std::string ext = extension.empty() ? std::string(".blueprint.json") : extension;
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
}

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void go_to(FileDialog& d, const std::filesystem::path& folder) {
    std::error_code ec;
    auto canon = std::filesystem::weakly_canonical(folder, ec);
    d.folder = ec ? folder : canon;
    d.folder_field = d.folder.string();
    d.listed = false;
    d.cursor = -1;
    d.error.clear();
}

std::string human_size(std::uintmax_t n) {
    char buf[32];
    if (n < 1024) std::snprintf(buf, sizeof buf, "%ju B", n);
    else if (n < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(n) / 1024.0);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1024.0 * 1024.0));
    return buf;
}

}  // namespace

void list_folder(FileDialog& d) {
    d.entries.clear();
    d.listed = true;
    std::error_code ec;
    std::filesystem::directory_iterator it(d.folder, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) {
        d.error = strprintf(tr("Cannot read %s: %s"), d.folder.string().c_str(), ec.message().c_str());
        return;
    }
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        const bool folder = it->is_directory(e2);
        if (!folder && !matches_filter(name, d.all_files, d.extension)) continue;
        FileEntry e;
        e.name = name;
        e.folder = folder;
        if (!folder) e.size = it->file_size(e2);
        d.entries.push_back(std::move(e));
    }
    std::sort(d.entries.begin(), d.entries.end(), [](const FileEntry& a, const FileEntry& b) {
        if (a.folder != b.folder) return a.folder;
        return lower(a.name) < lower(b.name);
    });
}

void open_file_dialog(FileDialog& d, FileDialogMode mode, const std::filesystem::path& folder, std::string name) {
    d.visible = true;
    d.opening = true;
    d.mode = mode;
    d.name = std::move(name);
    d.all_files = false;
    d.focus_name = true;
    std::error_code ec;
    const bool ok = !folder.empty() && std::filesystem::is_directory(folder, ec);
    go_to(d, ok ? folder : std::filesystem::current_path(ec));
}

// [SECTION] Dialog
namespace {

// Turns the name field into a path; folders are entered instead of chosen.
std::optional<std::filesystem::path> accept(FileDialog& d) {
    if (d.name.empty()) {
        if (d.cursor >= 0 && static_cast<std::size_t>(d.cursor) < d.entries.size()) {
            const auto& e = d.entries[static_cast<std::size_t>(d.cursor)];
            if (e.folder) {
                go_to(d, d.folder / e.name);
                return std::nullopt;
            }
            d.name = e.name;
        } else {
            return std::nullopt;
        }
    }
    std::filesystem::path p(d.name);
    if (p.is_relative()) p = d.folder / p;
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
        go_to(d, p);
        d.name.clear();
        return std::nullopt;
    }
    if (d.mode == FileDialogMode::Open && !std::filesystem::exists(p, ec)) {
        d.error = strprintf(tr("No such file: %s"), p.string().c_str());
        return std::nullopt;
    }
    d.visible = false;
    return p.lexically_normal();
}

}  // namespace

std::optional<std::filesystem::path> draw_file_dialog(FileDialog& d) {
    if (!d.visible) return std::nullopt;
    std::string title = !d.title.empty()                  ? d.title
                        : d.mode == FileDialogMode::Open ? tr("Open Blueprint")
                                                         : tr("Save Blueprint As");
    title += "###file_dialog";
    if (d.opening) {
        ImGui::OpenPopup("###file_dialog");
        d.opening = false;
    }
    const float s = ImGui::GetFontSize() / 14.0f;
    ImGui::SetNextWindowSize(ImVec2(std::max(560.0f, 52 * ImGui::GetFontSize()), 30 * ImGui::GetFontSize()), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) {
        d.visible = false;
        return std::nullopt;
    }
    if (!d.listed) list_folder(d);
    std::optional<std::filesystem::path> result;

    // Folder row.
    if (ImGui::Button(tr("↑ Up")) && d.folder.has_parent_path()) go_to(d, d.folder.parent_path());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##folder", &d.folder_field, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::error_code ec;
        if (std::filesystem::is_directory(d.folder_field, ec)) go_to(d, d.folder_field);
        else d.error = strprintf(tr("Not a folder: %s"), d.folder_field.c_str());
    }

    // Listing.
    const ImGuiID name_id = ImGui::GetID("##name");
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing() + 8 * s;
    ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
    const int n = static_cast<int>(d.entries.size());
    const bool nav_up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow));
    const bool nav_down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
    if (n > 0 && (nav_up || nav_down)) {
        d.cursor = std::clamp(d.cursor + (nav_down ? 1 : -1), 0, n - 1);
        const auto& e = d.entries[static_cast<std::size_t>(d.cursor)];
        if (!e.folder) {
            d.name = e.name;
            // An active field keeps its own text over ours: let go of it and take it back.
            if (ImGui::GetActiveID() == name_id) {
                ImGui::ClearActiveID();
                d.focus_name = true;
            }
        }
    }
    std::optional<std::filesystem::path> enter_folder;
    for (int i = 0; i < n; ++i) {
        const auto& e = d.entries[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string label = e.folder ? e.name + "/" : e.name;
        if (e.folder) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
        if (ImGui::Selectable(label.c_str(), d.cursor == i, ImGuiSelectableFlags_AllowDoubleClick)) {
            d.cursor = i;
            if (!e.folder) d.name = e.name;
            if (ImGui::IsMouseDoubleClicked(0)) {
                if (e.folder) enter_folder = d.folder / e.name;
                else result = accept(d);
            }
        }
        if (e.folder) ImGui::PopStyleColor();
        if (d.cursor == i && (nav_up || nav_down)) ImGui::SetScrollHereY();
        if (!e.folder) {
            const std::string size = human_size(e.size);
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(size.c_str()).x);
            ImGui::TextDisabled("%s", size.c_str());
        }
        ImGui::PopID();
    }
    if (n == 0 && d.all_files) ImGui::TextDisabled("%s", tr("(empty folder)"));
    if (n == 0 && !d.all_files)
        ImGui::TextDisabled(tr("(no *%s files here)"), d.extension.empty() ? ".blueprint.json" : d.extension.c_str());
    ImGui::EndChild();
    if (enter_folder) {
        go_to(d, *enter_folder);
        d.name.clear();
    }

    // Name row.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("File name"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (d.focus_name) {
        ImGui::SetKeyboardFocusHere();
        d.focus_name = false;
    }
    const bool typing = ImGui::GetIO().WantTextInput;  // a field had the keyboard this frame
    if (ImGui::InputText("##name", &d.name, ImGuiInputTextFlags_EnterReturnsTrue)) {
        result = accept(d);
        d.focus_name = !result.has_value();
    }
    if (!typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !result) result = accept(d);
    if (!typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && d.folder.has_parent_path())
        go_to(d, d.folder.parent_path());

    // Buttons.
    if (ImGui::Checkbox(tr("Show all files"), &d.all_files)) d.listed = false;
    if (!d.error.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.15f, 1), "%s", d.error.c_str());
    }
    const char* ok_label = d.mode == FileDialogMode::Open ? tr("Open") : tr("Save");
    const float bw = 90 * s;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 2 * bw - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(tr("Cancel"), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        d.visible = false;
    }
    ImGui::SameLine();
    if (ImGui::Button(ok_label, ImVec2(bw, 0)) && !result) result = accept(d);

    if (!d.visible || !open) {
        d.visible = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return result;
}

}  // namespace sm::ui
