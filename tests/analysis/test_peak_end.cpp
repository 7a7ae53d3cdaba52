// Stagemap — tests of the peak-end analysis. Every expected number is worked by hand in a comment.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/peak_end.h"
#include "fixture.h"

using namespace sm;
using namespace sm::analysis;
using fx::step;

// [SECTION] Helpers
namespace {

// "kind@step kind@step …", one string so that a failing check prints it.
std::string kinds_of(const PeakEnd& r) {
    std::string out;
    for (const auto& rec : r.recommendations) out += (out.empty() ? "" : " ") + rec.kind + "@" + rec.step.str();
    return out;
}

std::string peak_id(const PeakEnd& r) { return r.peak ? r.peak->step.str() : "(none)"; }
std::string end_id(const PeakEnd& r) { return r.end ? r.end->step.str() : "(none)"; }

Step pinned(Step s, std::optional<bool> peak, std::optional<bool> end = {}) {
    s.peak = peak;
    s.end = end;
    return s;
}

Step with_need(Step s, std::string need) {
    s.need = std::move(need);
    return s;
}

}  // namespace

// [SECTION] The rule
TEST_CASE("Kahneman's patients: peak 8 and end 7 remember 7.5, peak 8 and end 1 remember 4.5") {
    // domain.md §2, on the 0-10 pain scale, straight through the formula.
    CHECK(remembered_rating(8, 7) == doctest::Approx(7.5));
    CHECK(remembered_rating(8, 1) == doctest::Approx(4.5));

    // The same on our scale. Map pain p (0 none … 10 worst) linearly onto emotion e = 2 - 0.4 p
    // (p 0 -> +2, p 5 -> 0, p 10 -> -2) and back with p = (2 - e) / 0.4. A linear map commutes with
    // averaging, so the remembered pain must come back unchanged:
    //   p 8 -> e -1.2, p 7 -> e -0.8, mean -1.0 -> p (2 + 1) / 0.4 = 7.5
    //   p 8 -> e -1.2, p 1 -> e +1.6, mean  0.2 -> p (2 - 0.2) / 0.4 = 4.5
    auto to_emotion = [](double pain) { return 2.0 - 0.4 * pain; };
    auto to_pain = [](double e) { return (2.0 - e) / 0.4; };
    CHECK(to_pain(remembered_rating(to_emotion(8), to_emotion(7))) == doctest::Approx(7.5));
    CHECK(to_pain(remembered_rating(to_emotion(8), to_emotion(1))) == doctest::Approx(4.5));
}

TEST_CASE("Kahneman on a document: pain 10 then 5 is remembered as 7.5") {
    // Pains representable on our integer scale: p 5 -> e 0, p 10 -> e -2.
    // Steps: pain 5, pain 10 (peak), pain 5 (end) -> e 0, -2, 0; remembered (-2 + 0) / 2 = -1 -> p 7.5.
    Document d = fx::steps_only({step("a", 0), step("b", -2), step("c", 0)});
    PeakEnd r = analyze_peak_end(d);
    REQUIRE(r.remembered);
    CHECK(*r.remembered == doctest::Approx(-1.0));
    CHECK((2.0 - *r.remembered) / 0.4 == doctest::Approx(7.5));
}

TEST_CASE("cold-hand study: a longer trial with a milder end is remembered better") {
    // Trial A: 1 min at -2. Trial B: the same minute, then 0.5 min at -1 (the water warms a little).
    // A: peak = end = -2, remembered -2, experienced -2.
    // B: peak -2, end -1, remembered -1.5; experienced weighted (-2*1 + -1*0.5) / 1.5 = -2.5/1.5 = -5/3;
    //    gap -1.5 - (-5/3) = 1/6.
    PeakEnd a = analyze_peak_end(fx::steps_only({step("cold", -2, 1.0)}));
    PeakEnd b = analyze_peak_end(fx::steps_only({step("cold", -2, 1.0), step("warmer", -1, 0.5)}));
    REQUIRE(a.remembered);
    REQUIRE(b.remembered);
    CHECK(*a.remembered == doctest::Approx(-2.0));
    CHECK(*b.remembered == doctest::Approx(-1.5));
    CHECK(*b.remembered > *a.remembered);
    CHECK(b.total_minutes > a.total_minutes);
    CHECK(b.experienced_weighted);
    CHECK(*b.experienced == doctest::Approx(-5.0 / 3.0));
    CHECK(*b.gap == doctest::Approx(1.0 / 6.0));
    CHECK(*a.gap == doctest::Approx(0.0));
}

