// Tests of compute_layout: columns, rows, cards, the three lines, connectors, emotion row, hit tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include "fixture.h"
#include "layout/layout.h"

using namespace sm;
using namespace sm::layout;

namespace {
const FixedMeasurer kMeasurer;

int lane_of(const Document& d, std::string_view id) { return d.lane_index(LaneId(std::string(id))); }
int card_of(const Document& d, std::string_view id) { return d.card_index(CardId(std::string(id))); }
int step_of(const Document& d, std::string_view id) { return d.step_index(StepId(std::string(id))); }

const DividerLine* find_line(const BlueprintLayout& lay, LineKind k) {
    for (const DividerLine& l : lay.lines)
        if (l.kind == k) return &l;
    return nullptr;
}

bool on_edge(Vec2 p, const Rect& r) {
    const float e = 0.01f;
    const bool in_x = p.x >= r.x - e && p.x <= r.right() + e;
    const bool in_y = p.y >= r.y - e && p.y <= r.bottom() + e;
    return (in_x && (std::fabs(p.y - r.y) < e || std::fabs(p.y - r.bottom()) < e)) ||
           (in_y && (std::fabs(p.x - r.x) < e || std::fabs(p.x - r.right()) < e));
}
}  // namespace

// [SECTION] Columns and headers
TEST_CASE("steps become columns under their phase headers; an empty phase gets a narrow header") {
    const Document d = test::small_blueprint();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.steps.size() == 3);
    REQUIRE(lay.phases.size() == 3);
    CHECK(lay.column_order == std::vector<int>{0, 1, 2});
    const LayoutStyle st;
    CHECK(lay.steps[0].column.w == st.step_width);
    CHECK(lay.steps[1].column.x == lay.steps[0].column.right());
    // Phase "order" spans s1 and s2; the empty phase "wait" sits between s2 and s3.
    CHECK(lay.phases[0].rect.x == lay.steps[0].header.x);
    CHECK(lay.phases[0].rect.right() == lay.steps[1].header.right());
    CHECK(lay.phases[1].empty);
    CHECK(lay.phases[1].rect.x == lay.steps[1].header.right());
    CHECK(lay.phases[1].rect.w >= st.empty_phase_width);
    CHECK(lay.phases[1].rect.w < st.step_width);
    CHECK(lay.steps[2].header.x == lay.phases[1].rect.right());
    CHECK(lay.phases[2].rect.x == lay.steps[2].header.x);
    // Header rows: phase row above the step row, then the lanes.
    CHECK(lay.steps[0].header.y == lay.phases[0].rect.bottom());
    CHECK(lay.lanes[0].row.y >= lay.steps[0].header.bottom());
    CHECK(lay.steps[1].detail.lines == std::vector<std::string>{"2 min"});
    CHECK_FALSE(lay.steps[1].name.lines.empty());
}

TEST_CASE("columns follow the steps array even when phases are listed in another order") {
    Document d = test::small_blueprint();
    std::swap(d.phases[0], d.phases[2]);  // phases: drink, wait, order; steps still s1 s2 (order), s3 (drink)
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    CHECK(lay.steps[0].column.x < lay.steps[1].column.x);
    CHECK(lay.steps[1].column.x < lay.steps[2].column.x);
    // "wait" (empty) follows "drink", the phase before it in the array that has steps.
    CHECK(lay.phases[1].rect.x == lay.steps[2].column.right());
}

TEST_CASE("a blueprint without phases, steps or lanes still lays out") {
    Document d;
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    CHECK(lay.bounds.w > 0);
    CHECK(lay.bounds.h > 0);
    CHECK(lay.lines.empty());
    CHECK_FALSE(lay.emotion);
    CHECK(lay.card_at({10, 10}) == -1);
    CHECK(lay.step_at(10) == -1);
    CHECK(lay.lane_at(10) == -1);
}

// [SECTION] Lanes and cards
TEST_CASE("lane header shows the name and kind") {
    Document d = test::small_blueprint();
    d.lanes[2].name = "Barista";
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    CHECK(lay.lanes[2].kind_label == "frontstage");
    CHECK(lay.lanes[2].kind.lines == std::vector<std::string>{"frontstage"});
    CHECK(lay.lanes[2].name.lines == std::vector<std::string>{"Barista"});
    // The kind is not repeated when the name already says it.
    CHECK(lay.lanes[1].kind.lines.empty());
    CHECK(lay.lanes[1].header.w == LayoutStyle{}.lane_header_width);
}

