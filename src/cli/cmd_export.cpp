// stagemap export FILE -o OUT: SVG, PDF, PNG, Mermaid journey, CSV (the format from OUT's
// extension unless --format says otherwise). One layout feeds every drawing format.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "io/blueprint_io.h"
#include "io/csv.h"
#include "io/mermaid.h"
#include "render/export.h"
#include "render/marks.h"

namespace sm::cli {
namespace {

struct ExportArgs {
    std::string file, out, format, tier, page = "fit";
    float scale = 1;
    bool landscape = false, transparent = false, no_handout = false;
};

std::string format_from_extension(const std::string& out) {
    auto ends = [&out](std::string_view ext) {
        return out.size() >= ext.size() && out.compare(out.size() - ext.size(), ext.size(), ext) == 0;
    };
    for (const char* ext : {"svg", "pdf", "png", "mmd", "drawio", "csv"})
        if (ends(std::string(".") + ext)) return ext;
    if (ends(".mermaid")) return "mmd";
    return "";
}

// Text formats go through an atomic write (or stdout for "-").
int write_text(const std::string& out, const std::string& text) {
    if (out == "-") {
        std::cout << text;
        return kExitOk;
    }
    io::SaveResult s = io::write_file_atomic(out, text, {.keep_backup = false});
    if (!s.ok) {
        std::cerr << "stagemap export: " << s.error << '\n';
        return kExitFailed;
    }
    return kExitOk;
}

int run_export(const ExportArgs& a) {
    const std::string format = a.format.empty() ? format_from_extension(a.out) : a.format;
    if (format.empty()) {
        std::cerr << "stagemap export: cannot tell the format from \"" << a.out
                  << "\"; name it .svg, .pdf, .png, .mmd, .drawio or .csv, or give --format\n";
        return kExitUsage;
    }
    io::LoadResult loaded = io::load_file(a.file);
    for (const auto& d : loaded.diagnostics) std::cerr << a.file << ": " << d.to_string() << '\n';
    if (!loaded.ok()) {
        std::cerr << a.file << ": refused, nothing exported\n";
        return kExitFailed;
    }
    const Document& doc = *loaded.document;

    render::ExportOptions opts;
    opts.paint.marks = render::peak_end_marks(doc);
    if (!a.tier.empty()) {
        if (!doc.find(TierId(a.tier))) {
            std::cerr << "stagemap export: " << a.file << " has no tier with id \"" << a.tier << "\"";
            if (!doc.tiers.empty()) {
                std::cerr << " (tiers:";
                for (const auto& t : doc.tiers) std::cerr << ' ' << t.id.value;
                std::cerr << ')';
            }
            std::cerr << '\n';
            return kExitFailed;
        }
        opts.paint.tier_lens = TierId(a.tier);
    }
    std::string error;
    if (format == "svg") return write_text(a.out, render::export_svg(doc, opts));
    if (format == "mmd") return write_text(a.out, io::to_mermaid(doc));
    if (format == "csv") return write_text(a.out, io::to_csv(doc));
    if (format == "png") {
        if (a.out == "-") return std::cerr << "stagemap export: PNG needs a file name\n", kExitUsage;
        error = render::export_png(doc, a.out, a.scale, a.transparent, opts);
    } else if (format == "pdf") {
        if (a.out == "-") return std::cerr << "stagemap export: PDF needs a file name\n", kExitUsage;
        render::PdfOptions pdf;
        pdf.page = render::parse_page_size(a.page).value_or(render::PageSize::Fit);
        pdf.landscape = a.landscape;
        pdf.handout_pages = !a.no_handout;
        pdf.file_name = std::filesystem::path(a.file).filename().string();
        render::PdfReport report;
        error = render::export_pdf(doc, a.out, opts, pdf, &report);
        if (error.empty())
            std::cerr << a.out << ": " << report.pages << " pages (" << render::to_string(pdf.page)
                      << (pdf.landscape ? " landscape" : "") << "; blueprint on " << report.blueprint_pages
                      << (report.blueprint_pages == 1 ? " page" : " pages") << ", card text "
                      << static_cast<int>(report.card_text_pt * 10 + 0.5f) / 10.0f << " pt)\n";
    } else if (format == "drawio") {
        return write_text(a.out, render::export_drawio(doc, opts));
    } else {
        std::cerr << "stagemap export: unknown format \"" << format << "\"\n";
        return kExitUsage;
    }
    if (!error.empty()) {
        std::cerr << "stagemap export: " << error << '\n';
        return kExitFailed;
    }
    return kExitOk;
}

}  // namespace

Subcommand export_command() {
    return {"export",
            "Export a blueprint: SVG, PDF training handout, PNG, Mermaid journey (.mmd), draw.io (.drawio) or CSV",
            [](CLI::App& app) -> std::function<int()> {
                auto a = std::make_shared<ExportArgs>();
                app.add_option("FILE", a->file, "The blueprint")->required();
                app.add_option("-o,--output", a->out, "The file to write (- for stdout, text formats)")->required();
                app.add_option("--format", a->format, "svg, pdf, png, mmd, drawio or csv (default: from OUT's extension)")
                    ->check(CLI::IsMember({"svg", "pdf", "png", "mmd", "drawio", "csv"}));
                app.add_option("--tier", a->tier, "Draw the blueprint as this tier sees it (a tier id)");
                app.add_option("--scale", a->scale, "PNG pixels per unit: 1 = 96 dpi, 2 = 192 dpi")
                    ->check(CLI::Range(0.1, 16.0));
                app.add_option("--page", a->page,
                               "PDF page: A4, A3, A2 (the blueprint tiled when text would fall below 7 pt) or fit")->check(CLI::IsMember({"A4", "A3", "A2", "fit"}));
                app.add_flag("--landscape", a->landscape, "PDF pages in landscape");
                app.add_flag("--no-handout", a->no_handout,
                             "PDF: the blueprint pages only (no peak-end, tier and per-phase pages)");
                app.add_flag("--transparent", a->transparent, "PNG with a transparent background");
                return [a] { return run_export(*a); };
            }};
}

}  // namespace sm::cli
