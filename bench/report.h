// Stagemap benchmarks — the Markdown mode: a reporter that keeps the median of every benchmark,
// whole-process timings (spawned, timed with the monotonic clock), and the table for the README.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "bench_common.h"

namespace sm::bench {

// [SECTION] Collecting medians
struct Result {
    double median_ms = 0;  // wall time
    double cpu_ms = 0;     // CPU time of this thread (median)
    std::int64_t repetitions = 0;
    std::string error;  // set when the benchmark was skipped
    std::map<std::string, double> counters;
};

// Prints the usual console output (to stderr) and keeps the median aggregate of each run.
class TableReporter : public benchmark::ConsoleReporter {
public:
    TableReporter();
    void ReportRuns(const std::vector<Run>& reports) override;
    // By (benchmark name, cards).
    const std::map<std::pair<std::string, int>, Result>& results() const { return results_; }

private:
    std::map<std::pair<std::string, int>, Result> results_;
};

// [SECTION] Whole processes
struct ProcessTiming {
    double median_ms = 0, min_ms = 0, max_ms = 0;
    int runs = 0;
    int failures = 0;  // runs that did not exit with 0
    std::string error; // could not start at all
};
// Runs argv `runs` times (after `warmup` untimed runs), output to /dev/null; wall time of
// spawn to exit, CLOCK_MONOTONIC.
ProcessTiming time_process(const std::vector<std::string>& argv, int runs, int warmup = 3);

// Runs argv and returns its standard output (empty on failure).
std::string capture_output(const std::vector<std::string>& argv);

// [SECTION] The table
struct Extras {
    std::optional<MemoryReport> memory_open;  // 10,000 cards, child process
    std::optional<MemoryReport> memory_gui;   // 10,000 cards in a headless UiApp, child process
    std::optional<ProcessTiming> validate;    // `stagemap validate` of a small file
    std::string validate_command;
    int reps = 0, slow_reps = 0;
    std::string load_before, load_after;  // /proc/loadavg at the start and the end
};

void print_markdown(std::ostream& out, const std::map<std::pair<std::string, int>, Result>& results,
                    const Extras& extras);

// "2 cores, Intel(R) Xeon(R) ... (model name from /proc/cpuinfo)".
std::string machine_description();
// The 1, 5 and 15 minute load averages, e.g. "0.12 0.30 0.41".
std::string load_average();

}  // namespace sm::bench
