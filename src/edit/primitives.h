// Stagemap — the primitive commands every gesture is built from.
// Each primitive works on one array of the document (phases, steps, lanes, cards, connectors,
// tiers) and finds its objects by key, never by pointer: an id for objects that have one, a
// ConnectorRef (index plus ends) for connectors. apply() records exactly what it changed
// (indices and old values) and revert() puts that back, so a primitive can be applied and
// reverted any number of times, and a CompositeCommand of primitives reverts exactly.
// The gesture factories (structure.h, cards.h, connectors.h, tiers.h, clipboard.h) compute
// indices when they are built, from the document the gesture is made on.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "edit/history.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Connector references
// Connectors have no id: they are named by their index and their two ends. If the index no
// longer holds a connector with those ends, the first connector with the same ends is used.
struct ConnectorRef {
    int index = -1;
    CardId from;
    CardId to;
    bool operator==(const ConnectorRef&) const = default;
};

// The reference to doc.connectors[index] (empty ends when the index is out of range).
ConnectorRef connector_ref(const Document& doc, int index);
// The index the reference points to now, or -1.
int resolve(const Document& doc, const ConnectorRef& ref);
int resolve(const std::vector<Connector>& connectors, const ConnectorRef& ref);

// [SECTION] Item traits
// How each array of the document is reached and how its items are found.
template <class T>
struct ItemTraits;

namespace detail {
template <class T, class IdT>
int index_by_id(const std::vector<T>& v, const IdT& id) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id) return static_cast<int>(i);
    return -1;
}
}  // namespace detail

#define SM_EDIT_ID_TRAITS(Type, IdType, member)                                                       \
    template <>                                                                                       \
    struct ItemTraits<Type> {                                                                         \
        using Key = IdType;                                                                           \
        static std::vector<Type>& items(Document& d) { return d.member; }                             \
        static const std::vector<Type>& items(const Document& d) { return d.member; }                 \
        static Key key(const Type& v, int /*index*/) { return v.id; }                                 \
        static int locate(const std::vector<Type>& v, const Key& k) { return detail::index_by_id(v, k); } \
    };
SM_EDIT_ID_TRAITS(Phase, PhaseId, phases)
SM_EDIT_ID_TRAITS(Step, StepId, steps)
SM_EDIT_ID_TRAITS(Lane, LaneId, lanes)
SM_EDIT_ID_TRAITS(Card, CardId, cards)
SM_EDIT_ID_TRAITS(Tier, TierId, tiers)
#undef SM_EDIT_ID_TRAITS

template <>
struct ItemTraits<Connector> {
    using Key = ConnectorRef;
    static std::vector<Connector>& items(Document& d) { return d.connectors; }
    static const std::vector<Connector>& items(const Document& d) { return d.connectors; }
    static Key key(const Connector& c, int index) { return ConnectorRef{index, c.from, c.to}; }
    static int locate(const std::vector<Connector>& v, const Key& k) { return resolve(v, k); }
};

namespace detail {
inline int clamp_index(int i, std::size_t size) {
    if (i < 0 || static_cast<std::size_t>(i) > size) return static_cast<int>(size);
    return i;
}
// Moves v[from] to index `to`, shifting the items between them by one (v keeps its size):
// the same as erasing at `from` and inserting at `to`, without moving the rest of the array.
template <class T>
void shift_item(std::vector<T>& v, int from, int to) {
    if (from == to) return;
    const auto b = v.begin();
    T item = std::move(v[static_cast<std::size_t>(from)]);
    if (from < to) std::move(b + from + 1, b + to + 1, b + from);
    else std::move_backward(b + to, b + from, b + from + 1);
    v[static_cast<std::size_t>(to)] = std::move(item);
}
// Where the item that was put at `hint` is now: `hint` when it still holds it, else a search.
template <class T>
int locate_at(const std::vector<T>& v, int hint, const T& value) {
    using Tr = ItemTraits<T>;
    auto k = Tr::key(value, hint);
    if (hint >= 0 && static_cast<std::size_t>(hint) < v.size() && Tr::key(v[static_cast<std::size_t>(hint)], hint) == k)
        return hint;
    return Tr::locate(v, k);
}
}  // namespace detail

