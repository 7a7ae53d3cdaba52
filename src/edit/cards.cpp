#include "edit/cards.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "edit/primitives.h"

namespace sm::edit {

// [SECTION] Helpers
namespace {

// The index, in the card array without the cards at the indices `skip` (ascending), where a card
// goes at rank `position` of cell (lane, step). An empty cell's cards go at the end of the array.
// One pass comparing lane and step; no hashing (a move at 10,000 cards must stay well under 1 ms).
int cell_slot(const std::vector<Card>& cards, const LaneId& lane, const StepId& step, int position,
              const std::vector<int>& skip) {
    int remaining = 0;
    std::vector<int> cell;
    auto next_skip = skip.begin();
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (next_skip != skip.end() && *next_skip == static_cast<int>(i)) {
            ++next_skip;
            continue;
        }
        const Card& c = cards[i];
        if (c.lane == lane && c.step == step) cell.push_back(remaining);
        ++remaining;
    }
    if (cell.empty()) return remaining;
    if (position >= 0 && static_cast<std::size_t>(position) < cell.size()) return cell[static_cast<std::size_t>(position)];
    return cell.back() + 1;
}

// The known cards among `ids`, without repeats, in array order, with their indices.
// A few ids (the usual gesture) are compared directly; many go through a hash set.
std::vector<int> card_indices(const Document& doc, const std::vector<CardId>& ids) {
    std::vector<int> out;
    constexpr std::size_t kFew = 8;
    if (ids.size() <= kFew) {
        for (std::size_t i = 0; i < doc.cards.size(); ++i)
            if (std::find(ids.begin(), ids.end(), doc.cards[i].id) != ids.end()) out.push_back(static_cast<int>(i));
        return out;
    }
    std::unordered_set<CardId> wanted(ids.begin(), ids.end());
    for (std::size_t i = 0; i < doc.cards.size(); ++i)
        if (wanted.count(doc.cards[i].id)) out.push_back(static_cast<int>(i));
    return out;
}

}  // namespace

// [SECTION] Queries
std::vector<CardId> cell_cards(const Document& doc, const LaneId& lane, const StepId& step) {
    std::vector<CardId> ids;
    for (const Card& c : doc.cards)
        if (c.lane == lane && c.step == step) ids.push_back(c.id);
    return ids;
}

int cell_position(const Document& doc, const CardId& id) {
    const Card* card = doc.find(id);
    if (!card) return -1;
    int rank = 0;
    for (const Card& c : doc.cards) {
        if (c.id == id) return rank;
        if (c.lane == card->lane && c.step == card->step) ++rank;
    }
    return -1;
}

bool sanitize_card(const Document& doc, Card& card) {
    if (!doc.find(card.lane) || !doc.find(card.step)) return false;
    if (card.wait_min && !(*card.wait_min >= 0)) return false;
    if (card.votes < 0) card.votes = 0;
    std::vector<TierId> tiers;
    for (const TierId& t : card.tiers)
        if (doc.find(t) && std::find(tiers.begin(), tiers.end(), t) == tiers.end()) tiers.push_back(t);
    card.tiers = std::move(tiers);
    return true;
}

// [SECTION] Add and edit
Card new_card(const Document& doc, const LaneId& lane, const StepId& step, std::string title) {
    Card c;
    c.id = CardId(fresh_id(doc, "card"));
    c.lane = lane;
    c.step = step;
    c.title = std::move(title);
    return c;
}

CommandPtr add_card(const Document& doc, Card card, int position) {
    if (id_in_use(doc, card.id.value) || !sanitize_card(doc, card)) return nullptr;
    int at = cell_slot(doc.cards, card.lane, card.step, position, {});
    std::vector<std::pair<int, Card>> items;
    items.emplace_back(at, std::move(card));
    return std::make_unique<InsertItems<Card>>("Add card", std::move(items));
}

CommandPtr set_card(const Document& doc, const CardId& id, Card value) {
    const Card* old = doc.find(id);
    value.id = id;
    if (!old || !sanitize_card(doc, value) || *old == value) return nullptr;
    if (old->lane == value.lane && old->step == value.step) {
        std::vector<std::pair<CardId, Card>> items;
        items.emplace_back(id, std::move(value));
        return std::make_unique<ReplaceItems<Card>>("Edit card", std::move(items));
    }
    const int old_index = static_cast<int>(old - doc.cards.data());
    int at = cell_slot(doc.cards, value.lane, value.step, -1, {old_index});
    return std::make_unique<RelocateItems<Card>>("Edit card", std::vector{id}, std::vector{std::move(value)}, at);
}

