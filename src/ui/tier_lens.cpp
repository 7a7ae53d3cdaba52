// Stagemap — the tier lens and the tier compare view: toolbar, canvas legend and compare marks.
#include "ui/tier_lens.h"

#include <imgui_internal.h>  // ImGuiWindow: the canvas's draw list, drawn on after the canvas

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "analysis/tiers.h"
#include "ui/app_state.h"
#include "ui/glyph_ranges.h"
#include "ui/i18n.h"
#include "ui/imgui_painter.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] Control rectangles
void ControlRects::note(const std::string& name) { rects[name] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }

std::optional<ImVec2> ControlRects::center(const std::string& name) const {
    const auto it = rects.find(name);
    if (it == rects.end()) return std::nullopt;
    return ImVec2((it->second.first.x + it->second.second.x) / 2, (it->second.first.y + it->second.second.y) / 2);
}

// [SECTION] Lens and compare
void set_tier_lens(AppState& app, std::optional<TierId> tier) {
    app.view.tier_compare.on = false;
    app.view.tier_lens = std::move(tier);
}

void set_tier_compare(AppState& app, const TierId& first, const TierId& second) {
    const Document& doc = app.doc();
    if (!doc.find(first) || !doc.find(second)) return;
    app.view.tier_lens.reset();
    app.view.tier_compare = TierCompareView{true, first, second};
}

void stop_tier_compare(AppState& app) { app.view.tier_compare.on = false; }

void keep_tier_view_valid(AppState& app) {
    const Document& doc = app.doc();
    if (app.view.tier_lens && !doc.find(*app.view.tier_lens)) app.view.tier_lens.reset();
    auto& cmp = app.view.tier_compare;
    if (cmp.on && (!doc.find(cmp.first) || !doc.find(cmp.second))) cmp.on = false;
}

render::PaintOptions tier_paint_options(const AppState& app) {
    render::PaintOptions o;
    o.theme = current_theme(app);
    const auto& cmp = app.view.tier_compare;
    if (cmp.on) {
        o.tier_compare = render::TierCompare{cmp.first, cmp.second};
    } else if (app.view.tier_lens) {
        o.tier_lens = app.view.tier_lens;
        o.hide_other_tiers = app.view.hide_other_tiers;
    }
    return o;
}

render::CardLook card_look(const AppState& app, const CardId& card) {
    const Card* c = app.doc().find(card);
    if (!c) return render::CardLook::Hidden;
    return render::card_look(*c, tier_paint_options(app));
}

std::string tier_label(const Tier& t) { return t.name.empty() ? t.id.str() : t.name; }

ImVec4 tier_imcolor(const Tier& t, float alpha) {
    const Color c = t.color.value_or(Color{120, 128, 140});
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
}

void require_tier_text(AppState& app) {
    CodePoints cps;
    add_utf8(cps, "客户价值分层矩阵当前潜在覆盖检查贡献度支持配合信用影响力成长服务策略核心重要常规特级次低");
    app.fonts.require(cps);
}

// [SECTION] Marks shared by the toolbar and the legend
namespace {

// "A", "B" or "A+B" in a pill, as the canvas marks cards: white or dark text on the fill, or
// (quiet, for "A+B") muted text in an outline.
void draw_pill(ImDrawList* list, ImVec2 pos, const char* text, ImVec4 fill, float h, bool quiet = false) {
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float w = std::max(h, ts.x + h * 0.7f);
    const ImVec2 end(pos.x + w, pos.y + h);
    ImU32 tc = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    if (quiet) {
        list->AddRect(pos, end, tc, h / 2);
    } else {
        list->AddRectFilled(pos, end, ImGui::GetColorU32(fill), h / 2);
        const float lum = 0.2126f * fill.x + 0.7152f * fill.y + 0.0722f * fill.z;
        tc = lum > 0.6f ? IM_COL32(28, 32, 38, 255) : IM_COL32(255, 255, 255, 255);
    }
    list->AddText(ImVec2(pos.x + (w - ts.x) / 2, pos.y + (h - ts.y) / 2), tc, text);
}

float pill_width(const char* text, float h) { return std::max(h, ImGui::CalcTextSize(text).x + h * 0.7f); }

// The pill as an item in the current line.
void pill_item(const char* text, ImVec4 fill) {
    const float h = ImGui::GetFrameHeight() * 0.8f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetFrameHeight() - h) / 2;
    draw_pill(ImGui::GetWindowDrawList(), ImVec2(p.x, y), text, fill, h);
    ImGui::Dummy(ImVec2(pill_width(text, h), ImGui::GetFrameHeight()));
}

