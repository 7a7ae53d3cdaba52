// Stagemap — tests of the blueprint checks. Expected findings worked by hand from fixture.h.
#include <doctest/doctest.h>

#include <string>

#include "analysis/checks.h"
#include "fixture.h"

using namespace sm;
using namespace sm::analysis;

namespace {

// "kind@step/card kind@step …", one string so failures print it.
std::string kinds_of(const std::vector<Finding>& fs) {
    std::string out;
    for (const Finding& f : fs) {
        out += (out.empty() ? "" : " ") + f.kind + "@" + (f.step ? f.step->str() : "-");
        if (f.card) out += "/" + f.card->str();
    }
    return out;
}

// Steps a (rated e) with one customer card and the given extra cards; lanes of every kind.
Document one_step(std::optional<int> e, std::vector<Card> extra) {
    Document d = fx::steps_only({fx::step("a", e)});
    d.steps[0].name = "Pay";
    d.lanes = {fx::lane("cu", LaneKind::Customer), fx::lane("fr", LaneKind::Frontstage),
               fx::lane("ba", LaneKind::Backstage), fx::lane("su", LaneKind::Support), fx::lane("cx", LaneKind::Custom)};
    d.cards = {fx::card("k-cust", "cu", "a", "Customer pays")};
    for (Card& c : extra) d.cards.push_back(std::move(c));
    return d;
}

Card with_fail(Card c) {
    c.fail = "it fails";
    return c;
}

Card with_wait(Card c, double minutes) {
    c.wait_min = minutes;
    return c;
}

}  // namespace

TEST_CASE("checks of the hotpot visit") {
    // s-wait (-1): c-queue waits 15 > 10 -> long-wait; its opportunity is written.
    // s-seat: customer card c-seat. s-noodle: only c-noodle (frontstage) -> no-customer-action.
    // s-eat: fail c-dish backed by c-kitchen (backstage).
    // s-pay (-1): no opportunity; fail c-bill with only c-pay beside it; its 5-minute wait is short.
    // s-bye: no customer card.
    std::vector<Finding> fs = check_blueprint(fx::hotpot());
    CHECK(kinds_of(fs) ==
          "long-wait@s-wait/c-queue no-customer-action@s-noodle negative-without-opportunity@s-pay "
          "fail-without-backstage@s-pay/c-bill no-customer-action@s-bye");
    REQUIRE(fs.size() == 5);
    CHECK(fs[0].text.find("15 minutes") != std::string::npos);
    CHECK(fs[0].text.find("\"Take a queue number\"") != std::string::npos);
    CHECK(fs[0].text.find("\"Wait for a table\"") != std::string::npos);
    CHECK(fs[1].text.find("\"Noodle show\"") != std::string::npos);
    CHECK(fs[3].text.find("\"Present the bill\"") != std::string::npos);
}

TEST_CASE("long wait: over 10 minutes, only in a step rated negative") {
    CHECK(kinds_of(check_blueprint(one_step(-1, {with_wait(fx::card("w", "fr", "a", "Queue"), 10)}))) ==
          "negative-without-opportunity@a");  // exactly 10 is not over
    CHECK(kinds_of(check_blueprint(one_step(-1, {with_wait(fx::card("w", "fr", "a", "Queue"), 10.5)}))) ==
          "negative-without-opportunity@a long-wait@a/w");
    CHECK(kinds_of(check_blueprint(one_step(0, {with_wait(fx::card("w", "fr", "a", "Queue"), 30)}))) == "");
    CHECK(kinds_of(check_blueprint(one_step(std::nullopt, {with_wait(fx::card("w", "fr", "a", "Queue"), 30)}))) ==
          "");
}

TEST_CASE("fail point: backed only by another card behind the line of visibility") {
    CHECK(kinds_of(check_blueprint(one_step(0, {with_fail(fx::card("f", "fr", "a", "Bill"))}))) ==
          "fail-without-backstage@a/f");
    CHECK(kinds_of(check_blueprint(
              one_step(0, {with_fail(fx::card("f", "fr", "a", "Bill")), fx::card("s", "su", "a", "POS")}))) == "");
    CHECK(kinds_of(check_blueprint(
              one_step(0, {with_fail(fx::card("f", "fr", "a", "Bill")), fx::card("b", "ba", "a", "Cashier")}))) ==
          "");
    // A custom-lane card is not backstage or support.
    CHECK(kinds_of(check_blueprint(
              one_step(0, {with_fail(fx::card("f", "fr", "a", "Bill")), fx::card("x", "cx", "a", "Note")}))) ==
          "fail-without-backstage@a/f");
    // A backstage fail point does not back itself.
    CHECK(kinds_of(check_blueprint(one_step(0, {with_fail(fx::card("f", "ba", "a", "Kitchen"))}))) ==
          "fail-without-backstage@a/f");
    // A customer-lane fail point counts too.
    CHECK(kinds_of(check_blueprint(one_step(0, {with_fail(fx::card("f", "cu", "a", "Wrong order"))}))) ==
          "fail-without-backstage@a/f");
}

TEST_CASE("a negative step with an opportunity is fine") {
    Document d = one_step(-2, {});
    CHECK(kinds_of(check_blueprint(d)) == "negative-without-opportunity@a");
    CHECK(check_blueprint(d)[0].text.find("(-2)") != std::string::npos);
    d.steps[0].opportunity = "Pay at the table";
    CHECK(check_blueprint(d).empty());
}

TEST_CASE("no customer lane: one finding, no per-step customer findings") {
    Document d = fx::steps_only({fx::step("a", 1), fx::step("b", 1)});
    d.lanes = {fx::lane("fr", LaneKind::Frontstage)};
    CHECK(kinds_of(check_blueprint(d)) == "no-customer-lane@-");
    d.lanes.push_back(fx::lane("cu", LaneKind::Customer));
    CHECK(kinds_of(check_blueprint(d)) == "no-customer-action@a no-customer-action@b");
}

TEST_CASE("an empty document has no findings") { CHECK(check_blueprint(Document{}).empty()); }
