// Stagemap command line: a table of subcommands (each in its own file), registered with CLI11.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sm::cli {

// Exit codes, Unix style.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // a refused file or a failed operation
inline constexpr int kExitUsage = 2;

struct Subcommand {
    const char* name;
    const char* summary;
    // Adds the subcommand's options to `app`; returns the function that runs it after parsing.
    std::function<std::function<int()>(CLI::App& app)> setup;
};

std::vector<Subcommand> subcommands();

// Subcommand registrations, one per file.
Subcommand validate_command();
Subcommand fmt_command();
Subcommand stats_command();
Subcommand export_command();
Subcommand import_command();

}  // namespace sm::cli
