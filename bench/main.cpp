// Stagemap benchmarks — stagemap-bench: Google Benchmark over generated blueprints of 100, 1,000
// and 10,000 cards.
//   stagemap-bench [benchmark flags]        the usual console output (medians: *_median rows)
//   stagemap-bench --markdown [options]     everything, then a Markdown table on stdout
// Options: --reps=N (15), --slow-reps=N (3), --min-time=S (0.05), --no-gui, --process-runs=N (30),
//          --stagemap=PATH (the CLI to time), --small=FILE (the file it validates).
//          --write-sample=N:FILE (writes the generated N-card blueprint to FILE and exits: for
//          profiling the CLI, e.g. perf record stagemap export FILE -o out.pdf).
// Internal: --rss-child=open|gui prints "before after peak atlas" (MiB) for a clean memory number.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.h"
#include "corpus.h"
#include "generator.h"
#include "io/blueprint_io.h"
#include "report.h"
#include "text_util.h"

#ifndef STAGEMAP_CLI_PATH
#define STAGEMAP_CLI_PATH "stagemap"
#endif
#ifndef STAGEMAP_SMALL_FILE
#define STAGEMAP_SMALL_FILE "blueprints/hotpot-restaurant.blueprint.json"
#endif

namespace {

using namespace sm::bench;

// [SECTION] Options
struct Options {
    Config config;
    bool markdown = false;
    int process_runs = 30;
    std::string stagemap = STAGEMAP_CLI_PATH;
    std::string small = STAGEMAP_SMALL_FILE;
    std::string rss_child;  // "open" or "gui"
    std::string write_sample;  // "N:FILE"
};

bool take(std::string_view arg, std::string_view flag, std::string& value) {
    if (arg.rfind(flag, 0) != 0 || arg.size() <= flag.size() || arg[flag.size()] != '=') return false;
    value = std::string(arg.substr(flag.size() + 1));
    return true;
}

// Removes this program's own flags from argv, leaving Google Benchmark's.
Options parse(int& argc, char** argv) {
    Options o;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        std::string v;
        if (a == "--markdown") o.markdown = true;
        else if (a == "--no-gui") o.config.gui = false;
        else if (take(a, "--reps", v)) o.config.reps = std::max(1, std::atoi(v.c_str()));
        else if (take(a, "--slow-reps", v)) o.config.slow_reps = std::max(1, std::atoi(v.c_str()));
        else if (take(a, "--min-time", v)) o.config.min_time = std::atof(v.c_str());
        else if (take(a, "--process-runs", v)) o.process_runs = std::max(1, std::atoi(v.c_str()));
        else if (take(a, "--stagemap", v)) o.stagemap = v;
        else if (take(a, "--small", v)) o.small = v;
        else if (take(a, "--rss-child", v)) o.rss_child = v;
        else if (take(a, "--write-sample", v)) o.write_sample = v;
        else argv[out++] = argv[i];
    }
    argc = out;
    return o;
}

// [SECTION] Memory in a child process
int rss_child(const std::string& what) {
    MemoryReport m;
    bool ok = true;
    if (what == "open") m = measure_open_memory(10000);
    else ok = measure_gui_memory(10000, m);
    if (!ok) return 1;
    std::printf("%.2f %.2f %.2f %.2f\n", m.before_mib, m.after_mib, m.peak_mib, m.atlas_mib);
    return 0;
}

std::optional<MemoryReport> memory_from_child(const std::string& what) {
    std::istringstream in(capture_output({"/proc/self/exe", cat({"--rss-child=", what})}));
    MemoryReport m;
    if (!(in >> m.before_mib >> m.after_mib >> m.peak_mib >> m.atlas_mib)) return std::nullopt;
    return m;
}

// [SECTION] A sample as a file
int write_sample(const std::string& spec) {
    const std::size_t colon = spec.find(':');
    const int cards = colon == std::string::npos ? 0 : std::atoi(spec.substr(0, colon).c_str());
    if (cards <= 0 || colon + 1 >= spec.size()) {
        std::cerr << "stagemap-bench: --write-sample takes N:FILE, e.g. 1000:big.blueprint.json\n";
        return 2;
    }
    const auto saved = sm::io::write_file_atomic(spec.substr(colon + 1), sm::io::to_text(generate_blueprint(cards)),
                                             sm::io::SaveOptions{false});
    if (!saved.ok) {
        std::cerr << "stagemap-bench: " << saved.error << '\n';
        return 1;
    }
    return 0;
}

// [SECTION] Markdown mode
int markdown(const Options& o) {
    for (int cards : kSizes) std::cerr << "stagemap-bench: " << describe(sample(cards).doc) << '\n';
    Extras extras;
    extras.load_before = load_average();
    TableReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    teardown_gui();
    forget_samples();

    extras.reps = o.config.reps;
    extras.slow_reps = o.config.slow_reps;
    std::cerr << "stagemap-bench: resident size after opening 10,000 cards (child processes)\n";
    extras.memory_open = memory_from_child("open");
    if (o.config.gui && gui_available()) extras.memory_gui = memory_from_child("gui");
    std::cerr << "stagemap-bench: " << o.process_runs << " runs of " << o.stagemap << " validate " << o.small << '\n';
    extras.validate = time_process({o.stagemap, "validate", o.small}, o.process_runs);
    extras.load_after = load_average();
    extras.validate_command = cat({"stagemap validate ", o.small.substr(o.small.find_last_of('/') + 1)});
    print_markdown(std::cout, reporter.results(), extras);
    return 0;
}

}  // namespace

// [SECTION] Main
int main(int argc, char** argv) {
    Options o = parse(argc, argv);
    if (!o.write_sample.empty()) return write_sample(o.write_sample);
    if (!o.rss_child.empty()) {
        const int code = rss_child(o.rss_child);
        cleanup();
        return code;
    }
    register_model_benchmarks(o.config);
    register_export_benchmarks(o.config);
    register_gui_benchmarks(o.config);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    int code = 0;
    if (o.markdown) {
        code = markdown(o);
    } else {
        benchmark::RunSpecifiedBenchmarks();
        teardown_gui();
    }
    benchmark::Shutdown();
    cleanup();
    return code;
}
