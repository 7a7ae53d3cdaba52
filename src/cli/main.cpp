// stagemap: the command line. Subcommands run headless; `stagemap [FILE]` opens the GUI by
// handing over to stagemap-gui, which lives next to this executable.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace sm::cli {

std::vector<Subcommand> subcommands() { return {validate_command(), fmt_command(), stats_command(), export_command(), import_command()}; }

namespace {

bool is_subcommand_or_help(const char* arg) {
    const std::string a = arg;
    if (a == "-h" || a == "--help" || a == "--version") return true;
    for (const auto& s : subcommands())
        if (a == s.name) return true;
    return false;
}

// Replaces this process with stagemap-gui, passing the arguments on.
int open_gui(int argc, char** argv) {
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::filesystem::path gui = (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "stagemap-gui";
    if (!std::filesystem::exists(gui, ec)) {
        std::fprintf(stderr, "stagemap: the GUI (%s) is not installed; the subcommands work without it (stagemap --help)\n",
                     gui.c_str());
        return kExitFailed;
    }
    std::vector<char*> args;
    std::string gui_str = gui.string();
    args.push_back(gui_str.data());
    for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execv(gui_str.c_str(), args.data());
    std::fprintf(stderr, "stagemap: cannot start %s: %s\n", gui_str.c_str(), std::strerror(errno));
    return kExitFailed;
}

}  // namespace

int run(int argc, char** argv) {
    if (argc < 2 || !is_subcommand_or_help(argv[1])) return open_gui(argc, argv);

    CLI::App app{"Stagemap: service blueprints and journey design.\n\n"
                 "  stagemap [FILE] [--present] [--lang zh-CN] ...  open FILE in the GUI (stagemap-gui --help)\n"
                 "  stagemap COMMAND ...                         work on blueprint files without a display",
                 "stagemap"};
    app.set_version_flag("--version", "stagemap 0.1.0 (blueprint format 1)");
    app.require_subcommand(1);
    std::function<int()> action;
    for (const auto& s : subcommands()) {
        CLI::App* sub = app.add_subcommand(s.name, s.summary);
        auto run_it = s.setup(*sub);
        sub->callback([&action, run_it] { action = run_it; });
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "stagemap: %s\n", e.what());
        std::fprintf(stderr, "Run 'stagemap --help' for usage.\n");
        return kExitUsage;
    }
    return action ? action() : kExitUsage;
}

}  // namespace sm::cli

int main(int argc, char** argv) { return sm::cli::run(argc, argv); }
