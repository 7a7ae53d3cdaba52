// Stagemap — the Peak-end panel: remembered against experienced, the moments that decide what
// customers remember, and what to change there.
#include "ui/peak_end_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/marks.h"
#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/emotion_edit.h"
#include "ui/finding_text.h"
#include "ui/i18n.h"
#include "ui/imgui_painter.h"
#include "ui/strprintf.h"
#include "ui/widgets.h"

namespace sm::ui {

// [SECTION] Analysis
const analysis::PeakEnd& peak_end_analysis(AppState& app) {
    return app.peak_end.analysis.get(app.session.history.revision(), [&] { return analysis::analyze_peak_end(app.doc()); });
}

// [SECTION] Words
std::string format_rating(double value) {
    const double r = std::round(value * 10) / 10;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::fabs(r));
    if (r == 0) return buf;
    std::string out = r > 0 ? "+" : "\xE2\x88\x92";  // U+2212 MINUS SIGN
    out += buf;
    return out;
}

std::string remembered_sentence(const analysis::PeakEnd& pe) {
    if (pe.rated.empty())
        return tr("No step is rated yet. Drag a point in the emotion row, or click an unrated step there, to rate how "
                  "customers feel; this panel then shows what they will remember.");
    if (!pe.remembered || !pe.experienced)
        return tr("The end is not rated yet: rate it to see what customers will remember of this visit.");
    const std::string gap = format_rating(*pe.remembered - *pe.experienced);
    const char* compared = gap == "0.0"                         ? tr("about what it felt like on average")
                           : *pe.remembered > *pe.experienced ? tr("better than it felt on average")
                                                              : tr("worse than it felt on average");
    const std::string experienced = format_rating(*pe.experienced);
    const std::string average =
        pe.experienced_weighted ? strprintf(tr("%s, weighted by minutes"), experienced.c_str()) : experienced;
    return strprintf(tr("Customers will remember this visit as %s — %s (%s)."), format_rating(*pe.remembered).c_str(),
                     compared, average.c_str());
}

namespace {

std::string step_name(const Document& doc, const StepId& id) {
    const Step* s = doc.find(id);
    if (!s) return id.str();
    return s->name.empty() ? s->id.str() : s->name;
}

const char* headline(const std::string& kind) {
    if (kind == "mitigate-peak") return tr("Remove the negative peak");
    if (kind == "strengthen-end") return tr("Strengthen the end");
    if (kind == "design-positive-peak") return tr("Design a positive peak");
    if (kind == "rate-end") return tr("Rate the end");
    if (kind == "rate-peak") return tr("Rate the pinned peak");
    if (kind == "write-need") return tr("Write the customer's need");
    return tr("Recommendation");
}

// Breaks text into lines at spaces only, so that "+1.5" or "0.06" never splits at its point (ImGui
// breaks after '.'). A word wider than the width is left to ImGui's own wrapping.
std::string wrap_at_spaces(const std::string& text, float width) {
    std::string out, line;
    std::size_t i = 0;
    while (i <= text.size()) {
        const std::size_t j = std::min(text.find(' ', i), text.size());
        const std::string word = text.substr(i, j - i);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            out += line;
            out += '\n';
            line = word;
        } else {
            line = candidate;
        }
        i = j + 1;
    }
    out += line;
    return out;
}

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(wrap_at_spaces(text, ImGui::GetContentRegionAvail().x).c_str());
    ImGui::PopTextWrapPos();
}

// [SECTION] Icons
enum class Icon { Peak, End, Best, Worst };

void draw_icon(AppState& app, ImDrawList* list, ImVec2 c, Icon icon, bool pinned) {
    const float s = ImGui::GetFontSize() / 15.0f;  // icons scale with the UI font
    const render::Theme th = current_theme(app);
    ImGuiTextMeasurer measurer(app.fonts);
    CanvasTransform t;
    t.origin = c;
    t.scale = s;
    ImGuiPainter p(list, t, app.fonts, measurer);
    const render::RGBA halo = th.background;
    switch (icon) {
        case Icon::Peak:
            render::peak_symbol(p, {0, 0}, 7, th.mark);
            if (pinned) render::pin_symbol(p, {7.5f, -5.5f}, 2.6f, th.mark, halo);
            break;
        case Icon::End:
            render::end_symbol(p, {-4, 7}, 14, th.mark);
            if (pinned) render::pin_symbol(p, {9, -6}, 2.6f, th.mark, halo);
            break;
        case Icon::Best:
            p.fill_polygon({{0, -6}, {6, 5}, {-6, 5}}, th.emotion_positive);
            break;
        case Icon::Worst:
            p.fill_polygon({{-6, -5}, {6, -5}, {0, 6}}, th.emotion_negative);
            break;
    }
}

