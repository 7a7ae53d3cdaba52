// Stagemap — the peak-end rule in the GUI: rating steps on the emotion row, pinning the peak and
// the end from the context menu, and the Peak-end panel, driven through headless ImGui frames.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/peak_end.h"
#include "edit/edit.h"
#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/emotion_edit.h"
#include "ui/glyph_ranges.h"
#include "ui/modals.h"
#include "ui/keys.h"
#include "ui/peak_end_panel.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

// [SECTION] Helpers
const layout::EmotionPoint& point(Harness& h, const StepId& id) {
    const int i = h.doc().step_index(id);
    REQUIRE(h.lay().emotion);
    for (const auto& pt : h.lay().emotion->points)
        if (pt.step == i) return pt;
    FAIL("no emotion point for " << id.str());
    return h.lay().emotion->points.front();
}

// The screen position of emotion value v in a step's column.
ImVec2 at_value(Harness& h, const StepId& id, int v) {
    const auto& er = *h.lay().emotion;
    return h.to_screen({point(h, id).pos.x, er.baseline_y - static_cast<float>(v) * er.unit});
}

const Step* first_step_rated(const Document& d, int emotion) {
    for (const auto& s : d.steps)
        if (s.emotion == emotion) return &s;
    return nullptr;
}

// "+1.5", "−0.3", "0.0" back to a number.
double parse_rating(std::string s) {
    const std::string minus = "\xE2\x88\x92";
    bool negative = false;
    if (s.rfind(minus, 0) == 0) {
        negative = true;
        s = s.substr(minus.size());
    } else if (!s.empty() && s[0] == '+') {
        s = s.substr(1);
    }
    const double v = std::stod(s);
    return negative ? -v : v;
}

const ui::PeakEndRow* find_row(Harness& h, ui::PeakEndRow::Kind kind) {
    for (const auto& r : h.app().peak_end.rows)
        if (r.kind == kind) return &r;
    return nullptr;
}

ImVec2 centre(ImVec2 a, ImVec2 b) { return ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2); }

ImVec2 menu_item(Harness& h, const char* label) {
    for (const auto& m : h.app().canvas.emotion.menu_items)
        if (std::string(m.label) == label) return centre(m.min, m.max);
    FAIL("the context menu has no item " << label);
    return {};
}

}  // namespace

// [SECTION] Rating on the emotion row
TEST_CASE("dragging an emotion point from 0 to +2 rates the step, live, in one undo step") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const std::string original = io::to_text(h.doc());
    const Step* s = first_step_rated(h.doc(), 0);
    REQUIRE(s);
    const StepId id = s->id;
    const auto undo_before = h.app().session.history.undo_count();

    h.move(at_value(h, id, 0));
    h.press();
    h.move(at_value(h, id, 1));
    // Live: the document already holds +1 while the button is down, as one undo step.
    CHECK(h.doc().find(id)->emotion == 1);
    CHECK(h.app().session.history.undo_count() == undo_before + 1);
    CHECK(h.app().canvas.gesture == ui::Gesture::RateEmotion);
    h.move(at_value(h, id, 2));
    h.move(ImVec2(at_value(h, id, 2).x + 3, at_value(h, id, 2).y - 40));  // past the top: stays +2
    CHECK(h.doc().find(id)->emotion == 2);
    h.release();

    CHECK(h.doc().find(id)->emotion == 2);
    CHECK(h.app().session.history.undo_count() == undo_before + 1);
    CHECK(h.app().session.history.undo_name() == "Set emotion");
    CHECK(h.app().selection.kind == ui::SelectionKind::Step);
    CHECK(h.app().selection.step == id);

    h.key(ui::keys::Z, true);
    CHECK(h.doc().find(id)->emotion == 0);
    CHECK(io::to_text(h.doc()) == original);
    CHECK(h.app().session.history.undo_count() == undo_before);
}

TEST_CASE("dragging a point back to where it was leaves no undo step; Esc takes a drag back") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const Step* s = first_step_rated(h.doc(), 0);
    REQUIRE(s);
    const StepId id = s->id;
    h.move(at_value(h, id, 0));
    h.press();
    h.move(at_value(h, id, -2));
    CHECK(h.doc().find(id)->emotion == -2);
    h.move(at_value(h, id, 0));
    h.release();
    CHECK(h.doc().find(id)->emotion == 0);
    CHECK_FALSE(h.app().session.history.can_undo());

    h.frame(30);  // not a double-click
    h.move(at_value(h, id, 0));
    h.press();
    h.move(at_value(h, id, 1));
    CHECK(h.doc().find(id)->emotion == 1);
    h.named_key(ImGuiKey_Escape);
    h.release();
    CHECK(h.doc().find(id)->emotion == 0);
    CHECK_FALSE(h.app().session.history.can_undo());
}

