// Stagemap benchmarks — the document side: load and validate, save, layout, a move and its undo,
// and the resident size after opening.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "bench_common.h"
#include "corpus.h"
#include "analysis/tiers.h"
#include "edit/cards.h"
#include "edit/history.h"
#include "io/blueprint_io.h"
#include "layout/layout.h"
#include "render/export.h"
#include "render/pango_measurer.h"
#include "text_util.h"

namespace sm::bench {

namespace {

int cards_arg(const benchmark::State& state) { return static_cast<int>(state.range(0)); }

// The layout style a screen or an export uses for the generated documents (Chinese labels,
// emotion row); the same for every layout benchmark.
layout::LayoutStyle style_for(const Document& doc) { return render::export_style(doc, render::ExportOptions{}); }

// [SECTION] Load and save
void load_validate(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    {
        const CollectScope collect;
        for (auto _ : state) {
            io::LoadResult r = io::load_text(s.text);
            if (!r.ok()) state.SkipWithError("load failed");
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(s.text.size()));
}

void validate_only(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    time_each(state, [&] { return io::validate(s.doc); });
}

void to_text(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    time_each(state, [&] { return io::to_text(s.doc); });
}

void save_file(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    const auto path = scratch_dir() / cat({"save-", std::to_string(s.cards), ".blueprint.json"});
    {
        const CollectScope collect;
        for (auto _ : state) {
            const io::SaveResult r = io::save_file(s.doc, path);  // atomic, fsync, keeps a .bak: as the GUI saves
            if (!r.ok) state.SkipWithError(r.error.c_str());
        }
    }
}

// [SECTION] Layout
// A fresh pango measurer each time: what opening a file or an export pays (its cache starts empty).
void layout_pango_cold(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    const auto style = style_for(s.doc);
    std::size_t measured = 0;
    {
        const CollectScope collect;
        for (auto _ : state) {
            render::PangoMeasurer m;
            auto lay = layout::compute_layout(s.doc, m, style);
            benchmark::DoNotOptimize(lay);
            measured = m.cache_size();
        }
    }
    state.counters["strings"] = static_cast<double>(measured);
}

// One measurer for every iteration: every string is already cached (a re-layout after an edit).
void layout_pango_warm(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    const auto style = style_for(s.doc);
    render::PangoMeasurer m;
    benchmark::DoNotOptimize(layout::compute_layout(s.doc, m, style));
    time_each(state, [&] { return layout::compute_layout(s.doc, m, style); });
}

// The layout alone, with the arithmetic measurer: what is left when measuring costs nothing.
void layout_fixed(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    const auto style = style_for(s.doc);
    layout::FixedMeasurer m;
    time_each(state, [&] { return layout::compute_layout(s.doc, m, style); });
}

// Open = load + validate (from text) + layout with a fresh pango measurer.
void open_doc(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    const auto style = style_for(s.doc);
    {
        const CollectScope collect;
        for (auto _ : state) {
            io::LoadResult r = io::load_text(s.text);
            if (!r.ok()) {
                state.SkipWithError("load failed");
                break;
            }
            render::PangoMeasurer m;
            auto lay = layout::compute_layout(*r.document, m, style);
            benchmark::DoNotOptimize(lay);
        }
    }
}

// [SECTION] Edit
// A card from the middle of the document moves to the top of the cell one lane down, then the
// move is undone: two document changes through the History, as a drag and Ctrl+Z make them.
void move_undo(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    edit::History h(s.doc);
    const Card& c = s.doc.cards[s.doc.cards.size() / 2];
    const CardId id = c.id;
    const int lane = s.doc.lane_index(c.lane);
    const LaneId target = s.doc.lanes[static_cast<std::size_t>(lane + 1) % s.doc.lanes.size()].id;
    const StepId step = c.step;
    {
        const CollectScope collect;
        for (auto _ : state) {
            auto cmd = edit::move_cards(h.document(), {id}, target, step, 0);
            if (!cmd) {
                state.SkipWithError("move_cards returned no command");
                break;
            }
            h.execute(std::move(cmd));
            h.undo();
        }
    }
    if (!(h.document() == s.doc)) state.SkipWithError("undo did not restore the document");
}

// [SECTION] Memory
void memory_open(benchmark::State& state) {
    MemoryReport m;
    {
        const CollectScope collect;
        for (auto _ : state) m = measure_open_memory(cards_arg(state));
    }
    state.counters["rss_MiB"] = m.after_mib;
    state.counters["rss_before_MiB"] = m.before_mib;
    state.counters["peak_MiB"] = m.peak_mib;
}

}  // namespace

MemoryReport measure_open_memory(int cards) {
    const std::filesystem::path file = sample(cards).file;
    forget_samples();  // only the file remains: measure what opening it costs
    MemoryReport out;
    trim_heap();
    out.before_mib = resident_mib();
    io::LoadResult r = io::load_file(file);
    if (!r.ok()) return out;
    render::PangoMeasurer m;
    const auto lay = layout::compute_layout(*r.document, m, style_for(*r.document));
    benchmark::DoNotOptimize(lay);
    out.after_mib = resident_mib();
    out.peak_mib = peak_resident_mib();
    return out;
}

// [SECTION] Analysis
void analyze_tiers(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    time_each(state, [&] { return analysis::analyze_tiers(s.doc); });
}

// [SECTION] Registration
void register_model_benchmarks(const Config& config) {
    add(config, "load_validate", load_validate);
    add(config, "validate", validate_only);
    add(config, "to_text", to_text);
    add(config, "save_file", save_file);
    add(config, "layout_pango_cold", layout_pango_cold);
    add(config, "layout_pango_warm", layout_pango_warm);
    add(config, "layout_fixed", layout_fixed);
    add(config, "open", open_doc);
    add(config, "move_undo", move_undo);
    add(config, "analyze_tiers", analyze_tiers);
    benchmark::RegisterBenchmark("memory_open", memory_open)
        ->Arg(10000)
        ->Iterations(1)
        ->Repetitions(1)
        ->Unit(benchmark::kMillisecond);
}

}  // namespace sm::bench
