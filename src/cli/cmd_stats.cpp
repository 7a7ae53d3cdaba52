// stagemap stats FILE [--json]: placeholder until analysis lands.
#include <CLI/CLI.hpp>
#include "cli/commands.h"
namespace sm::cli {
Subcommand stats_command() {
    return {"stats", "Counts, durations, peak-end moments and tier coverage of a blueprint",
            [](CLI::App&) -> std::function<int()> { return [] { return kExitFailed; }; }};
}
}  // namespace sm::cli