TEST_CASE("clicking an unrated step's slot rates it where clicked") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const StepId a = h.doc().steps[2].id, b = h.doc().steps[4].id;
    h.app().session.execute(edit::set_step_emotion(h.doc(), a, std::nullopt));
    h.app().session.execute(edit::set_step_emotion(h.doc(), b, std::nullopt));
    h.frame(2);
    const auto undo_before = h.app().session.history.undo_count();
    REQUIRE_FALSE(h.doc().find(a)->emotion);

    h.click(at_value(h, a, 0));  // on the baseline: 0
    REQUIRE(h.doc().find(a)->emotion);
    CHECK(*h.doc().find(a)->emotion == 0);
    CHECK(h.app().session.history.undo_count() == undo_before + 1);

    h.frame(30);  // not a double-click
    h.click(at_value(h, b, 1));  // one unit up: +1
    REQUIRE(h.doc().find(b)->emotion);
    CHECK(*h.doc().find(b)->emotion == 1);
    CHECK(h.app().session.history.undo_count() == undo_before + 2);

    // Clicking a rated step's slot away from its point only selects the step.
    h.frame(30);
    const int rated = h.doc().find(a)->emotion.value();
    h.click(at_value(h, a, rated == 0 ? 2 : 0));
    CHECK(h.doc().find(a)->emotion == rated);
    CHECK(h.app().selection.step == a);
}

TEST_CASE("hovering an emotion point shows the step's tooltip") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const Document& d = h.doc();
    const auto pe = analysis::analyze_peak_end(d);
    REQUIRE(pe.peak);
    const StepId id = pe.peak->step;
    h.move(h.to_screen(point(h, id).pos));
    h.frame(2);
    CHECK(h.app().canvas.emotion.hover_step == d.step_index(id));
    CHECK(h.app().canvas.emotion.tooltip_shown == -1);  // not at once
    h.advance(0.5);
    h.frame();
    CHECK(h.app().canvas.emotion.tooltip_shown == d.step_index(id));
    // Away from the row: no tooltip.
    h.move(ImVec2(5, 5));
    h.advance(0.5);
    CHECK(h.app().canvas.emotion.tooltip_shown == -1);
}

// [SECTION] Pins from the context menu
TEST_CASE("Pin as peak from a step header's context menu, then undo") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const std::string original = io::to_text(h.doc());
    const auto before = analysis::analyze_peak_end(h.doc());
    REQUIRE(before.peak);
    // A rated step that is not the peak.
    const Step* target = nullptr;
    for (const auto& s : h.doc().steps)
        if (s.emotion && s.id != before.peak->step) target = &s;
    REQUIRE(target);
    const StepId id = target->id;
    const int i = h.doc().step_index(id);

    h.click(h.to_screen(h.lay().steps[static_cast<std::size_t>(i)].header.center()), 1);
    h.frame();
    REQUIRE_FALSE(h.app().canvas.emotion.menu_items.empty());
    h.click(menu_item(h, "Pin as peak"));
    CHECK(h.doc().find(id)->peak == true);
    CHECK(h.app().session.history.undo_name() == "Pin as peak");
    auto pe = analysis::analyze_peak_end(h.doc());
    REQUIRE(pe.peak);
    CHECK(pe.peak->step == id);
    CHECK(pe.peak_pinned);
    // The panel follows.
    h.frame();
    const ui::PeakEndRow* row = find_row(h, ui::PeakEndRow::Kind::Peak);
    REQUIRE(row);
    CHECK(row->step == id);

    h.key(ui::keys::Z, true);
    CHECK_FALSE(h.doc().find(id)->peak.has_value());
    CHECK(io::to_text(h.doc()) == original);
    pe = analysis::analyze_peak_end(h.doc());
    CHECK(pe.peak->step == before.peak->step);
}

