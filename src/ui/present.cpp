// Stagemap — workshop mode: the presentation view, its walk through the phases, dot voting,
// the laser pointer, the journey strip (emotion curve with peak and end) and Top voted.
#include "ui/present.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "edit/cards.h"
#include "render/marks.h"
#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/capture.h"
#include "ui/i18n.h"
#include "ui/keys.h"
#include "ui/peak_end_panel.h"
#include "ui/tier_lens.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] Entering and leaving
void enter_presentation(AppState& app) {
    auto& p = app.present;
    if (p.active) return;
    p.active = true;
    p.snap = true;
    p.black = false;
    p.scroll = 0;
    p.show_hints = true;
    p.want_fullscreen = true;
    // Start where the designer was working, else at the first phase.
    p.phase = app.doc().phases.empty() ? -1 : 0;
    const StepId* step = nullptr;
    if (const CardId* c = app.selection.primary())
        if (const Card* card = app.doc().find(*c)) step = &card->step;
    if (!step && app.selection.kind == SelectionKind::Step) step = &app.selection.step;
    if (step)
        if (const Step* s = app.doc().find(*step)) p.phase = app.doc().phase_index(s->phase);
    if (p.phase >= phase_count(app)) p.phase = phase_count(app) - 1;
    // Nothing of the desk's editing shows on the projector.
    app.canvas.edit = InPlaceEdit{};
    app.canvas.gesture = Gesture::None;
    app.selection.clear();
}

void leave_presentation(AppState& app) {
    if (!app.present.active) return;
    app.present.active = false;
    app.present.want_fullscreen = false;
    end_capture(app);
}

void toggle_presentation(AppState& app) {
    if (app.present.active) leave_presentation(app);
    else enter_presentation(app);
}

// [SECTION] The walk
int phase_count(const AppState& app) { return static_cast<int>(app.doc().phases.size()); }

void present_go_to(AppState& app, int phase) {
    auto& p = app.present;
    p.phase = std::clamp(phase, -1, phase_count(app) - 1);
    p.scroll = 0;
}

void present_next(AppState& app) {
    auto& p = app.present;
    if (p.phase < 0) return;  // the overview ends the walk
    present_go_to(app, p.phase + 1 < phase_count(app) ? p.phase + 1 : -1);
}

void present_previous(AppState& app) {
    auto& p = app.present;
    if (p.phase < 0) present_go_to(app, phase_count(app) - 1);
    else if (p.phase > 0) present_go_to(app, p.phase - 1);
}

// [SECTION] View
namespace {

float display_factor(float display_height) { return std::max(display_height, 200.0f) / 1080.0f; }

// The part of the layout the view frames: the phase's columns through every row, or everything.
layout::Rect focus_rect(const layout::BlueprintLayout& lay, int phase) {
    if (phase >= 0) {
        for (const auto& pb : lay.phases)
            if (pb.phase == phase) return {pb.rect.x, lay.grid.y, pb.rect.w, lay.grid.h};
    }
    return lay.grid;
}

float focus_height_limit(const layout::BlueprintLayout& lay) {
    // Scrolling stops once the emotion row (or the last lane) is in view.
    return lay.grid.bottom();
}

void compute_target(AppState& app, ImVec2 region_min, ImVec2 region_size, float display_h) {
    auto& p = app.present;
    const auto& lay = current_layout(app);
    const layout::Rect r = focus_rect(lay, p.phase);
    const float pad = 24 * display_factor(display_h);
    const float w = std::max(region_size.x - 2 * pad, 10.0f), h = std::max(region_size.y - 2 * pad, 10.0f);
    float scale = r.w > 0 && r.h > 0 ? std::min(w / r.w, h / r.h) : 1.0f;
    if (p.phase >= 0) {
        // A phase is shown at reading size at least, and not absurdly large when it has one step.
        const float readable = present_readable_scale(app, display_h);
        scale = std::clamp(scale, readable, readable * 2.5f);
    }
    p.target.scale = scale;
    if (r.w * scale <= w) p.target.origin.x = region_min.x + (region_size.x - r.w * scale) * 0.5f - r.x * scale;
    else p.target.origin.x = region_min.x + pad - r.x * scale;
    const float overflow = std::max(0.0f, (focus_height_limit(lay) - r.y) - h / scale);
    p.scroll = std::clamp(p.scroll, 0.0f, overflow);
    if (r.h * scale <= h) p.target.origin.y = region_min.y + (region_size.y - r.h * scale) * 0.5f - r.y * scale;
    else p.target.origin.y = region_min.y + pad - (r.y + p.scroll) * scale;
}

void ease_view(PresentState& p, double now) {
    const float dt = p.last_time < 0 ? 1.0f : static_cast<float>(std::clamp(now - p.last_time, 0.0, 1.0));
    p.last_time = now;
    if (p.snap) {
        p.current = p.target;
        p.snap = false;
        return;
    }
    const float k = 1.0f - std::exp(-dt * 10.0f);
    auto approach = [k](float& cur, float target) {
        cur += (target - cur) * k;
        if (std::abs(target - cur) < 0.01f) cur = target;
    };
    approach(p.current.scale, p.target.scale);
    approach(p.current.origin.x, p.target.origin.x);
    approach(p.current.origin.y, p.target.origin.y);
    if (std::abs(p.current.scale - p.target.scale) < 0.0005f) p.current.scale = p.target.scale;
}

ImU32 col(render::RGBA c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(static_cast<float>(c.a) * alpha));
}

