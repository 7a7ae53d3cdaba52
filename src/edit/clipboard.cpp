#include "edit/clipboard.h"

#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "edit/primitives.h"

namespace sm::edit {

// [SECTION] Copy
Clip copy_cards(const Document& doc, const std::vector<CardId>& ids) {
    Clip clip;
    std::unordered_set<CardId> wanted(ids.begin(), ids.end());
    for (const Card& c : doc.cards)
        if (wanted.count(c.id)) clip.cards.push_back(c);
    for (const Connector& c : doc.connectors)
        if (wanted.count(c.from) && wanted.count(c.to)) clip.connectors.push_back(c);
    return clip;
}

// [SECTION] Paste
NewCards paste_cards(const Document& doc, const std::vector<Card>& cards, const std::vector<Connector>& connectors,
                     const LaneId& lane, const StepId& step, int position) {
    NewCards result;
    if (cards.empty() || !doc.find(lane) || !doc.find(step)) return result;

    // Where the pasted cards start: the slot of rank `position` in the target cell.
    int at = -1;
    {
        int rank = 0;
        int last_in_cell = -1;
        for (std::size_t i = 0; i < doc.cards.size(); ++i) {
            const Card& c = doc.cards[i];
            if (c.lane != lane || c.step != step) continue;
            if (rank == position) {
                at = static_cast<int>(i);
                break;
            }
            last_in_cell = static_cast<int>(i);
            ++rank;
        }
        if (at < 0) at = last_in_cell >= 0 ? last_in_cell + 1 : static_cast<int>(doc.cards.size());
    }

    IdSource fresh(doc);
    std::unordered_map<CardId, CardId> new_id_of;
    std::vector<std::pair<int, Card>> items;
    for (const Card& original : cards) {
        Card c = original;
        c.id = CardId(fresh.next("card"));
        c.lane = lane;
        c.step = step;
        if (c.wait_min && !(*c.wait_min >= 0)) c.wait_min.reset();
        if (!sanitize_card(doc, c)) continue;
        new_id_of.emplace(original.id, c.id);
        result.ids.push_back(c.id);
        items.emplace_back(at++, std::move(c));
    }
    if (items.empty()) return result;

    std::vector<std::pair<int, Connector>> arrows;
    std::unordered_set<std::string> seen;  // "from\nto" of the arrows already pasted
    int end = static_cast<int>(doc.connectors.size());
    for (const Connector& original : connectors) {
        auto from = new_id_of.find(original.from), to = new_id_of.find(original.to);
        if (from == new_id_of.end() || to == new_id_of.end() || from->second == to->second) continue;
        if (!seen.insert(from->second.value + '\n' + to->second.value).second) continue;
        Connector c = original;
        c.from = from->second;
        c.to = to->second;
        arrows.emplace_back(end++, std::move(c));
    }

    std::string name = counted_name("Paste", items.size(), "card", "cards");
    std::vector<CommandPtr> parts;
    parts.push_back(std::make_unique<InsertItems<Card>>(name, std::move(items)));
    if (!arrows.empty()) parts.push_back(std::make_unique<InsertItems<Connector>>("Add connectors", std::move(arrows)));
    result.command = finish(std::move(name), std::move(parts));
    return result;
}

}  // namespace sm::edit
