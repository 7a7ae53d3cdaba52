// Stagemap — the Tiers panel: edit the customer value tiers, apply presets, read the coverage
// findings, and list what one tier gets that another does not.
#include "ui/tiers_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <unordered_set>

#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/finding_text.h"
#include "ui/i18n.h"
#include "ui/strprintf.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] Helpers
namespace {

const TiersPanelState::Analysis& tier_analysis(AppState& app) {
    return app.tiers_panel.analysis.get(app.session.history.revision(), [&] {
        TiersPanelState::Analysis a;
        a.report = analysis::analyze_tiers(app.doc());
        for (std::size_t k = 0; k < app.doc().tiers.size(); ++k) a.counts.push_back(tier_item_counts(a.report, k));
        return a;
    });
}

}  // namespace

const analysis::TierReport& tier_report(AppState& app) { return tier_analysis(app).report; }

TierItemCounts tier_item_counts(AppState& app, std::size_t k) {
    const auto& c = tier_analysis(app).counts;
    return k < c.size() ? c[k] : TierItemCounts{};
}

std::size_t cards_losing_links(const Document& doc, const std::vector<Tier>& tiers) {
    std::unordered_set<TierId> kept;
    for (const Tier& t : tiers) kept.insert(t.id);
    return static_cast<std::size_t>(std::count_if(doc.cards.begin(), doc.cards.end(), [&](const Card& c) {
        return std::any_of(c.tiers.begin(), c.tiers.end(), [&](const TierId& t) { return kept.count(t) == 0; });
    }));
}

std::string value_levels(const Tier& t) {
    auto word = [](const std::optional<Level>& l) { return !l ? tr("not set") : *l == Level::High ? tr("high") : tr("low"); };
    if (!t.current && !t.potential) return {};
    return strprintf(tr("current %s · potential %s"), word(t.current), word(t.potential));
}

std::string visit_text(const Tier& t) {
    if (!t.visit_days) return {};
    return strprintf(tr("every %g days"), *t.visit_days);
}

TierItemCounts tier_item_counts(const analysis::TierReport& r, std::size_t k) {
    TierItemCounts n;
    if (k < r.coverage.size()) n.linked = r.coverage[k].linked;
    for (const auto& row : r.matrix) {
        if (k >= row.serves.size() || !row.serves[k]) continue;
        ++n.serving;
        if (!std::all_of(row.serves.begin(), row.serves.end(), [](bool b) { return b; })) ++n.own;
    }
    return n;
}

void open_tiers_panel(AppState& app, const TierId& expand) {
    app.tiers_panel.open = true;
    app.tiers_panel.focus = true;
    if (!expand.empty()) app.tiers_panel.expanded = expand;
}

std::string open_panel_by_name(AppState& app, std::string_view name) {
    const Document& doc = app.doc();
    auto tier = [&](std::string_view id) -> std::optional<TierId> {
        if (doc.find(TierId(std::string(id)))) return TierId(std::string(id));
        return std::nullopt;
    };
    if (name == "tiers") {
        open_tiers_panel(app);
    } else if (name.substr(0, 6) == "tiers:") {
        const auto t = tier(name.substr(6));
        if (!t) return "no tier with that id";
        open_tiers_panel(app, *t);
    } else if (name == "value-map") {
        open_value_map(app);
    } else if (name == "export") {
        open_export_dialog(app);
    } else if (name.substr(0, 5) == "lens:") {
        const auto t = tier(name.substr(5));
        if (!t) return "no tier with that id";
        set_tier_lens(app, *t);
    } else if (name.substr(0, 8) == "compare:") {
        const auto rest = name.substr(8);
        const auto comma = rest.find(',');
        const auto a = comma == std::string_view::npos ? std::nullopt : tier(rest.substr(0, comma));
        const auto b = comma == std::string_view::npos ? std::nullopt : tier(rest.substr(comma + 1));
        if (!a || !b) return "want compare:TIER_ID,TIER_ID with two tiers of the blueprint";
        set_tier_compare(app, *a, *b);
    } else {
        return "unknown; use tiers, value-map, export, lens:TIER_ID or compare:TIER_ID,TIER_ID";
    }
    return {};
}