render::RGBA accent(const AppState& app) {
    return is_dark(effective_theme(app)) ? render::RGBA{120, 190, 255} : render::RGBA{0, 84, 160};
}

// Text in the canvas font with an em of `px` pixels (ImGui sizes fonts by ascender − descender).
void text_at(AppState& app, ImDrawList* list, ImVec2 pos, float px, ImU32 color, const char* text, bool bold = false) {
    ImFont* f = app.fonts.canvas_font(bold);
    if (!f) f = ImGui::GetFont();
    list->AddText(f, px * app.fonts.em_ratio(), pos, color, text);
}

ImVec2 text_size(AppState& app, float px, const char* text, bool bold = false) {
    ImFont* f = app.fonts.canvas_font(bold);
    if (!f) f = ImGui::GetFont();
    return f->CalcTextSizeA(px * app.fonts.em_ratio(), 1e9f, 0, text);
}

// [SECTION] Drawing the stage
void dim_other_phases(AppState& app, ImDrawList* list, const render::Theme& th) {
    const auto& p = app.present;
    if (p.phase < 0) return;
    const auto& lay = current_layout(app);
    for (const auto& pb : lay.phases) {
        if (pb.phase == p.phase) continue;
        const layout::Rect r{pb.rect.x, lay.grid.y, pb.rect.w, lay.grid.h};
        list->AddRectFilled(p.current.rect_min(r), p.current.rect_max(r), col(th.dimmed_overlay, 0.9f));
    }
}

// When the lane headers have scrolled off to the left, their names stay readable at the edge.
void sticky_lane_names(AppState& app, ImDrawList* list, const render::Theme& th, ImVec2 region_min, float px) {
    const auto& p = app.present;
    const auto& lay = current_layout(app);
    if (p.current.to_screen({lay.corner.right(), 0}).x > region_min.x + 4) return;
    const float pad = px * 0.4f;
    for (const auto& lb : lay.lanes) {
        if (lb.name.lines.empty()) continue;
        const std::string& name = lb.name.lines.front();
        const ImVec2 a = p.current.rect_min(lb.row);
        const ImVec2 sz = text_size(app, px, name.c_str(), true);
        const ImVec2 box_min(region_min.x, a.y + 2), box_max(region_min.x + sz.x + 2 * pad, a.y + 2 + sz.y + pad);
        list->AddRectFilled(box_min, box_max, col(th.header_fill, 0.94f), px * 0.25f, ImDrawFlags_RoundCornersRight);
        list->AddRect(box_min, box_max, col(th.grid), px * 0.25f, ImDrawFlags_RoundCornersRight);
        text_at(app, list, ImVec2(box_min.x + pad, box_min.y + pad * 0.5f), px, col(th.text), name.c_str(), true);
    }
}

