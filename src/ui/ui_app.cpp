#include "ui/ui_app.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "analysis/stats.h"
#include "ui/actions.h"
#include "ui/i18n.h"
#include "ui/menus.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] Life cycle
UiApp::UiApp(UiOptions options, FontChoice fonts) : state_(std::move(fonts)) {
    state_.persistent = options.persistent;
    state_.content_scale = std::max(options.content_scale, 0.5f);
    state_.settings = std::move(options.settings);
    state_.fonts.set_ui_scale(state_.ui_scale());
    saved_settings_ = settings_text(state_.settings);
    apply_language_if_changed();
    start_new(state_.session);
    state_.fonts.require_document(state_.doc());
    if (!state_.fonts.has_cjk()) set_status(state_, state_.fonts.choice().warning);
}

UiApp::~UiApp() = default;

bool UiApp::open(const std::filesystem::path& path) { return open_now(state_, path); }

void UiApp::offer_restore() {
    if (!state_.persistent) return;
    if (auto info = find_restorable(state_dir())) {
        state_.modals.offer_restore = true;
        state_.modals.restore = *info;
    }
}

void UiApp::shutdown(int window_width, int window_height) {
    if (!state_.persistent) return;
    if (window_width > 0 && window_height > 0) {
        state_.settings.window_width = window_width;
        state_.settings.window_height = window_height;
    }
    const auto err = save_settings(state_.settings);
    if (!err.empty()) std::fprintf(stderr, "stagemap-gui: %s\n", err.c_str());
}

void UiApp::save_settings_if_changed() {
    // Recent files and preferences survive a crash: written a few seconds after they change.
    if (!state_.persistent || state_.now - settings_checked_at_ < 3.0) return;
    settings_checked_at_ = state_.now;
    std::string text = settings_text(state_.settings);
    if (text == saved_settings_) return;
    if (save_settings(state_.settings).empty()) saved_settings_ = std::move(text);
}

void UiApp::set_content_scale(float scale) { state_.content_scale = std::max(scale, 0.5f); }

void UiApp::request_quit() { action_quit(state_); }

void UiApp::drop_files(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) {
            action_open_path(state_, p);
            return;
        }
    }
}

std::string UiApp::window_title() const {
    std::string t = state_.session.display_name();
    if (state_.session.dirty()) t += " •";
    return t + " — Stagemap";
}

bool UiApp::settled() const {
    return !state_.fonts.stale() && !state_.canvas.fit_pending && state_.layout_cache.valid &&
           state_.layout_cache.font_generation == state_.fonts.generation();
}

// [SECTION] Fonts and style
bool UiApp::update_fonts(double now, bool settle) {
    auto& f = state_.fonts;
    f.set_ui_scale(state_.ui_scale());
    // Characters typed since the last frame (not yet read by ImGui) get baked before they are
    // drawn, in every font, so a rare character typed into any field shows at once.
    const auto& typed = ImGui::GetIO().InputQueueCharacters;
    for (int i = 0; i < typed.Size; ++i) f.require(static_cast<char32_t>(typed[i]));
    if (!f.stale()) return false;
    // A new zoom level waits until the zoom comes to rest; missing characters do not.
    const bool zooming = now - state_.canvas.zoom_changed_at < 0.3;
    if (!settle && f.generation() > 0 && !f.glyphs_missing() && zooming) return false;
    f.build(*ImGui::GetIO().Fonts);
    return true;
}

void UiApp::apply_style_if_changed() {
    const float scale = state_.ui_scale();
    const ThemeChoice theme = effective_theme(state_);
    if (styled_theme_ == theme && styled_scale_ == scale) return;
    apply_style(theme, scale);
    styled_theme_ = theme;
    styled_scale_ = scale;
}

void UiApp::apply_language_if_changed() {
    if (applied_language_ && *applied_language_ == state_.settings.language) return;
    applied_language_ = state_.settings.language;
    // The font atlas always holds every character of the table (add_ui_strings), so the switch
    // needs no rebuild.
    set_language(parse_lang(state_.settings.language).value_or(system_lang()));
}

// [SECTION] Frame
void UiApp::frame(double now) {
    auto& app = state_;
    app.now = now;
    apply_language_if_changed();
    apply_style_if_changed();
    keep_tier_view_valid(app);
    if (app.seen_revision != app.session.history.revision()) {
        app.seen_revision = app.session.history.revision();
        app.selection.prune(app.doc());
        require_document_glyphs(app);
    }
    if (app.present.active) {
        // The projector shows the blueprint only: no menus, panels or inspector.
        draw_presentation(app);
        draw_modals(app);
    } else {
        draw_main_menu(app);
        handle_shortcuts(app);
        draw_host();
        draw_tiers_panel(app);
        draw_value_map(app);
        draw_top_voted_window(app);
        flush_inspector(app);
        draw_capture_window(app);
        draw_help_windows(app);
        draw_modals(app);
        draw_export_dialog(app);
    }
    autosave_tick(app);
    save_settings_if_changed();
}

