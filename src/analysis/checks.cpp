// Stagemap — blueprint checks.
#include "analysis/checks.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "analysis/text.h"

namespace sm::analysis {

using text::quoted_name;

// [SECTION] Helpers
namespace {

bool behind_the_line(LaneKind k) { return k == LaneKind::Backstage || k == LaneKind::Support; }

// The kind of a card's lane; Custom when the lane is missing.
LaneKind kind_of(const std::unordered_map<LaneId, LaneKind>& kinds, const Card& c) {
    auto it = kinds.find(c.lane);
    return it == kinds.end() ? LaneKind::Custom : it->second;
}

// [SECTION] Step checks
void check_step(const Step& s, const std::vector<const Card*>& cards,
                const std::unordered_map<LaneId, LaneKind>& kinds, bool has_customer_lane,
                std::vector<Finding>& out) {
    const bool has_customer_action = std::any_of(cards.begin(), cards.end(), [&kinds](const Card* c) {
        return kind_of(kinds, *c) == LaneKind::Customer;
    });
    if (has_customer_lane && !has_customer_action)
        out.push_back(Finding{"no-customer-action", s.id, std::nullopt, std::nullopt,
                              "Step " + quoted_name(s) +
                                  " has no customer action: write what the customer does there, or merge the step "
                                  "into a neighbour."});

    const bool negative = s.emotion && *s.emotion < 0;
    if (negative && text::blank(s.opportunity))
        out.push_back(Finding{"negative-without-opportunity", s.id, std::nullopt, std::nullopt,
                              "Step " + quoted_name(s) + " feels bad (" + text::signed_emotion(*s.emotion) +
                                  ") but has no improvement idea: write an opportunity for it."});

    for (const Card* c : cards) {
        if (c->is_fail_point()) {
            const bool backed = std::any_of(cards.begin(), cards.end(), [&](const Card* other) {
                return other != c && behind_the_line(kind_of(kinds, *other));
            });
            if (!backed)
                out.push_back(Finding{"fail-without-backstage", s.id, c->id, std::nullopt,
                                      "Fail point " + quoted_name(*c) + " in step " + quoted_name(s) +
                                          " has no backstage or support card behind it: add who detects the "
                                          "failure and recovers from it."});
        }
        if (negative && c->wait_min && *c->wait_min > kLongWaitMinutes)
            out.push_back(Finding{"long-wait", s.id, c->id, std::nullopt,
                                  "Customers wait " + text::number(*c->wait_min) + " minutes at " + quoted_name(*c) +
                                      " in step " + quoted_name(s) + ", which feels bad (" +
                                      text::signed_emotion(*s.emotion) +
                                      "): shorten the wait or fill it with information or something to do."});
    }
}

}  // namespace

// [SECTION] Checks
std::vector<Finding> check_blueprint(const Document& doc) {
    std::vector<Finding> out;
    std::unordered_map<LaneId, LaneKind> kinds;
    bool has_customer_lane = false;
    for (const Lane& l : doc.lanes) {
        kinds.emplace(l.id, l.kind);
        has_customer_lane = has_customer_lane || l.kind == LaneKind::Customer;
    }
    if (!has_customer_lane && !doc.steps.empty())
        out.push_back(Finding{"no-customer-lane", std::nullopt, std::nullopt, std::nullopt,
                              "The blueprint has no customer lane: add one and write the customer's actions "
                              "first, since every other lane serves them."});

    std::unordered_map<StepId, std::vector<const Card*>> by_step;
    for (const Card& c : doc.cards) by_step[c.step].push_back(&c);
    const std::vector<const Card*> none;
    for (const Step& s : doc.steps) {
        auto it = by_step.find(s.id);
        check_step(s, it == by_step.end() ? none : it->second, kinds, has_customer_lane, out);
    }
    return out;
}

}  // namespace sm::analysis