void swatch_item(const Tier& t) {
    const float h = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetTextLineHeight() - h) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + h, y + h),
                                              ImGui::GetColorU32(tier_imcolor(t)), 2);
    ImGui::Dummy(ImVec2(h, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

// A combo of the document's tiers; true when the user picked another one.
bool tier_combo(AppState& app, const char* id, TierId& value, const std::string& probe_prefix, float width) {
    const Document& doc = app.doc();
    auto& ctl = app.tiers_panel.controls;
    const Tier* cur = doc.find(value);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, cur ? tier_label(*cur).c_str() : "—")) {
        for (const Tier& t : doc.tiers) {
            ImGui::PushID(t.id.str().c_str());
            swatch_item(t);
            if (ImGui::Selectable(tier_label(t).c_str(), cur && cur->id == t.id) && value != t.id) {
                value = t.id;
                changed = true;
            }
            ctl.note(probe_prefix + ":" + t.id.str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ctl.rects[probe_prefix] = {at, ImVec2(at.x + width, at.y + ImGui::GetFrameHeight())};
    return changed;
}

}  // namespace

// [SECTION] Toolbar
void draw_tier_toolbar(AppState& app) {
    const Document& doc = app.doc();
    auto& ctl = app.tiers_panel.controls;
    const float s = app.ui_scale();
    ImGui::SameLine(0, 18 * s);
    if (ImGui::Button(tr("Tiers"))) app.tiers_panel.open = !app.tiers_panel.open;
    ctl.note("toolbar:tiers");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Customer value tiers (客户价值分层): add, edit, presets, coverage"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Value map"))) app.value_map.open = !app.value_map.open;
    ctl.note("toolbar:value-map");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The tiers on a grid of current value × potential value"));
    if (doc.tiers.empty()) return;

    ImGui::SameLine(0, 12 * s);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr("Tier lens"));
    ImGui::SameLine();
    auto& cmp = app.view.tier_compare;
    const Tier* lens = app.view.tier_lens ? doc.find(*app.view.tier_lens) : nullptr;
    const std::string preview = cmp.on ? std::string(tr("Compare")) : lens ? tier_label(*lens) : std::string(tr("All tiers"));
    const float combo_w = (cmp.on ? 110 : 190) * s;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetNextItemWidth(combo_w);
    if (ImGui::BeginCombo("##lens", preview.c_str())) {
        if (ImGui::Selectable(tr("All tiers"), !lens && !cmp.on)) set_tier_lens(app, std::nullopt);
        ctl.note("lens:all");
        for (const Tier& t : doc.tiers) {
            ImGui::PushID(t.id.str().c_str());
            swatch_item(t);
            if (ImGui::Selectable(tier_label(t).c_str(), lens && lens->id == t.id)) set_tier_lens(app, t.id);
            ctl.note("lens:" + t.id.str());
            ImGui::PopID();
        }
        ImGui::Separator();
        ImGui::BeginDisabled(doc.tiers.size() < 2);
        if (ImGui::Selectable(tr("Compare two tiers..."), cmp.on) && !cmp.on) {
            // Start from the lens's tier, against the next one.
            const int i = lens ? doc.tier_index(lens->id) : 0;
            const auto first = static_cast<std::size_t>(i);
            set_tier_compare(app, doc.tiers[first].id, doc.tiers[(first + 1) % doc.tiers.size()].id);
        }
        ctl.note("lens:compare");
        ImGui::EndDisabled();
        ImGui::EndCombo();
    }
    ctl.rects["lens"] = {at, ImVec2(at.x + combo_w, at.y + ImGui::GetFrameHeight())};
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Show the service items one tier gets (the others dimmed), or compare two tiers"));

    if (lens) {
        ImGui::SameLine();
        ImGui::Checkbox(tr("Hide others"), &app.view.hide_other_tiers);
        ctl.note("lens:hide");
    }
    if (cmp.on) {
        TierId first = cmp.first, second = cmp.second;
        ImGui::SameLine();
        const Tier* a = doc.find(first);
        pill_item("A", a ? tier_imcolor(*a) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::SameLine();
        if (tier_combo(app, "##compare_a", first, "compare-a", 150 * s)) set_tier_compare(app, first, second);
        ImGui::SameLine();
        const Tier* b = doc.find(second);
        pill_item("B", b ? tier_imcolor(*b) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::SameLine();
        if (tier_combo(app, "##compare_b", second, "compare-b", 150 * s)) set_tier_compare(app, first, second);
        ImGui::SameLine();
        if (ImGui::Button("×##stop_compare")) stop_tier_compare(app);
        ctl.note("compare:stop");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Stop comparing: all tiers"));
    }
}

// [SECTION] Canvas legend and compare marks
namespace {

// The canvas child window, which draw_canvas() has just ended (the last child of the host).
ImGuiWindow* canvas_window() {
    ImGuiWindow* host = ImGui::GetCurrentWindow();
    if (!host) return nullptr;
    for (int i = host->DC.ChildWindows.Size - 1; i >= 0; --i)
        if (std::strstr(host->DC.ChildWindows[i]->Name, "/##canvas_")) return host->DC.ChildWindows[i];
    return nullptr;
}

struct LegendLine {
    std::string pill;  // "A", "B", "A+B" or empty
    ImVec4 fill;       // the pill's or the swatch's colour
    bool swatch = false;
    bool muted = false;
    std::string text;
};

std::vector<LegendLine> legend_lines(const AppState& app) {
    const Document& doc = app.doc();
    std::vector<LegendLine> out;
    const auto& cmp = app.view.tier_compare;
    if (cmp.on) {
        const Tier* a = doc.find(cmp.first);
        const Tier* b = doc.find(cmp.second);
        if (!a || !b) return out;
        std::size_t n[4] = {0, 0, 0, 0};  // only first, only second, both, neither
        for (const Card& c : doc.cards) ++n[static_cast<int>(analysis::compare_card_tiers(c, a->id, b->id))];
        out.push_back({"", {}, false, false, tr("Comparing two tiers")});
        out.push_back({"A", tier_imcolor(*a), false, false, strprintf(tr("only %s (%zu)"), tier_label(*a).c_str(), n[0])});
        out.push_back({"B", tier_imcolor(*b), false, false, strprintf(tr("only %s (%zu)"), tier_label(*b).c_str(), n[1])});
        out.push_back({"A+B", {}, false, false, strprintf(tr("both (%zu)"), n[2])});
        out.push_back({"", {}, false, true, strprintf(tr("Dimmed: cards serving neither (%zu)"), n[3])});
        return out;
    }
    const Tier* lens = app.view.tier_lens ? doc.find(*app.view.tier_lens) : nullptr;
    if (!lens) return out;
    std::size_t serving = 0;
    for (const Card& c : doc.cards) serving += c.serves(lens->id) ? 1 : 0;
    out.push_back({"", tier_imcolor(*lens), true, false, strprintf(tr("Tier lens: %s"), tier_label(*lens).c_str())});
    out.push_back({"", {}, false, true,
                   strprintf(app.view.hide_other_tiers ? tr("%zu of %zu cards serve this tier; the others are hidden")
                                                       : tr("%zu of %zu cards serve this tier; the others are dimmed"),
                             serving, doc.cards.size())});
    return out;
}

void draw_legend(AppState& app, ImDrawList* list) {
    const auto lines = legend_lines(app);
    if (lines.empty()) return;
    const float s = app.ui_scale();
    const float lh = ImGui::GetTextLineHeight() + 4 * s;
    const float pad = 8 * s, mark_w = pill_width("A+B", lh - 4 * s) + 6 * s;
    float w = 0;
    for (const auto& l : lines)
        w = std::max(w, ImGui::CalcTextSize(l.text.c_str()).x + (l.pill.empty() && !l.swatch ? 0 : mark_w));
    const ImVec2 size(w + 2 * pad, lh * static_cast<float>(lines.size()) + 2 * pad - 4 * s);
    const auto& c = app.canvas;
    const ImVec2 p0(c.region_min.x + 10 * s, c.region_max.y - 10 * s - size.y);
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_PopupBg);
    list->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), ImGui::GetColorU32(ImVec4(bg.x, bg.y, bg.z, 0.94f)), 6 * s);
    list->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), ImGui::GetColorU32(ImGuiCol_Border), 6 * s);
    float y = p0.y + pad;
    for (const auto& l : lines) {
        float x = p0.x + pad;
        if (!l.pill.empty()) {
            draw_pill(list, ImVec2(x, y), l.pill.c_str(), l.fill, lh - 4 * s, l.pill == "A+B");
            x += mark_w;
        } else if (l.swatch) {
            const float h = lh - 6 * s;
            list->AddRectFilled(ImVec2(x, y + 1 * s), ImVec2(x + h, y + 1 * s + h), ImGui::GetColorU32(l.fill), 2 * s);
            x += mark_w;
        }
        list->AddText(ImVec2(x, y + (lh - 4 * s - ImGui::GetTextLineHeight()) / 2),
                      ImGui::GetColorU32(l.muted ? ImGuiCol_TextDisabled : ImGuiCol_Text), l.text.c_str());
        y += lh;
    }
}

}  // namespace

