// Crash-safe saving, proven: a child process saves in a loop and is killed (SIGKILL) at
// random moments; the file on disk must always be the complete old or the complete new text.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "io/blueprint_io.h"

namespace fs = std::filesystem;
using namespace sm;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Two blueprints of about 250 kB each, so that a save takes long enough to be interrupted.
Document big_document(const std::string& title) {
    Document doc;
    doc.title = title;
    doc.phases.push_back({PhaseId("p"), "Phase", "", {}});
    Step s;
    s.id = StepId("s");
    s.phase = PhaseId("p");
    s.name = "Step";
    doc.steps.push_back(s);
    doc.lanes.push_back({LaneId("l"), LaneKind::Frontstage, "前台员工行为", {}});
    for (int i = 0; i < 1000; ++i) {
        Card c;
        std::string id = "c";  // appended: GCC 12 warns falsely (-Wrestrict) on "c" + string
        id += std::to_string(i);
        c.id = CardId(id);
        c.lane = LaneId("l");
        c.step = StepId("s");
        c.title = title + " 服务项目 " + std::to_string(i);
        c.detail = std::string(200, static_cast<char>('a' + i % 26));
        doc.cards.push_back(c);
    }
    return doc;
}

}  // namespace

TEST_CASE("a save killed at any moment leaves the complete old or the complete new file") {
    std::string tmpl = (fs::temp_directory_path() / "stagemap-kill-XXXXXX").string();
    const fs::path dir = ::mkdtemp(tmpl.data());
    const fs::path target = dir / "visit.blueprint.json";
    const Document a = big_document("A");
    const Document b = big_document("B");
    const std::string text_a = io::to_text(a);
    const std::string text_b = io::to_text(b);
    REQUIRE(io::save_file(a, target).ok);

    // Kills fall before, during and after renames: delays up to three saves long, measured
    // here because a sanitizer build saves several times slower than a release build.
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(io::save_file(a, target).ok);
    const auto save_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
    std::mt19937 rng(20261122);
    std::uniform_int_distribution<long> delay_us(0, 3 * std::max<long>(1000, save_us.count()));
    int seen_a = 0, seen_b = 0;
    constexpr int kRounds = 80;
    for (int round = 0; round < kRounds; ++round) {
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // Each round starts with the other document, so that both can be on disk at a kill.
            for (int i = round;; ++i) io::save_file(i % 2 ? a : b, target);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);

        const std::string now = slurp(target);
        const bool complete = now == text_a || now == text_b;
        CAPTURE(round);
        REQUIRE_MESSAGE(complete, "the file is neither version after a kill (" << now.size() << " bytes)");
        (now == text_a ? seen_a : seen_b)++;
        // The backup, when present, is complete too.
        if (fs::exists(target.string() + ".bak")) {
            const std::string bak = slurp(target.string() + ".bak");
            REQUIRE((bak == text_a || bak == text_b));
        }
        REQUIRE(io::load_file(target).ok());
    }
    // The kills landed at different moments: both versions were seen on disk.
    CHECK(seen_a > 0);
    CHECK(seen_b > 0);
    std::error_code ec;
    fs::remove_all(dir, ec);
}