// [SECTION] The fixture
TEST_CASE("hotpot visit: peak, end, means, durations, recommendations") {
    PeakEnd r = analyze_peak_end(fx::hotpot());
    // Every step is rated.
    CHECK(r.rated == std::vector<StepId>{StepId{"s-wait"}, StepId{"s-seat"}, StepId{"s-noodle"}, StepId{"s-eat"},
                                         StepId{"s-pay"}, StepId{"s-bye"}});
    // Peak: the only |2| is the noodle show (+2). End: the last rated step, goodbye (+1).
    CHECK(r.peak == Moment{StepId{"s-noodle"}, 2, 2});
    CHECK_FALSE(r.peak_pinned);
    CHECK(r.end == Moment{StepId{"s-bye"}, 5, 1});
    CHECK_FALSE(r.end_pinned);
    // Best +2 noodle; worst -1, wait and pay tie, the earlier wins: wait.
    CHECK(r.best == Moment{StepId{"s-noodle"}, 2, 2});
    CHECK(r.worst == Moment{StepId{"s-wait"}, 0, -1});
    // remembered (2 + 1) / 2 = 1.5.
    // experienced, weighted: minutes 20+5+10+40+5+2 = 82;
    //   sum -1*20 + 0*5 + 2*10 + 1*40 + -1*5 + 1*2 = -20 + 0 + 20 + 40 - 5 + 2 = 37 -> 37/82.
    // gap 1.5 - 37/82 = (123 - 37)/82 = 86/82.
    CHECK(*r.remembered == doctest::Approx(1.5));
    CHECK(r.experienced_weighted);
    CHECK(*r.experienced == doctest::Approx(37.0 / 82.0));
    CHECK(*r.gap == doctest::Approx(86.0 / 82.0));
    // Durations: arrive 20+5 = 25, eat 10+40 = 50, leave 5+2 = 7; waits 15 + 5 = 20.
    CHECK(r.total_minutes == doctest::Approx(82));
    REQUIRE(r.phase_minutes.size() == 3);
    CHECK(r.phase_minutes[0] == PhaseMinutes{PhaseId{"arrive"}, 25});
    CHECK(r.phase_minutes[1] == PhaseMinutes{PhaseId{"eat"}, 50});
    CHECK(r.phase_minutes[2] == PhaseMinutes{PhaseId{"leave"}, 7});
    CHECK(r.total_wait_minutes == doctest::Approx(20));
    // Positive peak, end +1 above the mean 0.45, a +1 exists, end rated; the peak has a need,
    // the end has none -> only write-need on goodbye, naming it.
    CHECK(kinds_of(r) == "write-need@s-bye");
    CHECK(r.recommendations[0].text.find("\"Say goodbye\"") != std::string::npos);
}

// [SECTION] Nothing rated
TEST_CASE("nothing rated: no moments, no means, rate the last step") {
    Document d = fx::steps_only({step("a", std::nullopt, 3), step("b", std::nullopt, 4)});
    PeakEnd r = analyze_peak_end(d);
    CHECK(r.rated.empty());
    CHECK_FALSE(r.peak);
    CHECK_FALSE(r.end);
    CHECK_FALSE(r.best);
    CHECK_FALSE(r.worst);
    CHECK_FALSE(r.remembered);
    CHECK_FALSE(r.experienced);
    CHECK_FALSE(r.gap);
    CHECK(r.total_minutes == doctest::Approx(7));  // 3 + 4: durations do not need ratings
    CHECK(kinds_of(r) == "rate-end@b");
}

