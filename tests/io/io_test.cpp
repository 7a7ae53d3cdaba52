// Unit tests of loading, canonical saving and atomic writing.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/blueprint_io.h"

namespace fs = std::filesystem;
using namespace sm;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "stagemap-test-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

constexpr const char* kMinimal = R"({"format":"stagemap.blueprint","version":1,"title":"T","phases":[],"steps":[],"lanes":[],"cards":[]})";

bool has_diag(const io::LoadResult& r, std::string_view where, std::string_view text) {
    for (const auto& d : r.diagnostics)
        if (d.where == where && d.message.find(text) != std::string::npos) return true;
    return false;
}

std::string diag_list(const io::LoadResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics) s += d.to_string() + "\n";
    return s;
}

std::vector<fs::path> example_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(STAGEMAP_SOURCE_DIR) / "blueprints"))
        if (e.path().string().ends_with(".blueprint.json")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("a minimal file loads and saves canonically") {
    auto r = io::load_text(kMinimal);
    REQUIRE_MESSAGE(r.ok(), diag_list(r));
    CHECK(r.diagnostics.empty());
    const std::string text = io::to_text(*r.document);
    CHECK(text ==
          "{\n  \"format\": \"stagemap.blueprint\",\n  \"version\": 1,\n  \"title\": \"T\",\n  \"phases\": [],\n"
          "  \"steps\": [],\n  \"lanes\": [],\n  \"cards\": [],\n  \"connectors\": [],\n  \"tiers\": []\n}\n");
}

TEST_CASE("every example blueprint loads without problems and round-trips") {
    auto files = example_files();
    REQUIRE(files.size() >= 3);
    for (const auto& f : files) {
        CAPTURE(f);
        auto r = io::load_file(f);
        REQUIRE_MESSAGE(r.ok(), diag_list(r));
        CHECK_MESSAGE(r.diagnostics.empty(), diag_list(r));
        const std::string once = io::to_text(*r.document);
        auto again = io::load_text(once);
        REQUIRE(again.ok());
        CHECK(*again.document == *r.document);
        CHECK(io::to_text(*again.document) == once);
        CHECK_MESSAGE(read_file(f) == once, "the example is not in canonical form: run stagemap fmt");
    }
}

TEST_CASE("saving writes keys in format order, Chinese as is, whole numbers without .0") {
    auto r = io::load_text(R"({"cards":[{"title":"柠檬水","step":"s","lane":"l","id":"c","wait_min":5.0,"votes":2.0}],
        "lanes":[{"name":"前台","kind":"frontstage","id":"l"}],"steps":[{"phase":"p","id":"s","name":"到店","duration_min":2.5}],
        "phases":[{"name":"P","id":"p"}],"title":"火锅","version":1,"format":"stagemap.blueprint"})");
    REQUIRE_MESSAGE(r.ok(), diag_list(r));
    const std::string t = io::to_text(*r.document);
    CHECK(t.find("\"title\": \"柠檬水\"") != std::string::npos);
    CHECK(t.find("\\u") == std::string::npos);
    CHECK(t.find("\"wait_min\": 5,") != std::string::npos);
    CHECK(t.find("\"votes\": 2\n") != std::string::npos);
    CHECK(t.find("\"duration_min\": 2.5") != std::string::npos);
    CHECK(t.find("\"format\"") < t.find("\"version\""));
    CHECK(t.find("\"id\": \"c\",\n      \"lane\": \"l\",\n      \"step\": \"s\",\n      \"title\"") != std::string::npos);
    CHECK(t.back() == '\n');
}

