// Stagemap — the interface language: every string that goes through tr() has its Chinese
// form, with the same printf directives; no user-visible ImGui call takes an untranslated
// English literal; the language follows the locale and switches at run time.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/checks.h"
#include "analysis/peak_end.h"
#include "analysis/tiers.h"
#include "harness.h"
#include "io/blueprint_io.h"
#include "edit/edit.h"
#include "ui/app_state.h"
#include "ui/export_dialog.h"
#include "ui/finding_text.h"
#include "ui/i18n.h"
#include "ui/peak_end_panel.h"
#include "ui/tiers_panel.h"
#include "ui/value_map.h"

using namespace sm;
namespace fs = std::filesystem;

namespace {

struct SourceString {
    std::string text;
    std::string where;  // file:line
};

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> gui_sources() {
    std::vector<fs::path> out;
    for (const char* dir : {"src/ui", "src/app"})
        for (const auto& e : fs::directory_iterator(fs::path(STAGEMAP_SOURCE_DIR) / dir))
            if (e.path().extension() == ".cpp" || e.path().extension() == ".h") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

int line_of(const std::string& text, std::size_t pos) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// Reads one or more adjacent C string literals starting at `pos` (after optional spaces).
// Returns false when no literal starts there (tr(variable)).
bool read_literals(const std::string& s, std::size_t& pos, std::string& out) {
    bool any = false;
    for (;;) {
        std::size_t p = pos;
        while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
        if (p >= s.size() || s[p] != '"') return any;
        ++p;
        while (p < s.size() && s[p] != '"') {
            if (s[p] == '\\' && p + 1 < s.size()) {
                const char e = s[p + 1];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                p += 2;
            } else {
                out += s[p++];
            }
        }
        pos = p + 1;
        any = true;
    }
}

// Every literal passed to tr(), tr_id() or tr_mark() in the GUI's sources.
std::vector<SourceString> translated_literals() {
    std::vector<SourceString> out;
    const std::regex call(R"((^|[^A-Za-z0-9_])(tr|tr_id|tr_mark)\()");
    for (const auto& file : gui_sources()) {
        if (file.filename() == "strings_zh.cpp") continue;
        const std::string text = read_all(file);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
            std::size_t pos = static_cast<std::size_t>(it->position(0) + it->length(0));
            std::string lit;
            if (read_literals(text, pos, lit))
                out.push_back({lit, file.filename().string() + ":" + std::to_string(line_of(text, static_cast<std::size_t>(it->position(0))))});
        }
    }
    return out;
}

// The printf directives of a format, in order ("%s", "%d", "%.1f"…; "%%" is text).
std::vector<std::string> directives(const std::string& f) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%') continue;
        if (i + 1 < f.size() && f[i + 1] == '%') {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < f.size() && std::strchr("-+ #0123456789.*lhzjt", f[j])) ++j;
        // Only a letter ends a directive: "100 %)" is text.
        if (j < f.size() && std::isalpha(static_cast<unsigned char>(f[j]))) {
            out.push_back(f.substr(i, j - i + 1));
            i = j;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("every translated string has its Chinese form with the same printf directives") {
    std::map<std::string, std::string> table;
    for (const auto& t : ui::translations()) {
        INFO("entry: " << t.en);
        CHECK_MESSAGE(table.emplace(t.en, t.zh).second, "the table holds this English text twice");
        CHECK_MESSAGE(std::string(t.zh).size() > 0, "empty translation");
        CHECK(directives(t.en) == directives(t.zh));
        CHECK_MESSAGE(std::string(t.en).find("###") == std::string::npos, "IDs go in tr_id(text, id), not in the text");
    }
    const auto used = translated_literals();
    REQUIRE(used.size() > 50);  // the scan found the GUI's strings (guards against a broken scan)
    std::set<std::string> seen;
    for (const auto& u : used) {
        seen.insert(u.text);
        INFO(u.where << ": \"" << u.text << "\"");
        CHECK_MESSAGE(table.count(u.text) == 1, "no Chinese translation in src/ui/strings_zh.cpp");
    }
    for (const auto& entry : table) {
        const std::string& en = entry.first;  // not a structured binding: clang 14 cannot capture one (INFO)
        INFO("entry: " << en);
        CHECK_MESSAGE(seen.count(en) == 1, "the table holds a string no source passes to tr(): remove it");
    }
}

TEST_CASE("no user-visible ImGui call takes an English literal that bypasses the table") {
    // The label's visible part is what comes before "##"; a word of two Latin letters in it is
    // English the user would read untranslated.
    const std::regex call(
        R"(ImGui::(Text|TextUnformatted|TextWrapped|TextDisabled|BulletText|Button|SmallButton|MenuItem|BeginMenu|)"
        R"(Checkbox|Selectable|SetTooltip|Begin|BeginPopupModal|BeginPopup|BeginTabItem|CollapsingHeader|RadioButton|)"
        R"(InputText|InputTextWithHint|InputTextMultiline|SliderFloat|SliderInt|DragFloat|InputInt|InputFloat|Combo|)"
        R"(BeginCombo|TreeNode|TreeNodeEx|LabelText|TableSetupColumn|TableHeader|BeginChild)\()");
    const std::regex word("[A-Za-z]{2,}");
    int violations = 0;
    for (const auto& file : gui_sources()) {
        const std::string text = read_all(file);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
            std::size_t pos = static_cast<std::size_t>(it->position(0) + it->length(0));
            std::string lit;
            if (!read_literals(text, pos, lit)) continue;
            std::string visible = lit.substr(0, lit.find("##"));
            // printf directives are not words ("%s", "%zu", "%lld").
            visible = std::regex_replace(visible, std::regex("%[-+ #0-9.*]*[lhzjt]*[a-zA-Z]"), "");
            if (!std::regex_search(visible, word)) continue;
            ++violations;
            FAIL_CHECK(file.filename().string() << ":" << line_of(text, static_cast<std::size_t>(it->position(0)))
                                               << ": untranslated \"" << lit << "\" (wrap it in tr())");
        }
    }
    CHECK(violations == 0);
}

TEST_CASE("the language follows the locale and switches at run time") {
    CHECK(ui::parse_lang("zh_CN.UTF-8") == ui::Lang::ZhCN);
    CHECK(ui::parse_lang("zh-CN") == ui::Lang::ZhCN);
    CHECK(ui::parse_lang("en_GB.UTF-8") == ui::Lang::En);
    CHECK(ui::parse_lang("C") == ui::Lang::En);
    CHECK_FALSE(ui::parse_lang("fr_FR.UTF-8").has_value());

    ::setenv("LANGUAGE", "", 1);
    ::setenv("LC_ALL", "", 1);
    ::setenv("LC_MESSAGES", "", 1);
    ::setenv("LANG", "zh_CN.UTF-8", 1);
    CHECK(ui::system_lang() == ui::Lang::ZhCN);
    ::setenv("LANGUAGE", "fr:en", 1);
    CHECK(ui::system_lang() == ui::Lang::En);
    ::setenv("LANGUAGE", "", 1);
    ::setenv("LC_ALL", "de_DE.UTF-8", 1);
    CHECK(ui::system_lang() == ui::Lang::En);
    ::unsetenv("LC_ALL");
    ::unsetenv("LANGUAGE");
    ::unsetenv("LC_MESSAGES");
    ::unsetenv("LANG");

    ui::set_language(ui::Lang::ZhCN);
    CHECK(std::string(ui::tr("File")) == "文件");
    CHECK(ui::tr_id("File", "file") == "文件###file");
    ui::set_language(ui::Lang::En);
    CHECK(std::string(ui::tr("File")) == "File");
}

namespace {

bool has_chinese(const std::string& s) {
    // The UTF-8 lead bytes of U+4E00…U+9FFF are 0xE4…0xE9.
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0xE4 && u <= 0xE9;
    });
}

