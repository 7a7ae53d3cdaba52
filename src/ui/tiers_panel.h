// Stagemap — the Tiers panel: customer value tiers (客户价值分层, domain.md §3). Add, edit (name,
// colour, current and potential value, strategy, visit interval), reorder, delete, one-click
// presets, the tiers' coverage findings, and a side-by-side list of what two tiers get. Every
// change is one edit command (one undo step).
#pragma once

#include <optional>
#include <string>

#include <imgui.h>

#include "analysis/tiers.h"
#include "edit/tiers.h"
#include "model/document.h"
#include "ui/revision_cache.h"
#include "ui/tier_lens.h"

namespace sm::ui {

struct AppState;

// [SECTION] State
// Service items (frontstage, backstage, support cards) that serve tier `k`, those of them that do
// not serve every tier ("of its own"), and the cards that list the tier explicitly.
struct TierItemCounts {
    std::size_t serving = 0, own = 0, linked = 0;
};

struct TiersPanelState {
    bool open = false;
    bool focus = false;            // bring the window to the front on its next frame
    TierId expanded;               // the tier whose fields are shown
    ImGuiID color_item = 0;        // the colour being picked, and its value while the picker is held
    float color[3] = {0, 0, 0};
    std::optional<edit::TierPreset> confirm_preset;  // waiting for "remove links?"
    ControlRects controls;         // the toolbar's, the panel's and the inspector's tier controls
    // The tier analysis of the document, and the item counts per tier drawn from it.
    struct Analysis {
        analysis::TierReport report;
        std::vector<TierItemCounts> counts;
    };
    RevisionCache<Analysis> analysis;
};

// [SECTION] Use
void open_tiers_panel(AppState& app, const TierId& expand = {});
void draw_tiers_panel(AppState& app);
// Opens a window or view by name (the --panel option): "tiers", "tiers:TIER_ID" (that tier's
// fields open), "value-map", "export",
// "lens:TIER_ID", "compare:TIER_ID,TIER_ID". Empty on success, else what is wrong.
std::string open_panel_by_name(AppState& app, std::string_view name);
// analysis::analyze_tiers of the current document, computed once per change.
const analysis::TierReport& tier_report(AppState& app);
// How many cards would lose links if `tiers` replaced the document's tiers.
std::size_t cards_losing_links(const Document& doc, const std::vector<Tier>& tiers);
TierItemCounts tier_item_counts(const analysis::TierReport& report, std::size_t k);
// The same for the current document, computed once per change (panels draw it every frame).
TierItemCounts tier_item_counts(AppState& app, std::size_t k);
// "current high · potential low" (empty when neither is set).
std::string value_levels(const Tier& t);
// "every 3.5 days" (empty when not set).
std::string visit_text(const Tier& t);

}  // namespace sm::ui
