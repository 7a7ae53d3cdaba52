#include "ui/selection.h"

#include <algorithm>

namespace sm::ui {

// [SECTION] Queries
bool Selection::has(const CardId& id) const {
    return kind == SelectionKind::Cards && std::find(cards.begin(), cards.end(), id) != cards.end();
}

std::vector<CardId> Selection::cards_in_document_order(const Document& doc) const {
    std::vector<CardId> out;
    if (kind != SelectionKind::Cards) return out;
    for (const auto& c : doc.cards)
        if (std::find(cards.begin(), cards.end(), c.id) != cards.end()) out.push_back(c.id);
    return out;
}

// [SECTION] Changes
void Selection::clear() {
    kind = SelectionKind::None;
    cards.clear();
    step = {};
    lane = {};
    phase = {};
    connector = {};
}

void Selection::set_card(const CardId& id) {
    clear();
    kind = SelectionKind::Cards;
    cards.push_back(id);
}

void Selection::toggle_card(const CardId& id) {
    if (kind != SelectionKind::Cards) {
        set_card(id);
        return;
    }
    auto it = std::find(cards.begin(), cards.end(), id);
    if (it != cards.end()) {
        cards.erase(it);
        if (cards.empty()) clear();
    } else {
        cards.push_back(id);
    }
}

void Selection::set_cards(std::vector<CardId> ids) {
    clear();
    if (ids.empty()) return;
    kind = SelectionKind::Cards;
    cards = std::move(ids);
}

void Selection::set_step(const StepId& id) {
    clear();
    kind = SelectionKind::Step;
    step = id;
}

void Selection::set_lane(const LaneId& id) {
    clear();
    kind = SelectionKind::Lane;
    lane = id;
}

void Selection::set_phase(const PhaseId& id) {
    clear();
    kind = SelectionKind::Phase;
    phase = id;
}

void Selection::set_connector(const edit::ConnectorRef& ref) {
    clear();
    kind = SelectionKind::Connector;
    connector = ref;
}

void Selection::set_cell(const LaneId& l, const StepId& s) {
    cell_lane = l;
    cell_step = s;
}

void Selection::prune(const Document& doc) {
    switch (kind) {
        case SelectionKind::None:
            break;
        case SelectionKind::Cards:
            cards.erase(std::remove_if(cards.begin(), cards.end(), [&](const CardId& id) { return !doc.find(id); }),
                        cards.end());
            if (cards.empty()) clear();
            break;
        case SelectionKind::Step:
            if (!doc.find(step)) clear();
            break;
        case SelectionKind::Lane:
            if (!doc.find(lane)) clear();
            break;
        case SelectionKind::Phase:
            if (!doc.find(phase)) clear();
            break;
        case SelectionKind::Connector: {
            const int at = edit::resolve(doc, connector);
            if (at < 0) clear();
            else connector = edit::connector_ref(doc, at);
            break;
        }
    }
    if (!cell_lane.empty() && !doc.find(cell_lane)) cell_lane = {};
    if (!cell_step.empty() && !doc.find(cell_step)) cell_step = {};
}

}  // namespace sm::ui
