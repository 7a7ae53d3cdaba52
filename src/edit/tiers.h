// Stagemap — commands on customer value tiers and on the links from cards to tiers.
// A card with no tier links serves every tier (format: "absent or empty = all tiers").
// Every factory returns one undo step, or null when the gesture is invalid or changes nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "edit/history.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Tiers
// A tier with a fresh id ("tier-N"); not yet in the document.
Tier new_tier(const Document& doc, std::string name);
// Inserts at `index` (-1 or past the end: last). Null if tier.id is empty or used, or
// visit_days is not > 0.
CommandPtr add_tier(const Document& doc, Tier tier, int index = -1);
CommandPtr rename_tier(const Document& doc, const TierId& id, std::string name);
// Replaces the whole value, keeping `id`.
CommandPtr set_tier(const Document& doc, const TierId& id, Tier value);
CommandPtr move_tier(const Document& doc, const TierId& id, int to_index);
// Deletes the tier and every card's link to it, as one step.
CommandPtr delete_tier(const Document& doc, const TierId& id);
// Replaces all tiers with `tiers` ("Apply tier set") and removes card links to the ids that
// disappear; links to ids kept in the new set stay. Null when ids are empty or repeated, a
// value is out of range, or nothing changes.
CommandPtr apply_tier_set(const Document& doc, std::vector<Tier> tiers);

// [SECTION] Presets
enum class TierPreset {
    CoreImportantRegular,  // core / important / regular (核心 / 重要 / 常规)
    ValueQuadrants,        // value, sub-value, potential-value, low-value (current × potential)
    KeyAccountGrades,      // 特级 / A / B / C with visit intervals
};
// A tier set for apply_tier_set, named in Chinese when `locale` starts with "zh", else English.
std::vector<Tier> tier_preset(TierPreset preset, std::string_view locale);

// [SECTION] Tier links of several cards (one checkbox per tier)
enum class LinkState { None, Some, All };  // how many of the cards link the tier
LinkState tier_link_state(const Document& doc, const std::vector<CardId>& cards, const TierId& tier);

struct TierLinkChange {
    TierId tier;
    bool linked = false;  // true: every card links the tier; false: no card does
};
// Applies the checkbox changes to every card as one step ("Set tiers of 3 cards"). Links
// kept stay in their order; new links are appended in the document's tier order.
CommandPtr set_tier_links(const Document& doc, const std::vector<CardId>& cards,
                          const std::vector<TierLinkChange>& changes);

}  // namespace sm::edit
