// Stagemap — customer value tiers in the GUI: the Tiers panel, the inspector's tier checkboxes,
// the tier lens and compare, presets and the value map, driven through headless ImGui frames.
#include <doctest/doctest.h>

#include <algorithm>

#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/keys.h"
#include "ui/modals.h"

using namespace sm;
using sm::ui::test::Harness;
using sm::ui::test::click_control;

namespace {

std::size_t links_to(const Document& d, const TierId& t) {
    return static_cast<std::size_t>(std::count_if(d.cards.begin(), d.cards.end(), [&](const Card& c) {
        return std::find(c.tiers.begin(), c.tiers.end(), t) != c.tiers.end();
    }));
}

// The first card that lists `t`, and the first that lists tiers but not `t`.
std::pair<CardId, CardId> linked_and_not(const Document& d, const TierId& t) {
    CardId with, without;
    for (const Card& c : d.cards) {
        const bool has = std::find(c.tiers.begin(), c.tiers.end(), t) != c.tiers.end();
        if (has && with.empty()) with = c.id;
        if (!has && !c.tiers.empty() && without.empty()) without = c.id;
    }
    return {with, without};
}

}  // namespace

TEST_CASE("a new blueprint starts with the four value tiers and their strategies, in English") {
    Harness h;
    const auto& tiers = h.doc().tiers;
    REQUIRE(tiers.size() == 4);
    CHECK(tiers[0].id.str() == "value");
    CHECK(tiers[1].id.str() == "sub-value");
    CHECK(tiers[2].id.str() == "potential-value");
    CHECK(tiers[3].id.str() == "low-value");
    CHECK(tiers[2].name == "Potential-value customers");
    CHECK(tiers[2].current == Level::Low);
    CHECK(tiers[2].potential == Level::High);
    for (const auto& t : tiers) CHECK_FALSE(t.strategy.empty());
    CHECK_FALSE(h.app().session.dirty());
    CHECK_FALSE(h.app().session.history.can_undo());
}

TEST_CASE("renaming a tier in the Tiers panel is one undo step") {
    Harness h(ui::test::blueprint("hotel-stay"));
    h.app().tiers_panel.open = true;
    h.frame(2);
    const TierId id = h.doc().tiers[1].id;
    const std::string before = io::to_text(h.doc());
    click_control(h, "tier:" + id.str() + ":header");
    REQUIRE(h.app().tiers_panel.expanded == id);
    h.frame(2);
    click_control(h, "tier:" + id.str() + ":name");
    h.frame();
    h.key(ui::keys::A, true);  // select the old name
    h.type("Corporate regulars");
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    CHECK(h.doc().find(id)->name == "Corporate regulars");
    CHECK(h.app().session.history.undo_count() == 1);
    CHECK(h.app().session.history.undo_name() == "Rename tier");
    h.key(ui::keys::Z, true);
    CHECK(io::to_text(h.doc()) == before);
}

TEST_CASE("moving a tier down with its arrow, and back with undo") {
    Harness h(ui::test::blueprint("hotel-stay"));
    h.app().tiers_panel.open = true;
    h.frame(2);
    const TierId first = h.doc().tiers[0].id;
    click_control(h, "tier:" + first.str() + ":down");
    CHECK(h.doc().tier_index(first) == 1);
    CHECK(h.app().session.history.undo_count() == 1);
    h.key(ui::keys::Z, true);
    CHECK(h.doc().tier_index(first) == 0);
}

TEST_CASE("dragging a tier's header onto another reorders the tiers in one step") {
    Harness h(ui::test::blueprint("hotel-stay"));
    h.app().tiers_panel.open = true;
    h.frame(2);
    const TierId first = h.doc().tiers[0].id, third = h.doc().tiers[2].id;
    const auto& ctl = h.app().tiers_panel.controls;
    const auto from = ctl.center("tier:" + first.str() + ":header");
    const auto to = ctl.center("tier:" + third.str() + ":header");
    REQUIRE(from);
    REQUIRE(to);
    h.drag(*from, *to, 0, 12);
    h.frame(2);
    CHECK(h.doc().tier_index(first) == 2);
    CHECK(h.app().session.history.undo_count() == 1);
    CHECK(h.app().session.history.undo_name() == "Move tier");
}

TEST_CASE("picking a tier's colour is one undo step, taken when the picker closes") {
    Harness h(ui::test::blueprint("hotel-stay"));
    h.app().tiers_panel.open = true;
    h.frame(2);
    const TierId id = h.doc().tiers[0].id;
    const auto before = h.doc().tiers[0].color;
    click_control(h, "tier:" + id.str() + ":color");
    h.frame();
    click_control(h, "palette:4");  // vermillion
    click_control(h, "palette:5");  // sky blue
    CHECK(h.doc().tiers[0].color == before);  // nothing yet: the picker is open
    click_control(h, "picker:done");
    h.frame(2);
    CHECK(h.doc().tiers[0].color == Color{0x56, 0xB4, 0xE9});
    CHECK(h.app().session.history.undo_count() == 1);
    h.key(ui::keys::Z, true);
    CHECK(h.doc().tiers[0].color == before);
}

