// Stagemap — what the canvas draws on top of the static scene: hover, selection, the keyboard
// cell, connection handles, drop targets, the rubber band and the connector being dragged.
#include <algorithm>
#include <cmath>

#include "edit/primitives.h"
#include "ui/app_state.h"
#include "ui/canvas.h"

namespace sm::ui {

namespace canvas_detail {

// [SECTION] Colours
OverlayColors overlay_colors(const AppState& app) {
    const bool dark = app.settings.theme == ThemeChoice::Dark;
    OverlayColors c{};
    c.accent = dark ? IM_COL32(96, 165, 250, 255) : IM_COL32(37, 99, 235, 255);
    c.accent_soft = dark ? IM_COL32(96, 165, 250, 150) : IM_COL32(37, 99, 235, 130);
    c.accent_fill = dark ? IM_COL32(96, 165, 250, 40) : IM_COL32(37, 99, 235, 28);
    c.handle_fill = dark ? IM_COL32(30, 34, 40, 255) : IM_COL32(255, 255, 255, 255);
    c.ghost_fill = dark ? IM_COL32(50, 56, 66, 200) : IM_COL32(255, 255, 255, 210);
    c.ghost_text = dark ? IM_COL32(230, 233, 238, 255) : IM_COL32(28, 32, 38, 255);
    return c;
}

namespace {

const layout::CardBox* box_of(const AppState& app, const layout::BlueprintLayout& lay, const CardId& id) {
    const int i = app.doc().card_index(id);
    if (i < 0) return nullptr;
    for (const auto& b : lay.cards)
        if (b.card == i) return &b;
    return nullptr;
}

void outline(ImDrawList* list, const CanvasTransform& t, const layout::Rect& r, ImU32 col, float grow, float width,
             float rounding) {
    const ImVec2 a = t.rect_min(r), b = t.rect_max(r);
    list->AddRect(ImVec2(a.x - grow, a.y - grow), ImVec2(b.x + grow, b.y + grow), col, rounding + grow, 0, width);
}

void fill(ImDrawList* list, const CanvasTransform& t, const layout::Rect& r, ImU32 col) {
    list->AddRectFilled(t.rect_min(r), t.rect_max(r), col);
}

layout::Rect united(const layout::Rect& a, const layout::Rect& b) {
    const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const float x1 = std::max(a.right(), b.right()), y1 = std::max(a.bottom(), b.bottom());
    return {x0, y0, x1 - x0, y1 - y0};
}

void arrow_head(ImDrawList* list, ImVec2 from, ImVec2 to, ImU32 col, float size) {
    const float dx = to.x - from.x, dy = to.y - from.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 1) return;
    const float ux = dx / len, uy = dy / len;
    const ImVec2 base(to.x - ux * size, to.y - uy * size);
    list->AddTriangleFilled(to, ImVec2(base.x - uy * size * 0.5f, base.y + ux * size * 0.5f),
                            ImVec2(base.x + uy * size * 0.5f, base.y - ux * size * 0.5f), col);
}

// [SECTION] Pieces
void draw_selection(AppState& app, ImDrawList* list, const layout::BlueprintLayout& lay, const OverlayColors& col) {
    const auto& t = app.canvas.transform;
    const float s = app.ui_scale();
    const auto& sel = app.selection;
    const Document& doc = app.doc();
    switch (sel.kind) {
        case SelectionKind::Cards:
            for (const auto& id : sel.cards)
                if (const auto* b = box_of(app, lay, id)) outline(list, t, b->rect, col.accent, 2.5f * s, 2.0f * s, 4 * t.scale);
            break;
        case SelectionKind::Step: {
            const int i = doc.step_index(sel.step);
            for (const auto& b : lay.steps)
                if (b.step == i) {
                    fill(list, t, b.column, col.accent_fill);
                    outline(list, t, united(b.header, b.column), col.accent, 0, 2.0f * s, 0);
                }
            break;
        }
        case SelectionKind::Lane: {
            const int i = doc.lane_index(sel.lane);
            for (const auto& b : lay.lanes)
                if (b.lane == i) {
                    fill(list, t, b.row, col.accent_fill);
                    outline(list, t, b.row, col.accent, 0, 2.0f * s, 0);
                }
            break;
        }
        case SelectionKind::Phase: {
            const int i = doc.phase_index(sel.phase);
            for (const auto& b : lay.phases)
                if (b.phase == i) {
                    fill(list, t, b.body, col.accent_fill);
                    outline(list, t, united(b.rect, b.body), col.accent, 0, 2.0f * s, 0);
                }
            break;
        }
        case SelectionKind::Connector: {
            const int i = edit::resolve(doc, sel.connector);
            for (const auto& c : lay.connectors)
                if (c.connector == i && c.points.size() >= 2) {
                    ImVector<ImVec2> pts;
                    for (const auto& p : c.points) pts.push_back(t.to_screen(p));
                    list->AddPolyline(pts.Data, pts.Size, col.accent_soft, ImDrawFlags_None, 5.0f * s);
                    list->AddPolyline(pts.Data, pts.Size, col.accent, ImDrawFlags_None, 2.0f * s);
                    for (const auto& p : {pts[0], pts[pts.Size - 1]}) {
                        list->AddCircleFilled(p, 4.0f * s, col.handle_fill);
                        list->AddCircle(p, 4.0f * s, col.accent, 0, 1.5f * s);
                    }
                }
            break;
        }
        case SelectionKind::None:
            break;
    }
    // The keyboard's cell, when no card marks it.
    if (sel.kind == SelectionKind::None && !sel.cell_lane.empty()) {
        const int l = doc.lane_index(sel.cell_lane), st = doc.step_index(sel.cell_step);
        if (l >= 0 && st >= 0) {
            const layout::Rect r = lay.cell(l, st);
            fill(list, t, r, col.accent_fill);
            outline(list, t, r, col.accent_soft, -1.0f * s, 1.5f * s, 0);
        }
    }
}

void draw_handles(AppState& app, ImDrawList* list, const layout::BlueprintLayout& lay, const OverlayColors& col) {
    const auto& c = app.canvas;
    if (c.gesture != Gesture::None || c.edit.target != EditTarget::None) return;
    const float s = app.ui_scale();
    auto handles_for = [&](const layout::Rect& r) {
        if ((r.w * c.transform.scale) < 40) return;  // too small to aim at
        for (Side side : {Side::Top, Side::Right, Side::Bottom, Side::Left}) {
            const bool hot = c.hover_handle == side && c.hover_card >= 0 &&
                             lay.cards[static_cast<std::size_t>(c.hover_card)].rect == r;
            const ImVec2 p = handle_pos(app, r, side);
            const float radius = (hot ? 6.0f : 4.0f) * s;
            list->AddCircleFilled(p, radius, hot ? col.accent : col.handle_fill);
            list->AddCircle(p, radius, col.accent, 0, 1.5f * s);
        }
    };
    if (c.hover_card >= 0) handles_for(lay.cards[static_cast<std::size_t>(c.hover_card)].rect);
    if (app.selection.kind == SelectionKind::Cards && app.selection.cards.size() == 1)
        if (const auto* b = box_of(app, lay, app.selection.cards.front()))
            if (c.hover_card < 0 || !(lay.cards[static_cast<std::size_t>(c.hover_card)].rect == b->rect)) handles_for(b->rect);
}

void draw_move(AppState& app, ImDrawList* list, const layout::BlueprintLayout& lay, const OverlayColors& col) {
    const auto& c = app.canvas;
    const auto& t = c.transform;
    const float s = app.ui_scale();
    if (c.drop.valid()) {
        const layout::Rect cell = lay.cell(c.drop.lane, c.drop.step);
        fill(list, t, cell, col.accent_fill);
        outline(list, t, cell, col.accent, -1.0f * s, 2.0f * s, 0);
        // The insertion bar between the cards the drop lands between.
        const auto in_cell = lay.cards_in_cell(c.drop.lane, c.drop.step);
        const float gap = lay.style.card_gap;
        float y = cell.y + lay.style.cell_padding * 0.5f;
        if (!in_cell.empty()) {
            if (c.drop.slot < static_cast<int>(in_cell.size()))
                y = lay.cards[static_cast<std::size_t>(in_cell[static_cast<std::size_t>(std::max(c.drop.slot, 0))])].rect.y - gap * 0.5f;
            else
                y = lay.cards[static_cast<std::size_t>(in_cell.back())].rect.bottom() + gap * 0.5f;
        }
        const ImVec2 a = t.to_screen({cell.x + lay.style.cell_padding, y});
        const ImVec2 b = t.to_screen({cell.right() - lay.style.cell_padding, y});
        list->AddLine(a, b, col.accent, 3.0f * s);
        list->AddCircleFilled(a, 3.5f * s, col.accent);
        list->AddCircleFilled(b, 3.5f * s, col.accent);
    }
    // Ghosts of the moved cards follow the pointer.
    const ImVec2 delta(ImGui::GetIO().MousePos.x - c.press_pos.x, ImGui::GetIO().MousePos.y - c.press_pos.y);
    for (const auto& id : app.selection.cards) {
        const auto* b = box_of(app, lay, id);
        if (!b) continue;
        ImVec2 a = t.rect_min(b->rect), z = t.rect_max(b->rect);
        a.x += delta.x;
        a.y += delta.y;
        z.x += delta.x;
        z.y += delta.y;
        list->AddRectFilled(ImVec2(a.x + 3 * s, a.y + 4 * s), ImVec2(z.x + 3 * s, z.y + 4 * s), IM_COL32(0, 0, 0, 40), 4 * t.scale);
        list->AddRectFilled(a, z, col.ghost_fill, 4 * t.scale);
        list->AddRect(a, z, col.accent, 4 * t.scale, 0, 1.5f * s);
        if (const Card* card = app.doc().find(id); card && !b->title.lines.empty()) {
            ImFont* font = app.fonts.canvas_font(false);
            const float size = b->title.font_size * t.scale * app.fonts.em_ratio();
            const ImVec4 clip(a.x, a.y, z.x, z.y);
            const ImVec2 text_at = t.to_screen(b->title.origin);
            list->AddText(font, size, ImVec2(text_at.x + delta.x, text_at.y + delta.y), col.ghost_text,
                          b->title.lines.front().c_str(), nullptr, 0, &clip);
        }
    }
}

void draw_connect(AppState& app, ImDrawList* list, const layout::BlueprintLayout& lay, const OverlayColors& col) {
    const auto& c = app.canvas;
    const auto& t = c.transform;
    const float s = app.ui_scale();
    const auto* from = box_of(app, lay, c.connect_from);
    if (!from) return;
    ImVec2 end = ImGui::GetIO().MousePos;
    if (c.connect_target >= 0) {
        const auto& target = lay.cards[static_cast<std::size_t>(c.connect_target)];
        outline(list, t, target.rect, col.accent, 2.5f * s, 2.0f * s, 4 * t.scale);
        const auto ctr = target.rect.center();
        end = t.to_screen(ctr);
    }
    const ImVec2 start = handle_pos(app, from->rect, c.connect_side);
    list->AddLine(start, end, col.accent, 2.0f * s);
    arrow_head(list, start, end, col.accent, 10 * s);
    list->AddCircleFilled(start, 4 * s, col.accent);
}

}  // namespace

// [SECTION] Overlay
void draw_overlay(AppState& app, ImDrawList* list) {
    const auto& lay = current_layout(app);
    const auto col = overlay_colors(app);
    const auto& c = app.canvas;
    const float s = app.ui_scale();

    if (c.hover_card >= 0 && c.gesture == Gesture::None) {
        const auto& b = lay.cards[static_cast<std::size_t>(c.hover_card)];
        const CardId* id = b.card >= 0 ? &app.doc().cards[static_cast<std::size_t>(b.card)].id : nullptr;
        if (id && !app.selection.has(*id)) outline(list, c.transform, b.rect, col.accent_soft, 1.5f * s, 1.5f * s, 4 * c.transform.scale);
    }
    if (c.hover_connector >= 0 && static_cast<std::size_t>(c.hover_connector) < lay.connectors.size()) {
        const auto& k = lay.connectors[static_cast<std::size_t>(c.hover_connector)];
        ImVector<ImVec2> pts;
        for (const auto& p : k.points) pts.push_back(c.transform.to_screen(p));
        if (pts.Size >= 2) list->AddPolyline(pts.Data, pts.Size, col.accent_soft, ImDrawFlags_None, 3.0f * s);
    }
    draw_selection(app, list, lay, col);
    switch (c.gesture) {
        case Gesture::MoveCards:
            draw_move(app, list, lay, col);
            break;
        case Gesture::RubberBand: {
            const ImVec2 a(std::min(c.press_pos.x, c.band_end.x), std::min(c.press_pos.y, c.band_end.y));
            const ImVec2 b(std::max(c.press_pos.x, c.band_end.x), std::max(c.press_pos.y, c.band_end.y));
            list->AddRectFilled(a, b, col.accent_fill);
            list->AddRect(a, b, col.accent, 0, 0, 1.0f * s);
            break;
        }
        case Gesture::Connect:
            draw_connect(app, list, lay, col);
            break;
        default:
            break;
    }
    draw_handles(app, list, lay, col);
    draw_emotion_overlay(app, list);
}

}  // namespace canvas_detail

}  // namespace sm::ui
