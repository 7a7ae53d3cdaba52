// Runs the stagemap executable as a user would and checks what it prints and returns.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "stagemap-cli-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Runs `stagemap args...` with stdout and stderr captured in files (no pipes to deadlock on).
Run stagemap(const std::vector<std::string>& args, const std::string& exe = STAGEMAP_EXE) {
    TempDir io;
    const fs::path out = io.path / "out", err = io.path / "err";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<std::string> all{exe};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    // No DISPLAY: the subcommands must not need one.
    std::vector<std::string> env_strings{"PATH=/usr/bin:/bin", "HOME=" + io.path.string(), "LANG=C.UTF-8"};
    // A sanitizer build's settings (e.g. the leak suppressions for fontconfig's caches) go along.
    for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
        if (const char* value = std::getenv(name)) env_strings.push_back(std::string(name) + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    Run r;
    if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data()) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

const fs::path kSource = STAGEMAP_SOURCE_DIR;

std::vector<std::string> examples() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kSource / "blueprints"))
        if (e.path().string().ends_with(".blueprint.json")) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

void write(const fs::path& p, std::string_view text) {
    std::ofstream o(p, std::ios::binary);
    o << text;
}

constexpr std::string_view kBroken = R"({"format":"stagemap.blueprint","version":1,"title":"T",
"phases":[{"id":"p","name":"P"}],"steps":[{"id":"s","phase":"p","name":"S"}],
"lanes":[{"id":"frontstage","kind":"frontstage","name":"F"}],
"cards":[{"id":"a","lane":"frontstage","step":"s","title":"A"},{"id":"b","lane":"frontstage","step":"s","title":"B"},
{"id":"c","lane":"frontstage","step":"s","title":"C"},{"id":"d","lane":"frontstge","step":"s","title":"D"}]})";

}  // namespace

