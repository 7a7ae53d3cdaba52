// Stagemap tests — small blueprints built in C++ for the layout tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace sm::test {

// "prefix" followed by n, e.g. numbered("card-", 3) == "card-3".
inline std::string numbered(std::string_view prefix, long long n) {
    std::string s(prefix);
    s.append(std::to_string(n));
    return s;
}

inline Step make_step(std::string id, std::string phase, std::string name, std::optional<int> emotion = {}) {
    Step s;
    s.id = StepId(std::move(id));
    s.phase = PhaseId(std::move(phase));
    s.name = std::move(name);
    s.emotion = emotion;
    return s;
}

inline Lane make_lane(std::string id, LaneKind kind, std::string name) {
    Lane l;
    l.id = LaneId(std::move(id));
    l.kind = kind;
    l.name = std::move(name);
    return l;
}

inline Card make_card(std::string id, std::string lane, std::string step, std::string title) {
    Card c;
    c.id = CardId(std::move(id));
    c.lane = LaneId(std::move(lane));
    c.step = StepId(std::move(step));
    c.title = std::move(title);
    return c;
}

inline Connector make_connector(std::string from, std::string to, Direction d = Direction::Forward,
                                std::string label = {}) {
    Connector c;
    c.from = CardId(std::move(from));
    c.to = CardId(std::move(to));
    c.direction = d;
    c.label = std::move(label);
    return c;
}

// Two phases with steps and one without; the five canonical lanes; a few cards, some stacked.
inline Document small_blueprint() {
    Document d;
    d.title = "Coffee to go · 外带咖啡";
    d.phases = {{PhaseId("order"), "Order", "", {}}, {PhaseId("wait"), "Wait", "", {}}, {PhaseId("drink"), "Drink", "", {}}};
    d.steps = {make_step("s1", "order", "Queue", -1), make_step("s2", "order", "Pay at the counter", 1),
               make_step("s3", "drink", "Sip", 2)};
    d.steps[1].duration_min = 2;
    d.lanes = {make_lane("ev", LaneKind::Evidence, "Evidence"), make_lane("cu", LaneKind::Customer, "Customer"),
               make_lane("fr", LaneKind::Frontstage, "Barista"), make_lane("ba", LaneKind::Backstage, "Kitchen"),
               make_lane("su", LaneKind::Support, "Systems")};
    d.cards = {make_card("c1", "cu", "s1", "Joins the queue"),
               make_card("c2", "fr", "s2", "Takes payment and asks for the name to write on the cup"),
               make_card("c3", "fr", "s2", "收银并询问杯上写的名字"),
               make_card("c4", "ba", "s3", "Pulls the shot"),
               make_card("c5", "su", "s2", "Order screen"),
               make_card("c6", "cu", "s2", "Pays"),
               make_card("c7", "ev", "s3", "Paper cup")};
    d.cards[1].fail = "wrong name";
    d.cards[3].wait_min = 18;
    d.cards[1].channel = Channel::Staff;
    d.cards[1].votes = 3;
    Tier t;
    t.id = TierId("regular");
    t.name = "Regulars";
    t.color = Color{30, 136, 229};
    d.tiers = {t};
    d.cards[1].tiers = {TierId("regular")};
    d.connectors = {make_connector("c1", "c6"), make_connector("c6", "c2", Direction::Both, "hands card"),
                    make_connector("c2", "c4", Direction::None)};
    return d;
}

}  // namespace sm::test
