// Unit tests of the Mermaid journey export: exact text for a fixture, and a parser of the
// journey grammar run over every example blueprint.
#include "io/mermaid.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "io/blueprint_io.h"

namespace fs = std::filesystem;
using namespace sm;

namespace {

// [SECTION] A parser of Mermaid's journey grammar
// Follows Mermaid's journey lexer: `journey` first; `title TEXT` (no # ;); `section TEXT` (no
// # : ;); tasks `NAME: SCORE: ACTOR[, ACTOR]` (name without # : ;, not starting with a
// keyword, which the lexer would take first); `%%` comment lines. Stricter than Mermaid where
// the export promises more: a score 1–5, at least one actor, tasks only inside a section.
struct Task {
    std::string section, name;
    int score = 0;
    std::vector<std::string> actors;
};

struct Journey {
    std::string title;
    std::vector<std::string> sections;
    std::vector<Task> tasks;
    std::vector<std::string> errors;
};

std::string trimmed(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

Journey parse_journey(std::string_view text) {
    Journey j;
    bool header = false;
    std::size_t line_no = 0;
    auto error = [&](std::string m) { j.errors.push_back("line " + std::to_string(line_no) + ": " + m); };
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string line = trimmed(text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++line_no;
        if (line.empty()) continue;
        if (line.starts_with("%%")) {
            if (line.starts_with("%%{")) error("a directive, not a comment");
            continue;
        }
        if (line.find("%%") != std::string::npos) error("%% inside a line starts a comment");
        if (!header) {
            if (line != "journey") error("the first line must be `journey`");
            header = true;
            continue;
        }
        const std::string low = lower(line);
        if (low.starts_with("title ")) {
            j.title = trimmed(line.substr(6));
            if (j.title.empty() || j.title.find_first_of("#;") != std::string::npos) error("bad title");
        } else if (low.starts_with("section ")) {
            j.sections.push_back(trimmed(line.substr(8)));
            if (j.sections.back().empty() || j.sections.back().find_first_of("#:;") != std::string::npos)
                error("bad section");
        } else if (low.starts_with("journey") || low.starts_with("acctitle") || low.starts_with("accdescr")) {
            error("a task name the lexer reads as a keyword");
        } else {
            Task t;
            const std::size_t c1 = line.find(':');
            const std::size_t c2 = c1 == std::string::npos ? c1 : line.find(':', c1 + 1);
            if (c2 == std::string::npos || line.find(':', c2 + 1) != std::string::npos ||
                line.find_first_of("#;") != std::string::npos) {
                error("a task is `name: score: actors` without # ; or more colons");
                continue;
            }
            t.name = trimmed(line.substr(0, c1));
            const std::string score = trimmed(line.substr(c1 + 1, c2 - c1 - 1));
            if (score.size() != 1 || score[0] < '1' || score[0] > '5') error("the score must be 1 to 5, not " + score);
            t.score = score.empty() ? 0 : score[0] - '0';
            std::string_view actors = std::string_view(line).substr(c2 + 1);
            for (std::size_t from = 0; from <= actors.size();) {
                const std::size_t to = std::min(actors.find(',', from), actors.size());
                t.actors.push_back(trimmed(actors.substr(from, to - from)));
                if (t.actors.back().empty()) error("an empty actor");
                from = to + 1;
            }
            if (t.name.empty()) error("an empty task name");
            if (j.sections.empty())
                error("a task before any section");
            else
                t.section = j.sections.back();
            j.tasks.push_back(std::move(t));
        }
    }
    if (!header) j.errors.push_back("no `journey` line");
    return j;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& e : v) s += e + "\n";
    return s;
}

std::vector<fs::path> example_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(STAGEMAP_SOURCE_DIR) / "blueprints"))
        if (e.path().string().ends_with(".blueprint.json")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

Step step(const char* id, const char* phase, const char* name, std::optional<int> emotion) {
    Step s;
    s.id = StepId(id);
    s.phase = PhaseId(phase);
    s.name = name;
    s.emotion = emotion;
    return s;
}

Card card(const char* id, const char* lane, const char* step) {
    Card c;
    c.id = CardId(id);
    c.lane = LaneId(lane);
    c.step = StepId(step);
    return c;
}

Document fixture() {
    Document d;
    d.title = "Hotel: a stay; #1";
    d.phases = {{PhaseId("p-a"), "Arrival", {}, {}},
                {PhaseId("p-b"), "Stay: night #2", {}, {}},
                {PhaseId("p-c"), "Unrated only", {}, {}},
                {PhaseId("p-d"), "", {}, {}}};
    d.steps = {step("s-1", "p-a", "Welcome", 1),          step("s-2", "p-a", "Queue\nat   desk", -2),
               step("s-3", "p-b", "journey home", 2),     step("s-4", "p-b", "Rest", std::nullopt),
               step("s-5", "p-c", "Sleep", std::nullopt), step("s-6", "p-d", " ", 0),
               step("s-7", "p-d", "100%% sure", 1)};
    d.lanes = {{LaneId("l-c"), LaneKind::Customer, "Guest", {}},
               {LaneId("l-f"), LaneKind::Frontstage, "Front desk", {}},
               {LaneId("l-b"), LaneKind::Backstage, "Staff, back", {}},
               {LaneId("l-c2"), LaneKind::Custom, "Guest", {}},
               {LaneId("l-x"), LaneKind::Custom, "", {}}};
    d.cards = {card("c1", "l-f", "s-1"), card("c2", "l-c", "s-1"),  card("c3", "l-c", "s-1"), card("c4", "l-b", "s-2"),
               card("c5", "l-x", "s-6"), card("c6", "l-c2", "s-6"), card("c7", "l-c", "s-6"), card("c8", "l-f", "s-4")};
    return d;
}

}  // namespace