TEST_CASE("help and usage errors") {
    auto help = stagemap({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("validate") != std::string::npos);
    CHECK(help.out.find("fmt") != std::string::npos);
    CHECK(help.out.find("stats") != std::string::npos);
    for (const char* sub : {"validate", "fmt", "stats"}) {
        CAPTURE(sub);
        auto r = stagemap({sub, "--help"});
        CHECK(r.code == 0);
        CHECK(r.out.find("FILE") != std::string::npos);
    }
    auto missing = stagemap({"validate"});
    CHECK(missing.code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err.find("FILE") != std::string::npos);
    auto bad_flag = stagemap({"stats", "--no-such-flag", "x.json"});
    CHECK(bad_flag.code == 2);
}

TEST_CASE("validate accepts every example blueprint") {
    auto files = examples();
    REQUIRE(files.size() >= 3);
    auto r = stagemap(files);
    r = stagemap([&] {
        std::vector<std::string> a{"validate"};
        a.insert(a.end(), files.begin(), files.end());
        return a;
    }());
    CHECK(r.code == 0);
    for (const auto& f : files) CHECK(r.out.find(f + ": ok\n") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("validate refuses a broken file, naming the place") {
    TempDir dir;
    const fs::path bad = dir.path / "bad.blueprint.json";
    write(bad, kBroken);
    auto r = stagemap({"validate", bad.string()});
    CHECK(r.code == 1);
    CHECK(r.err.find(bad.string() + ": cards[3].lane: no lane with id \"frontstge\"") != std::string::npos);
    CHECK(r.out.find(": ok") == std::string::npos);

    // A good file and a bad one: both reported, exit 1.
    auto both = stagemap({"validate", examples()[0], bad.string()});
    CHECK(both.code == 1);
    CHECK(both.out.find(examples()[0] + ": ok") != std::string::npos);

    auto json = stagemap({"validate", "--json", bad.string()});
    CHECK(json.code == 1);
    auto report = nlohmann::json::parse(json.out);
    REQUIRE(report.size() == 1);
    CHECK(report[0]["ok"] == false);
    CHECK(report[0]["diagnostics"][0]["where"] == "cards[3].lane");

    auto missing = stagemap({"validate", (dir.path / "nope.json").string()});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("no such file") != std::string::npos);
}

TEST_CASE("validate names JSON syntax errors by line and column") {
    TempDir dir;
    const fs::path bad = dir.path / "syntax.blueprint.json";
    write(bad, "{\n  \"format\": \"stagemap.blueprint\"\n  \"version\": 1\n}\n");
    auto r = stagemap({"validate", bad.string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("line 3, column 3:") != std::string::npos);
}

TEST_CASE("fmt rewrites in canonical form, is idempotent and keeps unknown keys") {
    TempDir dir;
    const fs::path f = dir.path / "messy.blueprint.json";
    const std::string messy = R"({"version":1,"format":"stagemap.blueprint","custom":{"b":1,"a":[2]},"title":"乱",
      "phases":[{"name":"P","id":"p"}],"steps":[{"name":"S","phase":"p","id":"s","emotion":null}],"lanes":[],"cards":[]})";
    write(f, messy);

    auto check = stagemap({"fmt", "--check", f.string()});
    CHECK(check.code == 1);
    CHECK(check.out == f.string() + "\n");
    CHECK(slurp(f) == messy);  // --check changes nothing

    auto fmt = stagemap({"fmt", f.string()});
    CHECK(fmt.code == 0);
    const std::string once = slurp(f);
    CHECK(once != messy);
    CHECK(once.find("\"custom\": {\n    \"b\": 1,\n    \"a\": [\n      2\n    ]\n  }") != std::string::npos);
    CHECK(once.find("\"title\": \"乱\"") != std::string::npos);
    CHECK(!fs::exists(f.string() + ".bak"));

    auto again = stagemap({"fmt", f.string()});
    CHECK(again.code == 0);
    CHECK(slurp(f) == once);
    auto clean = stagemap({"fmt", "--check", f.string()});
    CHECK(clean.code == 0);
    CHECK(clean.out.empty());
}

TEST_CASE("fmt refuses a broken file and leaves it alone") {
    TempDir dir;
    const fs::path bad = dir.path / "bad.blueprint.json";
    write(bad, kBroken);
    auto r = stagemap({"fmt", bad.string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("cards[3].lane") != std::string::npos);
    CHECK(slurp(bad) == kBroken);
}

TEST_CASE("the examples are in canonical form") {
    std::vector<std::string> args{"fmt", "--check"};
    for (const auto& f : examples()) args.push_back(f);
    auto r = stagemap(args);
    CHECK_MESSAGE(r.code == 0, r.out);
}

TEST_CASE("opening the GUI without stagemap-gui next to the binary says so") {
    TempDir dir;
    const fs::path copy = dir.path / "stagemap";
    fs::copy_file(STAGEMAP_EXE, copy);
    fs::permissions(copy, fs::perms::owner_all);
    auto r = stagemap({examples()[0]}, copy.string());
    CHECK(r.code == 1);
    CHECK(r.err.find("GUI") != std::string::npos);
}

TEST_CASE("stats prints counts, peak-end and tiers; --json is one stable object") {
    const std::string hotpot = (kSource / "blueprints" / "hotpot-restaurant.blueprint.json").string();
    auto text = stagemap({"stats", hotpot});
    CHECK(text.code == 0);
    CHECK(text.out.find("Peak") != std::string::npos);
    CHECK(text.out.find("Remembered") != std::string::npos);

    auto r = stagemap({"stats", "--json", hotpot});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"phases", "steps", "lanes", "cards", "fail_points", "wait_points", "connectors", "votes",
                            "duration_min", "peak", "end", "best", "worst", "remembered", "experienced", "gap",
                            "recommendations", "tiers"})
        CHECK_MESSAGE(j.contains(key), key);
    CHECK(j["lanes"]["customer"] == 1);
    CHECK(j["lanes"]["custom"] == 0);
    CHECK(j["duration_min"].contains("by_phase"));
    CHECK(j["tiers"].size() == 4);
    CHECK(j["tiers"][0].contains("linked"));
}