void draw_canvas_tier_marks(AppState& app) {
    const auto opt_view = tier_paint_options(app);
    const bool compare = opt_view.tier_compare.has_value();
    if (!compare && !opt_view.tier_lens) return;
    ImGuiWindow* w = canvas_window();
    if (!w) return;
    ImDrawList* list = w->DrawList;
    const auto& c = app.canvas;
    list->PushClipRect(c.region_min, c.region_max, true);
    if (compare) {
        // The canvas paints the scene without the compare: dim the cards serving neither tier and
        // mark the others here, with the same drawing paint_blueprint uses in exports.
        const auto& lay = current_layout(app);
        ImGuiTextMeasurer measurer(app.fonts);
        ImGuiPainter painter(list, c.transform, app.fonts, measurer);
        render::PaintOptions o = opt_view;
        o.zoom = c.transform.scale;
        o.visible = c.transform.to_layout(c.region_min, c.region_max);
        const Document& doc = app.doc();
        for (const auto& cb : lay.cards)
            if (cb.card >= 0 && cb.rect.w > 0 && o.visible->intersects(cb.rect) &&
                render::card_look(doc.cards[static_cast<std::size_t>(cb.card)], o) == render::CardLook::Dimmed)
                painter.fill_rect(cb.rect, o.theme.dimmed_overlay, 6);
        render::paint_tier_compare_marks(doc, lay, painter, o);
    }
    draw_legend(app, list);
    list->PopClipRect();
}

}  // namespace sm::ui
