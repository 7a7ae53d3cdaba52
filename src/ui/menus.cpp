// Stagemap — the main menu bar and the Help windows.
#include "ui/menus.h"

#include <imgui.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/theme.h"

namespace sm::ui {

// [SECTION] Menus
namespace {

void file_menu(AppState& app) {
    if (!ImGui::BeginMenu(tr("File"))) return;
    if (ImGui::MenuItem(tr("New"), keys_for("New blueprint"))) action_new(app);
    if (ImGui::BeginMenu(tr("New from Example"))) {
        std::filesystem::path chosen;
        for (const auto& example : example_blueprints())
            if (ImGui::MenuItem(example.filename().string().c_str())) chosen = example;
        ImGui::EndMenu();
        if (!chosen.empty()) action_new_from_example(app, chosen);
    }
    if (ImGui::MenuItem(tr("Open..."), keys_for("Open..."))) action_open_dialog(app);
    if (ImGui::BeginMenu(tr("Open Recent"), !app.settings.recent.empty())) {
        std::string chosen;
        for (const auto& r : app.settings.recent) {
            const std::filesystem::path p(r);
            const std::string label = p.filename().string() + "  —  " + p.parent_path().string();
            if (ImGui::MenuItem(label.c_str())) chosen = r;
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Clear list"))) app.settings.recent.clear();
        ImGui::EndMenu();
        if (!chosen.empty()) action_open_path(app, chosen);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Save"), keys_for("Save"))) action_save(app);
    if (ImGui::MenuItem(tr("Save As..."), keys_for("Save As..."))) action_save_as(app);
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Import CSV..."))) action_import_csv(app);
    if (ImGui::MenuItem(tr("Export..."), keys_for("Export..."))) open_export_dialog(app);
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Quit"), keys_for("Quit"))) action_quit(app);
    ImGui::EndMenu();
}

void edit_menu(AppState& app) {
    if (!ImGui::BeginMenu(tr("Edit"))) return;
    auto& h = app.session.history;
    const std::string undo_label = h.can_undo() ? std::string(tr("Undo")) + " " + command_label(h.undo_name()) : std::string(tr("Undo"));
    const std::string redo_label = h.can_redo() ? std::string(tr("Redo")) + " " + command_label(h.redo_name()) : std::string(tr("Redo"));
    if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, h.can_undo())) undo(app);
    if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Shift+Z", false, h.can_redo())) redo(app);
    ImGui::Separator();
    const bool cards = app.selection.kind == SelectionKind::Cards;
    if (ImGui::MenuItem(tr("Cut"), "Ctrl+X", false, cards)) cut_selection(app);
    if (ImGui::MenuItem(tr("Copy"), "Ctrl+C", false, cards)) copy_selection(app);
    if (ImGui::MenuItem(tr("Paste"), "Ctrl+V")) paste(app);
    if (ImGui::MenuItem(tr("Duplicate"), "Ctrl+D", false, cards)) duplicate_selection(app);
    if (ImGui::MenuItem(tr("Delete"), "Del", false, has_deletable_selection(app))) delete_selection(app);
    if (ImGui::MenuItem(tr("Select All Cards"), "Ctrl+A")) select_all(app);
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Add Card"), "N")) add_card_and_edit(app);
    if (ImGui::MenuItem(tr("Add Step"))) add_step(app);
    if (ImGui::MenuItem(tr("Add Lane"))) add_lane(app);
    if (ImGui::MenuItem(tr("Add Phase"))) add_phase(app);
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Quick Capture"), "Q", capturing(app))) {
        if (capturing(app)) end_capture(app);
        else begin_capture(app);
    }
    ImGui::EndMenu();
}

void view_menu(AppState& app) {
    if (!ImGui::BeginMenu(tr("View"))) return;
    if (ImGui::MenuItem(tr("Zoom In"), "+")) zoom_by(app, 1.25f);
    if (ImGui::MenuItem(tr("Zoom Out"), "−")) zoom_by(app, 1 / 1.25f);
    if (ImGui::MenuItem(tr("Actual Size"), "Ctrl+0")) set_zoom(app, 1);
    if (ImGui::MenuItem(tr("Zoom to Fit"), "F")) zoom_to_fit(app);
    ImGui::Separator();
    const Document& doc = app.doc();
    if (ImGui::BeginMenu(tr("Tier Lens"), !doc.tiers.empty())) {
        if (ImGui::MenuItem(tr("All tiers"), nullptr, !app.view.tier_lens)) set_tier_lens(app, std::nullopt);
        for (const auto& t : doc.tiers)
            if (ImGui::MenuItem((t.name.empty() ? t.id.str() : t.name).c_str(), nullptr, app.view.tier_lens == t.id))
                set_tier_lens(app, t.id);
        ImGui::Separator();
        ImGui::MenuItem(tr("Hide other tiers' cards"), nullptr, &app.view.hide_other_tiers, app.view.tier_lens.has_value());
        ImGui::EndMenu();
    }
    ImGui::MenuItem(tr("Tiers Panel"), nullptr, &app.tiers_panel.open);
    if (ImGui::MenuItem(tr("Value Map"), nullptr, app.value_map.open)) {
        if (app.value_map.open) app.value_map.open = false;
        else open_value_map(app);
    }
    ImGui::MenuItem(tr("Inspector"), nullptr, &app.settings.show_inspector);
    ImGui::MenuItem(tr("Peak-end Panel"), nullptr, &app.settings.show_peak_end);
    if (ImGui::MenuItem(tr("Load warnings"), nullptr, app.view.show_diagnostics, !app.session.warnings.empty()))
        app.view.show_diagnostics = !app.view.show_diagnostics;
    ImGui::MenuItem(tr("Top Voted"), nullptr, &app.top_voted.open);
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Present"), "F5")) enter_presentation(app);
    if (ImGui::BeginMenu(tr("Present On"))) {
        if (ImGui::MenuItem(tr("This window's monitor"), nullptr, app.settings.present_monitor.empty()))
            app.settings.present_monitor.clear();
        for (const auto& m : app.monitors)
            if (ImGui::MenuItem(m.c_str(), nullptr, app.settings.present_monitor == m)) app.settings.present_monitor = m;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Presentation Theme"))) {
        for (const auto t : kThemes)
            if (ImGui::MenuItem(tr(theme_label(t)), nullptr, app.settings.present_theme == t)) app.settings.present_theme = t;
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::BeginMenu(tr("Theme"))) {
        for (const auto t : kThemes)
            if (ImGui::MenuItem(tr(theme_label(t)), nullptr, app.settings.theme == t)) app.settings.theme = t;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("UI Scale"))) {
        for (int pct : {75, 85, 100, 115, 125, 150, 175, 200, 250, 300}) {
            const float s = static_cast<float>(pct) / 100.0f;
            const std::string label = std::to_string(pct) + " %";
            if (ImGui::MenuItem(label.c_str(), nullptr, std::abs(app.settings.ui_scale - s) < 0.01f)) app.settings.ui_scale = s;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Language"))) {
        for (const auto l : {Lang::En, Lang::ZhCN})
            if (ImGui::MenuItem(lang_native_name(l), nullptr, language() == l)) app.settings.language = lang_code(l);
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
}

void help_menu(AppState& app) {
    if (!ImGui::BeginMenu(tr("Help"))) return;
    if (ImGui::MenuItem(tr("Keyboard and Mouse"), "F1")) app.view.show_help = true;
    if (ImGui::MenuItem(tr("About Service Blueprints"))) app.view.show_about = true;
    ImGui::EndMenu();
}

}  // namespace

void draw_main_menu(AppState& app) {
    if (!ImGui::BeginMainMenuBar()) return;
    file_menu(app);
    edit_menu(app);
    view_menu(app);
    help_menu(app);
    ImGui::EndMainMenuBar();
}

// [SECTION] Help windows
namespace {

void shortcuts_window(AppState& app) {
    const float s = app.ui_scale();
    ImGui::SetNextWindowSize(ImVec2(640 * s, 560 * s), ImGuiCond_FirstUseEver);
    const ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(tr_id("Keyboard and Mouse", "help").c_str(), &app.view.show_help, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    int n = 0;
    const Shortcut* list = shortcuts(&n);
    const char* group = nullptr;
    for (int i = 0; i < n; ++i) {
        if (!group || std::string(group) != list[i].group) {
            if (group) ImGui::EndTable();
            group = list[i].group;
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
            ImGui::TextUnformatted(tr(group));
            ImGui::PopStyleColor();
            ImGui::BeginTable(group, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV);
            ImGui::TableSetupColumn("##keys", ImGuiTableColumnFlags_WidthFixed, 230 * s);
            ImGui::TableSetupColumn("##action", ImGuiTableColumnFlags_WidthStretch);
        }
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(tr(list[i].keys));
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", tr(list[i].action));
    }
    if (group) ImGui::EndTable();
    ImGui::End();
}

void about_window(AppState& app) {
    const float s = app.ui_scale();
    ImGui::SetNextWindowSize(ImVec2(620 * s, 520 * s), ImGuiCond_FirstUseEver);
    const ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(tr_id("About Service Blueprints", "about").c_str(), &app.view.show_about, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", tr(
        "A service blueprint (服务蓝图) lays the customer's journey out from left to right, step by step, and shows "
        "underneath it everything the organisation does to make each step happen: the front, middle and back of a "
        "service in one picture."));
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Rows, from top to bottom:"));
    const char* rows[] = {
        tr_mark("Physical evidence · 有形展示 — what the customer sees or touches: signs, menus, bills, screens."),
        tr_mark("Customer actions · 顾客行为 — what the customer does, in order. Draw this row first."),
        tr_mark("Frontstage actions · 前台员工行为 — what staff or interfaces do where the customer can see."),
        tr_mark("Backstage actions · 后台员工行为 — what staff do out of the customer's sight."),
        tr_mark("Support processes · 支持过程 — systems and people who never meet the customer: kitchen, logistics, CRM."),
    };
    for (const char* r : rows) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", tr(r));
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(
        "Three lines separate the rows: the line of interaction (外部互动分界线) under the customer's row, the line of "
        "visibility (可视分界线) under the frontstage row, and the line of internal interaction (内部互动分界线) under "
        "the backstage row. Stagemap draws them from the lanes' kinds."));
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(
        "F marks a fail point (失误点): a place where the service can go wrong. W marks a wait point (等待点): where "
        "the customer waits, with the expected minutes. A one-way arrow is a hand-off; a two-way arrow means the two "
        "sides depend on each other."));
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(
        "The emotion row rates each step from −2 to +2. By the peak-end rule (峰终定律) people remember an experience "
        "by its most intense moment and by its end, roughly (peak + end) / 2, so design those two moments first."));
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(
        "Customer value tiers (客户价值分层) sort customers by current and potential value; link each card to the "
        "tiers it serves and use the tier lens to see one tier's service items."));
    ImGui::Spacing();
    ImGui::Separator();
    const auto& f = app.fonts.choice();
    ImGui::TextDisabled(tr("Stagemap 0.1 · Font: %s"), f.family.empty() ? tr("ImGui default") : f.family.c_str());
    ImGui::End();
}

}  // namespace

void draw_help_windows(AppState& app) {
    if (app.view.show_help) shortcuts_window(app);
    if (app.view.show_about) about_window(app);
}

}  // namespace sm::ui
