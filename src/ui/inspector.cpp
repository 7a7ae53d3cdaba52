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
#include "ui/inspector_parts.h"
#include "ui/widgets.h"

namespace sm::ui {

namespace inspector {

// [SECTION] Document
void document_panel(AppState& app) {
    const Document& doc = app.doc();
    const float label_w = 96 * app.ui_scale();
    widgets::section("Blueprint · 服务蓝图");
    if (widgets::begin_form("##document", label_w)) {
        widgets::row("Title");
        widgets::text_field(app, "##title", doc.title, [](AppState& a, std::string v) {
            run(a, edit::set_title(a.doc(), std::move(v)));
        }, 2);
        widgets::row("Description");
        widgets::text_field(app, "##description", doc.description, [](AppState& a, std::string v) {
            run(a, edit::set_description(a.doc(), std::move(v)));
        }, 4);
        widgets::row("Language", "BCP 47 tag of the content's language, e.g. zh-CN or en. Chinese tags show Chinese "
                                 "labels on the canvas.");
        widgets::text_field(app, "##locale", doc.locale, [](AppState& a, std::string v) {
            run(a, edit::set_locale(a.doc(), std::move(v)));
        }, 1, "zh-CN, en, ...");
        widgets::end_form();
    }

    widgets::section("Summary");
    const auto st = analysis::compute_stats(doc);
    ImGui::Text("%zu phases · %zu steps · %zu lanes", st.phases, st.steps, st.lanes);
    ImGui::Text("%zu cards · %zu connectors", st.cards, st.connectors);
    ImGui::Text("%zu fail points (F) · %zu wait points (W)", st.fail_points, st.wait_points);
    if (st.total_wait_minutes > 0) ImGui::Text("Waiting in total: %.0f min", st.total_wait_minutes);
    if (st.total_minutes > 0) ImGui::Text("Journey duration: %.0f min", st.total_minutes);
    const auto pe = analysis::analyze_peak_end(doc);
    auto step_name = [&](const analysis::Moment& m) {
        const Step* s = doc.find(m.step);
        return s ? s->name : m.step.str();
    };
    if (pe.peak) ImGui::TextWrapped("Peak (峰值): %s (%+d)", step_name(*pe.peak).c_str(), pe.peak->emotion.value_or(0));
    if (pe.end) {
        if (pe.end->emotion) ImGui::TextWrapped("End (终点): %s (%+d)", step_name(*pe.end).c_str(), *pe.end->emotion);
        else ImGui::TextWrapped("End (终点): %s (not rated)", step_name(*pe.end).c_str());
    }
    if (pe.remembered) {
        char line[160];
        std::snprintf(line, sizeof line, "Remembered ≈ (peak + end) / 2 = %+.1f", *pe.remembered);
        ImGui::TextUnformatted(line);
        if (pe.experienced) ImGui::TextDisabled("Experienced on average: %+.1f", *pe.experienced);
    }
    for (const auto& r : pe.recommendations) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", r.text.c_str());
    }
    widgets::hint("Click a card, a step or lane header, a phase or a connector to edit it. Double-click an empty cell "
                  "to add a card.");
}

// [SECTION] Tiers
void tiers_panel(AppState& app) {
    const Document& doc = app.doc();
    widgets::section("Customer value tiers · 客户价值分层");
    const float label_w = 96 * app.ui_scale();
    for (std::size_t i = 0; i < doc.tiers.size(); ++i) {
        const Tier t = doc.tiers[i];
        const TierId id = t.id;
        ImGui::PushID(id.str().c_str());
        auto set = [id](AppState& a, auto&& change) {
            const Tier* cur = a.doc().find(id);
            if (!cur) return;
            Tier v = *cur;
            change(v);
            run(a, edit::set_tier(a.doc(), id, std::move(v)));
        };
        const Color c = t.color.value_or(Color{150, 150, 150});
        float rgb[3] = {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f};
        ImGui::ColorEdit3("##color", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            const Color nc{static_cast<std::uint8_t>(rgb[0] * 255 + 0.5f), static_cast<std::uint8_t>(rgb[1] * 255 + 0.5f),
                           static_cast<std::uint8_t>(rgb[2] * 255 + 0.5f)};
            set(app, [nc](Tier& v) { v.color = nc; });
        }
        ImGui::SameLine();
        const std::string header = (t.name.empty() ? id.str() : t.name) + "###tier";
        if (ImGui::CollapsingHeader(header.c_str())) {
            if (widgets::begin_form("##tier", label_w)) {
                widgets::row("Name");
                widgets::text_field(app, "##name", t.name, [id](AppState& a, std::string v) {
                    run(a, edit::rename_tier(a.doc(), id, std::move(v)));
                });
                const char* levels[] = {"—", "High", "Low"};
                widgets::row("Current value", "Contribution, support and credit (贡献度, 支持度, 信用度).");
                int cur = !t.current ? 0 : (*t.current == Level::High ? 1 : 2);
                if (ImGui::Combo("##current", &cur, levels, 3))
                    set(app, [cur](Tier& v) {
                        if (cur == 0) v.current.reset();
                        else v.current = cur == 1 ? Level::High : Level::Low;
                    });
                widgets::row("Potential value", "Influence and growth (影响力, 成长度).");
                int pot = !t.potential ? 0 : (*t.potential == Level::High ? 1 : 2);
                if (ImGui::Combo("##potential", &pot, levels, 3))
                    set(app, [pot](Tier& v) {
                        if (pot == 0) v.potential.reset();
                        else v.potential = pot == 1 ? Level::High : Level::Low;
                    });
                widgets::row("Visit every", "Planned interval between account visits, in days.");
                bool visits = t.visit_days.has_value();
                if (ImGui::Checkbox("##visits", &visits))
                    set(app, [visits](Tier& v) {
                        if (visits) v.visit_days = 7.0;
                        else v.visit_days.reset();
                    });
                if (visits) {
                    ImGui::SameLine();
                    ImGui::SetNextItemWidth(70 * app.ui_scale());
                    widgets::number_field(app, "##days", t.visit_days.value_or(7), [set](AppState& a, double d) {
                        set(a, [d](Tier& v) { v.visit_days = d; });
                    }, 0.1, 3650, "%.1f");
                    ImGui::SameLine();
                    ImGui::TextDisabled("days");
                }
                widgets::row("Strategy");
                widgets::text_field(app, "##strategy", t.strategy, [set](AppState& a, std::string s) {
                    set(a, [&](Tier& v) { v.strategy = std::move(s); });
                }, 3);
                widgets::end_form();
            }
            if (ImGui::Button("Lens on this tier")) app.view.tier_lens = id;
            ImGui::SameLine();
            if (widgets::danger_button("Delete tier")) run(app, edit::delete_tier(app.doc(), id));
        }
        ImGui::PopID();
    }
    if (ImGui::Button("Add tier")) run(app, edit::add_tier(app.doc(), edit::new_tier(app.doc(), "New tier")));
    ImGui::SameLine();
    if (ImGui::Button("Presets...")) ImGui::OpenPopup("##tier_presets");
    if (ImGui::BeginPopup("##tier_presets")) {
        const struct {
            const char* label;
            edit::TierPreset preset;
        } presets[] = {
            {"Core / important / regular (核心 / 重要 / 常规)", edit::TierPreset::CoreImportantRegular},
            {"Value quadrants: current × potential (价值客户 …)", edit::TierPreset::ValueQuadrants},
            {"Key-account grades 特级 / A / B / C", edit::TierPreset::KeyAccountGrades},
        };
        for (const auto& p : presets)
            if (ImGui::MenuItem(p.label))
                run(app, edit::apply_tier_set(app.doc(), edit::tier_preset(p.preset, app.doc().locale)));
        ImGui::EndPopup();
    }
    if (doc.tiers.empty())
        widgets::hint("Tiers group customers by current and potential value; link cards to the tiers they serve and "
                      "use View › Tier lens to see one tier's service items.");
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
