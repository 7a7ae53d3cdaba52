// stagemap import FILE.csv -o NEW.blueprint.json: a spreadsheet of sticky notes becomes a
// blueprint. Bad rows are reported by line and nothing is written.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "io/blueprint_io.h"
#include "io/csv.h"

namespace sm::cli {
namespace {

struct ImportArgs {
    std::string file, out, title;
    bool force = false;
};

int run_import(const ImportArgs& a) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto size = fs::file_size(a.file, ec);
    if (ec) {
        std::cerr << a.file << ": cannot open: " << ec.message() << '\n';
        return kExitFailed;
    }
    if (size > io::kMaxCsvBytes) {
        std::cerr << a.file << ": the file is larger than 64 MiB; nothing imported\n";
        return kExitFailed;
    }
    if (fs::exists(a.out, ec) && !a.force) {
        std::cerr << "stagemap import: " << a.out << " exists; give --force to replace it\n";
        return kExitFailed;
    }
    std::ifstream in(a.file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string title = a.title;
    if (title.empty()) title = fs::path(a.file).stem().string();
    io::ImportResult r = io::from_csv(text.str(), title);
    for (const auto& p : r.problems) std::cerr << a.file << ": " << p.to_string() << '\n';
    if (!r.ok()) {
        const std::size_t n = r.errors().size();
        std::cerr << a.file << ": not imported (" << n << (n == 1 ? " problem" : " problems") << "); nothing was written\n";
        return kExitFailed;
    }
    io::SaveResult s = io::save_file(*r.document, a.out);
    if (!s.ok) {
        std::cerr << "stagemap import: " << s.error << '\n';
        return kExitFailed;
    }
    std::cerr << a.out << ": " << r.document->cards.size() << " cards in " << r.document->steps.size() << " steps, "
              << r.document->lanes.size() << " lanes\n";
    return kExitOk;
}

}  // namespace

Subcommand import_command() {
    return {"import", "Make a blueprint from a CSV of cards (the columns of export --format csv)",
            [](CLI::App& app) -> std::function<int()> {
                auto a = std::make_shared<ImportArgs>();
                app.add_option("FILE", a->file, "A CSV file (UTF-8, with or without a BOM)")->required();
                app.add_option("-o,--output", a->out, "The blueprint to write (NAME.blueprint.json)")->required();
                app.add_option("--title", a->title, "The blueprint's title (default: the CSV's file name)");
                app.add_flag("--force", a->force, "Replace the output file if it exists");
                return [a] { return run_import(*a); };
            }};
}

}  // namespace sm::cli
