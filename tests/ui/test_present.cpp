// Stagemap — workshop mode in headless frames: entering and leaving presentation, the walk
// through the phases, reading size on a projector, dot voting with undo, Top voted, quick
// capture, the interface language at run time, projector contrast and the UI scale.
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include "edit/cards.h"
#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/actions.h"
#include "ui/capture.h"
#include "ui/i18n.h"
#include "ui/keys.h"
#include "ui/present.h"
#include "ui/theme.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

// The screen rectangle of a phase's header in the presentation view.
ImRect phase_on_screen(Harness& h, int phase) {
    for (const auto& pb : h.lay().phases)
        if (pb.phase == phase) {
            const auto& t = h.app().present.current;
            return ImRect(t.rect_min(pb.rect), t.rect_max(pb.rect));
        }
    return {};
}

ImVec2 present_card_center(Harness& h, int card) {
    for (const auto& cb : h.lay().cards)
        if (cb.card == card) return h.app().present.current.to_screen(cb.rect.center());
    return ImVec2(-1, -1);
}

// A card of the phase shown now whose centre is on the stage.
int visible_card(Harness& h) {
    const Document& d = h.doc();
    for (const auto& cb : h.lay().cards) {
        const Step& s = d.steps[static_cast<std::size_t>(cb.step)];
        if (d.phase_index(s.phase) != h.app().present.phase) continue;
        const ImVec2 c = present_card_center(h, cb.card);
        if (c.x > 50 && c.y > 50 && c.x < 1800 && c.y < 700) return cb.card;
    }
    return -1;
}

}  // namespace

TEST_CASE("F5 enters presentation without menus or panels, Esc leaves and the desk comes back") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    CHECK(Harness::window_open("##MainMenuBar"));
    const float desk_zoom = h.app().canvas.zoom;
    h.key(ui::keys::F5);
    h.advance(1.0);
    CHECK(h.app().present.active);
    CHECK(h.app().present.want_fullscreen);
    CHECK(Harness::window_open("##present"));
    CHECK_FALSE(Harness::window_open("##MainMenuBar"));
    CHECK_FALSE(Harness::window_open("##host"));
    CHECK(h.app().present.phase == 0);
    h.named_key(ImGuiKey_Escape);
    CHECK_FALSE(h.app().present.active);
    h.frame(2);
    CHECK(Harness::window_open("##MainMenuBar"));
    CHECK(h.app().canvas.zoom == doctest::Approx(desk_zoom));
}

TEST_CASE("card text is at least 24 px on a 1080p projector and scales with the screen") {
    for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(3840, 2160), ImVec2(1280, 720)}) {
        Harness h(ui::test::blueprint("hotpot-restaurant"), display);
        ui::enter_presentation(h.app());
        h.advance(1.0);
        for (int phase = 0; phase < ui::phase_count(h.app()); ++phase) {
            ui::present_go_to(h.app(), phase);
            h.advance(2.0);
            const float card_px = h.lay().style.font_size * h.app().present.current.scale;
            INFO("display " << display.x << "x" << display.y << ", phase " << phase);
            CHECK(card_px >= ui::kPresentCardTextPx * display.y / 1080.0f - 0.01f);
        }
    }
}

TEST_CASE("the arrow keys, PageUp/PageDown and Space walk the phases; the current one is on screen") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    h.key(ui::keys::F5);
    auto& p = h.app().present;
    const int n = ui::phase_count(h.app());
    REQUIRE(n >= 3);
    h.named_key(ImGuiKey_RightArrow);
    CHECK(p.phase == 1);
    h.named_key(ImGuiKey_PageDown);
    CHECK(p.phase == 2);
    h.named_key(ImGuiKey_PageUp);
    CHECK(p.phase == 1);
    h.advance(2.0);  // the view eases to the phase
    const ImRect r = phase_on_screen(h, 1);
    CHECK(r.Min.x >= 0);
    CHECK(r.Max.x <= 1920);
    CHECK(std::abs((r.Min.x + r.Max.x) * 0.5f - 960) < 4);  // centred
    CHECK(p.current.scale > h.app().canvas.transform.scale);  // zoomed in on it, closer than the desk's fit
    h.named_key(ImGuiKey_LeftArrow);
    CHECK(p.phase == 0);
    h.named_key(ImGuiKey_LeftArrow);
    CHECK(p.phase == 0);  // the first stays first
    for (int i = 0; i < n; ++i) h.named_key(ImGuiKey_Space);
    CHECK(p.phase == -1);  // after the last phase: the whole blueprint
    h.advance(2.0);
    const auto& grid = h.lay().grid;
    CHECK(p.current.rect_min(grid).x >= 0);
    CHECK(p.current.rect_max(grid).x <= 1920);
    h.named_key(ImGuiKey_RightArrow);
    CHECK(p.phase == -1);
    h.named_key(ImGuiKey_Home);
    CHECK(p.phase == 0);
}

