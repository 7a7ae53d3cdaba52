// Stagemap — the light and dark themes, and tier colours.
#include "render/painter.h"

namespace sm::render {

// [SECTION] Themes
Theme light_theme() { return Theme{}; }

Theme dark_theme() {
    Theme t;
    t.background = {27, 29, 33};
    t.header_fill = {40, 44, 50};
    t.grid = {62, 68, 77};
    t.text = {228, 231, 235};
    t.muted_text = {156, 163, 174};
    t.card_fill = {47, 51, 58};
    t.card_border = {92, 100, 112};
    t.line_interaction = {86, 180, 233};  // Okabe–Ito sky blue
    t.line_visibility = {240, 140, 60};
    t.line_internal = {60, 190, 150};
    t.fail = {235, 110, 40};
    t.wait = {230, 159, 0};
    t.connector = {170, 178, 190};
    t.emotion_negative = {240, 120, 50};
    t.emotion_neutral = {150, 150, 150};
    t.emotion_positive = {86, 180, 233};
    t.dimmed_overlay = {27, 29, 33, 190};
    t.lane_fill[0] = {38, 36, 32};
    t.lane_fill[1] = {31, 37, 45};
    t.lane_fill[2] = {31, 40, 36};
    t.lane_fill[3] = {38, 34, 44};
    t.lane_fill[4] = {36, 37, 39};
    t.lane_fill[5] = {33, 34, 36};
    t.phase_fill = {66, 82, 108};
    t.phase_text = {240, 243, 247};
    t.empty_phase_fill = {36, 39, 44};
    t.card_shadow = {0, 0, 0, 60};
    t.badge_text = {255, 255, 255};
    t.wait_text = {30, 22, 0};
    t.chip_fallback = {120, 128, 140};
    t.emotion_curve = {190, 196, 204};
    t.emotion_fill = {32, 34, 38};
    t.mark = {220, 140, 190};
    return t;
}

RGBA tier_color(const sm::Document& doc, int tier, const Theme& theme) {
    if (tier < 0 || tier >= int(doc.tiers.size()) || !doc.tiers[tier].color) return theme.chip_fallback;
    const Color c = *doc.tiers[tier].color;
    return {c.r, c.g, c.b, 255};
}

}  // namespace sm::render
