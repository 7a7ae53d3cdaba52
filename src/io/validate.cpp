// Semantic rules of format v1 on an in-memory document: uniqueness, references, contiguous
// phases, lane order. Paths use the document's array indices, which match the file's.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "io/json_detail.h"

namespace sm::io {

// [SECTION] Helpers
namespace {

std::string indexed(std::string_view base, std::size_t i) { return std::string(base) + "[" + std::to_string(i) + "]"; }
std::string quote_id(std::string_view s) {
    std::string q = "\"";  // appended, not "\"" + …: GCC 12 warns falsely (-Wrestrict)
    q += s;
    q += '"';
    return q;
}

// Edit distance, for "did you mean" on misspelt references. Small strings only.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    if (a.size() > 64 || b.size() > 64) return 1000;
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Index of ids of one kind: reports duplicates, answers references.
template <class IdT>
class IdIndex {
public:
    IdIndex(std::string_view kind, std::string_view array) : kind_(kind), array_(array) {}

    template <class Vec>
    void build(const Vec& objects, detail::Diagnostics& d) {
        for (std::size_t i = 0; i < objects.size(); ++i) {
            const std::string& id = objects[i].id.value;
            std::string where = indexed(array_, i) + ".id";
            if (d.covered(where)) continue;
            if (id.empty()) {
                d.error(where, "must not be empty");
                continue;
            }
            auto [it, inserted] = first_.emplace(id, i);
            if (!inserted)
                d.error(where, "duplicate " + std::string(kind_) + " id " + quote_id(id) + " (also at " +
                                   indexed(array_, it->second) + ".id)");
        }
    }

    bool contains(const IdT& id) const { return first_.count(id.value) > 0; }
    std::size_t index(const IdT& id) const { return first_.at(id.value); }

