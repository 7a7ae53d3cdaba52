// Stagemap benchmarks — registration helpers shared by the benchmark files, and the targets
// the performance issue sets (the Markdown table marks each one held or missed).
#pragma once

#include <benchmark/benchmark.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sm::bench {

// [SECTION] Configuration
struct Config {
    int reps = 15;          // repetitions per benchmark; the table shows their median
    int slow_reps = 3;      // for the slow ones (10,000-card exports: the PDF handout takes ~30 s)
    double min_time = 0.05; // seconds per repetition (a slow benchmark still runs one iteration)
    bool gui = true;        // register the ImGui frame benchmarks (when built with the GUI)
};

using BenchFn = void (*)(benchmark::State&);

// Registers `name/<cards>` for each size: milliseconds, wall time, `reps` repetitions reported
// as aggregates only (mean, median, stddev, cv). `slow` uses config.slow_reps for 10,000 cards.
void add(const Config& config, const std::string& name, BenchFn fn, std::initializer_list<int> sizes,
         bool slow = false);
// All three sizes.
void add(const Config& config, const std::string& name, BenchFn fn, bool slow = false);

// [SECTION] Profiling
// Wraps a timed loop. Under `valgrind --tool=callgrind --collect-atstart=no` only these scopes
// are collected, so a profile shows the measured work without the setup. No-op otherwise.
class CollectScope {
public:
    CollectScope();
    ~CollectScope();
    CollectScope(const CollectScope&) = delete;
    CollectScope& operator=(const CollectScope&) = delete;
};

// The timed loop of most benchmarks: `work()` once per iteration, its result kept from the
// optimiser, inside a CollectScope.
template <class Work>
void time_each(benchmark::State& state, Work&& work) {
    const CollectScope collect;
    for (auto _ : state) {
        auto result = work();
        benchmark::DoNotOptimize(result);
    }
}

// [SECTION] Registries (one per file)
void register_model_benchmarks(const Config& config);   // bench_model.cpp
void register_export_benchmarks(const Config& config);  // bench_export.cpp
void register_gui_benchmarks(const Config& config);     // bench_gui.cpp (no-op without the GUI)
void teardown_gui();                                    // destroys the ImGui contexts
bool gui_available();

// [SECTION] Memory (also run in a child process by the Markdown mode, for a clean number)
struct MemoryReport {
    double before_mib = 0;  // resident before loading (generator output freed)
    double after_mib = 0;   // resident with the document and its layout alive
    double peak_mib = 0;    // VmHWM
    double atlas_mib = 0;   // GUI: the ImGui font atlas (alpha and RGBA copies), part of after_mib
};
// Loads the 10,000-card (or `cards`) sample's file and lays it out with the pango measurer.
MemoryReport measure_open_memory(int cards);
// Opens the sample in a headless UiApp and draws frames until settled. False without the GUI.
bool measure_gui_memory(int cards, MemoryReport& out);

// [SECTION] Rows of the table
// Operation names and what the README calls them, in table order.
struct RowInfo {
    std::string_view name;   // benchmark name without the size
    std::string_view label;  // what the table shows
};
const std::vector<RowInfo>& rows();

// A target of the issue: `name/size` median must be <= limit (ms, or MiB for memory).
struct Target {
    std::string_view name;
    int cards;
    double limit;
    std::string_view text;  // e.g. "≤ 150 ms"
};
const std::vector<Target>& targets();

}  // namespace sm::bench