// Chinese until the end of the scope, even when a REQUIRE ends the test early.
struct InChinese {
    InChinese() { ui::set_language(ui::Lang::ZhCN); }
    ~InChinese() { ui::set_language(ui::Lang::En); }
    InChinese(const InChinese&) = delete;
    InChinese& operator=(const InChinese&) = delete;
};

// Every kind the analysis can produce: Finding{"kind", …} and the peak-end add("kind", …).
std::set<std::string> kinds_in_analysis_sources() {
    std::set<std::string> out;
    const std::regex kind(R"re((Finding\{|add\()\s*"([a-z-]+)")re");
    for (const auto& e : fs::directory_iterator(fs::path(STAGEMAP_SOURCE_DIR) / "src/analysis")) {
        if (e.path().extension() != ".cpp") continue;
        const std::string text = read_all(e.path());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), kind); it != std::sregex_iterator(); ++it)
            out.insert((*it)[2].str());
    }
    return out;
}

}  // namespace

TEST_CASE("findings and recommendations read in Chinese for every kind the analysis produces") {
    Document doc;
    Phase phase;
    phase.id = PhaseId("p1");
    phase.name = "到店";
    doc.phases.push_back(phase);
    Step step;
    step.id = StepId("s1");
    step.phase = phase.id;
    step.name = "等位";
    step.emotion = -2;
    doc.steps.push_back(step);
    Lane lane;
    lane.id = LaneId("l1");
    lane.kind = LaneKind::Customer;
    doc.lanes.push_back(lane);
    Card card;
    card.id = CardId("c1");
    card.lane = lane.id;
    card.step = step.id;
    card.title = "取号排队";
    card.fail = "叫号遗漏";
    card.wait_min = 20;
    doc.cards.push_back(card);
    Tier tier;
    tier.id = TierId("t1");
    tier.name = "价值客户";
    doc.tiers.push_back(tier);

    const auto s = std::optional<StepId>(step.id);
    const auto c = std::optional<CardId>(card.id);
    const auto t = std::optional<TierId>(tier.id);
    const std::vector<analysis::Finding> findings = {
        {"no-customer-lane", {}, {}, {}, "The blueprint has no customer lane: …"},
        {"no-customer-action", s, {}, {}, "Step \"等位\" has no customer action: …"},
        {"negative-without-opportunity", s, {}, {}, "Step \"等位\" feels bad (-2) …"},
        {"fail-without-backstage", s, c, {}, "Fail point \"取号排队\" in step \"等位\" …"},
        {"long-wait", s, c, {}, "Customers wait 20 minutes at …"},
        {"no-own-frontstage", {}, {}, t, "Tier \"价值客户\" has no frontstage item …"},
        {"no-relationship-item", {}, {}, t, "High-potential tier \"价值客户\" …"},
        {"lists-every-tier", s, c, {}, "Card \"取号排队\" lists every tier …"},
    };
    const std::vector<analysis::Recommendation> recommendations = {
        {"mitigate-peak", step.id, "The most intense moment, \"等位\", is negative (-2) …"},
        {"strengthen-end", step.id, "The end, \"等位\", is rated -2, below the journey's average of -0.5: design …"},
        {"design-positive-peak", step.id, "No step is rated +1 or better: …"},
        {"rate-end", step.id, "The end, \"等位\", has no emotion rating: …"},
        {"rate-end", step.id, "No step is rated yet: start with the last step, \"等位\", …"},
        {"rate-peak", step.id, "\"等位\" is pinned as a peak but has no emotion rating …"},
        {"write-need", step.id, "The peak and end, \"等位\", has no customer need written: …"},
        {"write-need", step.id, "The peak, \"等位\", has no customer need written: …"},
        {"write-need", step.id, "The end, \"等位\", has no customer need written: …"},
    };
    std::set<std::string> covered;
    for (const auto& f : findings) covered.insert(f.kind);
    for (const auto& r : recommendations) covered.insert(r.kind);
    const auto kinds = kinds_in_analysis_sources();
    REQUIRE(kinds.size() >= 14);  // the scan found the analysis's kinds
    for (const auto& k : kinds) {
        INFO("kind: " << k);
        CHECK_MESSAGE(covered.count(k) == 1, "a kind of finding the test (and maybe finding_text) does not know");
    }

    {  // in Chinese
        const InChinese chinese;
        std::set<std::string> sentences;
        for (const auto& f : findings) {
            const std::string zh = ui::finding_text(f, doc);
            INFO(f.kind << ": " << zh);
            CHECK(zh != f.text);
            CHECK(has_chinese(zh));
            CHECK(zh.find('%') == std::string::npos);
            CHECK(sentences.insert(zh).second);
        }
        for (const auto& r : recommendations) {
            const std::string zh = ui::finding_text(r, doc);
            INFO(r.kind << ": " << zh);
            CHECK(zh != r.text);
            CHECK(has_chinese(zh));
            CHECK(zh.find('%') == std::string::npos);
            CHECK(sentences.insert(zh).second);  // the variants of rate-end and write-need differ too
        }
        CHECK(ui::finding_text(analysis::Finding{"something-new", s, {}, {}, "Keep me."}, doc) == "Keep me.");
        CHECK(ui::finding_text(analysis::Recommendation{"something-new", step.id, "Keep me."}, doc) == "Keep me.");
        CHECK(ui::finding_text(analysis::Finding{"no-customer-action", StepId("gone"), {}, {}, "Gone."}, doc) == "Gone.");

        // The real analysis of the examples: every sentence it writes has its Chinese form.
        for (const char* name : {"hotpot-restaurant", "hotel-stay", "retail-store-visit"}) {
            auto loaded = io::load_file(ui::test::blueprint(name));
            REQUIRE(loaded.document);
            const Document& d = *loaded.document;
            for (const auto& f : analysis::check_blueprint(d)) CHECK(ui::finding_text(f, d) != f.text);
            for (const auto& f : analysis::analyze_tiers(d).findings) CHECK(ui::finding_text(f, d) != f.text);
            for (const auto& r : analysis::analyze_peak_end(d).recommendations) CHECK(ui::finding_text(r, d) != r.text);
        }
    }

    for (const auto& f : findings) CHECK(ui::finding_text(f, doc) == f.text);
    for (const auto& r : recommendations) CHECK(ui::finding_text(r, doc) == r.text);
}