void UiApp::draw_host() {
    auto& app = state_;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    widgets::begin_backdrop("##host", vp->WorkPos, vp->WorkSize);

    draw_toolbar();
    const float s = app.ui_scale();
    const float status_h = ImGui::GetFrameHeight() + 2 * s;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float body_h = std::max(avail.y - status_h, 10.0f);
    const float splitter_w = 6 * s;
    float inspector_w = app.settings.show_inspector ? app.settings.inspector_width * s : 0;
    inspector_w = std::min(inspector_w, avail.x * 0.6f);
    const float canvas_w = std::max(avail.x - inspector_w - (app.settings.show_inspector ? splitter_w : 0), 10.0f);

    const float dock_h = peak_end_dock_height(app, body_h);  // the peak-end panel under the canvas
    ImGui::BeginGroup();
    draw_canvas(app, ImVec2(canvas_w, body_h - dock_h));
    draw_canvas_tier_marks(app);
    draw_peak_end_dock(app, ImVec2(canvas_w, dock_h));
    ImGui::EndGroup();
    if (app.settings.show_inspector) {
        ImGui::SameLine(0, 0);
        ImGui::InvisibleButton("##splitter", ImVec2(splitter_w, body_h));
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        if (ImGui::IsItemActive())
            app.settings.inspector_width = std::clamp(app.settings.inspector_width - ImGui::GetIO().MouseDelta.x / s, 240.0f, 900.0f);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2((a.x + b.x) * 0.5f, a.y), ImVec2((a.x + b.x) * 0.5f, b.y),
                                            ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
        ImGui::SameLine(0, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12 * s, 8 * s));
        ImGui::BeginChild("##inspector", ImVec2(inspector_w, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        ImGui::PopStyleVar();
        draw_inspector(app);
        ImGui::EndChild();
    }
    draw_status_bar();
    ImGui::End();
}

void UiApp::draw_toolbar() {
    auto& app = state_;
    const float s = app.ui_scale();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * s, 5 * s));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::BeginChild("##toolbar", ImVec2(0, ImGui::GetFrameHeight() + 10 * s), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    if (ImGui::Button(tr("+ Card"))) add_card_and_edit(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Add a card to the current cell (N)"));
    ImGui::SameLine();
    if (ImGui::Button(tr("+ Step"))) add_step(app);
    ImGui::SameLine();
    if (ImGui::Button(tr("+ Lane"))) add_lane(app);
    ImGui::SameLine();
    if (ImGui::Button(tr("+ Phase"))) add_phase(app);
    ImGui::SameLine(0, 18 * s);
    auto& h = app.session.history;
    ImGui::BeginDisabled(!h.can_undo());
    if (ImGui::Button(tr("Undo"))) undo(app);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && h.can_undo())
        ImGui::SetTooltip(tr("Undo %s (Ctrl+Z)"), command_label(h.undo_name()).c_str());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!h.can_redo());
    if (ImGui::Button(tr("Redo"))) redo(app);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && h.can_redo())
        ImGui::SetTooltip(tr("Redo %s (Ctrl+Shift+Z)"), command_label(h.redo_name()).c_str());
    ImGui::EndDisabled();

    draw_tier_toolbar(app);
    draw_peak_end_toolbar_button(app);

    // Zoom, right-aligned.
    char pct[16];
    std::snprintf(pct, sizeof pct, "%d %%", static_cast<int>(app.canvas.zoom * 100 + 0.5f));
    const float w = ImGui::CalcTextSize("−").x + ImGui::CalcTextSize("+").x + ImGui::CalcTextSize(tr("Fit")).x +
                    64 * s + ImGui::GetStyle().FramePadding.x * 6 + ImGui::GetStyle().ItemSpacing.x * 3;
    ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - w, ImGui::GetCursorPosX() + 12 * s));
    if (ImGui::Button("−")) zoom_by(app, 1 / 1.25f);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(64 * s);
    if (ImGui::BeginCombo("##zoom", pct, ImGuiComboFlags_NoArrowButton)) {
        for (int z : {25, 50, 75, 100, 125, 150, 200, 300, 400})
            if (ImGui::Selectable((std::to_string(z) + " %").c_str())) set_zoom(app, static_cast<float>(z) / 100.0f);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("+")) zoom_by(app, 1.25f);
    ImGui::SameLine();
    if (ImGui::Button(tr("Fit"))) zoom_to_fit(app);
    ImGui::EndChild();
}

void UiApp::draw_status_bar() {
    auto& app = state_;
    const float s = app.ui_scale();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * s, 1 * s));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::BeginChild("##status", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::AlignTextToFramePadding();
    if (!app.fonts.has_cjk()) {
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.0f, 1), tr("Warning: %s"), app.fonts.choice().warning.c_str());
        ImGui::SameLine();
    }
    const bool fresh = app.now - app.status_time < 6.0 && !app.status.empty();
    if (fresh) {
        ImGui::TextUnformatted(app.status.c_str());
    } else {
        const std::string where = app.session.path.empty() ? std::string(tr("Not saved yet")) : app.session.path.string();
        ImGui::TextDisabled("%s%s", where.c_str(), app.session.dirty() ? tr(" — unsaved changes") : "");
    }
    const auto& st = document_stats(app);
    char right[160];
    std::snprintf(right, sizeof right, tr("%zu steps · %zu lanes · %zu cards · %zu F · %zu W    %d %%"), st.steps, st.lanes,
                  st.cards, st.fail_points, st.wait_points, static_cast<int>(app.canvas.zoom * 100 + 0.5f));
    const float rw = ImGui::CalcTextSize(right).x;
    ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - rw, ImGui::GetCursorPosX() + 20 * s));
    ImGui::TextDisabled("%s", right);
    ImGui::EndChild();
}

}  // namespace sm::ui
