// Stagemap — the emotion row's gestures: rate by dragging or clicking, the point's tooltip, and the
// peak-end items of a step's context menu.
#include "ui/emotion_edit.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "edit/edit.h"
#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/i18n.h"
#include "ui/peak_end_panel.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] Words
// The inspector's words for the same scale.
const char* emotion_text(int e) {
    switch (e) {
        case 2: return "+2";
        case 1: return "+1";
        case 0: return "0";
        case -1: return "\xE2\x88\x92" "1";
        default: return e < 0 ? "\xE2\x88\x92" "2" : "+2";
    }
}

const char* emotion_meaning(int e) {
    switch (e) {
        case 2: return tr("delighted");
        case 1: return tr("good");
        case 0: return tr("neutral");
        case -1: return tr("bad");
        default: return e < 0 ? tr("very bad") : tr("delighted");
    }
}

// [SECTION] Geometry
int emotion_value_at(const layout::EmotionRow& row, float y) {
    if (!(row.unit > 0)) return 0;
    const float v = std::round((row.baseline_y - y) / row.unit);
    return static_cast<int>(std::clamp(v, static_cast<float>(kEmotionMin), static_cast<float>(kEmotionMax)));
}

int emotion_step_at(const layout::BlueprintLayout& lay, layout::Vec2 p, float radius, bool* on_point) {
    if (on_point) *on_point = false;
    if (!lay.emotion) return -1;
    const layout::EmotionRow& er = *lay.emotion;
    if (p.x < er.plot.x || p.x >= er.plot.right() || p.y < er.plot.y - radius || p.y >= er.plot.bottom() + radius) return -1;
    const int step = lay.step_at(p.x);
    if (step < 0) return -1;
    for (const layout::EmotionPoint& pt : er.points)
        if (pt.step == step && on_point) {
            const float dx = p.x - pt.pos.x, dy = p.y - pt.pos.y;
            *on_point = dx * dx + dy * dy <= radius * radius;
        }
    return step;
}

namespace {

// The pointer's reach around a point, in layout units: at least 9 screen pixels.
float hit_radius(const AppState& app) {
    const float scale = std::max(app.canvas.transform.scale, 0.01f);
    return std::max(9.0f * app.ui_scale(), 7.0f * scale) / scale;
}

const layout::EmotionPoint* point_of(const layout::BlueprintLayout& lay, int step) {
    if (!lay.emotion) return nullptr;
    for (const layout::EmotionPoint& pt : lay.emotion->points)
        if (pt.step == step) return &pt;
    return nullptr;
}

std::string step_label(const Step& s) { return s.name.empty() ? s.id.str() : s.name; }

}  // namespace

// [SECTION] Commands
edit::CommandPtr pin_command(const Document& doc, const StepId& id, PinAction action) {
    const Step* s = doc.find(id);
    if (!s) return nullptr;
    const char* names[] = {"Pin as peak", "Exclude from peak", "Pin as end", "Automatic peak and end"};
    auto cmd = std::make_unique<edit::CompositeCommand>(names[static_cast<int>(action)]);
    Step v = *s;
    switch (action) {
        case PinAction::PinPeak:
            v.peak = true;
            break;
        case PinAction::ExcludePeak:
            v.peak = false;
            break;
        case PinAction::PinEnd:
            v.end = true;
            break;
        case PinAction::Automatic:
            v.peak.reset();
            v.end.reset();
            break;
    }
    // Only one step is pinned as the peak (or the end) after "Pin as …": the others go back to automatic.
    for (const Step& other : doc.steps) {
        if (other.id == id) continue;
        Step w = other;
        if (action == PinAction::PinPeak && w.peak == true) w.peak.reset();
        if (action == PinAction::PinEnd && w.end == true) w.end.reset();
        if (!(w == other)) cmd->add(edit::set_step(doc, other.id, std::move(w)));
    }
    cmd->add(edit::set_step(doc, id, std::move(v)));
    if (cmd->empty()) return nullptr;
    return cmd;
}