TEST_CASE("unknown keys survive at every level, in their original order") {
    auto r = io::load_text(R"({"format":"stagemap.blueprint","zeta":1,"version":1,"title":"T","alpha":{"b":[1,{"z":null,"a":2}],"a":"x"},
        "phases":[{"id":"p","name":"P","x-color":"#fff"}],"steps":[{"id":"s","phase":"p","name":"S","custom":[true]}],
        "lanes":[{"id":"l","kind":"custom","name":"L","height":3}],
        "cards":[{"id":"c","lane":"l","step":"s","title":"C","z":1,"a":2},{"id":"d","lane":"l","step":"s","title":"D"}],
        "connectors":[{"from":"c","to":"d","style":"curvy"}],"tiers":[{"id":"t","name":"T","rank":1}]})");
    REQUIRE_MESSAGE(r.ok(), diag_list(r));
    const Document& doc = *r.document;
    REQUIRE(doc.extra.size() == 2);
    CHECK(doc.extra[0].key == "zeta");
    CHECK(doc.extra[1].key == "alpha");
    CHECK(doc.extra[1].json == R"({"b":[1,{"z":null,"a":2}],"a":"x"})");
    CHECK(doc.cards[0].extra == UnknownFields{{"z", "1"}, {"a", "2"}});
    CHECK(doc.connectors[0].extra.size() == 1);
    CHECK(doc.tiers[0].extra.size() == 1);
    const std::string t = io::to_text(doc);
    CHECK(t.find("\"zeta\": 1") > t.find("\"tiers\""));
    CHECK(t.find("\"zeta\"") < t.find("\"alpha\""));
    CHECK(t.find("\"z\": null,\n") != std::string::npos);
    auto again = io::load_text(t);
    REQUIRE(again.ok());
    CHECK(*again.document == doc);
    CHECK(io::to_text(*again.document) == t);
}

TEST_CASE("all errors of a file are reported, each at its path") {
    auto r = io::load_text(R"({"format":"stagemap.blueprint","version":1,"title":"T","phases":[{"id":"p","name":"P"}],
        "steps":[{"id":"s","phase":"p","emotion":5}],"lanes":[{"id":"l","kind":"frontstage","name":"F"}],
        "cards":[{"id":"c","lane":"frontstge","step":"s"},{"id":"c","lane":"l","step":"nope"}]})");
    CHECK_FALSE(r.ok());
    CHECK(has_diag(r, "steps[0].emotion", "-2 to +2"));
    CHECK(has_diag(r, "cards[0].lane", "no lane with id \"frontstge\""));
    CHECK(has_diag(r, "cards[1].id", "duplicate card id \"c\""));
    CHECK(has_diag(r, "cards[1].step", "no step with id \"nope\""));
    CHECK(r.errors().size() == 4);
}

TEST_CASE("syntax errors are named by line and column") {
    auto r = io::load_text("{\n  \"format\": \"stagemap.blueprint\",\n  \"version\": 1,,\n}");
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].where == "line 3, column 16");  // the second comma
    // Columns count characters, not bytes: the Chinese key is 3 characters, 9 bytes; the '}'
    // after "tru" is character 12 (byte 18).
    auto cjk = io::load_text("{\"火锅店\": tru}");
    REQUIRE(cjk.diagnostics.size() == 1);
    CHECK(cjk.diagnostics[0].where == "line 1, column 12");
}

TEST_CASE("a newer version is refused naming both versions") {
    auto r = io::load_text(R"({"format":"stagemap.blueprint","version":2,"title":"T"})");
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].where == "version");
    CHECK(r.diagnostics[0].message.find("version 2") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("version 1") != std::string::npos);
}