void hover_outline(AppState& app, ImDrawList* list) {
    const auto& p = app.present;
    if (p.hover_card < 0 || !p.voting) return;
    const auto& lay = current_layout(app);
    const auto& cb = lay.cards[static_cast<std::size_t>(p.hover_card)];
    const ImVec2 a = p.current.rect_min(cb.rect), b = p.current.rect_max(cb.rect);
    list->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), col(accent(app)), 6, 0, 3);
}

// The journey strip: every step's emotion, left to right, the current phase's steps banded,
// the peak (★ "Peak") and the end (⚑ "End") always in view, by shape and word.
void journey_strip(AppState& app, ImDrawList* list, ImVec2 min, ImVec2 max, float px) {
    const auto& lay = current_layout(app);
    const Document& doc = app.doc();
    const render::Theme th = current_theme(app);
    list->AddRectFilled(min, max, col(th.header_fill));
    list->AddLine(min, ImVec2(max.x, min.y), col(th.grid), 2);
    const int n = static_cast<int>(lay.column_order.size());
    if (n == 0) return;
    const float label_w = text_size(app, px * 0.8f, tr("Emotion"), true).x + px;
    text_at(app, list, ImVec2(min.x + px * 0.5f, min.y + px * 0.4f), px * 0.8f, col(th.text), tr("Emotion"), true);
    const float x0 = min.x + label_w, x1 = max.x - px;
    const float plot_top = min.y + px * 1.9f, plot_bottom = max.y - px * 0.6f;
    const float mid = (plot_top + plot_bottom) * 0.5f, unit = (plot_bottom - plot_top) / 4.0f;
    const float dx = (x1 - x0) / static_cast<float>(n);
    auto x_of = [&](int k) { return x0 + (static_cast<float>(k) + 0.5f) * dx; };

    // The current phase's band and every phase's name above its steps.
    const int current = app.present.phase;
    int k = 0;
    while (k < n) {
        const int step = lay.column_order[static_cast<std::size_t>(k)];
        const int phase = doc.phase_index(doc.steps[static_cast<std::size_t>(step)].phase);
        int end = k;
        while (end + 1 < n &&
               doc.phase_index(doc.steps[static_cast<std::size_t>(lay.column_order[static_cast<std::size_t>(end + 1)])].phase) == phase)
            ++end;
        const float bx0 = x0 + static_cast<float>(k) * dx, bx1 = x0 + static_cast<float>(end + 1) * dx;
        if (phase == current)
            list->AddRectFilled(ImVec2(bx0 + 1, min.y + 3), ImVec2(bx1 - 1, max.y - 2), col(accent(app), 0.16f), 4);
        list->AddLine(ImVec2(bx1, min.y + 6), ImVec2(bx1, max.y - 6), col(th.grid), 1);
        if (phase >= 0) {
            const std::string& name = doc.phases[static_cast<std::size_t>(phase)].name;
            const float fpx = px * 0.7f;
            list->PushClipRect(ImVec2(bx0 + 4, min.y), ImVec2(bx1 - 4, max.y), true);
            text_at(app, list, ImVec2(bx0 + 6, min.y + px * 0.45f), fpx,
                    col(phase == current ? th.text : th.muted_text), name.c_str(), phase == current);
            list->PopClipRect();
        }
        k = end + 1;
    }
    list->AddLine(ImVec2(x0, mid), ImVec2(x1, mid), col(th.grid), 1);

    // The curve, with gaps at unrated steps.
    std::vector<ImVec2> run;
    auto flush = [&] {
        if (run.size() > 1) list->AddPolyline(run.data(), static_cast<int>(run.size()), col(th.emotion_curve), 0, px * 0.12f);
        run.clear();
    };
    for (int i = 0; i < n; ++i) {
        const Step& s = doc.steps[static_cast<std::size_t>(lay.column_order[static_cast<std::size_t>(i)])];
        if (!s.emotion) {
            flush();
            continue;
        }
        run.push_back(ImVec2(x_of(i), mid - static_cast<float>(*s.emotion) * unit));
    }
    flush();
    const auto marks = render::peak_end_marks(doc, peak_end_analysis(app));
    ImGuiTextMeasurer measurer(app.fonts);
    ImGuiPainter painter(list, CanvasTransform{}, app.fonts, measurer);
    const bool zh = language() == Lang::ZhCN;
    for (int i = 0; i < n; ++i) {
        const int step = lay.column_order[static_cast<std::size_t>(i)];
        const Step& s = doc.steps[static_cast<std::size_t>(step)];
        const ImVec2 c(x_of(i), mid - static_cast<float>(s.emotion.value_or(0)) * unit);
        if (!s.emotion) {
            list->AddCircle(c, px * 0.22f, col(th.muted_text), 0, 2);
            continue;
        }
        const int e = *s.emotion;
        const render::RGBA pc = e < 0 ? th.emotion_negative : e > 0 ? th.emotion_positive : th.emotion_neutral;
        list->AddCircleFilled(c, px * 0.26f, col(pc));
        const bool peak = std::find(marks.peak_steps.begin(), marks.peak_steps.end(), step) != marks.peak_steps.end();
        const bool end = marks.end_step == step;
        if (!peak && !end) continue;
        // Marks and their words sit above a point in the lower half, below one in the upper half.
        const bool above = e <= 0;
        const float y = above ? c.y - px * 0.5f : c.y + px * 0.5f;
        std::string label;
        if (peak) label += render::mark_label(true, false, marks.peak_pinned, zh);
        if (end) label += std::string(label.empty() ? "" : " · ") + render::mark_label(false, false, marks.end_pinned, zh);
        const float sym = px * 0.45f;
        const float lpx = px * 0.72f;
        const ImVec2 lsz = text_size(app, lpx, label.c_str(), true);
        const float total = sym * 2.2f * static_cast<float>(peak + end) + lsz.x;
        float x = std::clamp(c.x - total * 0.5f, x0, x1 - total);
        const float cy = above ? y - sym : y + sym;
        if (peak) {
            render::peak_symbol(painter, {x + sym, cy}, sym, th.mark);
            x += sym * 2.2f;
        }
        if (end) {
            render::end_symbol(painter, {x + sym * 0.4f, cy + sym}, sym * 2, th.mark);
            x += sym * 2.2f;
        }
        text_at(app, list, ImVec2(x, cy - lsz.y * 0.5f), lpx, col(th.text), label.c_str(), true);
    }
}

