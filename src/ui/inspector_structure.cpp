// Stagemap — the inspector for steps, lanes and phases.
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "analysis/peak_end.h"
#include "edit/edit.h"
#include "layout/layout.h"
#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/inspector_parts.h"
#include "ui/widgets.h"

namespace sm::ui::inspector {

// [SECTION] Helpers
namespace {

template <class F>
void change_step(AppState& app, const StepId& id, F&& change) {
    const Step* s = app.doc().find(id);
    if (!s) return;
    Step v = *s;
    change(v);
    run(app, edit::set_step(app.doc(), id, std::move(v)));
}

// English, for the table; shown through tr().
const char* kLaneKindHelp[] = {
    tr_mark("Physical evidence (有形展示): what the customer sees or touches at this step — signage, menu, bill, app "
            "screen."),
    tr_mark("Customer actions (顾客行为): what the customer does, in time order. The line of interaction runs below "
            "this lane."),
    tr_mark("Frontstage actions (前台员工行为): what contact staff or interfaces do in the customer's view. The line of "
            "visibility runs below this lane."),
    tr_mark("Backstage actions (后台员工行为): what contact staff do out of the customer's view. The line of internal "
            "interaction runs below this lane."),
    tr_mark("Support processes (支持过程): systems and people who never meet the customer — kitchen, logistics, CRM."),
    tr_mark("Custom lane: anything else worth a row (policies, metrics, emotions)."),
};

// The lane kinds as the file names them, for the table; shown through tr().
const char* kLaneKindNames[] = {tr_mark("evidence"), tr_mark("customer"), tr_mark("frontstage"),
                                tr_mark("backstage"), tr_mark("support"), tr_mark("custom")};

const char* emotion_name(int e) {
    switch (e) {
        case -2: return tr("−2  very bad");
        case -1: return tr("−1  bad");
        case 0: return tr("0  neutral");
        case 1: return tr("+1  good");
        case 2: return tr("+2  delighted");
        default: return "";
    }
}

}  // namespace

// [SECTION] Step
void step_panel(AppState& app, const Step& step_in) {
    const Step step = step_in;
    const StepId id = step.id;
    const Document& doc = app.doc();
    const float label_w = 104 * app.ui_scale();
    widgets::section(tr("Step · 步骤"));

    // Where this step stands in the peak-end analysis.
    const auto pe = analysis::analyze_peak_end(doc);
    const bool is_peak = pe.peak && pe.peak->step == id;
    const bool is_end = pe.end && pe.end->step == id;
    if (is_peak || is_end) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
        ImGui::TextWrapped("%s", is_peak && is_end ? tr("This step is both the peak and the end of the journey (峰值 · 终点).")
                                 : is_peak         ? tr("This step is the peak of the journey (峰值).")
                                                   : tr("This step is the end of the journey (终点)."));
        ImGui::PopStyleColor();
    }