void apply_pin(AppState& app, const StepId& id, PinAction action) {
    const Step* s = app.doc().find(id);
    if (!s) return;
    const std::string name = step_label(*s);
    const bool unrated = !s->emotion;
    if (!run(app, pin_command(app.doc(), id, action))) return;
    std::string msg;
    switch (action) {
        case PinAction::PinPeak:
            msg = strprintf(tr("Pinned “%s” as the peak"), name.c_str());
            if (unrated) msg += tr(" (rate it, or the pin is ignored)");
            break;
        case PinAction::ExcludePeak: msg = strprintf(tr("“%s” is never the peak"), name.c_str()); break;
        case PinAction::PinEnd: msg = strprintf(tr("Pinned “%s” as the end"), name.c_str()); break;
        case PinAction::Automatic: msg = strprintf(tr("Peak and end of “%s” are automatic again"), name.c_str()); break;
    }
    set_status(app, std::move(msg));
}

void set_emotion(AppState& app, const StepId& id, std::optional<int> emotion) {
    run(app, edit::set_step_emotion(app.doc(), id, emotion));
}

// [SECTION] Hover and drag
bool update_emotion_hover(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p) {
    auto& c = app.canvas;
    auto& e = c.emotion;
    e.hover_step = -1;
    e.hover_point = false;
    const bool free = c.hovered && c.gesture == Gesture::None && c.hover_card < 0 && c.hover_handle == Side::None &&
                      c.edit.target == EditTarget::None;
    if (free) {
        bool on_point = false;
        const int s = emotion_step_at(lay, p, hit_radius(app), &on_point);
        if (s >= 0 && static_cast<std::size_t>(s) < app.doc().steps.size()) {
            const bool rated = app.doc().steps[static_cast<std::size_t>(s)].emotion.has_value();
            if (on_point || !rated) {
                e.hover_step = s;
                e.hover_point = on_point;
                ImGui::SetMouseCursor(rated ? ImGuiMouseCursor_ResizeNS : ImGuiMouseCursor_Hand);
            }
        }
    }
    if (e.hover_step != e.tooltip_step) {
        e.tooltip_step = e.hover_step;
        e.tooltip_since = app.now;
    }
    return e.hover_step >= 0;
}

namespace {

// Puts `value` in the document in place of the previous preview (one undo step in all).
void preview(AppState& app, std::optional<int> value) {
    auto& e = app.canvas.emotion;
    auto& h = app.session.history;
    const Step* s = app.doc().find(e.step);
    if (!s || s->emotion == value) return;
    if (e.preview_revision != 0 && h.revision() == e.preview_revision && h.can_undo()) h.undo();
    e.preview_revision = 0;
    s = app.doc().find(e.step);
    if (s && s->emotion != value && run(app, edit::set_step_emotion(app.doc(), e.step, value))) e.preview_revision = h.revision();
    s = app.doc().find(e.step);
    e.shown = s ? s->emotion : std::nullopt;
}

}  // namespace

bool begin_emotion_drag(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p) {
    auto& c = app.canvas;
    bool on_point = false;
    const int s = emotion_step_at(lay, p, hit_radius(app), &on_point);
    if (s < 0 || static_cast<std::size_t>(s) >= app.doc().steps.size()) return false;
    const Step& step = app.doc().steps[static_cast<std::size_t>(s)];
    if (step.emotion && !on_point) return false;  // a rated step's slot: select, rubber band
    auto& e = c.emotion;
    e.step = step.id;
    e.original = step.emotion;
    e.shown = step.emotion;
    e.preview_revision = 0;
    c.gesture = Gesture::RateEmotion;
    app.selection.set_step(step.id);
    // Dragging a rated point keeps the distance between the pointer and the point's centre, so a
    // press slightly off the centre changes nothing.
    const layout::EmotionPoint* pt = point_of(lay, s);
    e.grab = step.emotion && pt ? p.y - pt->pos.y : 0.0f;
    if (!step.emotion) preview(app, emotion_value_at(*lay.emotion, p.y));
    return true;
}

void update_emotion_drag(AppState& app, const layout::BlueprintLayout& lay, layout::Vec2 p) {
    auto& c = app.canvas;
    if (c.gesture != Gesture::RateEmotion || !lay.emotion) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    preview(app, emotion_value_at(*lay.emotion, p.y - c.emotion.grab));
}