TEST_CASE("hostile input: nesting, size, duplicate keys, huge numbers") {
    auto nested = [](int depth) {
        std::string s = R"({"format":"stagemap.blueprint","version":1,"title":"T","phases":[],"steps":[],"lanes":[],"cards":[],"x":)";
        for (int i = 1; i < depth; ++i) s += "[";
        for (int i = 1; i < depth; ++i) s += "]";
        return s + "}";
    };
    CHECK(io::load_text(nested(io::kMaxNestingDepth)).ok());
    auto deep = io::load_text(nested(io::kMaxNestingDepth + 1));
    CHECK_FALSE(deep.ok());
    CHECK(diag_list(deep).find("nesting deeper than 64") != std::string::npos);

    auto dup = io::load_text(R"({"format":"stagemap.blueprint","version":1,"title":"A","title":"B","phases":[],"steps":[],"lanes":[],"cards":[]})");
    CHECK_FALSE(dup.ok());
    CHECK(has_diag(dup, "title", "appears twice"));

    auto huge = io::load_text(R"({"format":"stagemap.blueprint","version":1,"title":"T","phases":[],"steps":[],"lanes":[],"cards":[],"n":1e999})");
    CHECK_FALSE(huge.ok());

    TempDir dir;
    const fs::path big = dir.path / "big.blueprint.json";
    {
        std::ofstream out(big);
    }
    fs::resize_file(big, io::kMaxFileBytes + 1);  // sparse: refused before reading
    auto r = io::load_file(big);
    CHECK_FALSE(r.ok());
    CHECK(diag_list(r).find("up to 64.0 MiB") != std::string::npos);
}

TEST_CASE("a UTF-8 byte order mark is accepted with a warning") {
    auto r = io::load_text(std::string("\xEF\xBB\xBF") + kMinimal);
    REQUIRE(r.ok());
    CHECK(r.warnings().size() == 1);
    CHECK(io::to_text(*r.document).substr(0, 1) == "{");
}

TEST_CASE("save is atomic and keeps the previous version as .bak") {
    TempDir dir;
    const fs::path target = dir.path / "a.blueprint.json";
    Document doc = *io::load_text(kMinimal).document;
    REQUIRE(io::save_file(doc, target).ok);
    CHECK(!fs::exists(target.string() + ".bak"));
    const std::string first = read_file(target);
    doc.title = "second";
    REQUIRE(io::save_file(doc, target).ok);
    CHECK(read_file(target.string() + ".bak") == first);
    CHECK(read_file(target).find("second") != std::string::npos);
    // Saving the same document twice gives identical bytes.
    REQUIRE(io::save_file(doc, target).ok);
    CHECK(read_file(target) == read_file(target.string() + ".bak"));
    // No temporary files are left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 2);
}

TEST_CASE("a failed save reports why and leaves the old file intact") {
    TempDir dir;
    const fs::path target = dir.path / "keep.blueprint.json";
    write_file(target, "old contents\n");

    SUBCASE("the disk fills up while writing") {
        // A child process with a 1 KiB file size limit stands in for a full disk: write() fails
        // with EFBIG part-way, exactly like ENOSPC would.
        Document doc = *io::load_text(kMinimal).document;
        doc.description = std::string(64 * 1024, 'x');
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::signal(SIGXFSZ, SIG_IGN);
            rlimit lim{1024, 1024};
            ::setrlimit(RLIMIT_FSIZE, &lim);
            io::SaveResult s = io::save_file(doc, target);
            bool named = s.error.find("keep.blueprint.json") != std::string::npos;
            ::_exit(!s.ok && named ? 0 : 1);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        CHECK(read_file(target) == "old contents\n");
        int entries = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
        CHECK(entries == 1);  // the old file alone: no temporary file, and no .bak of a failed save
    }
    SUBCASE("the folder does not exist") {
        auto s = io::write_file_atomic(dir.path / "missing" / "x.blueprint.json", "{}");
        CHECK_FALSE(s.ok);
        CHECK(s.error.find("No such file or directory") != std::string::npos);
    }
    SUBCASE("the target is a folder") {
        fs::create_directory(dir.path / "sub.blueprint.json");
        auto s = io::write_file_atomic(dir.path / "sub.blueprint.json", "{}");
        CHECK_FALSE(s.ok);
        CHECK(s.error.find("folder") != std::string::npos);
    }
    SUBCASE("the folder is read-only") {
        if (::geteuid() == 0) return;  // root writes anyway; covered by the other cases
        fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
        auto s = io::write_file_atomic(target, "new");
        fs::permissions(dir.path, fs::perms::owner_all);
        CHECK_FALSE(s.ok);
        CHECK(read_file(target) == "old contents\n");
    }
}