namespace {

// Runs set_tier on the tier's current value with one change.
template <class F>
void change_tier(AppState& app, const TierId& id, F&& change) {
    const Tier* cur = app.doc().find(id);
    if (!cur) return;
    Tier v = *cur;
    change(v);
    run(app, edit::set_tier(app.doc(), id, std::move(v)));
}

// Colours that stay apart for colour-blind readers (Okabe–Ito), offered in the picker.
constexpr Color kPalette[] = {{0x00, 0x72, 0xB2}, {0x00, 0x9E, 0x73}, {0xE6, 0x9F, 0x00}, {0xCC, 0x79, 0xA7},
                              {0xD5, 0x5E, 0x00}, {0x56, 0xB4, 0xE9}, {0xF0, 0xE4, 0x42}, {0x75, 0x75, 0x75}};

Color next_color(const Document& doc) {
    for (const Color& c : kPalette)
        if (std::none_of(doc.tiers.begin(), doc.tiers.end(), [&](const Tier& t) { return t.color == c; })) return c;
    return kPalette[doc.tiers.size() % std::size(kPalette)];
}

Color to_color(const float rgb[3]) {
    auto u8 = [](float v) { return static_cast<std::uint8_t>(std::clamp(v, 0.0f, 1.0f) * 255 + 0.5f); };
    return Color{u8(rgb[0]), u8(rgb[1]), u8(rgb[2])};
}

// [SECTION] Colour
// A swatch that opens a picker; the colour is committed once, when the picker closes.
void color_field(AppState& app, const Tier& t) {
    auto& st = app.tiers_panel;
    const ImGuiID pid = ImGui::GetID("##picker");
    const bool picking = st.color_item == pid;
    const ImVec4 shown = picking ? ImVec4(st.color[0], st.color[1], st.color[2], 1) : tier_imcolor(t);
    const float h = ImGui::GetFrameHeight();
    if (ImGui::ColorButton("##swatch", shown, ImGuiColorEditFlags_NoTooltip, ImVec2(h, h))) {
        const ImVec4 c = tier_imcolor(t);
        st.color_item = pid;
        st.color[0] = c.x, st.color[1] = c.y, st.color[2] = c.z;
        ImGui::OpenPopup("##picker");
    }
    st.controls.note("tier:" + t.id.str() + ":color");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Colour of %s's chips: click to change"), tier_label(t).c_str());
    if (ImGui::BeginPopup("##picker")) {
        ImGui::TextDisabled("%s", tr("Colour-blind safe:"));
        for (std::size_t i = 0; i < std::size(kPalette); ++i) {
            const Color& c = kPalette[i];
            ImGui::PushID(static_cast<int>(i));
            if (i > 0) ImGui::SameLine();
            if (ImGui::ColorButton("##p", ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1), ImGuiColorEditFlags_NoTooltip)) {
                st.color[0] = c.r / 255.0f, st.color[1] = c.g / 255.0f, st.color[2] = c.b / 255.0f;
            }
            st.controls.note("palette:" + std::to_string(i));
            ImGui::PopID();
        }
        ImGui::ColorPicker3("##pick", st.color, ImGuiColorEditFlags_NoSidePreview | ImGuiColorEditFlags_DisplayHex);
        if (ImGui::Button(tr("Done"))) ImGui::CloseCurrentPopup();
        st.controls.note("picker:done");
        ImGui::EndPopup();
    } else if (picking) {
        // The picker closed: one undo step for the whole pick.
        st.color_item = 0;
        const Color c = to_color(st.color);
        if (t.color != c) change_tier(app, t.id, [c](Tier& v) { v.color = c; });
    }
}

