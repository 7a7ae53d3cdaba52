// Stagemap — tests for card commands.
#include <doctest/doctest.h>

#include "edit_fixture.h"
#include "edit/primitives.h"

namespace sm::edit::test {

namespace {
std::string cell(const Document& d, const char* lane, const char* step) {
    std::string s;
    for (const CardId& id : cell_cards(d, LaneId(lane), StepId(step))) s += (s.empty() ? "" : " ") + id.value;
    return s;
}
}  // namespace

// [SECTION] Queries
TEST_CASE("cards: cell queries") {
    Document d = fixture();
    CHECK(cell(d, "fr", "eat") == "c10 c11 c12");
    CHECK(cell(d, "ba", "eat") == "");
    CHECK(cell_position(d, CardId("c11")) == 1);
    CHECK(cell_position(d, CardId("c1")) == 0);
    CHECK(cell_position(d, CardId("nope")) == -1);
}

// [SECTION] Add and edit
TEST_CASE("cards: add at a position in the cell") {
    Document d = fixture();
    Card c = new_card(d, LaneId("fr"), StepId("eat"), "Birthday song");
    CHECK(c.id.value == "card-1");
    auto cmd = add_card(d, c, 0);
    CHECK(cmd->name() == "Add card");
    CHECK(cell(round_trip(d, std::move(cmd)), "fr", "eat") == "card-1 c10 c11 c12");
    CHECK(cell(round_trip(d, add_card(d, c, 2)), "fr", "eat") == "c10 c11 card-1 c12");
    CHECK(cell(round_trip(d, add_card(d, c)), "fr", "eat") == "c10 c11 c12 card-1");
    CHECK(cell(round_trip(d, add_card(d, c, 99)), "fr", "eat") == "c10 c11 c12 card-1");
    Card e = new_card(d, LaneId("ba"), StepId("eat"), "Wash pots");  // an empty cell
    CHECK(cell(round_trip(d, add_card(d, e, 0)), "ba", "eat") == "card-1");
    // Refused and sanitized.
    CHECK(add_card(d, new_card(d, LaneId("nope"), StepId("eat"), "x")) == nullptr);
    CHECK(add_card(d, d.cards[0]) == nullptr);  // id used
    Card bad = c;
    bad.wait_min = -1;
    CHECK(add_card(d, bad) == nullptr);
    Card odd = c;
    odd.tiers = {TierId("vip"), TierId("gone"), TierId("vip")};
    odd.votes = -4;
    Document after = round_trip(d, add_card(d, odd));
    CHECK(after.find(CardId("card-1"))->tiers == std::vector{TierId("vip")});
    CHECK(after.find(CardId("card-1"))->votes == 0);
}

TEST_CASE("cards: set fields, keeping the id") {
    Document d = fixture();
    Card v = d.cards[9];
    v.id = CardId("other");
    v.title = "Noodle dance";
    v.fail = "Noodle breaks";
    v.wait_min = 2.5;
    v.channel = Channel::Staff;
    v.owner = "Master Li";
    v.extra.push_back({"x-k", "\"v\""});
    auto cmd = set_card(d, CardId("c10"), v);
    CHECK(cmd->name() == "Edit card");
    Document after = round_trip(d, std::move(cmd));
    v.id = CardId("c10");
    CHECK(after.cards[9] == v);
    CHECK(set_card(d, CardId("c10"), d.cards[9]) == nullptr);
    CHECK(set_card(d, CardId("nope"), v) == nullptr);
    // A new cell in the value moves the card to the bottom of that cell.
    v.lane = LaneId("fr");
    v.step = StepId("wait");
    after = round_trip(d, set_card(d, CardId("c10"), v));
    CHECK(cell(after, "fr", "wait") == "c2 c3 c10");
    CHECK(cell(after, "fr", "eat") == "c11 c12");
    // Several cards at once keep their cells.
    Card a = d.cards[0], b = d.cards[13];
    a.owner = b.owner = "Host";
    b.lane = LaneId("su");
    cmd = set_cards(d, {a, b, a});
    CHECK(cmd->name() == "Edit 2 cards");
    after = round_trip(d, std::move(cmd));
    CHECK(after.cards[0].owner == "Host");
    CHECK(after.cards[13].lane.value == "ev");
    CHECK(set_cards(d, {d.cards[0]}) == nullptr);
}

// [SECTION] Delete
TEST_CASE("cards: delete several with their connectors") {
    Document d = fixture();
    auto cmd = delete_cards(d, {CardId("c7"), CardId("c1"), CardId("nope"), CardId("c7")});
    CHECK(cmd->name() == "Delete 2 cards");
    Document after = round_trip(d, std::move(cmd));
    CHECK(after.cards.size() == d.cards.size() - 2);
    CHECK(after.connectors.size() == d.connectors.size() - 3);
    cmd = delete_cards(d, {CardId("c14")});
    CHECK(cmd->name() == "Delete card");
    // The last card of a cell, and the last card of the document.
    after = round_trip(d, std::move(cmd));
    CHECK(cell(after, "ev", "pay") == "");
    CHECK(after.connectors.size() == d.connectors.size() - 1);
    std::vector<CardId> all;
    for (const Card& c : d.cards) all.push_back(c.id);
    after = round_trip(d, delete_cards(d, all));
    CHECK(after.cards.empty());
    CHECK(after.connectors.empty());
    CHECK(delete_cards(d, {}) == nullptr);
    CHECK(delete_cards(d, {CardId("nope")}) == nullptr);
}

// [SECTION] Move
TEST_CASE("cards: move within a cell") {
    Document d = fixture();
    CHECK(cell(round_trip(d, move_cards(d, {CardId("c10")}, LaneId("fr"), StepId("eat"), 2)), "fr", "eat") ==
          "c11 c12 c10");  // first to last
    CHECK(cell(round_trip(d, move_cards(d, {CardId("c12")}, LaneId("fr"), StepId("eat"), 0)), "fr", "eat") ==
          "c12 c10 c11");  // last to first
    CHECK(cell(round_trip(d, move_cards(d, {CardId("c10")}, LaneId("fr"), StepId("eat"), 1)), "fr", "eat") ==
          "c11 c10 c12");
    // Same cell, same place: nothing to do.
    CHECK(move_cards(d, {CardId("c10")}, LaneId("fr"), StepId("eat"), 0) == nullptr);
    CHECK(move_cards(d, {CardId("c12")}, LaneId("fr"), StepId("eat")) == nullptr);
    CHECK(move_cards(d, {CardId("c11"), CardId("c12")}, LaneId("fr"), StepId("eat"), 1) == nullptr);
    // Two non-adjacent cards gathered in the same cell.
    auto cmd = move_cards(d, {CardId("c12"), CardId("c10")}, LaneId("fr"), StepId("eat"), 0);
    CHECK(cmd->name() == "Move 2 cards");
    CHECK(cell(round_trip(d, std::move(cmd)), "fr", "eat") == "c10 c12 c11");
}

TEST_CASE("cards: move to another cell") {
    Document d = fixture();
    auto cmd = move_cards(d, {CardId("c11")}, LaneId("cu"), StepId("wait"), 0);
    CHECK(cmd->name() == "Move card");
    Document after = round_trip(d, std::move(cmd));
    CHECK(cell(after, "cu", "wait") == "c11 c1");
    CHECK(cell(after, "fr", "eat") == "c10 c12");
    // Into an empty cell, and the last card of a cell leaving it.
    after = round_trip(d, move_cards(d, {CardId("c8")}, LaneId("ba"), StepId("exit")));
    CHECK(cell(after, "ba", "exit") == "c8");
    CHECK(cell(after, "su", "order") == "");
    // Several cards from several cells, keeping connectors.
    after = round_trip(d, move_cards(d, {CardId("c2"), CardId("c13"), CardId("c9")}, LaneId("fr"), StepId("eat"), 1));
    CHECK(cell(after, "fr", "eat") == "c10 c2 c9 c13 c11 c12");
    CHECK(after.connectors == d.connectors);
    CHECK(move_cards(d, {CardId("c1")}, LaneId("nope"), StepId("eat")) == nullptr);
    CHECK(move_cards(d, {}, LaneId("fr"), StepId("eat")) == nullptr);
}

// [SECTION] Duplicate
TEST_CASE("cards: duplicate places copies right after the originals") {
    Document d = fixture();
    NewCards r = duplicate_cards(d, {CardId("c10"), CardId("c9"), CardId("c4")});
    CHECK(r.command->name() == "Duplicate 3 cards");
    REQUIRE(r.ids.size() == 3);
    CHECK(r.ids[0].value == "card-1");  // c4's copy: ids follow array order
    Document after = round_trip(d, std::move(r.command));
    CHECK(ids_of(after.cards) == "c1 c2 c3 c4 card-1 c5 c6 c7 c8 c9 card-2 c10 card-3 c11 c12 c13 c14");
    CHECK(after.find(CardId("card-3"))->title == "Noodle show");
    CHECK(after.find(CardId("card-3"))->tiers == d.cards[9].tiers);
    // The connector c9 → c10 comes along as card-2 → card-3; c4 → c5 does not.
    REQUIRE(after.connectors.size() == d.connectors.size() + 1);
    CHECK(after.connectors.back().from.value == "card-2");
    CHECK(after.connectors.back().to.value == "card-3");
    CHECK(after.connectors.back().direction == Direction::Both);
    // The last card of the document.
    r = duplicate_cards(d, {CardId("c14")});
    CHECK(r.command->name() == "Duplicate card");
    CHECK(round_trip(d, std::move(r.command)).cards.back().id.value == "card-1");
    CHECK(duplicate_cards(d, {CardId("nope")}).command == nullptr);
}

// [SECTION] Votes
TEST_CASE("cards: votes") {
    Document d = fixture();
    auto cmd = change_votes(d, {CardId("c10"), CardId("c1")}, 1);
    CHECK(cmd->name() == "Add vote");
    Document after = round_trip(d, std::move(cmd));
    CHECK(after.cards[9].votes == 4);
    CHECK(after.cards[0].votes == 1);
    cmd = change_votes(d, {CardId("c10"), CardId("c1")}, -2);
    CHECK(cmd->name() == "Remove 2 votes");
    after = round_trip(d, std::move(cmd));
    CHECK(after.cards[9].votes == 1);
    CHECK(after.cards[0].votes == 0);
    CHECK(change_votes(d, {CardId("c1")}, -1) == nullptr);  // already 0
    CHECK(change_votes(d, {CardId("c1")}, 0) == nullptr);
    CHECK(change_votes(d, {CardId("c10")}, 5)->name() == "Add 5 votes");
}

// [SECTION] Relocation of one item
// One item is relocated by shifting only the items between its old and new places: the result
// must be what erasing it and inserting its new value would give, for every pair of places.
TEST_CASE("cards: relocating one card equals erase and insert") {
    const Document d = fixture();
    const int n = static_cast<int>(d.cards.size());
    for (int from = 0; from < n; ++from) {
        for (int at = -1; at <= n; ++at) {
            const Card& moving = d.cards[static_cast<std::size_t>(from)];
            Card value = moving;
            value.title = "moved";
            Document expected = d;
            expected.cards.erase(expected.cards.begin() + from);
            const int slot = at < 0 || at > n - 1 ? n - 1 : at;
            expected.cards.insert(expected.cards.begin() + slot, value);
            const CardId id = moving.id;
            Document after =
                round_trip(d, std::make_unique<RelocateItems<Card>>("Move card", std::vector{id}, std::vector{value}, at));
            CHECK_MESSAGE(ids_of(after.cards) == ids_of(expected.cards), "from ", from, " at ", at);
            CHECK(after == expected);
        }
    }
}

}  // namespace sm::edit::test
