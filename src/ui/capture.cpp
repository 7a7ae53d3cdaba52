#include "ui/capture.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/i18n.h"

namespace sm::ui {

// [SECTION] Commands
namespace {

// Steps in the order of the columns on screen.
std::vector<int> columns(AppState& app) { return current_layout(app).column_order; }

int column_of(AppState& app, const StepId& step) {
    const auto cols = columns(app);
    const int s = app.doc().step_index(step);
    const auto it = std::find(cols.begin(), cols.end(), s);
    return it == cols.end() ? -1 : static_cast<int>(it - cols.begin());
}

// The view follows the cell: the canvas reveals it, presentation walks to its phase.
void follow(AppState& app) {
    auto& cap = app.capture;
    if (app.present.active) {
        if (const Step* s = app.doc().find(cap.step)) {
            const int phase = app.doc().phase_index(s->phase);
            if (phase != app.present.phase) present_go_to(app, phase);
        }
        return;
    }
    app.selection.set_cell(cap.lane, cap.step);
    const auto& lay = current_layout(app);
    const int l = app.doc().lane_index(cap.lane), s = app.doc().step_index(cap.step);
    for (const auto& sb : lay.steps)
        if (sb.step == s)
            for (const auto& lb : lay.lanes)
                if (lb.lane == l) reveal(app, {sb.column.x, lb.row.y, sb.column.w, lb.row.h});
}

}  // namespace

bool begin_capture(AppState& app) {
    auto& cap = app.capture;
    const Document& doc = app.doc();
    const auto cols = columns(app);
    if (doc.lanes.empty() || cols.empty()) {
        set_status(app, tr("Quick capture needs at least one lane and one step."));
        return false;
    }
    cap = CaptureState{};
    if (auto cell = target_cell(app)) {
        cap.lane = cell->lane;
        cap.step = cell->step;
    }
    if (app.present.active) {
        // In presentation: the current phase's first step, in the customer lane.
        for (int c : cols) {
            const Step& s = doc.steps[static_cast<std::size_t>(c)];
            if (doc.phase_index(s.phase) == app.present.phase || app.present.phase < 0) {
                cap.step = s.id;
                break;
            }
        }
        for (const auto& l : doc.lanes)
            if (l.kind == LaneKind::Customer) {
                cap.lane = l.id;
                break;
            }
    }
    if (!doc.find(cap.lane)) cap.lane = doc.lanes.front().id;
    if (!doc.find(cap.step)) cap.step = doc.steps[static_cast<std::size_t>(cols.front())].id;
    cap.active = true;
    cap.focus = true;
    follow(app);
    return true;
}

void end_capture(AppState& app) {
    if (!app.capture.active) return;
    if (app.capture.added > 0) {
        char text[96];
        std::snprintf(text, sizeof text, tr("Quick capture added %d cards."), app.capture.added);
        set_status(app, text);
    }
    app.capture = CaptureState{};
}

bool capturing(const AppState& app) { return app.capture.active; }

void capture_move(AppState& app, int steps, int lanes) {
    auto& cap = app.capture;
    const Document& doc = app.doc();
    const auto cols = columns(app);
    if (cols.empty() || doc.lanes.empty()) return;
    int c = std::max(column_of(app, cap.step), 0);
    int l = std::max(doc.lane_index(cap.lane), 0);
    const int n = static_cast<int>(cols.size()), nl = static_cast<int>(doc.lanes.size());
    l = std::clamp(l + lanes, 0, nl - 1);
    c += steps;
    // Past the last step: the next lane's first step (a wall of notes is read row by row).
    while (c >= n) {
        c -= n;
        l = std::min(l + 1, nl - 1);
    }
    while (c < 0) {
        c += n;
        l = std::max(l - 1, 0);
    }
    cap.lane = doc.lanes[static_cast<std::size_t>(l)].id;
    cap.step = doc.steps[static_cast<std::size_t>(cols[static_cast<std::size_t>(c)])].id;
    follow(app);
}

CardId capture_commit(AppState& app, const std::string& text) {
    auto& cap = app.capture;
    const auto first = text.find_first_not_of(" \t\r\n");
    CardId id;
    if (first != std::string::npos) {
        const auto last = text.find_last_not_of(" \t\r\n");
        id = add_card_in_cell(app, Cell{cap.lane, cap.step}, text.substr(first, last - first + 1));
        if (!id.empty()) ++cap.added;
        if (app.present.active) app.selection.clear();
    }
    capture_move(app, 1, 0);
    return id;
}

// [SECTION] Drawing
namespace {

int field_callback(ImGuiInputTextCallbackData* data) {
    auto& app = *static_cast<AppState*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory)
        capture_move(app, 0, data->EventKey == ImGuiKey_UpArrow ? -1 : 1);
    else if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion)
        capture_move(app, ImGui::GetIO().KeyShift ? -1 : 1, 0);
    return 0;
}

}  // namespace

float capture_bar_height(const AppState& app) {
    const float s = app.present.active ? std::max(ImGui::GetMainViewport()->Size.y / 1080.0f, 0.5f) * 1.6f : app.ui_scale();
    // The font is baked at the font manager's UI scale already: scale the unscaled size.
    const float font = ImGui::GetFontSize() / std::max(app.fonts.ui_scale(), 0.01f);
    return (font + 24) * std::max(s, app.ui_scale());
}

void draw_capture_bar(AppState& app, ImVec2 size) {
    auto& cap = app.capture;
    const Document& doc = app.doc();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * app.ui_scale(), 6 * app.ui_scale()));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::BeginChild("##capture", size, true, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    const Lane* lane = doc.find(cap.lane);
    const Step* step = doc.find(cap.step);
    const std::string where = std::string(lane ? lane->name : "?") + "  ›  " + (step ? step->name : "?");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Quick capture"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", where.c_str());
    ImGui::SameLine();
    if (cap.focus) {
        ImGui::SetKeyboardFocusHere();
        cap.focus = false;
    }
    ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr("Enter: add  ↑↓: lane  Tab: skip  Esc: end")).x - 20, 120.0f));
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory |
                                      ImGuiInputTextFlags_CallbackCompletion;
    const bool entered = ImGui::InputTextWithHint("##capture_text", tr("Type a card and press Enter"), &cap.buffer,
                                                  flags, field_callback, &app);
    const bool esc_key = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const bool escape = esc_key && (ImGui::IsItemActive() || ImGui::IsItemDeactivated() || !ImGui::IsAnyItemActive());
    if (entered) {
        capture_commit(app, cap.buffer);
        cap.buffer.clear();
        cap.focus = true;  // Enter takes the focus away; the next note follows at once
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("Enter: add  ↑↓: lane  Tab: skip  Esc: end"));
    ImGui::EndChild();
    if (escape) end_capture(app);
}

void draw_capture_window(AppState& app) {
    if (!app.capture.active) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = capture_bar_height(app);
    // At the bottom of the screen while presenting, else just above the status bar.
    const float above = app.present.active ? 0.0f : ImGui::GetFrameHeight() + 2;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h - above));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##capture_window", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    draw_capture_bar(app, ImVec2(vp->WorkSize.x, h));
    ImGui::End();
}

}  // namespace sm::ui