TEST_CASE("cards stack in array order inside their cell without overlapping") {
    const Document d = test::small_blueprint();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    const int c2 = card_of(d, "c2"), c3 = card_of(d, "c3");
    const Rect a = lay.cards[c2].rect, b = lay.cards[c3].rect;
    CHECK(a.bottom() + LayoutStyle{}.card_gap == doctest::Approx(b.y));
    CHECK_FALSE(a.intersects(b));
    const Rect cell = lay.cell(lane_of(d, "fr"), step_of(d, "s2"));
    for (const CardBox& cb : lay.cards) {
        const Rect c = lay.cell(cb.lane, cb.step);
        CHECK(cb.rect.x >= c.x);
        CHECK(cb.rect.right() <= c.right());
        CHECK(cb.rect.y >= c.y);
        CHECK(cb.rect.bottom() <= c.bottom());
    }
    CHECK(lay.cards_in_cell(lane_of(d, "fr"), step_of(d, "s2")) == std::vector<int>{c2, c3});
    CHECK(cell.contains(a.center()));
    // The long title wraps; the card is sized to its text and badges.
    CHECK(lay.cards[c2].title.lines.size() >= 2);
    CHECK(lay.cards[c2].rect.h > lay.cards[card_of(d, "c1")].rect.h);
}

TEST_CASE("row height is the tallest cell plus padding, the same across the row") {
    Document d = test::small_blueprint();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    const LayoutStyle st;
    const int fr = lane_of(d, "fr");
    const auto cells = lay.cards_in_cell(fr, step_of(d, "s2"));
    const float stack = lay.cards[cells.back()].rect.bottom() - lay.cards[cells.front()].rect.y;
    const Rect row = lay.lanes[fr].row;
    // Frontstage has a line above (interaction) and below (visibility): extra room for their labels.
    CHECK(row.h == doctest::Approx(stack + 2 * st.cell_padding + 2 * st.line_gap));
    // An empty lane still has a minimum height.
    d.cards.clear();
    d.connectors.clear();
    const BlueprintLayout empty = compute_layout(d, kMeasurer);
    CHECK(empty.lanes[0].row.h >= st.card_min_height + 2 * st.cell_padding);
}

TEST_CASE("badges: fail F, wait without trailing zeros, channel, tier chips, votes") {
    Document d = test::small_blueprint();
    d.cards[0].wait_min = 2.5;
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    const CardBox& c2 = lay.cards[card_of(d, "c2")];
    REQUIRE(c2.fail);
    CHECK(c2.fail->text == "F");
    REQUIRE(c2.channel);
    CHECK(c2.channel->text == "staff");
    REQUIRE(c2.votes);
    CHECK(c2.votes->text == "● 3");
    REQUIRE(c2.chips.size() == 1);
    CHECK(c2.chips[0].tier == 0);
    CHECK(c2.chips[0].text == "R");
    const CardBox& c4 = lay.cards[card_of(d, "c4")];
    REQUIRE(c4.wait);
    CHECK(c4.wait->text == "W 18 min");
    CHECK(lay.cards[card_of(d, "c1")].wait->text == "W 2.5 min");
    CHECK_FALSE(c4.fail);
    for (const CardBox& cb : lay.cards)
        for (const auto* b : {&cb.fail, &cb.wait, &cb.channel, &cb.votes})
            if (*b) {
                CHECK(cb.rect.x <= (*b)->rect.x);
                CHECK((*b)->rect.right() <= cb.rect.right());
                CHECK((*b)->rect.bottom() <= cb.rect.bottom());
            }
}

TEST_CASE("cards with a dangling lane or step are not placed") {
    Document d = test::small_blueprint();
    d.cards.push_back(test::make_card("x", "nope", "s1", "lost"));
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.cards.size() == d.cards.size());
    CHECK(lay.cards.back().rect.w == 0);
    CHECK(lay.cards.back().card == int(d.cards.size()) - 1);
}