    if (widgets::begin_form("##step", label_w)) {
        widgets::row(tr("Name"));
        widgets::text_field(app, "##name", step.name, [id](AppState& a, std::string v) {
            run(a, edit::rename_step(a.doc(), id, std::move(v)));
        }, 2);
        widgets::row(tr("Phase"));
        const Phase* ph = doc.find(step.phase);
        if (ImGui::BeginCombo("##phase", ph ? ph->name.c_str() : "?")) {
            for (const auto& p : doc.phases) {
                ImGui::PushID(p.id.str().c_str());
                if (ImGui::Selectable(p.name.c_str(), p.id == step.phase) && p.id != step.phase)
                    run(app, edit::move_step(app.doc(), id, p.id));
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        widgets::row(tr("Emotion"), tr("How the customer feels at this step, from −2 to +2."));
        bool rated = step.emotion.has_value();
        if (ImGui::Checkbox("##rated", &rated))
            run(app, edit::set_step_emotion(app.doc(), id, rated ? std::optional<int>(0) : std::nullopt));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Rated"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (rated) {
            widgets::int_slider(app, "##emotion", step.emotion.value_or(0), kEmotionMin, kEmotionMax,
                                [id](AppState& a, int v) { run(a, edit::set_step_emotion(a.doc(), id, v)); },
                                emotion_name(step.emotion.value_or(0)));
        } else {
            ImGui::TextDisabled("%s", tr("not rated"));
        }
        widgets::row(tr("Duration"), tr("Expected duration of the step, in minutes."));
        bool timed = step.duration_min.has_value();
        if (ImGui::Checkbox("##timed", &timed))
            change_step(app, id, [timed](Step& s) {
                if (timed) s.duration_min = 5.0;
                else s.duration_min.reset();
            });
        if (timed) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(80 * app.ui_scale());
            widgets::number_field(app, "##duration", step.duration_min.value_or(0), [id](AppState& a, double v) {
                change_step(a, id, [v](Step& s) { s.duration_min = v; });
            }, 0, 1e6, "%.1f");
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("min"));
        }
        widgets::row(tr("Peak"), tr("Automatic: the most intense rated step. Pin it here, or exclude this step."));
        const char* peak_names[] = {tr("Automatic"), tr("Pinned as peak"), tr("Never the peak")};
        int peak = !step.peak ? 0 : (*step.peak ? 1 : 2);
        if (ImGui::Combo("##peak", &peak, peak_names, 3))
            change_step(app, id, [peak](Step& s) {
                if (peak == 0) s.peak.reset();
                else s.peak = peak == 1;
            });
        widgets::row(tr("End"), tr("Automatic: the last rated step. Pin the end of the experience here."));
        const char* end_names[] = {tr("Automatic"), tr("Pinned as end")};
        int end = step.end.value_or(false) ? 1 : 0;
        if (ImGui::Combo("##end", &end, end_names, 2))
            change_step(app, id, [end](Step& s) {
                if (end == 0) s.end.reset();
                else s.end = true;
            });
        widgets::row(tr("Need"), tr("The customer's need at this moment."));
        widgets::text_field(app, "##need", step.need, [id](AppState& a, std::string v) {
            change_step(a, id, [&](Step& s) { s.need = std::move(v); });
        }, 3);
        widgets::row(tr("Opportunity"), tr("The improvement idea for this moment."));
        widgets::text_field(app, "##opportunity", step.opportunity, [id](AppState& a, std::string v) {
            change_step(a, id, [&](Step& s) { s.opportunity = std::move(v); });
        }, 3);
        widgets::end_form();
    }

    ImGui::Spacing();
    const auto run_steps = edit::phase_steps(doc, step.phase);
    const int rank = static_cast<int>(std::find(run_steps.begin(), run_steps.end(), id) - run_steps.begin());
    ImGui::BeginDisabled(rank <= 0);
    if (ImGui::Button(tr("← Move left"))) run(app, edit::move_step(app.doc(), id, step.phase, rank - 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(rank + 1 >= static_cast<int>(run_steps.size()));
    if (ImGui::Button(tr("Move right →"))) run(app, edit::move_step(app.doc(), id, step.phase, rank + 1));
    ImGui::EndDisabled();
    if (ImGui::Button(tr("Add step after"))) add_step(app);
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete step"))) delete_selection(app);
    widgets::hint(tr("Deleting a step deletes its cards too (undo brings them back)."));
}

// [SECTION] Lane
void lane_panel(AppState& app, const Lane& lane_in) {
    const Lane lane = lane_in;
    const LaneId id = lane.id;
    const Document& doc = app.doc();
    const float label_w = 96 * app.ui_scale();
    widgets::section(tr("Lane · 泳道"));
    if (widgets::begin_form("##lane", label_w)) {
        widgets::row(tr("Name"));
        widgets::text_field(app, "##name", lane.name, [id](AppState& a, std::string v) {
            run(a, edit::rename_lane(a.doc(), id, std::move(v)));
        });
        widgets::row(tr("Kind"));
        const auto label = [](LaneKind k) {
            // The kind in the interface language, and its Chinese name when that differs.
            std::string name = tr(kLaneKindNames[static_cast<int>(k)]);
            const std::string chinese(layout::lane_kind_label(k, true));
            return name == chinese ? name : name + "  " + chinese;
        };
        if (ImGui::BeginCombo("##kind", label(lane.kind).c_str())) {
            for (int k = 0; k < 6; ++k) {
                const auto kind = static_cast<LaneKind>(k);
                if (ImGui::Selectable(label(kind).c_str(), kind == lane.kind) && kind != lane.kind) {
                    Lane v = lane;
                    v.kind = kind;
                    run(app, edit::set_lane(app.doc(), id, std::move(v)));
                }
            }
            ImGui::EndCombo();
        }
        widgets::end_form();
    }
    widgets::hint(tr(kLaneKindHelp[static_cast<int>(lane.kind)]));
    ImGui::Spacing();
    const int index = doc.lane_index(id);
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::Button(tr("↑ Move up"))) run(app, edit::move_lane(app.doc(), id, index - 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= static_cast<int>(doc.lanes.size()));
    if (ImGui::Button(tr("↓ Move down"))) run(app, edit::move_lane(app.doc(), id, index + 1));
    ImGui::EndDisabled();
    if (ImGui::Button(tr("Add lane below"))) add_lane(app);
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete lane"))) delete_selection(app);
}

// [SECTION] Phase
void phase_panel(AppState& app, const Phase& phase_in) {
    const Phase phase = phase_in;
    const PhaseId id = phase.id;
    const Document& doc = app.doc();
    const float label_w = 96 * app.ui_scale();
    widgets::section(tr("Phase · 阶段"));
    if (widgets::begin_form("##phase", label_w)) {
        widgets::row(tr("Name"));
        widgets::text_field(app, "##name", phase.name, [id](AppState& a, std::string v) {
            run(a, edit::rename_phase(a.doc(), id, std::move(v)));
        });
        widgets::row(tr("Description"));
        widgets::text_field(app, "##description", phase.description, [id](AppState& a, std::string v) {
            const Phase* p = a.doc().find(id);
            if (!p) return;
            Phase n = *p;
            n.description = std::move(v);
            run(a, edit::set_phase(a.doc(), id, std::move(n)));
        }, 3);
        widgets::row(tr("Steps"));
        ImGui::Text("%zu", edit::phase_steps(doc, id).size());
        widgets::end_form();
    }
    ImGui::Spacing();
    const int index = doc.phase_index(id);
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::Button(tr("← Move left"))) run(app, edit::move_phase(app.doc(), id, index - 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= static_cast<int>(doc.phases.size()));
    if (ImGui::Button(tr("Move right →"))) run(app, edit::move_phase(app.doc(), id, index + 1));
    ImGui::EndDisabled();
    if (ImGui::Button(tr("Add step"))) add_step(app);
    ImGui::SameLine();
    if (ImGui::Button(tr("Add phase after"))) add_phase(app);
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete phase"))) delete_selection(app);
    widgets::hint(tr("Deleting a phase deletes its steps and their cards (undo brings them back)."));
}

}  // namespace sm::ui::inspector
