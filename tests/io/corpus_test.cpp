// Stagemap — the fixture corpus (tests/fixtures): every broken file is refused with the
// diagnostics listed in invalid/expected.tsv, every valid file loads with exactly the warnings
// listed in valid/warnings.tsv and survives a save and load unchanged, unknown keys included.
//
// TSV lines are `FILE<TAB>WHERE<TAB>TEXT`: the diagnostic's `where` must equal WHERE and its
// message must contain TEXT. Empty lines and lines starting with '#' are ignored.
#include <doctest/doctest.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/blueprint_io.h"

namespace fs = std::filesystem;
using sm::io::Diagnostic;
using sm::io::LoadResult;
using sm::io::Severity;

namespace {

// [SECTION] Helpers
const fs::path kFixtures = fs::path(STAGEMAP_SOURCE_DIR) / "tests" / "fixtures";
const fs::path kInvalidDir = kFixtures / "invalid";
const fs::path kValidDir = kFixtures / "valid";

struct Expectation {
    std::string file;
    std::string where;
    std::string text;
    int line = 0;  // in the TSV, for messages
};

// "prefix" + n, appended rather than with operator+ (GCC 12 warns falsely there, -Wrestrict).
std::string id_of(std::string prefix, int n) {
    prefix += std::to_string(n);
    return prefix;
}

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Reads a TSV of expectations; a malformed line fails the test, naming the line.
std::vector<Expectation> read_tsv(const fs::path& p) {
    std::vector<Expectation> out;
    INFO("reading " << p.string());
    std::ifstream in(p, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << p.string());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (;;) {
            std::size_t tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        CHECK_MESSAGE(fields.size() == 3, p.filename().string() << " line " << number
                                                                << ": expected FILE<TAB>WHERE<TAB>TEXT, got: " << line);
        if (fields.size() != 3) continue;
        CHECK_MESSAGE(!fields[0].empty(), p.filename().string() << " line " << number << ": empty FILE");
        out.push_back({fields[0], fields[1], fields[2], number});
    }
    return out;
}

// Fixture files of a folder (everything but the TSV files, notes and hidden files), sorted.
std::vector<std::string> fixture_files(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file()) continue;
        const std::string name = e.path().filename().string();
        const std::string ext = e.path().extension().string();
        if (name.empty() || name[0] == '.' || ext == ".tsv" || ext == ".md") continue;
        out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string describe(const std::vector<Diagnostic>& list) {
    if (list.empty()) return "(no diagnostics)";
    std::ostringstream s;
    for (const auto& d : list)
        s << "\n  [" << (d.severity == Severity::Error ? "error" : "warning") << "] "
          << (d.where.empty() ? std::string("(file)") : d.where) << ": " << d.message;
    return s.str();
}

bool matches(const Diagnostic& d, const Expectation& e) {
    return d.where == e.where && d.message.find(e.text) != std::string::npos;
}

// load_file, turning an exception (a crash of the command line) into a failed check.
LoadResult load_fixture(const fs::path& p) {
    try {
        return sm::io::load_file(p);
    } catch (const std::exception& ex) {
        FAIL_CHECK("load_file threw on " << p.parent_path().filename().string() << "/" << p.filename().string()
                                         << " instead of refusing it: " << std::string(ex.what()));
    } catch (...) {
        FAIL_CHECK("load_file threw an unknown exception on " << p.filename().string());
    }
    return {};
}

std::map<std::string, std::vector<Expectation>> by_file(const std::vector<Expectation>& list) {
    std::map<std::string, std::vector<Expectation>> m;
    for (const auto& e : list) m[e.file].push_back(e);
    return m;
}

// [SECTION] Unknown keys
using OJson = nlohmann::ordered_json;

const std::map<std::string, std::set<std::string>>& known_keys() {
    static const std::map<std::string, std::set<std::string>> k = {
        {"", {"format", "version", "title", "description", "locale", "phases", "steps", "lanes", "cards",
              "connectors", "tiers"}},
        {"phases", {"id", "name", "description"}},
        {"steps", {"id", "phase", "name", "emotion", "duration_min", "peak", "end", "need", "opportunity"}},
        {"lanes", {"id", "kind", "name"}},
        {"cards", {"id", "lane", "step", "title", "detail", "channel", "fail", "wait_min", "tiers", "owner", "votes"}},
        {"connectors", {"from", "to", "direction", "label"}},
        {"tiers", {"id", "name", "color", "current", "potential", "strategy", "visit_days"}},
    };
    return k;
}

std::vector<std::pair<std::string, OJson>> unknown_of(const OJson& obj, const std::set<std::string>& known) {
    std::vector<std::pair<std::string, OJson>> out;
    if (!obj.is_object()) return out;
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!known.count(it.key())) out.emplace_back(it.key(), it.value());
    return out;
}