    // Checks a reference; the message names the missing id and a close match if there is one.
    void check(const IdT& ref, const std::string& where, detail::Diagnostics& d) const {
        // A broken array (e.g. "lanes": null) is one error, not one more per reference to it.
        if (ref.value.empty() || d.covered(where) || d.covered(array_) || contains(ref)) return;
        std::string msg = "no " + std::string(kind_) + " with id " + quote_id(ref.value);
        if (++suggestions_ > kMaxSuggestions) {  // a hostile file must not make this quadratic
            d.error(where, msg);
            return;
        }
        std::string best;
        std::size_t best_distance = 3;
        for (const auto& [id, _] : first_) {
            std::size_t dist = edit_distance(ref.value, id);
            if (dist < best_distance || (dist == best_distance && !best.empty() && id < best)) {
                if (dist < best_distance) best_distance = dist;
                best = id;
            }
        }
        if (!best.empty() && best_distance <= 2) msg += "; did you mean " + quote_id(best) + "?";
        d.error(where, msg);
    }

private:
    std::string_view kind_;
    std::string_view array_;
    std::unordered_map<std::string, std::size_t> first_;
    static constexpr int kMaxSuggestions = 20;
    mutable int suggestions_ = 0;
};

std::string lane_kind_list() {
    std::string s;
    for (LaneKind k : kCanonicalLaneKinds) {
        if (!s.empty()) s += ", ";
        s += to_string(k);
    }
    return s;
}

// [SECTION] Rules
void check_steps(const Document& doc, const IdIndex<PhaseId>& phases, detail::Diagnostics& d) {
    // Steps of one phase must be contiguous; their runs should follow the phases' order.
    std::unordered_map<std::string, std::size_t> run_end;  // phase id -> index of its run's last step
    const Step* previous = nullptr;
    std::size_t last_phase_index = 0;
    bool order_warned = false;
    std::vector<std::size_t> end_pins;
    for (std::size_t i = 0; i < doc.steps.size(); ++i) {
        const Step& s = doc.steps[i];
        std::string where = indexed("steps", i) + ".phase";
        phases.check(s.phase, where, d);
        if (s.end == true) end_pins.push_back(i);
        if (s.phase.empty() || !phases.contains(s.phase)) {
            previous = nullptr;
            continue;
        }
        const bool continues_run = previous && previous->phase == s.phase;
        if (!continues_run) {
            if (auto it = run_end.find(s.phase.value); it != run_end.end()) {
                d.error(where, "the steps of phase " + quote_id(s.phase.value) +
                                   " must stand together, but this one is separated from the others (last at steps[" +
                                   std::to_string(it->second) + "]) by steps of another phase");
            } else {
                std::size_t pi = phases.index(s.phase);
                if (pi < last_phase_index && !order_warned) {
                    d.warning(where, "the steps of phase " + quote_id(s.phase.value) +
                                         " come after those of a phase listed later in phases; columns follow the steps' order");
                    order_warned = true;
                }
                last_phase_index = std::max(last_phase_index, pi);
            }
        }
        run_end[s.phase.value] = i;
        previous = &s;
    }
    if (end_pins.size() > 1) {
        for (std::size_t k = 0; k + 1 < end_pins.size(); ++k)
            d.warning(indexed("steps", end_pins[k]) + ".end",
                      "several steps are pinned as the end; the last of them (steps[" + std::to_string(end_pins.back()) +
                          "]) is used");
    }
}

void check_lanes(const Document& doc, detail::Diagnostics& d) {
    int highest_rank = -1;
    LaneKind highest_kind = LaneKind::Custom;
    for (std::size_t i = 0; i < doc.lanes.size(); ++i) {
        auto rank = canonical_rank(doc.lanes[i].kind);
        if (!rank) continue;
        if (*rank < highest_rank) {
            d.warning(indexed("lanes", i) + ".kind",
                      "a " + std::string(to_string(doc.lanes[i].kind)) + " lane below a " +
                          std::string(to_string(highest_kind)) + " lane is out of the canonical order (" +
                          lane_kind_list() + "); the lines are drawn below the lowest lane of each kind");
        } else {
            highest_rank = *rank;
            highest_kind = doc.lanes[i].kind;
        }
    }
}

void check_cards(const Document& doc, const IdIndex<LaneId>& lanes, const IdIndex<StepId>& steps,
                 const IdIndex<TierId>& tiers, detail::Diagnostics& d) {
    for (std::size_t i = 0; i < doc.cards.size(); ++i) {
        const Card& c = doc.cards[i];
        const std::string base = indexed("cards", i);
        lanes.check(c.lane, base + ".lane", d);
        steps.check(c.step, base + ".step", d);
        std::unordered_set<std::string> seen;
        for (std::size_t t = 0; t < c.tiers.size(); ++t) {
            const std::string where = indexed(base + ".tiers", t);
            tiers.check(c.tiers[t], where, d);
            if (!seen.insert(c.tiers[t].value).second)
                d.warning(where, "tier " + quote_id(c.tiers[t].value) + " is listed twice on this card");
        }
    }
}

// Ranges the type system does not hold, for documents built in memory (paste, import).
void check_values(const Document& doc, detail::Diagnostics& d) {
    auto report = [&d](const std::string& where, std::string msg) {
        if (!d.covered(where)) d.error(where, std::move(msg));
    };
    for (std::size_t i = 0; i < doc.steps.size(); ++i) {
        const Step& s = doc.steps[i];
        if (s.emotion && (*s.emotion < kEmotionMin || *s.emotion > kEmotionMax))
            report(indexed("steps", i) + ".emotion", "must be a whole number from -2 to +2, not " + std::to_string(*s.emotion));
        if (s.duration_min && !(*s.duration_min >= 0))
            report(indexed("steps", i) + ".duration_min", "must be a number of minutes, 0 or more");
    }
    for (std::size_t i = 0; i < doc.cards.size(); ++i) {
        const Card& c = doc.cards[i];
        if (c.wait_min && !(*c.wait_min >= 0))
            report(indexed("cards", i) + ".wait_min", "must be a number of minutes, 0 or more");
        if (c.votes < 0) report(indexed("cards", i) + ".votes", "must be a whole number of votes, 0 or more");
    }
    for (std::size_t i = 0; i < doc.tiers.size(); ++i) {
        const Tier& t = doc.tiers[i];
        if (t.visit_days && !(*t.visit_days > 0))
            report(indexed("tiers", i) + ".visit_days", "must be a number of days greater than 0");
    }
}

void check_connectors(const Document& doc, const IdIndex<CardId>& cards, detail::Diagnostics& d) {
    for (std::size_t i = 0; i < doc.connectors.size(); ++i) {
        const Connector& c = doc.connectors[i];
        const std::string base = indexed("connectors", i);
        cards.check(c.from, base + ".from", d);
        cards.check(c.to, base + ".to", d);
        if (!c.from.empty() && c.from == c.to && !d.covered(base + ".to"))
            d.error(base + ".to", "a connector must join two different cards, but from and to are both " +
                                      quote_id(c.from.value));
    }
}

}  // namespace

// [SECTION] Entry points
namespace detail {
void validate_into(const Document& doc, Diagnostics& d) {
    IdIndex<PhaseId> phases("phase", "phases");
    IdIndex<StepId> steps("step", "steps");
    IdIndex<LaneId> lanes("lane", "lanes");
    IdIndex<CardId> cards("card", "cards");
    IdIndex<TierId> tiers("tier", "tiers");
    phases.build(doc.phases, d);
    steps.build(doc.steps, d);
    lanes.build(doc.lanes, d);
    cards.build(doc.cards, d);
    tiers.build(doc.tiers, d);
    check_steps(doc, phases, d);
    check_lanes(doc, d);
    check_values(doc, d);
    check_cards(doc, lanes, steps, tiers, d);
    check_connectors(doc, cards, d);
}
}  // namespace detail

std::vector<Diagnostic> validate(const Document& doc) {
    detail::Diagnostics d;
    detail::validate_into(doc, d);
    return d.take();
}

}  // namespace sm::io
