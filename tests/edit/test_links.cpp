// Stagemap — tests for connector, tier, clipboard and document-field commands.
#include <doctest/doctest.h>

#include "edit_fixture.h"

namespace sm::edit::test {

// [SECTION] Connectors
TEST_CASE("connectors: add, refuse a loop") {
    Document d = fixture();
    auto cmd = add_connector(d, CardId("c10"), CardId("c11"), Direction::Both, "together");
    CHECK(cmd->name() == "Add connector");
    Document after = round_trip(d, std::move(cmd));
    REQUIRE(after.connectors.size() == d.connectors.size() + 1);
    CHECK(after.connectors.back().label == "together");
    CHECK(after.connectors.back().direction == Direction::Both);
    CHECK(add_connector(d, CardId("c1"), CardId("c1")) == nullptr);
    CHECK(add_connector(d, CardId("c1"), CardId("nope")) == nullptr);
    CHECK(add_connector(d, CardId("c1"), CardId("c2")) == nullptr);  // already there
    CHECK(add_connector(d, CardId("c2"), CardId("c1")) != nullptr);  // the other way is new
}

TEST_CASE("connectors: set, reverse, delete by reference") {
    Document d = fixture();
    ConnectorRef ref = connector_ref(d, 1);
    CHECK(ref.from.value == "c6");
    CHECK(resolve(d, ref) == 1);
    CHECK(resolve(d, ConnectorRef{4, CardId("c6"), CardId("c7")}) == 1);  // stale index, same ends
    CHECK(resolve(d, ConnectorRef{1, CardId("c6"), CardId("c9")}) == -1);

    Connector v = d.connectors[1];
    v.label = "sends";
    v.direction = Direction::None;
    v.to = CardId("c8");
    auto cmd = set_connector(d, ref, v);
    CHECK(cmd->name() == "Edit connector");
    CHECK(round_trip(d, std::move(cmd)).connectors[1] == v);
    v.to = CardId("c6");
    CHECK(set_connector(d, ref, v) == nullptr);  // loop
    CHECK(set_connector(d, ref, d.connectors[1]) == nullptr);
    v = d.connectors[1];
    v.from = CardId("c7");
    v.to = CardId("c8");
    CHECK(set_connector(d, ref, v) == nullptr);  // same as connector 2

    Document after = round_trip(d, reverse_connector(d, ref));
    CHECK(after.connectors[1].from.value == "c7");
    CHECK(after.connectors[1].to.value == "c6");

    cmd = delete_connector(d, connector_ref(d, 0));  // the first
    CHECK(cmd->name() == "Delete connector");
    after = round_trip(d, std::move(cmd));
    CHECK(after.connectors.front().from.value == "c6");
    after = round_trip(d, delete_connector(d, connector_ref(d, 5)));  // the last
    CHECK(after.connectors.size() == 5);
    cmd = delete_connectors(d, {connector_ref(d, 1), connector_ref(d, 4), connector_ref(d, 1)});
    CHECK(cmd->name() == "Delete 2 connectors");
    after = round_trip(d, std::move(cmd));
    CHECK(after.connectors.size() == 4);
    CHECK(delete_connector(d, ConnectorRef{}) == nullptr);
}

// [SECTION] Tiers
TEST_CASE("tiers: add, rename, set, move") {
    Document d = fixture();
    Tier t = new_tier(d, "Growth");
    CHECK(t.id.value == "tier-1");
    CHECK(ids_of(round_trip(d, add_tier(d, t, 0)).tiers) == "tier-1 vip reg");
    CHECK(ids_of(round_trip(d, add_tier(d, t)).tiers) == "vip reg tier-1");
    t.visit_days = 0;
    CHECK(add_tier(d, t) == nullptr);
    CHECK(add_tier(d, d.tiers[0]) == nullptr);

    CHECK(round_trip(d, rename_tier(d, TierId("reg"), "Standard")).tiers[1].name == "Standard");
    Tier v = d.tiers[1];
    v.color = Color{1, 2, 3};
    v.visit_days = 30;
    v.strategy = "Guide";
    auto cmd = set_tier(d, TierId("reg"), v);
    CHECK(cmd->name() == "Edit tier");
    CHECK(round_trip(d, std::move(cmd)).tiers[1] == v);

    CHECK(ids_of(round_trip(d, move_tier(d, TierId("vip"), 1)).tiers) == "reg vip");
    CHECK(ids_of(round_trip(d, move_tier(d, TierId("reg"), 0)).tiers) == "reg vip");
    CHECK(move_tier(d, TierId("reg"), 1) == nullptr);
}

TEST_CASE("tiers: delete removes links in the same step") {
    Document d = fixture();
    auto cmd = delete_tier(d, TierId("vip"));
    CHECK(cmd->name() == "Delete tier");
    Document after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.tiers) == "reg");
    CHECK(after.cards[1].tiers.empty());
    CHECK(after.cards[9].tiers == std::vector{TierId("reg")});
    History h(d);
    h.execute(delete_tier(d, TierId("vip")));
    CHECK(h.undo_count() == 1);
}

