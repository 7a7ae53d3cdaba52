// Stagemap — the canvas's mouse gestures: pan and zoom, select, rubber band, move cards,
// connect cards, rate steps on the emotion row, double-click to add or edit.
#include <algorithm>
#include <cmath>

#include "edit/edit.h"
#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/i18n.h"
#include "ui/keys.h"

namespace sm::ui {

namespace canvas_detail {

// [SECTION] Helpers
namespace {

constexpr float kDragThreshold = 4.0f;  // pixels before a press becomes a drag

bool modifier_held() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyShift || io.KeyCtrl || io.KeySuper;
}

bool space_held() { return ImGui::IsKeyDown(keys::Space) && !ImGui::GetIO().WantTextInput; }

float dist2(ImVec2 a, ImVec2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

// The cell under a layout point: both indices, or -1s when the point is not inside a cell body.
std::pair<int, int> cell_at(const layout::BlueprintLayout& lay, layout::Vec2 p) {
    const int lane = lay.lane_at(p.y);
    const int step = lay.step_at(p.x);
    if (lane < 0 || step < 0) return {-1, -1};
    if (!lay.cell(lane, step).contains(p)) return {-1, -1};
    return {lane, step};
}

// Layout card index of a card id, or -1.
int layout_index(const AppState& app, const layout::BlueprintLayout& lay, const CardId& id) {
    const int doc_index = app.doc().card_index(id);
    if (doc_index < 0) return -1;
    for (std::size_t i = 0; i < lay.cards.size(); ++i)
        if (lay.cards[i].card == doc_index) return static_cast<int>(i);
    return -1;
}

const CardId* card_id_at(const AppState& app, const layout::BlueprintLayout& lay, int layout_card) {
    if (layout_card < 0 || static_cast<std::size_t>(layout_card) >= lay.cards.size()) return nullptr;
    const int doc_index = lay.cards[static_cast<std::size_t>(layout_card)].card;
    if (doc_index < 0 || static_cast<std::size_t>(doc_index) >= app.doc().cards.size()) return nullptr;
    return &app.doc().cards[static_cast<std::size_t>(doc_index)].id;
}

layout::Rect band_rect(const AppState& app) {
    const auto& c = app.canvas;
    return c.transform.to_layout(ImVec2(std::min(c.press_pos.x, c.band_end.x), std::min(c.press_pos.y, c.band_end.y)),
                                 ImVec2(std::max(c.press_pos.x, c.band_end.x), std::max(c.press_pos.y, c.band_end.y)));
}

// The cards a handle belongs to when the mouse is near one: the hovered card and the selected ones.
void find_handle(AppState& app, const layout::BlueprintLayout& lay, ImVec2 mouse) {
    auto& c = app.canvas;
    auto try_card = [&](int li) {
        if (li < 0 || c.hover_handle != Side::None) return;
        const Side s = handle_at(app, lay.cards[static_cast<std::size_t>(li)].rect, mouse);
        if (s != Side::None) {
            c.hover_handle = s;
            c.hover_card = li;
        }
    };
    try_card(c.hover_card);
    if (app.selection.kind == SelectionKind::Cards)
        for (const auto& id : app.selection.cards) try_card(layout_index(app, lay, id));
}

// [SECTION] Clicks
void click_empty(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p) {
    auto& sel = app.selection;
    const Document& doc = app.doc();
    if (const int k = lay.connector_at(p, 5 / std::max(app.canvas.transform.scale, 0.01f)); k >= 0) {
        const int doc_index = lay.connectors[static_cast<std::size_t>(k)].connector;
        sel.set_connector(edit::connector_ref(doc, doc_index));
        return;
    }
    for (const auto& s : lay.steps)
        if (s.header.contains(p) && s.step >= 0) {
            sel.set_step(doc.steps[static_cast<std::size_t>(s.step)].id);
            return;
        }
    for (const auto& l : lay.lanes)
        if (l.header.contains(p) && l.lane >= 0) {
            sel.set_lane(doc.lanes[static_cast<std::size_t>(l.lane)].id);
            return;
        }
    if (const int ph = lay.phase_at(p); ph >= 0) {
        const int doc_index = lay.phases[static_cast<std::size_t>(ph)].phase;
        if (doc_index >= 0) {
            sel.set_phase(doc.phases[static_cast<std::size_t>(doc_index)].id);
            return;
        }
    }
    if (lay.emotion && lay.emotion->plot.contains(p)) {
        if (const int st = lay.step_at(p.x); st >= 0) {
            sel.set_step(doc.steps[static_cast<std::size_t>(st)].id);
            return;
        }
    }
    sel.clear();
    const auto [lane, step] = cell_at(lay, p);
    if (lane >= 0) sel.set_cell(doc.lanes[static_cast<std::size_t>(lane)].id, doc.steps[static_cast<std::size_t>(step)].id);
}

void double_click(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p) {
    const Document& doc = app.doc();
    if (const CardId* id = card_id_at(app, lay, lay.card_at(p))) {
        app.selection.set_card(*id);
        begin_edit(app, EditTarget::CardTitle, id->str());
        return;
    }
    const auto [lane, step] = cell_at(lay, p);
    if (lane >= 0) {
        const Cell cell{doc.lanes[static_cast<std::size_t>(lane)].id, doc.steps[static_cast<std::size_t>(step)].id};
        const CardId id = add_card_in_cell(app, cell);
        if (!id.empty()) begin_edit(app, EditTarget::CardTitle, id.str(), true);
        return;
    }
    for (const auto& s : lay.steps)
        if (s.header.contains(p) && s.step >= 0) {
            const StepId id = doc.steps[static_cast<std::size_t>(s.step)].id;
            app.selection.set_step(id);
            begin_edit(app, EditTarget::StepName, id.str());
            return;
        }
    for (const auto& l : lay.lanes)
        if (l.header.contains(p) && l.lane >= 0) {
            const LaneId id = doc.lanes[static_cast<std::size_t>(l.lane)].id;
            app.selection.set_lane(id);
            begin_edit(app, EditTarget::LaneName, id.str());
            return;
        }
    if (const int ph = lay.phase_at(p); ph >= 0 && lay.phases[static_cast<std::size_t>(ph)].phase >= 0) {
        const PhaseId id = doc.phases[static_cast<std::size_t>(lay.phases[static_cast<std::size_t>(ph)].phase)].id;
        app.selection.set_phase(id);
        begin_edit(app, EditTarget::PhaseName, id.str());
    }
}

// [SECTION] Drops
// The rank among the cell's cards not being moved that slot `slot` (counted with them) means.
int position_without_moved(const AppState& app, const layout::BlueprintLayout& lay, const DropTarget& d) {
    const auto in_cell = lay.cards_in_cell(d.lane, d.step);
    int position = 0;
    for (int i = 0; i < d.slot && static_cast<std::size_t>(i) < in_cell.size(); ++i) {
        const CardId* id = card_id_at(app, lay, in_cell[static_cast<std::size_t>(i)]);
        if (id && !app.selection.has(*id)) ++position;
    }
    return position;
}

void finish_move(AppState& app, const layout::BlueprintLayout& lay) {
    const auto& d = app.canvas.drop;
    if (!d.valid()) return;
    const Document& doc = app.doc();
    const int position = position_without_moved(app, lay, d);
    const LaneId lane = doc.lanes[static_cast<std::size_t>(d.lane)].id;
    const StepId step = doc.steps[static_cast<std::size_t>(d.step)].id;
    run(app, edit::move_cards(doc, app.selection.cards_in_document_order(doc), lane, step, position));
    app.selection.set_cell(lane, step);
}

void update_drop(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p) {
    auto& d = app.canvas.drop;
    const auto [lane, step] = cell_at(lay, p);
    d.lane = lane;
    d.step = step;
    d.slot = lane >= 0 ? lay.slot_at(lane, step, p.y) : -1;
}

}  // namespace

// [SECTION] Pan and zoom
void handle_navigation(AppState& app) {
    auto& c = app.canvas;
    ImGuiIO& io = ImGui::GetIO();
    const bool active = ImGui::IsItemActive();  // the canvas area took the press
    if (c.hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        if (io.KeyCtrl) {
            zoom_by(app, std::pow(1.12f, io.MouseWheel), io.MousePos);
        } else {
            const float stepx = 60 * app.ui_scale(), stepy = 60 * app.ui_scale();
            if (io.KeyShift) c.pan.x += io.MouseWheel * stepx;
            else c.pan.y += io.MouseWheel * stepy;
            c.pan.x += io.MouseWheelH * stepx;
        }
    }
    const bool pan_button = ImGui::IsMouseDown(ImGuiMouseButton_Middle) || ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
                            (space_held() && ImGui::IsMouseDown(ImGuiMouseButton_Left));
    if (c.gesture == Gesture::None && active && pan_button &&
        (ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 1) || ImGui::IsMouseDragging(ImGuiMouseButton_Right, kDragThreshold) ||
         (space_held() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1))))
        c.gesture = Gesture::Pan;
    if (c.gesture == Gesture::Pan) {
        c.pan.x += io.MouseDelta.x;
        c.pan.y += io.MouseDelta.y;
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
        if (!pan_button) c.gesture = Gesture::None;
    }
    if (space_held() && c.hovered && c.gesture == Gesture::None) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// [SECTION] Pointer gestures
void handle_pointer(AppState& app) {
    auto& c = app.canvas;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const layout::Vec2 p = c.transform.to_layout(mouse);
    const auto& lay = current_layout(app);

    // Hover.
    c.hover_card = -1;
    c.hover_connector = -1;
    c.hover_handle = Side::None;
    if (c.hovered && (c.gesture == Gesture::None || c.gesture == Gesture::Connect)) {
        c.hover_card = lay.card_at(p);
        if (c.gesture == Gesture::None) find_handle(app, lay, mouse);
        if (c.hover_card < 0 && c.gesture == Gesture::None)
            c.hover_connector = lay.connector_at(p, 5 / std::max(c.transform.scale, 0.01f));
    }
    update_emotion_hover(app, lay, p);
    if (c.hover_card != c.tooltip_card || c.hover_handle != Side::None) {
        c.tooltip_card = c.hover_handle == Side::None ? c.hover_card : -1;
        c.tooltip_since = app.now;
    }
    if (c.hover_handle != Side::None || c.hover_connector >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    if (c.gesture != Gesture::None && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        if (c.gesture == Gesture::RubberBand) app.selection.set_cards(c.band_base);
        if (c.gesture == Gesture::RateEmotion) cancel_emotion_drag(app);
        c.gesture = Gesture::None;
        c.drop = {};
        return;
    }

    // Presses.
    if (c.hovered && c.gesture == Gesture::None && !space_held()) {
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !modifier_held()) {
            double_click(app, lay, p);
            return;  // the layout may have changed
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            c.press_pos = mouse;
            c.gesture_button = ImGuiMouseButton_Left;
            c.press_modifier = modifier_held();
            if (c.hover_card < 0 && c.hover_handle == Side::None && begin_emotion_drag(app, lay, p)) return;
            if (c.hover_handle != Side::None && c.hover_card >= 0) {
                if (const CardId* id = card_id_at(app, lay, c.hover_card)) {
                    c.gesture = Gesture::Connect;
                    c.connect_from = *id;
                    c.connect_side = c.hover_handle;
                    c.connect_target = -1;
                    return;
                }
            }
            if (const CardId* id = card_id_at(app, lay, c.hover_card)) {
                c.gesture = Gesture::PressCard;
                c.press_card = *id;
                if (c.press_modifier) app.selection.toggle_card(*id);
                else if (!app.selection.has(*id)) app.selection.set_card(*id);
            } else {
                c.gesture = Gesture::PressEmpty;
                c.band_base = c.press_modifier && app.selection.kind == SelectionKind::Cards ? app.selection.cards
                                                                                              : std::vector<CardId>{};
            }
        }
    }

    // Drags.
    const bool dragged = dist2(mouse, c.press_pos) >= kDragThreshold * kDragThreshold;
    if (c.gesture == Gesture::PressCard && dragged && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (app.selection.has(c.press_card)) c.gesture = Gesture::MoveCards;
        else c.gesture = Gesture::None;  // ctrl-click took it out of the selection
    }
    if (c.gesture == Gesture::PressEmpty && dragged && ImGui::IsMouseDown(ImGuiMouseButton_Left)) c.gesture = Gesture::RubberBand;

    if (c.gesture == Gesture::RateEmotion) {
        update_emotion_drag(app, lay, p);
    } else if (c.gesture == Gesture::MoveCards) {
        update_drop(app, lay, p);
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    } else if (c.gesture == Gesture::RubberBand) {
        c.band_end = mouse;
        const layout::Rect band = band_rect(app);
        std::vector<CardId> ids = c.band_base;
        for (const auto& box : lay.cards) {
            if (!box.rect.intersects(band) || box.card < 0) continue;
            const CardId& id = app.doc().cards[static_cast<std::size_t>(box.card)].id;
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
        app.selection.set_cards(std::move(ids));
    } else if (c.gesture == Gesture::Connect) {
        const int target = lay.card_at(p);
        const CardId* id = card_id_at(app, lay, target);
        c.connect_target = (id && *id != c.connect_from) ? target : -1;
    }

    // Releases.
    if (c.gesture != Gesture::None && c.gesture != Gesture::Pan && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const Gesture g = c.gesture;
        c.gesture = Gesture::None;
        switch (g) {
            case Gesture::PressCard:
                if (!c.press_modifier) app.selection.set_card(c.press_card);
                if (const Card* card = app.doc().find(c.press_card)) app.selection.set_cell(card->lane, card->step);
                break;
            case Gesture::PressEmpty:
                if (!c.press_modifier) click_empty(app, lay, c.transform.to_layout(c.press_pos));
                break;
            case Gesture::MoveCards:
                finish_move(app, lay);
                break;
            case Gesture::RateEmotion:
                c.gesture = Gesture::RateEmotion;  // end_emotion_drag ends it
                end_emotion_drag(app);
                break;
            case Gesture::Connect:
                if (const CardId* to = card_id_at(app, lay, c.connect_target)) {
                    const CardId to_id = *to;
                    if (run(app, edit::add_connector(app.doc(), c.connect_from, to_id)))
                        app.selection.set_connector(
                            edit::connector_ref(app.doc(), static_cast<int>(app.doc().connectors.size()) - 1));
                    else set_status(app, tr("Those two cards are already connected."));
                }
                break;
            default:
                break;
        }
        c.drop = {};
        c.connect_target = -1;
    }

    // Right click without a drag: the context menu.
    if (c.hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] < kDragThreshold * kDragThreshold) {
        c.gesture = Gesture::None;
        c.context_pos = p;
        c.context_card = lay.card_at(p);
        const auto [lane, step] = cell_at(lay, p);
        c.context_lane = lane;
        c.context_step = step;
        if (const CardId* id = card_id_at(app, lay, c.context_card); id && !app.selection.has(*id)) app.selection.set_card(*id);
        if (c.context_card < 0) click_empty(app, lay, p);
        ImGui::OpenPopup("##canvas_menu");
    }
}

// [SECTION] Handles
ImVec2 handle_pos(const AppState& app, const layout::Rect& r, Side side) {
    const auto& t = app.canvas.transform;
    const ImVec2 a = t.rect_min(r), b = t.rect_max(r);
    const ImVec2 m((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    switch (side) {
        case Side::Top: return ImVec2(m.x, a.y);
        case Side::Bottom: return ImVec2(m.x, b.y);
        case Side::Left: return ImVec2(a.x, m.y);
        case Side::Right: return ImVec2(b.x, m.y);
        default: return m;
    }
}

Side handle_at(const AppState& app, const layout::Rect& card, ImVec2 mouse) {
    const float r = 7 * app.ui_scale();
    for (Side s : {Side::Right, Side::Left, Side::Bottom, Side::Top})
        if (dist2(handle_pos(app, card, s), mouse) <= r * r) return s;
    return Side::None;
}

}  // namespace canvas_detail

}  // namespace sm::ui