TEST_CASE("stats on a hand-made blueprint gives hand-worked numbers") {
    TempDir dir;
    const fs::path f = dir.path / "small.blueprint.json";
    // Emotions -1, +2, +1 over 10, 5 and 5 minutes: peak +2 (s2), end +1 (s3): remembered 1.5;
    // experienced (-10 + 10 + 5) / 20 = 0.25; gap 1.25. One fail, one wait of 12 min.
    write(f, R"({"format":"stagemap.blueprint","version":1,"title":"Small",
      "phases":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
      "steps":[{"id":"s1","phase":"a","name":"Queue","emotion":-1,"duration_min":10},
               {"id":"s2","phase":"a","name":"Show","emotion":2,"duration_min":5},
               {"id":"s3","phase":"b","name":"Bye","emotion":1,"duration_min":5,"need":"a warm goodbye"}],
      "lanes":[{"id":"c","kind":"customer","name":"C"},{"id":"f","kind":"frontstage","name":"F"}],
      "cards":[{"id":"x","lane":"c","step":"s1","title":"wait","wait_min":12},
               {"id":"y","lane":"f","step":"s2","title":"show","fail":"chef absent","votes":3}],
      "connectors":[{"from":"x","to":"y"}]})");
    auto r = stagemap({"stats", "--json", f.string()});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["phases"] == 2);
    CHECK(j["steps"] == 3);
    CHECK(j["cards"] == 2);
    CHECK(j["fail_points"] == 1);
    CHECK(j["wait_points"] == 1);
    CHECK(j["connectors"] == 1);
    CHECK(j["votes"] == 3);
    CHECK(j["duration_min"]["total"] == 20);
    CHECK(j["duration_min"]["wait"] == 12);
    CHECK(j["duration_min"]["by_phase"]["a"] == 15);
    CHECK(j["duration_min"]["by_phase"]["b"] == 5);
    CHECK(j["peak"]["step"] == "s2");
    CHECK(j["end"]["step"] == "s3");
    CHECK(j["worst"]["step"] == "s1");
    CHECK(j["remembered"].get<double>() == doctest::Approx(1.5));
    CHECK(j["experienced"].get<double>() == doctest::Approx(0.25));
    CHECK(j["gap"].get<double>() == doctest::Approx(1.25));

    auto bad = stagemap({"stats", (dir.path / "none.json").string()});
    CHECK(bad.code == 1);
    CHECK(bad.out.empty());
}

TEST_CASE("export writes every format, the format taken from the extension") {
    TempDir dir;
    const std::string hotpot = (kSource / "blueprints" / "hotpot-restaurant.blueprint.json").string();
    for (const char* ext : {"svg", "png", "pdf", "mmd", "csv", "drawio"}) {
        CAPTURE(ext);
        const fs::path out = dir.path / (std::string("hotpot.") + ext);
        auto r = stagemap({"export", hotpot, "-o", out.string()});
        CHECK(r.code == 0);
        CHECK(fs::file_size(out) > 500);
    }
    const std::string svg = slurp(dir.path / "hotpot.svg");
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("拉面") != std::string::npos);
    CHECK(slurp(dir.path / "hotpot.png").substr(1, 3) == "PNG");
    CHECK(slurp(dir.path / "hotpot.pdf").substr(0, 5) == "%PDF-");
    CHECK(slurp(dir.path / "hotpot.mmd").substr(0, 7) == "journey");
    CHECK(slurp(dir.path / "hotpot.csv").substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(slurp(dir.path / "hotpot.drawio").find("<mxfile") != std::string::npos);

    auto a4 = stagemap({"export", hotpot, "-o", (dir.path / "a4.pdf").string(), "--page", "A4", "--landscape"});
    CHECK(a4.code == 0);
    CHECK(a4.err.find("pages (A4 landscape") != std::string::npos);
    auto bad_page = stagemap({"export", hotpot, "-o", (dir.path / "b.pdf").string(), "--page", "Letter"});
    CHECK(bad_page.code == 2);

    auto to_stdout = stagemap({"export", hotpot, "-o", "-", "--format", "mmd"});
    CHECK(to_stdout.code == 0);
    CHECK(to_stdout.out.find("section") != std::string::npos);

    auto unknown_ext = stagemap({"export", hotpot, "-o", (dir.path / "x.doc").string()});
    CHECK(unknown_ext.code == 2);
    auto bad_tier = stagemap({"export", hotpot, "-o", (dir.path / "t.svg").string(), "--tier", "t-nope"});
    CHECK(bad_tier.code == 1);
    CHECK(bad_tier.err.find("t-nope") != std::string::npos);
    CHECK(!fs::exists(dir.path / "t.svg"));
    auto lens = stagemap({"export", hotpot, "-o", (dir.path / "t.svg").string(), "--tier", "t-low"});
    CHECK(lens.code == 0);
    CHECK(slurp(dir.path / "t.svg") != svg);  // the lens dims what the low-value tier does not get
}