// Checks that every unknown key of `original` is in `saved`, at the same place, with the same
// value, and that the unknown keys of each object keep their order. Returns how many levels
// (top, phases, steps, …) had at least one unknown key.
int check_unknown_keys_kept(const OJson& original, const OJson& saved, const std::string& saved_text) {
    int levels = 0;
    auto compare = [&](const OJson& a, const OJson& b, const std::string& where, const std::set<std::string>& known) {
        auto ua = unknown_of(a, known);
        auto ub = unknown_of(b, known);
        INFO("at " << (where.empty() ? std::string("(top level)") : where));
        CHECK_MESSAGE(ua.size() == ub.size(), "unknown keys read: " << ua.size() << ", written back: " << ub.size());
        for (std::size_t i = 0; i < ua.size() && i < ub.size(); ++i) {
            CHECK_MESSAGE(ua[i].first == ub[i].first, "unknown key #" << i << " was \"" << ua[i].first
                                                                      << "\", written back as \"" << ub[i].first << "\"");
            CHECK_MESSAGE(ua[i].second == ub[i].second, "unknown key \"" << ua[i].first << "\" was " << ua[i].second.dump()
                                                                         << ", written back as " << ub[i].second.dump());
        }
        for (const auto& entry : ua) {  // no structured binding: clang 14 cannot capture it in doctest's lambdas
            const auto& key = entry.first;
            CHECK_MESSAGE(saved_text.find(OJson(key).dump()) != std::string::npos,
                          "unknown key " << OJson(key).dump() << " is missing from the saved text");
        }
        return !ua.empty();
    };
    if (compare(original, saved, "", known_keys().at(""))) ++levels;
    for (const char* array : {"phases", "steps", "lanes", "cards", "connectors", "tiers"}) {
        if (!original.contains(array) || !original[array].is_array()) continue;
        REQUIRE(saved.contains(array));
        const OJson& a = original[array];
        const OJson& b = saved[array];
        REQUIRE(b.size() == a.size());
        bool any = false;
        for (std::size_t i = 0; i < a.size(); ++i)
            any |= compare(a[i], b[i], id_of(std::string(array) + "[", static_cast<int>(i)) + "]", known_keys().at(array));
        if (any) ++levels;
    }
    return levels;
}

std::string without_bom(std::string s) {
    if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
    return s;
}

}  // namespace

// [SECTION] Invalid files
TEST_CASE("corpus: the fixture folders hold enough files") {
    CHECK(fixture_files(kInvalidDir).size() >= 45);
    CHECK(fixture_files(kValidDir).size() >= 12);
}

TEST_CASE("corpus: every invalid fixture has expectations, and every expectation names a fixture") {
    const auto expected = by_file(read_tsv(kInvalidDir / "expected.tsv"));
    const auto files = fixture_files(kInvalidDir);
    for (const auto& f : files) {
        INFO("fixture invalid/" << f);
        CHECK_MESSAGE(expected.count(f) == 1, "invalid/" << f << " has no line in invalid/expected.tsv");
    }
    for (const auto& entry : expected) {  // no structured binding: clang 14 lambdas
        const auto& file = entry.first;
        const auto& list = entry.second;
        INFO("expected.tsv line " << list.front().line);
        CHECK_MESSAGE(std::find(files.begin(), files.end(), file) != files.end(),
                      "expected.tsv names invalid/" << file << ", which does not exist");
    }
}

TEST_CASE("corpus: invalid fixtures are refused with the expected diagnostics") {
    const auto expected = by_file(read_tsv(kInvalidDir / "expected.tsv"));
    for (const auto& f : fixture_files(kInvalidDir)) {
        const fs::path path = kInvalidDir / f;
        const LoadResult r = load_fixture(path);
        INFO("fixture invalid/" << f);
        INFO("diagnostics:" << describe(r.diagnostics));
        CHECK_MESSAGE(!r.ok(), "invalid/" << f << " was accepted");
        CHECK_MESSAGE(!r.errors().empty(), "invalid/" << f << " gives no error");
        for (const auto& d : r.diagnostics) CHECK_MESSAGE(!d.message.empty(), "an empty message at " << d.where);

        if (auto it = expected.find(f); it != expected.end()) {
            for (const auto& e : it->second) {
                const bool found = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
                    return d.severity == Severity::Error && matches(d, e);
                });
                CHECK_MESSAGE(found, "invalid/" << f << ": no error at \"" << e.where << "\" containing \"" << e.text
                                                << "\" (expected.tsv line " << e.line << ")");
            }
        }

        // Loading the same bytes from memory gives the same findings.
        try {
            const LoadResult again = sm::io::load_text(read_bytes(path));
            CHECK_MESSAGE(again.diagnostics == r.diagnostics, "load_text differs from load_file for invalid/" << f);
            CHECK_FALSE(again.ok());
        } catch (const std::exception& ex) {
            FAIL_CHECK("load_text threw on invalid/" << f << ": " << std::string(ex.what()));
        }
    }
}