TEST_CASE("Pin as end from an emotion point's context menu moves the end, in one undo step") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    const auto before = analysis::analyze_peak_end(h.doc());
    REQUIRE(before.end);
    const StepId id = h.doc().steps[1].id;
    REQUIRE(id != before.end->step);
    const auto undo_before = h.app().session.history.undo_count();

    h.click(h.to_screen(point(h, id).pos), 1);
    h.frame();
    CHECK(h.app().selection.step == id);
    h.click(menu_item(h, "Pin as end"));
    CHECK(h.doc().find(id)->end == true);
    const auto pe = analysis::analyze_peak_end(h.doc());
    REQUIRE(pe.end);
    CHECK(pe.end->step == id);
    CHECK(pe.end_pinned);
    CHECK(h.app().session.history.undo_count() == undo_before + 1);

    // Pinning another step as the end unpins this one (one end), still one undo step.
    const StepId other = h.doc().steps[3].id;
    h.click(h.to_screen(point(h, other).pos), 1);
    h.frame();
    h.click(menu_item(h, "Pin as end"));
    CHECK(h.doc().find(other)->end == true);
    CHECK_FALSE(h.doc().find(id)->end.has_value());
    CHECK(h.app().session.history.undo_count() == undo_before + 2);

    // Automatic, then Clear emotion.
    h.click(h.to_screen(point(h, other).pos), 1);
    h.frame();
    h.click(menu_item(h, "Automatic"));
    CHECK_FALSE(h.doc().find(other)->end.has_value());
    h.click(h.to_screen(point(h, other).pos), 1);
    h.frame();
    h.click(menu_item(h, "Clear emotion"));
    CHECK_FALSE(h.doc().find(other)->emotion.has_value());
    h.key(ui::keys::Z, true);
    CHECK(h.doc().find(other)->emotion.has_value());
}

TEST_CASE("pin_command keeps one pinned peak and makes nothing when nothing changes") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const Document& d = h.doc();
    CHECK_FALSE(ui::pin_command(d, d.steps[0].id, ui::PinAction::Automatic));  // nothing pinned there
    CHECK_FALSE(ui::pin_command(d, StepId("no-such-step"), ui::PinAction::PinPeak));
    h.app().session.execute(ui::pin_command(d, d.steps[0].id, ui::PinAction::PinPeak));
    h.app().session.execute(ui::pin_command(h.doc(), h.doc().steps[2].id, ui::PinAction::PinPeak));
    CHECK_FALSE(h.doc().steps[0].peak.has_value());
    CHECK(h.doc().steps[2].peak == true);
    h.app().session.execute(ui::pin_command(h.doc(), h.doc().steps[4].id, ui::PinAction::ExcludePeak));
    CHECK(h.doc().steps[4].peak == false);
    CHECK(h.doc().steps[2].peak == true);
}

// [SECTION] The panel
TEST_CASE("the panel's numbers equal the analysis for every example blueprint") {
    const auto files = ui::example_blueprints();
    REQUIRE(files.size() >= 3);
    for (const auto& f : files) {
        CAPTURE(f.filename().string());
        Harness h(f);
        h.frame();
        const auto& st = h.app().peak_end;
        REQUIRE(st.drawn);
        const auto pe = analysis::analyze_peak_end(h.doc());
        REQUIRE(pe.remembered);
        REQUIRE(pe.experienced);
        REQUIRE(pe.gap);
        CHECK(std::abs(parse_rating(st.remembered_text) - *pe.remembered) <= 0.05 + 1e-9);
        CHECK(std::abs(parse_rating(st.experienced_text) - *pe.experienced) <= 0.05 + 1e-9);
        CHECK(std::abs(parse_rating(st.gap_text) - *pe.gap) <= 0.05 + 1e-9);
        CHECK(st.sentence.find(st.remembered_text) != std::string::npos);
        CHECK(st.sentence.find(st.experienced_text) != std::string::npos);
        const ui::PeakEndRow* peak = find_row(h, ui::PeakEndRow::Kind::Peak);
        const ui::PeakEndRow* end = find_row(h, ui::PeakEndRow::Kind::End);
        const ui::PeakEndRow* best = find_row(h, ui::PeakEndRow::Kind::Best);
        const ui::PeakEndRow* worst = find_row(h, ui::PeakEndRow::Kind::Worst);
        REQUIRE(peak);
        REQUIRE(end);
        REQUIRE(best);
        REQUIRE(worst);
        CHECK(peak->step == pe.peak->step);
        CHECK(end->step == pe.end->step);
        CHECK(best->step == pe.best->step);
        CHECK(worst->step == pe.worst->step);
        std::size_t recs = 0;
        for (const auto& r : st.rows) recs += r.kind == ui::PeakEndRow::Kind::Recommendation;
        CHECK(recs == pe.recommendations.size());

        // Live: rate the end −2 and the panel shows the new numbers in the next frame.
        const std::string old_gap = st.gap_text;
        ui::set_emotion(h.app(), pe.end->step, -2);
        h.frame();
        const auto after = analysis::analyze_peak_end(h.doc());
        REQUIRE(after.gap);
        CHECK(std::abs(parse_rating(st.gap_text) - *after.gap) <= 0.05 + 1e-9);
        CHECK(std::abs(parse_rating(st.remembered_text) - *after.remembered) <= 0.05 + 1e-9);
        CHECK(st.gap_text != old_gap);
    }
}

