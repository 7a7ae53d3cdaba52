// Stagemap — the blueprint canvas: pan and zoom, the static scene drawn by paint_blueprint(),
// and on top of it the canvas's own overlay (selection, hover, drop targets, handles) and the
// gestures that edit the document through commands.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "layout/layout.h"
#include "model/document.h"
#include "ui/emotion_edit.h"
#include "ui/imgui_painter.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
inline constexpr float kMinZoom = 0.10f;
inline constexpr float kMaxZoom = 4.00f;

enum class Gesture {
    None,
    PressCard,   // left button down on a card, not moved yet
    MoveCards,   // dragging cards to another cell or place
    PressEmpty,  // left button down on no card, not moved yet
    RubberBand,  // dragging a selection rectangle
    Connect,     // dragging a new connector from a card's handle
    Pan,         // middle/right drag, or space + left drag
    RateEmotion, // dragging an emotion point, or pressing an unrated step's slot
};

enum class EditTarget { None, CardTitle, StepName, LaneName, PhaseName };

// The text editor opened in place over a card or a header.
struct InPlaceEdit {
    EditTarget target = EditTarget::None;
    std::string id;       // of the card, step, lane or phase
    std::string buffer;
    bool focus = false;   // give it the keyboard on its first frame
    bool created = false; // the card was just added by this gesture: Esc takes it back
    unsigned long long created_revision = 0;  // the history revision right after that add
    int frames = 0;       // frames drawn so far
};

struct DropTarget {
    int lane = -1, step = -1;  // indices in the document
    int slot = -1;             // place among the cell's cards, counted with the moved ones
    bool valid() const { return lane >= 0 && step >= 0; }
};

enum class Side { None, Top, Right, Bottom, Left };

struct CanvasState {
    float zoom = 1;
    ImVec2 pan{0, 0};          // screen offset of the layout origin from the canvas's top-left
    bool fit_pending = true;   // zoom to fit on the next frame (after open)
    // The view the last fit made: while the user leaves it alone, the canvas fits again when its
    // region changes size (first frames, window resize, the peak-end panel shown or resized).
    bool fitted = false;
    float fitted_zoom = 0;
    ImVec2 fitted_pan{0, 0}, fitted_size{0, 0};
    double zoom_changed_at = -1;
    ImVec2 region_min{0, 0}, region_max{0, 0};  // last frame's canvas rectangle
    CanvasTransform transform;
    bool hovered = false;      // the mouse is over the canvas (and not over a popup)

    Gesture gesture = Gesture::None;
    int gesture_button = 0;
    ImVec2 press_pos{0, 0};
    CardId press_card;
    bool press_modifier = false;  // shift or ctrl at press time
    std::vector<CardId> band_base; // selection before a shift rubber band
    ImVec2 band_end{0, 0};
    DropTarget drop;
    CardId connect_from;
    Side connect_side = Side::None;  // the handle the drag started from
    int connect_target = -1;      // layout card index under the cursor while connecting

    int hover_card = -1;          // layout card index
    int hover_connector = -1;     // layout connector index (when no card is under the mouse)
    Side hover_handle = Side::None;
    int tooltip_card = -1;        // the card the pointer rests on, and since when
    double tooltip_since = 0;

    InPlaceEdit edit;
    EmotionEdit emotion;          // the emotion row's hover and drag
    layout::Vec2 context_pos;     // where the context menu was opened (layout coordinates)
    int context_lane = -1, context_step = -1, context_card = -1;
};

// [SECTION] Drawing and input
// Draws the canvas as a child region of this size and handles its input.
void draw_canvas(AppState& app, ImVec2 size);

// The static scene (the blueprint as every export shows it, with the tier lens and the peak-end
// marks) through `transform`, into the region; shared by the canvas and presentation mode.
void paint_scene(AppState& app, ImDrawList* list, const CanvasTransform& transform, ImVec2 region_min, ImVec2 region_max);

// [SECTION] View commands (menus and shortcuts)
float pixels_per_unit(const AppState& app);  // zoom × UI scale
void zoom_to_fit(AppState& app);
// Multiplies the zoom by `factor` keeping the layout point under `anchor` (screen) in place.
void zoom_by(AppState& app, float factor, ImVec2 anchor);
void zoom_by(AppState& app, float factor);  // around the canvas centre
void set_zoom(AppState& app, float zoom);
// Scrolls so that the layout rectangle is visible.
void reveal(AppState& app, const layout::Rect& r);
// Scrolls so that a step's header and emotion point are visible.
void reveal_step(AppState& app, int step);

// [SECTION] In-place editing
void begin_edit(AppState& app, EditTarget target, const std::string& id, bool created = false);
bool editing(const AppState& app);

// [SECTION] Keyboard navigation
// Moves the selection to the neighbouring cell (dx: steps, dy: lanes / cards in the cell).
void move_selection(AppState& app, int dx, int dy);
// Selects the next (or previous) card in reading order: columns left to right, top to bottom.
void cycle_cards(AppState& app, bool backwards);

// [SECTION] Internals shared by the canvas files
namespace canvas_detail {
struct OverlayColors {
    ImU32 accent, accent_soft, accent_fill, handle_fill, ghost_fill, ghost_text;
};
OverlayColors overlay_colors(const AppState& app);
void handle_navigation(AppState& app);
void handle_pointer(AppState& app);
void draw_overlay(AppState& app, ImDrawList* list);
void draw_in_place_editor(AppState& app);
void draw_context_menu(AppState& app);
void draw_card_tooltip(AppState& app);
Side handle_at(const AppState& app, const layout::Rect& card, ImVec2 mouse);
ImVec2 handle_pos(const AppState& app, const layout::Rect& card, Side side);
}  // namespace canvas_detail

}  // namespace sm::ui
