// Stagemap — File › Export… (SVG, PDF training handout, PNG, Mermaid journey, draw.io, CSV) and
// File › Import CSV… . The export dialog shows what the file will be (PDF pages and their size,
// PNG pixels) before it is written; an import that fails changes nothing and lists every problem
// with its line; one that succeeds opens as a new, unsaved blueprint.
#pragma once

#include <filesystem>
#include <string>

#include "render/export.h"
#include "ui/file_dialog.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
enum class ExportFormat { Svg, Pdf, Png, Mermaid, Drawio, Csv };
const char* extension(ExportFormat f);  // ".svg", ".pdf", …
const char* format_name(ExportFormat f);

struct ExportState {
    bool open = false;
    bool opening = false;  // open the popup on the next frame
    ExportFormat format = ExportFormat::Pdf;
    std::string path;      // the file to write
    render::PageSize page = render::PageSize::A4;
    bool landscape = true;
    bool handout_pages = true;
    float png_scale = 2;
    bool transparent = false;
    bool as_lens = true;   // draw the blueprint as the current tier lens (or compare) sees it
    std::string error;     // of the last attempt
    FileDialog browse;     // "Browse…" for the path
    // What the PDF will be, for the options it was computed with.
    std::string pdf_key;
    render::PdfReport pdf;
    std::string pdf_error;
    // render::png_size for the scale and options it was computed with.
    std::string size_key;
    render::PixelSize size;
    FileDialog import_files;  // File › Import CSV…
};

// [SECTION] Export
void open_export_dialog(AppState& app);
// Draws the export dialog and the import file dialog when they are open.
void draw_export_dialog(AppState& app);
// Writes the export with the dialog's settings; empty on success, else the problem.
std::string export_now(AppState& app);
// The options of a drawing export: light theme, peak-end marks, and the lens when `as_lens`.
render::ExportOptions export_options(const AppState& app);

// [SECTION] Import
void open_import_csv_dialog(AppState& app);
// Reads a CSV of cards. On errors the errors modal lists them and nothing changes; else the
// blueprint opens as a new unsaved document. True on success.
bool import_csv(AppState& app, const std::filesystem::path& path);

}  // namespace sm::ui
