// Stagemap benchmarks — registration helpers, table rows and the targets.
#include "bench_common.h"

#include <algorithm>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define SM_BENCH_TOGGLE_COLLECT() CALLGRIND_TOGGLE_COLLECT
#else
#define SM_BENCH_TOGGLE_COLLECT() ((void)0)
#endif

namespace sm::bench {

// [SECTION] Registration
void add(const Config& config, const std::string& name, BenchFn fn, std::initializer_list<int> sizes, bool slow) {
    for (int cards : sizes) {
        const int reps = (slow && cards >= 10000) ? config.slow_reps : config.reps;
        benchmark::RegisterBenchmark(name.c_str(), fn)
            ->Arg(cards)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->MeasureProcessCPUTime()  // the PNG export draws on worker threads: count their CPU too
            ->MinTime(config.min_time)
            ->Repetitions(reps)
            // The fastest repetition too: on a noisy VM it compares two builds more steadily
            // than the median (the README's table shows medians).
            ->ComputeStatistics("min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); })
            ->ReportAggregatesOnly(true);
    }
}

void add(const Config& config, const std::string& name, BenchFn fn, bool slow) {
    add(config, name, fn, {100, 1000, 10000}, slow);
}

// [SECTION] Profiling
CollectScope::CollectScope() { SM_BENCH_TOGGLE_COLLECT(); }
CollectScope::~CollectScope() { SM_BENCH_TOGGLE_COLLECT(); }

// [SECTION] Rows
const std::vector<RowInfo>& rows() {
    static const std::vector<RowInfo> r = {
        {"open", "**open** = load + validate + layout (pango, fresh cache)"},
        {"load_validate", "load + validate, from text"},
        {"validate", "validate only (in-memory document)"},
        {"layout_pango_cold", "layout, pango measurer, fresh cache"},
        {"layout_pango_warm", "layout, pango measurer, warm cache"},
        {"layout_fixed", "layout, fixed measurer (no text measuring)"},
        {"save_file", "**save** = to_text + atomic write (fsync, .bak)"},
        {"to_text", "to_text only"},
        {"move_undo", "**move one card + undo** (edit::History)"},
        {"analyze_tiers", "tier analysis (coverage, matrix, findings; after every edit with the tier panel open)"},
        {"export_svg", "**export SVG** (own layout, fresh pango cache)"},
        {"export_svg_warm", "export SVG, warm measurer cache"},
        {"export_pdf", "**export PDF**, default: the training handout (58 pages at 1,000 cards)"},
        {"export_pdf_one_thread", "export PDF, the handout drawn and written on one thread"},
        {"export_pdf_blueprint", "**export PDF**, the blueprint only (`--no-handout`)"},
        {"export_png", "**export PNG**, scale 1"},
        {"gui_frame_zoomed", "**GUI frame, zoomed in** (~50 cards visible)"},
        {"gui_frame_fit", "**GUI frame, zoomed to fit**"},
        {"gui_frame_drag", "GUI frame during a card drag (zoomed in)"},
        {"gui_frame_after_edit", "GUI frame after an edit (move or undo, relayout)"},
    };
    return r;
}

// [SECTION] Targets
const std::vector<Target>& targets() {
    static const std::vector<Target> t = {
        {"open", 10000, 150, "≤ 150 ms"},
        {"save_file", 10000, 60, "≤ 60 ms"},
        {"gui_frame_zoomed", 10000, 2, "≤ 2 ms"},
        {"gui_frame_fit", 10000, 8, "≤ 8 ms"},
        {"gui_frame_drag", 10000, 2, "≤ 2 ms (zoomed-in frame)"},
        {"move_undo", 10000, 1, "≤ 1 ms"},
        {"export_svg", 1000, 30, "≤ 30 ms"},
        {"export_pdf", 1000, 300, "≤ 300 ms"},
        {"export_pdf_blueprint", 1000, 300, "≤ 300 ms"},
        {"export_png", 1000, 300, "≤ 300 ms"},
        {"memory_open", 10000, 200, "≤ 200 MB"},
        {"validate_process", 0, 20, "≤ 20 ms"},
    };
    return t;
}

}  // namespace sm::bench
