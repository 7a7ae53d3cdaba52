// stagemap fmt FILE... [--check]: rewrite files in canonical form, atomically.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "io/blueprint_io.h"

namespace sm::cli {

namespace {
std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

Subcommand fmt_command() {
    return {"fmt", "Rewrite blueprint files in canonical form (in place, atomically); --check only reports",
            [](CLI::App& app) -> std::function<int()> {
                auto files = std::make_shared<std::vector<std::string>>();
                auto check = std::make_shared<bool>(false);
                app.add_option("FILE", *files, "Blueprint files")->required();
                app.add_flag("--check", *check,
                             "Change nothing; print the files that are not in canonical form and exit 1 if there are any");
                return [files, check] {
                    int code = kExitOk;
                    int not_canonical = 0;
                    for (const auto& f : *files) {
                        io::LoadResult r = io::load_file(f);
                        if (!r.ok()) {
                            for (const auto& d : r.diagnostics) std::cerr << f << ": " << d.to_string() << '\n';
                            std::cerr << f << ": refused, not formatted\n";
                            code = kExitFailed;
                            continue;
                        }
                        const std::string canonical = io::to_text(*r.document);
                        if (canonical == read_all(f)) continue;
                        if (*check) {
                            std::cout << f << '\n';
                            ++not_canonical;
                            code = kExitFailed;
                            continue;
                        }
                        // No .bak here: fmt is for files kept in version control.
                        io::SaveResult s = io::write_file_atomic(f, canonical, {.keep_backup = false});
                        if (!s.ok) {
                            std::cerr << "stagemap fmt: " << s.error << '\n';
                            code = kExitFailed;
                        } else {
                            std::cerr << f << ": formatted\n";
                        }
                    }
                    if (*check && not_canonical > 0)
                        std::cerr << "stagemap fmt: " << not_canonical
                                  << (not_canonical == 1 ? " file is" : " files are")
                                  << " not in canonical form; run 'stagemap fmt FILE' to rewrite\n";
                    return code;
                };
            }};
}

}  // namespace sm::cli
