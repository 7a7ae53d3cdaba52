// Stagemap — tests of the blueprint counts. Expected numbers counted by hand from fixture.h.
#include <doctest/doctest.h>

#include "analysis/stats.h"
#include "fixture.h"

using namespace sm;
using namespace sm::analysis;

TEST_CASE("stats of the hotpot visit") {
    Stats s = compute_stats(fx::hotpot());
    CHECK(s.phases == 3);
    CHECK(s.steps == 6);
    CHECK(s.lanes == 6);
    for (LaneKind k : kAllLaneKinds) {
        CAPTURE(to_string(k));
        CHECK(s.lanes_of(k) == 1);  // one lane of each kind
    }
    CHECK(s.cards == 14);
    CHECK(s.fail_points == 2);  // c-dish, c-bill
    CHECK(s.wait_points == 2);  // c-queue 15, c-bill 5
    CHECK(s.total_wait_minutes == doctest::Approx(20));
    CHECK(s.connectors == 2);
    CHECK(s.tiers == 4);
    CHECK(s.votes == 7);  // 2 + 5
    CHECK(s.total_minutes == doctest::Approx(82));  // 20 + 5 + 10 + 40 + 5 + 2
    CHECK(s.rated_steps == 6);
}

TEST_CASE("stats count lanes by kind, votes, unrated steps and missing durations") {
    Document d = fx::steps_only({fx::step("a", 1, 2.5), fx::step("b", std::nullopt), fx::step("c", -2, 0.5)});
    d.lanes = {fx::lane("c1", LaneKind::Customer), fx::lane("c2", LaneKind::Customer), fx::lane("x", LaneKind::Custom),
               fx::lane("s", LaneKind::Support)};
    d.cards = {fx::card("k1", "c1", "a", "one"), fx::card("k2", "x", "b", "two"), fx::card("k3", "s", "c", "three")};
    d.cards[0].votes = 3;
    d.cards[2].votes = 4;
    d.cards[1].wait_min = 0;  // a wait point of 0 minutes is still a wait point
    d.cards[2].fail = "down";
    Stats s = compute_stats(d);
    CHECK(s.lanes == 4);
    CHECK(s.lanes_of(LaneKind::Customer) == 2);
    CHECK(s.lanes_of(LaneKind::Custom) == 1);
    CHECK(s.lanes_of(LaneKind::Support) == 1);
    CHECK(s.lanes_of(LaneKind::Evidence) == 0);
    CHECK(s.lanes_of(LaneKind::Frontstage) == 0);
    CHECK(s.lanes_of(LaneKind::Backstage) == 0);
    CHECK(s.votes == 7);
    CHECK(s.wait_points == 1);
    CHECK(s.total_wait_minutes == 0);
    CHECK(s.fail_points == 1);
    CHECK(s.rated_steps == 2);
    CHECK(s.total_minutes == doctest::Approx(3.0));  // 2.5 + 0.5; b has none
}

TEST_CASE("stats of an empty document are all zero") {
    CHECK(compute_stats(Document{}) == Stats{});
}

TEST_CASE("kAllLaneKinds lists the six kinds in enumerator order") {
    REQUIRE(kLaneKindCount == 6);
    CHECK(kAllLaneKinds[0] == LaneKind::Evidence);
    CHECK(kAllLaneKinds[5] == LaneKind::Custom);
}