TEST_CASE("saving through a symbolic link keeps the link") {
    TempDir dir;
    write_file(dir.path / "real.blueprint.json", "x");
    fs::create_symlink(dir.path / "real.blueprint.json", dir.path / "link.blueprint.json");
    REQUIRE(io::write_file_atomic(dir.path / "link.blueprint.json", "new", {.keep_backup = false}).ok);
    CHECK(fs::is_symlink(dir.path / "link.blueprint.json"));
    CHECK(read_file(dir.path / "real.blueprint.json") == "new");
}

TEST_CASE("validate() checks documents built in memory") {
    Document doc;
    doc.phases.push_back({PhaseId("p"), "P", "", {}});
    Step s;
    s.id = StepId("s");
    s.phase = PhaseId("p");
    s.emotion = 7;
    doc.steps.push_back(s);
    Card c;
    c.id = CardId("");
    c.lane = LaneId("nowhere");
    c.step = StepId("s");
    doc.cards.push_back(c);
    auto diags = io::validate(doc);
    auto has = [&](std::string_view where) {
        return std::any_of(diags.begin(), diags.end(), [&](const io::Diagnostic& d) { return d.where == where; });
    };
    CHECK(has("steps[0].emotion"));
    CHECK(has("cards[0].id"));
    CHECK(has("cards[0].lane"));
}

TEST_CASE("inputs the fuzzer once crashed on are refused cleanly or round-trip") {
    const fs::path dir = fs::path(STAGEMAP_SOURCE_DIR) / "tests" / "fixtures" / "fuzz";
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        CAPTURE(e.path());
        ++files;
        auto r = io::load_file(e.path());
        if (!r.ok()) {
            CHECK_FALSE(r.diagnostics.empty());
            continue;
        }
        const std::string saved = io::to_text(*r.document);
        auto again = io::load_text(saved);
        REQUIRE(again.ok());
        CHECK(*again.document == *r.document);
    }
    CHECK(files > 0);
}

TEST_CASE("a 100,000-card file loads, round-trips, and a broken one is refused at its place") {
    Document doc;
    doc.title = "大型服务蓝图 · 100,000 cards";
    for (int p = 0; p < 10; ++p) doc.phases.push_back({PhaseId("p" + std::to_string(p)), "阶段 " + std::to_string(p), "", {}});
    for (int s = 0; s < 400; ++s) {
        Step step;
        step.id = StepId("s" + std::to_string(s));
        step.phase = PhaseId("p" + std::to_string(s / 40));
        step.name = "步骤 step " + std::to_string(s);
        step.emotion = s % 5 - 2;
        doc.steps.push_back(step);
    }
    for (int l = 0; l < 20; ++l)
        doc.lanes.push_back({LaneId("l" + std::to_string(l)), kCanonicalLaneKinds[l * 5 / 20], "Lane", {}});
    for (int c = 0; c < 100000; ++c) {
        Card card;
        card.id = CardId("c" + std::to_string(c));
        card.lane = LaneId("l" + std::to_string(c % 20));
        card.step = StepId("s" + std::to_string(c % 400));
        card.title = "服务项目 service item " + std::to_string(c);
        if (c % 9 == 0) card.wait_min = 3;
        doc.cards.push_back(std::move(card));
    }
    std::string text = io::to_text(doc);
    CHECK(text.size() < io::kMaxFileBytes);
    auto r = io::load_text(text);
    REQUIRE_MESSAGE(r.ok(), diag_list(r));
    CHECK(*r.document == doc);

    // One bad reference among 100,000 cards is found and named.
    const std::string needle = "\"lane\": \"l7\",\n      \"step\": \"s387\"";  // card 99987
    const auto at = text.rfind(needle);
    REQUIRE(at != std::string::npos);
    text.replace(at, needle.size(), "\"lane\": \"l77\",\n      \"step\": \"s387\"");
    auto bad = io::load_text(text);
    CHECK_FALSE(bad.ok());
    CHECK(has_diag(bad, "cards[99987].lane", "no lane with id \"l77\""));
}
