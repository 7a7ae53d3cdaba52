#include "ui/app_state.h"

#include "ui/glyph_ranges.h"
#include "ui/imgui_painter.h"
#include "ui/theme.h"

namespace sm::ui {

// [SECTION] Layout
layout::LayoutStyle layout_style(const Document& doc) {
    layout::LayoutStyle st;
    st.chinese_labels = doc.locale.rfind("zh", 0) == 0;
    st.show_emotion = true;
    st.show_title = false;   // the window title and toolbar name the blueprint
    st.show_legend = false;  // Help › About explains the marks
    return st;
}

namespace {

void require_layout_labels(FontManager& fonts, const layout::BlueprintLayout& lay) {
    // The labels the layout makes itself (Chinese lane kinds and minutes, badges, chips, line and
    // emotion labels), through the font manager's seen-characters bits: this runs after every
    // edit. Names, titles and connector labels are the document's own text, wrapped: checked by
    // require_document_glyphs.
    auto text = [&fonts](std::string_view s) { fonts.require_text(s); };
    auto block = [&](const layout::TextBlock& b) {
        for (const auto& l : b.lines) text(l);
    };
    for (const auto& s : lay.steps) block(s.detail);
    for (const auto& l : lay.lanes) block(l.kind);
    for (const auto& c : lay.cards) {
        for (const auto* b : {&c.fail, &c.wait, &c.channel, &c.votes})
            if (*b) text((*b)->text);
        for (const auto& chip : c.chips) text(chip.text);
    }
    for (const auto& d : lay.lines) text(d.label);
    if (lay.emotion) {
        block(lay.emotion->label);
        for (const auto& t : lay.emotion->ticks) text(t.label);
    }
    block(lay.corner_phase);
    block(lay.corner_step);
}

}  // namespace

void require_document_glyphs(AppState& app) {
    const auto rev = app.session.history.revision();
    if (app.glyphs_revision == rev) return;
    app.glyphs_revision = rev;
    app.fonts.require_document(app.doc());
}

const layout::BlueprintLayout& current_layout(AppState& app) {
    auto& cache = app.layout_cache;
    const auto rev = app.session.history.revision();
    const auto gen = app.fonts.generation();
    if (!cache.valid || cache.revision != rev || cache.font_generation != gen) {
        if (!cache.text) {
            cache.imgui_measurer = std::make_unique<ImGuiTextMeasurer>(app.fonts);
            cache.text = std::make_unique<layout::CachingMeasurer>(*cache.imgui_measurer);
        } else if (cache.font_generation != gen) {
            cache.text->clear();  // other fonts: other widths
        }
        cache.layout = layout::compute_layout(app.doc(), *cache.text, layout_style(app.doc()));
        cache.text->trim();
        cache.revision = rev;
        cache.font_generation = gen;
        cache.valid = true;
        require_document_glyphs(app);
        require_layout_labels(app.fonts, cache.layout);
    }
    return cache.layout;
}

const analysis::Stats& document_stats(AppState& app) {
    return app.stats_cache.get(app.session.history.revision(), [&] { return analysis::compute_stats(app.doc()); });
}

// [SECTION] Theme, status, commands
ThemeChoice effective_theme(const AppState& app) {
    return app.present.active ? app.settings.present_theme : app.settings.theme;
}

render::Theme current_theme(const AppState& app) { return canvas_theme(effective_theme(app)); }

void set_status(AppState& app, std::string text) {
    app.status = std::move(text);
    app.status_time = app.now;
}

bool run(AppState& app, edit::CommandPtr command) {
    if (!app.session.execute(std::move(command))) return false;
    app.selection.prune(app.doc());
    return true;
}

}  // namespace sm::ui
