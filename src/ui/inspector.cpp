// Stagemap — the inspector panel: dispatch by selection, and the document's own fields,
// tiers and summary when nothing is selected.
#include "ui/inspector.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "analysis/peak_end.h"
#include "analysis/stats.h"
#include "edit/edit.h"
#include "ui/app_state.h"
#include "ui/finding_text.h"
#include "ui/i18n.h"
#include "ui/inspector_parts.h"
#include "ui/strprintf.h"
#include "ui/widgets.h"

namespace sm::ui {

namespace inspector {

// [SECTION] Document
void document_panel(AppState& app) {
    const Document& doc = app.doc();
    const float label_w = 96 * app.ui_scale();
    widgets::section(tr("Blueprint · 服务蓝图"));
    if (widgets::begin_form("##document", label_w)) {
        widgets::row(tr("Title"));
        widgets::text_field(app, "##title", doc.title, [](AppState& a, std::string v) {
            run(a, edit::set_title(a.doc(), std::move(v)));
        }, 2);
        widgets::row(tr("Description"));
        widgets::text_field(app, "##description", doc.description, [](AppState& a, std::string v) {
            run(a, edit::set_description(a.doc(), std::move(v)));
        }, 4);
        widgets::row(tr("Language"), tr("BCP 47 tag of the content's language, e.g. zh-CN or en. Chinese tags show Chinese "
                                    "labels on the canvas."));
        widgets::text_field(app, "##locale", doc.locale, [](AppState& a, std::string v) {
            run(a, edit::set_locale(a.doc(), std::move(v)));
        }, 1, "zh-CN, en, ...");
        widgets::end_form();
    }

    widgets::section(tr("Summary"));
    const auto& st = document_stats(app);
    ImGui::Text(tr("%zu phases · %zu steps · %zu lanes"), st.phases, st.steps, st.lanes);
    ImGui::Text(tr("%zu cards · %zu connectors"), st.cards, st.connectors);
    ImGui::Text(tr("%zu fail points (F) · %zu wait points (W)"), st.fail_points, st.wait_points);
    if (st.total_wait_minutes > 0) ImGui::Text(tr("Waiting in total: %.0f min"), st.total_wait_minutes);
    if (st.total_minutes > 0) ImGui::Text(tr("Journey duration: %.0f min"), st.total_minutes);
    const auto& pe = peak_end_analysis(app);
    auto step_name = [&](const analysis::Moment& m) {
        const Step* s = doc.find(m.step);
        return s ? s->name : m.step.str();
    };
    if (pe.peak) ImGui::TextWrapped(tr("Peak (峰值): %s (%+d)"), step_name(*pe.peak).c_str(), pe.peak->emotion.value_or(0));
    if (pe.end) {
        if (pe.end->emotion) ImGui::TextWrapped(tr("End (终点): %s (%+d)"), step_name(*pe.end).c_str(), *pe.end->emotion);
        else ImGui::TextWrapped(tr("End (终点): %s (not rated)"), step_name(*pe.end).c_str());
    }
    if (pe.remembered) {
        char line[160];
        std::snprintf(line, sizeof line, tr("Remembered ≈ (peak + end) / 2 = %+.1f"), *pe.remembered);
        ImGui::TextUnformatted(line);
        if (pe.experienced) ImGui::TextDisabled(tr("Experienced on average: %+.1f"), *pe.experienced);
    }
    for (const auto& r : pe.recommendations) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", finding_text(r, doc).c_str());
    }
    widgets::hint(tr("Click a card, a step or lane header, a phase or a connector to edit it. Double-click an empty "
                     "cell to add a card."));
}

// [SECTION] Tiers
// A short overview; the Tiers panel edits them.
void tiers_panel(AppState& app) {
    const Document& doc = app.doc();
    widgets::section(tr("Customer value tiers · 客户价值分层"));
    const auto& report = tier_report(app);
    for (std::size_t i = 0; i < doc.tiers.size(); ++i) {
        const Tier& t = doc.tiers[i];
        ImGui::PushID(t.id.str().c_str());
        const float h = ImGui::GetTextLineHeight();
        ImGui::ColorButton("##c", tier_imcolor(t), ImGuiColorEditFlags_NoTooltip, ImVec2(h, h));
        ImGui::SameLine();
        const auto n = tier_item_counts(app, i);
        if (ImGui::Selectable(tier_label(t).c_str(), app.view.tier_lens == t.id)) set_tier_lens(app, t.id);
        if (ImGui::IsItemHovered()) {
            const std::string where = value_levels(t), visits = visit_text(t);
            std::string tip = where;
            if (!visits.empty()) tip += (tip.empty() ? "" : " · ") + strprintf(tr("visit %s"), visits.c_str());
            tip += "\n" + strprintf(tr("%zu service items serve it, %zu of its own"), n.serving, n.own);
            tip += "\n";
            tip += tr("Click: tier lens on it");
            ImGui::SetTooltip("%s", tip.c_str());
        }
        if (n.own == 0 && doc.tiers.size() > 1 && !report.matrix.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.82f, 0.30f, 0.10f, 1), "%s", tr("no item of its own"));
        }
        ImGui::PopID();
    }
    if (ImGui::Button(tr("Edit tiers..."))) open_tiers_panel(app);
    ImGui::SameLine();
    if (ImGui::Button(tr("Value map"))) open_value_map(app);
    if (doc.tiers.empty())
        widgets::hint(tr("Tiers group customers by current and potential value; link cards to the tiers they serve "
                         "and use the tier lens to see one tier's service items."));
}

}  // namespace inspector

// [SECTION] Panel
void draw_inspector(AppState& app) {
    const Document& doc = app.doc();
    const auto& sel = app.selection;
    ImGui::PushID(static_cast<int>(sel.kind));
    switch (sel.kind) {
        case SelectionKind::Cards:
            if (sel.cards.size() == 1) {
                if (const Card* c = doc.find(sel.cards.front())) {
                    ImGui::PushID(c->id.str().c_str());
                    inspector::card_panel(app, *c);
                    ImGui::PopID();
                }
            } else {
                inspector::cards_panel(app);
            }
            break;
        case SelectionKind::Step:
            if (const Step* s = doc.find(sel.step)) {
                ImGui::PushID(s->id.str().c_str());
                inspector::step_panel(app, *s);
                ImGui::PopID();
            }
            break;
        case SelectionKind::Lane:
            if (const Lane* l = doc.find(sel.lane)) {
                ImGui::PushID(l->id.str().c_str());
                inspector::lane_panel(app, *l);
                ImGui::PopID();
            }
            break;
        case SelectionKind::Phase:
            if (const Phase* p = doc.find(sel.phase)) {
                ImGui::PushID(p->id.str().c_str());
                inspector::phase_panel(app, *p);
                ImGui::PopID();
            }
            break;
        case SelectionKind::Connector:
            if (const int i = edit::resolve(doc, sel.connector); i >= 0) {
                ImGui::PushID(i);
                inspector::connector_panel(app, i);
                ImGui::PopID();
            }
            break;
        case SelectionKind::None:
            inspector::document_panel(app);
            inspector::tiers_panel(app);
            break;
    }
    ImGui::PopID();
}

void flush_inspector(AppState& app) {
    auto& st = app.inspector;
    if (st.active_id != 0 && !st.seen) {
        auto pending = std::move(st.pending);
        st.active_id = 0;
        st.pending = nullptr;
        if (pending) pending(app);
    }
    st.seen = false;
}

}  // namespace sm::ui