TEST_CASE("deleting a tier removes its card links in one step; undo brings them back") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const TierId id = h.doc().tiers[0].id;
    const std::size_t links = links_to(h.doc(), id);
    REQUIRE(links > 0);
    const std::string before = io::to_text(h.doc());
    h.app().tiers_panel.open = true;
    h.frame(2);
    click_control(h, "tier:" + id.str() + ":header");
    h.frame(2);
    click_control(h, "tier:" + id.str() + ":delete");
    CHECK_FALSE(h.doc().find(id));
    CHECK(links_to(h.doc(), id) == 0);
    CHECK(h.app().session.history.undo_count() == 1);
    h.key(ui::keys::Z, true);
    REQUIRE(h.doc().find(id));
    CHECK(links_to(h.doc(), id) == links);
    CHECK(io::to_text(h.doc()) == before);
}

TEST_CASE("the tier checkbox of several selected cards shows the mixed state and links them all") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const TierId t = h.doc().tiers[3].id;
    const auto pair = linked_and_not(h.doc(), t);
    const CardId with = pair.first, without = pair.second;
    REQUIRE_FALSE(with.empty());
    REQUIRE_FALSE(without.empty());
    h.app().selection.set_cards({with, without});
    h.frame(2);
    CHECK(edit::tier_link_state(h.doc(), {with, without}, t) == edit::LinkState::Some);
    click_control(h, "link:" + t.str());
    CHECK(edit::tier_link_state(h.doc(), {with, without}, t) == edit::LinkState::All);
    CHECK(h.app().session.history.undo_count() == 1);
    click_control(h, "link:" + t.str());
    CHECK(edit::tier_link_state(h.doc(), {with, without}, t) == edit::LinkState::None);
    CHECK(h.app().session.history.undo_count() == 2);
    h.key(ui::keys::Z, true);
    h.key(ui::keys::Z, true);
    CHECK(edit::tier_link_state(h.doc(), {with, without}, t) == edit::LinkState::Some);
}

TEST_CASE("the toolbar's tier lens dims the cards that do not serve the tier, or hides them") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const TierId t = h.doc().tiers[2].id;
    click_control(h, "lens");
    h.frame();
    click_control(h, "lens:" + t.str());
    REQUIRE(h.app().view.tier_lens == t);
    std::size_t dimmed = 0, normal = 0;
    for (const Card& c : h.doc().cards) {
        const auto look = ui::card_look(h.app(), c.id);
        CHECK(look == (c.serves(t) ? render::CardLook::Normal : render::CardLook::Dimmed));
        (look == render::CardLook::Dimmed ? dimmed : normal)++;
    }
    CHECK(dimmed > 0);
    CHECK(normal > 0);
    click_control(h, "lens:hide");
    CHECK(h.app().view.hide_other_tiers);
    for (const Card& c : h.doc().cards)
        CHECK(ui::card_look(h.app(), c.id) == (c.serves(t) ? render::CardLook::Normal : render::CardLook::Hidden));
    // Back to all tiers.
    click_control(h, "lens");
    h.frame();
    click_control(h, "lens:all");
    CHECK_FALSE(h.app().view.tier_lens);
    for (const Card& c : h.doc().cards) CHECK(ui::card_look(h.app(), c.id) == render::CardLook::Normal);
}

