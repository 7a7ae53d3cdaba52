// Tests of the peak-end marks: what the analysis hands the painters, and how they are drawn on the
// emotion row and in the step headers (pinned marks differ in shape and words, not in colour).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../layout/fixture.h"
#include "render/marks.h"
#include "render/painter.h"

using namespace sm;
using namespace sm::render;

namespace {
const layout::FixedMeasurer kMeasurer;

// Records shapes with their places.
struct Recorder : Painter {
    struct Text {
        Vec2 at;
        std::string s;
    };
    std::vector<Text> texts;
    std::vector<Rect> rects;
    int polygons = 0, circles = 0, lines = 0, polylines = 0;
    void fill_rect(const Rect& r, RGBA, float) override { rects.push_back(r); }
    void stroke_rect(const Rect& r, RGBA, float, float) override { rects.push_back(r); }
    void line(Vec2, Vec2, RGBA, float, bool) override { ++lines; }
    void polyline(const std::vector<Vec2>&, RGBA, float, bool) override { ++polylines; }
    void fill_polygon(const std::vector<Vec2>&, RGBA) override { ++polygons; }
    void fill_circle(Vec2, float, RGBA) override { ++circles; }
    void stroke_circle(Vec2, float, RGBA, float) override { ++circles; }
    void text(Vec2 at, std::string_view s, float, RGBA, bool) override { texts.push_back({at, std::string(s)}); }
    const Text* find(std::string_view s) const {
        for (const auto& t : texts)
            if (t.s == s) return &t;
        return nullptr;
    }
};

Recorder paint(const Document& d, const EmotionMarks& marks, layout::LayoutStyle style = {}) {
    const auto lay = layout::compute_layout(d, kMeasurer, style);
    Recorder r;
    PaintOptions o;
    o.marks = marks;
    paint_blueprint(d, lay, r, o);
    return r;
}

}  // namespace

// [SECTION] From the analysis
TEST_CASE("peak_end_marks carries the pins of the analysis") {
    Document d = test::small_blueprint();  // Queue −1, Pay +1, Sip +2
    EmotionMarks m = peak_end_marks(d);
    CHECK(m.peak_steps == std::vector<int>{2});
    CHECK(m.end_step == 2);
    CHECK_FALSE(m.peak_pinned);
    CHECK_FALSE(m.end_pinned);
    CHECK(m.excluded_steps.empty());

    d.steps[2].peak = false;  // Sip may not be the peak: Queue (−1) is the most intense left
    d.steps[1].end = true;    // Pay is the end
    m = peak_end_marks(d);
    CHECK(m.peak_steps == std::vector<int>{0});
    CHECK_FALSE(m.peak_pinned);
    CHECK(m.end_step == 1);
    CHECK(m.end_pinned);
    CHECK(m.excluded_steps == std::vector<int>{2});

    d.steps[1].peak = true;  // Pay pinned as the peak
    m = peak_end_marks(d);
    CHECK(m.peak_steps == std::vector<int>{1});
    CHECK(m.peak_pinned);
}

// [SECTION] Drawing
TEST_CASE("the step headers name the peak and the end") {
    const Document d = test::small_blueprint();
    const auto lay = layout::compute_layout(d, kMeasurer);
    const Recorder r = paint(d, peak_end_marks(d));
    const Recorder* texts = &r;
    const auto* peak = texts->find("Peak");
    const auto* end = texts->find("End");
    REQUIRE(peak);
    REQUIRE(end);
    // Both labels sit inside Sip's header, the end at the right of the peak.
    const layout::Rect& h = lay.steps[2].header;
    CHECK(h.contains(peak->at));
    CHECK(h.contains(end->at));
    CHECK(peak->at.x < end->at.x);
    CHECK_FALSE(texts->find("Pinned peak"));
    // Without marks, no labels.
    const Recorder plain = paint(d, {});
    CHECK_FALSE(plain.find("Peak"));
    CHECK_FALSE(plain.find("End"));
}

TEST_CASE("pinned marks differ from automatic ones in shape and words") {
    Document d = test::small_blueprint();
    const Recorder automatic = paint(d, peak_end_marks(d));
    d.steps[2].peak = true;
    d.steps[2].end = true;
    const EmotionMarks pinned_marks = peak_end_marks(d);
    REQUIRE(pinned_marks.peak_pinned);
    REQUIRE(pinned_marks.end_pinned);
    const Recorder pinned = paint(d, pinned_marks);
    CHECK(pinned.find("Pinned peak"));
    CHECK(pinned.find("Pinned end"));
    CHECK_FALSE(pinned.find("Peak"));
    // Two push pins on the curve: each three quads over a halo of three.
    CHECK(pinned.polygons == automatic.polygons + 2 * 6);
}

TEST_CASE("a step excluded from the peak says so in its header") {
    Document d = test::small_blueprint();
    d.steps[0].peak = false;
    const auto lay = layout::compute_layout(d, kMeasurer);
    const Recorder r = paint(d, peak_end_marks(d));
    const auto* t = r.find("Not peak");
    REQUIRE(t);
    CHECK(lay.steps[0].header.contains(t->at));
}

TEST_CASE("header marks follow the Chinese labels and need no emotion row") {
    const Document d = test::small_blueprint();
    layout::LayoutStyle st;
    st.chinese_labels = true;
    st.show_emotion = false;
    const Recorder r = paint(d, peak_end_marks(d), st);
    CHECK(r.find("峰值"));
    CHECK(r.find("终点"));
}

TEST_CASE("the text width estimate counts CJK as one em") {
    CHECK(estimate_text_width("峰值", 10, true) == doctest::Approx(20));
    CHECK(estimate_text_width("End", 10, false) > 10);
    CHECK(estimate_text_width("End", 10, true) < 30);
}
