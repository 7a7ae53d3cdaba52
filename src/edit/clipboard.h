// Stagemap — copy and paste of cards. Turning a selection into clipboard JSON and back is
// io's job; this module takes and gives plain sm::Card and sm::Connector values.
#pragma once

#include <vector>

#include "edit/cards.h"
#include "edit/history.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Copy
struct Clip {
    std::vector<Card> cards;            // in document order
    std::vector<Connector> connectors;  // those whose two ends are both among the cards
};
Clip copy_cards(const Document& doc, const std::vector<CardId>& ids);

// [SECTION] Paste
// Pastes the cards into cell (lane, step) at rank `position` (-1 or past the end: bottom),
// in the given order, with fresh ids, as one step ("Paste card", "Paste 3 cards"). The
// connectors whose two ends are among the pasted cards come along with their ends remapped;
// the others are dropped. Links to tiers the document lacks are dropped. Null command when
// there is nothing to paste or the cell does not exist.
NewCards paste_cards(const Document& doc, const std::vector<Card>& cards, const std::vector<Connector>& connectors,
                     const LaneId& lane, const StepId& step, int position = -1);

}  // namespace sm::edit
