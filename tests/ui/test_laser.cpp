// Stagemap — the laser pointer of presentation mode in headless frames: a red glowing dot on
// ImGui's foreground draw list, centred on the pointer while it is over the stage, with the
// system pointer hidden; L turns it off and on; none over the journey strip, the quick-capture
// bar, outside the window, on a blanked screen or on the desk; it fades when the pointer rests.
#include <doctest/doctest.h>

#include <imgui.h>

#include <cmath>
#include <string>

#include "harness.h"
#include "ui/capture.h"
#include "ui/keys.h"
#include "ui/present.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

// What present.cpp's laser() paints, innermost last: a faint halo, a glow, the red dot and its
// bright core, with radii in multiples of 0.45 × the stage's text size.
struct LaserRing {
    ImU32 colour;
    float radius;  // × 0.45 px
    const char* what;
};
const LaserRing kRings[] = {
    {IM_COL32(255, 30, 30, 40), 2.2f, "halo"},
    {IM_COL32(255, 30, 30, 90), 1.4f, "glow"},
    {IM_COL32(255, 40, 40, 230), 0.8f, "dot"},
    {IM_COL32(255, 220, 220, 255), 0.3f, "core"},
};

// The stage's own text size: kPresentCardTextPx on a 1080-line screen, scaled with the height.
float stage_px(float display_h) { return ui::kPresentCardTextPx * std::max(display_h, 200.0f) / 1080.0f; }
// The journey strip's height at the bottom of the presentation screen.
float strip_height(float display_h) { return stage_px(display_h) * 5.2f; }

float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool is_laser_colour(ImU32 c) {
    for (const auto& ring : kRings)
        if (c == ring.colour) return true;
    return false;
}

// Vertices in the laser's colours on the foreground draw list of the last frame (anywhere, or
// within `within` pixels of `at`).
int laser_vertices(ImVec2 at = ImVec2(0, 0), float within = -1) {
    int n = 0;
    for (const ImDrawVert& v : ImGui::GetForegroundDrawList()->VtxBuffer)
        if (is_laser_colour(v.col) && (within < 0 || distance(v.pos, at) <= within)) ++n;
    return n;
}

// Empty when the last frame drew the laser's four rings centred on `m` at the sizes for a
// stage text of `px` pixels; otherwise what is wrong. (With anti-aliased fills the coloured
// vertices sit half a pixel inside the circle, the fringe is transparent.)
std::string laser_problem(ImVec2 m, float px) {
    const float r = px * 0.45f;
    std::string problems;
    for (const auto& ring : kRings) {
        int n = 0;
        ImVec2 sum(0, 0);
        float nearest = 1e9f, farthest = 0;
        for (const ImDrawVert& v : ImGui::GetForegroundDrawList()->VtxBuffer) {
            if (v.col != ring.colour) continue;
            ++n;
            sum = ImVec2(sum.x + v.pos.x, sum.y + v.pos.y);
            const float d = distance(v.pos, m);
            nearest = std::min(nearest, d);
            farthest = std::max(farthest, d);
        }
        const float want = r * ring.radius;
        const std::string name = std::string(ring.what) + " (radius " + std::to_string(want) + ")";
        if (n < 8) {
            problems += name + ": " + std::to_string(n) + " vertices; ";
            continue;
        }
        const ImVec2 centre(sum.x / static_cast<float>(n), sum.y / static_cast<float>(n));
        if (distance(centre, m) > 1.0f)
            problems += name + ": centred at " + std::to_string(centre.x) + "," + std::to_string(centre.y) + "; ";
        if (nearest < want - 1.0f || farthest > want + 1.0f)
            problems += name + ": drawn " + std::to_string(nearest) + " to " + std::to_string(farthest) + " px from the pointer; ";
    }
    return problems;
}

bool pointer_hidden() { return ImGui::GetMouseCursor() == ImGuiMouseCursor_None; }

// Presentation mode on a 1080p projector, the view settled.
void present(Harness& h) {
    h.key(ui::keys::F5);
    h.advance(1.0);
    REQUIRE(h.app().present.active);
    REQUIRE(h.app().present.laser);
}

// Presentation with the pointer resting at `m` over the stage, the dot drawn there.
void present_at(Harness& h, ImVec2 m) {
    present(h);
    h.move(m);
    REQUIRE(laser_problem(m, stage_px(1080)) == "");
}

// What the last frame shows when the laser is not drawn: no dot anywhere, the system pointer.
void check_no_laser() {
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
}

}  // namespace

TEST_CASE("laser: a red glowing dot follows the pointer over the stage and hides the system pointer") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    present(h);
    const float px = stage_px(1080);
    const ImVec2 a(700, 450), b(1300, 300);
    h.move(a);
    CHECK(laser_problem(a, px) == "");
    CHECK(pointer_hidden());
    // It stays with the pointer across frames.
    h.frame(3);
    CHECK(laser_problem(a, px) == "");
    h.move(b);
    CHECK(laser_problem(b, px) == "");
    CHECK(laser_vertices(a, 40) == 0);  // nothing left behind where it was
    CHECK(pointer_hidden());
    // On the way, every frame's dot is where the pointer is in that frame.
    for (int i = 1; i <= 4; ++i) {
        const float t = static_cast<float>(i) / 4.0f;
        // Whole pixels: ImGui floors the pointer's position at the start of each frame.
        const ImVec2 p(std::floor(b.x + (a.x - b.x) * t), std::floor(b.y + (a.y - b.y) * t));
        h.move(p);
        INFO("step " << i << " at " << p.x << "," << p.y);
        CHECK(laser_problem(p, px) == "");
    }
}

