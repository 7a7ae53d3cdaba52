// Stagemap — the canvas's mouse gestures, driven through headless ImGui frames.
#include <doctest/doctest.h>

#include <algorithm>

#include "edit/cards.h"
#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/keys.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

// The first card that is alone in its cell and has an empty cell to its right in the same lane.
bool card_with_free_neighbour(const Document& d, CardId& card, int& lane, int& to_step) {
    for (const auto& c : d.cards) {
        const int l = d.lane_index(c.lane), s = d.step_index(c.step);
        for (int t = 0; t < static_cast<int>(d.steps.size()); ++t) {
            if (t == s) continue;
            if (edit::cell_cards(d, c.lane, d.steps[static_cast<std::size_t>(t)].id).empty()) {
                card = c.id;
                lane = l;
                to_step = t;
                return true;
            }
        }
    }
    return false;
}

}  // namespace

TEST_CASE("double-clicking an empty cell adds a card and edits its title in place") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    int lane = -1, step = -1;
    REQUIRE(h.find_empty_cell(lane, step));
    const auto before = h.doc().cards.size();
    const LaneId lane_id = h.doc().lanes[static_cast<std::size_t>(lane)].id;
    const StepId step_id = h.doc().steps[static_cast<std::size_t>(step)].id;

    h.double_click(h.cell_free_point(lane, step));
    REQUIRE(h.doc().cards.size() == before + 1);
    CHECK(h.app().canvas.edit.target == ui::EditTarget::CardTitle);
    const auto in_cell = edit::cell_cards(h.doc(), lane_id, step_id);
    REQUIRE(in_cell.size() == 1);
    CHECK(h.app().selection.has(in_cell.front()));

    h.frame(3);  // the editor takes the keyboard
    h.type("测试 card");
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    CHECK(h.app().canvas.edit.target == ui::EditTarget::None);
    const Card* c = h.doc().find(in_cell.front());
    REQUIRE(c);
    CHECK(c->title == "测试 card");
    // Adding and naming the card is one undo step.
    CHECK(h.app().session.history.undo_count() == 1);
    h.key(ui::keys::Z, true);
    CHECK(h.doc().cards.size() == before);
}

TEST_CASE("Escape on a freshly added card takes it back") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    int lane = -1, step = -1;
    REQUIRE(h.find_empty_cell(lane, step));
    const auto before = h.doc().cards.size();
    h.double_click(h.cell_free_point(lane, step));
    REQUIRE(h.doc().cards.size() == before + 1);
    h.frame(3);
    h.named_key(ImGuiKey_Escape);
    h.frame(2);
    CHECK(h.doc().cards.size() == before);
    CHECK_FALSE(h.app().session.history.can_undo());
}

TEST_CASE("dragging a card moves it to another cell, and ctrl+z puts it back") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const std::string original = io::to_text(h.doc());
    CardId card;
    int lane = -1, to_step = -1;
    REQUIRE(card_with_free_neighbour(h.doc(), card, lane, to_step));
    const StepId from_step = h.doc().find(card)->step;
    const StepId target = h.doc().steps[static_cast<std::size_t>(to_step)].id;

    h.drag(h.card_center(card), h.cell_free_point(lane, to_step));
    const Card* moved = h.doc().find(card);
    REQUIRE(moved);
    CHECK(moved->step == target);
    CHECK(h.app().session.history.undo_name() == "Move card");
    CHECK(h.app().session.dirty());

    h.key(ui::keys::Z, true);
    CHECK(h.doc().find(card)->step == from_step);
    CHECK(io::to_text(h.doc()) == original);
    CHECK_FALSE(h.app().session.dirty());

    h.key(ui::keys::Z, true, true);  // ctrl+shift+z redoes
    CHECK(h.doc().find(card)->step == target);
    h.key(ui::keys::Y, true);        // nothing left to redo: no change
    CHECK(h.doc().find(card)->step == target);
}

TEST_CASE("dragging a card within its cell reorders the cell") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    // A cell with at least two cards.
    const Document& d = h.doc();
    CardId first, second;
    for (const auto& l : d.lanes)
        for (const auto& s : d.steps) {
            const auto cards = edit::cell_cards(d, l.id, s.id);
            if (cards.size() >= 2 && first.empty()) {
                first = cards[0];
                second = cards[1];
            }
        }
    REQUIRE_FALSE(first.empty());
    // Drop the first card just below the second one.
    const int i2 = d.card_index(second);
    layout::Rect r2;
    for (const auto& b : h.lay().cards)
        if (b.card == i2) r2 = b.rect;
    h.drag(h.card_center(first), h.to_screen({r2.center().x, r2.bottom() - 2}));
    CHECK(edit::cell_position(h.doc(), first) == 1);
    CHECK(edit::cell_position(h.doc(), second) == 0);
}

