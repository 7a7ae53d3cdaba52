// Stagemap — editing text in place on the canvas (card titles, step, lane and phase names)
// and the canvas's context menu.
#include <algorithm>
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiInputTextState: the editor's horizontal scroll
#include <imgui_stdlib.h>

#include "edit/edit.h"
#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/i18n.h"

namespace sm::ui {

// [SECTION] Starting and ending
void begin_edit(AppState& app, EditTarget target, const std::string& id, bool created) {
    auto& e = app.canvas.edit;
    const Document& doc = app.doc();
    e = InPlaceEdit{};
    e.target = target;
    e.id = id;
    e.focus = true;
    e.created = created;
    e.created_revision = app.session.history.revision();
    switch (target) {
        case EditTarget::CardTitle:
            if (const Card* c = doc.find(CardId(id))) e.buffer = c->title;
            break;
        case EditTarget::StepName:
            if (const Step* s = doc.find(StepId(id))) e.buffer = s->name;
            break;
        case EditTarget::LaneName:
            if (const Lane* l = doc.find(LaneId(id))) e.buffer = l->name;
            break;
        case EditTarget::PhaseName:
            if (const Phase* p = doc.find(PhaseId(id))) e.buffer = p->name;
            break;
        case EditTarget::None:
            break;
    }
}

bool editing(const AppState& app) { return app.canvas.edit.target != EditTarget::None; }

namespace canvas_detail {

namespace {

// True when the newest undo step is still the add that opened the editor.
bool add_is_last(const AppState& app, const InPlaceEdit& e) {
    return e.created && app.session.history.can_undo() && app.session.history.revision() == e.created_revision;
}

void commit(AppState& app) {
    const InPlaceEdit e = app.canvas.edit;
    app.canvas.edit = InPlaceEdit{};
    const Document& doc = app.doc();
    switch (e.target) {
        case EditTarget::CardTitle: {
            const Card* c = doc.find(CardId(e.id));
            if (!c) break;
            Card v = *c;
            v.title = e.buffer;
            if (add_is_last(app, e)) {
                // "Add card, then type its title" is one undo step: take the add back and add
                // the card again with its title, at the same place.
                const int position = edit::cell_position(doc, v.id);
                app.session.history.undo();
                if (!e.buffer.empty()) run(app, edit::add_card(app.doc(), v, position));
                app.selection.prune(app.doc());
                if (app.doc().find(v.id)) app.selection.set_card(v.id);
                return;
            }
            const CardId id = v.id;
            run(app, edit::set_card(doc, id, std::move(v)));
            break;
        }
        case EditTarget::StepName:
            run(app, edit::rename_step(doc, StepId(e.id), e.buffer));
            break;
        case EditTarget::LaneName:
            run(app, edit::rename_lane(doc, LaneId(e.id), e.buffer));
            break;
        case EditTarget::PhaseName:
            run(app, edit::rename_phase(doc, PhaseId(e.id), e.buffer));
            break;
        case EditTarget::None:
            break;
    }
}

void cancel(AppState& app) {
    const InPlaceEdit e = app.canvas.edit;
    app.canvas.edit = InPlaceEdit{};
    if (add_is_last(app, e)) {
        app.session.history.undo();
        app.selection.prune(app.doc());
    }
}

// The rectangle (layout coordinates) the editor covers, and the font size of its text.
bool target_rect(AppState& app, layout::Rect& r, float& font_size) {
    const auto& e = app.canvas.edit;
    const Document& doc = app.doc();
    const auto& lay = current_layout(app);
    font_size = lay.style.font_size;
    switch (e.target) {
        case EditTarget::CardTitle: {
            const int i = doc.card_index(CardId(e.id));
            for (const auto& b : lay.cards)
                if (b.card == i && i >= 0) {
                    r = b.rect;
                    return true;
                }
            return false;
        }
        case EditTarget::StepName: {
            const int i = doc.step_index(StepId(e.id));
            font_size = lay.style.header_font_size;
            for (const auto& b : lay.steps)
                if (b.step == i && i >= 0) {
                    r = b.header;
                    return true;
                }
            return false;
        }
        case EditTarget::LaneName: {
            const int i = doc.lane_index(LaneId(e.id));
            font_size = lay.style.header_font_size;
            for (const auto& b : lay.lanes)
                if (b.lane == i && i >= 0) {
                    r = b.header;
                    return true;
                }
            return false;
        }
        case EditTarget::PhaseName: {
            const int i = doc.phase_index(PhaseId(e.id));
            font_size = lay.style.header_font_size;
            for (const auto& b : lay.phases)
                if (b.phase == i && i >= 0) {
                    r = b.rect;
                    return true;
                }
            return false;
        }
        case EditTarget::None:
            return false;
    }
    return false;
}

}  // namespace

// [SECTION] The editor
namespace {

// Puts the cursor at the end of the text on the editor's first frames (ImGui starts it at 0).
int cursor_to_end(ImGuiInputTextCallbackData* data) {
    auto* e = static_cast<InPlaceEdit*>(data->UserData);
    if (e->frames <= 2) {
        data->CursorPos = data->BufTextLen;
        data->SelectionStart = data->SelectionEnd = data->CursorPos;
    }
    return 0;
}

// The canvas font when it has every character of the text, else the UI font (which also holds
// the common Chinese characters): characters typed in are baked into the canvas font once the
// edit is committed, not on every keystroke.
ImFont* editor_font(AppState& app, const std::string& text) {
    ImFont* canvas = app.fonts.canvas_font(false);
    CodePoints cps;
    add_utf8(cps, text);
    for (char32_t cp : cps)
        if (cp <= 0xFFFF && !needs_no_glyph(cp) && !canvas->FindGlyphNoFallback(static_cast<ImWchar>(cp)))
            return app.fonts.ui_font();
    return canvas;
}

}  // namespace

void draw_in_place_editor(AppState& app) {
    auto& e = app.canvas.edit;
    if (e.target == EditTarget::None) return;
    layout::Rect r;
    float font_size = 14;
    if (!target_rect(app, r, font_size)) {
        app.canvas.edit = InPlaceEdit{};
        return;
    }
    if (e.frames == 0) reveal(app, r);
    const auto& t = app.canvas.transform;
    const auto& c = app.canvas;
    ImGuiIO& io = ImGui::GetIO();
    // The text keeps the size it has on the canvas, but never smaller than the UI's.
    ImFont* font = editor_font(app, e.buffer);
    const float ui_px = ImGui::GetFontSize();
    const float px = std::max(font_size * t.scale * app.fonts.em_ratio(), ui_px);
    // The box covers the card and grows with the text (ImGui does not wrap multi-line input).
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 text = font->CalcTextSizeA(px, FLT_MAX, 0, e.buffer.c_str());
    ImVec2 a = t.rect_min(r), b = t.rect_max(r);
    const float w = std::clamp(std::max({b.x - a.x, text.x + 2 * pad.x + 3 * px, 8 * px}), 1.0f,
                               std::max(c.region_max.x - a.x - 8, 8 * px));
    // Once the box has grown to fit the text, undo any horizontal scroll a burst of typing left.
    if (ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetID("##in_place")))
        if (text.x + 2 * pad.x < w) st->ScrollX = 0;
    const float h = std::max({b.y - a.y, text.y + 2 * pad.y + px * 0.5f, 2.4f * px});
    b = ImVec2(a.x + w, a.y + h);

