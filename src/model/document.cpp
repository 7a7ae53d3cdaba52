#include "model/document.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace sm {

// [SECTION] Enumeration names
namespace {
template <class E, std::size_t N>
std::optional<E> parse_name(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}
template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [k, name] : table)
        if (k == e) return name;
    return {};
}

constexpr std::array<std::pair<LaneKind, std::string_view>, 6> kLaneKindNames{{
    {LaneKind::Evidence, "evidence"},
    {LaneKind::Customer, "customer"},
    {LaneKind::Frontstage, "frontstage"},
    {LaneKind::Backstage, "backstage"},
    {LaneKind::Support, "support"},
    {LaneKind::Custom, "custom"},
}};
constexpr std::array<std::pair<Channel, std::string_view>, 6> kChannelNames{{
    {Channel::Staff, "staff"},
    {Channel::Digital, "digital"},
    {Channel::Peer, "peer"},
    {Channel::Phone, "phone"},
    {Channel::Physical, "physical"},
    {Channel::Other, "other"},
}};
constexpr std::array<std::pair<Direction, std::string_view>, 3> kDirectionNames{{
    {Direction::Forward, "forward"},
    {Direction::Both, "both"},
    {Direction::None, "none"},
}};
constexpr std::array<std::pair<Level, std::string_view>, 2> kLevelNames{{
    {Level::High, "high"},
    {Level::Low, "low"},
}};
}  // namespace

std::string_view to_string(LaneKind k) { return name_of(kLaneKindNames, k); }
std::string_view to_string(Channel c) { return name_of(kChannelNames, c); }
std::string_view to_string(Direction d) { return name_of(kDirectionNames, d); }
std::string_view to_string(Level l) { return name_of(kLevelNames, l); }
std::optional<LaneKind> parse_lane_kind(std::string_view s) { return parse_name(kLaneKindNames, s); }
std::optional<Channel> parse_channel(std::string_view s) { return parse_name(kChannelNames, s); }
std::optional<Direction> parse_direction(std::string_view s) { return parse_name(kDirectionNames, s); }
std::optional<Level> parse_level(std::string_view s) { return parse_name(kLevelNames, s); }

std::optional<int> canonical_rank(LaneKind k) {
    for (int i = 0; i < static_cast<int>(std::size(kCanonicalLaneKinds)); ++i)
        if (kCanonicalLaneKinds[i] == k) return i;
    return std::nullopt;
}

// [SECTION] Colours
namespace {
constexpr char kHexDigits[] = "0123456789ABCDEF";
}

std::string to_hex(Color c) {
    std::string s = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        s += kHexDigits[v >> 4];
        s += kHexDigits[v & 15];
    }
    return s;
}

std::optional<Color> parse_hex_color(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    auto nibble = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    std::uint8_t out[3];
    for (int i = 0; i < 3; ++i) {
        int hi = nibble(s[1 + 2 * i]), lo = nibble(s[2 + 2 * i]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Color{out[0], out[1], out[2]};
}

// [SECTION] Cards
bool Card::serves(const TierId& t) const {
    return tiers.empty() || std::find(tiers.begin(), tiers.end(), t) != tiers.end();
}

// [SECTION] Lookups
namespace {
template <class Vec, class IdT>
int index_of(const Vec& v, const IdT& id) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id) return static_cast<int>(i);
    return -1;
}
template <class Vec, class IdT>
auto pointer_to(const Vec& v, const IdT& id) -> decltype(&v[0]) {
    int i = index_of(v, id);
    return i < 0 ? nullptr : &v[static_cast<std::size_t>(i)];
}
}  // namespace

int Document::phase_index(const PhaseId& id) const { return index_of(phases, id); }
int Document::step_index(const StepId& id) const { return index_of(steps, id); }
int Document::lane_index(const LaneId& id) const { return index_of(lanes, id); }
int Document::card_index(const CardId& id) const { return index_of(cards, id); }
int Document::tier_index(const TierId& id) const { return index_of(tiers, id); }
const Phase* Document::find(const PhaseId& id) const { return pointer_to(phases, id); }
const Step* Document::find(const StepId& id) const { return pointer_to(steps, id); }
const Lane* Document::find(const LaneId& id) const { return pointer_to(lanes, id); }
const Card* Document::find(const CardId& id) const { return pointer_to(cards, id); }
const Tier* Document::find(const TierId& id) const { return pointer_to(tiers, id); }

std::string fresh_id(const Document& doc, std::string_view prefix) {
    std::unordered_set<std::string> used;
    auto add = [&](const auto& vec) {
        for (const auto& o : vec) used.insert(o.id.value);
    };
    add(doc.phases);
    add(doc.steps);
    add(doc.lanes);
    add(doc.cards);
    add(doc.tiers);
    for (std::size_t n = 1;; ++n) {
        std::string candidate = std::string(prefix) + "-" + std::to_string(n);
        if (!used.count(candidate)) return candidate;
    }
}

// [SECTION] Text
void for_each_text(const Document& doc, const std::function<void(std::string_view)>& f) {
    f(doc.title);
    f(doc.description);
    for (const auto& p : doc.phases) {
        f(p.id.str());
        f(p.name);
        f(p.description);
    }
    for (const auto& s : doc.steps) {
        f(s.id.str());
        f(s.name);
        f(s.need);
        f(s.opportunity);
    }
    for (const auto& l : doc.lanes) {
        f(l.id.str());
        f(l.name);
    }
    for (const auto& c : doc.cards) {
        f(c.id.str());
        f(c.title);
        f(c.detail);
        f(c.fail);
        f(c.owner);
    }
    for (const auto& c : doc.connectors) f(c.label);
    for (const auto& t : doc.tiers) {
        f(t.id.str());
        f(t.name);
        f(t.strategy);
    }
}

}  // namespace sm
