// Crash-safe autosave, proven: a child process autosaves edit after edit and is killed
// (SIGKILL) at random moments; the autosave on disk is always a complete blueprint that the
// next start offers to restore, and it is one of the versions the child wrote.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "edit/document_fields.h"
#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/autosave.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("an autosave killed at any moment leaves a complete, restorable blueprint") {
    const auto root = std::filesystem::path(STAGEMAP_BINARY_DIR) / "test_ui_tmp" / "autosave_kill";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);
    setenv("XDG_STATE_HOME", (root / "state").c_str(), 1);
    setenv("XDG_CONFIG_HOME", (root / "config").c_str(), 1);

    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1600, 900), /*persistent=*/true);
    // The versions the child may write: the document titled "v0", "v1", … (a title edit each).
    auto version_text = [&h](int n) {
        Document d = h.doc();
        d.title = "v" + std::to_string(n);
        return io::to_text(d);
    };
    ui::write_autosave(h.app());  // an autosave exists before the first kill
    const auto file = ui::autosave_file(ui::state_dir());
    REQUIRE(std::filesystem::exists(file));

    std::mt19937 rng(7);
    std::uniform_int_distribution<int> delay_us(0, 40000);
    int restorable = 0;
    for (int round = 0; round < 40; ++round) {
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            for (int n = 0;; ++n) {
                h.app().session.history.execute(edit::set_title(h.doc(), "v" + std::to_string(n % 50)));
                ui::write_autosave(h.app());
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);

        CAPTURE(round);
        auto loaded = io::load_file(file);
        REQUIRE_MESSAGE(loaded.ok(), "the autosave is not a complete blueprint after a kill");
        const std::string text = slurp(file);
        bool known = text == io::to_text(h.doc());
        for (int n = 0; n < 50 && !known; ++n) known = text == version_text(n);
        CHECK_MESSAGE(known, "the autosave is none of the versions written");
        if (ui::find_restorable(ui::state_dir())) ++restorable;
    }
    // The original blueprint on disk is older than the autosave: every round offers a restore.
    CHECK(restorable == 40);
    unsetenv("XDG_STATE_HOME");
    unsetenv("XDG_CONFIG_HOME");
    std::filesystem::remove_all(root);
}
