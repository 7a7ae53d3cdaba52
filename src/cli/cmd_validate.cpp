// stagemap validate FILE...: every error and warning, named by place.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "io/blueprint_io.h"

namespace sm::cli {

Subcommand validate_command() {
    return {"validate", "Check blueprint files against the format; print FILE: ok or every problem with its place",
            [](CLI::App& app) -> std::function<int()> {
                auto files = std::make_shared<std::vector<std::string>>();
                auto as_json = std::make_shared<bool>(false);
                auto quiet = std::make_shared<bool>(false);
                app.add_option("FILE", *files, "Blueprint files (NAME.blueprint.json)")->required();
                app.add_flag("--json", *as_json, "Print the results as one JSON array on stdout");
                app.add_flag("-q,--quiet", *quiet, "Print nothing for files that are fine");
                return [files, as_json, quiet] {
                    int code = kExitOk;
                    nlohmann::ordered_json report = nlohmann::ordered_json::array();
                    for (const auto& f : *files) {
                        io::LoadResult r = io::load_file(f);
                        if (!r.ok()) code = kExitFailed;
                        if (*as_json) {
                            nlohmann::ordered_json entry = {{"file", f}, {"ok", r.ok()}};
                            entry["diagnostics"] = nlohmann::ordered_json::array();
                            for (const auto& d : r.diagnostics)
                                entry["diagnostics"].push_back(
                                    {{"severity", d.severity == io::Severity::Error ? "error" : "warning"},
                                     {"where", d.where},
                                     {"message", d.message}});
                            report.push_back(std::move(entry));
                            continue;
                        }
                        for (const auto& d : r.diagnostics) std::cerr << f << ": " << d.to_string() << '\n';
                        if (r.ok() && !*quiet) std::cout << f << ": ok\n";
                        if (!r.ok())
                            std::cerr << f << ": refused (" << r.errors().size()
                                      << (r.errors().size() == 1 ? " error)\n" : " errors)\n");
                    }
                    if (*as_json) std::cout << report.dump(2, ' ', false) << '\n';
                    return code;
                };
            }};
}

}  // namespace sm::cli
