// Stagemap — tests of the customer value tier analysis. Counts worked by hand from fixture.h:
// cards with tiers: c-bill {value}, c-crm {value, potential}, c-followup {potential}, c-note {all four};
// the other 10 cards serve every tier; c-note serves every tier too (11 universal cards).
#include <doctest/doctest.h>

#include <string>

#include "analysis/tiers.h"
#include "fixture.h"

using namespace sm;
using namespace sm::analysis;

// [SECTION] Helpers
namespace {

// "kind@place kind@place …" (place: the tier, else the card), one string so failures print it.
std::string kinds_of(const std::vector<Finding>& fs) {
    std::string out;
    for (const Finding& f : fs)
        out += (out.empty() ? "" : " ") + f.kind + "@" + (f.tier ? f.tier->str() : f.card ? f.card->str() : "-");
    return out;
}

}  // namespace

// [SECTION] Coverage
TEST_CASE("tier coverage of the hotpot visit") {
    TierReport r = analyze_tiers(fx::hotpot());
    REQUIRE(r.coverage.size() == 4);

    // value: 10 universal + bill + crm + note = 13; linked bill, crm, note = 3;
    // frontstage snack, noodle, dish, bill, bye = 5; backstage kitchen; support crm;
    // own bill, crm = 2; own frontstage bill = 1.
    CHECK(r.coverage[0] == TierCoverage{TierId{"t-value"}, 13, 3, 5, 1, 1, 2, 1});
    // sub-value: 10 + note = 11; linked note; frontstage snack, noodle, dish, bye; kitchen; no support; no own.
    CHECK(r.coverage[1] == TierCoverage{TierId{"t-sub"}, 11, 1, 4, 1, 0, 0, 0});
    // potential: 10 + crm + followup + note = 13; linked 3; frontstage 4 + followup = 5; kitchen; crm;
    // own crm, followup; own frontstage followup.
    CHECK(r.coverage[2] == TierCoverage{TierId{"t-potential"}, 13, 3, 5, 1, 1, 2, 1});
    // low value: like sub-value.
    CHECK(r.coverage[3] == TierCoverage{TierId{"t-low"}, 11, 1, 4, 1, 0, 0, 0});
}

// [SECTION] Matrix
TEST_CASE("tier matrix: service items by lane, then step, then card order") {
    TierReport r = analyze_tiers(fx::hotpot());
    // Frontstage by step: snack (wait), noodle, dish (eat), bill (pay), bye, followup (goodbye);
    // then backstage kitchen, then support crm, although c-crm comes before c-bye in the file.
    // Evidence (menu), customer and custom (note) cards are not service items.
    std::string order;
    for (const TierMatrixRow& row : r.matrix) order += row.card.str() + " ";
    CHECK(order == "c-snack c-noodle c-dish c-bill c-bye c-followup c-kitchen c-crm ");

    REQUIRE(r.matrix.size() == 8);
    CHECK(r.matrix[0].serves == std::vector<bool>{true, true, true, true});
    CHECK(r.matrix[3].serves == std::vector<bool>{true, false, false, false});  // bill: value
    CHECK(r.matrix[5].serves == std::vector<bool>{false, false, true, false});  // followup: potential
    CHECK(r.matrix[7].serves == std::vector<bool>{true, false, true, false});   // crm: value, potential
    CHECK(r.matrix[7].lane_kind == LaneKind::Support);
    CHECK(r.matrix[7].lane == LaneId{"su"});
    CHECK(r.matrix[7].step == StepId{"s-bye"});
    CHECK(r.matrix[6].lane_kind == LaneKind::Backstage);
}

// [SECTION] Findings
TEST_CASE("tier findings of the hotpot visit") {
    TierReport r = analyze_tiers(fx::hotpot());
    // value: own frontstage bill; high potential, own items bill and crm mention no relationship word.
    // sub-value: no own frontstage item. potential: own followup is frontstage and its detail says 回访.
    // low value: no own frontstage item. Card c-note lists all four tiers.
    CHECK(kinds_of(r.findings) ==
          "no-relationship-item@t-value no-own-frontstage@t-sub no-own-frontstage@t-low lists-every-tier@c-note");
    REQUIRE(r.findings.size() == 4);
    CHECK(r.findings[0].text.find("\"Value\"") != std::string::npos);
    CHECK(r.findings[1].text.find("\"Sub-value\"") != std::string::npos);
    CHECK(r.findings[3].text.find("\"Note\"") != std::string::npos);
    CHECK(r.findings[3].card == CardId{"c-note"});
    CHECK(r.findings[3].step == StepId{"s-bye"});
    CHECK_FALSE(r.findings[3].tier);
}