// A phase taller than the screen says so at the bottom edge: ↓ scrolls.
void more_below(AppState& app, ImDrawList* list, ImVec2 min, ImVec2 max, float px) {
    const auto& p = app.present;
    const auto& lay = current_layout(app);
    if (p.current.to_screen({0, lay.grid.bottom()}).y <= max.y + 2) return;
    const render::Theme th = current_theme(app);
    const char* text = tr("↓ more below");
    const float tpx = px * 0.7f;
    const ImVec2 sz = text_size(app, tpx, text, true);
    const float pad = tpx * 0.5f;
    const ImVec2 a(min.x + pad, max.y - sz.y - 2.5f * pad);  // bottom left, over the lane headers
    const ImVec2 b(a.x + sz.x + 2 * pad, a.y + sz.y + pad);
    list->AddRectFilled(a, b, col(th.phase_fill, 0.92f), pad);
    text_at(app, list, ImVec2(a.x + pad, a.y + pad * 0.5f), tpx, col(th.phase_text), text, true);
}

void hud(AppState& app, ImDrawList* list, ImVec2 min, ImVec2 max, float px) {
    const auto& p = app.present;
    const Document& doc = app.doc();
    const render::Theme th = current_theme(app);
    std::string title;
    char count[48];
    if (p.phase >= 0 && p.phase < phase_count(app)) {
        std::snprintf(count, sizeof count, tr("Phase %d of %d"), p.phase + 1, phase_count(app));
        title = std::string(count) + "  ·  " + doc.phases[static_cast<std::size_t>(p.phase)].name;
    } else {
        title = doc.title.empty() ? std::string(tr("Overview")) : std::string(tr("Overview")) + "  ·  " + doc.title;
    }
    if (app.view.tier_lens)
        if (const Tier* t = doc.find(*app.view.tier_lens)) title += std::string("  ·  ") + tr("Lens") + ": " + t->name;
    const ImVec2 sz = text_size(app, px, title.c_str(), true);
    const float pad = px * 0.45f;
    // Top right: the blueprint's own corner labels are at the top left.
    const ImVec2 a(max.x - sz.x - 3 * pad, min.y + pad), b(a.x + sz.x + 2 * pad, a.y + sz.y + pad);
    list->AddRectFilled(a, b, col(th.background, 0.92f), pad);
    list->AddRect(a, b, col(th.grid), pad);
    text_at(app, list, ImVec2(a.x + pad, a.y + pad * 0.5f), px, col(th.text), title.c_str(), true);

    // Voting state and the keys, small, at the bottom right of the stage.
    std::string hint = p.voting ? tr("Voting: click a card +1, right-click −1") : tr("Voting off (V)");
    if (p.show_hints) hint += std::string("   ") + tr("→ next  ← previous  Q capture  T top voted  L laser  Esc leave");
    const float hpx = px * 0.62f;
    const ImVec2 hs = text_size(app, hpx, hint.c_str());
    const ImVec2 ha(max.x - hs.x - 3 * pad, max.y - hs.y - 2 * pad);
    list->AddRectFilled(ha, ImVec2(max.x - pad, max.y - pad * 0.5f), col(th.background, 0.9f), pad);
    text_at(app, list, ImVec2(ha.x + pad, ha.y + pad * 0.5f), hpx, col(th.text), hint.c_str());
}

