#include "ui/modals.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] File actions
namespace {

void do_pending(AppState& app) {
    auto& m = app.modals;
    const PendingAction what = m.pending;
    m.pending = PendingAction::None;
    switch (what) {
        case PendingAction::New:
            discard_autosave(app);
            start_new(app.session);
            app.selection = Selection{};
            app.canvas.fit_pending = true;
            set_status(app, tr("New blueprint"));
            break;
        case PendingAction::OpenDialog: {
            app.file_dialog_purpose = FileDialogMode::Open;
            const auto folder = !app.session.path.empty() ? app.session.path.parent_path()
                                                          : std::filesystem::path(app.settings.last_folder);
            open_file_dialog(app.file_dialog, FileDialogMode::Open, folder);
            break;
        }
        case PendingAction::OpenPath:
            open_now(app, m.pending_path);
            break;
        case PendingAction::NewFromExample:
            if (open_now(app, m.pending_path)) {
                // A template: the copy has no file yet, and the example stays out of the recent list.
                app.settings.remove_recent(m.pending_path.string());
                app.session.path.clear();
                app.session.restored_unsaved = true;
                set_status(app, strprintf(tr("New blueprint from %s"), m.pending_path.filename().string().c_str()));
            }
            break;
        case PendingAction::Quit:
            discard_autosave(app);
            app.quit = true;
            break;
        case PendingAction::ImportCsv:
            open_import_csv_dialog(app);
            break;
        case PendingAction::None:
            break;
    }
}

void ask_or_do(AppState& app, PendingAction what, const std::filesystem::path& path = {}) {
    app.modals.pending = what;
    app.modals.pending_path = path;
    if (app.session.dirty()) app.modals.confirm_discard = true;
    else do_pending(app);
}

}  // namespace

void action_new(AppState& app) { ask_or_do(app, PendingAction::New); }
void action_open_dialog(AppState& app) { ask_or_do(app, PendingAction::OpenDialog); }
void action_open_path(AppState& app, const std::filesystem::path& path) { ask_or_do(app, PendingAction::OpenPath, path); }
void action_new_from_example(AppState& app, const std::filesystem::path& example) {
    ask_or_do(app, PendingAction::NewFromExample, example);
}

std::vector<std::filesystem::path> example_blueprints() {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(STAGEMAP_EXAMPLES_DIR, ec))
        if (e.path().filename().string().ends_with(".blueprint.json")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}
void action_quit(AppState& app) { ask_or_do(app, PendingAction::Quit); }
void action_import_csv(AppState& app) { ask_or_do(app, PendingAction::ImportCsv); }

bool action_save(AppState& app) {
    if (app.session.path.empty()) {
        action_save_as(app);
        return false;
    }
    return save_now(app, app.session.path);
}

void action_save_as(AppState& app) {
    app.file_dialog_purpose = FileDialogMode::Save;
    std::filesystem::path folder = app.session.path.empty() ? std::filesystem::path(app.settings.last_folder)
                                                            : app.session.path.parent_path();
    std::string name = app.session.path.empty() ? std::string("untitled.blueprint.json") : app.session.path.filename().string();
    open_file_dialog(app.file_dialog, FileDialogMode::Save, folder, name);
}

bool open_now(AppState& app, const std::filesystem::path& path) {
    auto r = open_into(app.session, path);
    if (!r.ok) {
        app.modals.show_errors = true;
        app.modals.errors_title = strprintf(tr("Could not open %s"), path.filename().string().c_str());
        app.modals.errors = std::move(r.diagnostics);
        if (app.modals.errors.empty()) app.modals.errors.push_back(io::Diagnostic{io::Severity::Error, {}, tr("unknown error")});
        return false;
    }
    discard_autosave(app);
    app.selection = Selection{};
    app.canvas.edit = InPlaceEdit{};
    app.canvas.fit_pending = true;
    app.view.tier_lens.reset();
    app.fonts.require_document(app.doc());
    app.settings.add_recent(app.session.path.string());
    app.settings.last_folder = app.session.path.parent_path().string();
    if (r.diagnostics.empty()) set_status(app, strprintf(tr("Opened %s"), app.session.display_name().c_str()));
    else
        set_status(app, strprintf(tr("Opened %s with %zu warning(s): View › Load warnings"),
                                  app.session.display_name().c_str(), r.diagnostics.size()));
    return true;
}