// [SECTION] Insert
// Inserts values at the given final indices. Give them in ascending index order: each value
// then ends at its index. An index out of range appends.
template <class T>
class InsertItems final : public Command {
public:
    InsertItems(std::string name, std::vector<std::pair<int, T>> items)
        : name_(std::move(name)), items_(std::move(items)) {}
    std::string name() const override { return name_; }
    void apply(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        done_.clear();
        for (const auto& [index, value] : items_) {
            int at = detail::clamp_index(index, v.size());
            v.insert(v.begin() + at, value);
            done_.push_back(at);
        }
    }
    void revert(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        for (std::size_t k = done_.size(); k-- > 0;) {
            int at = detail::locate_at(v, done_[k], items_[k].second);
            if (at >= 0) v.erase(v.begin() + at);
        }
        done_.clear();
    }

private:
    std::string name_;
    std::vector<std::pair<int, T>> items_;
    std::vector<int> done_;  // where each value went
};

// [SECTION] Remove
// Removes the items with the given keys, in the given order (for connectors: descending
// index, so the indices of the later ones stay right). Revert puts each back at its index.
template <class T>
class RemoveItems final : public Command {
public:
    using Key = typename ItemTraits<T>::Key;
    RemoveItems(std::string name, std::vector<Key> keys) : name_(std::move(name)), keys_(std::move(keys)) {}
    std::string name() const override { return name_; }
    void apply(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        removed_.clear();
        for (const auto& k : keys_) {
            int at = ItemTraits<T>::locate(v, k);
            if (at < 0) continue;
            removed_.emplace_back(at, std::move(v[static_cast<std::size_t>(at)]));
            v.erase(v.begin() + at);
        }
    }
    void revert(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        for (auto it = removed_.rbegin(); it != removed_.rend(); ++it) {
            int at = detail::clamp_index(it->first, v.size());
            v.insert(v.begin() + at, std::move(it->second));
        }
        removed_.clear();
    }

private:
    std::string name_;
    std::vector<Key> keys_;
    std::vector<std::pair<int, T>> removed_;  // index and value, in removal order
};

// [SECTION] Replace
// Replaces the values of the items with the given keys (the new value's own id is what the
// item has afterwards: the factories keep it equal to the key).
template <class T>
class ReplaceItems final : public Command {
public:
    using Key = typename ItemTraits<T>::Key;
    ReplaceItems(std::string name, std::vector<std::pair<Key, T>> items)
        : name_(std::move(name)), items_(std::move(items)) {}
    std::string name() const override { return name_; }
    void apply(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        old_.clear();
        for (const auto& [k, value] : items_) {
            int at = ItemTraits<T>::locate(v, k);
            if (at < 0) continue;
            old_.emplace_back(at, v[static_cast<std::size_t>(at)]);
            v[static_cast<std::size_t>(at)] = value;
        }
    }
    void revert(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        for (auto it = old_.rbegin(); it != old_.rend(); ++it)
            if (static_cast<std::size_t>(it->first) < v.size()) v[static_cast<std::size_t>(it->first)] = it->second;
        old_.clear();
    }

private:
    std::string name_;
    std::vector<std::pair<Key, T>> items_;
    std::vector<std::pair<int, T>> old_;
};