void top_voted_panel(AppState& app, ImDrawList* list, ImVec2 min, ImVec2 max, float px) {
    const render::Theme th = current_theme(app);
    const Document& doc = app.doc();
    const float w = std::min(px * 20, (max.x - min.x) * 0.4f);
    const ImVec2 a(max.x - w, min.y), b = max;
    list->AddRectFilled(a, b, col(th.background, 0.97f));
    list->AddLine(a, ImVec2(a.x, b.y), col(th.grid), 2);
    float y = a.y + px * 0.6f;
    const float x = a.x + px * 0.7f;
    text_at(app, list, ImVec2(x, y), px, col(th.text), tr("Top voted"), true);
    y += px * 1.8f;
    const auto top = top_voted(app);
    if (top.empty()) {
        text_at(app, list, ImVec2(x, y), px * 0.75f, col(th.muted_text), tr("No votes yet: click a card to vote."));
        return;
    }
    list->PushClipRect(a, b, true);
    int rank = 1;
    for (const auto& v : top) {
        const Card& c = doc.cards[static_cast<std::size_t>(v.card)];
        char head[32];
        std::snprintf(head, sizeof head, "%d.  ● %lld", rank++, v.votes);
        text_at(app, list, ImVec2(x, y), px * 0.8f, col(accent(app)), head, true);
        const std::string title = c.title.empty() ? std::string(tr("(untitled card)")) : c.title.substr(0, c.title.find('\n'));
        text_at(app, list, ImVec2(x + px * 4.2f, y), px * 0.8f, col(th.text), title.c_str(), true);
        if (const Step* s = doc.find(c.step))
            text_at(app, list, ImVec2(x + px * 4.2f, y + px * 1.05f), px * 0.62f, col(th.muted_text), s->name.c_str());
        y += px * 2.2f;
        if (y > b.y) break;
    }
    list->PopClipRect();
}

