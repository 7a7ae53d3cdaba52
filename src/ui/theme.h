// Stagemap — the ImGui style and the canvas colours: a calm light or dark theme for the desk,
// and projector light and dark themes (text of at least 7:1 contrast, bolder marks) for
// workshops. Scaled for HiDPI and the UI scale.
#pragma once

#include <string>
#include <vector>

#include "render/painter.h"
#include "ui/settings.h"

namespace sm::ui {

// [SECTION] Style and colours
void apply_style(ThemeChoice theme, float scale);
// The canvas's colours (the static scene and every export made from the screen's theme).
render::Theme canvas_theme(ThemeChoice theme);
const char* theme_label(ThemeChoice theme);  // English, for tr(): "Light", "Projector dark"…

// [SECTION] Contrast (WCAG 2)
float relative_luminance(render::RGBA c);
float contrast_ratio(render::RGBA a, render::RGBA b);
// Every pair of text colour and the fill it is drawn on, in the canvas and in the ImGui style
// of a theme, named for the test that checks them ("card title on card").
struct TextPair {
    std::string what;
    render::RGBA text, fill;
};
std::vector<TextPair> text_pairs(ThemeChoice theme);

}  // namespace sm::ui