bool save_now(AppState& app, const std::filesystem::path& path) {
    const auto r = save_to(app.session, path);
    if (!r.ok) {
        app.modals.show_errors = true;
        app.modals.errors_title = strprintf(tr("Could not save %s"), path.filename().string().c_str());
        app.modals.errors = {io::Diagnostic{io::Severity::Error, {}, r.error}};
        return false;
    }
    discard_autosave(app);
    app.settings.add_recent(app.session.path.string());
    app.settings.last_folder = app.session.path.parent_path().string();
    set_status(app, strprintf(tr("Saved %s"), app.session.display_name().c_str()));
    return true;
}

// [SECTION] Dialogs
namespace {

void centre_next(float width) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Appearing);
}

void errors_modal(AppState& app) {
    auto& m = app.modals;
    if (m.show_errors && !ImGui::IsPopupOpen("###errors")) ImGui::OpenPopup("###errors");
    centre_next(38 * ImGui::GetFontSize());
    const std::string title = m.errors_title + "###errors";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const auto errs = m.errors.size();
    ImGui::TextWrapped("%s", errs == 1 ? tr("The file was refused for this reason. Nothing that was open has changed.")
                                       : tr("The file was refused for these reasons. Nothing that was open has changed."));
    ImGui::Spacing();
    const float h = std::min(16.0f, static_cast<float>(errs) + 1.0f) * ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##list", ImVec2(36 * ImGui::GetFontSize(), h), true);
    for (const auto& d : m.errors) {
        const bool warn = d.severity == io::Severity::Warning;
        ImGui::TextColored(warn ? ImVec4(0.85f, 0.55f, 0.0f, 1) : ImVec4(0.82f, 0.22f, 0.12f, 1), "%s",
                           warn ? tr("warning") : tr("error"));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", d.to_string().c_str());
    }
    ImGui::EndChild();
    if (ImGui::Button(tr("Copy"))) {
        std::string all;
        for (const auto& d : m.errors) all += d.to_string() + "\n";
        ImGui::SetClipboardText(all.c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("OK"), ImVec2(90 * ImGui::GetFontSize() / 14, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        m.show_errors = false;
        m.errors.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void discard_modal(AppState& app) {
    auto& m = app.modals;
    if (m.confirm_discard && !ImGui::IsPopupOpen("###unsaved_changes")) ImGui::OpenPopup("###unsaved_changes");
    centre_next(30 * ImGui::GetFontSize());
    const std::string title = tr_id("Unsaved changes", "unsaved_changes");
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped(tr("Save the changes to %s first?"), app.session.display_name().c_str());
    ImGui::TextDisabled("%s", tr("Without saving, your changes will be lost."));
    ImGui::Spacing();
    const float bw = 110 * ImGui::GetFontSize() / 14;
    bool close = false;
    if (ImGui::Button(tr("Save"), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        close = true;
        if (app.session.path.empty()) {
            m.save_as_then_continue = true;
            action_save_as(app);
        } else if (save_now(app, app.session.path)) {
            do_pending(app);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Don't Save"), ImVec2(bw, 0))) {
        close = true;
        do_pending(app);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        close = true;
        m.pending = PendingAction::None;
    }
    if (close) {
        m.confirm_discard = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void restore_modal(AppState& app) {
    auto& m = app.modals;
    if (m.offer_restore && !ImGui::IsPopupOpen("###restore_autosave")) ImGui::OpenPopup("###restore_autosave");
    centre_next(32 * ImGui::GetFontSize());
    const std::string title = tr_id("Restore unsaved work?", "restore_autosave");
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const std::string name = m.restore.original.empty() ? std::string(tr("an untitled blueprint"))
                                                        : m.restore.original.filename().string();
    ImGui::TextWrapped(tr("Stagemap closed with unsaved changes to %s. An autosave from %s was kept."), name.c_str(),
                       m.restore.saved_at.c_str());
    ImGui::Spacing();
    const float bw = 110 * ImGui::GetFontSize() / 14;
    bool close = false;
    if (ImGui::Button(tr("Restore"), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        close = true;
        auto loaded = io::load_file(m.restore.file);
        if (loaded.document) {
            app.session.history.reset(std::move(*loaded.document));
            app.session.path = m.restore.original;
            app.session.restored_unsaved = true;
            app.selection = Selection{};
            app.canvas.fit_pending = true;
            app.fonts.require_document(app.doc());
            set_status(app, strprintf(tr("Restored unsaved work from %s"), m.restore.saved_at.c_str()));
        } else {
            m.show_errors = true;
            m.errors_title = tr("Could not restore the autosave");
            m.errors = loaded.diagnostics;
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Discard"), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        close = true;
        discard_autosave(app);
    }
    if (close) {
        m.offer_restore = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void overwrite_modal(AppState& app) {
    auto& m = app.modals;
    if (m.confirm_overwrite && !ImGui::IsPopupOpen("###replace_file")) ImGui::OpenPopup("###replace_file");
    centre_next(30 * ImGui::GetFontSize());
    const std::string title = tr_id("Replace file?", "replace_file");
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped(tr("%s already exists. Replace it?"), m.overwrite_path.filename().string().c_str());
    ImGui::TextDisabled("%s", tr("The old version is kept next to it as a .bak file."));
    const float bw = 110 * ImGui::GetFontSize() / 14;
    bool close = false;
    if (ImGui::Button(tr("Replace"), ImVec2(bw, 0))) {
        close = true;
        if (save_now(app, m.overwrite_path) && m.save_as_then_continue) do_pending(app);
        m.save_as_then_continue = false;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        close = true;
        m.save_as_then_continue = false;
        m.pending = PendingAction::None;
    }
    if (close) {
        m.confirm_overwrite = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void handle_file_dialog(AppState& app) {
    const bool was_visible = app.file_dialog.visible;
    const auto chosen = draw_file_dialog(app.file_dialog);
    if (!chosen) {
        if (was_visible && !app.file_dialog.visible) {  // cancelled
            app.modals.save_as_then_continue = false;
            app.modals.pending = PendingAction::None;
        }
        return;
    }
    if (app.file_dialog_purpose == FileDialogMode::Open) {
        open_now(app, *chosen);
        return;
    }
    const auto path = with_blueprint_extension(*chosen);
    std::error_code ec;
    const bool same = !app.session.path.empty() && std::filesystem::equivalent(path, app.session.path, ec);
    if (std::filesystem::exists(path, ec) && !same) {
        app.modals.confirm_overwrite = true;
        app.modals.overwrite_path = path;
        return;
    }
    if (save_now(app, path) && app.modals.save_as_then_continue) do_pending(app);
    app.modals.save_as_then_continue = false;
}

void warnings_window(AppState& app) {
    if (!app.view.show_diagnostics) return;
    ImGui::SetNextWindowSize(ImVec2(36 * ImGui::GetFontSize(), 14 * ImGui::GetFontSize()), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(tr_id("Load warnings", "load_warnings").c_str(), &app.view.show_diagnostics)) {
        if (app.session.warnings.empty()) ImGui::TextDisabled("%s", tr("The file loaded without warnings."));
        for (const auto& d : app.session.warnings) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", d.to_string().c_str());
        }
    }
    ImGui::End();
}

}  // namespace

void draw_modals(AppState& app) {
    handle_file_dialog(app);
    errors_modal(app);
    discard_modal(app);
    restore_modal(app);
    overwrite_modal(app);
    warnings_window(app);
}

}  // namespace sm::ui