// [SECTION] Rows
// A clickable block spanning the column: an icon, a first line, and optional wrapped text under it.
// Clicking selects the step and scrolls the canvas to it.
void step_row(AppState& app, PeakEndRow row, Icon icon, bool pinned, const std::string& first, const char* right,
              const std::string& body = {}) {
    auto& st = app.peak_end;
    const float s = ImGui::GetFontSize() / 15.0f;
    const float icon_w = 24 * s;
    const float w = ImGui::GetContentRegionAvail().x;
    const float lh = ImGui::GetTextLineHeight();
    const float right_w = right ? ImGui::CalcTextSize(right).x + 6 * s : 0;
    const float text_w = std::max(w - icon_w - right_w, 40.0f);
    const std::string first_text = wrap_at_spaces(first, text_w);
    const std::string body_text = wrap_at_spaces(body, w - icon_w);
    const ImVec2 first_size = ImGui::CalcTextSize(first_text.c_str(), nullptr, false, text_w);
    const ImVec2 body_size = body.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(body_text.c_str(), nullptr, false, w - icon_w);
    const float h = first_size.y + (body.empty() ? 0 : body_size.y + 2 * s) + 4 * s;
    const bool selected = app.selection.kind == SelectionKind::Step && app.selection.step == row.step;
    ImGui::PushID(static_cast<int>(st.rows.size()));
    const bool clicked = ImGui::Selectable("##row", selected, ImGuiSelectableFlags_None, ImVec2(w, h));
    ImGui::PopID();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (ImGui::IsItemHovered()) {
        st.hover_step = row.step;
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    draw_icon(app, list, ImVec2(a.x + icon_w * 0.45f, a.y + 2 * s + lh * 0.5f), icon, pinned);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + icon_w, a.y + 2 * s), text, first_text.c_str(), nullptr,
                  text_w);
    if (right) list->AddText(ImVec2(b.x - right_w + 2 * s, a.y + 2 * s), text, right);
    if (!body.empty())
        list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + icon_w, a.y + 4 * s + first_size.y),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled), body_text.c_str(), nullptr, w - icon_w);
    row.min = a;
    row.max = b;
    st.rows.push_back(std::move(row));
    if (clicked) jump_to_step(app, st.rows.back().step);
}

// "+2 very positive"
std::string emotion_words(std::optional<int> e) {
    if (!e) return tr("not rated");
    return std::string(emotion_text(*e)) + " " + emotion_meaning(*e);
}

// [SECTION] Summary column
void remember_numbers(AppState& app, const analysis::PeakEnd& pe) {
    auto& st = app.peak_end;
    st.remembered_text = pe.remembered ? format_rating(*pe.remembered) : "\xE2\x80\x94";
    st.experienced_text = pe.experienced ? format_rating(*pe.experienced) : "\xE2\x80\x94";
    st.gap_text = pe.gap ? format_rating(*pe.gap) : "\xE2\x80\x94";
}

