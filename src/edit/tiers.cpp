#include "edit/tiers.h"

#include <algorithm>
#include <unordered_set>

#include "edit/primitives.h"

namespace sm::edit {

// [SECTION] Helpers
namespace {

bool tier_values_ok(const Tier& t) { return !t.visit_days || *t.visit_days > 0; }

// Parts that rewrite every card whose links include an id rejected by `keep`.
template <class Keep>
CommandPtr drop_links(const Document& doc, Keep keep) {
    std::vector<std::pair<CardId, Card>> items;
    for (const Card& c : doc.cards) {
        if (std::all_of(c.tiers.begin(), c.tiers.end(), keep)) continue;
        Card value = c;
        std::erase_if(value.tiers, [&](const TierId& t) { return !keep(t); });
        items.emplace_back(c.id, std::move(value));
    }
    if (items.empty()) return nullptr;
    return std::make_unique<ReplaceItems<Card>>("Remove tier links", std::move(items));
}

Tier make_tier(std::string id, std::string name, Color color, std::optional<Level> current,
               std::optional<Level> potential, std::string strategy, std::optional<double> visit_days) {
    Tier t;
    t.id = TierId(std::move(id));
    t.name = std::move(name);
    t.color = color;
    t.current = current;
    t.potential = potential;
    t.strategy = std::move(strategy);
    t.visit_days = visit_days;
    return t;
}

}  // namespace

// [SECTION] Tiers
Tier new_tier(const Document& doc, std::string name) {
    Tier t;
    t.id = TierId(fresh_id(doc, "tier"));
    t.name = std::move(name);
    return t;
}

CommandPtr add_tier(const Document& doc, Tier tier, int index) {
    if (id_in_use(doc, tier.id.value) || !tier_values_ok(tier)) return nullptr;
    std::vector<std::pair<int, Tier>> items;
    items.emplace_back(index, std::move(tier));
    return std::make_unique<InsertItems<Tier>>("Add tier", std::move(items));
}

CommandPtr rename_tier(const Document& doc, const TierId& id, std::string name) {
    const Tier* t = doc.find(id);
    if (!t || t->name == name) return nullptr;
    Tier value = *t;
    value.name = std::move(name);
    std::vector<std::pair<TierId, Tier>> items;
    items.emplace_back(id, std::move(value));
    return std::make_unique<ReplaceItems<Tier>>("Rename tier", std::move(items));
}

CommandPtr set_tier(const Document& doc, const TierId& id, Tier value) {
    const Tier* t = doc.find(id);
    value.id = id;
    if (!t || !tier_values_ok(value) || *t == value) return nullptr;
    std::vector<std::pair<TierId, Tier>> items;
    items.emplace_back(id, std::move(value));
    return std::make_unique<ReplaceItems<Tier>>("Edit tier", std::move(items));
}

CommandPtr move_tier(const Document& doc, const TierId& id, int to_index) {
    int from = doc.tier_index(id);
    if (from < 0) return nullptr;
    int last = static_cast<int>(doc.tiers.size()) - 1;
    if (to_index < 0 || to_index > last) to_index = last;
    if (to_index == from) return nullptr;
    return std::make_unique<RelocateItems<Tier>>("Move tier", std::vector{id},
                                                 std::vector{doc.tiers[static_cast<std::size_t>(from)]}, to_index);
}

CommandPtr delete_tier(const Document& doc, const TierId& id) {
    if (!doc.find(id)) return nullptr;
    std::vector<CommandPtr> parts;
    parts.push_back(drop_links(doc, [&](const TierId& t) { return t != id; }));
    parts.push_back(std::make_unique<RemoveItems<Tier>>("Delete tier", std::vector{id}));
    return finish("Delete tier", std::move(parts));
}

CommandPtr apply_tier_set(const Document& doc, std::vector<Tier> tiers) {
    std::unordered_set<TierId> ids;
    for (const Tier& t : tiers) {
        if (t.id.empty() || !ids.insert(t.id).second || !tier_values_ok(t)) return nullptr;
        // A tier id may not take the id of an object of another kind.
        bool clash = doc.find(PhaseId(t.id.value)) || doc.find(StepId(t.id.value)) ||
                     doc.find(LaneId(t.id.value)) || doc.find(CardId(t.id.value));
        if (clash) return nullptr;
    }
    if (tiers == doc.tiers) return nullptr;
    std::vector<CommandPtr> parts;
    parts.push_back(drop_links(doc, [&](const TierId& t) { return ids.count(t) > 0; }));
    parts.push_back(std::make_unique<ReplaceAllItems<Tier>>("Apply tier set", std::move(tiers)));
    return finish("Apply tier set", std::move(parts));
}

// [SECTION] Presets
// Colours from the Okabe–Ito palette, told apart with every common colour-vision deficiency;
// the chips also carry the tier's initial, so no tier relies on colour alone.
std::vector<Tier> tier_preset(TierPreset preset, std::string_view locale) {
    const bool zh = locale.substr(0, 2) == "zh";
    auto pick = [&](const char* en, const char* cn) { return std::string(zh ? cn : en); };
    constexpr auto H = Level::High;
    constexpr auto L = Level::Low;
    switch (preset) {
    case TierPreset::CoreImportantRegular:
        return {
            make_tier("core", pick("Core", "核心客户"), {0x00, 0x72, 0xB2}, H, H,
                      pick("Consolidate: keep and deepen the relationship", "巩固：稳定并深化合作关系"), {}),
            make_tier("important", pick("Important", "重要客户"), {0xE6, 0x9F, 0x00}, {}, {},
                      pick("Cultivate: grow the customer's value", "培育：提升客户价值"), {}),
            make_tier("regular", pick("Regular", "常规客户"), {0x00, 0x9E, 0x73}, {}, {},
                      pick("Guide and standardise the service", "引导：规范化、标准化服务"), {}),
        };
    case TierPreset::ValueQuadrants:
        return {
            make_tier("value", pick("Value customers", "价值客户"), {0x00, 0x72, 0xB2}, H, H,
                      pick("Key resources, one-to-one retention, tailored offers and whole solutions",
                           "重点投入资源，一对一维系，提供个性化产品、服务和整体解决方案"),
                      {}),
            make_tier("sub-value", pick("Sub-value customers", "次价值客户"), {0x00, 0x9E, 0x73}, H, L,
                      pick("Keep investing enough; closer follow-up; raise cooperation",
                           "保持适度投入，加强跟踪检查，提高配合度"),
                      {}),
            make_tier("potential-value", pick("Potential-value customers", "潜在价值客户"), {0xE6, 0x9F, 0x00}, L, H,
                      pick("Build the relationship: more visits, business guidance, grow them into value customers",
                           "加大关系投入：增加拜访频次，经营指导，培育成价值客户"),
                      {}),
            make_tier("low-value", pick("Low-value customers", "低价值客户"), {0xCC, 0x79, 0xA7}, L, L,
                      pick("Try to grow them; otherwise change the approach",
                           "尝试培育提升，否则调整服务方式"),
                      {}),
        };
    case TierPreset::KeyAccountGrades:
        return {
            make_tier("grade-special", pick("Special grade", "特级"), {0xD5, 0x5E, 0x00}, {}, {},
                      pick("Visit at least twice a week", "每周至少拜访两次"), 3.5),
            make_tier("grade-a", pick("Grade A", "A级"), {0xE6, 0x9F, 0x00}, {}, {},
                      pick("Visit at least once a week", "每周至少拜访一次"), 7.0),
            make_tier("grade-b", pick("Grade B", "B级"), {0x00, 0x72, 0xB2}, {}, {},
                      pick("Visit every two weeks", "每两周拜访一次"), 14.0),
            make_tier("grade-c", pick("Grade C", "C级"), {0xCC, 0x79, 0xA7}, {}, {},
                      pick("Visit once a month", "每月拜访一次"), 30.0),
        };
    }
    return {};
}

// [SECTION] Tier links
LinkState tier_link_state(const Document& doc, const std::vector<CardId>& cards, const TierId& tier) {
    std::size_t known = 0, linked = 0;
    for (const CardId& id : cards) {
        const Card* c = doc.find(id);
        if (!c) continue;
        ++known;
        if (std::find(c->tiers.begin(), c->tiers.end(), tier) != c->tiers.end()) ++linked;
    }
    if (linked == 0) return LinkState::None;
    return linked == known ? LinkState::All : LinkState::Some;
}

CommandPtr set_tier_links(const Document& doc, const std::vector<CardId>& cards,
                          const std::vector<TierLinkChange>& changes) {
    std::unordered_set<TierId> add, remove;
    for (const TierLinkChange& ch : changes) {
        if (!doc.find(ch.tier)) continue;
        (ch.linked ? add : remove).insert(ch.tier);
        (ch.linked ? remove : add).erase(ch.tier);
    }
    std::vector<std::pair<CardId, Card>> items;
    std::unordered_set<CardId> seen;
    for (const CardId& id : cards) {
        const Card* c = doc.find(id);
        if (!c || !seen.insert(id).second) continue;
        Card value = *c;
        std::erase_if(value.tiers, [&](const TierId& t) { return remove.count(t) > 0; });
        for (const Tier& t : doc.tiers)
            if (add.count(t.id) && std::find(value.tiers.begin(), value.tiers.end(), t.id) == value.tiers.end())
                value.tiers.push_back(t.id);
        if (value == *c) continue;
        items.emplace_back(id, std::move(value));
    }
    if (items.empty()) return nullptr;
    std::string name = items.size() == 1 ? std::string("Set tiers of card")
                                         : "Set tiers of " + std::to_string(items.size()) + " cards";
    return std::make_unique<ReplaceItems<Card>>(std::move(name), std::move(items));
}

}  // namespace sm::edit