TEST_CASE("tiers: apply a tier set and its links") {
    Document d = fixture();
    auto preset = tier_preset(TierPreset::CoreImportantRegular, "zh-CN");
    REQUIRE(preset.size() == 3);
    CHECK(preset[0].name == "核心客户");
    CHECK(tier_preset(TierPreset::CoreImportantRegular, "en")[0].name == "Core");
    CHECK(tier_preset(TierPreset::ValueQuadrants, "en").size() == 4);
    // Key-account grades 特级 / A / B / C: visits every 3.5, 7, 14 and 30 days.
    const auto grades = tier_preset(TierPreset::KeyAccountGrades, "zh-CN");
    REQUIRE(grades.size() == 4);
    CHECK(grades[0].name == "特级");
    CHECK(grades[0].visit_days == 3.5);
    CHECK(grades[1].visit_days == 7.0);
    CHECK(grades[2].visit_days == 14.0);
    CHECK(grades[3].visit_days == 30.0);
    CHECK(grades[3].strategy == "每月拜访一次");
    auto cmd = apply_tier_set(d, preset);
    CHECK(cmd->name() == "Apply tier set");
    Document after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.tiers) == "core important regular");
    for (const Card& c : after.cards) CHECK(c.tiers.empty());
    // Ids kept in the new set keep their links.
    std::vector<Tier> kept = {d.tiers[1], preset[0]};
    after = round_trip(d, apply_tier_set(d, kept));
    CHECK(after.cards[9].tiers == std::vector{TierId("reg")});
    CHECK(after.cards[1].tiers.empty());
    CHECK(!round_trip(d, apply_tier_set(d, {})).tiers.size());
    CHECK(apply_tier_set(d, d.tiers) == nullptr);
    CHECK(apply_tier_set(d, {preset[0], preset[0]}) == nullptr);  // repeated id
    Tier clash = preset[0];
    clash.id = TierId("c1");
    CHECK(apply_tier_set(d, {clash}) == nullptr);  // id of a card
}

TEST_CASE("tiers: links of several cards, one checkbox per tier") {
    Document d = fixture();
    std::vector<CardId> sel = {CardId("c2"), CardId("c10"), CardId("c1")};
    CHECK(tier_link_state(d, sel, TierId("vip")) == LinkState::Some);
    CHECK(tier_link_state(d, sel, TierId("reg")) == LinkState::Some);
    CHECK(tier_link_state(d, {CardId("c2"), CardId("c10")}, TierId("vip")) == LinkState::All);
    CHECK(tier_link_state(d, {CardId("c1")}, TierId("vip")) == LinkState::None);

    auto cmd = set_tier_links(d, sel, {{TierId("vip"), true}});
    CHECK(cmd->name() == "Set tiers of card");  // only c1 changes
    Document after = round_trip(d, std::move(cmd));
    CHECK(tier_link_state(after, sel, TierId("vip")) == LinkState::All);

    cmd = set_tier_links(d, sel, {{TierId("reg"), true}, {TierId("vip"), false}});
    CHECK(cmd->name() == "Set tiers of 3 cards");
    after = round_trip(d, std::move(cmd));
    for (const CardId& id : sel) CHECK(after.find(id)->tiers == std::vector{TierId("reg")});
    CHECK(set_tier_links(d, sel, {{TierId("gone"), true}}) == nullptr);
    CHECK(set_tier_links(d, {CardId("c1")}, {{TierId("vip"), false}}) == nullptr);
}

