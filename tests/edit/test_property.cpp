// Stagemap — property test: 2,000 random valid commands from a fixed seed, each checked by
// undo/redo, then undo all → the start, redo all → the end, and the dirty flag at a save point.
#include <doctest/doctest.h>

#include <map>
#include <random>

#include "edit_fixture.h"

namespace sm::edit::test {

namespace {

// [SECTION] Random choices
constexpr const char* kWords[] = {"wait", "serve", "pay", "等待", "上菜", "check", "", "smile"};

class Random {
public:
    explicit Random(unsigned seed) : rng_(seed) {}
    int below(int n) { return n <= 0 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T* pick(const std::vector<T>& v) {
        return v.empty() ? nullptr : &v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
    }
    std::string word() {
        return kWords[below(8)];
    }
    std::vector<CardId> cards(const Document& d, int max) {
        std::vector<CardId> ids;
        int n = between(1, max);
        for (int i = 0; i < n; ++i)
            if (const Card* c = pick(d.cards)) ids.push_back(c->id);
        return ids;
    }

private:
    std::mt19937 rng_;
};

// [SECTION] Random commands
// One random gesture on `d`; null when the random arguments make no valid change.
CommandPtr random_command(const Document& d, Random& r) {
    const Phase* phase = r.pick(d.phases);
    const Step* step = r.pick(d.steps);
    const Lane* lane = r.pick(d.lanes);
    const Card* card = r.pick(d.cards);
    const Tier* tier = r.pick(d.tiers);
    const int any = r.between(-1, 8);
    switch (r.below(34)) {
    case 0: return add_phase(d, new_phase(d, r.word()), any);
    case 1: return phase ? rename_phase(d, phase->id, r.word()) : nullptr;
    case 2: {
        if (!phase) return nullptr;
        Phase v = *phase;
        v.description = r.word();
        return set_phase(d, phase->id, v);
    }
    case 3: return phase && r.chance(30) ? delete_phase(d, phase->id) : nullptr;
    case 4: return phase ? move_phase(d, phase->id, any) : nullptr;
    case 5: return phase ? add_step(d, new_step(d, phase->id, r.word()), any) : nullptr;
    case 6: return step ? rename_step(d, step->id, r.word()) : nullptr;
    case 7: {
        if (!step || !phase) return nullptr;
        Step v = *step;
        v.need = r.word();
        v.duration_min = r.below(30);
        if (r.chance(30)) v.phase = phase->id;
        if (r.chance(30)) v.peak = r.chance(50);
        return set_step(d, step->id, v);
    }
    case 8: return step ? set_step_emotion(d, step->id, r.chance(20) ? std::nullopt : std::optional(r.between(-2, 2)))
                        : nullptr;
    case 9: return step && r.chance(40) ? delete_step(d, step->id) : nullptr;
    case 10: return step && phase ? move_step(d, step->id, phase->id, any) : nullptr;
    case 11: return add_lane(d, new_lane(d, static_cast<LaneKind>(r.below(6)), r.word()), any);
    case 12: {
        if (!lane) return nullptr;
        if (r.chance(50)) return rename_lane(d, lane->id, r.word());
        Lane v = *lane;
        v.kind = static_cast<LaneKind>(r.below(6));
        return set_lane(d, lane->id, v);
    }
    case 13: return lane && r.chance(30) ? delete_lane(d, lane->id) : nullptr;
    case 14: return lane ? move_lane(d, lane->id, any) : nullptr;
    case 15:
    case 16:
        return lane && step ? add_card(d, new_card(d, lane->id, step->id, r.word()), any) : nullptr;
    case 17: {
        if (!card || !lane || !step) return nullptr;
        Card v = *card;
        v.title = r.word();
        v.fail = r.chance(30) ? r.word() : "";
        if (r.chance(30)) v.wait_min = r.below(20);
        if (r.chance(30)) v.channel = static_cast<Channel>(r.below(6));
        if (r.chance(20)) v.lane = lane->id;
        if (r.chance(20)) v.step = step->id;
        if (tier && r.chance(30)) v.tiers = {tier->id};
        return set_card(d, card->id, v);
    }
    case 18: {
        std::vector<Card> values;
        for (const CardId& id : r.cards(d, 3)) {
            Card v = *d.find(id);
            v.owner = r.word();
            values.push_back(v);
        }
        return set_cards(d, values);
    }
    case 19: return r.chance(60) ? delete_cards(d, r.cards(d, 3)) : nullptr;
    case 20:
    case 21:
        return lane && step ? move_cards(d, r.cards(d, 4), lane->id, step->id, any) : nullptr;
    case 22: return duplicate_cards(d, r.cards(d, 3)).command;
    case 23: return change_votes(d, r.cards(d, 3), r.between(-2, 3));
    case 24:
    case 25: {
        const Card* other = r.pick(d.cards);
        if (!card || !other) return nullptr;
        return add_connector(d, card->id, other->id, static_cast<Direction>(r.below(3)), r.word());
    }
    case 26: {
        if (d.connectors.empty()) return nullptr;
        ConnectorRef ref = connector_ref(d, r.below(static_cast<int>(d.connectors.size())));
        if (r.chance(30)) return reverse_connector(d, ref);
        if (r.chance(20)) return delete_connector(d, ref);
        if (r.chance(20)) return delete_connectors(d, {ref, connector_ref(d, r.below(static_cast<int>(d.connectors.size())))});
        Connector v = d.connectors[static_cast<std::size_t>(ref.index)];
        v.label = r.word();
        v.direction = static_cast<Direction>(r.below(3));
        if (card && r.chance(30)) v.to = card->id;
        return set_connector(d, ref, v);
    }
    case 27: return add_tier(d, new_tier(d, r.word()), any);
    case 28: {
        if (!tier) return nullptr;
        if (r.chance(40)) return move_tier(d, tier->id, any);
        if (r.chance(30)) return rename_tier(d, tier->id, r.word());
        Tier v = *tier;
        v.strategy = r.word();
        v.visit_days = r.between(1, 30);
        return set_tier(d, tier->id, v);
    }
    case 29: return tier && r.chance(40) ? delete_tier(d, tier->id) : nullptr;
    case 30: {
        if (r.chance(50)) return apply_tier_set(d, tier_preset(static_cast<TierPreset>(r.below(3)), r.word()));
        std::vector<Tier> kept;
        for (const Tier& t : d.tiers)
            if (r.chance(70)) kept.push_back(t);
        return apply_tier_set(d, kept);
    }
    case 31: {
        if (!tier) return nullptr;
        std::vector<TierLinkChange> changes = {{tier->id, r.chance(50)}};
        if (const Tier* t2 = r.pick(d.tiers)) changes.push_back({t2->id, r.chance(50)});
        return set_tier_links(d, r.cards(d, 4), changes);
    }
    case 32: {
        if (!lane || !step || d.cards.empty()) return nullptr;
        Clip clip = copy_cards(d, r.cards(d, 4));
        return paste_cards(d, clip.cards, clip.connectors, lane->id, step->id, any).command;
    }
    default:
        switch (r.below(3)) {
        case 0: return set_title(d, r.word());
        case 1: return set_description(d, r.word());
        default: return set_locale(d, r.chance(50) ? "en" : "zh-CN");
        }
    }
}

}  // namespace

// [SECTION] The property
TEST_CASE("property: 2,000 random commands undo and redo exactly") {
    const Document start = fixture();
    History h(start);
    Random r(20240607u);
    constexpr int kCommands = 2000;
    constexpr int kSavedAt = 1200;
    int executed = 0, attempts = 0;
    std::size_t max_cards = 0;
    std::map<std::string, int> kinds;  // how often each command name ran, counts stripped
    while (executed < kCommands) {
        REQUIRE(++attempts < kCommands * 50);
        CommandPtr cmd = random_command(h.document(), r);
        if (!cmd) continue;
        const Document before = h.document();
        const std::string name = cmd->name();
        CHECK(!name.empty());
        std::string kind;
        for (char ch : name)
            if (ch < '0' || ch > '9') kind += ch;
        ++kinds[kind];
        h.execute(std::move(cmd));
        ++executed;
        const Document after = h.document();
        // Every command changes the document and keeps it valid.
        REQUIRE_MESSAGE(!(after == before), name);
        check_invariants(after);
        // One step back and forth.
        h.undo();
        REQUIRE_MESSAGE(h.document() == before, name << " at " << executed);
        h.redo();
        REQUIRE_MESSAGE(h.document() == after, name << " at " << executed);
        if (executed == kSavedAt) h.mark_saved();
        max_cards = std::max(max_cards, after.cards.size());
    }
    MESSAGE("attempts: " << attempts << ", most cards: " << max_cards << ", final cards: "
                         << h.document().cards.size() << ", connectors: " << h.document().connectors.size());
    CHECK(max_cards > 20);
    std::string seen;
    for (const auto& [kind, n] : kinds) seen += kind + "=" + std::to_string(n) + "; ";
    MESSAGE(seen);
    CHECK(kinds.size() >= 40);  // nearly every gesture ran
    const Document end = h.document();
    const std::string end_text = io::to_text(end);
    CHECK(h.dirty());

    // Undo back to the save point: clean; then all the way: the start.
    for (int i = kCommands; i > kSavedAt; --i) h.undo();
    CHECK(!h.dirty());
    while (h.can_undo()) h.undo();
    check_same(h.document(), start);
    CHECK(h.dirty());
    CHECK(h.redo_count() == static_cast<std::size_t>(kCommands));

    // Redo all: the end, byte for byte.
    while (h.can_redo()) h.redo();
    CHECK(h.document() == end);
    CHECK(io::to_text(h.document()) == end_text);
    CHECK(h.dirty());
    for (int i = kCommands; i > kSavedAt; --i) h.undo();
    CHECK(!h.dirty());
}

}  // namespace sm::edit::test
