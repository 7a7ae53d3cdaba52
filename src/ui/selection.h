// Stagemap — what the user has selected on the canvas: cards, or one step, lane, phase or
// connector; plus the keyboard's current cell, where arrows move from and pastes land.
#pragma once

#include <vector>

#include "edit/primitives.h"
#include "model/document.h"

namespace sm::ui {

// [SECTION] Selection
enum class SelectionKind { None, Cards, Step, Lane, Phase, Connector };

struct Selection {
    SelectionKind kind = SelectionKind::None;
    std::vector<CardId> cards;  // kind Cards: in the order picked; the last is the primary
    StepId step;
    LaneId lane;
    PhaseId phase;
    edit::ConnectorRef connector;
    // The keyboard's cell.
    LaneId cell_lane;
    StepId cell_step;

    bool empty() const { return kind == SelectionKind::None; }
    bool has(const CardId& id) const;
    const CardId* primary() const { return cards.empty() ? nullptr : &cards.back(); }

    void clear();
    void set_card(const CardId& id);
    void toggle_card(const CardId& id);
    void set_cards(std::vector<CardId> ids);
    void set_step(const StepId& id);
    void set_lane(const LaneId& id);
    void set_phase(const PhaseId& id);
    void set_connector(const edit::ConnectorRef& ref);
    void set_cell(const LaneId& lane, const StepId& step);

    // Forgets what the document no longer has (after undo, delete, open).
    void prune(const Document& doc);
    // The selected cards in document order (commands keep that order).
    std::vector<CardId> cards_in_document_order(const Document& doc) const;
};

}  // namespace sm::ui