TEST_CASE("clicking a recommendation selects its step and scrolls the canvas to it") {
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    auto pe = analysis::analyze_peak_end(h.doc());
    REQUIRE(pe.end);
    const StepId end = pe.end->step;
    // A bad end: the analysis asks to strengthen it.
    ui::set_emotion(h.app(), end, -1);
    h.frame();
    pe = analysis::analyze_peak_end(h.doc());
    REQUIRE_FALSE(pe.recommendations.empty());
    // Zoomed in on the first step, far from the end.
    ui::set_zoom(h.app(), 3);
    ui::reveal_step(h.app(), 0);
    h.app().selection.clear();
    h.frame(2);
    const auto visible = [&](const StepId& id) {
        const auto& c = h.app().canvas;
        const auto& b = h.lay().steps[static_cast<std::size_t>(h.doc().step_index(id))].header;
        const ImVec2 a = c.transform.rect_min(b), z = c.transform.rect_max(b);
        return a.x >= c.region_min.x && z.x <= c.region_max.x && a.y >= c.region_min.y && z.y <= c.region_max.y;
    };
    REQUIRE_FALSE(visible(end));

    const ui::PeakEndRow* rec = nullptr;
    for (const auto& r : h.app().peak_end.rows)
        if (r.kind == ui::PeakEndRow::Kind::Recommendation && r.step == end) rec = &r;
    REQUIRE(rec);
    CHECK(rec->text.find("strengthen") == std::string::npos);  // the sentence, not the kind
    h.click(ImVec2(centre(rec->min, rec->max).x, rec->min.y + 8));  // on its headline
    CHECK(h.app().selection.kind == ui::SelectionKind::Step);
    CHECK(h.app().selection.step == end);
    h.frame();
    CHECK(visible(end));
}

TEST_CASE("the panel's moment rows jump to their steps; the toolbar and View hide it") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const auto pe = analysis::analyze_peak_end(h.doc());
    const ui::PeakEndRow* end = find_row(h, ui::PeakEndRow::Kind::End);
    REQUIRE(end);
    REQUIRE(h.app().selection.empty());
    h.click(centre(end->min, end->max));
    CHECK(h.app().selection.kind == ui::SelectionKind::Step);
    CHECK(h.app().selection.step == pe.end->step);

    const float canvas_h = h.app().canvas.region_max.y - h.app().canvas.region_min.y;
    ui::show_peak_end_panel(h.app(), false);
    h.frame(2);
    CHECK_FALSE(h.app().peak_end.drawn);
    CHECK(h.app().canvas.region_max.y - h.app().canvas.region_min.y > canvas_h + 100);
    CHECK(ui::open_peak_end_by_name(h.app(), "peak-end"));
    CHECK_FALSE(ui::open_peak_end_by_name(h.app(), "tiers"));
    h.frame(2);
    CHECK(h.app().peak_end.drawn);
}

// [SECTION] Words
TEST_CASE("ratings and the remembered sentence") {
    CHECK(ui::format_rating(1.5) == "+1.5");
    CHECK(ui::format_rating(0.3142857) == "+0.3");
    CHECK(ui::format_rating(-0.25) == "\xE2\x88\x92" "0.3");
    CHECK(ui::format_rating(-0.04) == "0.0");
    CHECK(ui::format_rating(0) == "0.0");
    analysis::PeakEnd pe;
    CHECK(ui::remembered_sentence(pe).find("No step is rated") != std::string::npos);
    pe.rated = {StepId("a")};
    pe.remembered = 1.5;
    pe.experienced = 0.3;
    CHECK(ui::remembered_sentence(pe) ==
          "Customers will remember this visit as +1.5 \xE2\x80\x94 better than it felt on average (+0.3).");
    pe.remembered = -0.5;
    CHECK(ui::remembered_sentence(pe).find("worse than it felt on average (+0.3)") != std::string::npos);
    pe.remembered = 0.32;
    pe.experienced_weighted = true;
    CHECK(ui::remembered_sentence(pe).find("about what it felt like on average (+0.3, weighted by minutes)") !=
          std::string::npos);
}

TEST_CASE("add_utf8 skips malformed bytes but keeps a real U+FFFD") {
    ui::CodePoints cps;
    ui::add_utf8(cps, "\xEF\xBF\xBD" "a\xE4\xB8" "b\xC0\xAF" "c\xE4");  // U+FFFD, a, a cut 中, b, overlong /, c, a cut byte
    CHECK(cps == ui::CodePoints{U'\uFFFD', U'a', U'b', U'c'});
}