TEST_CASE("compare mode marks cards A, B or A+B and dims those serving neither") {
    Harness h(ui::test::blueprint("retail-store-visit"));
    click_control(h, "lens");
    h.frame();
    click_control(h, "lens:compare");
    const auto& cmp = h.app().view.tier_compare;
    REQUIRE(cmp.on);
    CHECK_FALSE(h.app().view.tier_lens);
    // Choose potential-value (A) against low-value (B) in the toolbar.
    const TierId a = TierId("t-potential"), b = TierId("t-low");
    click_control(h, "compare-a");
    h.frame();
    click_control(h, "compare-a:" + a.str());
    click_control(h, "compare-b");
    h.frame();
    click_control(h, "compare-b:" + b.str());
    REQUIRE(cmp.first == a);
    REQUIRE(cmp.second == b);
    const auto opts = ui::tier_paint_options(h.app());
    REQUIRE(opts.tier_compare);
    for (const Card& c : h.doc().cards) {
        const bool neither = !c.serves(a) && !c.serves(b);
        CHECK(ui::card_look(h.app(), c.id) == (neither ? render::CardLook::Dimmed : render::CardLook::Normal));
    }
    // The marks paint_blueprint draws: one text per card serving a tier.
    struct Texts : render::Painter {
        std::vector<std::string> texts;
        void fill_rect(const layout::Rect&, render::RGBA, float) override {}
        void stroke_rect(const layout::Rect&, render::RGBA, float, float) override {}
        void line(layout::Vec2, layout::Vec2, render::RGBA, float, bool) override {}
        void polyline(const std::vector<layout::Vec2>&, render::RGBA, float, bool) override {}
        void fill_polygon(const std::vector<layout::Vec2>&, render::RGBA) override {}
        void fill_circle(layout::Vec2, float, render::RGBA) override {}
        void stroke_circle(layout::Vec2, float, render::RGBA, float) override {}
        void text(layout::Vec2, std::string_view s, float, render::RGBA, bool) override { texts.emplace_back(s); }
    } painter;
    render::paint_tier_compare_marks(h.doc(), h.lay(), painter, opts);
    std::size_t only_a = 0, only_b = 0, both = 0;
    for (const Card& c : h.doc().cards) {
        only_a += c.serves(a) && !c.serves(b);
        only_b += !c.serves(a) && c.serves(b);
        both += c.serves(a) && c.serves(b);
    }
    REQUIRE(only_a > 0);
    CHECK(std::count(painter.texts.begin(), painter.texts.end(), "A") == static_cast<long>(only_a));
    CHECK(std::count(painter.texts.begin(), painter.texts.end(), "B") == static_cast<long>(only_b));
    CHECK(std::count(painter.texts.begin(), painter.texts.end(), "A+B") == static_cast<long>(both));
    click_control(h, "compare:stop");
    CHECK_FALSE(cmp.on);
}

TEST_CASE("a preset applies in one undo step; one that would drop links asks first") {
    SUBCASE("no links to lose: applied at once") {
        Harness h;  // a new blueprint: the value quadrants, no links
        h.app().tiers_panel.open = true;
        h.frame(2);
        click_control(h, "preset:grades");
        const auto& t = h.doc().tiers;
        REQUIRE(t.size() == 4);
        CHECK(t[0].name == "Special grade");
        CHECK(t[0].visit_days == 3.5);
        CHECK(t[1].visit_days == 7.0);
        CHECK(t[2].visit_days == 14.0);
        CHECK(t[3].visit_days == 30.0);
        CHECK(h.app().session.history.undo_count() == 1);
        h.key(ui::keys::Z, true);
        CHECK(h.doc().tiers.front().id.str() == "value");
    }
    SUBCASE("links to lose: confirm, then one step") {
        Harness h(ui::test::blueprint("hotel-stay"));
        const std::string before = io::to_text(h.doc());
        h.app().tiers_panel.open = true;
        h.frame(2);
        click_control(h, "preset:core");
        CHECK(h.app().tiers_panel.confirm_preset.has_value());
        CHECK(io::to_text(h.doc()) == before);  // nothing yet
        h.frame(2);
        CHECK(Harness::window_open("###replace_tiers"));
        click_control(h, "preset:confirm");
        h.frame();
        REQUIRE(h.doc().tiers.size() == 3);
        CHECK(h.doc().tiers[0].id.str() == "core");
        for (const Card& c : h.doc().cards) CHECK(c.tiers.empty());
        CHECK(h.app().session.history.undo_count() == 1);
        h.key(ui::keys::Z, true);
        CHECK(io::to_text(h.doc()) == before);
    }
}

TEST_CASE("a click on a tier in the value map turns its lens on") {
    Harness h(ui::test::blueprint("retail-store-visit"));
    ui::open_value_map(h.app());
    h.frame(3);
    REQUIRE(Harness::window_open("###value_map"));
    const TierId t = h.doc().tiers[2].id;
    REQUIRE(ui::quadrant_of(h.doc().tiers[2]) == ui::Quadrant::PotentialValue);
    click_control(h, "map:" + t.str());
    CHECK(h.app().view.tier_lens == t);
    CHECK_FALSE(h.app().session.history.can_undo());  // a view, not an edit
}

TEST_CASE("the tier report counts service items of a tier's own") {
    {
        Harness h;
        // A new blueprint has tiers but no cards: no tier has an item of its own.
        const auto& r = ui::tier_report(h.app());
        for (std::size_t k = 0; k < h.doc().tiers.size(); ++k) CHECK(ui::tier_item_counts(r, k).own == 0);
    }
    Harness h(ui::test::blueprint("retail-store-visit"));
    const auto& r = ui::tier_report(h.app());
    for (std::size_t k = 0; k < h.doc().tiers.size(); ++k) CHECK(ui::tier_item_counts(r, k).own > 0);
}
