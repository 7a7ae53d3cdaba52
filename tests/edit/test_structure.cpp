// Stagemap — tests for phase, step and lane commands.
#include <doctest/doctest.h>

#include "edit_fixture.h"

namespace sm::edit::test {

// [SECTION] Phases
TEST_CASE("phases: add at an index with a fresh id") {
    Document d = fixture();
    Phase p = new_phase(d, "Before");
    CHECK(p.id.value == "phase-1");
    auto cmd = add_phase(d, p, 0);
    CHECK(cmd->name() == "Add phase");
    Document after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.phases) == "phase-1 arrive dine leave");
    CHECK(round_trip(d, add_phase(d, new_phase(d, "Last"))).phases.back().name == "Last");
    CHECK(add_phase(d, Phase{PhaseId("dine"), "Again", "", {}}, 0) == nullptr);  // id used
    CHECK(add_phase(d, Phase{PhaseId("c1"), "Clash", "", {}}, 0) == nullptr);    // id used by a card
    CHECK(add_phase(d, Phase{}, 0) == nullptr);                                   // no id
}

TEST_CASE("phases: rename and set keep the id") {
    Document d = fixture();
    auto cmd = rename_phase(d, PhaseId("dine"), "Eat");
    CHECK(cmd->name() == "Rename phase");
    CHECK(round_trip(d, std::move(cmd)).phases[1].name == "Eat");
    CHECK(rename_phase(d, PhaseId("dine"), "Dine") == nullptr);
    CHECK(rename_phase(d, PhaseId("nope"), "X") == nullptr);

    Phase v{PhaseId("ignored"), "Meal", "All of it", {{"x-new", "true"}}};
    Document after = round_trip(d, set_phase(d, PhaseId("dine"), v));
    CHECK(after.phases[1].id.value == "dine");
    CHECK(after.phases[1].description == "All of it");
    CHECK(after.phases[1].extra.size() == 1);
}

TEST_CASE("phases: delete takes its steps, their cards and connectors in one step") {
    Document d = fixture();
    auto cmd = delete_phase(d, PhaseId("dine"));
    CHECK(cmd->name() == "Delete phase");
    Document after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.phases) == "arrive leave");
    CHECK(ids_of(after.steps) == "wait seat pay exit");
    CHECK(ids_of(after.cards) == "c1 c2 c3 c4 c5 c13 c14");
    CHECK(after.connectors.size() == 3);  // c6→c7, c7→c8, c9→c10 went
    // A phase without steps.
    Document e = round_trip(d, add_phase(d, new_phase(d, "Empty")));
    round_trip(e, delete_phase(e, PhaseId("phase-1")));
}

TEST_CASE("phases: moving carries the run of steps") {
    Document d = fixture();
    Document after = round_trip(d, move_phase(d, PhaseId("leave"), 0));
    CHECK(ids_of(after.phases) == "leave arrive dine");
    CHECK(ids_of(after.steps) == "pay exit wait seat order eat");
    after = round_trip(d, move_phase(d, PhaseId("arrive"), 2));  // first to last
    CHECK(ids_of(after.phases) == "dine leave arrive");
    CHECK(ids_of(after.steps) == "order eat pay exit wait seat");
    after = round_trip(d, move_phase(d, PhaseId("arrive"), -1));  // -1 = last
    CHECK(ids_of(after.steps) == "order eat pay exit wait seat");
    after = round_trip(d, move_phase(d, PhaseId("dine"), 0));
    CHECK(ids_of(after.steps) == "order eat wait seat pay exit");
    CHECK(move_phase(d, PhaseId("arrive"), 0) == nullptr);  // already there
    CHECK(move_phase(d, PhaseId("leave"), 99) == nullptr);  // clamped: already last
    // A phase with no steps moves alone.
    Document e = round_trip(d, add_phase(d, new_phase(d, "Empty"), 1));
    after = round_trip(e, move_phase(e, PhaseId("phase-1"), 3));
    CHECK(ids_of(after.phases) == "arrive dine leave phase-1");
    CHECK(after.steps == e.steps);
}

// [SECTION] Steps
TEST_CASE("steps: add inside the phase's run") {
    Document d = fixture();
    Step s = new_step(d, PhaseId("arrive"), "Park");
    CHECK(s.id.value == "step-1");
    CHECK(ids_of(round_trip(d, add_step(d, s, 0)).steps) == "step-1 wait seat order eat pay exit");
    CHECK(ids_of(round_trip(d, add_step(d, s, 1)).steps) == "wait step-1 seat order eat pay exit");
    CHECK(ids_of(round_trip(d, add_step(d, s)).steps) == "wait seat step-1 order eat pay exit");
    s.phase = PhaseId("leave");
    CHECK(ids_of(round_trip(d, add_step(d, s, 7)).steps) == "wait seat order eat pay exit step-1");
    // Into a phase with no steps: before the steps of the later phases.
    Document e = round_trip(d, add_phase(d, new_phase(d, "Middle"), 1));
    Step m = new_step(e, PhaseId("phase-1"), "Think");
    CHECK(ids_of(round_trip(e, add_step(e, m)).steps) == "wait seat step-1 order eat pay exit");
    Document f = round_trip(d, add_phase(d, new_phase(d, "After")));
    Step last = new_step(f, PhaseId("phase-1"), "Review");
    CHECK(ids_of(round_trip(f, add_step(f, last)).steps) == "wait seat order eat pay exit step-1");
    // Refused.
    Step bad = new_step(d, PhaseId("nope"), "X");
    CHECK(add_step(d, bad) == nullptr);
    bad = new_step(d, PhaseId("dine"), "X");
    bad.emotion = 3;
    CHECK(add_step(d, bad) == nullptr);
    CHECK(add_step(d, d.steps[0]) == nullptr);  // id used
}