void end_emotion_drag(AppState& app) {
    auto& e = app.canvas.emotion;
    app.canvas.gesture = Gesture::None;
    const Step* s = app.doc().find(e.step);
    if (s && e.preview_revision != 0 && s->emotion != e.original && s->emotion) {
        set_status(app, strprintf(tr("Rated “%s” %s · %s"), step_label(*s).c_str(), emotion_text(*s->emotion),
                                  emotion_meaning(*s->emotion)));
    }
    if (s) app.selection.set_step(s->id);
    e.preview_revision = 0;
    e.step = StepId();
}

void cancel_emotion_drag(AppState& app) {
    auto& e = app.canvas.emotion;
    auto& h = app.session.history;
    if (e.preview_revision != 0 && h.revision() == e.preview_revision && h.can_undo()) {
        h.undo();
        app.selection.prune(app.doc());
    }
    e.preview_revision = 0;
    e.step = StepId();
    app.canvas.gesture = Gesture::None;
}

// [SECTION] Overlay
void draw_emotion_overlay(AppState& app, ImDrawList* list) {
    const auto& c = app.canvas;
    const auto& e = c.emotion;
    const auto& lay = current_layout(app);
    if (!lay.emotion) return;
    const auto& t = c.transform;
    const float s = app.ui_scale();
    const auto col = canvas_detail::overlay_colors(app);
    const Document& doc = app.doc();
    // The step under the pointer in the peak-end panel.
    if (!app.peak_end.hover_step.empty()) {
        const int i = doc.step_index(app.peak_end.hover_step);
        for (const auto& b : lay.steps)
            if (b.step == i && i >= 0) {
                const ImVec2 a = t.rect_min(b.header), z = t.rect_max(b.column);
                list->AddRectFilled(a, z, col.accent_fill);
                list->AddRect(a, z, col.accent_soft, 0, 0, 2.0f * s);
            }
    }
    const bool dragging = c.gesture == Gesture::RateEmotion;
    const int step = dragging ? doc.step_index(e.step) : e.hover_step;
    const layout::EmotionPoint* pt = point_of(lay, step);
    if (!pt || step < 0) return;
    const ImVec2 at = t.to_screen(pt->pos);
    const float r = std::max(9.0f * t.scale, 7.0f * s);
    if (dragging || (e.hover_point && pt->emotion)) {
        list->AddCircle(at, r, col.accent, 0, 2.0f * s);
        if (dragging && pt->emotion) {
            // The value beside the point, and the scale it snaps to.
            const auto& er = *lay.emotion;
            for (int v = kEmotionMin; v <= kEmotionMax; ++v) {
                const float y = t.to_screen({0, er.baseline_y - static_cast<float>(v) * er.unit}).y;
                list->AddLine(ImVec2(at.x - 5 * s, y), ImVec2(at.x + 5 * s, y), col.accent_soft, 1.5f * s);
            }
            const char* label = emotion_text(*pt->emotion);
            const ImVec2 ts = ImGui::CalcTextSize(label);
            const ImVec2 box(at.x + r + 4 * s, at.y - ts.y / 2 - 2 * s);
            list->AddRectFilled(box, ImVec2(box.x + ts.x + 8 * s, box.y + ts.y + 4 * s), col.accent, 4 * s);
            list->AddText(ImVec2(box.x + 4 * s, box.y + 2 * s), IM_COL32(255, 255, 255, 255), label);
        }
        return;
    }
    if (!pt->emotion) {
        // An unrated slot: a ghost point where a click would rate it.
        const layout::Vec2 mouse = t.to_layout(ImGui::GetIO().MousePos);
        const int v = emotion_value_at(*lay.emotion, mouse.y);
        const ImVec2 g = t.to_screen({pt->pos.x, lay.emotion->baseline_y - static_cast<float>(v) * lay.emotion->unit});
        list->AddCircleFilled(g, 5.0f * std::max(t.scale, 0.6f), col.accent_soft);
        list->AddCircle(at, r, col.accent_soft, 0, 1.5f * s);
        const char* label = emotion_text(v);
        list->AddText(ImVec2(g.x + 9 * s, g.y - ImGui::GetFontSize() / 2), col.accent, label);
    }
}