TEST_CASE("dot voting: click adds a vote, right-click removes one, undo takes it back, votes are saved") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    h.key(ui::keys::F5);
    h.advance(2.0);
    const int card = visible_card(h);
    REQUIRE(card >= 0);
    const CardId id = h.doc().cards[static_cast<std::size_t>(card)].id;
    const auto before = h.doc().find(id)->votes;
    const ImVec2 at = present_card_center(h, card);
    h.click(at);
    h.click(at);
    CHECK(h.doc().find(id)->votes == before + 2);
    h.click(at, 1);
    CHECK(h.doc().find(id)->votes == before + 1);
    CHECK(h.app().selection.empty());  // voting never selects
    h.key(ui::keys::Z, true);
    CHECK(h.doc().find(id)->votes == before + 2);
    h.key(ui::keys::Z, true, true);
    CHECK(h.doc().find(id)->votes == before + 1);
    const auto top = ui::top_voted(h.app());
    REQUIRE_FALSE(top.empty());
    for (std::size_t i = 1; i < top.size(); ++i) CHECK(top[i - 1].votes >= top[i].votes);
    CHECK(io::to_text(h.doc()).find("\"votes\": " + std::to_string(before + 1)) != std::string::npos);

    // V turns voting off: clicks change nothing.
    h.key(ui::keys::V);
    h.click(at);
    CHECK(h.doc().find(id)->votes == before + 1);
}

TEST_CASE("quick capture: type, Enter adds a card to the cell and moves to the next step; Esc ends") {
    Harness h(ui::test::blueprint("hotel-stay"));
    const Document& d = h.doc();
    const auto& cols = h.lay().column_order;
    REQUIRE(cols.size() >= 3);
    const LaneId lane = d.lanes[1].id;
    const StepId s0 = d.steps[static_cast<std::size_t>(cols[0])].id;
    const StepId s1 = d.steps[static_cast<std::size_t>(cols[1])].id;
    h.app().selection.set_cell(lane, s0);
    const std::size_t cards_before = d.cards.size();
    h.key('Q');
    h.frame(2);
    REQUIRE(h.app().capture.active);
    CHECK(h.app().capture.lane == lane);
    CHECK(h.app().capture.step == s0);
    h.type("Guest hands over passport");
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    h.type("扫码入住");
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    REQUIRE(h.doc().cards.size() == cards_before + 2);
    auto c0 = edit::cell_cards(h.doc(), lane, s0);
    auto c1 = edit::cell_cards(h.doc(), lane, s1);
    REQUIRE_FALSE(c0.empty());
    REQUIRE_FALSE(c1.empty());
    CHECK(h.doc().find(c0.back())->title == "Guest hands over passport");
    CHECK(h.doc().find(c1.back())->title == "扫码入住");
    CHECK(h.app().capture.step == d.steps[static_cast<std::size_t>(cols[2])].id);
    // An empty Enter skips a step; Esc ends.
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    CHECK(h.app().capture.step == d.steps[static_cast<std::size_t>(cols[3])].id);
    h.named_key(ImGuiKey_Escape);
    h.frame();
    CHECK_FALSE(h.app().capture.active);
    CHECK(h.doc().cards.size() == cards_before + 2);
    // Each note is its own undo step.
    h.key(ui::keys::Z, true);
    CHECK(h.doc().cards.size() == cards_before + 1);
}

TEST_CASE("quick capture in presentation mode follows the phase of the cell") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    h.key(ui::keys::F5);
    h.key('Q');
    h.frame(2);
    REQUIRE(h.app().capture.active);
    CHECK(h.app().present.active);
    const Document& d = h.doc();
    int steps_in_first = 0;
    for (int c : h.lay().column_order)
        if (d.phase_index(d.steps[static_cast<std::size_t>(c)].phase) == 0) ++steps_in_first;
    const std::size_t before = d.cards.size();
    for (int i = 0; i < steps_in_first; ++i) {
        h.type("note");
        h.named_key(ImGuiKey_Enter);
        h.frame(2);
    }
    CHECK(h.doc().cards.size() == before + static_cast<std::size_t>(steps_in_first));
    CHECK(h.app().present.phase == 1);  // the capture walked into the next phase, and the view with it
    h.named_key(ImGuiKey_Escape);
    h.frame();
    CHECK_FALSE(h.app().capture.active);
    CHECK(h.app().present.active);  // Esc ended the capture only
    h.named_key(ImGuiKey_Escape);
    CHECK_FALSE(h.app().present.active);
}