// [SECTION] Relocate
// Takes the items with the given keys out, gives them their new values (same ids) and puts
// them back together, in the given order, starting at `insert_at`: an index into the array
// without them (out of range: the end). Covers moving, reordering and changing cell or phase.
template <class T>
class RelocateItems final : public Command {
public:
    using Key = typename ItemTraits<T>::Key;
    RelocateItems(std::string name, std::vector<Key> keys, std::vector<T> values, int insert_at)
        : name_(std::move(name)), keys_(std::move(keys)), values_(std::move(values)), insert_at_(insert_at) {}
    std::string name() const override { return name_; }
    void apply(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        taken_.clear();
        placed_.clear();
        if (keys_.size() == 1) {
            // One item (the usual move): shift only the items between its old and new places.
            const int from = ItemTraits<T>::locate(v, keys_[0]);
            if (from < 0) return;
            const int to = detail::clamp_index(insert_at_, v.size() - 1);
            detail::shift_item(v, from, to);
            taken_.emplace_back(from, std::exchange(v[static_cast<std::size_t>(to)], values_[0]));
            placed_.push_back(to);
            return;
        }
        std::vector<std::size_t> found;  // which keys were present
        for (std::size_t k = 0; k < keys_.size(); ++k) {
            int at = ItemTraits<T>::locate(v, keys_[k]);
            if (at < 0) continue;
            taken_.emplace_back(at, std::move(v[static_cast<std::size_t>(at)]));
            v.erase(v.begin() + at);
            found.push_back(k);
        }
        int at = detail::clamp_index(insert_at_, v.size());
        for (std::size_t k : found) {
            v.insert(v.begin() + at, values_[k]);
            placed_.push_back(at++);
        }
    }
    void revert(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        if (placed_.size() == 1 && taken_.size() == 1 && static_cast<std::size_t>(placed_[0]) < v.size()) {
            // The inverse of the one-item shift: the same as erasing at placed_[0] and
            // inserting the old value at its old index.
            const int at = placed_[0];
            v[static_cast<std::size_t>(at)] = std::move(taken_[0].second);
            detail::shift_item(v, at, detail::clamp_index(taken_[0].first, v.size() - 1));
            taken_.clear();
            placed_.clear();
            return;
        }
        for (std::size_t k = placed_.size(); k-- > 0;) {
            int at = static_cast<std::size_t>(placed_[k]) < v.size() ? placed_[k] : -1;
            if (at >= 0) v.erase(v.begin() + at);
        }
        for (auto it = taken_.rbegin(); it != taken_.rend(); ++it) {
            int at = detail::clamp_index(it->first, v.size());
            v.insert(v.begin() + at, std::move(it->second));
        }
        taken_.clear();
        placed_.clear();
    }

private:
    std::string name_;
    std::vector<Key> keys_;
    std::vector<T> values_;
    int insert_at_;
    std::vector<std::pair<int, T>> taken_;  // original index and value, in removal order
    std::vector<int> placed_;
};

// [SECTION] Replace a whole array
template <class T>
class ReplaceAllItems final : public Command {
public:
    ReplaceAllItems(std::string name, std::vector<T> values) : name_(std::move(name)), values_(std::move(values)) {}
    std::string name() const override { return name_; }
    void apply(Document& doc) override {
        auto& v = ItemTraits<T>::items(doc);
        old_ = v;
        v = values_;
    }
    void revert(Document& doc) override { ItemTraits<T>::items(doc) = old_; }

private:
    std::string name_;
    std::vector<T> values_;
    std::vector<T> old_;
};

// [SECTION] Document text fields
class SetDocumentText final : public Command {
public:
    SetDocumentText(std::string name, std::string Document::*field, std::string value)
        : name_(std::move(name)), field_(field), value_(std::move(value)) {}
    std::string name() const override { return name_; }
    void apply(Document& doc) override { old_ = std::exchange(doc.*field_, value_); }
    void revert(Document& doc) override { doc.*field_ = old_; }

private:
    std::string name_;
    std::string Document::*field_;
    std::string value_;
    std::string old_;
};

// [SECTION] Shared helpers for the factories
// Fresh ids for several new objects at once, in the scheme of sm::fresh_id ("card-12"):
// none is used by any object of the document nor handed out before by this source.
class IdSource {
public:
    explicit IdSource(const Document& doc);
    std::string next(std::string_view prefix);

private:
    std::unordered_set<std::string> used_;
};

// True when `id` is empty or used by any object of the document (ids of all kinds share
// one space, as in sm::fresh_id): a new object may not take it.
bool id_in_use(const Document& doc, std::string_view id);

// "Delete card" for 1, "Delete 3 cards" otherwise.
std::string counted_name(std::string_view verb, std::size_t n, std::string_view one, std::string_view many);

// Wraps the non-null parts into one undo step named `name`; null when there is none.
CommandPtr finish(std::string name, std::vector<CommandPtr> parts);

// The connectors touching any of the cards, as references in descending index order (the
// order in which RemoveItems<Connector> must remove them).
std::vector<ConnectorRef> connectors_touching(const Document& doc, const std::unordered_set<CardId>& cards);

// Appends the parts that delete these cards and every connector touching them (connectors
// first, then cards in descending index order). Unknown ids are skipped.
void append_card_removal(const Document& doc, const std::unordered_set<CardId>& cards,
                         std::vector<CommandPtr>& parts);

}  // namespace sm::edit