// [SECTION] Valid files
TEST_CASE("corpus: valid fixtures load with exactly the listed warnings") {
    const auto listed = by_file(read_tsv(kValidDir / "warnings.tsv"));
    const auto files = fixture_files(kValidDir);
    for (const auto& entry : listed) {  // no structured binding: clang 14 lambdas
        const auto& file = entry.first;
        const auto& list = entry.second;
        INFO("warnings.tsv line " << list.front().line);
        CHECK_MESSAGE(std::find(files.begin(), files.end(), file) != files.end(),
                      "warnings.tsv names valid/" << file << ", which does not exist");
    }
    for (const auto& f : files) {
        const LoadResult r = load_fixture(kValidDir / f);
        INFO("fixture valid/" << f);
        INFO("diagnostics:" << describe(r.diagnostics));
        CHECK_MESSAGE(r.ok(), "valid/" << f << " was refused");
        CHECK_MESSAGE(r.errors().empty(), "valid/" << f << " gives errors");

        static const std::vector<Expectation> none;
        auto it = listed.find(f);
        const auto& expectations = it == listed.end() ? none : it->second;
        for (const auto& w : r.warnings()) {
            const bool listed_here =
                std::any_of(expectations.begin(), expectations.end(), [&](const Expectation& e) { return matches(w, e); });
            CHECK_MESSAGE(listed_here, "valid/" << f << ": warning not in warnings.tsv: "
                                                << (w.where.empty() ? std::string("(file)") : w.where) << ": " << w.message);
        }
        for (const auto& e : expectations) {
            const auto warnings = r.warnings();
            const bool given =
                std::any_of(warnings.begin(), warnings.end(), [&](const Diagnostic& w) { return matches(w, e); });
            CHECK_MESSAGE(given, "valid/" << f << ": no warning at \"" << e.where << "\" containing \"" << e.text
                                          << "\" (warnings.tsv line " << e.line << ")");
        }
    }
}

TEST_CASE("corpus: valid fixtures survive a save and a load unchanged") {
    for (const auto& f : fixture_files(kValidDir)) {
        INFO("fixture valid/" << f);
        const LoadResult r = load_fixture(kValidDir / f);
        CHECK_MESSAGE(r.ok(), "valid/" << f << " was refused:" << describe(r.diagnostics));
        if (!r.ok()) continue;
        const sm::Document& doc = *r.document;

        const std::string saved = sm::io::to_text(doc);
        CHECK_MESSAGE(sm::io::to_text(doc) == saved, "to_text gives different bytes twice for valid/" << f);
        CHECK_MESSAGE(saved.rfind("\xEF\xBB\xBF", 0) != 0, "the saved text starts with a byte order mark");
        CHECK_MESSAGE((!saved.empty() && saved.back() == '\n'), "the saved text does not end with a newline");

        const LoadResult back = sm::io::load_text(saved);
        INFO("saved text:\n" << saved);
        CHECK_MESSAGE(back.ok(), "the saved text of valid/" << f << " is refused:" << describe(back.diagnostics));
        if (!back.ok()) continue;
        CHECK_MESSAGE(*back.document == doc, "valid/" << f << " loads differently after a save");
        CHECK_MESSAGE(sm::io::to_text(*back.document) == saved, "saving valid/" << f << " twice gives different bytes");
        // Saving drops only the byte order mark's warning; the others describe the content.
        CHECK(back.warnings().size() <= r.warnings().size());
    }
}

