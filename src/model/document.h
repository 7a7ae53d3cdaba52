// Stagemap — the blueprint document (format v1), as plain C++ values.
// The model knows nothing of JSON, ImGui or files. Unknown keys read from a file are kept
// as raw JSON text so that saving writes them back unchanged.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sm {

// [SECTION] Typed ids
// A string id that cannot be mixed up with an id of another kind of object.
template <class Tag>
struct Id {
    std::string value;

    Id() = default;
    explicit Id(std::string v) : value(std::move(v)) {}
    bool empty() const { return value.empty(); }
    const std::string& str() const { return value; }
    auto operator<=>(const Id&) const = default;
    bool operator==(const Id&) const = default;
};

using PhaseId = Id<struct PhaseTag>;
using StepId = Id<struct StepTag>;
using LaneId = Id<struct LaneTag>;
using CardId = Id<struct CardTag>;
using TierId = Id<struct TierTag>;

// [SECTION] Unknown keys
// A key the format does not define, with its value as compact JSON text, in file order.
struct UnknownField {
    std::string key;
    std::string json;
    bool operator==(const UnknownField&) const = default;
};
using UnknownFields = std::vector<UnknownField>;

// [SECTION] Enumerations
enum class LaneKind { Evidence, Customer, Frontstage, Backstage, Support, Custom };
enum class Channel { Staff, Digital, Peer, Phone, Physical, Other };
enum class Direction { Forward, Both, None };
enum class Level { High, Low };

// The five canonical kinds in their canonical top-to-bottom order (custom has no place).
inline constexpr LaneKind kCanonicalLaneKinds[] = {LaneKind::Evidence, LaneKind::Customer, LaneKind::Frontstage,
                                                   LaneKind::Backstage, LaneKind::Support};

// Names as written in the file.
std::string_view to_string(LaneKind k);
std::string_view to_string(Channel c);
std::string_view to_string(Direction d);
std::string_view to_string(Level l);
std::optional<LaneKind> parse_lane_kind(std::string_view s);
std::optional<Channel> parse_channel(std::string_view s);
std::optional<Direction> parse_direction(std::string_view s);
std::optional<Level> parse_level(std::string_view s);
// Rank in the canonical order (0 evidence … 4 support); custom lanes have none.
std::optional<int> canonical_rank(LaneKind k);

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};
std::string to_hex(Color c);                          // "#RRGGBB"
std::optional<Color> parse_hex_color(std::string_view s);  // exactly "#RRGGBB"

// [SECTION] Objects
struct Phase {
    PhaseId id;
    std::string name;
    std::string description;
    UnknownFields extra;
    bool operator==(const Phase&) const = default;
};

inline constexpr int kEmotionMin = -2;
inline constexpr int kEmotionMax = 2;

struct Step {
    StepId id;
    PhaseId phase;
    std::string name;
    std::optional<int> emotion;        // -2..+2; empty = not rated
    std::optional<double> duration_min;  // >= 0
    std::optional<bool> peak;          // empty = automatic; true pins; false excludes
    std::optional<bool> end;           // empty = automatic; true pins
    std::string need;
    std::string opportunity;
    UnknownFields extra;
    bool operator==(const Step&) const = default;
};

struct Lane {
    LaneId id;
    LaneKind kind = LaneKind::Custom;
    std::string name;
    UnknownFields extra;
    bool operator==(const Lane&) const = default;
};

struct Card {
    CardId id;
    LaneId lane;
    StepId step;
    std::string title;
    std::string detail;
    std::optional<Channel> channel;
    std::string fail;                // non-empty: a fail point
    std::optional<double> wait_min;  // present: a wait point
    std::vector<TierId> tiers;       // empty: serves all tiers
    std::string owner;
    std::int64_t votes = 0;
    UnknownFields extra;

    bool is_fail_point() const { return !fail.empty(); }
    bool is_wait_point() const { return wait_min.has_value(); }
    bool serves(const TierId& t) const;  // true when tiers is empty or lists t
    bool operator==(const Card&) const = default;
};

struct Connector {
    CardId from;
    CardId to;
    Direction direction = Direction::Forward;
    std::string label;
    UnknownFields extra;
    bool operator==(const Connector&) const = default;
};

struct Tier {
    TierId id;
    std::string name;
    std::optional<Color> color;
    std::optional<Level> current;
    std::optional<Level> potential;
    std::string strategy;
    std::optional<double> visit_days;  // > 0
    UnknownFields extra;
    bool operator==(const Tier&) const = default;
};

// [SECTION] Document
struct Document {
    std::string title;
    std::string description;
    std::string locale;
    std::vector<Phase> phases;
    std::vector<Step> steps;
    std::vector<Lane> lanes;
    std::vector<Card> cards;
    std::vector<Connector> connectors;
    std::vector<Tier> tiers;
    UnknownFields extra;

    bool operator==(const Document&) const = default;

    // Index lookups; -1 when absent. Linear: callers that loop build their own maps.
    int phase_index(const PhaseId& id) const;
    int step_index(const StepId& id) const;
    int lane_index(const LaneId& id) const;
    int card_index(const CardId& id) const;
    int tier_index(const TierId& id) const;

    const Phase* find(const PhaseId& id) const;
    const Step* find(const StepId& id) const;
    const Lane* find(const LaneId& id) const;
    const Card* find(const CardId& id) const;
    const Tier* find(const TierId& id) const;
};

// Ids not yet used in the document, e.g. "card-12", for new objects.
std::string fresh_id(const Document& doc, std::string_view prefix);

}  // namespace sm

template <class Tag>
struct std::hash<sm::Id<Tag>> {
    std::size_t operator()(const sm::Id<Tag>& id) const noexcept { return std::hash<std::string>{}(id.value); }
};

namespace sm {

// Each element's position by id: for loops over many cards, where the *_index() members
// (a linear search each) would make the loop quadratic.
template <class T>
std::unordered_map<decltype(T::id), int> index_by_id(const std::vector<T>& items) {
    std::unordered_map<decltype(T::id), int> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, static_cast<int>(i));
    return index;
}

// Calls `f` with every string a blueprint can show: names, titles, details, labels, ids (for
// checks over the text, such as which characters a font must have).
void for_each_text(const Document& doc, const std::function<void(std::string_view)>& f);

}  // namespace sm