TEST_CASE("steps: rename, set, emotion") {
    Document d = fixture();
    CHECK(round_trip(d, rename_step(d, StepId("eat"), "Enjoy")).steps[3].name == "Enjoy");
    Step v = d.steps[3];
    v.need = "Warmth";
    v.opportunity = "More shows";
    v.duration_min = 45;
    v.peak.reset();
    auto cmd = set_step(d, StepId("eat"), v);
    CHECK(cmd->name() == "Edit step");
    Document after = round_trip(d, std::move(cmd));
    CHECK(after.steps[3] == v);
    // A new phase in the value moves the step into that phase's run.
    v.phase = PhaseId("arrive");
    after = round_trip(d, set_step(d, StepId("eat"), v));
    CHECK(ids_of(after.steps) == "wait seat eat order pay exit");
    CHECK(set_step(d, StepId("eat"), d.steps[3]) == nullptr);

    cmd = set_step_emotion(d, StepId("pay"), -2);
    CHECK(cmd->name() == "Set emotion");
    CHECK(round_trip(d, std::move(cmd)).steps[4].emotion == -2);
    cmd = set_step_emotion(d, StepId("eat"), std::nullopt);
    CHECK(cmd->name() == "Clear emotion");
    CHECK(!round_trip(d, std::move(cmd)).steps[3].emotion);
    CHECK(set_step_emotion(d, StepId("eat"), 2) == nullptr);
    CHECK(set_step_emotion(d, StepId("eat"), 3) == nullptr);
    CHECK(set_step_emotion(d, StepId("eat"), -3) == nullptr);
}

TEST_CASE("steps: delete takes cards and every connector touching them") {
    Document d = fixture();
    auto cmd = delete_step(d, StepId("order"));
    CHECK(cmd->name() == "Delete step");
    Document after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.steps) == "wait seat eat pay exit");
    CHECK(after.cards.size() == d.cards.size() - 3);
    CHECK(after.connectors.size() == d.connectors.size() - 2);
    for (const Connector& c : after.connectors) CHECK(c.from.value != "c7");
    // The first and the last step.
    round_trip(d, delete_step(d, StepId("wait")));
    round_trip(d, delete_step(d, StepId("exit")));
    CHECK(delete_step(d, StepId("nope")) == nullptr);
}

TEST_CASE("steps: move within a phase and to another phase") {
    Document d = fixture();
    CHECK(ids_of(round_trip(d, move_step(d, StepId("seat"), PhaseId("arrive"), 0)).steps) ==
          "seat wait order eat pay exit");
    CHECK(ids_of(round_trip(d, move_step(d, StepId("wait"), PhaseId("arrive"), 1)).steps) ==
          "seat wait order eat pay exit");
    CHECK(move_step(d, StepId("wait"), PhaseId("arrive"), 0) == nullptr);
    CHECK(move_step(d, StepId("seat"), PhaseId("arrive"), -1) == nullptr);
    auto cmd = move_step(d, StepId("wait"), PhaseId("leave"), 1);
    CHECK(cmd->name() == "Move step");
    Document after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.steps) == "seat order eat pay wait exit");
    CHECK(after.steps[4].phase.value == "leave");
    after = round_trip(d, move_step(d, StepId("exit"), PhaseId("arrive"), 0));  // last to first
    CHECK(ids_of(after.steps) == "exit wait seat order eat pay");
    // Moving the only step of a phase out leaves the phase empty.
    Document e = round_trip(d, move_step(d, StepId("order"), PhaseId("arrive")));
    after = round_trip(e, move_step(e, StepId("eat"), PhaseId("leave"), 0));
    CHECK(ids_of(after.steps) == "wait seat order eat pay exit");
    CHECK(after.steps[3].phase.value == "leave");
    CHECK(move_step(d, StepId("eat"), PhaseId("nope")) == nullptr);
}

// [SECTION] Lanes
TEST_CASE("lanes: add, rename, set, move, delete") {
    Document d = fixture();
    Lane l = new_lane(d, LaneKind::Custom, "Partners");
    CHECK(l.id.value == "lane-1");
    CHECK(ids_of(round_trip(d, add_lane(d, l, 2)).lanes) == "ev cu lane-1 fr ba su");
    CHECK(ids_of(round_trip(d, add_lane(d, l)).lanes) == "ev cu fr ba su lane-1");
    CHECK(add_lane(d, d.lanes[0]) == nullptr);

    CHECK(round_trip(d, rename_lane(d, LaneId("ba"), "Kitchen")).lanes[3].name == "Kitchen");
    Lane v{LaneId("zz"), LaneKind::Custom, "Other", {{"x", "1"}}};
    Document after = round_trip(d, set_lane(d, LaneId("su"), v));
    CHECK(after.lanes[4].id.value == "su");
    CHECK(after.lanes[4].kind == LaneKind::Custom);

    CHECK(ids_of(round_trip(d, move_lane(d, LaneId("ev"), 4)).lanes) == "cu fr ba su ev");   // first to last
    CHECK(ids_of(round_trip(d, move_lane(d, LaneId("su"), 0)).lanes) == "su ev cu fr ba");   // last to first
    CHECK(move_lane(d, LaneId("su"), -1) == nullptr);
    CHECK(move_lane(d, LaneId("ev"), 0) == nullptr);

    auto cmd = delete_lane(d, LaneId("fr"));
    CHECK(cmd->name() == "Delete lane");
    after = round_trip(d, std::move(cmd));
    CHECK(ids_of(after.lanes) == "ev cu ba su");
    CHECK(after.cards.size() == d.cards.size() - 6);
    CHECK(after.connectors.size() == d.connectors.size() - 3);
}

}  // namespace sm::edit::test
