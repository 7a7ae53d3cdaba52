// Stagemap — moving the selection with the keyboard: arrows between cells, Tab through cards.
#include <algorithm>

#include "edit/cards.h"
#include "ui/app_state.h"
#include "ui/canvas.h"

namespace sm::ui {

// [SECTION] Helpers
namespace {

// The cell the keyboard is in: the primary card's, else the remembered one, else the first.
bool current_cell(const AppState& app, int& lane, int& step) {
    const Document& doc = app.doc();
    lane = step = -1;
    if (const CardId* p = app.selection.primary())
        if (const Card* c = doc.find(*p)) {
            lane = doc.lane_index(c->lane);
            step = doc.step_index(c->step);
        }
    if (lane < 0 && !app.selection.cell_lane.empty()) {
        lane = doc.lane_index(app.selection.cell_lane);
        step = doc.step_index(app.selection.cell_step);
    }
    if (lane < 0 && app.selection.kind == SelectionKind::Lane) lane = doc.lane_index(app.selection.lane);
    if (step < 0 && app.selection.kind == SelectionKind::Step) step = doc.step_index(app.selection.step);
    if (doc.lanes.empty() || doc.steps.empty()) return false;
    if (lane < 0) lane = 0;
    if (step < 0) step = 0;
    return true;
}

// Select the card (or just the cell when the id is empty) and scroll it into view.
void land(AppState& app, int lane, int step, const CardId* card) {
    const Document& doc = app.doc();
    const auto& lay = current_layout(app);
    const LaneId lid = doc.lanes[static_cast<std::size_t>(lane)].id;
    const StepId sid = doc.steps[static_cast<std::size_t>(step)].id;
    if (card) {
        app.selection.set_card(*card);
        const int i = doc.card_index(*card);
        for (const auto& box : lay.cards)
            if (box.card == i) reveal(app, box.rect);
    } else {
        app.selection.clear();
        reveal(app, lay.cell(lane, step));
    }
    app.selection.set_cell(lid, sid);
}

// Steps in the order they are drawn, left to right.
std::vector<int> column_order(const AppState& app, const layout::BlueprintLayout& lay) {
    if (!lay.column_order.empty()) return lay.column_order;
    std::vector<int> v(app.doc().steps.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int>(i);
    return v;
}

}  // namespace

// [SECTION] Arrows
void move_selection(AppState& app, int dx, int dy) {
    int lane = 0, step = 0;
    if (!current_cell(app, lane, step)) return;
    const Document& doc = app.doc();
    const auto& lay = current_layout(app);
    const auto cards_of = [&](int l, int s) {
        return edit::cell_cards(doc, doc.lanes[static_cast<std::size_t>(l)].id, doc.steps[static_cast<std::size_t>(s)].id);
    };
    const CardId* primary = app.selection.primary();
    if (dy != 0 && primary) {
        // Within the cell first.
        const auto in_cell = cards_of(lane, step);
        const auto it = std::find(in_cell.begin(), in_cell.end(), *primary);
        if (it != in_cell.end()) {
            const auto at = it - in_cell.begin() + dy;
            if (at >= 0 && at < static_cast<long>(in_cell.size())) {
                const CardId next = in_cell[static_cast<std::size_t>(at)];
                land(app, lane, step, &next);
                return;
            }
        }
    }
    if (dx != 0) {
        const auto order = column_order(app, lay);
        auto it = std::find(order.begin(), order.end(), step);
        if (it == order.end()) return;
        const auto at = (it - order.begin()) + dx;
        if (at < 0 || at >= static_cast<long>(order.size())) return;
        step = order[static_cast<std::size_t>(at)];
    }
    if (dy != 0) {
        lane += dy;
        if (lane < 0 || lane >= static_cast<int>(doc.lanes.size())) return;
    }
    const auto target = cards_of(lane, step);
    if (target.empty()) {
        land(app, lane, step, nullptr);
    } else {
        const CardId pick = dy < 0 ? target.back() : target.front();
        land(app, lane, step, &pick);
    }
}

// [SECTION] Tab
void cycle_cards(AppState& app, bool backwards) {
    const Document& doc = app.doc();
    const auto& lay = current_layout(app);
    std::vector<int> order;  // document card indices in reading order
    for (int s : column_order(app, lay)) {
        if (s < 0 || static_cast<std::size_t>(s) >= lay.cards_by_step.size()) continue;
        for (int li : lay.cards_by_step[static_cast<std::size_t>(s)]) order.push_back(lay.cards[static_cast<std::size_t>(li)].card);
    }
    if (order.empty()) {
        for (std::size_t i = 0; i < doc.cards.size(); ++i) order.push_back(static_cast<int>(i));
    }
    if (order.empty()) return;
    int at = -1;
    if (const CardId* p = app.selection.primary()) {
        const int i = doc.card_index(*p);
        const auto it = std::find(order.begin(), order.end(), i);
        if (it != order.end()) at = static_cast<int>(it - order.begin());
    }
    const int n = static_cast<int>(order.size());
    at = at < 0 ? (backwards ? n - 1 : 0) : (at + (backwards ? n - 1 : 1)) % n;
    const Card& card = doc.cards[static_cast<std::size_t>(order[static_cast<std::size_t>(at)])];
    land(app, doc.lane_index(card.lane), doc.step_index(card.step), &card.id);
}

}  // namespace sm::ui