// Remembered (solid) and experienced (lighter) as bars on the −2…+2 scale with a zero line.
void chart(AppState& app, const analysis::PeakEnd& pe) {
    const auto& st = app.peak_end;
    const float s = ImGui::GetFontSize() / 15.0f;
    const render::Theme th = current_theme(app);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float lh = ImGui::GetTextLineHeight();
    const float label_w = std::max(ImGui::CalcTextSize(tr("Experienced")).x, ImGui::CalcTextSize(tr("Remembered")).x) + 10 * s;
    const float value_w = ImGui::CalcTextSize("+0.0").x + 8 * s;
    const float x0 = o.x + label_w + 6 * s, x1 = o.x + w - value_w;
    if (x1 - x0 < 60 * s) return;
    const auto x_of = [&](double v) { return x0 + (x1 - x0) * static_cast<float>((std::clamp(v, -2.0, 2.0) + 2) / 4); };
    const float row_h = lh + 6 * s;
    const float top = o.y + 2 * s, bottom = top + 2 * row_h;
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (int v = -2; v <= 2; ++v) {
        const float x = x_of(v);
        list->AddLine(ImVec2(x, top), ImVec2(x, bottom), v == 0 ? text : grid, v == 0 ? 1.6f * s : 1.0f);
        const char* label = emotion_text(v);
        const float tw = ImGui::CalcTextSize(label).x;
        list->AddText(ImVec2(x - tw / 2, bottom + 1 * s), v == 0 ? text : muted, label);
    }
    const struct {
        const char* name;
        const std::string& text;
        std::optional<double> value;
        bool solid;
    } bars[] = {{tr("Remembered"), st.remembered_text, pe.remembered, true},
                {tr("Experienced"), st.experienced_text, pe.experienced, false}};
    for (int i = 0; i < 2; ++i) {
        const float y = top + static_cast<float>(i) * row_h;
        list->AddText(ImVec2(o.x, y + (row_h - lh) / 2), text, bars[i].name);
        if (!bars[i].value) continue;
        const double v = *bars[i].value;
        const render::RGBA c = v < 0 ? th.emotion_negative : v > 0 ? th.emotion_positive : th.emotion_neutral;
        const float xa = x_of(0), xb = x_of(v);
        const ImVec2 a(std::min(xa, xb), y + 4 * s);
        const ImVec2 b(std::max(std::max(xa, xb), a.x + 2 * s), y + row_h - 4 * s);
        const render::RGBA fill = bars[i].solid ? c : render::RGBA{c.r, c.g, c.b, 90};
        list->AddRectFilled(a, b, to_imgui(fill), 2 * s);
        list->AddRect(a, b, to_imgui(c), 2 * s, 0, 1.2f * s);
        // The number right of the bar; for a negative one, right of the zero line.
        list->AddText(ImVec2(std::max(b.x, xa) + 4 * s, y + (row_h - lh) / 2), text, bars[i].text.c_str());
    }
    ImGui::Dummy(ImVec2(w, bottom - o.y + lh + 4 * s));
}

