// Stagemap — the value map window: tiers on the current × potential value grid.
#include "ui/value_map.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/strprintf.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] Quadrants
std::optional<Quadrant> quadrant_of(const Tier& t) {
    if (!t.current || !t.potential) return std::nullopt;
    const bool cur = *t.current == Level::High, pot = *t.potential == Level::High;
    if (cur) return pot ? Quadrant::Value : Quadrant::SubValue;
    return pot ? Quadrant::PotentialValue : Quadrant::LowValue;
}

void open_value_map(AppState& app) {
    app.value_map.open = true;
    app.value_map.focus = true;
}

namespace {

struct QuadrantInfo {
    Quadrant q;
    // axes, name and advice: English, for the table; shown through tr(). `axes` is also the cell's ID.
    const char* axes;    // where it sits
    const char* name;    // the usual name of its customers
    const char* advice;  // the usual strategy, in a few words
    ImVec4 tint;         // the cell's background, over the window's
};

// Row by row as drawn: high potential on top, high current on the right.
const QuadrantInfo kQuadrants[] = {
    {Quadrant::PotentialValue, tr_mark("Low current · high potential"), tr_mark("Potential-value customers · 潜在价值客户"),
     tr_mark("Invest in the relationship: more visits, business guidance; grow them into value customers."),
     ImVec4(0.90f, 0.62f, 0.00f, 0.07f)},
    {Quadrant::Value, tr_mark("High current · high potential"), tr_mark("Value customers · 价值客户"),
     tr_mark("Key resources: one-to-one retention, proactive contact, tailored offers, whole solutions."),
     ImVec4(0.00f, 0.45f, 0.70f, 0.07f)},
    {Quadrant::LowValue, tr_mark("Low current · low potential"), tr_mark("Low-value customers · 低价值客户"),
     tr_mark("Try to grow them; otherwise change the approach to serving them."), ImVec4(0.50f, 0.50f, 0.50f, 0.06f)},
    {Quadrant::SubValue, tr_mark("High current · low potential"), tr_mark("Sub-value customers · 次价值客户"),
     tr_mark("Keep investing enough; follow up and check more closely; raise cooperation."),
     ImVec4(0.00f, 0.62f, 0.45f, 0.07f)},
};

// [SECTION] One tier
void tier_card(AppState& app, const Tier& t, const TierItemCounts& n, bool any_items) {
    const float s = app.ui_scale();
    ImGui::PushID(t.id.str().c_str());
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float bar = 5 * s, gap = 8 * s;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::Indent(bar + gap);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(tier_label(t).c_str());
    const std::string visits = visit_text(t);
    const std::string visit_line = visits.empty() ? tr("No planned visits") : strprintf(tr("Visit %s"), visits.c_str());
    ImGui::TextDisabled("%s", visit_line.c_str());
    // Singular and plural of both counts, whole sentences for the table.
    const char* counts =
        n.serving == 1
            ? (n.linked == 1 ? tr("%zu service item serves it · %zu of its own · %zu card lists it")
                             : tr("%zu service item serves it · %zu of its own · %zu cards list it"))
            : (n.linked == 1 ? tr("%zu service items serve it · %zu of its own · %zu card lists it")
                             : tr("%zu service items serve it · %zu of its own · %zu cards list it"));
    ImGui::TextDisabled(counts, n.serving, n.own, n.linked);
    if (n.own == 0 && any_items)
        ImGui::TextColored(ImVec4(0.82f, 0.30f, 0.10f, 1), "%s", tr("! No service item of its own"));
    if (!t.strategy.empty()) ImGui::TextWrapped("%s", t.strategy.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Unindent(bar + gap);
    const float bottom = ImGui::GetItemRectMax().y;
    const ImVec2 p1(right, bottom);
    list->AddRectFilled(p0, ImVec2(p0.x + bar, bottom), ImGui::GetColorU32(tier_imcolor(t)), 2 * s);

    // The whole card is the button: it turns the tier lens on.
    ImGui::SetCursorScreenPos(p0);
    const ImVec2 size(std::max(p1.x - p0.x, 1.0f), std::max(p1.y - p0.y, 1.0f));
    if (ImGui::InvisibleButton("##pick", size)) set_tier_lens(app, t.id);
    app.tiers_panel.controls.note("map:" + t.id.str());
    const bool lens = app.view.tier_lens == t.id;
    if (ImGui::IsItemHovered()) {
        list->AddRectFilled(ImVec2(p0.x - 3 * s, p0.y - 3 * s), ImVec2(p1.x + 3 * s, p1.y + 3 * s),
                            ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f), 4 * s);
        ImGui::SetTooltip(tr("Click: tier lens on %s (double-click: edit it)"), tier_label(t).c_str());
        if (ImGui::IsMouseDoubleClicked(0)) open_tiers_panel(app, t.id);
    }
    if (lens)
        list->AddRect(ImVec2(p0.x - 3 * s, p0.y - 3 * s), ImVec2(p1.x + 3 * s, p1.y + 3 * s),
                      ImGui::GetColorU32(tier_imcolor(t)), 4 * s, 0, 2 * s);
    ImGui::Dummy(ImVec2(0, 6 * s));
    ImGui::PopID();
}

// [SECTION] Grid
void quadrant(AppState& app, const QuadrantInfo& info, ImVec2 size, const analysis::TierReport& report) {
    const Document& doc = app.doc();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, info.tint);
    ImGui::BeginChild(info.axes, size, true);
    ImGui::PopStyleColor();
    ImGui::TextDisabled("%s", tr(info.axes));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Usually %s: %s"), tr(info.name), tr(info.advice));
    ImGui::Separator();
    ImGui::Spacing();
    bool any = false;
    for (std::size_t k = 0; k < doc.tiers.size(); ++k) {
        if (quadrant_of(doc.tiers[k]) != info.q) continue;
        any = true;
        tier_card(app, doc.tiers[k], tier_item_counts(app, k), !report.matrix.empty());
    }
    if (!any) {
        widgets::hint(tr("No tier here. Usually:"));
        widgets::hint(tr(info.name));
        widgets::hint(tr(info.advice));
    }
    ImGui::EndChild();
}

}  // namespace