// [SECTION] The three lines
TEST_CASE("the three lines sit below the lowest customer, frontstage and backstage lanes") {
    const Document d = test::small_blueprint();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.lines.size() == 3);
    const DividerLine* inter = find_line(lay, LineKind::Interaction);
    const DividerLine* vis = find_line(lay, LineKind::Visibility);
    const DividerLine* internal = find_line(lay, LineKind::InternalInteraction);
    REQUIRE(inter);
    REQUIRE(vis);
    REQUIRE(internal);
    const Rect cu = lay.lanes[lane_of(d, "cu")].row, fr = lay.lanes[lane_of(d, "fr")].row;
    const Rect ba = lay.lanes[lane_of(d, "ba")].row, su = lay.lanes[lane_of(d, "su")].row;
    // The emotion row belongs to the customer's side: the line of interaction runs below it.
    REQUIRE(lay.emotion);
    CHECK(lay.emotion->rect.y == cu.bottom());
    CHECK(inter->y == lay.emotion->rect.bottom());
    CHECK(inter->y == fr.y);
    CHECK(vis->y == fr.bottom());
    CHECK(vis->y == ba.y);
    CHECK(internal->y == ba.bottom());
    CHECK(internal->y == su.y);
    CHECK(vis->label == "Line of visibility · 可视分界线");
    CHECK(inter->label == "Line of interaction · 外部互动分界线");
    CHECK(internal->label == "Line of internal interaction · 内部互动分界线");
    // Across the whole width, header column included.
    CHECK(vis->x0 == lay.grid.x);
    CHECK(vis->x1 == lay.grid.right());
    // The label is centred on the line and clear of the cards.
    CHECK(vis->label_rect.y < vis->y);
    CHECK(vis->label_rect.bottom() > vis->y);
    for (const CardBox& cb : lay.cards)
        for (const DividerLine& l : lay.lines) CHECK_FALSE(cb.rect.intersects(l.label_rect));
}

TEST_CASE("without the emotion row the line of interaction is directly below the customer lane") {
    const Document d = test::small_blueprint();
    LayoutStyle st;
    st.show_emotion = false;
    const BlueprintLayout lay = compute_layout(d, kMeasurer, st);
    CHECK_FALSE(lay.emotion);
    CHECK(find_line(lay, LineKind::Interaction)->y == lay.lanes[lane_of(d, "cu")].row.bottom());
}

TEST_CASE("a line whose lane kind is missing is not drawn") {
    Document d = test::small_blueprint();
    d.cards.erase(d.cards.begin() + card_of(d, "c4"));
    d.connectors.pop_back();
    d.lanes.erase(d.lanes.begin() + lane_of(d, "ba"));
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    CHECK(lay.lines.size() == 2);
    CHECK_FALSE(find_line(lay, LineKind::InternalInteraction));
    CHECK(find_line(lay, LineKind::Visibility)->y == lay.lanes[lane_of(d, "fr")].row.bottom());
    // Only custom lanes: no lines at all, but the lanes still render.
    for (Lane& l : d.lanes) l.kind = LaneKind::Custom;
    const BlueprintLayout custom = compute_layout(d, kMeasurer);
    CHECK(custom.lines.empty());
    CHECK(custom.lanes.size() == d.lanes.size());
    CHECK(custom.lanes[0].kind_label == "custom");
}

TEST_CASE("lines follow the lowest lane of each kind when lanes are out of order") {
    Document d = test::small_blueprint();
    // frontstage, support, customer, backstage, evidence; a second customer lane at the bottom.
    d.lanes = {test::make_lane("fr", LaneKind::Frontstage, "Barista"), test::make_lane("su", LaneKind::Support, "Systems"),
               test::make_lane("cu", LaneKind::Customer, "Customer"), test::make_lane("ba", LaneKind::Backstage, "Kitchen"),
               test::make_lane("ev", LaneKind::Evidence, "Evidence"), test::make_lane("cu2", LaneKind::Customer, "Guest")};
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.lines.size() == 3);
    CHECK(find_line(lay, LineKind::Visibility)->y == lay.lanes[lane_of(d, "fr")].row.bottom());
    CHECK(find_line(lay, LineKind::InternalInteraction)->y == lay.lanes[lane_of(d, "ba")].row.bottom());
    // The lowest customer lane is the last one: the emotion row and the line come after it.
    REQUIRE(lay.emotion);
    CHECK(lay.emotion->rect.y == lay.lanes[lane_of(d, "cu2")].row.bottom());
    CHECK(find_line(lay, LineKind::Interaction)->y == lay.emotion->rect.bottom());
    CHECK(lay.bounds.bottom() >= find_line(lay, LineKind::Interaction)->label_rect.bottom());
}