// [SECTION] Tooltip
void draw_emotion_tooltip(AppState& app) {
    auto& c = app.canvas;
    auto& e = c.emotion;
    e.tooltip_shown = -1;
    const bool dragging = c.gesture == Gesture::RateEmotion;
    const Document& doc = app.doc();
    int step = -1;
    if (dragging) {
        step = doc.step_index(e.step);
    } else {
        if (!c.hovered || e.tooltip_step < 0 || c.gesture != Gesture::None || c.edit.target != EditTarget::None) return;
        if (app.now - e.tooltip_since < 0.3 || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
        step = e.tooltip_step;
    }
    if (step < 0 || static_cast<std::size_t>(step) >= doc.steps.size()) return;
    const Step& s = doc.steps[static_cast<std::size_t>(step)];
    const auto& pe = peak_end_analysis(app);
    e.tooltip_shown = step;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(step_label(s).c_str());
    if (s.emotion) ImGui::Text(tr("Emotion  %s · %s"), emotion_text(*s.emotion), emotion_meaning(*s.emotion));
    else ImGui::TextDisabled("%s", tr("Emotion  not rated"));
    const bool is_peak = pe.peak && pe.peak->step == s.id;
    const bool is_end = pe.end && pe.end->step == s.id;
    const ImVec4 mark(0.80f, 0.47f, 0.65f, 1);
    if (is_peak)
        ImGui::TextColored(mark, tr("Peak (峰值)%s: customers will remember this moment"), pe.peak_pinned ? tr(", pinned") : "");
    if (is_end) ImGui::TextColored(mark, tr("End (终点)%s: the last moment they remember"), pe.end_pinned ? tr(", pinned") : "");
    if (s.peak == false) ImGui::TextDisabled("%s", tr("Excluded from the peak"));
    if (!dragging) {
        ImGui::Separator();
        if (!s.need.empty()) ImGui::TextWrapped(tr("Need: %s"), s.need.c_str());
        else ImGui::TextDisabled("%s", tr("Need: not written"));
        if (!s.opportunity.empty()) ImGui::TextWrapped(tr("Opportunity: %s"), s.opportunity.c_str());
        else ImGui::TextDisabled("%s", tr("Opportunity: not written"));
        ImGui::Separator();
        ImGui::TextDisabled("%s", s.emotion ? tr("Drag up or down to rate · right-click to pin the peak or end")
                                            : tr("Click to rate it where you click · right-click for more"));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// [SECTION] Context menu
void peak_end_menu_items(AppState& app, const StepId& id) {
    const Step* s = app.doc().find(id);
    if (!s) return;
    const Step step = *s;  // the items below may change the document
    auto& rects = app.canvas.emotion.menu_items;
    rects.clear();
    ImGui::TextDisabled("%s", tr("Peak-end · 峰终定律"));
    // `label` is the item's English name (the tests find items by it); `text` is shown translated.
    const auto hint = [&rects](const char* label, const char* text) {
        rects.push_back({label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
    };
    if (ImGui::MenuItem(tr("Pin as peak"), nullptr, step.peak == true)) apply_pin(app, id, PinAction::PinPeak);
    hint("Pin as peak", tr("Make this step the peak customers remember, whatever the ratings elsewhere."));
    if (ImGui::MenuItem(tr("Exclude from peak"), nullptr, step.peak == false)) apply_pin(app, id, PinAction::ExcludePeak);
    hint("Exclude from peak", tr("Never pick this step as the peak (e.g. a moment the service does not own)."));
    if (ImGui::MenuItem(tr("Pin as end"), nullptr, step.end == true)) apply_pin(app, id, PinAction::PinEnd);
    hint("Pin as end", tr("The experience ends here, even if later steps are rated."));
    if (ImGui::MenuItem(tr("Automatic"), nullptr, !step.peak && !step.end)) apply_pin(app, id, PinAction::Automatic);
    hint("Automatic", tr("Peak: the most intense rated step. End: the last rated step."));
    if (ImGui::BeginMenu(tr("Set emotion"))) {
        for (int v = kEmotionMax; v >= kEmotionMin; --v) {
            const std::string label = std::string(emotion_text(v)) + "  " + emotion_meaning(v);
            if (ImGui::MenuItem(label.c_str(), nullptr, step.emotion == v)) set_emotion(app, id, v);
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(tr("Clear emotion"), nullptr, false, step.emotion.has_value())) set_emotion(app, id, std::nullopt);
    hint("Clear emotion", tr("Back to not rated: a gap in the curve."));
}

}  // namespace sm::ui
