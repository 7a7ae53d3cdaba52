// Stagemap — the value map: the customer value tiers on a 2 × 2 grid of current value × potential
// value (domain.md §3), each with its colour, name, strategy, visit interval and the service
// items that serve it. A click on a tier turns its lens on.
#pragma once

#include <optional>

#include "model/document.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
struct ValueMapState {
    bool open = false;
    bool focus = false;  // bring the window to the front on its next frame
};

// [SECTION] Quadrants
// Current × potential: value (high, high), sub-value (high, low), potential-value (low, high),
// low-value (low, low).
enum class Quadrant { Value, SubValue, PotentialValue, LowValue };
// Empty when the tier's current or potential value is not set.
std::optional<Quadrant> quadrant_of(const Tier& t);

// [SECTION] Window
void open_value_map(AppState& app);
void draw_value_map(AppState& app);

}  // namespace sm::ui
