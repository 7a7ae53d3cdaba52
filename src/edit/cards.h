// Stagemap — commands on cards (service items): add, edit, delete, move, duplicate, vote.
// A cell is one (lane, step) pair; its cards are stacked in array order, and a card's
// "position" in its cell is its rank among the cards with the same lane and step.
// Every factory returns one undo step, or null when the gesture is invalid or changes
// nothing; execute it right away on the document it was made from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "edit/history.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Queries
// The cards of a cell, top to bottom.
std::vector<CardId> cell_cards(const Document& doc, const LaneId& lane, const StepId& step);
// The card's rank in its cell, or -1 when there is no such card.
int cell_position(const Document& doc, const CardId& id);

// Checks a card value against the document: its lane and step must exist, wait_min must be
// >= 0. Drops links to unknown tiers and repeated links; negative votes become 0.
// False when the card cannot be stored.
bool sanitize_card(const Document& doc, Card& card);

// [SECTION] Results that create cards
// A command together with the ids of the cards it creates (in the order they are placed).
struct NewCards {
    CommandPtr command;  // null when nothing would be created
    std::vector<CardId> ids;
};

// [SECTION] Add and edit
// A card with a fresh id ("card-N"); not yet in the document.
Card new_card(const Document& doc, const LaneId& lane, const StepId& step, std::string title);
// Inserts into the card's cell at rank `position` (-1 or past the end: bottom of the cell).
// Null if card.id is empty or used, or the card fails sanitize_card.
CommandPtr add_card(const Document& doc, Card card, int position = -1);
// Replaces the whole value, keeping `id`. A different lane or step moves the card to the
// bottom of that cell.
CommandPtr set_card(const Document& doc, const CardId& id, Card value);
// Replaces several cards at once ("Edit 3 cards"), each by value.id. Each card keeps its
// lane and step (use move_cards for that); values for unknown ids are skipped.
CommandPtr set_cards(const Document& doc, std::vector<Card> values);

// [SECTION] Delete, move, duplicate
// Deletes the cards and every connector touching them ("Delete card", "Delete 3 cards").
CommandPtr delete_cards(const Document& doc, const std::vector<CardId>& ids);
// Moves the cards, in their array order, into cell (lane, step) at rank `position` among the
// cell's other cards, i.e. counted without the moved ones (-1 or past the end: bottom).
// The moved cards end up together. Null when nothing would change.
CommandPtr move_cards(const Document& doc, const std::vector<CardId>& ids, const LaneId& lane, const StepId& step,
                      int position = -1);
// Copies the cards with fresh ids, each right after its original, and copies the connectors
// whose two ends are both among them (ends remapped to the copies).
NewCards duplicate_cards(const Document& doc, const std::vector<CardId>& ids);

// [SECTION] Votes
// Adds `delta` dot votes to each card (negative: removes; never below 0). Null if no card
// changes. Named "Add vote", "Add 2 votes", "Remove vote", ...
CommandPtr change_votes(const Document& doc, const std::vector<CardId>& ids, std::int64_t delta);

}  // namespace sm::edit