TEST_CASE("empty document: nothing at all") {
    PeakEnd r = analyze_peak_end(Document{});
    CHECK_FALSE(r.peak);
    CHECK_FALSE(r.end);
    CHECK(r.phase_minutes.empty());
    CHECK(r.total_minutes == 0);
    CHECK(r.recommendations.empty());
}

TEST_CASE("a phase without steps is listed with 0 minutes") {
    Document d = fx::steps_only({step("a", 1, 5)});
    Phase empty;
    empty.id = PhaseId{"later"};
    d.phases.push_back(empty);
    PeakEnd r = analyze_peak_end(d);
    REQUIRE(r.phase_minutes.size() == 2);
    CHECK(r.phase_minutes[0] == PhaseMinutes{PhaseId{"p"}, 5});
    CHECK(r.phase_minutes[1] == PhaseMinutes{PhaseId{"later"}, 0});
}

// [SECTION] Ties
TEST_CASE("peak ties: the negative one, then the earlier") {
    SUBCASE("+2 then -2: the later -2 wins, a bad moment weighs more") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 2), step("b", -2), step("c", 0)}));
        CHECK(peak_id(r) == "b");
    }
    SUBCASE("-2 then +2: the earlier -2 stays") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -2), step("b", 2)}));
        CHECK(peak_id(r) == "a");
    }
    SUBCASE("two -1 and a +1: the earlier -1") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 1), step("b", -1), step("c", -1)}));
        CHECK(peak_id(r) == "b");
    }
    SUBCASE("two +2: the earlier") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 0), step("b", 2), step("c", 2)}));
        CHECK(peak_id(r) == "b");
    }
    SUBCASE("more intense beats the tie rule: +2 over an earlier -1") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -1), step("b", 2)}));
        CHECK(peak_id(r) == "b");
    }
    SUBCASE("all 0: the first step is the peak") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 0), step("b", 0)}));
        CHECK(peak_id(r) == "a");
        CHECK(*r.remembered == doctest::Approx(0.0));
    }
}

TEST_CASE("best and worst: ties to the earlier, peak pins do not matter") {
    // emotions +1, -2 (peak:false), +1, -2: best the first +1 (a), worst the first -2 (b).
    PeakEnd r = analyze_peak_end(
        fx::steps_only({step("a", 1), pinned(step("b", -2), false), step("c", 1), step("d", -2)}));
    CHECK(r.best == Moment{StepId{"a"}, 0, 1});
    CHECK(r.worst == Moment{StepId{"b"}, 1, -2});
    CHECK(peak_id(r) == "d");  // b is excluded from the peak, d is the remaining -2
}

// [SECTION] Pins
TEST_CASE("peak: false excludes a step") {
    // -2 excluded; among +1 and 0 the peak is +1 (b). End c (0): remembered (1 + 0) / 2 = 0.5.
    PeakEnd r = analyze_peak_end(fx::steps_only({pinned(step("a", -2), false), step("b", 1), step("c", 0)}));
    CHECK(peak_id(r) == "b");
    CHECK_FALSE(r.peak_pinned);
    CHECK(*r.remembered == doctest::Approx(0.5));
}

TEST_CASE("every rated step excluded: no peak, so nothing remembered") {
    PeakEnd r = analyze_peak_end(fx::steps_only({pinned(step("a", -2), false), pinned(step("b", 1), false)}));
    CHECK_FALSE(r.peak);
    CHECK(end_id(r) == "b");
    CHECK_FALSE(r.remembered);
    CHECK_FALSE(r.gap);
    CHECK(*r.experienced == doctest::Approx(-0.5));  // (-2 + 1) / 2
}

TEST_CASE("peak: true pins choose among themselves with the same tie rules") {
    // Pinned: b (-1) and c (+1); a +2 is more intense but not pinned. |-1| = |+1| -> negative: b.
    // End d (0): remembered (-1 + 0) / 2 = -0.5.
    PeakEnd r = analyze_peak_end(fx::steps_only(
        {step("a", 2), pinned(step("b", -1), true), pinned(step("c", 1), true), step("d", 0)}));
    CHECK(r.peak == Moment{StepId{"b"}, 1, -1});
    CHECK(r.peak_pinned);
    CHECK(*r.remembered == doctest::Approx(-0.5));
}