// [SECTION] Tests
TEST_CASE("mermaid: the fixture's exact text") {
    // ':' '#' ';' become look-alikes (the title keeps ':'; ',' only in actor names), the second
    // '%' of "%%" becomes '％', a keyword at the start of a task gets a U+200B in front.
    const std::string expected =
        "journey\n"
        "  title Hotel: a stay； ＃1\n"
        "  %% Not rated, left out: Rest, Sleep\n"
        "  section Arrival\n"
        "    Welcome: 4: Guest, Front desk\n"
        "    Queue at desk: 1: Staff， back\n"
        "  section Stay∶ night ＃2\n"
        "    \u200Bjourney home: 5: Guest\n"
        "  section p-d\n"
        "    s-6: 3: Guest, l-x\n"
        "    100%％ sure: 4: Guest\n";
    const std::string got = io::to_mermaid(fixture());
    CHECK(got == expected);
    const Journey j = parse_journey(got);
    CHECK_MESSAGE(j.errors.empty(), joined(j.errors));
    CHECK(j.sections.size() == 3);
    CHECK(j.tasks.size() == 5);
}

TEST_CASE("mermaid: no title line for an empty title; \"Customer\" when there is no customer lane") {
    Document d;
    d.phases = {{PhaseId("p"), "P", {}, {}}};
    d.steps = {step("s", "p", "Look", -1)};
    CHECK(io::to_mermaid(d) == "journey\n  section P\n    Look: 2: Customer\n");
    d.steps[0].emotion.reset();
    CHECK(io::to_mermaid(d) == "journey\n  %% Not rated, left out: Look\n");
}

TEST_CASE("mermaid: every example blueprint gives a journey the grammar accepts") {
    for (const auto& path : example_files()) {
        CAPTURE(path.filename().string());
        auto r = io::load_file(path);
        REQUIRE(r.ok());
        const Document& d = *r.document;
        const Journey j = parse_journey(io::to_mermaid(d));
        CHECK_MESSAGE(j.errors.empty(), joined(j.errors));
        CHECK(!j.title.empty());
        const auto rated =
            std::count_if(d.steps.begin(), d.steps.end(), [](const Step& s) { return s.emotion.has_value(); });
        REQUIRE(j.tasks.size() == static_cast<std::size_t>(rated));
        std::size_t t = 0;
        for (const Step& s : d.steps) {
            if (!s.emotion) continue;
            CHECK(j.tasks[t].score == *s.emotion + 3);
            CHECK(j.tasks[t].name == s.name);  // the examples' names need no cleaning
            CHECK(!j.tasks[t].actors.empty());
            ++t;
        }
    }
}
