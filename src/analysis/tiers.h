// Stagemap — customer value tiers and the service items linked to them (domain.md §3).
// Value results drive service item design: which items exist for which tier. This module
// measures that link (coverage, a card × tier matrix), finds the gaps a service designer
// should look at, and answers the tier lens and tier compare views of the editor.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/finding.h"
#include "model/document.h"

namespace sm::analysis {

// [SECTION] Service items
// Service items are the cards in frontstage, backstage and support lanes: what the company does.
bool is_service_lane(LaneKind k);
// True when the card serves every tier of the document: its tiers are empty, or list them all.
bool serves_every_tier(const Document& doc, const Card& c);

// Words that mark a relationship-building item (visits, guidance, contact, relationship, training),
// matched as substrings of a card's title and detail, ASCII case ignored.
inline constexpr std::string_view kRelationshipWords[] = {
    "visit", "guidance", "contact", "relationship", "training",
    "拜访", "走访", "指导", "联系", "关系", "培训", "回访",
};
bool mentions_relationship(const Card& c);

// [SECTION] Coverage and matrix
struct TierCoverage {
    TierId tier;
    std::size_t cards = 0;           // cards that serve it (a card with no tiers serves all)
    std::size_t linked = 0;          // cards that list it explicitly
    std::size_t frontstage = 0;      // serving cards in frontstage lanes
    std::size_t backstage = 0;       // serving cards in backstage lanes
    std::size_t support = 0;         // serving cards in support lanes
    std::size_t own = 0;             // serving cards that do not serve every tier (any lane)
    std::size_t own_frontstage = 0;  // of those, the ones in frontstage lanes

    bool operator==(const TierCoverage&) const = default;
};

struct TierMatrixRow {
    CardId card;
    LaneId lane;
    StepId step;
    LaneKind lane_kind = LaneKind::Frontstage;  // frontstage, backstage or support
    std::vector<bool> serves;                   // one per tier, in Document::tiers order

    bool operator==(const TierMatrixRow&) const = default;
};

// Findings, tier findings first (in tier order), then card findings (in card order):
//   "no-own-frontstage"    (tier) no frontstage card serves the tier without serving every tier;
//   "no-relationship-item" (tier) a tier with high potential has no service item of its own that
//                          mentions one of kRelationshipWords;
//   "lists-every-tier"     (card) the card lists every tier of the document; empty says the same.
// The two "own" findings need at least two tiers (with one tier no item can be its own).
struct TierReport {
    std::vector<TierCoverage> coverage;  // one per tier, in Document::tiers order
    std::vector<TierMatrixRow> matrix;   // service items, by lane order, then step order, then card order
    std::vector<Finding> findings;
};

TierReport analyze_tiers(const Document& doc);

// [SECTION] Lens and compare
// The tier lens: with no tier chosen every card is visible, else only the cards serving it.
bool card_visible_in_lens(const Card& c, const std::optional<TierId>& lens);

// The tier compare view: which of two tiers a card serves.
enum class TierComparison { OnlyFirst, OnlySecond, Both, Neither };
TierComparison compare_card_tiers(const Card& c, const TierId& first, const TierId& second);

}  // namespace sm::analysis
