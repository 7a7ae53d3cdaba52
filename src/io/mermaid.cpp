// Mermaid `journey` export: one section per phase, one task per rated step (see mermaid.h).
#include "io/mermaid.h"

#include <algorithm>
#include <unordered_map>

namespace sm::io {
namespace {

// [SECTION] Names
enum class Part { Title, Section, Task, Actor };

constexpr std::string_view kZeroWidthSpace = "\xE2\x80\x8B";

// A name made safe for the place it goes to (the rules are in mermaid.h).
std::string clean(std::string_view s, Part part) {
    std::string out;
    bool gap = false;
    auto put = [&](std::string_view piece) {
        if (gap && !out.empty()) out += ' ';
        gap = false;
        out += piece;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            gap = true;
        else if (c == ':' && part != Part::Title)
            put("\xE2\x88\xB6");  // ∶ U+2236
        else if (c == '#')
            put("\xEF\xBC\x83");  // ＃ U+FF03
        else if (c == ';')
            put("\xEF\xBC\x9B");  // ； U+FF1B
        else if (c == ',' && part == Part::Actor)
            put("\xEF\xBC\x8C");  // ， U+FF0C
        else if (c == '%' && i > 0 && s[i - 1] == '%')
            put("\xEF\xBC\x85");  // ％ U+FF05
        else
            put(std::string_view(&s[i], 1));
    }
    if (part == Part::Task) {
        std::string lower = out.substr(0, 8);
        for (char& ch : lower)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        for (std::string_view keyword : {"journey", "title ", "section ", "acctitle", "accdescr"})
            if (lower.starts_with(keyword)) return std::string(kZeroWidthSpace) + out;
    }
    return out;
}

// The cleaned name, or the cleaned id when the name comes out empty ("?" if that is empty too).
std::string shown(std::string_view name, std::string_view id, Part part) {
    std::string s = clean(name, part);
    if (s.empty()) s = clean(id, part);
    return s.empty() ? std::string("?") : s;
}

}  // namespace

// [SECTION] Export
std::string to_mermaid(const Document& doc) {
    std::unordered_map<std::string, std::size_t> lane_at, step_at;
    for (std::size_t i = 0; i < doc.lanes.size(); ++i) lane_at.emplace(doc.lanes[i].id.value, i);
    for (std::size_t i = 0; i < doc.steps.size(); ++i) step_at.emplace(doc.steps[i].id.value, i);
    // lanes_at[step][lane]: the lane has a card at the step.
    std::vector<std::vector<bool>> lanes_at(doc.steps.size(), std::vector<bool>(doc.lanes.size(), false));
    for (const Card& c : doc.cards) {
        auto s = step_at.find(c.step.value);
        auto l = lane_at.find(c.lane.value);
        if (s != step_at.end() && l != lane_at.end()) lanes_at[s->second][l->second] = true;
    }
    std::string fallback_actor = "Customer";
    for (const Lane& l : doc.lanes) {
        if (l.kind != LaneKind::Customer) continue;
        if (std::string n = shown(l.name, l.id.value, Part::Actor); !n.empty()) fallback_actor = n;
        break;
    }

    std::string out = "journey\n";
    if (std::string title = clean(doc.title, Part::Title); !title.empty()) {
        out += "  title ";
        out += title;
        out += '\n';
    }
    std::string unrated;
    for (const Step& s : doc.steps) {
        if (s.emotion) continue;
        unrated += unrated.empty() ? "  %% Not rated, left out: " : ", ";
        unrated += shown(s.name, s.id.value, Part::Section);
    }
    if (!unrated.empty()) out += unrated + "\n";

    const PhaseId* section = nullptr;
    for (std::size_t i = 0; i < doc.steps.size(); ++i) {
        const Step& s = doc.steps[i];
        if (!s.emotion) continue;
        if (!section || *section != s.phase) {
            section = &s.phase;
            const Phase* p = doc.find(s.phase);
            out += "  section ";
            out += p ? shown(p->name, p->id.value, Part::Section) : clean(s.phase.value, Part::Section);
            out += '\n';
        }
        std::string actors;
        std::vector<std::string> seen;
        for (std::size_t l = 0; l < doc.lanes.size(); ++l) {
            if (!lanes_at[i][l]) continue;
            std::string n = shown(doc.lanes[l].name, doc.lanes[l].id.value, Part::Actor);
            if (n.empty() || std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
            if (!actors.empty()) actors += ", ";
            actors += n;
            seen.push_back(std::move(n));
        }
        out += "    ";
        out += shown(s.name, s.id.value, Part::Task);
        out += ": ";
        out += std::to_string(std::clamp(*s.emotion + 3, 1, 5));
        out += ": ";
        out += actors.empty() ? fallback_actor : actors;
        out += '\n';
    }
    return out;
}

}  // namespace sm::io
