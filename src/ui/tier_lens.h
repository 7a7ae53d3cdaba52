// Stagemap — the tier lens and the tier compare view (customer value tiers, domain.md §3): the
// toolbar's choice, the legend and compare marks on the canvas, and the paint options that the
// canvas and the exports share, so that an export "as the lens sees it" matches the screen.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <imgui.h>

#include "model/document.h"
#include "render/painter.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
// Compare two tiers: cards marked "A" (only the first), "B" (only the second), "A+B" (both).
struct TierCompareView {
    bool on = false;
    TierId first, second;
};

// Where the last frame drew each named control of the tier and export panels, so that tests can
// click them as a user would (ImGui 1.86 has no test engine to find items by name).
struct ControlRects {
    std::map<std::string, std::pair<ImVec2, ImVec2>> rects;
    void note(const std::string& name);  // the last item drawn
    std::optional<ImVec2> center(const std::string& name) const;
};

// [SECTION] Lens and compare
// The lens on `tier` (compare off); empty: all tiers.
void set_tier_lens(AppState& app, std::optional<TierId> tier);
// Compare `first` with `second` (lens off); both must be tiers of the document.
void set_tier_compare(AppState& app, const TierId& first, const TierId& second);
void stop_tier_compare(AppState& app);
// Drops a lens or compare whose tiers the document no longer has (after undo, delete, new, open).
void keep_tier_view_valid(AppState& app);
// The view's lens, hide and compare as paint options (with the current theme).
render::PaintOptions tier_paint_options(const AppState& app);
// How the canvas shows the card now: normal, dimmed or hidden.
render::CardLook card_look(const AppState& app, const CardId& card);
// A tier's name for menus and lists (its id when the name is empty).
std::string tier_label(const Tier& t);
ImVec4 tier_imcolor(const Tier& t, float alpha = 1);
// Asks the fonts for the Chinese of the tier panels' own labels (the document's text is asked
// for when it loads).
void require_tier_text(AppState& app);

// [SECTION] Drawing
// Inside the toolbar: the lens choice ("All tiers", each tier, "Compare two tiers"), Hide
// others, the two compare choices, and the Tiers and Value map buttons.
void draw_tier_toolbar(AppState& app);
// Right after draw_canvas(), in the same window: the compare marks and the legend that says
// which tier the canvas shows, drawn on top of the canvas.
void draw_canvas_tier_marks(AppState& app);

}  // namespace sm::ui
