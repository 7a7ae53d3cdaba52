#include "ui/theme.h"

#include <imgui.h>

namespace sm::ui {

// [SECTION] Colours
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

void light_colors(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    const ImVec4 accent = rgb(37, 99, 235);
    c[ImGuiCol_Text] = rgb(28, 32, 38);
    c[ImGuiCol_TextDisabled] = rgb(104, 112, 124);
    c[ImGuiCol_WindowBg] = rgb(248, 249, 251);
    c[ImGuiCol_ChildBg] = rgb(248, 249, 251, 0);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(214, 219, 226);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = rgb(239, 244, 255);
    c[ImGuiCol_FrameBgActive] = rgb(229, 237, 255);
    c[ImGuiCol_MenuBarBg] = rgb(240, 242, 245);
    c[ImGuiCol_TitleBg] = rgb(240, 242, 245);
    c[ImGuiCol_TitleBgActive] = rgb(228, 232, 238);
    c[ImGuiCol_Button] = rgb(232, 236, 242);
    c[ImGuiCol_ButtonHovered] = rgb(219, 229, 250);
    c[ImGuiCol_ButtonActive] = rgb(198, 214, 248);
    c[ImGuiCol_Header] = rgb(225, 233, 250);
    c[ImGuiCol_HeaderHovered] = rgb(213, 225, 250);
    c[ImGuiCol_HeaderActive] = rgb(198, 214, 248);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(29, 78, 216);
    c[ImGuiCol_Separator] = rgb(222, 226, 232);
    c[ImGuiCol_TableRowBgAlt] = rgb(240, 242, 246, 0.6f);
    c[ImGuiCol_TextSelectedBg] = rgb(37, 99, 235, 0.25f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(20, 24, 30, 0.35f);
}

void dark_colors(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    const ImVec4 accent = rgb(96, 165, 250);
    c[ImGuiCol_Text] = rgb(226, 230, 236);
    c[ImGuiCol_TextDisabled] = rgb(140, 148, 160);
    c[ImGuiCol_WindowBg] = rgb(30, 33, 38);
    c[ImGuiCol_ChildBg] = rgb(30, 33, 38, 0);
    c[ImGuiCol_PopupBg] = rgb(38, 42, 48);
    c[ImGuiCol_Border] = rgb(58, 63, 72);
    c[ImGuiCol_FrameBg] = rgb(42, 46, 53);
    c[ImGuiCol_FrameBgHovered] = rgb(50, 58, 72);
    c[ImGuiCol_FrameBgActive] = rgb(56, 68, 90);
    c[ImGuiCol_MenuBarBg] = rgb(36, 39, 45);
    c[ImGuiCol_TitleBg] = rgb(36, 39, 45);
    c[ImGuiCol_TitleBgActive] = rgb(44, 48, 56);
    c[ImGuiCol_Button] = rgb(48, 53, 61);
    c[ImGuiCol_ButtonHovered] = rgb(58, 72, 96);
    c[ImGuiCol_ButtonActive] = rgb(66, 86, 120);
    c[ImGuiCol_Header] = rgb(50, 62, 84);
    c[ImGuiCol_HeaderHovered] = rgb(58, 72, 96);
    c[ImGuiCol_HeaderActive] = rgb(66, 86, 120);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(147, 197, 253);
    c[ImGuiCol_Separator] = rgb(58, 63, 72);
    c[ImGuiCol_TextSelectedBg] = rgb(96, 165, 250, 0.3f);
}

}  // namespace

// [SECTION] Style
void apply_style(ThemeChoice theme, float scale) {
    ImGuiStyle s;
    if (theme == ThemeChoice::Dark) dark_colors(s);
    else light_colors(s);
    s.WindowRounding = 6;
    s.ChildRounding = 4;
    s.FrameRounding = 4;
    s.PopupRounding = 6;
    s.GrabRounding = 4;
    s.ScrollbarRounding = 6;
    s.TabRounding = 4;
    s.WindowBorderSize = 1;
    s.FrameBorderSize = theme == ThemeChoice::Light ? 1.0f : 0.0f;
    s.PopupBorderSize = 1;
    s.WindowPadding = ImVec2(12, 10);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.ScrollbarSize = 12;
    s.GrabMinSize = 10;
    s.WindowTitleAlign = ImVec2(0.5f, 0.5f);
    s.ScaleAllSizes(scale);
    ImGui::GetStyle() = s;
}

}  // namespace sm::ui