void laser(AppState& app, ImDrawList* list, ImVec2 min, ImVec2 max, float px) {
    auto& p = app.present;
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x != p.last_pointer.x || m.y != p.last_pointer.y) {
        p.last_pointer = m;
        p.pointer_moved_at = app.now;
    }
    if (!p.laser || m.x < min.x || m.y < min.y || m.x > max.x || m.y > max.y) return;
    if (app.now - p.pointer_moved_at > 3.0) return;  // a resting pointer fades out of the way
    // A dialog over the stage (a refused file, unsaved changes) needs the real pointer on its
    // buttons, not a dot drawn above it.
    if (widgets::any_popup_open()) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_None);
    const float r = px * 0.45f;
    list->AddCircleFilled(m, r * 2.2f, IM_COL32(255, 30, 30, 40));
    list->AddCircleFilled(m, r * 1.4f, IM_COL32(255, 30, 30, 90));
    list->AddCircleFilled(m, r * 0.8f, IM_COL32(255, 40, 40, 230));
    list->AddCircleFilled(m, r * 0.3f, IM_COL32(255, 220, 220, 255));
}

// [SECTION] Input
bool key(int k, bool repeat = false) { return ImGui::IsKeyPressed(k, repeat); }
bool named(ImGuiKey k, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), repeat); }

void handle_keys(AppState& app) {
    auto& p = app.present;
    const ImGuiIO& io = ImGui::GetIO();
    if (capturing(app) || io.WantTextInput) return;
    if (widgets::any_popup_open()) return;
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if (ctrl) {
        if (key(keys::Z, true)) io.KeyShift ? redo(app) : undo(app);
        if (key(keys::Y, true)) redo(app);
        if (key(keys::S)) action_save(app);
        return;
    }
    const int before = p.phase;
    if (named(ImGuiKey_Escape)) {
        if (p.black) p.black = false;
        else leave_presentation(app);
        return;
    }
    if (named(ImGuiKey_RightArrow) || named(ImGuiKey_PageDown) || named(ImGuiKey_Space)) present_next(app);
    if (named(ImGuiKey_LeftArrow) || named(ImGuiKey_PageUp) || named(ImGuiKey_Backspace)) present_previous(app);
    if (named(ImGuiKey_Home)) present_go_to(app, 0);
    if (named(ImGuiKey_End) || key(keys::O)) present_go_to(app, p.phase < 0 ? 0 : -1);
    const float line = 80;
    if (named(ImGuiKey_DownArrow, true)) p.scroll += line;
    if (named(ImGuiKey_UpArrow, true)) p.scroll = std::max(0.0f, p.scroll - line);
    if (key(keys::B) || key(keys::Period)) p.black = !p.black;
    if (key(keys::L)) p.laser = !p.laser;
    if (key(keys::V)) p.voting = !p.voting;
    if (key(keys::T)) app.top_voted.open = !app.top_voted.open;
    if (key(keys::Q)) begin_capture(app);
    if (key(keys::Key0)) set_tier_lens(app, std::nullopt);
    for (int i = 1; i <= 9; ++i)
        if (key(keys::Key0 + i) && i <= static_cast<int>(app.doc().tiers.size()))
            set_tier_lens(app, app.doc().tiers[static_cast<std::size_t>(i - 1)].id);
    if (p.phase != before) p.show_hints = false;  // the walk has begun: the keys are known
}

void handle_pointer(AppState& app) {
    auto& p = app.present;
    const ImGuiIO& io = ImGui::GetIO();
    const auto& lay = current_layout(app);
    p.hover_card = -1;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        const layout::Vec2 at = p.current.to_layout(io.MousePos);
        p.hover_card = lay.card_at(at);
        if (io.MouseWheel != 0) p.scroll = std::max(0.0f, p.scroll - io.MouseWheel * 60);
    }
    if (!p.voting || p.hover_card < 0 || p.black) return;
    const CardId id = app.doc().cards[static_cast<std::size_t>(lay.cards[static_cast<std::size_t>(p.hover_card)].card)].id;
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) run(app, edit::change_votes(app.doc(), {id}, +1));
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) run(app, edit::change_votes(app.doc(), {id}, -1));
}

}  // namespace

float present_readable_scale(const AppState& app, float display_height) {
    const float font = app.layout_cache.valid ? app.layout_cache.layout.style.font_size : layout::LayoutStyle{}.font_size;
    return kPresentCardTextPx / std::max(font, 1.0f) * display_factor(display_height);
}