TEST_CASE("a rubber band selects the cards it touches") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const auto& lay = h.lay();
    // Drag across the first two columns of the frontstage row, starting in empty space.
    int lane = -1;
    for (std::size_t i = 0; i < h.doc().lanes.size(); ++i)
        if (h.doc().lanes[i].kind == LaneKind::Frontstage) lane = static_cast<int>(i);
    REQUIRE(lane >= 0);
    const int s0 = lay.column_order.at(0), s1 = lay.column_order.at(1);
    const layout::Rect a = lay.cell(lane, s0), b = lay.cell(lane, s1);
    const ImVec2 from = h.to_screen({a.x + 2, a.y + 2});
    const ImVec2 to = h.to_screen({b.right() - 2, b.bottom() - 2});
    const layout::Rect band{a.x + 2, a.y + 2, b.right() - 2 - (a.x + 2), b.bottom() - 2 - (a.y + 2)};
    std::vector<CardId> expected;
    for (const auto& box : lay.cards)
        if (box.rect.intersects(band)) expected.push_back(h.doc().cards[static_cast<std::size_t>(box.card)].id);
    REQUIRE(expected.size() >= 2);

    h.drag(from, to);
    auto got = h.app().selection.cards;
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    CHECK(got == expected);
    CHECK(h.app().selection.kind == ui::SelectionKind::Cards);

    // Shift+click takes one out again.
    ImGui::GetIO().KeyShift = true;
    h.click(h.card_center(expected.front()));
    ImGui::GetIO().KeyShift = false;
    h.frame();
    CHECK(h.app().selection.cards.size() == expected.size() - 1);
    CHECK_FALSE(h.app().selection.has(expected.front()));
}

TEST_CASE("dragging from a card's edge handle to another card connects them") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const Document& d = h.doc();
    // Two cards that are not yet connected, in different columns.
    CardId from, to;
    for (std::size_t i = 0; i < d.cards.size() && from.empty(); ++i)
        for (std::size_t j = 0; j < d.cards.size() && from.empty(); ++j) {
            if (i == j || d.cards[i].step == d.cards[j].step) continue;
            const auto& a = d.cards[i].id;
            const auto& b = d.cards[j].id;
            const bool linked = std::any_of(d.connectors.begin(), d.connectors.end(), [&](const Connector& k) {
                return (k.from == a && k.to == b) || (k.from == b && k.to == a);
            });
            if (!linked) {
                from = a;
                to = b;
            }
        }
    REQUIRE_FALSE(from.empty());
    const auto before = d.connectors.size();
    // Hover the card first so its handles show, then drag from the right one.
    h.move(h.card_center(from));
    h.drag(h.card_handle(from), h.card_center(to));
    REQUIRE(h.doc().connectors.size() == before + 1);
    const Connector& k = h.doc().connectors.back();
    CHECK(k.from == from);
    CHECK(k.to == to);
    CHECK(k.direction == Direction::Forward);
    CHECK(h.app().selection.kind == ui::SelectionKind::Connector);
    // The card itself did not move.
    CHECK(h.doc().find(from)->step == d.find(from)->step);
}

TEST_CASE("ctrl+wheel zooms around the cursor; F fits") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const float fit = h.app().canvas.zoom;
    const ImVec2 at(400, 400);
    const layout::Vec2 under = h.app().canvas.transform.to_layout(at);
    h.wheel(at, 2, true);
    CHECK(h.app().canvas.zoom > fit);
    const layout::Vec2 still = h.app().canvas.transform.to_layout(at);
    CHECK(still.x == doctest::Approx(under.x).epsilon(0.01));
    CHECK(still.y == doctest::Approx(under.y).epsilon(0.01));
    for (int i = 0; i < 40; ++i) h.key(ui::keys::Equal);
    CHECK(h.app().canvas.zoom == doctest::Approx(ui::kMaxZoom));
    h.key(ui::keys::F);
    CHECK(h.app().canvas.zoom == doctest::Approx(fit));
    // Plain wheel scrolls.
    const float y = h.app().canvas.pan.y;
    h.wheel(at, -1);
    CHECK(h.app().canvas.pan.y < y);
}

TEST_CASE("middle drag pans the canvas") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const ImVec2 pan = h.app().canvas.pan;
    h.drag(ImVec2(500, 500), ImVec2(560, 470), 2);
    CHECK(h.app().canvas.pan.x == doctest::Approx(pan.x + 60).epsilon(0.02));
    CHECK(h.app().canvas.pan.y == doctest::Approx(pan.y - 30).epsilon(0.02));
}

// The layout made for an edit within a frame (a drop, a paste) asks the font atlas for the
// edit's new characters at once, so the next frame draws them (the measurer reports the text it
// measures; the document's text is checked once per revision; the layout's own labels after it).
TEST_CASE("new text from an edit is asked of the font atlas by the layout made for it") {
    Harness h(ui::test::blueprint("hotel-stay"));
    h.frame(3);
    REQUIRE_FALSE(h.app().fonts.glyphs_missing());
    Card c = h.doc().cards.front();
    c.title = "龘 the dragon suite";  // a character no example uses
    REQUIRE(ui::run(h.app(), edit::set_card(h.doc(), c.id, c)));
    h.lay();
    CHECK(h.app().fonts.glyphs_missing());
    CHECK(h.app().fonts.required().count(U'龘') == 1);
    h.frame(2);
    CHECK_FALSE(h.app().fonts.glyphs_missing());
}