// [SECTION] Emotion row
TEST_CASE("emotion points: y from the emotion, unrated steps on the baseline and flagged") {
    Document d = test::small_blueprint();
    d.steps[1].emotion.reset();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.emotion);
    const EmotionRow& er = *lay.emotion;
    REQUIRE(er.points.size() == 3);
    CHECK(er.unit > 0);
    CHECK(er.points[0].emotion == -1);
    CHECK(er.points[0].pos.y == doctest::Approx(er.baseline_y + er.unit));
    CHECK_FALSE(er.points[1].emotion);
    CHECK(er.points[1].pos.y == doctest::Approx(er.baseline_y));
    CHECK(er.points[2].pos.y == doctest::Approx(er.baseline_y - 2 * er.unit));
    CHECK(er.points[2].pos.x == doctest::Approx(lay.steps[2].column.center().x));
    // +2 and -2 stay inside the plot.
    CHECK(er.points[2].pos.y > er.plot.y);
    CHECK(er.baseline_y + 2 * er.unit < er.plot.bottom());
    REQUIRE(er.ticks.size() == 5);
    CHECK(er.ticks.front().label == "+2");
    CHECK(er.ticks.back().label == "-2");
}

TEST_CASE("without a customer lane the emotion row sits at the top, under the step headers") {
    Document d = test::small_blueprint();
    d.cards.erase(std::remove_if(d.cards.begin(), d.cards.end(), [](const Card& c) { return c.lane.str() == "cu"; }),
                  d.cards.end());
    d.connectors.clear();
    d.lanes.erase(d.lanes.begin() + lane_of(d, "cu"));
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.emotion);
    CHECK(lay.emotion->rect.y == lay.steps[0].header.bottom());
    CHECK(lay.lanes[0].row.y == lay.emotion->rect.bottom());
    CHECK_FALSE(find_line(lay, LineKind::Interaction));
}

// [SECTION] Connectors
TEST_CASE("connectors run orthogonally from a card edge to a card edge") {
    const Document d = test::small_blueprint();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.connectors.size() == d.connectors.size());
    for (const ConnectorPath& cp : lay.connectors) {
        REQUIRE(cp.points.size() >= 2);
        CHECK(on_edge(cp.points.front(), lay.cards[cp.from_card].rect));
        CHECK(on_edge(cp.points.back(), lay.cards[cp.to_card].rect));
        for (std::size_t i = 0; i + 1 < cp.points.size(); ++i) {
            const Vec2 a = cp.points[i], b = cp.points[i + 1];
            CHECK((std::fabs(a.x - b.x) < 0.01f || std::fabs(a.y - b.y) < 0.01f));
        }
    }
    // c1 -> c6: a hand-off between steps leaves the right side and enters the left side.
    const ConnectorPath& first = lay.connectors[0];
    CHECK(first.points.front().x == doctest::Approx(lay.cards[card_of(d, "c1")].rect.right()));
    CHECK(first.points.back().x == doctest::Approx(lay.cards[card_of(d, "c6")].rect.x));
    CHECK(first.arrow_at_end);
    CHECK_FALSE(first.arrow_at_start);
    // c6 -> c2: both directions, labelled; same step, so bottom edge to top edge.
    const ConnectorPath& second = lay.connectors[1];
    CHECK(second.arrow_at_end);
    CHECK(second.arrow_at_start);
    CHECK(second.points.front().y == doctest::Approx(lay.cards[card_of(d, "c6")].rect.bottom()));
    CHECK(second.points.back().y == doctest::Approx(lay.cards[card_of(d, "c2")].rect.y));
    REQUIRE(second.label_pos);
    CHECK(second.label == "hands card");
    // c2 -> c4: no arrows.
    CHECK_FALSE(lay.connectors[2].arrow_at_end);
    CHECK_FALSE(lay.connectors[2].arrow_at_start);
}

TEST_CASE("a hand-off that would cross a card goes around it") {
    Document d = test::small_blueprint();
    // c1 (customer, s1) to a card two columns right in the same lane, with c6 (customer, s2) between.
    d.cards.push_back(test::make_card("c8", "cu", "s3", "Drinks"));
    d.connectors = {test::make_connector("c1", "c8")};
    d.cards[card_of(d, "c6")].title = "Pays";
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    const ConnectorPath& cp = lay.connectors[0];
    for (std::size_t i = 0; i + 1 < cp.points.size(); ++i) {
        const Vec2 a = cp.points[i], b = cp.points[i + 1];
        const Rect seg{std::min(a.x, b.x), std::min(a.y, b.y), std::fabs(a.x - b.x) + 0.01f, std::fabs(a.y - b.y) + 0.01f};
        CHECK_FALSE(seg.intersects(lay.cards[card_of(d, "c6")].rect));
    }
}