// [SECTION] Frame
void draw_presentation(AppState& app) {
    auto& p = app.present;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    widgets::begin_backdrop("##present", vp->Pos, vp->Size,
                            ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);

    const float display_h = vp->Size.y;
    const float df = display_factor(display_h);
    const float px = kPresentCardTextPx * df;  // the stage's own text size
    const ImVec2 min = vp->Pos;
    const ImVec2 max(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y);
    const float strip_h = px * 5.2f;
    const float capture_h = capturing(app) ? capture_bar_height(app) : 0.0f;
    const ImVec2 stage_max(max.x, max.y - strip_h - capture_h);
    const ImVec2 stage_size(stage_max.x - min.x, stage_max.y - min.y);
    if (stage_size.x != p.region_size.x || stage_size.y != p.region_size.y) {
        p.region_size = stage_size;
        p.snap = true;
    }

    ImGui::InvisibleButton("##stage", ImVec2(std::max(stage_size.x, 1.0f), std::max(stage_size.y, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    handle_keys(app);
    handle_pointer(app);
    if (!p.active) {  // Esc
        ImGui::End();
        return;
    }
    compute_target(app, min, stage_size, display_h);
    ease_view(p, app.now);

    ImDrawList* list = ImGui::GetWindowDrawList();
    const render::Theme th = current_theme(app);
    if (p.black) {
        list->AddRectFilled(min, max, IM_COL32(0, 0, 0, 255));
        ImGui::End();
        return;
    }
    list->PushClipRect(min, stage_max, true);
    paint_scene(app, list, p.current, min, stage_max);
    dim_other_phases(app, list, th);
    hover_outline(app, list);
    sticky_lane_names(app, list, th, min, px * 0.75f);
    more_below(app, list, min, stage_max, px);
    hud(app, list, min, stage_max, px);
    if (app.top_voted.open) top_voted_panel(app, list, min, stage_max, px);
    list->PopClipRect();
    journey_strip(app, list, ImVec2(min.x, stage_max.y), ImVec2(max.x, stage_max.y + strip_h), px);
    laser(app, ImGui::GetForegroundDrawList(), min, stage_max, px);
    ImGui::End();
    draw_capture_window(app);  // below the journey strip
}

// [SECTION] Top voted
std::vector<VotedCard> top_voted(const AppState& app, std::size_t limit) {
    std::vector<VotedCard> out;
    const auto& cards = app.doc().cards;
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (cards[i].votes > 0) out.push_back({static_cast<int>(i), static_cast<long long>(cards[i].votes)});
    std::stable_sort(out.begin(), out.end(), [](const VotedCard& a, const VotedCard& b) { return a.votes > b.votes; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

void draw_top_voted_window(AppState& app) {
    if (!app.top_voted.open || app.present.active) return;
    const float s = app.ui_scale();
    ImGui::SetNextWindowSize(ImVec2(380 * s, 420 * s), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(tr_id("Top voted", "top_voted").c_str(), &app.top_voted.open)) {
        ImGui::End();
        return;
    }
    const auto top = top_voted(app, 50);
    if (top.empty()) ImGui::TextWrapped("%s", tr("No votes yet. In presentation mode (F5), click a card to vote."));
    const Document& doc = app.doc();
    if (!top.empty() && ImGui::BeginTable("##top", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Votes"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr("Card"));
        ImGui::TableSetupColumn(tr("Step"));
        ImGui::TableHeadersRow();
        for (const auto& v : top) {
            const Card& c = doc.cards[static_cast<std::size_t>(v.card)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::Text("%lld", v.votes);
            ImGui::TableSetColumnIndex(1);
            ImGui::PushID(v.card);
            const std::string title = c.title.empty() ? std::string(tr("(untitled card)")) : c.title;
            if (ImGui::Selectable(title.c_str(), app.selection.has(c.id), ImGuiSelectableFlags_SpanAllColumns)) {
                app.selection.set_card(c.id);
                for (const auto& cb : current_layout(app).cards)
                    if (cb.card == v.card) reveal(app, cb.rect);
            }
            ImGui::PopID();
            ImGui::TableSetColumnIndex(2);
            if (const Step* s2 = doc.find(c.step)) ImGui::TextUnformatted(s2->name.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace sm::ui
