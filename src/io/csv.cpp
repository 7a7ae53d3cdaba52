// CSV export and import of a blueprint's cards (RFC 4180). The rules are in csv.h.
#include "io/csv.h"
#include "io/csv_detail.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace sm::io {

// [SECTION] Problems
std::string CsvProblem::where() const {
    if (line == 0) return {};
    return "line " + std::to_string(line) + (column.empty() ? "" : ", column " + column);
}
Diagnostic CsvProblem::to_diagnostic() const { return Diagnostic{severity, where(), message}; }
std::string CsvProblem::to_string() const { return to_diagnostic().to_string(); }

namespace {
std::vector<CsvProblem> of_severity(const std::vector<CsvProblem>& all, Severity s) {
    std::vector<CsvProblem> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [s](const CsvProblem& p) { return p.severity == s; });
    return out;
}
}  // namespace
std::vector<CsvProblem> ImportResult::errors() const { return of_severity(problems, Severity::Error); }
std::vector<CsvProblem> ImportResult::warnings() const { return of_severity(problems, Severity::Warning); }

using namespace csv_detail;

namespace {

// [SECTION] Export
// The name each object is written as: its trimmed name when that is non-empty and neither
// another object's name nor another object's id (nor holds ';' for tiers); otherwise its id.
template <class Vec>
std::vector<std::string> labels_of(const Vec& objects, bool forbid_semicolon) {
    std::unordered_map<std::string, int> uses;
    for (const auto& o : objects) {
        const std::string name(trim(o.name));
        ++uses[name];
        if (name != o.id.value) ++uses[o.id.value];
    }
    std::vector<std::string> label;
    for (const auto& o : objects) {
        const std::string name(trim(o.name));
        const bool ok = !name.empty() && uses[name] == 1 && !(forbid_semicolon && name.find(';') != std::string::npos);
        label.push_back(ok ? name : o.id.value);
    }
    return label;
}

template <class Vec>
std::unordered_map<std::string, std::size_t> position_map(const Vec& objects) {
    std::unordered_map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < objects.size(); ++i) at.emplace(objects[i].id.value, i);
    return at;
}

void put_field(std::string& out, std::string_view v) {
    const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!v.empty() && (v.front() == ' ' || v.back() == ' ' || v.back() == '\t'));
    if (quote) out += '"';
    for (char c : v) {
        if (c == '"') out += '"';  // only in a quoted field: a quote makes the field quoted
        out += c;
    }
    if (quote) out += '"';
}

}  // namespace

std::string to_csv(const Document& doc) {
    const auto phase_label = labels_of(doc.phases, false);
    const auto step_label = labels_of(doc.steps, false);
    const auto lane_label = labels_of(doc.lanes, false);
    const auto tier_label = labels_of(doc.tiers, true);
    const auto phase_at = position_map(doc.phases), step_at = position_map(doc.steps);
    const auto lane_at = position_map(doc.lanes), tier_at = position_map(doc.tiers);
    auto find = [](const auto& at, const std::string& id) {
        auto it = at.find(id);
        return it == at.end() ? SIZE_MAX : it->second;
    };

    std::vector<std::size_t> order(doc.cards.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Card &x = doc.cards[a], &y = doc.cards[b];
        return std::pair(find(step_at, x.step.value), find(lane_at, x.lane.value)) <
               std::pair(find(step_at, y.step.value), find(lane_at, y.lane.value));
    });

    std::string out(kBom);
    auto put_row = [&out](const std::array<std::string, kColCount>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c) out += ',';
            put_field(out, row[c]);
        }
        out += "\r\n";
    };
    std::array<std::string, kColCount> row;
    for (std::size_t c = 0; c < kColCount; ++c) row[c] = kCsvColumns[c];
    put_row(row);
    for (std::size_t i : order) {
        const Card& card = doc.cards[i];
        const std::size_t si = find(step_at, card.step.value), li = find(lane_at, card.lane.value);
        const Step* step = si == SIZE_MAX ? nullptr : &doc.steps[si];
        row.fill({});
        if (step) {
            const std::size_t pi = find(phase_at, step->phase.value);
            row[kPhase] = guard(pi == SIZE_MAX ? step->phase.value : phase_label[pi]);
            if (step->emotion) row[kEmotion] = std::to_string(*step->emotion);
        }
        row[kStep] = guard(step ? step_label[si] : card.step.value);
        row[kLane] = guard(li == SIZE_MAX ? card.lane.value : lane_label[li]);
        if (li != SIZE_MAX) row[kLaneKind] = to_string(doc.lanes[li].kind);
        row[kTitle] = guard(card.title);
        row[kDetail] = guard(card.detail);
        if (card.channel) row[kChannel] = to_string(*card.channel);
        row[kFail] = guard(card.fail);
        if (card.wait_min) row[kWait] = number_text(*card.wait_min);
        std::string tiers;
        for (const TierId& t : card.tiers) {
            if (!tiers.empty()) tiers += "; ";
            const std::size_t ti = find(tier_at, t.value);
            tiers += ti == SIZE_MAX ? t.value : tier_label[ti];
        }
        row[kTiers] = guard(tiers);
        row[kOwner] = guard(card.owner);
        row[kVotes] = std::to_string(card.votes);
        put_row(row);
    }
    return out;
}

LaneKind guess_lane_kind(std::string_view lane_name) {
    const std::string name = lower_ascii(lane_name);
    for (const auto& [kind, words] : kLaneWords)
        for (std::size_t from = 0; from < words.size();) {
            const std::size_t to = std::min(words.find('|', from), words.size());
            if (name.find(words.substr(from, to - from)) != std::string::npos) return kind;
            from = to + 1;
        }
    return LaneKind::Custom;
}

}  // namespace sm::io
