#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/i18n.h"

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

// Projector light: black on white, every fill pale enough for black text, accents dark.
void projector_light_colors(ImGuiStyle& s) {
    light_colors(s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(0, 0, 0);
    c[ImGuiCol_TextDisabled] = rgb(70, 70, 70);
    c[ImGuiCol_WindowBg] = rgb(255, 255, 255);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(90, 90, 90);
    c[ImGuiCol_MenuBarBg] = rgb(236, 236, 236);
    c[ImGuiCol_Button] = rgb(228, 228, 228);
    c[ImGuiCol_CheckMark] = rgb(0, 70, 160);
}

// Projector dark: white on near-black.
void projector_dark_colors(ImGuiStyle& s) {
    dark_colors(s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(255, 255, 255);
    c[ImGuiCol_TextDisabled] = rgb(190, 190, 190);
    c[ImGuiCol_WindowBg] = rgb(12, 12, 14);
    c[ImGuiCol_PopupBg] = rgb(24, 24, 28);
    c[ImGuiCol_Border] = rgb(150, 150, 150);
    c[ImGuiCol_FrameBg] = rgb(30, 30, 34);
    c[ImGuiCol_MenuBarBg] = rgb(24, 24, 28);
    c[ImGuiCol_Button] = rgb(40, 42, 48);
    c[ImGuiCol_CheckMark] = rgb(120, 190, 255);
}

render::RGBA to_rgba(const ImVec4& v) {
    auto u = [](float f) { return static_cast<std::uint8_t>(std::clamp(f, 0.0f, 1.0f) * 255.0f + 0.5f); };
    return {u(v.x), u(v.y), u(v.z), u(v.w)};
}

void style_colors(ImGuiStyle& s, ThemeChoice theme) {
    switch (theme) {
    case ThemeChoice::Light: light_colors(s); break;
    case ThemeChoice::Dark: dark_colors(s); break;
    case ThemeChoice::ProjectorLight: projector_light_colors(s); break;
    case ThemeChoice::ProjectorDark: projector_dark_colors(s); break;
    }
}

}  // namespace

// [SECTION] Canvas colours
render::Theme canvas_theme(ThemeChoice theme) {
    switch (theme) {
    case ThemeChoice::Light: return render::light_theme();
    case ThemeChoice::Dark: return render::dark_theme();
    case ThemeChoice::ProjectorLight: {
        render::Theme t = render::light_theme();
        t.text = {0, 0, 0};
        t.muted_text = {60, 60, 60};
        t.grid = {120, 120, 120};
        t.card_border = {60, 60, 60};
        t.header_fill = {232, 232, 232};
        t.line_interaction = {0, 84, 140};   // Okabe–Ito blue, darkened to 7:1 on white
        t.line_visibility = {150, 50, 0};    // vermillion, darkened
        t.line_internal = {0, 92, 64};       // bluish green, darkened
        t.fail = {150, 50, 0};
        t.wait = {230, 159, 0};
        t.wait_text = {0, 0, 0};
        t.connector = {30, 30, 30};
        t.emotion_negative = {150, 50, 0};
        t.emotion_positive = {0, 84, 140};
        t.emotion_curve = {20, 20, 20};
        t.mark = {120, 30, 90};
        t.phase_fill = {30, 40, 60};
        t.phase_text = {255, 255, 255};
        t.dimmed_overlay = {255, 255, 255, 200};
        return t;
    }
    case ThemeChoice::ProjectorDark: {
        render::Theme t = render::dark_theme();
        t.background = {12, 12, 14};
        t.text = {255, 255, 255};
        t.muted_text = {200, 200, 200};
        t.grid = {130, 130, 130};
        t.card_fill = {34, 36, 40};
        t.card_border = {170, 170, 170};
        t.header_fill = {28, 30, 34};
        for (auto& f : t.lane_fill) f = {22, 23, 26};
        t.line_interaction = {86, 180, 233};  // Okabe–Ito sky blue
        t.line_visibility = {240, 140, 60};
        t.line_internal = {60, 190, 150};
        t.fail = {245, 120, 50};
        t.badge_text = {0, 0, 0};
        t.wait_text = {0, 0, 0};
        t.connector = {215, 215, 215};
        t.emotion_curve = {235, 235, 235};
        t.emotion_fill = {20, 20, 24};
        t.mark = {240, 160, 210};
        t.phase_fill = {50, 70, 110};
        t.phase_text = {255, 255, 255};
        t.dimmed_overlay = {12, 12, 14, 200};
        return t;
    }
    }
    return render::light_theme();
}

const char* theme_label(ThemeChoice theme) {
    switch (theme) {
    case ThemeChoice::Light: return tr_mark("Light");
    case ThemeChoice::Dark: return tr_mark("Dark");
    case ThemeChoice::ProjectorLight: return tr_mark("Projector light");
    case ThemeChoice::ProjectorDark: return tr_mark("Projector dark");
    }
    return "";
}

// [SECTION] Contrast
float relative_luminance(render::RGBA c) {
    auto lin = [](std::uint8_t v) {
        const float f = static_cast<float>(v) / 255.0f;
        return f <= 0.03928f ? f / 12.92f : std::pow((f + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * lin(c.r) + 0.7152f * lin(c.g) + 0.0722f * lin(c.b);
}

float contrast_ratio(render::RGBA a, render::RGBA b) {
    const float la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

std::vector<TextPair> text_pairs(ThemeChoice theme) {
    const render::Theme t = canvas_theme(theme);
    std::vector<TextPair> out = {
        {"card title on card", t.text, t.card_fill},
        {"step name on header", t.text, t.header_fill},
        {"text on background", t.text, t.background},
        {"phase name on phase bar", t.phase_text, t.phase_fill},
        {"fail badge", t.badge_text, t.fail},
        {"wait badge", t.wait_text, t.wait},
        {"muted text on card", t.muted_text, t.card_fill},
        {"emotion ticks", t.muted_text, t.emotion_fill},
        {"line of interaction label", t.line_interaction, t.background},
        {"line of visibility label", t.line_visibility, t.background},
        {"line of internal interaction label", t.line_internal, t.background},
    };
    const char* lanes[] = {"evidence", "customer", "frontstage", "backstage", "support", "custom"};
    for (int i = 0; i < 6; ++i) out.push_back({std::string("lane name on ") + lanes[i] + " lane", t.text, t.lane_fill[i]});
    ImGuiStyle s;
    style_colors(s, theme);
    const ImVec4* c = s.Colors;
    const std::pair<const char*, int> ui_fills[] = {{"window", ImGuiCol_WindowBg}, {"popup", ImGuiCol_PopupBg},
                                                    {"menu bar", ImGuiCol_MenuBarBg}, {"button", ImGuiCol_Button},
                                                    {"field", ImGuiCol_FrameBg}};
    for (const auto& f : ui_fills)
        out.push_back({std::string("UI text on ") + f.first, to_rgba(c[ImGuiCol_Text]), to_rgba(c[f.second])});
    return out;
}

// [SECTION] Style
void apply_style(ThemeChoice theme, float scale) {
    ImGuiStyle s;
    style_colors(s, theme);
    s.WindowRounding = 6;
    s.ChildRounding = 4;
    s.FrameRounding = 4;
    s.PopupRounding = 6;
    s.GrabRounding = 4;
    s.ScrollbarRounding = 6;
    s.TabRounding = 4;
    s.WindowBorderSize = 1;
    s.FrameBorderSize = is_dark(theme) ? 0.0f : 1.0f;
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