TEST_CASE("the panels draw in Chinese: inspector for each selection, tiers, value map, peak-end, export") {
    ui::test::Harness h(ui::test::blueprint("retail-store-visit"));
    std::optional<InChinese> chinese(std::in_place);
    auto& app = h.app();
    ui::open_tiers_panel(app, h.doc().tiers.empty() ? TierId() : h.doc().tiers.front().id);
    ui::open_value_map(app);
    ui::show_peak_end_panel(app, true);
    h.frame(3);
    CHECK(ui::test::Harness::window_open("###tiers_panel"));
    CHECK(ui::test::Harness::window_open("###value_map"));
    CHECK(app.peak_end.drawn);
    CHECK(app.peak_end.sentence.find("顾客") != std::string::npos);
    app.selection.set_card(h.doc().cards.front().id);
    h.frame(2);
    app.selection.set_cards({h.doc().cards[0].id, h.doc().cards[1].id});
    h.frame(2);
    app.selection.set_step(h.doc().steps.front().id);
    h.frame(2);
    app.selection.set_lane(h.doc().lanes.front().id);
    h.frame(2);
    app.selection.set_phase(h.doc().phases.front().id);
    h.frame(2);
    if (!h.doc().connectors.empty()) {
        app.selection.set_connector(edit::connector_ref(h.doc(), 0));
        h.frame(2);
    }
    app.selection.clear();
    h.frame(2);
    ui::open_export_dialog(app);
    h.frame(3);
    CHECK(ui::test::Harness::window_open("###export"));
    chinese.reset();
    h.frame(2);
}
