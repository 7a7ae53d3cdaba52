// Internal to src/io: helpers shared by CSV export (csv.cpp) and import (csv_import.cpp).
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "io/csv.h"

namespace sm::io::csv_detail {

// [SECTION] Columns and tables
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";
enum Col { kPhase, kStep, kLane, kLaneKind, kTitle, kDetail, kChannel, kFail, kWait, kTiers, kOwner, kVotes, kEmotion };
inline constexpr std::size_t kColCount = std::size(kCsvColumns);
// Words that name a lane's kind ('|'-separated), the more specific kinds first: "Customer
// support" is a support lane.
inline constexpr std::pair<LaneKind, std::string_view> kLaneWords[] = {
    {LaneKind::Evidence, "evidence|physical|有形|证据"},
    {LaneKind::Frontstage, "frontstage|front stage|front-stage|onstage|on-stage|on stage|前台|台前"},
    {LaneKind::Backstage, "backstage|back stage|back-stage|offstage|back office|后台|幕后|台后"},
    {LaneKind::Support, "support|支持|支撑"},
    {LaneKind::Customer,
     "customer|guest|client|user|consumer|visitor|patient|passenger|顾客|客户|用户|客人|消费者|乘客|患者|零售户"},
};
// The Okabe–Ito palette without black, for the tiers an import creates.
inline constexpr Color kTierColors[] = {{0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xF0, 0xE4, 0x42},
                                 {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00}, {0xCC, 0x79, 0xA7}};

// [SECTION] Text helpers
std::string_view trim(std::string_view s);
std::string lower_ascii(std::string_view s);
std::string in_quotes(std::string_view s);
bool is_trigger(char c);
bool formula_like(std::string_view s);
std::string guard(std::string_view s);
std::string unguard(std::string_view s);
std::string number_text(double v);
std::size_t invalid_utf8_at(std::string_view s);

// A number the whole (trimmed) text spells, with an optional leading '+'.
template <class T>
std::optional<T> parse_number(std::string_view s) {
    if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);
    T v{};
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    if constexpr (std::is_floating_point_v<T>)
        if (!std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace sm::io::csv_detail
