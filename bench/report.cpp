// Stagemap benchmarks — the Markdown mode.
#include "report.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

#include "corpus.h"
#include "text_util.h"

extern char** environ;

namespace sm::bench {

// [SECTION] Collecting medians
TableReporter::TableReporter() : benchmark::ConsoleReporter(OO_Tabular) {
    // The progress goes to stderr; stdout gets only the table.
    SetOutputStream(&std::cerr);
    SetErrorStream(&std::cerr);
}

void TableReporter::ReportRuns(const std::vector<Run>& reports) {
    ConsoleReporter::ReportRuns(reports);
    for (const Run& r : reports) {
        const bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
        const bool single = r.run_type == Run::RT_Iteration && r.repetitions <= 1;
        if (!median && !single && !r.error_occurred) continue;
        const int cards = r.run_name.args.empty() ? 0 : std::atoi(r.run_name.args.c_str());
        Result& res = results_[{r.run_name.function_name, cards}];
        if (r.error_occurred) {
            res.error = r.error_message;
            continue;
        }
        res.median_ms = r.GetAdjustedRealTime();
        res.cpu_ms = r.GetAdjustedCPUTime();
        res.repetitions = r.repetitions;
        for (const auto& [k, c] : r.counters) res.counters[k] = c.value;
    }
}

// [SECTION] Whole processes
namespace {

std::vector<char*> c_args(const std::vector<std::string>& argv) {
    std::vector<char*> v;
    for (const auto& a : argv) v.push_back(const_cast<char*>(a.c_str()));
    v.push_back(nullptr);
    return v;
}

double now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Spawns argv with stdout and stderr to /dev/null; the exit status, or -1 if it did not start.
int run_quiet(const std::vector<std::string>& argv) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    auto args = c_args(argv);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

ProcessTiming time_process(const std::vector<std::string>& argv, int runs, int warmup) {
    ProcessTiming t;
    for (int i = 0; i < warmup; ++i)
        if (run_quiet(argv) < 0) {
            t.error = cat({"cannot start ", argv.front()});
            return t;
        }
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double t0 = now_ms();
        const int code = run_quiet(argv);
        ms.push_back(now_ms() - t0);
        if (code != 0) ++t.failures;
    }
    if (ms.empty()) return t;
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    t.runs = static_cast<int>(n);
    t.median_ms = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    t.min_ms = ms.front();
    t.max_ms = ms.back();
    return t;
}

std::string capture_output(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    auto args = c_args(argv);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    std::string out;
    if (rc == 0) {
        char buf[4096];
        for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
        int status = 0;
        waitpid(pid, &status, 0);
    }
    close(fds[0]);
    return out;
}

// [SECTION] The table
std::string machine_description() {
    std::string model;
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos) model = line.substr(colon + 2);
            break;
        }
    std::string s = std::to_string(sysconf(_SC_NPROCESSORS_ONLN));
    s += " cores";
    if (!model.empty()) {
        s += ", ";
        s += model;
    }
    return s;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return cat({a, " ", b, " ", c});
}

namespace {

std::string number(double v) {
    char b[32];
    if (v < 1) std::snprintf(b, sizeof b, "%.3f", v);
    else if (v < 10) std::snprintf(b, sizeof b, "%.2f", v);
    else if (v < 100) std::snprintf(b, sizeof b, "%.1f", v);
    else std::snprintf(b, sizeof b, "%.0f", v);
    return b;
}

const Target* target_for(std::string_view name, int cards) {
    for (const auto& t : targets())
        if (t.name == name && t.cards == cards) return &t;
    return nullptr;
}

std::string verdict(const Target* t, double value) {
    if (!t) return {};
    std::string s = value <= t->limit ? " ✅ " : " ❌ ";
    s += '(';
    s += t->text;
    s += ')';
    return s;
}

double mib_to_mb(double mib) { return mib * 1.048576; }

// Wall time well above CPU time in a CPU-bound benchmark: other processes had the cores.
bool contended(std::string_view name, const Result& r) {
    return name != "save_file" && r.cpu_ms > 0 && r.median_ms > 1.3 * r.cpu_ms;
}

}  // namespace

void print_markdown(std::ostream& out, const std::map<std::pair<std::string, int>, Result>& results,
                    const Extras& extras) {
    std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&now));
    out << "Machine: " << machine_description() << "; Release build; " << date << ".\n"
        << "Medians in milliseconds (wall time) of " << extras.reps << " repetitions (" << extras.slow_reps
        << " for the 10,000-card exports); ✅ / ❌ mark the targets of the performance issue. Load average "
        << extras.load_before << " at the start, " << extras.load_after << " at the end.\n\n";
    out << "| operation | 100 cards | 1,000 cards | 10,000 cards |\n|---|--:|--:|--:|\n";
    std::vector<std::string> notes;
    std::string contention;
    for (const RowInfo& row : rows()) {
        bool any = false;
        std::string line = cat({"| ", row.label, " |"});
        for (int cards : kSizes) {
            const auto it = results.find({std::string(row.name), cards});
            line += ' ';
            if (it == results.end()) {
                line += "—";
            } else if (!it->second.error.empty()) {
                notes.push_back(cat({row.name, "/", std::to_string(cards), ": ", it->second.error}));
                line += cat({"n/a [", std::to_string(notes.size()), "]"});
                any = true;
            } else {
                line += number(it->second.median_ms);
                if (contended(row.name, it->second)) {
                    line += " †";
                    contention += cat({contention.empty() ? "" : ", ", row.name, "/", std::to_string(cards), " ",
                                       number(it->second.cpu_ms)});
                }
                line += verdict(target_for(row.name, cards), it->second.median_ms);
                any = true;
            }
            line += " |";
        }
        if (any) out << line << '\n';
    }
    if (extras.memory_open || extras.memory_gui || extras.validate) {
        out << "\n| whole process / memory | measured | target |\n|---|--:|---|\n";
        if (extras.memory_open) {
            const double mb = mib_to_mb(extras.memory_open->after_mib);
            out << "| resident (VmRSS) after load + validate + layout of 10,000 cards | " << number(mb) << " MB ("
                << number(extras.memory_open->before_mib * 1.048576) << " MB before loading) |"
                << verdict(target_for("memory_open", 10000), mb) << " |\n";
        }
        if (extras.memory_gui)
            out << "| resident (VmRSS) of the headless GUI (no GL) with 10,000 cards open, one frame drawn | "
                << number(mib_to_mb(extras.memory_gui->after_mib)) << " MB (font atlas textures: "
                << number(mib_to_mb(extras.memory_gui->atlas_mib)) << " MB) | (for comparison) |\n";
        if (extras.validate) {
            const auto& v = *extras.validate;
            out << "| `" << extras.validate_command << "`, whole process, median of " << v.runs << " runs | ";
            if (!v.error.empty()) out << "n/a (" << v.error << ") | |\n";
            else
                out << number(v.median_ms) << " ms (min " << number(v.min_ms) << ", max " << number(v.max_ms)
                    << (v.failures ? cat({", ", std::to_string(v.failures), " failed"}) : std::string()) << ") |"
                    << verdict(target_for("validate_process", 0), v.median_ms) << " |\n";
        }
    }
    if (!contention.empty())
        out << "\n† Wall time more than 1.3 × CPU time: other processes were using the 2 cores. CPU-time medians (ms): "
            << contention << ".\n";
    if (!notes.empty()) {
        out << '\n';
        for (std::size_t i = 0; i < notes.size(); ++i) out << '[' << i + 1 << "] " << notes[i] << "  \n";
    }
}

}  // namespace sm::bench
