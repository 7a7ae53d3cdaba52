// Stagemap — shared helpers for the edit tests: a fixture blueprint, the invariants every
// command must keep, and the do → undo → redo check.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "edit/edit.h"
#include "io/blueprint_io.h"
#include "model/document.h"

namespace sm::edit::test {

// [SECTION] Fixture
// A small hotpot-restaurant blueprint: 3 phases, 6 steps, 5 lanes, 14 cards (some cells
// stacked), 6 connectors, 2 tiers, unknown keys here and there.
inline Document fixture() {
    Document d;
    d.title = "Hotpot visit";
    d.description = "A guest's evening at a hotpot restaurant";
    d.locale = "en";
    d.extra = {{"x-author", "\"team\""}};
    d.phases = {{PhaseId("arrive"), "Arrive", "", {}},
                {PhaseId("dine"), "Dine", "The meal", {{"x-color", "\"#ff0000\""}}},
                {PhaseId("leave"), "Leave", "", {}}};
    auto step = [](const char* id, const char* phase, const char* name, std::optional<int> emotion) {
        Step s;
        s.id = StepId(id);
        s.phase = PhaseId(phase);
        s.name = name;
        s.emotion = emotion;
        return s;
    };
    d.steps = {step("wait", "arrive", "Wait for a table", -1), step("seat", "arrive", "Be seated", 1),
               step("order", "dine", "Order", 0),          step("eat", "dine", "Eat", 2),
               step("pay", "leave", "Pay", std::nullopt),    step("exit", "leave", "Leave", 1)};
    d.steps[3].peak = true;
    d.steps[3].need = "Be entertained";
    d.steps[4].duration_min = 5;
    d.steps[5].end = true;
    d.steps[1].extra = {{"x-note", "{\"a\":1}"}};
    d.lanes = {{LaneId("ev"), LaneKind::Evidence, "Physical evidence", {}},
               {LaneId("cu"), LaneKind::Customer, "Customer", {}},
               {LaneId("fr"), LaneKind::Frontstage, "Frontstage", {}},
               {LaneId("ba"), LaneKind::Backstage, "Backstage", {}},
               {LaneId("su"), LaneKind::Support, "Support", {}}};
    d.tiers = {{TierId("vip"), "VIP", Color{200, 40, 40}, Level::High, Level::High, "One to one", 7.0, {}},
               {TierId("reg"), "Regular", std::nullopt, Level::Low, Level::Low, "", std::nullopt, {}}};
    auto card = [](const char* id, const char* lane, const char* step, const char* title) {
        Card c;
        c.id = CardId(id);
        c.lane = LaneId(lane);
        c.step = StepId(step);
        c.title = title;
        return c;
    };
    d.cards = {card("c1", "cu", "wait", "Take a number"),  card("c2", "fr", "wait", "Offer snacks"),
               card("c3", "fr", "wait", "Offer a manicure"), card("c4", "cu", "seat", "Sit down"),
               card("c5", "fr", "seat", "Bring lemon water"), card("c6", "cu", "order", "Order on the tablet"),
               card("c7", "ba", "order", "Send order to kitchen"), card("c8", "su", "order", "Kitchen prepares"),
               card("c9", "cu", "eat", "Eat"),              card("c10", "fr", "eat", "Noodle show"),
               card("c11", "fr", "eat", "Top up the soup"),  card("c12", "fr", "eat", "Phone bag"),
               card("c13", "cu", "pay", "Pay the bill"),     card("c14", "ev", "pay", "Bill")};
    d.cards[1].tiers = {TierId("vip")};
    d.cards[9].tiers = {TierId("vip"), TierId("reg")};
    d.cards[9].votes = 3;
    d.cards[0].wait_min = 20;
    d.cards[0].fail = "Queue too long";
    d.cards[5].channel = Channel::Digital;
    d.cards[6].extra = {{"x-ticket", "42"}};
    auto arrow = [](const char* from, const char* to, Direction dir, const char* label) {
        Connector c;
        c.from = CardId(from);
        c.to = CardId(to);
        c.direction = dir;
        c.label = label;
        return c;
    };
    d.connectors = {arrow("c1", "c2", Direction::Forward, ""),    arrow("c6", "c7", Direction::Forward, "order"),
                    arrow("c7", "c8", Direction::Forward, ""),    arrow("c9", "c10", Direction::Both, ""),
                    arrow("c13", "c14", Direction::None, "bill"), arrow("c4", "c5", Direction::Forward, "")};
    return d;
}

// [SECTION] Equality
// Equal as values and, through io, as saved bytes.
inline void check_same(const Document& a, const Document& b) {
    CHECK(a == b);
    CHECK(io::to_text(a) == io::to_text(b));
}

// [SECTION] Invariants
// What every command must keep true of a valid document.
inline void check_invariants(const Document& d) {
    std::unordered_set<std::string> ids;
    auto unique = [&](const auto& vec) {
        for (const auto& o : vec) REQUIRE_MESSAGE(ids.insert(o.id.value).second, "repeated id " << o.id.value);
    };
    unique(d.phases);
    unique(d.steps);
    unique(d.lanes);
    unique(d.cards);
    unique(d.tiers);
    std::unordered_set<std::string> finished_phases;
    for (std::size_t i = 0; i < d.steps.size(); ++i) {
        const Step& s = d.steps[i];
        REQUIRE(d.find(s.phase) != nullptr);
        if (s.emotion) REQUIRE((*s.emotion >= kEmotionMin && *s.emotion <= kEmotionMax));
        if (i > 0 && d.steps[i - 1].phase != s.phase) {
            finished_phases.insert(d.steps[i - 1].phase.value);
            REQUIRE_MESSAGE(!finished_phases.count(s.phase.value), "steps of phase " << s.phase.value << " split");
        }
    }
    for (const Card& c : d.cards) {
        REQUIRE(d.find(c.lane) != nullptr);
        REQUIRE(d.find(c.step) != nullptr);
        REQUIRE(c.votes >= 0);
        std::unordered_set<std::string> links;
        for (const TierId& t : c.tiers) {
            REQUIRE(d.find(t) != nullptr);
            REQUIRE(links.insert(t.value).second);
        }
    }
    for (const Connector& c : d.connectors) {
        REQUIRE(c.from != c.to);
        REQUIRE(d.find(c.from) != nullptr);
        REQUIRE(d.find(c.to) != nullptr);
    }
    for (const io::Diagnostic& diag : io::validate(d))
        REQUIRE_MESSAGE(diag.severity != io::Severity::Error, diag.to_string());
}

// [SECTION] Do, undo, redo
// Executes the command on a History holding `start`, then checks undo → start and
// redo → the result, three times over. Returns the document after the command.
inline Document round_trip(const Document& start, CommandPtr command) {
    REQUIRE(command != nullptr);
    History h(start);
    h.execute(std::move(command));
    Document after = h.document();
    CHECK(h.dirty());
    for (int i = 0; i < 3; ++i) {
        h.undo();
        check_same(h.document(), start);
        CHECK(!h.dirty());
        h.redo();
        check_same(h.document(), after);
    }
    check_invariants(after);
    return after;
}

// The ids of a vector of objects, in order, as one string: "a b c".
template <class T>
std::string ids_of(const std::vector<T>& v) {
    std::string s;
    for (const auto& o : v) s += (s.empty() ? "" : " ") + o.id.value;
    return s;
}

}  // namespace sm::edit::test