TEST_CASE("a pinned peak that is unrated is ignored and asked to be rated") {
    // a is pinned but unrated -> automatic among b (-1) and c (+2): c. End c: remembered (2 + 2) / 2 = 2.
    Document d = fx::steps_only({pinned(step("a", std::nullopt), true), step("b", -1), step("c", 2)});
    PeakEnd r = analyze_peak_end(d);
    CHECK(peak_id(r) == "c");
    CHECK_FALSE(r.peak_pinned);
    CHECK(*r.remembered == doctest::Approx(2.0));
    CHECK(kinds_of(r) == "rate-peak@a write-need@c");
}

TEST_CASE("end: true pins the end, the last pin wins") {
    SUBCASE("one pin before the last rated step") {
        // end b (-1) although c is rated later; peak a (+2): remembered (2 - 1) / 2 = 0.5.
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 2), pinned(step("b", -1), {}, true), step("c", 1)}));
        CHECK(r.end == Moment{StepId{"b"}, 1, -1});
        CHECK(r.end_pinned);
        CHECK(*r.remembered == doctest::Approx(0.5));
    }
    SUBCASE("two pins: the last of them") {
        PeakEnd r = analyze_peak_end(
            fx::steps_only({pinned(step("a", 2), {}, true), pinned(step("b", 0), {}, true), step("c", 1)}));
        CHECK(end_id(r) == "b");
        CHECK(r.end_pinned);
        CHECK(*r.remembered == doctest::Approx(1.0));  // (2 + 0) / 2
    }
    SUBCASE("end: false is the same as absent") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 2), pinned(step("b", -1), {}, false)}));
        CHECK(end_id(r) == "b");
        CHECK_FALSE(r.end_pinned);
    }
}

TEST_CASE("an end pinned on an unrated step: no remembered rating, rate the end") {
    // a -2, b +1, c unrated and pinned. experienced (-2 + 1) / 2 = -0.5; remembered and gap empty.
    Document d = fx::steps_only({with_need(step("a", -2), "calm"), step("b", 1), pinned(step("c", std::nullopt), {}, true)});
    d.steps[2].need = "a warm goodbye";
    PeakEnd r = analyze_peak_end(d);
    CHECK(r.end == Moment{StepId{"c"}, 2, std::nullopt});
    CHECK(r.end_pinned);
    CHECK_FALSE(r.remembered);
    CHECK_FALSE(r.gap);
    CHECK(*r.experienced == doctest::Approx(-0.5));
    // Negative peak a; no strengthen-end (the end has no rating); b reaches +1; both have needs.
    CHECK(kinds_of(r) == "mitigate-peak@a rate-end@c");
}

TEST_CASE("an end pinned while nothing is rated is still the end") {
    PeakEnd r = analyze_peak_end(fx::steps_only({step("a", std::nullopt), pinned(step("b", std::nullopt), {}, true),
                                                 step("c", std::nullopt)}));
    CHECK(end_id(r) == "b");
    CHECK_FALSE(r.peak);
    CHECK_FALSE(r.experienced);
    CHECK(kinds_of(r) == "rate-end@b write-need@b");
}