TEST_CASE("laser: the dot keeps its size relative to the screen on 720p and 4K projectors") {
    for (const ImVec2 display : {ImVec2(1280, 720), ImVec2(3840, 2160)}) {
        INFO("display " << display.x << "x" << display.y);
        Harness h(ui::test::blueprint("hotpot-restaurant"), display);
        present(h);
        const ImVec2 m(std::floor(display.x * 0.4f), std::floor(display.y * 0.4f));
        h.move(m);
        CHECK(laser_problem(m, stage_px(display.y)) == "");
    }
}

TEST_CASE("laser: L turns the laser off, the system pointer comes back; L again turns it on") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    const float px = stage_px(1080);
    present_at(h, ImVec2(800, 400));
    h.key(ui::keys::L);
    CHECK_FALSE(h.app().present.laser);
    check_no_laser();
    // Off stays off while the pointer moves on the stage.
    h.move(ImVec2(900, 420));
    check_no_laser();
    CHECK(h.app().present.active);  // L did nothing else
    h.key(ui::keys::L);
    CHECK(h.app().present.laser);
    CHECK(laser_problem(ImVec2(900, 420), px) == "");
    CHECK(pointer_hidden());
}

TEST_CASE("laser: none over the journey strip, the quick-capture bar or outside the window") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    present(h);
    const float px = stage_px(1080);
    const float stage_bottom = std::floor(1080 - strip_height(1080));
    // Just above the strip: still the stage.
    const ImVec2 above(960, stage_bottom - 10);
    h.move(above);
    CHECK(laser_problem(above, px) == "");
    // On the journey strip.
    h.move(ImVec2(960, stage_bottom + 10));
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
    h.move(ImVec2(960, 1080 - strip_height(1080) * 0.5f));
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
    // Off the window, on every side.
    for (const ImVec2 out : {ImVec2(-30, 400), ImVec2(1950, 400), ImVec2(700, -30), ImVec2(700, 1110)}) {
        INFO("pointer at " << out.x << "," << out.y);
        h.move(out);
        CHECK(laser_vertices() == 0);
        CHECK_FALSE(pointer_hidden());
    }

    // Quick capture: its bar at the bottom pushes the strip up, and neither shows the laser.
    h.move(above);
    h.key(ui::keys::Q);
    h.frame(2);
    REQUIRE(ui::capturing(h.app()));
    const float bar = ui::capture_bar_height(h.app());
    REQUIRE(bar > 10);
    h.move(ImVec2(960, 1080 - bar * 0.5f));  // on the capture bar's text field
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
    h.move(above);  // the strip is here now
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
    const ImVec2 stage(960, std::floor(1080 - bar - strip_height(1080) - 10));
    h.move(stage);
    CHECK(laser_problem(stage, px) == "");
}

TEST_CASE("laser: no dot on the desk, nor after leaving presentation") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    const ImVec2 m(900, 500);
    h.move(m);
    h.frame(2);
    REQUIRE_FALSE(h.app().present.active);
    REQUIRE(h.app().present.laser);  // switched on, but there is no presentation
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
    present(h);
    h.move(ImVec2(m.x + 5, m.y));
    CHECK(laser_problem(ImVec2(m.x + 5, m.y), stage_px(1080)) == "");
    h.named_key(ImGuiKey_Escape);
    REQUIRE_FALSE(h.app().present.active);
    h.move(m);
    h.frame();
    CHECK(laser_vertices() == 0);
    CHECK_FALSE(pointer_hidden());
}

TEST_CASE("laser: a pointer resting for three seconds lets the dot fade; moving brings it back") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    present(h);
    const float px = stage_px(1080);
    const ImVec2 m(700, 450);
    h.move(m);
    h.advance(2.0);
    CHECK(laser_problem(m, px) == "");  // two seconds: still there
    h.advance(1.5);
    CHECK(laser_vertices() == 0);  // three and a half: gone, the system pointer back
    CHECK_FALSE(pointer_hidden());
    const ImVec2 n(m.x + 3, m.y + 2);
    h.move(n);
    CHECK(laser_problem(n, px) == "");
    CHECK(pointer_hidden());
}

TEST_CASE("laser: a blanked screen (B) shows no dot; unblanking brings it back") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    const float px = stage_px(1080);
    const ImVec2 m(700, 450);
    present_at(h, m);
    h.key(ui::keys::B);
    REQUIRE(h.app().present.black);
    check_no_laser();
    h.key(ui::keys::B);
    REQUIRE_FALSE(h.app().present.black);
    CHECK(laser_problem(m, px) == "");
}

TEST_CASE("laser: a dialog over the stage gets the system pointer, not the dot") {
    Harness h(ui::test::blueprint("hotpot-restaurant"), ImVec2(1920, 1080));
    const float px = stage_px(1080);
    const ImVec2 at(960, 400);  // over the stage, where the dialog opens
    present_at(h, at);
    // A refused file while presenting: the errors dialog opens over the stage.
    h.app().modals.errors_title = "Cannot open";
    h.app().modals.errors = {io::Diagnostic{}};
    h.app().modals.show_errors = true;
    h.frame(2);
    REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    h.move(ImVec2(at.x + 3, at.y));
    check_no_laser();
    // Closed, the dot is back where the pointer is.
    h.app().modals.show_errors = false;
    h.named_key(ImGuiKey_Escape);
    h.frame(2);
    h.move(at);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    CHECK(h.app().present.active);  // Esc closed the dialog, not the presentation
    CHECK(laser_problem(at, px) == "");
}