// [SECTION] Clipboard
TEST_CASE("clipboard: paste cards and the connectors among them") {
    Document d = fixture();
    Clip clip = copy_cards(d, {CardId("c7"), CardId("c6"), CardId("c8")});
    CHECK(ids_of(clip.cards) == "c6 c7 c8");
    CHECK(clip.connectors.size() == 2);
    clip.cards[2].tiers = {TierId("vip"), TierId("from-elsewhere")};
    clip.connectors.push_back(Connector{CardId("c6"), CardId("c99"), Direction::Forward, "", {}});  // dangling
    NewCards r = paste_cards(d, clip.cards, clip.connectors, LaneId("ba"), StepId("eat"));
    CHECK(r.command->name() == "Paste 3 cards");
    CHECK(r.ids.size() == 3);
    Document after = round_trip(d, std::move(r.command));
    std::string s;
    for (const CardId& id : cell_cards(after, LaneId("ba"), StepId("eat"))) s += id.value + " ";
    CHECK(s == "card-1 card-2 card-3 ");
    CHECK(after.find(CardId("card-3"))->tiers == std::vector{TierId("vip")});
    REQUIRE(after.connectors.size() == d.connectors.size() + 2);
    CHECK(after.connectors[6].from.value == "card-1");
    CHECK(after.connectors[6].to.value == "card-2");
    CHECK(after.connectors[6].label == "order");
    // At a position in a filled cell.
    r = paste_cards(d, {d.cards[0]}, {}, LaneId("fr"), StepId("eat"), 1);
    CHECK(r.command->name() == "Paste card");
    after = round_trip(d, std::move(r.command));
    s.clear();
    for (const CardId& id : cell_cards(after, LaneId("fr"), StepId("eat"))) s += id.value + " ";
    CHECK(s == "c10 card-1 c11 c12 ");
    CHECK(paste_cards(d, {}, {}, LaneId("fr"), StepId("eat")).command == nullptr);
    CHECK(paste_cards(d, clip.cards, {}, LaneId("fr"), StepId("nope")).command == nullptr);
}

// [SECTION] Document fields
TEST_CASE("document: title, description, locale") {
    Document d = fixture();
    auto cmd = set_title(d, "火锅店就餐");
    CHECK(cmd->name() == "Change title");
    CHECK(round_trip(d, std::move(cmd)).title == "火锅店就餐");
    CHECK(round_trip(d, set_description(d, "")).description.empty());
    CHECK(round_trip(d, set_locale(d, "zh-CN")).locale == "zh-CN");
    CHECK(set_title(d, d.title) == nullptr);
    CHECK(set_locale(d, "en") == nullptr);
}

// [SECTION] Fixture
TEST_CASE("fixture: valid, and the invariant checks can fail") {
    Document d = fixture();
    CHECK(io::validate(d).size() == 0);
    CHECK(io::load_text(io::to_text(d)).document == d);
    d.cards[0].step = StepId("nope");
    CHECK(!io::validate(d).empty());
}

// [SECTION] History
TEST_CASE("history: null commands, names, dirty flag") {
    Document d = fixture();
    History h(d);
    h.execute(nullptr);
    CHECK(!h.can_undo());
    CHECK(!h.dirty());
    h.execute(rename_phase(h.document(), PhaseId("dine"), "Meal"));
    h.execute(delete_cards(h.document(), {CardId("c1"), CardId("c2"), CardId("c3")}));
    CHECK(h.undo_name() == "Delete 3 cards");
    h.mark_saved();
    CHECK(!h.dirty());
    h.undo();
    CHECK(h.redo_name() == "Delete 3 cards");
    CHECK(h.undo_name() == "Rename phase");
    CHECK(h.dirty());
    h.redo();
    CHECK(!h.dirty());
    h.undo();
    h.undo();
    check_same(h.document(), d);
    h.execute(set_title(h.document(), "New"));  // drops the redo stack
    CHECK(!h.can_redo());
    CHECK(h.dirty());
}

}  // namespace sm::edit::test
