// Stagemap — the Export dialog and Import CSV.
#include "ui/export_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "io/blueprint_io.h"
#include "io/csv.h"
#include "io/mermaid.h"
#include "render/marks.h"
#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/strprintf.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] Formats
namespace {

struct FormatInfo {
    ExportFormat format;
    const char* key;  // for the control names
    const char* name;  // name and what: English, for the table; shown through tr()
    const char* ext;
    const char* what;
    bool lens;        // draws the blueprint, so the tier lens applies
};

constexpr FormatInfo kFormats[] = {
    {ExportFormat::Svg, "svg", "SVG", ".svg", tr_mark("vector picture for the web and slides"), true},
    {ExportFormat::Pdf, "pdf", tr_mark("PDF handout"), ".pdf",
     tr_mark("training handout: the blueprint, then peak-end, tier and phase pages"), true},
    {ExportFormat::Png, "png", "PNG", ".png", tr_mark("picture for chats and documents"), true},
    {ExportFormat::Mermaid, "mmd", tr_mark("Mermaid journey"), ".mmd",
     tr_mark("the customer journey as text, for Markdown and wikis"), false},
    {ExportFormat::Drawio, "drawio", "draw.io", ".drawio", tr_mark("an editable diagram for diagrams.net"), false},
    {ExportFormat::Csv, "csv", "CSV", ".csv",
     tr_mark("one row per card, for spreadsheets (File › Import CSV reads it back)"), false},
};

const FormatInfo& info(ExportFormat f) {
    for (const auto& i : kFormats)
        if (i.format == f) return i;
    return kFormats[0];
}

// The path with the format's extension instead of a known export extension.
std::string with_extension(const std::string& path, ExportFormat f) {
    std::filesystem::path p(path);
    std::string name = p.filename().string();
    for (const char* strip : {".blueprint.json", ".json"}) {
        const std::string e = strip;
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) name.resize(name.size() - e.size());
    }
    for (const auto& i : kFormats) {
        const std::string e = i.ext;
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) name.resize(name.size() - e.size());
    }
    if (name.empty()) name = "blueprint";
    name += info(f).ext;
    return (p.parent_path() / name).string();
}

std::string write_text(const std::filesystem::path& path, const std::string& text) {
    const auto r = io::write_file_atomic(path, text, {.keep_backup = false});
    return r.ok ? std::string() : r.error;
}

std::string page_text(const ExportState& st) {
    const char* dims = st.page == render::PageSize::A4 ? "210 × 297" : st.page == render::PageSize::A3 ? "297 × 420" : "420 × 594";
    const char* dims_l = st.page == render::PageSize::A4 ? "297 × 210" : st.page == render::PageSize::A3 ? "420 × 297" : "594 × 420";
    const std::string size(render::to_string(st.page));
    return strprintf(st.landscape ? tr("%s landscape, %s mm") : tr("%s portrait, %s mm"), size.c_str(),
                     st.landscape ? dims_l : dims);
}

}  // namespace

const char* extension(ExportFormat f) { return info(f).ext; }
const char* format_name(ExportFormat f) { return tr(info(f).name); }

// [SECTION] Export
render::ExportOptions export_options(const AppState& app) {
    render::ExportOptions o;
    o.paint.marks = render::peak_end_marks(app.doc());
    if (app.exporter.as_lens) {
        const render::PaintOptions view = tier_paint_options(app);
        o.paint.tier_lens = view.tier_lens;
        o.paint.hide_other_tiers = view.hide_other_tiers;
        o.paint.tier_compare = view.tier_compare;
    }
    return o;
}