// [SECTION] One tier
void level_radios(AppState& app, const TierId& id, const char* which, std::optional<Level> value, bool current) {
    ImGui::PushID(which);
    const auto set = [&](std::optional<Level> l) {
        change_tier(app, id, [&](Tier& v) { (current ? v.current : v.potential) = l; });
    };
    if (ImGui::RadioButton(tr("High"), value == Level::High)) set(Level::High);
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("Low"), value == Level::Low)) set(Level::Low);
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("not set"), !value)) set(std::nullopt);
    ImGui::PopID();
}

void tier_fields(AppState& app, const Tier& t, std::size_t links) {
    const TierId id = t.id;
    auto& ctl = app.tiers_panel.controls;
    const float label_w = 104 * app.ui_scale();
    if (widgets::begin_form("##fields", label_w)) {
        widgets::row(tr("Name"));
        widgets::text_field(app, "##name", t.name, [id](AppState& a, std::string v) {
            run(a, edit::rename_tier(a.doc(), id, std::move(v)));
        });
        ctl.note("tier:" + id.str() + ":name");
        widgets::row(tr("Current value"), tr("当前价值: contribution (贡献度: profit, volume, cost to serve), support "
                                             "(支持度: ordering, feedback, promotions) and credit (信用度)."));
        level_radios(app, id, "current", t.current, true);
        widgets::row(tr("Potential value"),
                     tr("潜在价值: influence in the market (影响力) and the customer's own growth (成长度)."));
        level_radios(app, id, "potential", t.potential, false);
        widgets::row(tr("Visit interval"), tr("Planned days between account visits, e.g. 3.5 = twice a week, 7 = weekly."));
        bool visits = t.visit_days.has_value();
        if (ImGui::Checkbox("##visits", &visits))
            change_tier(app, id, [visits](Tier& v) {
                if (visits) v.visit_days = 7.0;
                else v.visit_days.reset();
            });
        if (visits) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("every"));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(70 * app.ui_scale());
            widgets::number_field(app, "##days", t.visit_days.value_or(7), [id](AppState& a, double d) {
                change_tier(a, id, [d](Tier& v) { v.visit_days = d; });
            }, 0.1, 3650, "%.1f");
            ctl.note("tier:" + id.str() + ":days");
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("days"));
        } else {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("no planned visits"));
        }
        widgets::row(tr("Strategy"), tr("服务策略: what this tier gets, e.g. one-to-one retention, more frequent visits."));
        widgets::text_field(app, "##strategy", t.strategy, [id](AppState& a, std::string s) {
            change_tier(a, id, [&](Tier& v) { v.strategy = std::move(s); });
        }, 4);
        // The field does not wrap lines (ImGui 1.86): show a long strategy wrapped under it.
        if (ImGui::CalcTextSize(t.strategy.c_str()).x > ImGui::GetItemRectSize().x - 2 * ImGui::GetStyle().FramePadding.x)
            widgets::hint(t.strategy.c_str());
        widgets::end_form();
    }
    // The ID stays the same when the label changes with the lens.
    const std::string lens_label = std::string(app.view.tier_lens == id ? tr("Lens: on") : tr("Lens on this tier")) + "###lens";
    if (ImGui::Button(lens_label.c_str())) set_tier_lens(app, id);
    ctl.note("tier:" + id.str() + ":lens");
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete tier"))) run(app, edit::delete_tier(app.doc(), id));
    ctl.note("tier:" + id.str() + ":delete");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("Deletes the tier and its links from %zu card(s) in one step; Undo brings them back."), links);
}

// The muted line under a tier's header: where it sits, how often it is visited, what serves it.
void tier_summary(const Tier& t, const TierItemCounts& n, bool any_items) {
    std::string line = value_levels(t);
    const std::string visits = visit_text(t);
    if (!visits.empty())
        line += line.empty() ? strprintf(tr("Visit %s"), visits.c_str()) : " · " + strprintf(tr("visit %s"), visits.c_str());
    if (!line.empty()) line += " · ";
    line += strprintf(tr("%zu service items, %zu of its own"), n.serving, n.own);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
    if (n.own == 0 && any_items)
        ImGui::TextColored(ImVec4(0.82f, 0.30f, 0.10f, 1), "%s",
                           tr("! No service item of its own: it gets only what every tier gets."));
    if (!t.strategy.empty()) ImGui::TextWrapped("%s", t.strategy.c_str());
}

