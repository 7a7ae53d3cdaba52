// Stagemap — workshop mode: presentation on a projector (full screen, no panels, large type,
// a walk through the phases with the current one spotlighted), dot voting on cards, a laser
// pointer, the journey's emotion curve with its peak and end always in view, and a "Top voted"
// list. The canvas's desk view is left as it was and comes back on leaving.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/imgui_painter.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
inline constexpr float kPresentCardTextPx = 24;  // card text at least this tall on a 1080-line screen

struct PresentState {
    bool active = false;
    int phase = 0;              // index in Document::phases; -1: the whole blueprint
    bool voting = true;         // left click adds a vote, right click removes one
    bool laser = true;          // a glowing dot follows the pointer
    bool black = false;         // B or .: blank the screen (clickers have a key for it)
    bool show_hints = true;     // the key hints at the bottom right, until the first key
    float scroll = 0;           // extra vertical offset (layout units) when the phase is taller than the screen
    // The view: a target the walk sets, and the current one easing towards it.
    CanvasTransform target, current;
    bool snap = true;           // jump to the target (first frame, resize) instead of easing
    ImVec2 region_size{0, 0};
    double last_time = -1;
    double pointer_moved_at = -100;
    ImVec2 last_pointer{0, 0};
    int hover_card = -1;        // layout card index under the pointer
    // The platform's part: presentation wants the window full screen on this monitor.
    bool want_fullscreen = false;
};

struct TopVotedState {
    bool open = false;  // the window (desk) or the side panel (presentation)
};

// [SECTION] Entering and leaving
void enter_presentation(AppState& app);
void leave_presentation(AppState& app);
void toggle_presentation(AppState& app);

// [SECTION] The walk
int phase_count(const AppState& app);
void present_go_to(AppState& app, int phase);  // -1: overview
void present_next(AppState& app);              // the last phase leads to the overview
void present_previous(AppState& app);

// [SECTION] Frame
// Draws the whole screen while presenting (instead of the desk) and handles its keys.
void draw_presentation(AppState& app);
// The view's pixels per layout unit that keeps card text at kPresentCardTextPx on this display.
float present_readable_scale(const AppState& app, float display_height);

// [SECTION] Top voted
struct VotedCard {
    int card = -1;  // index in Document::cards
    long long votes = 0;
};
// Cards with votes, most first (ties: document order).
std::vector<VotedCard> top_voted(const AppState& app, std::size_t limit = 10);
void draw_top_voted_window(AppState& app);  // the desk's View › Top Voted window

}  // namespace sm::ui