namespace {

// The document as exported: with a compare (and, outside the PDF, whose title block names it, a
// lens) the description starts with what the marks mean, so the file explains itself.
Document export_document(const AppState& app) {
    Document d = app.doc();
    const auto& st = app.exporter;
    if (!st.as_lens || !info(st.format).lens) return d;
    const render::PaintOptions view = tier_paint_options(app);
    std::string note;
    if (view.tier_compare) {
        const Tier* a = d.find(view.tier_compare->first);
        const Tier* b = d.find(view.tier_compare->second);
        if (a && b)
            note = strprintf(tr("Tier compare: A = only %s, B = only %s, A+B = both; dimmed cards serve neither."),
                             tier_label(*a).c_str(), tier_label(*b).c_str());
    } else if (view.tier_lens && st.format != ExportFormat::Pdf) {
        if (const Tier* t = d.find(*view.tier_lens))
            note = strprintf(view.hide_other_tiers ? tr("Tier lens: %s (cards of other tiers hidden).")
                                                   : tr("Tier lens: %s (cards of other tiers dimmed)."),
                             tier_label(*t).c_str());
    }
    if (!note.empty()) d.description = d.description.empty() ? note : note + "\n" + d.description;
    return d;
}

render::PdfOptions pdf_options(const AppState& app) {
    const auto& st = app.exporter;
    render::PdfOptions pdf;
    pdf.page = st.page;
    pdf.landscape = st.landscape;
    pdf.handout_pages = st.handout_pages;
    pdf.file_name = app.session.path.empty() ? std::string(tr("Untitled")) : app.session.path.filename().string();
    return pdf;
}

// Writes the PDF to a scratch file to learn its pages, once per change of the options.
void update_pdf_preview(AppState& app) {
    auto& st = app.exporter;
    char key[160];
    const auto view = tier_paint_options(app);
    std::snprintf(key, sizeof key, "%llu|%d|%d|%d|%d|%d", app.session.history.revision(), static_cast<int>(st.page),
                  st.landscape, st.handout_pages, st.as_lens, view.tier_lens || view.tier_compare);
    if (st.pdf_key == key) return;
    st.pdf_key = key;
    const auto scratch = std::filesystem::temp_directory_path() / ("stagemap-preview-" + std::to_string(getpid()) + ".pdf");
    st.pdf = render::PdfReport{};
    st.pdf_error = render::export_pdf(export_document(app), scratch, export_options(app), pdf_options(app), &st.pdf);
    std::error_code ec;
    std::filesystem::remove(scratch, ec);
}

// render::png_size, once per change of the document, the lens or the scale.
render::PixelSize pixel_size(AppState& app, float scale) {
    auto& st = app.exporter;
    const auto view = tier_paint_options(app);
    char key[96];
    std::snprintf(key, sizeof key, "%llu|%g|%d|%d", app.session.history.revision(), static_cast<double>(scale), st.as_lens,
                  view.tier_lens || view.tier_compare);
    if (st.size_key != key) {
        st.size_key = key;
        st.size = render::png_size(export_document(app), scale, export_options(app));
    }
    return st.size;
}

}  // namespace

std::string export_now(AppState& app) {
    auto& st = app.exporter;
    if (st.path.empty()) return tr("Choose a file to write.");
    const std::filesystem::path path(st.path);
    std::error_code ec;
    if (path.has_parent_path() && !std::filesystem::is_directory(path.parent_path(), ec))
        return strprintf(tr("No such folder: %s"), path.parent_path().string().c_str());
    if (std::filesystem::is_directory(path, ec)) return strprintf(tr("%s is a folder; add a file name."), path.string().c_str());
    const Document doc = export_document(app);
    const auto opts = export_options(app);
    std::string error, done = strprintf(tr("Exported %s"), path.filename().string().c_str());
    switch (st.format) {
        case ExportFormat::Svg: error = write_text(path, render::export_svg(doc, opts)); break;
        case ExportFormat::Mermaid: error = write_text(path, io::to_mermaid(doc)); break;
        case ExportFormat::Csv: error = write_text(path, io::to_csv(doc)); break;
        case ExportFormat::Drawio: error = write_text(path, render::export_drawio(doc, opts)); break;
        case ExportFormat::Png: error = render::export_png(doc, path, st.png_scale, st.transparent, opts); break;
        case ExportFormat::Pdf: {
            render::PdfReport report;
            error = render::export_pdf(doc, path, opts, pdf_options(app), &report);
            done = strprintf(tr("Exported %s: %d pages"), path.filename().string().c_str(), report.pages);
            break;
        }
    }
    if (error.empty()) set_status(app, done);
    return error;
}

void open_export_dialog(AppState& app) {
    auto& st = app.exporter;
    st.open = true;
    st.opening = true;
    st.error.clear();
    if (st.path.empty()) {
        const std::filesystem::path base = !app.session.path.empty() ? app.session.path
                                          : std::filesystem::path(app.settings.last_folder.empty() ? std::string(".")
                                                                                                   : app.settings.last_folder) /
                                                                "untitled";
        std::error_code ec;
        st.path = with_extension(std::filesystem::absolute(base, ec).lexically_normal().string(), st.format);
    }
}