void tier_row(AppState& app, std::size_t index, const analysis::TierReport& report) {
    const Document& doc = app.doc();
    auto& st = app.tiers_panel;
    const Tier t = doc.tiers[index];  // a copy: commands below change the document
    const TierId id = t.id;
    const float s = app.ui_scale();
    ImGui::PushID(id.str().c_str());
    color_field(app, t);
    ImGui::SameLine();
    const bool open = st.expanded == id;
    ImGui::SetNextItemOpen(open);
    const std::string label = tier_label(t) + "###header";
    const bool now_open = ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_AllowItemOverlap |
                                                               ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_NoTreePushOnOpen);
    st.controls.note("tier:" + id.str() + ":header");
    if (now_open != open) st.expanded = now_open ? id : TierId();
    // Drag a header onto another to reorder.
    if (ImGui::BeginDragDropSource()) {
        const int from = static_cast<int>(index);
        ImGui::SetDragDropPayload("STAGEMAP_TIER", &from, sizeof from);
        ImGui::Text(tr("Move %s"), tier_label(t).c_str());
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("STAGEMAP_TIER")) {
            const int from = *static_cast<const int*>(p->Data);
            if (from >= 0 && from < static_cast<int>(doc.tiers.size()))
                run(app, edit::move_tier(app.doc(), doc.tiers[static_cast<std::size_t>(from)].id, static_cast<int>(index)));
        }
        ImGui::EndDragDropTarget();
    }
    // Up and down at the right end of the header.
    const float bw = ImGui::GetFrameHeight();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 2 * bw - ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginDisabled(index == 0);
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) run(app, edit::move_tier(app.doc(), id, static_cast<int>(index) - 1));
    st.controls.note("tier:" + id.str() + ":up");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= doc.tiers.size());
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) run(app, edit::move_tier(app.doc(), id, static_cast<int>(index) + 1));
    st.controls.note("tier:" + id.str() + ":down");
    ImGui::EndDisabled();

    ImGui::Indent(bw + ImGui::GetStyle().ItemSpacing.x);
    if (app.doc().find(id)) {  // still there after the buttons above
        const std::size_t links = static_cast<std::size_t>(std::count_if(doc.cards.begin(), doc.cards.end(), [&](const Card& c) {
            return std::find(c.tiers.begin(), c.tiers.end(), id) != c.tiers.end();
        }));
        if (now_open) {
            tier_fields(app, t, links);
        } else {
            tier_summary(t, tier_item_counts(app, index), !report.matrix.empty());
        }
    }
    ImGui::Unindent(bw + ImGui::GetStyle().ItemSpacing.x);
    ImGui::Dummy(ImVec2(0, 4 * s));
    ImGui::PopID();
}

// [SECTION] Presets
struct PresetInfo {
    const char* label;
    const char* key;
    edit::TierPreset preset;
    const char* tip;
};
// label and tip: English, for the table; shown through tr().
constexpr PresetInfo kPresets[] = {
    {tr_mark("Value quadrants"), "quadrants", edit::TierPreset::ValueQuadrants,
     tr_mark("价值 / 次价值 / 潜在价值 / 低价值客户: current × potential value, with their service strategies")},
    {tr_mark("Core / important / regular"), "core", edit::TierPreset::CoreImportantRegular,
     tr_mark("核心 / 重要 / 常规客户: consolidate, cultivate, guide and standardise")},
    {"特级 / A / B / C", "grades", edit::TierPreset::KeyAccountGrades,
     tr_mark("Key-account grades with visit intervals: 3.5, 7, 14 and 30 days")},
};