// [SECTION] Duration weighting
TEST_CASE("experienced: weighted by duration only when every rated step has one") {
    SUBCASE("all rated steps timed: (-2*10 + 2*30) / 40 = 1") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -2, 10), step("b", 2, 30)}));
        CHECK(r.experienced_weighted);
        CHECK(*r.experienced == doctest::Approx(1.0));
    }
    SUBCASE("one rated step untimed: plain mean (-2 + 2) / 2 = 0") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -2, 10), step("b", 2)}));
        CHECK_FALSE(r.experienced_weighted);
        CHECK(*r.experienced == doctest::Approx(0.0));
    }
    SUBCASE("all durations 0: plain mean") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -2, 0), step("b", 2, 0)}));
        CHECK_FALSE(r.experienced_weighted);
        CHECK(*r.experienced == doctest::Approx(0.0));
    }
    SUBCASE("an unrated step's duration counts in the total, not in the mean") {
        // weighted (-2*10 + 2*30) / 40 = 1; total 10 + 100 + 30 = 140.
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -2, 10), step("b", std::nullopt, 100), step("c", 2, 30)}));
        CHECK(r.experienced_weighted);
        CHECK(*r.experienced == doctest::Approx(1.0));
        CHECK(r.total_minutes == doctest::Approx(140));
    }
    SUBCASE("a zero duration among others weighs nothing: (0*-2 + 3*1) / 3 = 1") {
        PeakEnd r = analyze_peak_end(fx::steps_only({step("a", -2, 0), step("b", 1, 3)}));
        CHECK(r.experienced_weighted);
        CHECK(*r.experienced == doctest::Approx(1.0));
    }
}

// [SECTION] Recommendations
TEST_CASE("a negative peak, no positive step: mitigate, design a positive end, write the need") {
    // a -1 (need), b -2 (no need), c -1 (need). Peak b; end c. experienced -4/3; end -1 is above it.
    Document d = fx::steps_only({with_need(step("a", -1), "x"), step("b", -2), with_need(step("c", -1), "y")});
    d.steps[1].name = "Slow bill";
    PeakEnd r = analyze_peak_end(d);
    CHECK(kinds_of(r) == "mitigate-peak@b design-positive-peak@c write-need@b");
    CHECK(r.recommendations[0].text.find("\"Slow bill\"") != std::string::npos);
    CHECK(r.recommendations[0].text.find("-2") != std::string::npos);
    CHECK(r.recommendations[1].text.find("\"Step c\"") != std::string::npos);
}

TEST_CASE("an end below the experienced mean: strengthen the end") {
    // a +2, b +1, c -1: experienced (2 + 1 - 1) / 3 = 2/3; end -1 < 2/3. remembered (2 - 1)/2 = 0.5;
    // gap 0.5 - 2/3 = -1/6. Peak a is positive; +1 exists. No needs written: peak a, then end c.
    PeakEnd r = analyze_peak_end(fx::steps_only({step("a", 2), step("b", 1), step("c", -1)}));
    CHECK(*r.gap == doctest::Approx(-1.0 / 6.0));
    CHECK(kinds_of(r) == "strengthen-end@c write-need@a write-need@c");
    CHECK(r.recommendations[0].text.find("0.67") != std::string::npos);  // the mean, two decimals
}

TEST_CASE("an end equal to the mean is not below it") {
    // 0, 0: experienced 0, end 0 -> no strengthen-end; no +1 -> design-positive-peak on the end b.
    PeakEnd r = analyze_peak_end(fx::steps_only({with_need(step("a", 0), "n"), with_need(step("b", 0), "n")}));
    CHECK(kinds_of(r) == "design-positive-peak@b");
}

TEST_CASE("peak and end on the same step: one write-need") {
    // a 0, b -2: peak b, end b; experienced -1, end -2 below it.
    PeakEnd r = analyze_peak_end(fx::steps_only({with_need(step("a", 0), "n"), step("b", -2)}));
    CHECK(kinds_of(r) == "mitigate-peak@b strengthen-end@b design-positive-peak@b write-need@b");
    CHECK(r.recommendations[3].text.find("peak and end") != std::string::npos);
}

TEST_CASE("a blank need counts as missing; a step without a name is named by its id") {
    // a +2, b +2: peak a (the earlier), end b, experienced 2: nothing else to recommend.
    Document d = fx::steps_only({step("a", 2), step("b", 2)});
    d.steps[0].need = "  \t";
    d.steps[0].name.clear();
    d.steps[1].need = "to leave happy";
    PeakEnd r = analyze_peak_end(d);
    CHECK(kinds_of(r) == "write-need@a");
    CHECK(r.recommendations[0].text.find("\"a\"") != std::string::npos);
}
