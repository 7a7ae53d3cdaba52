// Stagemap — everything the GUI keeps between frames, in one place owned by UiApp (no
// function-level static state anywhere in the UI).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/stats.h"
#include "layout/layout.h"
#include "layout/text_cache.h"
#include "render/painter.h"
#include "ui/autosave.h"
#include "ui/capture.h"
#include "ui/canvas.h"
#include "ui/export_dialog.h"
#include "ui/file_dialog.h"
#include "ui/fonts.h"
#include "ui/inspector.h"
#include "ui/modals.h"
#include "ui/peak_end_panel.h"
#include "ui/revision_cache.h"
#include "ui/present.h"
#include "ui/selection.h"
#include "ui/session.h"
#include "ui/settings.h"
#include "ui/tiers_panel.h"
#include "ui/value_map.h"

namespace sm::ui {

// [SECTION] Layout cache
// The layout of the current document, recomputed when the document or the fonts change.
struct LayoutCache {
    bool valid = false;
    unsigned long long revision = 0;
    unsigned font_generation = 0;
    layout::BlueprintLayout layout;
    // Widths and wrapped lines from earlier layouts (ImGui measurer), kept while the fonts stay.
    std::unique_ptr<layout::TextMeasurer> imgui_measurer;
    std::unique_ptr<layout::CachingMeasurer> text;
};

// [SECTION] View options
struct ViewOptions {
    std::optional<TierId> tier_lens;  // dim cards that do not serve this tier
    bool hide_other_tiers = false;
    TierCompareView tier_compare;     // mark cards A / B / A+B (the lens is off meanwhile)
    bool show_help = false;
    bool show_about = false;
    bool show_diagnostics = false;    // the warnings of the last load
};

// [SECTION] App state
struct AppState {
    explicit AppState(FontChoice fonts_found) : fonts(std::move(fonts_found)) {}

    bool persistent = true;  // read and write settings and autosaves (off for tests and screenshots)
    float content_scale = 1; // the monitor's, from the platform
    Settings settings;
    FontManager fonts;
    Session session;
    Selection selection;
    CanvasState canvas;
    InspectorState inspector;
    FileDialog file_dialog;
    FileDialogMode file_dialog_purpose = FileDialogMode::Open;
    Modals modals;
    AutosaveState autosave;
    LayoutCache layout_cache;
    RevisionCache<analysis::Stats> stats_cache;
    ViewOptions view;
    TiersPanelState tiers_panel;
    ValueMapState value_map;
    ExportState exporter;
    PeakEndPanelState peak_end;
    PresentState present;
    TopVotedState top_voted;
    CaptureState capture;
    std::vector<std::string> monitors;  // the platform's monitors by name, for View › Present On

    std::string status;   // one line at the bottom, e.g. "Saved hotpot.blueprint.json"
    double status_time = -100;
    double now = 0;       // seconds, from the platform
    bool quit = false;    // the app may close now
    unsigned long long seen_revision = ~0ull;  // to notice document changes once per frame
    unsigned long long glyphs_revision = ~0ull;  // the revision whose text require_document_glyphs checked

    float ui_scale() const { return content_scale * settings.ui_scale; }
    const Document& doc() const { return session.doc(); }
};

// [SECTION] Helpers used by every panel
// Every character of the current document's text, for the font atlas: once per revision (by the
// frame that notices a change, or by the layout made for it, whichever comes first).
void require_document_glyphs(AppState& app);
// The layout of the current document (recomputed when stale).
const layout::BlueprintLayout& current_layout(AppState& app);
layout::LayoutStyle layout_style(const Document& doc);
// analysis::compute_stats of the current document, once per change.
const analysis::Stats& document_stats(AppState& app);
ThemeChoice effective_theme(const AppState& app);  // the presentation theme while presenting
render::Theme current_theme(const AppState& app);
void set_status(AppState& app, std::string text);
// Executes a command and keeps the selection valid. False when the command was null.
bool run(AppState& app, edit::CommandPtr command);

}  // namespace sm::ui