TEST_CASE("CSV export, then import, gives a blueprint with the same cards") {
    TempDir dir;
    const std::string hotel = (kSource / "blueprints" / "hotel-stay.blueprint.json").string();
    const fs::path csv = dir.path / "hotel.csv", back = dir.path / "hotel.blueprint.json";
    REQUIRE(stagemap({"export", hotel, "-o", csv.string()}).code == 0);
    auto r = stagemap({"import", csv.string(), "-o", back.string()});
    CHECK(r.code == 0);
    auto v = stagemap({"validate", back.string()});
    CHECK(v.code == 0);
    auto before = nlohmann::json::parse(slurp(hotel));
    auto after = nlohmann::json::parse(slurp(back));
    REQUIRE(after["cards"].size() == before["cards"].size());
    std::multiset<std::string> titles_before, titles_after;
    for (const auto& c : before["cards"]) titles_before.insert(c["title"].get<std::string>());
    for (const auto& c : after["cards"]) titles_after.insert(c["title"].get<std::string>());
    CHECK(titles_before == titles_after);

    // The output exists now: import refuses to replace it without --force.
    auto again = stagemap({"import", csv.string(), "-o", back.string()});
    CHECK(again.code == 1);
    CHECK(stagemap({"import", csv.string(), "-o", back.string(), "--force"}).code == 0);
}

TEST_CASE("import reports bad rows by line and writes nothing") {
    TempDir dir;
    const fs::path csv = dir.path / "notes.csv", out = dir.path / "notes.blueprint.json";
    write(csv, "phase,step,lane,title,votes\nArrive,Queue,Customer,Takes a number,1\nArrive,Queue,Customer,Waits,many\n");
    auto r = stagemap({"import", csv.string(), "-o", out.string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("line 3") != std::string::npos);
    CHECK(r.err.find("not imported (1 problem); nothing was written") != std::string::npos);
    CHECK(!fs::exists(out));
}

// [SECTION] Failed saves: what the user is told
TEST_CASE("fmt on a full disk says so, names the file and leaves it alone") {
    // A file size limit of 512 bytes stands in for a full disk: write() fails part-way (EFBIG,
    // as ENOSPC would); SIGXFSZ is ignored so the error comes back to the program.
    TempDir dir;
    const fs::path f = dir.path / "big.blueprint.json";
    auto doc = nlohmann::json::parse(slurp(kSource / "blueprints" / "hotel-stay.blueprint.json"));
    doc["description"] = std::string(64 * 1024, 'x');
    const std::string compact = doc.dump();  // not canonical: fmt must rewrite it
    write(f, compact);
    auto r = stagemap({"-c", "trap '' XFSZ; ulimit -f 1 && exec \"$0\" \"$@\"", STAGEMAP_EXE, "fmt", f.string()},
                      "/bin/sh");
    CHECK(r.code == 1);
    CHECK_MESSAGE(r.err.find("cannot save") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("big.blueprint.json") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("writing failed") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("the file on disk was not changed") != std::string::npos, r.err);
    const bool unchanged = slurp(f) == compact;
    CHECK(unchanged);
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 1);  // no temporary file left behind
}

TEST_CASE("fmt in a read-only folder says so and leaves the file alone") {
    TempDir dir;
    const fs::path f = dir.path / "ro.blueprint.json";
    const std::string compact = nlohmann::json::parse(slurp(kSource / "blueprints" / "hotel-stay.blueprint.json")).dump();
    write(f, compact);
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    Run r;
    if (::geteuid() == 0) {
        // root writes anyway: run as nobody, when nobody can reach the binary.
        const std::string setpriv = "/usr/bin/setpriv";
        const std::vector<std::string> as_nobody{"--reuid=65534", "--regid=65534", "--clear-groups"};
        auto probe = as_nobody;
        probe.insert(probe.end(), {"/bin/sh", "-c", "test -x \"$0\" && test -r \"$1\"", STAGEMAP_EXE, f.string()});
        if (!fs::exists(setpriv) || stagemap(probe, setpriv).code != 0) {
            fs::permissions(dir.path, fs::perms::owner_all);
            MESSAGE("skipped: running as root, and user nobody cannot run " << STAGEMAP_EXE);
            return;
        }
        auto args = as_nobody;
        args.insert(args.end(), {STAGEMAP_EXE, "fmt", f.string()});
        r = stagemap(args, setpriv);
    } else {
        r = stagemap({"fmt", f.string()});
    }
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(r.code == 1);
    CHECK_MESSAGE(r.err.find("cannot save") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("ro.blueprint.json") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("Permission denied") != std::string::npos, r.err);
    const bool unchanged = slurp(f) == compact;
    CHECK(unchanged);
}
