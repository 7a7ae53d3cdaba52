// Stagemap — the canvas: its region, the view (pan and zoom), and drawing the static scene.
#include <algorithm>
#include <cmath>

#include "render/marks.h"
#include "render/painter.h"
#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/imgui_painter.h"
#include "ui/peak_end_panel.h"

namespace sm::ui {

// [SECTION] View commands
float pixels_per_unit(const AppState& app) { return app.canvas.zoom * app.ui_scale(); }

namespace {

void update_transform(AppState& app) {
    auto& c = app.canvas;
    c.transform.scale = pixels_per_unit(app);
    // Whole pixels keep 1 px lines crisp at 100 %.
    c.transform.origin = ImVec2(std::round(c.region_min.x + c.pan.x), std::round(c.region_min.y + c.pan.y));
}

ImVec2 region_size(const AppState& app) {
    return ImVec2(app.canvas.region_max.x - app.canvas.region_min.x, app.canvas.region_max.y - app.canvas.region_min.y);
}

}  // namespace

void zoom_to_fit(AppState& app) {
    auto& c = app.canvas;
    const ImVec2 size = region_size(app);
    if (size.x < 10 || size.y < 10) {
        c.fit_pending = true;  // no region yet: fit on the first frame that has one
        return;
    }
    const auto& b = current_layout(app).bounds;
    const float pad = 12 * app.ui_scale();
    float zoom = 1;
    if (b.w > 0 && b.h > 0)
        zoom = std::min((size.x - 2 * pad) / b.w, (size.y - 2 * pad) / b.h) / app.ui_scale();
    c.zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const float s = pixels_per_unit(app);
    // Centre horizontally; pin to the top when the blueprint is taller than the view.
    c.pan.x = (size.x - b.w * s) * 0.5f - b.x * s;
    c.pan.y = std::max(pad, (size.y - b.h * s) * 0.5f) - b.y * s;
    c.fit_pending = false;
    c.zoom_changed_at = app.now;
    c.fitted = true;
    c.fitted_zoom = c.zoom;
    c.fitted_pan = c.pan;
    c.fitted_size = size;
    update_transform(app);
}

void zoom_by(AppState& app, float factor, ImVec2 anchor) {
    auto& c = app.canvas;
    const float old_zoom = c.zoom;
    const float new_zoom = std::clamp(old_zoom * factor, kMinZoom, kMaxZoom);
    if (new_zoom == old_zoom) return;
    update_transform(app);
    const layout::Vec2 under = c.transform.to_layout(anchor);
    c.zoom = new_zoom;
    const float s = pixels_per_unit(app);
    c.pan.x = anchor.x - c.region_min.x - under.x * s;
    c.pan.y = anchor.y - c.region_min.y - under.y * s;
    c.zoom_changed_at = app.now;
    update_transform(app);
}

void zoom_by(AppState& app, float factor) {
    const auto& c = app.canvas;
    zoom_by(app, factor, ImVec2((c.region_min.x + c.region_max.x) * 0.5f, (c.region_min.y + c.region_max.y) * 0.5f));
}

void set_zoom(AppState& app, float zoom) {
    if (app.canvas.zoom > 0) zoom_by(app, zoom / app.canvas.zoom);
}

void reveal(AppState& app, const layout::Rect& r) {
    auto& c = app.canvas;
    update_transform(app);
    const ImVec2 a = c.transform.rect_min(r), b = c.transform.rect_max(r);
    const float m = 24 * app.ui_scale();
    if (a.x < c.region_min.x + m) c.pan.x += c.region_min.x + m - a.x;
    else if (b.x > c.region_max.x - m) c.pan.x -= std::min(b.x - (c.region_max.x - m), a.x - (c.region_min.x + m));
    if (a.y < c.region_min.y + m) c.pan.y += c.region_min.y + m - a.y;
    else if (b.y > c.region_max.y - m) c.pan.y -= std::min(b.y - (c.region_max.y - m), a.y - (c.region_min.y + m));
    update_transform(app);
}

void reveal_step(AppState& app, int step) {
    const auto& lay = current_layout(app);
    for (const auto& b : lay.steps) {
        if (b.step != step) continue;
        layout::Rect r = b.header;
        // The header down to the step's emotion point (or the whole column when there is no row).
        float bottom = b.column.bottom();
        if (lay.emotion) bottom = lay.emotion->rect.bottom();
        r.h = std::max(r.h, bottom - r.y);
        // A column taller than the view: show its top.
        const float view_h = (app.canvas.region_max.y - app.canvas.region_min.y) / std::max(app.canvas.transform.scale, 0.01f);
        if (r.h > view_h * 0.9f) r.h = std::max(b.header.h, view_h * 0.9f);
        reveal(app, r);
        return;
    }
}

// [SECTION] Drawing
void paint_scene(AppState& app, ImDrawList* list, const CanvasTransform& transform, ImVec2 region_min, ImVec2 region_max) {
    const auto& lay = current_layout(app);
    const render::Theme theme = current_theme(app);
    // The desk around the blueprint is a shade darker than the blueprint's own background.
    const render::RGBA bg = theme.background;
    const auto shade = [](std::uint8_t v) { return static_cast<std::uint8_t>(v > 128 ? v - 14 : v + 10); };
    list->AddRectFilled(region_min, region_max, IM_COL32(shade(bg.r), shade(bg.g), shade(bg.b), 255));
    const ImVec2 page_min = transform.rect_min(lay.bounds), page_max = transform.rect_max(lay.bounds);
    list->AddRectFilled(ImVec2(page_min.x + 2, page_min.y + 3), ImVec2(page_max.x + 2, page_max.y + 3),
                        IM_COL32(0, 0, 0, 28), 2);

    ImGuiTextMeasurer measurer(app.fonts);
    ImGuiPainter painter(list, transform, app.fonts, measurer);
    render::PaintOptions opt;
    opt.theme = theme;
    opt.tier_lens = app.view.tier_lens;
    opt.hide_other_tiers = app.view.hide_other_tiers;
    opt.zoom = transform.scale;
    opt.visible = transform.to_layout(region_min, region_max);
    opt.draw_background = true;
    opt.marks = render::peak_end_marks(app.doc(), peak_end_analysis(app));
    render::paint_blueprint(app.doc(), lay, painter, opt);

    // Ask for canvas fonts baked near the size the largest text now needs.
    const auto& st = lay.style;
    const float biggest = std::max({st.font_size, st.header_font_size, st.small_font_size});
    app.fonts.want_canvas_px(biggest * transform.scale * app.fonts.em_ratio());
}

void draw_canvas(AppState& app, ImVec2 child_size) {
    auto& c = app.canvas;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNavInputs;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##canvas", child_size, false, flags);
    ImGui::PopStyleVar();

    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 1.0f);
    size.y = std::max(size.y, 1.0f);
    c.region_min = p0;
    c.region_max = ImVec2(p0.x + size.x, p0.y + size.y);
    ImGui::InvisibleButton("##canvas_area", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    ImGui::SetItemAllowOverlap();  // the in-place editor sits on top of it
    c.hovered = ImGui::IsItemHovered();

    const bool untouched = c.fitted && c.zoom == c.fitted_zoom && c.pan.x == c.fitted_pan.x && c.pan.y == c.fitted_pan.y;
    if (c.fit_pending || (untouched && (size.x != c.fitted_size.x || size.y != c.fitted_size.y))) zoom_to_fit(app);
    update_transform(app);
    canvas_detail::handle_navigation(app);
    update_transform(app);
    canvas_detail::handle_pointer(app);
    update_transform(app);

    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(c.region_min, c.region_max, true);
    paint_scene(app, list, c.transform, c.region_min, c.region_max);
    canvas_detail::draw_overlay(app, list);
    list->PopClipRect();
    canvas_detail::draw_in_place_editor(app);
    canvas_detail::draw_context_menu(app);
    if (c.hovered) canvas_detail::draw_card_tooltip(app);
    draw_emotion_tooltip(app);
    ImGui::EndChild();
}

}  // namespace sm::ui