TEST_CASE("connectors to missing cards or to themselves have no path") {
    Document d = test::small_blueprint();
    d.connectors = {test::make_connector("c1", "nope"), test::make_connector("c1", "c1")};
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    REQUIRE(lay.connectors.size() == 2);
    CHECK(lay.connectors[0].points.empty());
    CHECK(lay.connectors[1].points.empty());
}

// [SECTION] Hit tests
TEST_CASE("hit tests find cards, lanes, steps, phases, connectors and drop slots") {
    const Document d = test::small_blueprint();
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    for (const CardBox& cb : lay.cards) {
        CHECK(lay.card_at(cb.rect.center()) == cb.card);
        CHECK(lay.card_at({cb.rect.x + 1, cb.rect.y + 1}) == cb.card);
    }
    const int fr = lane_of(d, "fr");
    const int s2 = step_of(d, "s2");
    CHECK(lay.lane_at(lay.lanes[fr].row.center().y) == fr);
    CHECK(lay.step_at(lay.steps[s2].column.center().x) == s2);
    CHECK(lay.step_at(lay.phases[1].rect.center().x) == -1);  // the empty phase
    CHECK(lay.lane_at(lay.emotion->rect.center().y) == -1);
    CHECK(lay.lane_at(lay.bounds.bottom() + 10) == -1);
    CHECK(lay.step_at(0) == -1);
    // Between two stacked cards: nothing.
    const Rect c2 = lay.cards[card_of(d, "c2")].rect;
    CHECK(lay.card_at({c2.center().x, c2.bottom() + 2}) == -1);
    CHECK(lay.card_at({lay.steps[s2].column.x + 2, c2.center().y}) == -1);  // the cell padding
    CHECK(lay.phase_at(lay.phases[0].rect.center()) == 0);
    // A cell's rect covers its cards; an out-of-range cell is empty.
    CHECK(lay.cell(fr, s2).contains(c2.center()));
    CHECK(lay.cell(99, 0).w == 0);
    CHECK(lay.cell(0, -1).w == 0);
    // Drop slots: before, between and after the two stacked cards.
    CHECK(lay.slot_at(fr, s2, c2.y - 1) == 0);
    CHECK(lay.slot_at(fr, s2, c2.bottom() + 1) == 1);
    CHECK(lay.slot_at(fr, s2, lay.lanes[fr].row.bottom() - 1) == 2);
    CHECK(lay.slot_at(99, s2, 0) == -1);
    // Connectors.
    const ConnectorPath& cp = lay.connectors[0];
    const Vec2 mid{(cp.points[0].x + cp.points[1].x) / 2, (cp.points[0].y + cp.points[1].y) / 2};
    CHECK(lay.connector_at(mid) == 0);
    CHECK(lay.connector_at({-100, -100}) == -1);
}

// [SECTION] Speed
TEST_CASE("10,000 cards lay out quickly") {
    Document d;
    d.phases = {{PhaseId("p"), "Phase", "", {}}};
    const int steps = 250;
    for (int s = 0; s < steps; ++s) d.steps.push_back(test::make_step(test::numbered("s", s), "p", test::numbered("Step ", s), s % 5 - 2));
    const LaneKind kinds[] = {LaneKind::Evidence, LaneKind::Customer, LaneKind::Frontstage, LaneKind::Backstage, LaneKind::Support};
    for (int l = 0; l < 5; ++l) d.lanes.push_back(test::make_lane(test::numbered("l", l), kinds[l], "Lane"));
    std::mt19937 rng(7);
    for (int c = 0; c < 10000; ++c) {
        Card card = test::make_card(test::numbered("c", c), test::numbered("l", rng() % 5), test::numbered("s", rng() % steps),
                                    test::numbered("Service item number ", c) + " 服务项目");
        if (c % 7 == 0) card.fail = "x";
        if (c % 5 == 0) card.wait_min = 3;
        d.cards.push_back(std::move(card));
    }
    for (int c = 0; c + 5 < 10000; c += 5)
        d.connectors.push_back(test::make_connector(test::numbered("c", c), test::numbered("c", c + 5)));
    // Speed is measured in the benchmark (bench/), never here: this checks the result only.
    const BlueprintLayout lay = compute_layout(d, kMeasurer);
    CHECK(lay.cards.size() == 10000);
    // Hit tests stay consistent on the big layout.
    for (int c = 0; c < 10000; c += 997) CHECK(lay.card_at(lay.cards[c].rect.center()) == c);
}
