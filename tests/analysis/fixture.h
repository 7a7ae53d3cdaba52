// Stagemap — test fixtures for the analysis: small documents built in C++.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace fx {

// [SECTION] Builders
inline sm::Step step(std::string id, std::optional<int> emotion, std::optional<double> duration = {},
                     std::string phase = "p") {
    sm::Step s;
    s.id = sm::StepId{id};
    s.name = "Step " + id;
    s.phase = sm::PhaseId{std::move(phase)};
    s.emotion = emotion;
    s.duration_min = duration;
    return s;
}

inline sm::Lane lane(std::string id, sm::LaneKind kind) {
    sm::Lane l;
    l.id = sm::LaneId{id};
    l.name = "Lane " + id;
    l.kind = kind;
    return l;
}

inline sm::Card card(std::string id, std::string lane, std::string step, std::string title,
                     std::vector<std::string> tiers = {}) {
    sm::Card c;
    c.id = sm::CardId{std::move(id)};
    c.lane = sm::LaneId{std::move(lane)};
    c.step = sm::StepId{std::move(step)};
    c.title = std::move(title);
    for (auto& t : tiers) c.tiers.push_back(sm::TierId{std::move(t)});
    return c;
}

inline sm::Tier tier(std::string id, std::string name, sm::Level current, sm::Level potential) {
    sm::Tier t;
    t.id = sm::TierId{std::move(id)};
    t.name = std::move(name);
    t.current = current;
    t.potential = potential;
    return t;
}

// One phase "p" and the given steps.
inline sm::Document steps_only(std::vector<sm::Step> steps) {
    sm::Document d;
    sm::Phase p;
    p.id = sm::PhaseId{"p"};
    p.name = "Phase";
    d.phases.push_back(p);
    d.steps = std::move(steps);
    return d;
}

// [SECTION] The hotpot visit
// A hotpot restaurant visit (domain.md §4), small enough to work every number by hand.
//
// phase   step      name               emotion  minutes  need              opportunity
// arrive  s-wait    Wait for a table   -1       20       a seat soon       Serve snacks
// arrive  s-seat    Be seated           0        5
// eat     s-noodle  Noodle show        +2       10       fun
// eat     s-eat     Eat                +1       40
// leave   s-pay     Pay the bill       -1        5       a correct bill
// leave   s-bye     Say goodbye        +1        2
//
// lanes: ev evidence, cu customer, fr frontstage, ba backstage, su support, cx custom
// tiers: t-value (high/high), t-sub (high/low), t-potential (low/high), t-low (low/low)
//
// card        lane step      title                      extra
// c-queue     cu   s-wait    Take a queue number        wait 15, votes 2
// c-snack     fr   s-wait    Serve snacks while waiting
// c-seat      cu   s-seat    Sit down
// c-menu      ev   s-seat    Menu tablet
// c-noodle    fr   s-noodle  Noodle master performs     votes 5
// c-dish      fr   s-eat     Serve dishes               fail "wrong dish"
// c-kitchen   ba   s-eat     Kitchen prepares
// c-eat       cu   s-eat     Eat
// c-bill      fr   s-pay     Present the bill           fail "slow bill", wait 5, tiers {t-value}
// c-pay       cu   s-pay     Pay
// c-crm       su   s-bye     CRM stores preferences     tiers {t-value, t-potential}
// c-bye       fr   s-bye     Say goodbye
// c-followup  fr   s-bye     Plan a follow-up           detail "回访 within a week", tiers {t-potential}
// c-note      cx   s-bye     Note                       tiers {all four}
//
// connectors: c-queue -> c-snack, c-dish <-> c-kitchen
inline sm::Document hotpot() {
    using sm::Level;
    using sm::LaneKind;
    sm::Document d;
    d.title = "Hotpot visit";
    for (auto [id, name] : {std::pair{"arrive", "Arrive"}, {"eat", "Eat"}, {"leave", "Leave"}}) {
        sm::Phase p;
        p.id = sm::PhaseId{id};
        p.name = name;
        d.phases.push_back(p);
    }
    auto add_step = [&d](std::string id, std::string phase, std::string name, int e, double minutes,
                         std::string need = "", std::string opportunity = "") {
        sm::Step s = step(std::move(id), e, minutes, std::move(phase));
        s.name = std::move(name);
        s.need = std::move(need);
        s.opportunity = std::move(opportunity);
        d.steps.push_back(std::move(s));
    };
    add_step("s-wait", "arrive", "Wait for a table", -1, 20, "a seat soon", "Serve snacks");
    add_step("s-seat", "arrive", "Be seated", 0, 5);
    add_step("s-noodle", "eat", "Noodle show", +2, 10, "fun");
    add_step("s-eat", "eat", "Eat", +1, 40);
    add_step("s-pay", "leave", "Pay the bill", -1, 5, "a correct bill");
    add_step("s-bye", "leave", "Say goodbye", +1, 2);

    d.lanes = {lane("ev", LaneKind::Evidence),  lane("cu", LaneKind::Customer), lane("fr", LaneKind::Frontstage),
               lane("ba", LaneKind::Backstage), lane("su", LaneKind::Support),  lane("cx", LaneKind::Custom)};

    d.tiers = {tier("t-value", "Value", Level::High, Level::High), tier("t-sub", "Sub-value", Level::High, Level::Low),
               tier("t-potential", "Potential", Level::Low, Level::High),
               tier("t-low", "Low value", Level::Low, Level::Low)};

    d.cards.push_back(card("c-queue", "cu", "s-wait", "Take a queue number"));
    d.cards.back().wait_min = 15;
    d.cards.back().votes = 2;
    d.cards.push_back(card("c-snack", "fr", "s-wait", "Serve snacks while waiting"));
    d.cards.push_back(card("c-seat", "cu", "s-seat", "Sit down"));
    d.cards.push_back(card("c-menu", "ev", "s-seat", "Menu tablet"));
    d.cards.push_back(card("c-noodle", "fr", "s-noodle", "Noodle master performs"));
    d.cards.back().votes = 5;
    d.cards.push_back(card("c-dish", "fr", "s-eat", "Serve dishes"));
    d.cards.back().fail = "wrong dish";
    d.cards.push_back(card("c-kitchen", "ba", "s-eat", "Kitchen prepares"));
    d.cards.push_back(card("c-eat", "cu", "s-eat", "Eat"));
    d.cards.push_back(card("c-bill", "fr", "s-pay", "Present the bill", {"t-value"}));
    d.cards.back().fail = "slow bill";
    d.cards.back().wait_min = 5;
    d.cards.push_back(card("c-pay", "cu", "s-pay", "Pay"));
    d.cards.push_back(card("c-crm", "su", "s-bye", "CRM stores preferences", {"t-value", "t-potential"}));
    d.cards.push_back(card("c-bye", "fr", "s-bye", "Say goodbye"));
    d.cards.push_back(card("c-followup", "fr", "s-bye", "Plan a follow-up", {"t-potential"}));
    d.cards.back().detail = "回访 within a week";
    d.cards.push_back(card("c-note", "cx", "s-bye", "Note", {"t-value", "t-sub", "t-potential", "t-low"}));

    sm::Connector a;
    a.from = sm::CardId{"c-queue"};
    a.to = sm::CardId{"c-snack"};
    sm::Connector b;
    b.from = sm::CardId{"c-dish"};
    b.to = sm::CardId{"c-kitchen"};
    b.direction = sm::Direction::Both;
    d.connectors = {a, b};
    return d;
}

}  // namespace fx