void presets(AppState& app) {
    auto& st = app.tiers_panel;
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr("Presets:"));
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const auto& p : kPresets) {
        // Keep to the line while the button fits, else wrap.
        ImGui::SameLine();
        const char* label = tr(p.label);
        const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        if (ImGui::Button(label)) {
            const auto tiers = edit::tier_preset(p.preset, app.doc().locale);
            if (cards_losing_links(app.doc(), tiers) > 0) st.confirm_preset = p.preset;
            else run(app, edit::apply_tier_set(app.doc(), tiers));
        }
        st.controls.note(std::string("preset:") + p.key);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(p.tip));
    }
    if (st.confirm_preset && !ImGui::IsPopupOpen("###replace_tiers")) ImGui::OpenPopup("###replace_tiers");
    ImGui::SetNextWindowSize(ImVec2(30 * ImGui::GetFontSize(), 0), ImGuiCond_Appearing);
    const std::string title = tr_id("Replace the tiers?", "replace_tiers");
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const auto tiers = st.confirm_preset ? edit::tier_preset(*st.confirm_preset, app.doc().locale) : std::vector<Tier>{};
        ImGui::TextWrapped(tr("The preset replaces the tiers. %zu card(s) lose their links to tiers that are not in "
                              "it (they then serve the tiers they still list, or every tier). Undo brings everything "
                              "back."),
                           cards_losing_links(app.doc(), tiers));
        ImGui::Spacing();
        bool close = false;
        if (ImGui::Button(tr("Apply preset"))) {
            run(app, edit::apply_tier_set(app.doc(), tiers));
            close = true;
        }
        st.controls.note("preset:confirm");
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) close = true;
        st.controls.note("preset:cancel");
        if (close) {
            st.confirm_preset.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// [SECTION] Findings and comparison
// A selectable row whose text wraps at the window's edge (ImGui's Selectable keeps one line).
bool wrapped_selectable(const std::string& text, bool selected) {
    const float x = ImGui::GetCursorScreenPos().x;
    const float wrap = std::max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - x, 40.0f);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable("##row", selected, 0, ImVec2(wrap, size.y));
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                        text.c_str(), nullptr, wrap);
    return clicked;
}

