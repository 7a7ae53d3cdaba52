// Unit tests of CSV export and import: round trips, hand-written files, every error, the limits.
#include "io/csv.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>

#include "io/blueprint_io.h"

namespace fs = std::filesystem;
using namespace sm;

namespace {

// [SECTION] Helpers
std::string problem_list(const io::ImportResult& r) {
    std::string s;
    for (const auto& p : r.problems) s += p.to_string() + "\n";
    return s;
}

// True when a problem has exactly this place and its message contains `text`.
bool has_problem(const io::ImportResult& r, std::string_view where, std::string_view text,
                 io::Severity severity = io::Severity::Error) {
    for (const auto& p : r.problems)
        if (p.severity == severity && p.where() == where && p.message.find(text) != std::string::npos) return true;
    return false;
}

std::vector<fs::path> example_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(STAGEMAP_SOURCE_DIR) / "blueprints"))
        if (e.path().string().ends_with(".blueprint.json")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// A card as the CSV sees it: everything by name.
struct CardView {
    std::string phase, step, lane, kind, title, detail, channel, fail, owner;
    std::optional<double> wait;
    std::vector<std::string> tiers;
    std::int64_t votes = 0;
    std::optional<int> emotion;
    bool operator==(const CardView&) const = default;
};

std::ostream& operator<<(std::ostream& o, const CardView& v) {
    o << v.phase << " | " << v.step << " | " << v.lane << " (" << v.kind << ") | " << v.title << " | " << v.detail
      << " | " << v.channel << " | " << v.fail << " | " << (v.wait ? std::to_string(*v.wait) : "-") << " | ";
    for (const auto& t : v.tiers) o << t << ";";
    return o << " | " << v.owner << " | " << v.votes << " | " << (v.emotion ? std::to_string(*v.emotion) : "-");
}

// The cards in step order, then lane order, then stacking order (the CSV's row order).
std::vector<CardView> card_views(const Document& d) {
    std::vector<const Card*> cards;
    for (const Card& c : d.cards) cards.push_back(&c);
    std::stable_sort(cards.begin(), cards.end(), [&](const Card* a, const Card* b) {
        return std::pair(d.step_index(a->step), d.lane_index(a->lane)) <
               std::pair(d.step_index(b->step), d.lane_index(b->lane));
    });
    std::vector<CardView> out;
    for (const Card* c : cards) {
        const Step* s = d.find(c->step);
        const Lane* l = d.find(c->lane);
        REQUIRE((s && l && d.find(s->phase)));
        CardView v;
        v.phase = d.find(s->phase)->name;
        v.step = s->name;
        v.lane = l->name;
        v.kind = to_string(l->kind);
        v.title = c->title;
        v.detail = c->detail;
        v.channel = c->channel ? std::string(to_string(*c->channel)) : "";
        v.fail = c->fail;
        v.owner = c->owner;
        v.wait = c->wait_min;
        for (const TierId& t : c->tiers) v.tiers.push_back(d.find(t)->name);
        v.votes = c->votes;
        v.emotion = s->emotion;
        out.push_back(std::move(v));
    }
    return out;
}

void check_same_cards(const Document& original, const Document& imported) {
    const auto a = card_views(original), b = card_views(imported);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
}

Step step(const char* id, const char* phase, const char* name, std::optional<int> emotion) {
    Step s;
    s.id = StepId(id);
    s.phase = PhaseId(phase);
    s.name = name;
    s.emotion = emotion;
    return s;
}

Card card(const char* id, const char* lane, const char* step, std::string title) {
    Card c;
    c.id = CardId(id);
    c.lane = LaneId(lane);
    c.step = StepId(step);
    c.title = std::move(title);
    return c;
}

// A small document with the texts spreadsheets get wrong.
Document tricky() {
    Document d;
    d.title = "Tricky";
    d.phases = {{PhaseId("p-a"), "到店 · Arrival", {}, {}}, {PhaseId("p-b"), "=Leave, pay", {}, {}}};
    d.steps = {step("s-1", "p-a", "欢迎, \"hi\"", 1), step("s-2", "p-a", "Queue", -2),
               step("s-3", "p-b", "-Pay", std::nullopt)};
    d.lanes = {{LaneId("l-e"), LaneKind::Evidence, "有形展示", {}},
               {LaneId("l-c"), LaneKind::Customer, "Guest, actions", {}},
               {LaneId("l-x"), LaneKind::Custom, "Partner", {}},
               {LaneId("l-f"), LaneKind::Frontstage, "@Front", {}}};
    d.tiers = {{TierId("t-v"), "价值客户", Color{1, 2, 3}, {}, {}, {}, {}, {}},
               {TierId("t-o"), "+Other", {}, {}, {}, {}, {}, {}}};
    const char* titles[] = {"=SUM(A1)",
                            "+1",
                            "-",
                            "@x",
                            "'=x",
                            "''=x",
                            "'abc",
                            "\tstarts with a tab",
                            " spaced ",
                            "line one\nline two",
                            "quote \" and, comma",
                            "中文，逗号",
                            "",
                            "'"};
    const char* lanes[] = {"l-e", "l-c", "l-x", "l-f"};
    const char* steps[] = {"s-1", "s-2", "s-3"};
    int n = 0;
    for (const char* t : titles) {
        ++n;
        Card c = card(("c-" + std::to_string(n)).c_str(), lanes[n % 4], steps[n % 3], t);
        c.detail = n % 2 ? "detail, with \"quotes\"\nand a second line" : "";
        c.channel = n % 3 ? std::optional(Channel::Phone) : std::nullopt;
        c.fail = n % 4 == 0 ? "-fails" : "";
        if (n % 5 == 0) c.wait_min = n == 5 ? 2.5 : 0;
        if (n % 2) c.tiers = {TierId("t-o"), TierId("t-v")};
        c.owner = n % 3 == 0 ? "=owner()" : "店长";
        c.votes = n;
        d.cards.push_back(std::move(c));
    }
    return d;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

// [SECTION] Export
TEST_CASE("csv: export writes a BOM, the header, CRLF, quotes and guards text columns only") {
    Document d;
    d.title = "T";
    d.phases = {{PhaseId("p-a"), "Arrival", {}, {}}};
    d.steps = {step("s-w", "p-a", "Welcome", 1), step("s-q", "p-a", "Queue", -1)};
    d.lanes = {{LaneId("l-c"), LaneKind::Customer, "Customer", {}},
               {LaneId("l-f"), LaneKind::Frontstage, "Staff, front", {}}};
    d.tiers = {{TierId("t-v"), "VIP", {}, {}, {}, {}, {}, {}}, {TierId("t-r"), "Regular", {}, {}, {}, {}, {}, {}}};
    Card c1 = card("c1", "l-c", "s-w", "Walks in");
    c1.channel = Channel::Physical;
    c1.votes = 2;
    c1.tiers = {TierId("t-v"), TierId("t-r")};
    Card c2 = card("c2", "l-f", "s-w", "=SUM(A1)");
    c2.detail = "says \"hi\",\nsmiles";
    c2.fail = "-no smile";
    c2.wait_min = 2.5;
    c2.owner = "@host";
    Card c3 = card("c3", "l-c", "s-w", "'=x");
    Card c4 = card("c4", "l-c", "s-q", "Waits");
    c4.wait_min = 0;
    d.cards = {c4, c1, c2, c3};  // rows follow the steps and lanes, stacking order kept
    const std::string expected =
        std::string(kBom) +
        "phase,step,lane,lane_kind,title,detail,channel,fail,wait_min,tiers,owner,votes,emotion\r\n"
        "Arrival,Welcome,Customer,customer,Walks in,,physical,,,VIP; Regular,,2,1\r\n"
        "Arrival,Welcome,Customer,customer,''=x,,,,,,,0,1\r\n"
        "Arrival,Welcome,\"Staff, front\",frontstage,'=SUM(A1),\"says \"\"hi\"\",\nsmiles\",,'-no "
        "smile,2.5,,'@host,0,1\r\n"
        "Arrival,Queue,Customer,customer,Waits,,,,0,,,0,-1\r\n";
    CHECK(io::to_csv(d) == expected);
}

TEST_CASE("csv: names that are empty, shared or hold ';' are written as ids") {
    Document d;
    d.phases = {{PhaseId("p-a"), "A", {}, {}}, {PhaseId("p-b"), "B", {}, {}}};
    d.steps = {step("s-1", "p-a", "Wait", 0), step("s-2", "p-b", "Wait", 1), step("s-3", "p-b", "s-4", 1),
               step("s-4", "p-b", "", 2)};
    d.lanes = {{LaneId("l-1"), LaneKind::Customer, "", {}}};
    d.tiers = {{TierId("t-1"), "a; b", {}, {}, {}, {}, {}, {}}, {TierId("t-2"), "", {}, {}, {}, {}, {}, {}}};
    for (const char* s : {"s-1", "s-2", "s-3", "s-4"}) {
        d.cards.push_back(card(s, "l-1", s, s));
        d.cards.back().tiers = {TierId("t-1"), TierId("t-2")};
    }
    REQUIRE(io::validate(d).empty());
    auto r = io::from_csv(io::to_csv(d));
    REQUIRE_MESSAGE(r.ok(), problem_list(r));
    const Document& got = *r.document;
    REQUIRE(got.steps.size() == 4);  // the two "Wait" steps stay apart, and "s-4" (a name) is not the id s-4
    CHECK(got.steps[0].name == "s-1");
    CHECK(got.steps[1].name == "s-2");
    CHECK(got.steps[2].name == "s-3");
    CHECK(got.steps[3].name == "s-4");
    CHECK(got.steps[1].phase != got.steps[0].phase);
    CHECK(got.lanes.at(0).name == "l-1");
    REQUIRE(got.tiers.size() == 2);
    CHECK(got.tiers[0].name == "t-1");
    CHECK(got.tiers[1].name == "t-2");
}

// [SECTION] Round trips
TEST_CASE("csv: export then import gives the same cards, for tricky texts") {
    const Document d = tricky();
    REQUIRE(io::validate(d).empty());
    const std::string csv = io::to_csv(d);
    CHECK(csv.starts_with(kBom));
    auto r = io::from_csv(csv, "Imported");
    REQUIRE_MESSAGE(r.ok(), problem_list(r));
    CHECK_MESSAGE(r.problems.empty(), problem_list(r));
    const Document& got = *r.document;
    CHECK(got.title == "Imported");
    check_same_cards(d, got);
    REQUIRE(got.lanes.size() == 4);  // the custom lane keeps its place below the customer lane
    for (std::size_t i = 0; i < 4; ++i) CHECK(got.lanes[i].name == d.lanes[i].name);
    CHECK(got.steps.size() == 3);
    CHECK(got.steps[2].emotion == std::nullopt);
    REQUIRE(got.tiers.size() == 2);  // created in order of first appearance
    CHECK(got.tiers[0].name == "+Other");
    CHECK(got.tiers[0].id.value == "t-1");
    CHECK(got.tiers[0].color == parse_hex_color("#E69F00"));
    CHECK(got.tiers[1].color == parse_hex_color("#56B4E9"));
    CHECK(io::validate(got).empty());
}

TEST_CASE("csv: every example blueprint survives export and import") {
    for (const auto& path : example_files()) {
        CAPTURE(path.filename().string());
        auto loaded = io::load_file(path);
        REQUIRE(loaded.ok());
        const Document& d = *loaded.document;
        auto r = io::from_csv(io::to_csv(d), d.title);
        REQUIRE_MESSAGE(r.ok(), problem_list(r));
        CHECK_MESSAGE(r.problems.empty(), problem_list(r));
        const Document& got = *r.document;
        check_same_cards(d, got);
        REQUIRE(got.lanes.size() == d.lanes.size());
        for (std::size_t i = 0; i < d.lanes.size(); ++i) CHECK(got.lanes[i].kind == d.lanes[i].kind);
        REQUIRE(got.steps.size() == d.steps.size());
        for (std::size_t i = 0; i < d.steps.size(); ++i) CHECK(got.steps[i].name == d.steps[i].name);
        // Exporting the import again gives the same bytes: nothing drifts.
        CHECK(io::to_csv(got) == io::to_csv(d));
    }
}

// [SECTION] Hand-written files
TEST_CASE("csv: a hand-written file with a BOM, CRLF, shuffled and partial columns") {
    const std::string csv = std::string(kBom) +
                            "Title,Lane,STEP, phase ,emotion,tiers,Notes\r\n"
                            "Greets the guest,前台员工行为,欢迎,到店,1,价值客户; 次价值客户,x\r\n"
                            "Walks in,顾客行为,欢迎,到店,,价值客户,y\r\n"
                            "\r\n"
                            "Pays,顾客行为,Pay the bill,Leaving,-1,,z\r\n"
                            "Reads the menu,顾客行为,Menu,Ordering,+0,,\r\n"
                            "Sees the sign,有形展示,欢迎,到店,1,,\r\n"
                            "Prints the bill,后台,Pay the bill,Leaving,,,\r\n"
                            "Parks the car,Customer,Parking,到店,,,";
    auto r = io::from_csv(csv, "Hand-written");
    REQUIRE_MESSAGE(r.ok(), problem_list(r));
    REQUIRE(r.problems.size() == 1);
    CHECK(has_problem(r, "line 1, column Notes", "unknown column", io::Severity::Warning));
    CHECK(r.problems[0].to_string() == "line 1, column Notes: warning: unknown column, ignored");
    const Document& d = *r.document;
    CHECK(d.title == "Hand-written");
    REQUIRE(d.phases.size() == 3);
    CHECK(d.phases[0].id.value == "p-1");
    CHECK(d.phases[1].id.value == "p-leaving");
    CHECK(d.phases[2].name == "Ordering");
    // Steps grouped by phase, phases in order of first appearance (Parking joins 到店).
    REQUIRE(d.steps.size() == 4);
    CHECK(d.steps[0].name == "欢迎");
    CHECK(d.steps[0].id.value == "s-1");
    CHECK(d.steps[0].emotion == 1);
    CHECK(d.steps[1].name == "Parking");
    CHECK(d.steps[1].emotion == std::nullopt);
    CHECK(d.steps[2].id.value == "s-pay-the-bill");
    CHECK(d.steps[2].emotion == -1);
    CHECK(d.steps[3].emotion == 0);
    // Kinds guessed from the names, lanes in canonical order.
    REQUIRE(d.lanes.size() == 5);
    CHECK(d.lanes[0].kind == LaneKind::Evidence);
    CHECK(d.lanes[0].name == "有形展示");
    CHECK(d.lanes[1].name == "顾客行为");
    CHECK(d.lanes[2].name == "Customer");
    CHECK(d.lanes[2].id.value == "l-customer");
    CHECK(d.lanes[3].kind == LaneKind::Frontstage);
    CHECK(d.lanes[4].kind == LaneKind::Backstage);
    REQUIRE(d.tiers.size() == 2);
    CHECK(d.tiers[1].name == "次价值客户");
    REQUIRE(d.cards.size() == 7);
    CHECK(d.cards[0].id.value == "c-1");
    CHECK(d.cards[0].tiers == std::vector{TierId("t-1"), TierId("t-2")});
    CHECK(d.cards[6].title == "Parks the car");
    CHECK(d.cards[6].votes == 0);
    CHECK(!d.cards[6].channel);
}

TEST_CASE("csv: LF files, lane_kind beats the name, quoted fields over lines, apostrophes") {
    const std::string csv =
        "phase,step,lane,title,lane_kind,channel,wait_min,votes,owner\n"
        "A,S,Support desk,\"two\nlines, \"\"quoted\"\"\",frontstage,STAFF, 1.5 ,3,'=x\n"
        "A,S,Support desk,second,,Digital,,,'abc\n";
    auto r = io::from_csv(csv);
    REQUIRE_MESSAGE(r.ok(), problem_list(r));
    const Document& d = *r.document;
    CHECK(d.title.empty());
    REQUIRE(d.lanes.size() == 1);
    CHECK(d.lanes[0].kind == LaneKind::Frontstage);
    REQUIRE(d.cards.size() == 2);
    CHECK(d.cards[0].title == "two\nlines, \"quoted\"");
    CHECK(d.cards[0].channel == Channel::Staff);
    CHECK(d.cards[0].wait_min == 1.5);
    CHECK(d.cards[0].votes == 3);
    CHECK(d.cards[0].owner == "=x");
    CHECK(d.cards[1].owner == "'abc");
}

TEST_CASE("csv: ids are unique slugs; the eighth tier has no colour") {
    const std::string csv =
        "phase,step,lane,title,tiers\n"
        "Arrival,Front desk,Front desk,a,A;B;C;D\n"
        "Arrival,front-desk!,front desk,b,E; F; G; H\n"
        "到店,1,Lane 2,c,\n";
    auto r = io::from_csv(csv);
    REQUIRE_MESSAGE(r.ok(), problem_list(r));
    const Document& d = *r.document;
    REQUIRE(d.phases.size() == 2);
    CHECK(d.phases[1].id.value == "p-2");
    REQUIRE(d.steps.size() == 3);
    CHECK(d.steps[0].id.value == "s-front-desk");
    CHECK(d.steps[1].id.value == "s-front-desk-2");
    CHECK(d.steps[2].id.value == "s-1");
    REQUIRE(d.lanes.size() == 3);
    CHECK(d.lanes[0].id.value == "l-front-desk");
    CHECK(d.lanes[1].id.value == "l-front-desk-2");
    CHECK(d.lanes[2].id.value == "l-lane-2");
    REQUIRE(d.tiers.size() == 8);
    CHECK(d.tiers[6].color == parse_hex_color("#CC79A7"));
    CHECK(!d.tiers[7].color);
    CHECK(d.tiers[7].id.value == "t-8");
}

TEST_CASE("csv: lane kinds guessed from English and Chinese names") {
    CHECK(io::guess_lane_kind("Physical evidence") == LaneKind::Evidence);
    CHECK(io::guess_lane_kind("有形展示") == LaneKind::Evidence);
    CHECK(io::guess_lane_kind("Customer actions") == LaneKind::Customer);
    CHECK(io::guess_lane_kind("顾客行为") == LaneKind::Customer);
    CHECK(io::guess_lane_kind("前台员工行为") == LaneKind::Frontstage);
    CHECK(io::guess_lane_kind("Onstage contact") == LaneKind::Frontstage);
    CHECK(io::guess_lane_kind("后台员工行为 · Backstage") == LaneKind::Backstage);
    CHECK(io::guess_lane_kind("Customer support") == LaneKind::Support);
    CHECK(io::guess_lane_kind("支持过程") == LaneKind::Support);
    CHECK(io::guess_lane_kind("Partners") == LaneKind::Custom);
}

// [SECTION] Errors
TEST_CASE("csv: every row error names its line and column, and nothing is returned") {
    const std::string csv =
        "phase,step,lane,title,lane_kind,channel,wait_min,votes,emotion,tiers\n"  // 1
        "A,S1,Customer,ok,customer,staff,1,1,1,\n"                                // 2
        "A,S1,Customer,\"multi\n"                                                 // 3
        "line title\",,,,,,\n"                                                    // 4
        "B,S1,Customer,moved step,,,,,,\n"                                        // 5
        "A,S1,Customer,kind clash,frontstage,,,,,\n"                              // 6
        "A,S1,Customer,emotion clash,,,,,2,\n"                                    // 7
        "A,S2,Lane X,bad values,alien,fax,-1,1.5,3,\n"                            // 8
        " ,S3,,empty names,,,,,,\n"                                               // 9
        "A,S3,L,too few fields\n"                                                 // 10
        "A,S3,L,x,,,1e999,99999999999999999999,+,\n"                              // 11
        "A,S3,L,x,,,nan,x,1.0,\n";                                                // 12
    auto r = io::from_csv(csv);
    CHECK(!r.ok());
    CHECK(!r.document);
    CHECK(has_problem(r, "line 5, column step", "is under phase \"A\" on line 2"));
    CHECK(has_problem(r, "line 6, column lane_kind", "is customer on line 2, not frontstage"));
    CHECK(has_problem(r, "line 7, column emotion", "differs from 1 given for step \"S1\" on line 2"));
    CHECK(has_problem(r, "line 8, column lane_kind", "\"alien\" is not a lane kind"));
    CHECK(has_problem(r, "line 8, column channel", "\"fax\" is not a channel"));
    CHECK(has_problem(r, "line 8, column wait_min", "0 or more"));
    CHECK(has_problem(r, "line 8, column votes", "whole number"));
    CHECK(has_problem(r, "line 8, column emotion", "from -2 to +2"));
    CHECK(has_problem(r, "line 9, column phase", "is empty"));
    CHECK(has_problem(r, "line 9, column lane", "is empty"));
    CHECK(has_problem(r, "line 10", "this row has 4 fields but the header has 10"));
    CHECK(has_problem(r, "line 11, column wait_min", "\"1e999\""));
    CHECK(has_problem(r, "line 11, column votes", "whole number"));
    CHECK(has_problem(r, "line 11, column emotion", "\"+\""));
    CHECK(has_problem(r, "line 12, column wait_min", "\"nan\""));
    CHECK(has_problem(r, "line 12, column votes", "\"x\""));
    CHECK(has_problem(r, "line 12, column emotion", "\"1.0\""));
    CHECK_MESSAGE(r.errors().size() == 17, problem_list(r));
    CHECK(r.errors()[0].to_string() ==
          "line 5, column step: step \"S1\" is under phase \"A\" on line 2; a step belongs to one phase");
    for (std::size_t i = 1; i < r.problems.size(); ++i) CHECK(r.problems[i - 1].line <= r.problems[i].line);
}

TEST_CASE("csv: header errors") {
    auto r = io::from_csv("phase,lane,titel\nA,L,x\n");
    CHECK(!r.ok());
    CHECK(has_problem(r, "line 1", "lacks the required column(s) \"step\", \"title\""));
    CHECK(has_problem(r, "line 1, column titel", "unknown column", io::Severity::Warning));

    r = io::from_csv("phase,step,lane,title,Title\nA,S,L,x,y\n");
    CHECK(has_problem(r, "line 1, column Title", "appears twice in the header (fields 4 and 5)"));

    r = io::from_csv("\n\n");
    CHECK(has_problem(r, "", "the text is empty"));
    r = io::from_csv("");
    CHECK(has_problem(r, "", "the text is empty"));

    r = io::from_csv("phase,step,lane,title\r\n");  // a header alone: an empty blueprint
    REQUIRE(r.ok());
    CHECK(r.document->cards.empty());
    CHECK(has_problem(r, "", "no rows", io::Severity::Warning));
}

TEST_CASE("csv: quoting errors name the line") {
    auto r = io::from_csv("phase,step,lane,title\nA,S,L,ok\nA,S,L,\"never closed\nmore text\n");
    CHECK(!r.ok());
    CHECK(has_problem(r, "line 3", "opening quote is never closed"));
    r = io::from_csv("phase,step,lane,title\nA,S,L,\"closed\" and more\n");
    CHECK(has_problem(r, "line 2", "text after the closing quote"));
    r = io::from_csv("phase,step,lane,title\nA,S,L,\"a\"\"b\"\r");  // a CR at the very end is a line end
    REQUIRE_MESSAGE(r.ok(), problem_list(r));
    CHECK(r.document->cards.at(0).title == "a\"b");
}

// [SECTION] Limits
TEST_CASE("csv: limits against hostile input") {
    const std::string header = "phase,step,lane,title\n";
    SUBCASE("text over 64 MiB") {
        std::string big(io::kMaxCsvBytes + 1, 'a');
        auto r = io::from_csv(big);
        CHECK(has_problem(r, "", "imports CSV up to 64 MiB"));
    }
    SUBCASE("more than 100000 rows") {
        std::string csv = header;
        for (std::size_t i = 0; i < io::kMaxCsvRows; ++i) csv += "A,S,L,t\n";
        auto r = io::from_csv(csv);
        REQUIRE_MESSAGE(r.ok(), problem_list(r));
        CHECK(r.document->cards.size() == io::kMaxCsvRows);
        csv += "\nA,S,L,one too many\n";
        r = io::from_csv(csv);
        CHECK(!r.ok());
        CHECK(has_problem(r, "line " + std::to_string(io::kMaxCsvRows + 3), "more than 100000 rows"));
    }
    SUBCASE("a field over 100000 characters") {
        std::string ok;
        for (std::size_t i = 0; i < io::kMaxCsvFieldChars; ++i) ok += "中";
        auto r = io::from_csv(header + "A,S,L," + ok + "\n");
        REQUIRE(r.ok());
        CHECK(r.document->cards.at(0).title == ok);
        r = io::from_csv(header + "A,S,L,x\nA,S,L,\"" + ok + "\n!\"\n");
        CHECK(!r.ok());
        CHECK(has_problem(r, "line 3", "field 4 is longer than 100000 characters"));
        r = io::from_csv("phase,step,lane,title,other\nA,S,L,x," + std::string(io::kMaxCsvFieldChars + 1, 'x') + "\n");
        CHECK(has_problem(r, "line 2", "field 5 is longer than 100000 characters"));
    }
    SUBCASE("invalid UTF-8") {
        for (std::string bad : {"\xff", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8"}) {
            auto r = io::from_csv(header + "A,S,L,ok\nA,S,L,bad " + bad);
            CHECK(!r.ok());
            CHECK(has_problem(r, "line 3", "not valid UTF-8"));
        }
    }
    SUBCASE("too many columns, too many errors") {
        std::string wide = "phase,step,lane,title";
        for (std::size_t i = 0; i < io::kMaxCsvColumns; ++i) wide += ",x";
        CHECK(has_problem(io::from_csv(wide + "\n"), "line 1", "more than 1000 columns"));
        std::string csv = "phase,step,lane,title,votes\n";
        for (int i = 0; i < 300; ++i) csv += "A,S,L,t,-1\n";
        auto r = io::from_csv(csv);
        CHECK(!r.ok());
        CHECK(r.errors().size() == io::kMaxCsvErrors + 1);
        CHECK(has_problem(r, "", "too many errors"));
    }
}
