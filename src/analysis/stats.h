// Stagemap — counts of a blueprint, for `stagemap stats` and the status bar.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "model/document.h"

namespace sm::analysis {

// [SECTION] Lane kinds
// All six lane kinds, the five canonical ones in their order, then custom.
inline constexpr LaneKind kAllLaneKinds[] = {LaneKind::Evidence,  LaneKind::Customer, LaneKind::Frontstage,
                                             LaneKind::Backstage, LaneKind::Support,  LaneKind::Custom};
inline constexpr std::size_t kLaneKindCount = std::size(kAllLaneKinds);

// [SECTION] Stats
struct Stats {
    std::size_t phases = 0;
    std::size_t steps = 0;
    std::size_t lanes = 0;
    std::array<std::size_t, kLaneKindCount> lanes_by_kind{};  // indexed by LaneKind; use lanes_of()
    std::size_t cards = 0;
    std::size_t fail_points = 0;   // cards with a non-empty `fail`
    std::size_t wait_points = 0;   // cards with a `wait_min`
    std::size_t connectors = 0;
    std::size_t tiers = 0;
    std::int64_t votes = 0;        // sum of the cards' votes
    double total_minutes = 0;      // sum of the steps' duration_min
    double total_wait_minutes = 0; // sum of the cards' wait_min
    std::size_t rated_steps = 0;   // steps with an emotion

    std::size_t lanes_of(LaneKind k) const { return lanes_by_kind[static_cast<std::size_t>(k)]; }
    bool operator==(const Stats&) const = default;
};

Stats compute_stats(const Document& doc);

}  // namespace sm::analysis
