// Stagemap — keyboard editing and navigation on the canvas, and the clipboard.
#include <doctest/doctest.h>

#include "edit/cards.h"
#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/actions.h"
#include "ui/clipboard.h"
#include "ui/keys.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

// A card whose neighbouring column holds a card in the same lane.
CardId card_with_right_neighbour(Harness& h, CardId& neighbour) {
    const auto& lay = h.lay();
    const Document& d = h.doc();
    for (std::size_t k = 0; k + 1 < lay.column_order.size(); ++k) {
        const StepId s0 = d.steps[static_cast<std::size_t>(lay.column_order[k])].id;
        const StepId s1 = d.steps[static_cast<std::size_t>(lay.column_order[k + 1])].id;
        for (const auto& l : d.lanes) {
            const auto a = edit::cell_cards(d, l.id, s0), b = edit::cell_cards(d, l.id, s1);
            if (!a.empty() && !b.empty()) {
                neighbour = b.front();
                return a.front();
            }
        }
    }
    return {};
}

}  // namespace

TEST_CASE("arrow keys move the selection between cells, Tab cycles the cards") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    CardId right;
    const CardId start = card_with_right_neighbour(h, right);
    REQUIRE_FALSE(start.empty());
    h.click(h.card_center(start));
    REQUIRE(h.app().selection.has(start));
    h.named_key(ImGuiKey_RightArrow);
    REQUIRE(h.app().selection.cards.size() == 1);
    CHECK(h.app().selection.cards.front() == right);
    h.named_key(ImGuiKey_LeftArrow);
    CHECK(h.app().selection.cards.front() == start);

    // Down goes to the next card in the cell, else to the lane below.
    const Card s = *h.doc().find(start);
    h.named_key(ImGuiKey_DownArrow);
    const CardId* after = h.app().selection.primary();
    if (after) {
        const Card* c = h.doc().find(*after);
        REQUIRE(c);
        const bool same_cell = c->lane == s.lane && c->step == s.step;
        const bool lane_below = h.doc().lane_index(c->lane) == h.doc().lane_index(s.lane) + 1;
        CHECK((same_cell || lane_below));
    }

    // Tab from nothing selects the first card in reading order; Shift+Tab goes back.
    h.app().selection.clear();
    h.named_key(ImGuiKey_Tab);
    REQUIRE(h.app().selection.primary());
    const auto& lay = h.lay();
    const int first_layout = lay.cards_by_step.at(static_cast<std::size_t>(lay.column_order.front())).front();
    CHECK(*h.app().selection.primary() == h.doc().cards[static_cast<std::size_t>(lay.cards[static_cast<std::size_t>(first_layout)].card)].id);
    const CardId first = *h.app().selection.primary();
    h.named_key(ImGuiKey_Tab);
    CHECK(*h.app().selection.primary() != first);
    h.named_key(ImGuiKey_Tab, false, true);
    CHECK(*h.app().selection.primary() == first);
}

TEST_CASE("Delete removes the selection, ctrl+d duplicates, ctrl+a selects all") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const auto n = h.doc().cards.size();
    const CardId id = h.doc().cards.at(3).id;
    h.click(h.card_center(id));
    h.key(ui::keys::D, true);
    CHECK(h.doc().cards.size() == n + 1);
    REQUIRE(h.app().selection.cards.size() == 1);
    const CardId copy = h.app().selection.cards.front();
    CHECK(copy != id);
    CHECK(h.doc().find(copy)->title == h.doc().find(id)->title);

    h.named_key(ImGuiKey_Delete);
    CHECK(h.doc().cards.size() == n);
    CHECK_FALSE(h.doc().find(copy));
    CHECK(h.app().selection.empty());

    h.key(ui::keys::A, true);
    CHECK(h.app().selection.cards.size() == n);
    h.named_key(ImGuiKey_Escape);
    CHECK(h.app().selection.empty());
}

