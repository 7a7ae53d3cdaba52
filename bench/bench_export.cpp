// Stagemap benchmarks — exports: SVG (text in memory), PDF (the handout, and its first page
// alone) and PNG (files, scale 1), each as `stagemap export` runs it: its own layout with a fresh
// pango measurer, then the painter.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_common.h"
#include "corpus.h"
#include "render/export.h"
#include "render/pango_measurer.h"
#include "text_util.h"

namespace sm::bench {

namespace {

int cards_arg(const benchmark::State& state) { return static_cast<int>(state.range(0)); }

// [SECTION] Exports
void export_svg(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    std::size_t bytes = 0;
    {
        const CollectScope collect;
        for (auto _ : state) {
            std::string svg = render::export_svg(s.doc);
            bytes = svg.size();
            benchmark::DoNotOptimize(svg);
        }
    }
    state.counters["MiB"] = static_cast<double>(bytes) / 1048576.0;
}

// The default PDF: the training handout (page 1 fitted to the blueprint, then the peak-end, tier
// and phase pages), or with `blueprint_only` just page 1; `one_thread`: drawn and written by the
// calling thread alone (what the second thread adds).
void pdf(benchmark::State& state, bool blueprint_only, bool one_thread = false) {
    const Sample& s = sample(cards_arg(state));
    const auto path = scratch_dir() / cat({"export-", std::to_string(s.cards), blueprint_only ? "-page1" : "", ".pdf"});
    render::PdfOptions pdf_opts;
    pdf_opts.handout_pages = !blueprint_only;
    pdf_opts.date = "2024-01-01";
    pdf_opts.draw_thread = !one_thread;
    render::PdfReport report;
    {
        const CollectScope collect;
        for (auto _ : state) {
            const std::string err = render::export_pdf(s.doc, path, render::ExportOptions{}, pdf_opts, &report);
            if (!err.empty()) {
                state.SkipWithError(err.c_str());
                break;
            }
        }
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    state.counters["MiB"] = ec ? 0.0 : static_cast<double>(size) / 1048576.0;
    state.counters["pages"] = report.pages;
}

void export_pdf(benchmark::State& state) { pdf(state, false); }
void export_pdf_blueprint(benchmark::State& state) { pdf(state, true); }
void export_pdf_one_thread(benchmark::State& state) { pdf(state, false, true); }

void export_png(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    const auto path = scratch_dir() / cat({"export-", std::to_string(s.cards), ".png"});
    const render::PixelSize px = render::png_size(s.doc, 1);
    state.counters["Mpixels"] = double(px.width) * double(px.height) / 1e6;
    state.counters["width_px"] = px.width;
    state.counters["height_px"] = px.height;
    if (px.width > render::kMaxPngSide || px.height > render::kMaxPngSide) {
        const std::string why = cat({"PNG at scale 1 would be ", std::to_string(px.width), " x ",
                                    std::to_string(px.height), " px, over the 32767 px limit"});
        state.SkipWithError(why.c_str());
        return;
    }
    {
        const CollectScope collect;
        for (auto _ : state) {
            const std::string err = render::export_png(s.doc, path, 1);
            if (!err.empty()) {
                state.SkipWithError(err.c_str());
                break;
            }
        }
    }
}

// SVG with a measurer whose cache is already warm: how much of an export is measuring text.
void export_svg_warm(benchmark::State& state) {
    const Sample& s = sample(cards_arg(state));
    render::PangoMeasurer m;
    render::ExportOptions opts;
    opts.measurer = &m;
    benchmark::DoNotOptimize(render::export_svg(s.doc, opts));
    time_each(state, [&] { return render::export_svg(s.doc, opts); });
}

}  // namespace

// [SECTION] Registration
void register_export_benchmarks(const Config& config) {
    add(config, "export_svg", export_svg, true);
    add(config, "export_svg_warm", export_svg_warm, true);
    add(config, "export_pdf", export_pdf, true);
    add(config, "export_pdf_one_thread", export_pdf_one_thread, true);
    add(config, "export_pdf_blueprint", export_pdf_blueprint, true);
    add(config, "export_png", export_png, true);
}

}  // namespace sm::bench