    ImGui::SetCursorScreenPos(a);
    ImGui::PushFont(font);
    ImGui::SetWindowFontScale(px / font->FontSize);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    if (e.focus) ImGui::SetKeyboardFocusHere();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    // Enter commits and Shift+Enter breaks the line: ImGui's Ctrl+Enter-for-new-line mode, with
    // Shift standing in for Ctrl while the editor reads its keys.
    const bool shift_enter = io.KeyShift && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                             ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
    const bool saved_ctrl = io.KeyCtrl;
    const ImGuiKeyModFlags saved_mods = io.KeyMods;
    if (shift_enter) {
        io.KeyCtrl = true;
        io.KeyMods |= ImGuiKeyModFlags_Ctrl;
    }
    ImGui::InputTextMultiline("##in_place", &e.buffer, ImVec2(b.x - a.x, b.y - a.y),
                              ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_CallbackAlways,
                              cursor_to_end, &e);
    io.KeyCtrl = saved_ctrl;
    io.KeyMods = saved_mods;
    const bool active = ImGui::IsItemActive();
    const bool deactivated = ImGui::IsItemDeactivated();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    ImGui::SetWindowFontScale(1);
    ImGui::PopFont();

    ++e.frames;
    if (e.focus) {
        e.focus = false;
        return;  // the focus request takes effect next frame
    }
    if (escape) cancel(app);
    else if (deactivated || (!active && e.frames > 3)) commit(app);
}

// [SECTION] Card tooltip
// What the canvas does not show (detail, fail text, owner, tiers) when the pointer rests on a card.
void draw_card_tooltip(AppState& app) {
    const auto& c = app.canvas;
    if (c.tooltip_card < 0 || c.gesture != Gesture::None || c.edit.target != EditTarget::None) return;
    if (app.now - c.tooltip_since < 0.6 || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const auto& lay = current_layout(app);
    if (static_cast<std::size_t>(c.tooltip_card) >= lay.cards.size()) return;
    const int i = lay.cards[static_cast<std::size_t>(c.tooltip_card)].card;
    if (i < 0 || static_cast<std::size_t>(i) >= app.doc().cards.size()) return;
    const Card& card = app.doc().cards[static_cast<std::size_t>(i)];
    const bool anything = !card.detail.empty() || card.is_fail_point() || card.is_wait_point() || !card.owner.empty() ||
                          !card.tiers.empty();
    if (!anything) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(card.title.c_str());
    if (!card.detail.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(card.detail.c_str());
    }
    if (card.is_fail_point()) ImGui::TextColored(ImVec4(0.84f, 0.37f, 0.0f, 1), "F  %s", card.fail.c_str());
    if (card.is_wait_point()) ImGui::TextColored(ImVec4(0.80f, 0.55f, 0.0f, 1), tr("W  %.4g min"), *card.wait_min);
    if (!card.owner.empty()) ImGui::TextDisabled(tr("Owner: %s"), card.owner.c_str());
    if (!card.tiers.empty()) {
        std::string tiers;
        for (const auto& t : card.tiers) {
            const Tier* tier = app.doc().find(t);
            if (!tiers.empty()) tiers += tr(", ");  // the list separator: 、 in Chinese
            tiers += tier && !tier->name.empty() ? tier->name : t.str();
        }
        ImGui::TextDisabled(tr("Tiers: %s"), tiers.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// [SECTION] Context menu
void draw_context_menu(AppState& app) {
    if (!ImGui::BeginPopup("##canvas_menu")) return;
    auto& c = app.canvas;
    const Document& doc = app.doc();
    const bool on_card = app.selection.kind == SelectionKind::Cards && !app.selection.cards.empty() && c.context_card >= 0;
    if (on_card) {
        if (ImGui::MenuItem(tr("Edit title"), "Enter") && app.selection.primary())
            begin_edit(app, EditTarget::CardTitle, app.selection.primary()->str());
        if (ImGui::MenuItem(tr("Duplicate"), "Ctrl+D")) duplicate_selection(app);
        if (ImGui::MenuItem(tr("Cut"), "Ctrl+X")) cut_selection(app);
        if (ImGui::MenuItem(tr("Copy"), "Ctrl+C")) copy_selection(app);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Delete"), "Del")) delete_selection(app);
    } else if (c.context_lane >= 0 && c.context_step >= 0 && static_cast<std::size_t>(c.context_lane) < doc.lanes.size() &&
               static_cast<std::size_t>(c.context_step) < doc.steps.size()) {
        const Cell cell{doc.lanes[static_cast<std::size_t>(c.context_lane)].id,
                        doc.steps[static_cast<std::size_t>(c.context_step)].id};
        if (ImGui::MenuItem(tr("Add card here"))) {
            const CardId id = add_card_in_cell(app, cell);
            if (!id.empty()) begin_edit(app, EditTarget::CardTitle, id.str(), true);
        }
        if (ImGui::MenuItem(tr("Paste here"), "Ctrl+V")) {
            app.selection.clear();
            app.selection.set_cell(cell.lane, cell.step);
            paste(app);
        }
    } else if (app.selection.kind == SelectionKind::Step) {
        const StepId step = app.selection.step;
        if (ImGui::MenuItem(tr("Rename step"), "Enter")) begin_edit(app, EditTarget::StepName, step.str());
        if (ImGui::MenuItem(tr("Add step after"))) add_step(app);
        if (ImGui::MenuItem(tr("Delete step"), "Del")) delete_selection(app);
        ImGui::Separator();
        peak_end_menu_items(app, step);
    } else if (app.selection.kind == SelectionKind::Lane) {
        if (ImGui::MenuItem(tr("Rename lane"), "Enter")) begin_edit(app, EditTarget::LaneName, app.selection.lane.str());
        if (ImGui::MenuItem(tr("Add lane below"))) add_lane(app);
        if (ImGui::MenuItem(tr("Delete lane"), "Del")) delete_selection(app);
    } else if (app.selection.kind == SelectionKind::Phase) {
        if (ImGui::MenuItem(tr("Rename phase"), "Enter")) begin_edit(app, EditTarget::PhaseName, app.selection.phase.str());
        if (ImGui::MenuItem(tr("Add phase after"))) add_phase(app);
        if (ImGui::MenuItem(tr("Add step to phase"))) add_step(app);
        if (ImGui::MenuItem(tr("Delete phase"), "Del")) delete_selection(app);
    } else if (app.selection.kind == SelectionKind::Connector) {
        if (ImGui::MenuItem(tr("Reverse"))) run(app, edit::reverse_connector(doc, app.selection.connector));
        if (ImGui::MenuItem(tr("Delete connector"), "Del")) delete_selection(app);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Zoom to fit"), "F")) zoom_to_fit(app);
    ImGui::EndPopup();
}

}  // namespace canvas_detail

}  // namespace sm::ui
