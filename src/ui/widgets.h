// Stagemap — the inspector's form widgets. Text and number fields commit one command when
// the field is left (Enter, Tab or a click elsewhere), not on every keystroke.
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

namespace sm::ui {

struct AppState;

namespace widgets {

// [SECTION] Form layout: a label column and a value column
bool begin_form(const char* id, float label_width);
void end_form();
void row(const char* label, const char* tooltip = nullptr);  // starts a row; the widget goes next

// [SECTION] Fields
// `commit` runs with the new value when the user leaves the field having changed it.
void text_field(AppState& app, const char* id, const std::string& value,
                const std::function<void(AppState&, std::string)>& commit, int lines = 1, const char* hint = nullptr);
void number_field(AppState& app, const char* id, double value, const std::function<void(AppState&, double)>& commit,
                  double min, double max, const char* format = "%.2f");
void int_slider(AppState& app, const char* id, int value, int min, int max,
                const std::function<void(AppState&, int)>& commit, const char* format = "%d");

// [SECTION] Backdrop windows
// Begins a window that covers this rectangle with no title, border, padding or rounding and
// never comes to the front: the desk's host window, the presentation stage. End with ImGui::End().
void begin_backdrop(const char* id, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra_flags = 0);

// True while any popup or modal dialog is open (at any level): keys and pointer effects meant for
// the canvas or the stage stand aside for it.
bool any_popup_open();

// [SECTION] Decoration
void section(const char* title);  // a heading with a rule under it
void hint(const char* text);      // muted, wrapped text
bool danger_button(const char* label);

}  // namespace widgets

}  // namespace sm::ui