// The numbers with how they are made.
void numbers_table(const AppState& app, const analysis::PeakEnd& pe) {
    const auto& st = app.peak_end;
    if (!ImGui::BeginTable("##numbers", 3, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("##what");  // no header row: the names are IDs only
    ImGui::TableSetupColumn("##value");
    ImGui::TableSetupColumn("##how", ImGuiTableColumnFlags_WidthStretch);
    const std::string avg =
        strprintf(pe.rated.size() == 1
                      ? (pe.experienced_weighted ? tr("average of %zu rated step, weighted by minutes")
                                                 : tr("average of %zu rated step"))
                      : (pe.experienced_weighted ? tr("average of %zu rated steps, weighted by minutes")
                                                 : tr("average of %zu rated steps")),
                  pe.rated.size());
    const struct {
        const char* what;
        const std::string& value;
        std::string how;
    } rows[] = {{tr("Remembered"), st.remembered_text, tr("(peak + end) ÷ 2")},
                {tr("Experienced"), st.experienced_text, avg},
                {tr("Gap"), st.gap_text, tr("remembered − experienced")}};
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(r.what);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(r.value.c_str());
        ImGui::TableSetColumnIndex(2);
        widgets::hint(r.how.c_str());
    }
    ImGui::EndTable();
}

void summary_column(AppState& app, const analysis::PeakEnd& pe) {
    widgets::section(tr("What customers will remember"));
    remember_numbers(app, pe);
    app.peak_end.sentence = remembered_sentence(pe);
    wrapped(app.peak_end.sentence);
    ImGui::Spacing();
    if (pe.remembered || pe.experienced) chart(app, pe);
    numbers_table(app, pe);
}

// [SECTION] Moment columns
void need_and_opportunity(const Step& s) {
    const auto row = [](const char* label, const std::string& text, const char* missing) {
        ImGui::TextDisabled("%s", label);
        ImGui::SameLine();
        if (text.empty()) widgets::hint(missing);
        else ImGui::TextWrapped("%s", text.c_str());
    };
    row(tr("Need"), s.need, tr("not written: what does the customer need here?"));
    row(tr("Opportunity"), s.opportunity, tr("not written: how could this moment be better?"));
}

void moment_column(AppState& app, const analysis::PeakEnd& pe, bool peak) {
    const Document& doc = app.doc();
    const auto& m = peak ? pe.peak : pe.end;
    const bool same = pe.peak && pe.end && pe.peak->step == pe.end->step;
    widgets::section(peak ? (same ? tr("Peak and end · 峰值 · 终点 — remembered most")
                                  : tr("Peak · 峰值 — the most intense moment"))
                          : tr("End · 终点 — the last moment"));
    if (!m) {
        widgets::hint(peak ? tr("No peak yet: the peak is the most intense rated step. Rate the steps in the emotion row.")
                           : tr("No end yet: the end is the last rated step, or a step pinned as the end."));
        return;
    }
    const bool pinned = peak ? pe.peak_pinned : pe.end_pinned;
    const std::string right = emotion_words(m->emotion);
    PeakEndRow row;
    row.kind = peak ? PeakEndRow::Kind::Peak : PeakEndRow::Kind::End;
    row.step = m->step;
    row.text = step_name(doc, m->step);
    step_row(app, row, peak ? Icon::Peak : Icon::End, pinned, row.text, right.c_str(),
             pinned ? (peak ? tr("pinned as the peak") : tr("pinned as the end")) : "");
    if (!peak && same) {
        widgets::hint(tr("The end is also the peak: everything customers remember happens here."));
        return;
    }
    if (const Step* s = doc.find(m->step)) need_and_opportunity(*s);
}

void more_column(AppState& app, const analysis::PeakEnd& pe) {
    const Document& doc = app.doc();
    widgets::section(tr("What to change"));
    if (pe.recommendations.empty()) {
        widgets::hint(pe.rated.empty() ? tr("Rate the steps first.")
                                       : tr("Nothing to fix by the rule: the peak is positive and the end is no worse "
                                            "than the average. Build on the opportunities written at the peak and the "
                                            "end."));
    }
    for (const auto& r : pe.recommendations) {
        PeakEndRow row;
        row.kind = PeakEndRow::Kind::Recommendation;
        row.step = r.step;
        row.text = finding_text(r, doc);
        // The icon of the moment the advice is about: the peak's star, else the end's flag.
        const bool about_peak = r.kind == "mitigate-peak" || r.kind == "rate-peak" ||
                                (r.kind == "write-need" && pe.peak && pe.peak->step == r.step);
        const bool pinned = about_peak ? pe.peak_pinned && r.kind != "rate-peak" : pe.end_pinned && pe.end && pe.end->step == r.step;
        const std::string text = row.text;
        step_row(app, row, about_peak ? Icon::Peak : Icon::End, pinned, headline(r.kind), nullptr, text);
        ImGui::Spacing();
    }
    widgets::section(tr("Best and worst"));
    const auto extreme = [&](const std::optional<analysis::Moment>& m, bool best) {
        if (!m) return;
        PeakEndRow row;
        row.kind = best ? PeakEndRow::Kind::Best : PeakEndRow::Kind::Worst;
        row.step = m->step;
        row.text = step_name(doc, m->step);
        const std::string right = m->emotion ? emotion_text(*m->emotion) : "";
        step_row(app, row, best ? Icon::Best : Icon::Worst, false, strprintf(best ? tr("Best: %s") : tr("Worst: %s"), row.text.c_str()),
                 right.c_str());
    };
    extreme(pe.best, true);
    extreme(pe.worst, false);
    if (!pe.best) widgets::hint(tr("No step is rated yet."));
}

// [SECTION] The panel
void column(const char* id, float w, float h, bool border_left) {
    if (border_left) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x - 1, p.y), ImVec2(p.x - 1, p.y + h), ImGui::GetColorU32(ImGuiCol_Border));
    }
    const float s = ImGui::GetFontSize() / 15.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * s, 2 * s));
    ImGui::BeginChild(id, ImVec2(w, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
}

void draw_panel(AppState& app, ImVec2 size) {
    const analysis::PeakEnd& pe = peak_end_analysis(app);
    auto& st = app.peak_end;
    const float s = app.ui_scale();
    // The title bar: the panel's name, the rule in one line, a close button.
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    ImGui::TextUnformatted(tr("Peak-end · 峰终定律"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("Customers remember the most intense moment and the end, not the length: remembered ≈ (peak "
                                 "+ end) ÷ 2."));
    const float close_w = ImGui::GetFrameHeight();
    ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - close_w, ImGui::GetCursorPosX()));
    if (ImGui::Button("×", ImVec2(close_w, 0))) show_peak_end_panel(app, false);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Hide the peak-end panel (View menu, toolbar)"));

    const float h = std::max(ImGui::GetContentRegionAvail().y, 20.0f);
    const float w = ImGui::GetContentRegionAvail().x;
    (void)size;
    if (w >= 880 * s) {
        const float w0 = std::clamp(w * 0.25f, 250 * s, 420 * s);
        const float w3 = std::clamp(w * 0.26f, 240 * s, 460 * s);
        const float wm = (w - w0 - w3) / 2;
        column("##pe_summary", w0, h, false);
        summary_column(app, pe);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        column("##pe_peak", wm, h, true);
        moment_column(app, pe, true);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        column("##pe_end", wm, h, true);
        moment_column(app, pe, false);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        column("##pe_more", w3, h, true);
        more_column(app, pe);
        ImGui::EndChild();
    } else {
        const float w0 = std::clamp(w * 0.45f, 200 * s, 380 * s);
        column("##pe_summary", w0, h, false);
        summary_column(app, pe);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        column("##pe_rest", w - w0, h, true);
        moment_column(app, pe, true);
        moment_column(app, pe, false);
        more_column(app, pe);
        ImGui::EndChild();
    }
    st.drawn = true;
}

}  // namespace