// [SECTION] Dialog
namespace {

void format_choice(AppState& app) {
    auto& st = app.exporter;
    ImGui::TextDisabled("%s", tr("Format"));
    float label_w = 0;
    for (const auto& f : kFormats) label_w = std::max(label_w, ImGui::CalcTextSize(tr(f.name)).x);
    const float what_x = ImGui::GetCursorPosX() + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + label_w +
                         ImGui::GetStyle().ItemSpacing.x * 2;
    for (const auto& f : kFormats) {
        if (ImGui::RadioButton(tr(f.name), st.format == f.format) && st.format != f.format) {
            st.format = f.format;
            st.path = with_extension(st.path, f.format);
            st.error.clear();
        }
        app.tiers_panel.controls.note(std::string("export:format:") + f.key);
        ImGui::SameLine(what_x);
        ImGui::TextDisabled("%s", tr(f.what));
    }
}

void path_row(AppState& app) {
    auto& st = app.exporter;
    const float s = app.ui_scale();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr("File"));
    ImGui::SetNextItemWidth(-90 * s);
    ImGui::InputText("##path", &st.path);
    app.tiers_panel.controls.note("export:path");
    ImGui::SameLine();
    if (ImGui::Button(tr("Browse..."), ImVec2(-FLT_MIN, 0))) {
        const std::filesystem::path p(st.path);
        open_file_dialog(st.browse, FileDialogMode::Save, p.parent_path(), p.filename().string());
        st.browse.title = tr("Export to");
        st.browse.extension = extension(st.format);
    }
    if (auto chosen = draw_file_dialog(st.browse)) st.path = with_extension(chosen->string(), st.format);
    std::error_code ec;
    if (!st.path.empty() && std::filesystem::exists(st.path, ec))
        ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.0f, 1), "%s", tr("The file exists and will be replaced."));
}

void pdf_options_ui(AppState& app) {
    auto& st = app.exporter;
    ImGui::TextDisabled("%s", tr("Page size"));
    for (const auto size : {render::PageSize::A4, render::PageSize::A3, render::PageSize::A2, render::PageSize::Fit}) {
        ImGui::SameLine();
        const std::string label(size == render::PageSize::Fit ? std::string_view("Fit") : render::to_string(size));
        if (ImGui::RadioButton(size == render::PageSize::Fit ? tr("Fit") : label.c_str(), st.page == size)) st.page = size;
        app.tiers_panel.controls.note("export:page:" + label);
    }
    ImGui::SameLine(0, 20 * app.ui_scale());
    ImGui::BeginDisabled(st.page == render::PageSize::Fit);
    ImGui::Checkbox(tr("Landscape"), &st.landscape);
    ImGui::EndDisabled();
    ImGui::Checkbox(tr("Handout pages after the blueprint (peak-end, tiers, one page per phase)"), &st.handout_pages);
    update_pdf_preview(app);
    if (!st.pdf_error.empty()) {
        ImGui::TextColored(ImVec4(0.82f, 0.22f, 0.12f, 1), "%s", st.pdf_error.c_str());
        return;
    }
    const auto& r = st.pdf;
    std::string line = strprintf(r.pages == 1 ? tr("%d page") : tr("%d pages"), r.pages) + " · ";
    if (st.page == render::PageSize::Fit) {
        const auto px = pixel_size(app, 1);
        char buf[96];
        std::snprintf(buf, sizeof buf, tr("page 1 fitted to the blueprint, %.0f × %.0f mm; the others A4"), px.width * 0.2646,
                      px.height * 0.2646);
        line += buf;
    } else {
        line += page_text(st);
    }
    ImGui::TextUnformatted(line.c_str());
    char detail[160];
    std::snprintf(detail, sizeof detail,
                  r.blueprint_pages == 1 ? tr("The blueprint on %d page, card text %.1f pt")
                                         : tr("The blueprint on %d pages (tiled, with an overview), card text %.1f pt"),
                  r.blueprint_pages, r.card_text_pt);
    ImGui::TextDisabled("%s", detail);
}

void png_options_ui(AppState& app) {
    auto& st = app.exporter;
    ImGui::SetNextItemWidth(220 * app.ui_scale());
    ImGui::SliderFloat(tr("Scale"), &st.png_scale, 0.5f, 4.0f, "%.1f×", ImGuiSliderFlags_AlwaysClamp);
    ImGui::SameLine();
    ImGui::TextDisabled(tr("(%d dpi)"), static_cast<int>(st.png_scale * 96 + 0.5f));
    ImGui::Checkbox(tr("Transparent background"), &st.transparent);
    const auto px = pixel_size(app, st.png_scale);
    const bool too_big = px.width > render::kMaxPngSide || px.height > render::kMaxPngSide;
    if (too_big)
        ImGui::TextColored(ImVec4(0.82f, 0.22f, 0.12f, 1), tr("%d × %d pixels: too large (at most %d a side); lower the scale"),
                           px.width, px.height, render::kMaxPngSide);
    else
        ImGui::Text(tr("%d × %d pixels"), px.width, px.height);
}

