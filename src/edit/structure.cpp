#include "edit/structure.h"

#include <unordered_map>
#include <unordered_set>

#include "edit/primitives.h"

namespace sm::edit {

// [SECTION] Helpers
namespace {

bool step_values_ok(const Step& s) {
    if (s.emotion && (*s.emotion < kEmotionMin || *s.emotion > kEmotionMax)) return false;
    if (s.duration_min && !(*s.duration_min >= 0)) return false;
    return true;
}

// Moving one item of an array to final index `to` (clamped); null when it is already there.
template <class T>
CommandPtr move_one(const Document& doc, const typename ItemTraits<T>::Key& id, int to, std::string name) {
    const auto& v = ItemTraits<T>::items(doc);
    int from = ItemTraits<T>::locate(v, id);
    if (from < 0) return nullptr;
    int last = static_cast<int>(v.size()) - 1;
    if (to < 0 || to > last) to = last;
    if (to == from) return nullptr;
    return std::make_unique<RelocateItems<T>>(std::move(name), std::vector{id},
                                              std::vector{v[static_cast<std::size_t>(from)]}, to);
}

template <class T>
CommandPtr replace_one(const typename ItemTraits<T>::Key& id, T value, std::string name) {
    std::vector<std::pair<typename ItemTraits<T>::Key, T>> items;
    items.emplace_back(id, std::move(value));
    return std::make_unique<ReplaceItems<T>>(std::move(name), std::move(items));
}

// The index, in the step array without the steps in `skip`, where a step of `phase` goes at
// rank `position` of its run. An empty run goes before the first step of a later phase (in
// `order`), else at the end.
int step_slot(const std::vector<Step>& steps, const std::vector<Phase>& order, const PhaseId& phase, int position,
              const std::unordered_set<StepId>& skip) {
    std::unordered_map<PhaseId, int> rank;
    for (std::size_t i = 0; i < order.size(); ++i) rank.emplace(order[i].id, static_cast<int>(i));
    auto rank_of = [&](const PhaseId& p) {
        auto it = rank.find(p);
        return it == rank.end() ? -1 : it->second;
    };
    const int mine = rank_of(phase);
    int remaining = 0;
    int later = -1;
    std::vector<int> run;
    for (const Step& s : steps) {
        if (skip.count(s.id)) continue;
        if (s.phase == phase)
            run.push_back(remaining);
        else if (later < 0 && rank_of(s.phase) > mine)
            later = remaining;
        ++remaining;
    }
    if (!run.empty()) {
        if (position >= 0 && static_cast<std::size_t>(position) < run.size())
            return run[static_cast<std::size_t>(position)];
        return run.back() + 1;
    }
    return later >= 0 ? later : remaining;
}

std::unordered_set<CardId> cards_where(const Document& doc, const auto& pred) {
    std::unordered_set<CardId> ids;
    for (const Card& c : doc.cards)
        if (pred(c)) ids.insert(c.id);
    return ids;
}

}  // namespace

// [SECTION] Phases
Phase new_phase(const Document& doc, std::string name) {
    Phase p;
    p.id = PhaseId(fresh_id(doc, "phase"));
    p.name = std::move(name);
    return p;
}

CommandPtr add_phase(const Document& doc, Phase phase, int index) {
    if (id_in_use(doc, phase.id.value)) return nullptr;
    std::vector<std::pair<int, Phase>> items;
    items.emplace_back(index, std::move(phase));
    return std::make_unique<InsertItems<Phase>>("Add phase", std::move(items));
}

CommandPtr rename_phase(const Document& doc, const PhaseId& id, std::string name) {
    const Phase* p = doc.find(id);
    if (!p || p->name == name) return nullptr;
    Phase value = *p;
    value.name = std::move(name);
    return replace_one(id, std::move(value), "Rename phase");
}

CommandPtr set_phase(const Document& doc, const PhaseId& id, Phase value) {
    const Phase* p = doc.find(id);
    if (!p) return nullptr;
    value.id = id;
    if (*p == value) return nullptr;
    return replace_one(id, std::move(value), "Edit phase");
}

CommandPtr delete_phase(const Document& doc, const PhaseId& id) {
    if (!doc.find(id)) return nullptr;
    std::unordered_set<StepId> steps;
    std::vector<StepId> step_ids;  // descending index
    for (std::size_t i = doc.steps.size(); i-- > 0;) {
        if (doc.steps[i].phase != id) continue;
        steps.insert(doc.steps[i].id);
        step_ids.push_back(doc.steps[i].id);
    }
    std::vector<CommandPtr> parts;
    append_card_removal(doc, cards_where(doc, [&](const Card& c) { return steps.count(c.step) > 0; }), parts);
    if (!step_ids.empty()) parts.push_back(std::make_unique<RemoveItems<Step>>("Delete steps", std::move(step_ids)));
    parts.push_back(std::make_unique<RemoveItems<Phase>>("Delete phase", std::vector{id}));
    return finish("Delete phase", std::move(parts));
}

CommandPtr move_phase(const Document& doc, const PhaseId& id, int to_index) {
    auto phase_part = move_one<Phase>(doc, id, to_index, "Move phase");
    if (!phase_part) return nullptr;
    // The phase order after the move, to place the run of steps.
    std::vector<Phase> order = doc.phases;
    int from = doc.phase_index(id);
    Phase moved = order[static_cast<std::size_t>(from)];
    order.erase(order.begin() + from);
    int last = static_cast<int>(order.size());
    int to = (to_index < 0 || to_index > last) ? last : to_index;
    order.insert(order.begin() + to, moved);

    std::vector<StepId> keys;
    std::vector<Step> values;
    std::unordered_set<StepId> skip;
    for (const Step& s : doc.steps) {
        if (s.phase != id) continue;
        keys.push_back(s.id);
        values.push_back(s);
        skip.insert(s.id);
    }
    std::vector<CommandPtr> parts;
    parts.push_back(std::move(phase_part));
    if (!keys.empty()) {
        int at = step_slot(doc.steps, order, id, 0, skip);
        parts.push_back(std::make_unique<RelocateItems<Step>>("Move steps", std::move(keys), std::move(values), at));
    }
    return finish("Move phase", std::move(parts));
}

// [SECTION] Steps
std::vector<StepId> phase_steps(const Document& doc, const PhaseId& phase) {
    std::vector<StepId> ids;
    for (const Step& s : doc.steps)
        if (s.phase == phase) ids.push_back(s.id);
    return ids;
}

Step new_step(const Document& doc, const PhaseId& phase, std::string name) {
    Step s;
    s.id = StepId(fresh_id(doc, "step"));
    s.phase = phase;
    s.name = std::move(name);
    return s;
}

CommandPtr add_step(const Document& doc, Step step, int position) {
    if (id_in_use(doc, step.id.value) || !doc.find(step.phase) || !step_values_ok(step)) return nullptr;
    int at = step_slot(doc.steps, doc.phases, step.phase, position, {});
    std::vector<std::pair<int, Step>> items;
    items.emplace_back(at, std::move(step));
    return std::make_unique<InsertItems<Step>>("Add step", std::move(items));
}

CommandPtr rename_step(const Document& doc, const StepId& id, std::string name) {
    const Step* s = doc.find(id);
    if (!s || s->name == name) return nullptr;
    Step value = *s;
    value.name = std::move(name);
    return replace_one(id, std::move(value), "Rename step");
}

CommandPtr set_step(const Document& doc, const StepId& id, Step value) {
    const Step* s = doc.find(id);
    if (!s || !doc.find(value.phase) || !step_values_ok(value)) return nullptr;
    value.id = id;
    if (*s == value) return nullptr;
    if (value.phase == s->phase) return replace_one(id, std::move(value), "Edit step");
    int at = step_slot(doc.steps, doc.phases, value.phase, -1, {id});
    return std::make_unique<RelocateItems<Step>>("Edit step", std::vector{id}, std::vector{std::move(value)}, at);
}

CommandPtr set_step_emotion(const Document& doc, const StepId& id, std::optional<int> emotion) {
    const Step* s = doc.find(id);
    if (!s || s->emotion == emotion) return nullptr;
    if (emotion && (*emotion < kEmotionMin || *emotion > kEmotionMax)) return nullptr;
    Step value = *s;
    value.emotion = emotion;
    return replace_one(id, std::move(value), emotion ? "Set emotion" : "Clear emotion");
}

CommandPtr delete_step(const Document& doc, const StepId& id) {
    if (!doc.find(id)) return nullptr;
    std::vector<CommandPtr> parts;
    append_card_removal(doc, cards_where(doc, [&](const Card& c) { return c.step == id; }), parts);
    parts.push_back(std::make_unique<RemoveItems<Step>>("Delete step", std::vector{id}));
    return finish("Delete step", std::move(parts));
}

CommandPtr move_step(const Document& doc, const StepId& id, const PhaseId& phase, int position) {
    const Step* s = doc.find(id);
    if (!s || !doc.find(phase)) return nullptr;
    int from = doc.step_index(id);
    int at = step_slot(doc.steps, doc.phases, phase, position, {id});
    if (phase == s->phase && at == from) return nullptr;
    Step value = *s;
    value.phase = phase;
    return std::make_unique<RelocateItems<Step>>("Move step", std::vector{id}, std::vector{std::move(value)}, at);
}

// [SECTION] Lanes
Lane new_lane(const Document& doc, LaneKind kind, std::string name) {
    Lane l;
    l.id = LaneId(fresh_id(doc, "lane"));
    l.kind = kind;
    l.name = std::move(name);
    return l;
}

CommandPtr add_lane(const Document& doc, Lane lane, int index) {
    if (id_in_use(doc, lane.id.value)) return nullptr;
    std::vector<std::pair<int, Lane>> items;
    items.emplace_back(index, std::move(lane));
    return std::make_unique<InsertItems<Lane>>("Add lane", std::move(items));
}

CommandPtr rename_lane(const Document& doc, const LaneId& id, std::string name) {
    const Lane* l = doc.find(id);
    if (!l || l->name == name) return nullptr;
    Lane value = *l;
    value.name = std::move(name);
    return replace_one(id, std::move(value), "Rename lane");
}

CommandPtr set_lane(const Document& doc, const LaneId& id, Lane value) {
    const Lane* l = doc.find(id);
    if (!l) return nullptr;
    value.id = id;
    if (*l == value) return nullptr;
    return replace_one(id, std::move(value), "Edit lane");
}

CommandPtr delete_lane(const Document& doc, const LaneId& id) {
    if (!doc.find(id)) return nullptr;
    std::vector<CommandPtr> parts;
    append_card_removal(doc, cards_where(doc, [&](const Card& c) { return c.lane == id; }), parts);
    parts.push_back(std::make_unique<RemoveItems<Lane>>("Delete lane", std::vector{id}));
    return finish("Delete lane", std::move(parts));
}

CommandPtr move_lane(const Document& doc, const LaneId& id, int to_index) {
    return move_one<Lane>(doc, id, to_index, "Move lane");
}

}  // namespace sm::edit