// [SECTION] Window
void draw_value_map(AppState& app) {
    auto& st = app.value_map;
    if (!st.open) return;
    const float s = app.ui_scale();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Under the toolbar, so that the lens it turns on stays in view.
    ImGui::SetNextWindowSize(ImVec2(std::min(1100 * s, vp->WorkSize.x - 60 * s), vp->WorkSize.y - 80 * s),
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 50 * s), ImGuiCond_FirstUseEver,
                            ImVec2(0.5f, 0));
    if (st.focus) {
        ImGui::SetNextWindowFocus();
        st.focus = false;
    }
    const std::string title = tr_id("Value map · 客户价值矩阵", "value_map");
    if (!ImGui::Begin(title.c_str(), &st.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    require_tier_text(app);
    const Document& doc = app.doc();
    const auto& report = tier_report(app);
    if (doc.tiers.empty()) {
        widgets::hint(tr("This blueprint has no customer value tiers. Open the Tiers panel to add them or apply a preset."));
        if (ImGui::Button(tr("Open the Tiers panel"))) open_tiers_panel(app);
        ImGui::End();
        return;
    }
    std::vector<std::size_t> unplaced;
    for (std::size_t k = 0; k < doc.tiers.size(); ++k)
        if (!quadrant_of(doc.tiers[k])) unplaced.push_back(k);

    const float axis_w = 86 * s;
    const float lh = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float foot = unplaced.empty() ? lh : lh * 3.2f;
    const float cell_w = std::max((avail.x - axis_w - ImGui::GetStyle().ItemSpacing.x * 2) / 2, 120 * s);
    const float cell_h = std::max((avail.y - 2 * lh - foot - ImGui::GetStyle().ItemSpacing.y * 2) / 2, 110 * s);

    // Top axis: current value, low on the left, high on the right.
    const float x0 = ImGui::GetCursorPosX() + axis_w + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(x0);
    ImGui::TextUnformatted(tr("Current value · 当前价值  →"));
    ImGui::SetCursorPosX(x0);
    ImGui::TextDisabled("%s", tr("Low"));
    ImGui::SameLine(x0 + cell_w + ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextDisabled("%s", tr("High"));
    for (int row = 0; row < 2; ++row) {
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + axis_w);
        if (row == 0) ImGui::TextUnformatted(tr("Potential value · 潜在价值  ↑"));
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("%s", row == 0 ? tr("High") : tr("Low"));
        ImGui::Dummy(ImVec2(axis_w, 1));
        ImGui::EndGroup();
        ImGui::SameLine(axis_w + ImGui::GetStyle().WindowPadding.x + ImGui::GetStyle().ItemSpacing.x);
        quadrant(app, kQuadrants[row * 2], ImVec2(cell_w, cell_h), report);
        ImGui::SameLine();
        quadrant(app, kQuadrants[row * 2 + 1], ImVec2(cell_w, cell_h), report);
    }
    if (!unplaced.empty()) {
        ImGui::TextDisabled("%s", tr("Not on the map (set current and potential value in the Tiers panel):"));
        for (std::size_t k : unplaced) {
            const Tier& t = doc.tiers[k];
            ImGui::PushID(static_cast<int>(k));
            ImGui::ColorButton("##c", tier_imcolor(t), ImGuiColorEditFlags_NoTooltip);
            ImGui::SameLine();
            if (ImGui::SmallButton(tier_label(t).c_str())) set_tier_lens(app, t.id);
            app.tiers_panel.controls.note("map:" + t.id.str());
            ImGui::SameLine();
            ImGui::PopID();
        }
        ImGui::NewLine();
    } else {
        widgets::hint(tr("Click a tier to see its service items on the canvas (tier lens)."));
    }
    ImGui::End();
}

}  // namespace sm::ui