TEST_CASE("corpus: unknown keys of valid fixtures are written back") {
    for (const auto& f : fixture_files(kValidDir)) {
        INFO("fixture valid/" << f);
        const LoadResult r = load_fixture(kValidDir / f);
        if (!r.ok()) continue;  // reported by the test above
        const std::string saved = sm::io::to_text(*r.document);
        OJson original, written;
        try {
            original = OJson::parse(without_bom(read_bytes(kValidDir / f)));
            written = OJson::parse(saved);
        } catch (const std::exception& ex) {
            FAIL_CHECK("valid/" << f << " or its saved text is not JSON: " << std::string(ex.what()));
            continue;
        }
        const int levels = check_unknown_keys_kept(original, written, saved);
        // Numbers no 64-bit integer holds are kept by value (docs/format.md, "Unknown keys"):
        // written back as the nearest double, not digit for digit.
        if (f == "unknown-key-big-integer.json") {
            const auto again = OJson::parse(saved);
            CHECK(again["cards"][0]["x-ref"].get<double>() == doctest::Approx(18446744073709551616.0));
            CHECK(again["x-account"].get<double>() == doctest::Approx(123456789012345678901234.0));
        }
        // The fixture meant for this must really have unknown keys at every level.
        if (f == "unknown-keys-everywhere.json")
            CHECK_MESSAGE(levels == 7, "unknown-keys-everywhere.json has unknown keys at only " << levels
                                                                                              << " of 7 levels");
    }
}

// [SECTION] Large files, generated
namespace {
OJson generated_blueprint(int phases, int steps_per_phase, int cards_per_step) {
    OJson j = OJson::object();
    j["format"] = "stagemap.blueprint";
    j["version"] = 1;
    j["title"] = "Generated";
    j["phases"] = OJson::array();
    j["steps"] = OJson::array();
    j["lanes"] = OJson::array();
    j["cards"] = OJson::array();
    j["connectors"] = OJson::array();
    j["tiers"] = OJson::array({{{"id", "t0"}, {"name", "Everyone"}, {"color", "#336699"}}});
    const std::string kinds[] = {"evidence", "customer", "frontstage", "backstage", "support", "custom"};
    for (const auto& kind : kinds) j["lanes"].push_back({{"id", kind}, {"kind", kind}, {"name", kind}});
    int card = 0;
    for (int p = 0; p < phases; ++p) {
        const std::string pid = id_of("p", p);
        j["phases"].push_back({{"id", pid}, {"name", id_of("Phase ", p)}});
        for (int s = 0; s < steps_per_phase; ++s) {
            std::string sid = pid;
            sid += '-';
            sid += std::to_string(s);
            OJson step = {{"id", sid}, {"phase", pid}, {"name", sid}};
            if (s % 3 == 0) step["emotion"] = (s % 5) - 2;
            j["steps"].push_back(step);
            for (int c = 0; c < cards_per_step; ++c, ++card) {
                OJson cj = {{"id", id_of("c", card)}, {"lane", kinds[(card + c) % 6]}, {"step", sid},
                            {"title", id_of("Card ", card)}};
                if (card % 7 == 0) cj["tiers"] = OJson::array({"t0"});
                if (card % 11 == 0) cj["x-note"] = {{"n", card}};
                j["cards"].push_back(cj);
                if (card > 0 && card % 4 == 0) j["connectors"].push_back({{"from", id_of("c", card - 1)}, {"to", id_of("c", card)}});
            }
        }
    }
    return j;
}
}  // namespace

TEST_CASE("corpus: a generated 1,000-step blueprint loads and round-trips") {
    const std::string text = generated_blueprint(10, 100, 3).dump(2);
    const LoadResult r = sm::io::load_text(text);
    INFO("diagnostics:" << describe(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    CHECK(r.document->steps.size() == 1000);
    CHECK(r.document->cards.size() == 3000);
    const std::string saved = sm::io::to_text(*r.document);
    const LoadResult back = sm::io::load_text(saved);
    REQUIRE(back.ok());
    CHECK(*back.document == *r.document);
    CHECK(sm::io::to_text(*back.document) == saved);
}

TEST_CASE("corpus: a generated file with 1,000 broken references reports every one at its path") {
    OJson j = generated_blueprint(2, 10, 50);  // 1,000 cards
    for (auto& c : j["cards"]) {
        std::string lane = "nowhere-";
        lane += c["id"].get<std::string>();
        c["lane"] = lane;
    }
    const LoadResult r = sm::io::load_text(j.dump(2));
    CHECK_FALSE(r.ok());
    std::set<std::string> places;
    for (const auto& d : r.errors()) places.insert(d.where);
    for (int i = 0; i < 1000; ++i) {
        std::string where = id_of("cards[", i);
        where += "].lane";
        CHECK_MESSAGE(places.count(where) == 1, "no error at " << where);
    }
}