TEST_CASE("a relationship item must be the tier's own and a service item") {
    Document d = fx::hotpot();
    SUBCASE("a universal card about visits does not count") {
        d.cards[1].title = "Regular VISITS";  // c-snack, serves every tier
        CHECK(kinds_of(analyze_tiers(d).findings).find("no-relationship-item@t-value") != std::string::npos);
    }
    SUBCASE("an own customer-lane card does not count") {
        d.cards[0].title = "Ask for guidance";  // c-queue, customer lane
        d.cards[0].tiers = {TierId{"t-value"}};
        CHECK(kinds_of(analyze_tiers(d).findings).find("no-relationship-item@t-value") != std::string::npos);
    }
    SUBCASE("an own backstage card in Chinese counts") {
        d.cards[8].detail = "客户经理每周拜访";  // c-bill, own to value
        CHECK(kinds_of(analyze_tiers(d).findings).find("no-relationship-item") == std::string::npos);
    }
    SUBCASE("a low-potential tier is not asked for one") {
        d.tiers[0].potential = Level::Low;
        CHECK(kinds_of(analyze_tiers(d).findings).find("no-relationship-item") == std::string::npos);
    }
}

TEST_CASE("mentions_relationship: every word of the table, ASCII case ignored, in title or detail") {
    for (std::string_view w : kRelationshipWords) {
        CAPTURE(w);
        Card c = fx::card("c", "l", "s", "Monthly " + std::string(w) + " plan");
        CHECK(mentions_relationship(c));
    }
    CHECK(mentions_relationship(fx::card("c", "l", "s", "Customer CONTACT day")));
    Card d = fx::card("c", "l", "s", "Plan");
    d.detail = "Staff Training";
    CHECK(mentions_relationship(d));
    CHECK_FALSE(mentions_relationship(fx::card("c", "l", "s", "Serve dishes")));
    CHECK_FALSE(mentions_relationship(fx::card("c", "l", "s", "送货")));
}

TEST_CASE("one tier: no own-item findings; listing it is listing every tier") {
    Document d = fx::steps_only({fx::step("a", 1)});
    d.lanes = {fx::lane("fr", LaneKind::Frontstage)};
    d.tiers = {fx::tier("t", "Only", Level::Low, Level::High)};
    d.cards = {fx::card("k1", "fr", "a", "Serve"), fx::card("k2", "fr", "a", "Guide", {"t"})};
    TierReport r = analyze_tiers(d);
    CHECK(kinds_of(r.findings) == "lists-every-tier@k2");
    CHECK(r.coverage[0] == TierCoverage{TierId{"t"}, 2, 1, 2, 0, 0, 0, 0});
}

TEST_CASE("no tiers: no coverage, no findings, matrix rows without columns") {
    Document d = fx::steps_only({fx::step("a", 1)});
    d.lanes = {fx::lane("fr", LaneKind::Frontstage)};
    d.cards = {fx::card("k1", "fr", "a", "Serve")};
    TierReport r = analyze_tiers(d);
    CHECK(r.coverage.empty());
    CHECK(r.findings.empty());
    REQUIRE(r.matrix.size() == 1);
    CHECK(r.matrix[0].serves.empty());
}

TEST_CASE("serves_every_tier") {
    Document d = fx::hotpot();
    CHECK(serves_every_tier(d, d.cards[0]));        // no tiers
    CHECK(serves_every_tier(d, d.cards[13]));       // c-note lists all four
    CHECK_FALSE(serves_every_tier(d, d.cards[10])); // c-crm lists two
}

// [SECTION] Lens and compare
TEST_CASE("tier lens") {
    Card all = fx::card("a", "l", "s", "All");
    Card value = fx::card("v", "l", "s", "Value only", {"t-value"});
    CHECK(card_visible_in_lens(all, std::nullopt));
    CHECK(card_visible_in_lens(value, std::nullopt));
    CHECK(card_visible_in_lens(all, TierId{"t-low"}));
    CHECK(card_visible_in_lens(value, TierId{"t-value"}));
    CHECK_FALSE(card_visible_in_lens(value, TierId{"t-low"}));
}

TEST_CASE("tier compare") {
    const TierId a{"a"}, b{"b"};
    CHECK(compare_card_tiers(fx::card("k", "l", "s", "t"), a, b) == TierComparison::Both);
    CHECK(compare_card_tiers(fx::card("k", "l", "s", "t", {"a", "b"}), a, b) == TierComparison::Both);
    CHECK(compare_card_tiers(fx::card("k", "l", "s", "t", {"a"}), a, b) == TierComparison::OnlyFirst);
    CHECK(compare_card_tiers(fx::card("k", "l", "s", "t", {"b", "c"}), a, b) == TierComparison::OnlySecond);
    CHECK(compare_card_tiers(fx::card("k", "l", "s", "t", {"c"}), a, b) == TierComparison::Neither);
}