void findings(AppState& app, const analysis::TierReport& report) {
    const Document& doc = app.doc();
    widgets::section(tr("Coverage findings · 覆盖检查"));
    if (report.findings.empty()) {
        widgets::hint(doc.tiers.size() < 2 ? tr("Findings need at least two tiers.")
                                           : tr("Every tier has service items of its own. Nothing to look at."));
        return;
    }
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const auto& f = report.findings[i];
        ImGui::PushID(static_cast<int>(i));
        const Tier* t = f.tier ? doc.find(*f.tier) : nullptr;
        if (t) {
            ImGui::ColorButton("##c", tier_imcolor(*t), ImGuiColorEditFlags_NoTooltip,
                               ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
            ImGui::SameLine();
        } else {
            ImGui::Bullet();
        }
        if (wrapped_selectable(finding_text(f, doc), false)) {
            if (t) set_tier_lens(app, t->id);
            if (f.card && doc.find(*f.card)) {
                app.selection.set_card(*f.card);
                const int ci = doc.card_index(*f.card);
                for (const auto& cb : current_layout(app).cards)
                    if (cb.card == ci) reveal(app, cb.rect);
            }
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", t ? tr("Click: tier lens on this tier") : tr("Click: select the card"));
        ImGui::PopID();
    }
}

// The service items one tier gets and the other does not, both ways.
void compare_lists(AppState& app, const analysis::TierReport& report) {
    const Document& doc = app.doc();
    if (doc.tiers.size() < 2) return;
    widgets::section(tr("What one tier gets that another does not"));
    auto& cmp = app.view.tier_compare;
    if (!doc.find(cmp.first)) cmp.first = doc.tiers[0].id;
    if (!doc.find(cmp.second) || cmp.second == cmp.first)
        cmp.second = doc.tiers[cmp.first == doc.tiers[1].id ? 0 : 1].id;
    const float combo_w = (ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("AB").x) / 2 -
                          ImGui::GetStyle().ItemSpacing.x * 2;
    const auto combo = [&](const char* id, TierId& value) {
        const Tier* cur = doc.find(value);
        ImGui::SetNextItemWidth(combo_w);
        if (ImGui::BeginCombo(id, cur ? tier_label(*cur).c_str() : "—")) {
            for (const Tier& t : doc.tiers)
                if (ImGui::Selectable(tier_label(t).c_str(), t.id == value)) value = t.id;
            ImGui::EndCombo();
        }
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("A");
    ImGui::SameLine();
    combo("##a", cmp.first);
    ImGui::SameLine();
    ImGui::TextUnformatted("B");
    ImGui::SameLine();
    combo("##b", cmp.second);
    bool on = cmp.on;
    if (ImGui::Checkbox(tr("Mark A, B and A+B on the canvas"), &on)) {
        if (on) set_tier_compare(app, cmp.first, cmp.second);
        else stop_tier_compare(app);
    }
    app.tiers_panel.controls.note("compare:canvas");
    const int a = doc.tier_index(cmp.first), b = doc.tier_index(cmp.second);
    if (a < 0 || b < 0 || a == b) return;
    for (int side = 0; side < 2; ++side) {
        const auto mine = static_cast<std::size_t>(side == 0 ? a : b), other = static_cast<std::size_t>(side == 0 ? b : a);
        std::vector<const analysis::TierMatrixRow*> rows;
        for (const auto& r : report.matrix)
            if (r.serves[mine] && !r.serves[other]) rows.push_back(&r);
        const Tier& t = doc.tiers[mine];
        ImGui::Spacing();
        ImGui::ColorButton("##sw", tier_imcolor(t), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextWrapped(tr("Only %s gets (%zu):"), tier_label(t).c_str(), rows.size());
        if (rows.empty()) widgets::hint(tr("nothing: every service item it gets, the other tier gets too."));
        ImGui::PushID(side);
        for (const auto* r : rows) {
            const Card* c = doc.find(r->card);
            const Step* st = doc.find(r->step);
            if (!c) continue;
            ImGui::PushID(c->id.str().c_str());
            std::string text = c->title.empty() ? c->id.str() : c->title;
            std::replace(text.begin(), text.end(), '\n', ' ');
            if (st) text += strprintf(tr("  (%s)"), st->name.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            if (wrapped_selectable(text, app.selection.has(c->id))) app.selection.set_card(c->id);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
}

}  // namespace

// [SECTION] Panel
void draw_tiers_panel(AppState& app) {
    auto& st = app.tiers_panel;
    if (!st.open) return;
    const float s = app.ui_scale();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(500 * s, vp->WorkSize.y - 90 * s), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 520 * s, vp->WorkPos.y + 60 * s), ImGuiCond_FirstUseEver);
    if (st.focus) {
        ImGui::SetNextWindowFocus();
        st.focus = false;
    }
    const std::string title = tr_id("Customer value tiers · 客户价值分层", "tiers_panel");
    if (!ImGui::Begin(title.c_str(), &st.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    require_tier_text(app);
    const Document& doc = app.doc();
    const auto& report = tier_report(app);
    widgets::hint(tr("Group customers by current value (contribution, support, credit) and potential value "
                     "(influence, growth); link service items to the tiers they serve. A card with no tier serves "
                     "every tier."));
    presets(app);
    ImGui::Separator();
    ImGui::Spacing();
    for (std::size_t i = 0; i < app.doc().tiers.size(); ++i) tier_row(app, i, report);
    if (ImGui::Button(tr("+ Add tier"))) {
        Tier t = edit::new_tier(app.doc(), tr("New tier"));
        t.color = next_color(app.doc());
        const TierId id = t.id;
        if (run(app, edit::add_tier(app.doc(), std::move(t)))) st.expanded = id;
    }
    st.controls.note("tier:add");
    if (doc.tiers.empty()) widgets::hint(tr("No tiers yet: add one, or start from a preset above."));
    findings(app, tier_report(app));
    compare_lists(app, tier_report(app));
    ImGui::End();
}

}  // namespace sm::ui
