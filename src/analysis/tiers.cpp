// Stagemap — customer value tiers and the service items linked to them.
#include "analysis/tiers.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

#include "analysis/text.h"

namespace sm::analysis {

// [SECTION] Service items
bool is_service_lane(LaneKind k) {
    return k == LaneKind::Frontstage || k == LaneKind::Backstage || k == LaneKind::Support;
}

bool serves_every_tier(const Document& doc, const Card& c) {
    return std::all_of(doc.tiers.begin(), doc.tiers.end(), [&c](const Tier& t) { return c.serves(t.id); });
}

bool mentions_relationship(const Card& c) {
    const std::string haystack = text::ascii_lower(c.title) + "\n" + text::ascii_lower(c.detail);
    return std::any_of(std::begin(kRelationshipWords), std::end(kRelationshipWords),
                       [&haystack](std::string_view w) { return haystack.find(w) != std::string::npos; });
}

// [SECTION] Coverage and matrix
namespace {

// The kind of each card's lane, by card position; Custom when the lane is missing.
std::vector<LaneKind> card_lane_kinds(const Document& doc) {
    std::unordered_map<LaneId, LaneKind> kind_of;
    for (const Lane& l : doc.lanes) kind_of.emplace(l.id, l.kind);
    std::vector<LaneKind> out;
    out.reserve(doc.cards.size());
    for (const Card& c : doc.cards) {
        auto it = kind_of.find(c.lane);
        out.push_back(it == kind_of.end() ? LaneKind::Custom : it->second);
    }
    return out;
}

TierCoverage cover(const Document& doc, const Tier& t, const std::vector<LaneKind>& kinds,
                   const std::vector<bool>& universal) {
    TierCoverage cov{t.id};
    for (std::size_t i = 0; i < doc.cards.size(); ++i) {
        const Card& c = doc.cards[i];
        if (!c.serves(t.id)) continue;
        ++cov.cards;
        if (!c.tiers.empty()) ++cov.linked;
        if (kinds[i] == LaneKind::Frontstage) ++cov.frontstage;
        if (kinds[i] == LaneKind::Backstage) ++cov.backstage;
        if (kinds[i] == LaneKind::Support) ++cov.support;
        if (!universal[i]) {
            ++cov.own;
            if (kinds[i] == LaneKind::Frontstage) ++cov.own_frontstage;
        }
    }
    return cov;
}

std::vector<TierMatrixRow> build_matrix(const Document& doc, const std::vector<LaneKind>& kinds) {
    std::vector<std::tuple<int, int, std::size_t>> order;  // lane index, step index, card index
    const auto lane_index = index_by_id(doc.lanes);
    const auto step_index = index_by_id(doc.steps);
    auto position = [](const auto& index, const auto& id) {
        const auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    for (std::size_t i = 0; i < doc.cards.size(); ++i)
        if (is_service_lane(kinds[i]))
            order.emplace_back(position(lane_index, doc.cards[i].lane), position(step_index, doc.cards[i].step), i);
    std::sort(order.begin(), order.end());

    std::vector<TierMatrixRow> rows;
    rows.reserve(order.size());
    for (const auto& [lane, step, i] : order) {
        const Card& c = doc.cards[i];
        TierMatrixRow row{c.id, c.lane, c.step, kinds[i], {}};
        for (const Tier& t : doc.tiers) row.serves.push_back(c.serves(t.id));
        rows.push_back(std::move(row));
    }
    return rows;
}

// [SECTION] Findings
void tier_findings(const Document& doc, const std::vector<LaneKind>& kinds, const std::vector<bool>& universal,
                   const std::vector<TierCoverage>& coverage, std::vector<Finding>& out) {
    if (doc.tiers.size() < 2) return;
    for (std::size_t k = 0; k < doc.tiers.size(); ++k) {
        const Tier& t = doc.tiers[k];
        if (coverage[k].own_frontstage == 0)
            out.push_back(Finding{"no-own-frontstage", std::nullopt, std::nullopt, t.id,
                                  "Tier " + text::quoted_name(t) +
                                      " has no frontstage item of its own: everything its customers see, every "
                                      "other tier gets too."});
        if (t.potential != Level::High) continue;
        bool has_relationship_item = false;
        for (std::size_t i = 0; i < doc.cards.size() && !has_relationship_item; ++i) {
            const Card& c = doc.cards[i];
            has_relationship_item = is_service_lane(kinds[i]) && !universal[i] && c.serves(t.id) &&
                                    mentions_relationship(c);
        }
        if (!has_relationship_item)
            out.push_back(Finding{"no-relationship-item", std::nullopt, std::nullopt, t.id,
                                  "High-potential tier " + text::quoted_name(t) +
                                      " gets no relationship-building item of its own: add one, such as more "
                                      "frequent visits or tailored business guidance."});
    }
}

void card_findings(const Document& doc, std::vector<Finding>& out) {
    if (doc.tiers.empty()) return;
    for (const Card& c : doc.cards) {
        if (c.tiers.empty() || !serves_every_tier(doc, c)) continue;
        out.push_back(Finding{"lists-every-tier", c.step, c.id, std::nullopt,
                              "Card " + text::quoted_name(c) +
                                  " lists every tier: leave its tiers empty instead, which means the same."});
    }
}

}  // namespace

TierReport analyze_tiers(const Document& doc) {
    const std::vector<LaneKind> kinds = card_lane_kinds(doc);
    std::vector<bool> universal;
    universal.reserve(doc.cards.size());
    for (const Card& c : doc.cards) universal.push_back(serves_every_tier(doc, c));

    TierReport r;
    for (const Tier& t : doc.tiers) r.coverage.push_back(cover(doc, t, kinds, universal));
    r.matrix = build_matrix(doc, kinds);
    tier_findings(doc, kinds, universal, r.coverage, r.findings);
    card_findings(doc, r.findings);
    return r;
}

// [SECTION] Lens and compare
bool card_visible_in_lens(const Card& c, const std::optional<TierId>& lens) { return !lens || c.serves(*lens); }

TierComparison compare_card_tiers(const Card& c, const TierId& first, const TierId& second) {
    const bool a = c.serves(first), b = c.serves(second);
    if (a && b) return TierComparison::Both;
    if (a) return TierComparison::OnlyFirst;
    if (b) return TierComparison::OnlySecond;
    return TierComparison::Neither;
}

}  // namespace sm::analysis