// [SECTION] Dock
float peak_end_dock_height(const AppState& app, float body_height) {
    if (!app.settings.show_peak_end) return 0;
    const float s = app.ui_scale();
    const float want = app.settings.peak_end_height * s;
    return std::clamp(want, std::min(120 * s, body_height * 0.5f), std::max(body_height * 0.6f, 40.0f));
}

void draw_peak_end_dock(AppState& app, ImVec2 size) {
    auto& st = app.peak_end;
    st.drawn = false;
    st.rows.clear();
    st.hover_step = StepId();
    if (size.y <= 0) return;
    const float s = app.ui_scale();
    const float splitter_h = 6 * s;
    // The splitter: drag it to give the panel more or less room.
    ImGui::InvisibleButton("##pe_splitter", ImVec2(size.x, splitter_h));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive())
        app.settings.peak_end_height = std::clamp(app.settings.peak_end_height - ImGui::GetIO().MouseDelta.y / s, 120.0f, 900.0f);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, (a.y + b.y) * 0.5f), ImVec2(b.x, (a.y + b.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * s, 4 * s));
    ImGui::BeginChild("##peak_end", ImVec2(size.x, std::max(size.y - splitter_h, 10.0f)), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    draw_panel(app, size);
    ImGui::EndChild();
}

void show_peak_end_panel(AppState& app, bool show) { app.settings.show_peak_end = show; }

bool open_peak_end_by_name(AppState& app, std::string_view name) {
    if (name != "peak-end") return false;
    show_peak_end_panel(app, true);
    return true;
}

void draw_peak_end_toolbar_button(AppState& app) {
    const float s = app.ui_scale();
    ImGui::SameLine(0, 18 * s);
    const bool on = app.settings.show_peak_end;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::Button(tr("Peak-end"));
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", on ? tr("Hide the peak-end panel: what customers will remember (峰终定律)")
                                   : tr("Show the peak-end panel: what customers will remember (峰终定律)"));
    if (clicked) show_peak_end_panel(app, !on);
}

void jump_to_step(AppState& app, const StepId& id) {
    const int i = app.doc().step_index(id);
    if (i < 0) return;
    app.selection.set_step(id);
    reveal_step(app, i);
}

}  // namespace sm::ui
