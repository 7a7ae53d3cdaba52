#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "ui/app_state.h"

namespace sm::ui::widgets {

// [SECTION] Form layout
bool begin_form(const char* id, float label_width) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, label_width);  // no header row
    ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void end_form() { ImGui::EndTable(); }

void row(const char* label, const char* tooltip) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", label);
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    ImGui::TableSetColumnIndex(1);
    ImGui::SetNextItemWidth(-FLT_MIN);
}

// [SECTION] Fields
void text_field(AppState& app, const char* id, const std::string& value,
                const std::function<void(AppState&, std::string)>& commit, int lines, const char* hint) {
    auto& st = app.inspector;
    const ImGuiID iid = ImGui::GetID(id);
    const bool mine = st.active_id == iid;
    std::string local = mine ? st.text : value;
    if (lines > 1) {
        const float h = ImGui::GetTextLineHeight() * static_cast<float>(lines) + ImGui::GetStyle().FramePadding.y * 2;
        ImGui::InputTextMultiline(id, &local, ImVec2(-FLT_MIN, h));
    } else if (hint) {
        ImGui::InputTextWithHint(id, hint, &local);
    } else {
        ImGui::InputText(id, &local);
    }
    const bool active = ImGui::IsItemActive();
    if (active || mine) {
        if (!mine) st.text = value;  // first frame: remember what it started from
        st.active_id = iid;
        st.text = local;
        st.seen = true;
        const std::string original = value;
        st.pending = [commit, original, text = local](AppState& a) {
            if (text != original) commit(a, text);
        };
    }
    if (ImGui::IsItemDeactivated() || (!active && mine)) {
        st.active_id = 0;
        st.pending = nullptr;
        if (local != value) commit(app, local);
    }
}

namespace {
// After a number widget: remembers the value being typed while the field is active, and
// commits it (one undo step) when the field is left; a frame that loses the field commits too.
template <class T>
void track_number_edit(AppState& app, ImGuiID iid, bool mine, T value, T local,
                       const std::function<void(AppState&, T)>& commit) {
    auto& st = app.inspector;
    const bool active = ImGui::IsItemActive();
    if (active || mine) {
        st.active_id = iid;
        st.number = local;
        st.seen = true;
        st.pending = [commit, value, local](AppState& a) {
            if (local != value) commit(a, local);
        };
    }
    if (ImGui::IsItemDeactivated() || (!active && mine)) {
        st.active_id = 0;
        st.pending = nullptr;
        if (local != value) commit(app, local);
    }
}
}  // namespace

void number_field(AppState& app, const char* id, double value, const std::function<void(AppState&, double)>& commit,
                  double min, double max, const char* format) {
    auto& st = app.inspector;
    const ImGuiID iid = ImGui::GetID(id);
    const bool mine = st.active_id == iid;
    double local = mine ? st.number : value;
    ImGui::InputDouble(id, &local, 0, 0, format);
    local = std::clamp(local, min, max);
    track_number_edit(app, iid, mine, value, local, commit);
}

void int_slider(AppState& app, const char* id, int value, int min, int max,
                const std::function<void(AppState&, int)>& commit, const char* format) {
    auto& st = app.inspector;
    const ImGuiID iid = ImGui::GetID(id);
    const bool mine = st.active_id == iid;
    int local = mine ? static_cast<int>(st.number) : value;
    ImGui::SliderInt(id, &local, min, max, format, ImGuiSliderFlags_AlwaysClamp);
    track_number_edit(app, iid, mine, value, local, commit);
}

// [SECTION] Backdrop windows
void begin_backdrop(const char* id, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra_flags) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoNavFocus | extra_flags;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin(id, nullptr, flags);
    ImGui::PopStyleVar(3);
}

bool any_popup_open() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }

// [SECTION] Decoration
void section(const char* title) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::Spacing();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool danger_button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.26f, 0.18f, 0.85f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.88f, 0.32f, 0.22f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.70f, 0.20f, 0.14f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(4);
    return pressed;
}

}  // namespace sm::ui::widgets