void lens_option(AppState& app) {
    auto& st = app.exporter;
    const auto view = tier_paint_options(app);
    const Document& doc = app.doc();
    std::string what;
    if (view.tier_compare) {
        const Tier* a = doc.find(view.tier_compare->first);
        const Tier* b = doc.find(view.tier_compare->second);
        if (a && b) what = strprintf(tr("compare %s (A) with %s (B)"), tier_label(*a).c_str(), tier_label(*b).c_str());
    } else if (view.tier_lens) {
        if (const Tier* t = doc.find(*view.tier_lens))
            what = strprintf(view.hide_other_tiers ? tr("tier lens on %s, other tiers hidden")
                                                   : tr("tier lens on %s, other tiers dimmed"),
                             tier_label(*t).c_str());
    }
    const bool applies = info(st.format).lens;
    ImGui::BeginDisabled(what.empty() || !applies);
    bool on = st.as_lens && !what.empty() && applies;
    if (ImGui::Checkbox(tr("As the current tier lens sees it"), &on)) st.as_lens = on;
    app.tiers_panel.controls.note("export:lens");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (!applies) ImGui::TextDisabled(tr("(%s holds every card)"), tr(info(st.format).name));
    else if (what.empty()) ImGui::TextDisabled("%s", tr("(no tier lens is on)"));
    else ImGui::TextDisabled("(%s)", what.c_str());
}

}  // namespace

void draw_export_dialog(AppState& app) {
    auto& st = app.exporter;
    if (auto chosen = draw_file_dialog(st.import_files)) import_csv(app, *chosen);
    if (!st.open) return;
    if (st.opening) {
        ImGui::OpenPopup("###export");
        st.opening = false;
    }
    const float s = app.ui_scale();
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(680 * s, 0), ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal(tr_id("Export", "export").c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize)) {
        st.open = false;
        return;
    }
    require_tier_text(app);
    format_choice(app);
    path_row(app);
    ImGui::Separator();
    if (st.format == ExportFormat::Pdf) pdf_options_ui(app);
    if (st.format == ExportFormat::Png) png_options_ui(app);
    if (st.format == ExportFormat::Pdf || st.format == ExportFormat::Png) ImGui::Separator();
    lens_option(app);
    ImGui::Spacing();
    if (!st.error.empty()) ImGui::TextColored(ImVec4(0.82f, 0.22f, 0.12f, 1), "%s", st.error.c_str());
    const float bw = 100 * s;
    bool close = !open;
    if (ImGui::Button(tr("Export"), ImVec2(bw, 0))) {
        st.error = export_now(app);
        close = close || st.error.empty();
    }
    app.tiers_panel.controls.note("export:go");
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"), ImVec2(bw, 0)) ||
        (!st.browse.visible && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        close = true;
    app.tiers_panel.controls.note("export:cancel");
    if (close) {
        st.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// [SECTION] Import
void open_import_csv_dialog(AppState& app) {
    auto& d = app.exporter.import_files;
    const auto folder = !app.session.path.empty() ? app.session.path.parent_path() : std::filesystem::path(app.settings.last_folder);
    open_file_dialog(d, FileDialogMode::Open, folder);
    d.title = tr("Import CSV");
    d.extension = ".csv";
}

bool import_csv(AppState& app, const std::filesystem::path& path) {
    auto refuse = [&](std::vector<io::Diagnostic> diagnostics) {
        app.modals.show_errors = true;
        app.modals.errors_title = strprintf(tr("Could not import %s"), path.filename().string().c_str());
        app.modals.errors = std::move(diagnostics);
        return false;
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return refuse({io::Diagnostic{io::Severity::Error, {}, strprintf(tr("cannot read the file: %s"), ec.message().c_str())}});
    if (size > io::kMaxCsvBytes) return refuse({io::Diagnostic{io::Severity::Error, {}, tr("the file is larger than 64 MiB")}});
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    io::ImportResult r = io::from_csv(text.str(), path.stem().string());
    std::vector<io::Diagnostic> diagnostics;
    for (const auto& p : r.problems) diagnostics.push_back(p.to_diagnostic());
    if (!r.ok()) return refuse(std::move(diagnostics));

    app.session.history.reset(std::move(*r.document));
    app.session.path.clear();
    app.session.restored_unsaved = true;  // not saved anywhere yet: closing asks first
    app.session.warnings = diagnostics;
    app.selection = Selection{};
    app.canvas.edit = InPlaceEdit{};
    app.canvas.fit_pending = true;
    set_tier_lens(app, std::nullopt);
    app.fonts.require_document(app.doc());
    std::string status = strprintf(tr("Imported %s: %zu cards, not saved yet"), path.filename().string().c_str(),
                                   app.doc().cards.size());
    if (!diagnostics.empty())
        status += strprintf(tr("; %zu warning(s): View › Load warnings"), diagnostics.size());
    set_status(app, std::move(status));
    return true;
}

}  // namespace sm::ui