CommandPtr set_cards(const Document& doc, std::vector<Card> values) {
    std::vector<std::pair<CardId, Card>> items;
    std::unordered_set<CardId> seen;
    for (Card& value : values) {
        const Card* old = doc.find(value.id);
        if (!old || !seen.insert(value.id).second) continue;
        value.lane = old->lane;
        value.step = old->step;
        if (!sanitize_card(doc, value) || *old == value) continue;
        CardId id = value.id;
        items.emplace_back(std::move(id), std::move(value));
    }
    if (items.empty()) return nullptr;
    std::string name = counted_name("Edit", items.size(), "card", "cards");
    return std::make_unique<ReplaceItems<Card>>(std::move(name), std::move(items));
}

// [SECTION] Delete, move, duplicate
CommandPtr delete_cards(const Document& doc, const std::vector<CardId>& ids) {
    std::unordered_set<CardId> set;
    for (int i : card_indices(doc, ids)) set.insert(doc.cards[static_cast<std::size_t>(i)].id);
    if (set.empty()) return nullptr;
    std::vector<CommandPtr> parts;
    append_card_removal(doc, set, parts);
    return finish(counted_name("Delete", set.size(), "card", "cards"), std::move(parts));
}

CommandPtr move_cards(const Document& doc, const std::vector<CardId>& ids, const LaneId& lane, const StepId& step,
                      int position) {
    if (!doc.find(lane) || !doc.find(step)) return nullptr;
    std::vector<int> indices = card_indices(doc, ids);
    if (indices.empty()) return nullptr;
    std::vector<CardId> keys;
    std::vector<Card> values;
    bool same_cell = true;
    bool together = true;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        Card c = doc.cards[static_cast<std::size_t>(indices[k])];
        same_cell = same_cell && c.lane == lane && c.step == step;
        together = together && indices[k] == indices[0] + static_cast<int>(k);
        keys.push_back(c.id);
        c.lane = lane;
        c.step = step;
        values.push_back(std::move(c));
    }
    int at = cell_slot(doc.cards, lane, step, position, indices);
    if (same_cell && together && at == indices[0]) return nullptr;
    std::string name = counted_name("Move", keys.size(), "card", "cards");
    return std::make_unique<RelocateItems<Card>>(std::move(name), std::move(keys), std::move(values), at);
}

NewCards duplicate_cards(const Document& doc, const std::vector<CardId>& ids) {
    NewCards result;
    std::vector<int> indices = card_indices(doc, ids);
    if (indices.empty()) return result;
    IdSource fresh(doc);
    std::unordered_map<CardId, CardId> copy_of;
    std::vector<std::pair<int, Card>> cards;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        Card c = doc.cards[static_cast<std::size_t>(indices[k])];
        CardId new_id(fresh.next("card"));
        copy_of.emplace(c.id, new_id);
        c.id = new_id;
        result.ids.push_back(new_id);
        // Original k sits at indices[k] + k once the k earlier copies are in; its copy follows it.
        cards.emplace_back(indices[k] + static_cast<int>(k) + 1, std::move(c));
    }
    std::vector<std::pair<int, Connector>> connectors;
    int end = static_cast<int>(doc.connectors.size());
    for (const Connector& c : doc.connectors) {
        auto from = copy_of.find(c.from), to = copy_of.find(c.to);
        if (from == copy_of.end() || to == copy_of.end()) continue;
        Connector copy = c;
        copy.from = from->second;
        copy.to = to->second;
        connectors.emplace_back(end++, std::move(copy));
    }
    std::string name = counted_name("Duplicate", cards.size(), "card", "cards");
    std::vector<CommandPtr> parts;
    parts.push_back(std::make_unique<InsertItems<Card>>(name, std::move(cards)));
    if (!connectors.empty())
        parts.push_back(std::make_unique<InsertItems<Connector>>("Add connectors", std::move(connectors)));
    result.command = finish(std::move(name), std::move(parts));
    return result;
}

// [SECTION] Votes
CommandPtr change_votes(const Document& doc, const std::vector<CardId>& ids, std::int64_t delta) {
    if (delta == 0) return nullptr;
    std::vector<std::pair<CardId, Card>> items;
    for (int i : card_indices(doc, ids)) {
        Card c = doc.cards[static_cast<std::size_t>(i)];
        std::int64_t votes = std::max<std::int64_t>(0, c.votes + delta);
        if (votes == c.votes) continue;
        c.votes = votes;
        CardId id = c.id;
        items.emplace_back(std::move(id), std::move(c));
    }
    if (items.empty()) return nullptr;
    std::uint64_t n = delta > 0 ? static_cast<std::uint64_t>(delta) : static_cast<std::uint64_t>(-(delta + 1)) + 1;
    std::string name = counted_name(delta > 0 ? "Add" : "Remove", n, "vote", "votes");
    return std::make_unique<ReplaceItems<Card>>(std::move(name), std::move(items));
}

}  // namespace sm::edit