TEST_CASE("copy puts format-v1 JSON on the clipboard; paste lands in the selected card's cell") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const Document& d = h.doc();
    const CardId a = d.cards.at(0).id;
    CardId b;
    for (const auto& c : d.cards)
        if (c.lane != d.cards[0].lane || c.step != d.cards[0].step) {
            b = c.id;
            break;
        }
    REQUIRE_FALSE(b.empty());
    h.click(h.card_center(a));
    h.key(ui::keys::C, true);
    const std::string text = ImGui::GetClipboardText();
    const auto loaded = io::load_text(text);
    REQUIRE(loaded.ok());
    CHECK(loaded.document->cards.size() == 1);
    CHECK(loaded.document->cards[0].title == d.find(a)->title);
    CHECK(io::validate(*loaded.document).empty());

    const auto n = d.cards.size();
    h.click(h.card_center(b));
    h.key(ui::keys::V, true);
    REQUIRE(h.doc().cards.size() == n + 1);
    const CardId pasted = h.app().selection.cards.at(0);
    const Card* p = h.doc().find(pasted);
    REQUIRE(p);
    CHECK(p->title == h.doc().find(a)->title);
    CHECK(p->lane == h.doc().find(b)->lane);
    CHECK(p->step == h.doc().find(b)->step);
    CHECK(edit::cell_position(h.doc(), pasted) == edit::cell_position(h.doc(), b) + 1);

    // Cut removes; paste brings a copy back.
    h.key(ui::keys::X, true);
    CHECK(h.doc().cards.size() == n);
    h.key(ui::keys::V, true);
    CHECK(h.doc().cards.size() == n + 1);
}

TEST_CASE("pasting text that is not a blueprint changes nothing") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const auto before = io::to_text(h.doc());
    ImGui::SetClipboardText("hello");
    h.key(ui::keys::V, true);
    CHECK(io::to_text(h.doc()) == before);
    ImGui::SetClipboardText("{\"format\": \"nope\"}");
    h.key(ui::keys::V, true);
    CHECK(io::to_text(h.doc()) == before);
    std::string err;
    CHECK_FALSE(ui::clip_from_json("[1,2]", &err));
    CHECK_FALSE(err.empty());
}

TEST_CASE("clipboard JSON keeps connectors between copied cards and the tiers they use") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const Document& d = h.doc();
    REQUIRE_FALSE(d.connectors.empty());
    const Connector& k = d.connectors.front();
    const auto clip = edit::copy_cards(d, {k.from, k.to});
    const auto json = ui::clip_to_json(d, clip);
    const auto back = ui::clip_from_json(json);
    REQUIRE(back);
    CHECK(back->cards.size() == 2);
    REQUIRE(back->connectors.size() >= 1);
    CHECK(io::load_text(json).diagnostics.size() == io::load_text(json).warnings().size());  // no errors
}

TEST_CASE("Enter edits the selected card's title; Shift+Enter adds a line; Esc cancels") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const CardId id = h.doc().cards.at(0).id;
    const std::string title = h.doc().find(id)->title;
    h.click(h.card_center(id));
    h.frame(20);  // not a double-click with what follows
    h.named_key(ImGuiKey_Enter);
    REQUIRE(h.app().canvas.edit.target == ui::EditTarget::CardTitle);
    h.frame(3);
    h.type("A");
    h.named_key(ImGuiKey_Enter, false, true);  // shift+enter: a new line
    h.type("B");
    CHECK(h.app().canvas.edit.target == ui::EditTarget::CardTitle);
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    CHECK(h.app().canvas.edit.target == ui::EditTarget::None);
    CHECK(h.doc().find(id)->title == title + "A\nB");
    CHECK(h.app().session.history.undo_name() == "Edit card");

    h.named_key(ImGuiKey_Enter);
    h.frame(3);
    h.type("zzz");
    h.named_key(ImGuiKey_Escape);
    h.frame(2);
    CHECK(h.app().canvas.edit.target == ui::EditTarget::None);
    CHECK(h.doc().find(id)->title == title + "A\nB");
}
