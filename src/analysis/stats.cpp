// Stagemap — counts of a blueprint.
#include "analysis/stats.h"

namespace sm::analysis {

// [SECTION] Lane kind index
// lanes_by_kind is indexed by the enumerator value, so kAllLaneKinds must list the kinds in that order.
namespace {
constexpr bool kinds_match_their_index() {
    for (std::size_t i = 0; i < kLaneKindCount; ++i)
        if (static_cast<std::size_t>(kAllLaneKinds[i]) != i) return false;
    return true;
}
static_assert(kinds_match_their_index());
}  // namespace

// [SECTION] Stats
Stats compute_stats(const Document& doc) {
    Stats s;
    s.phases = doc.phases.size();
    s.steps = doc.steps.size();
    s.lanes = doc.lanes.size();
    s.cards = doc.cards.size();
    s.connectors = doc.connectors.size();
    s.tiers = doc.tiers.size();

    for (const Lane& l : doc.lanes) ++s.lanes_by_kind[static_cast<std::size_t>(l.kind)];
    for (const Step& st : doc.steps) {
        if (st.emotion) ++s.rated_steps;
        if (st.duration_min) s.total_minutes += *st.duration_min;
    }
    for (const Card& c : doc.cards) {
        if (c.is_fail_point()) ++s.fail_points;
        if (c.is_wait_point()) {
            ++s.wait_points;
            s.total_wait_minutes += *c.wait_min;
        }
        s.votes += c.votes;
    }
    return s;
}

}  // namespace sm::analysis