TEST_CASE("the interface switches to Chinese and back without a restart; new blueprints follow it") {
    Harness h;
    h.app().settings.language = "zh-CN";
    h.frame(2);
    CHECK(ui::language() == ui::Lang::ZhCN);
    CHECK(std::string(ui::tr("File")) == "文件");
    ui::action_new(h.app());
    h.frame(2);
    CHECK(h.doc().locale == "zh-CN");
    CHECK(h.doc().lanes[1].name == "顾客行为");
    CHECK(h.doc().tiers.front().name.find("客户") != std::string::npos);
    // Every character of the Chinese interface is in the font atlas.
    CHECK_FALSE(h.app().fonts.stale());
    ImFont* f = h.app().fonts.ui_font();
    REQUIRE(f);
    CHECK(f->FindGlyphNoFallback(U'文') != nullptr);
    h.app().settings.language = "en";
    h.frame(2);
    CHECK(std::string(ui::tr("File")) == "File");
    ui::action_new(h.app());
    h.frame(2);
    CHECK(h.doc().lanes[1].name == "Customer actions");
}

TEST_CASE("projector themes keep every text at 7:1 contrast or more; desk themes at 4.5:1") {
    CHECK(ui::contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0f).epsilon(0.01));
    CHECK(ui::contrast_ratio({119, 119, 119}, {255, 255, 255}) == doctest::Approx(4.48f).epsilon(0.02));
    for (const auto theme : ui::kThemes) {
        const bool projector = theme == ui::ThemeChoice::ProjectorLight || theme == ui::ThemeChoice::ProjectorDark;
        for (const auto& pair : ui::text_pairs(theme)) {
            // On the desk, the bold coloured badges and line labels may use WCAG's 3:1 for bold text.
            const bool accent = pair.what.find("badge") != std::string::npos || pair.what.find("label") != std::string::npos;
            const float need = projector ? 7.0f : accent ? 3.0f : 4.5f;
            INFO(ui::theme_code(theme) << ": " << pair.what);
            CHECK(ui::contrast_ratio(pair.text, pair.fill) >= need);
        }
    }
}

TEST_CASE("presentation uses the presentation theme; the desk keeps its own") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    h.app().settings.theme = ui::ThemeChoice::Light;
    h.app().settings.present_theme = ui::ThemeChoice::ProjectorDark;
    h.key(ui::keys::F5);
    CHECK(ui::effective_theme(h.app()) == ui::ThemeChoice::ProjectorDark);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.1f);
    h.named_key(ImGuiKey_Escape);
    h.frame();
    CHECK(ui::effective_theme(h.app()) == ui::ThemeChoice::Light);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.9f);
}

TEST_CASE("the quick-capture bar grows with the UI scale, once") {
    Harness h;
    h.frame(2);
    const float one = ui::capture_bar_height(h.app());
    CHECK(one >= ImGui::GetFrameHeight() + 12);
    h.app().settings.ui_scale = 2.0f;
    h.frame(2);
    const float two = ui::capture_bar_height(h.app());
    CHECK(two == doctest::Approx(2 * one).epsilon(0.1));  // was 2.7 times: the scaled font was scaled again
    CHECK(two >= ImGui::GetFrameHeight() + 24);
}

TEST_CASE("UI scale from 75 % to 300 % rebuilds the fonts at the new size") {
    Harness h;
    const float base = h.app().fonts.ui_font()->FontSize;
    h.app().settings.ui_scale = 3.0f;
    h.frame(2);
    CHECK(h.app().fonts.ui_font()->FontSize == doctest::Approx(base * 3).epsilon(0.05));
    h.app().settings.ui_scale = 0.75f;
    h.frame(2);
    CHECK(h.app().fonts.ui_font()->FontSize == doctest::Approx(base * 0.75f).epsilon(0.05));
    CHECK(ui::parse_settings("ui_scale=9").ui_scale == 3.0f);
    CHECK(ui::parse_settings("ui_scale=0.2").ui_scale == 0.75f);
    CHECK(ui::parse_settings("theme=projector-dark\nlanguage=zh-CN").theme == ui::ThemeChoice::ProjectorDark);
    CHECK(ui::parse_settings(ui::settings_text(ui::parse_settings("language=zh-CN\npresent_monitor=HDMI-1"))).present_monitor ==
          "HDMI-1");
}
