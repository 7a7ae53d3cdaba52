// Tests of paint_blueprint and the SVG painter: a golden file, escaping, lens, level of detail.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "../layout/fixture.h"
#include "render/export.h"
#include "render/painter.h"
#include "render/svg_painter.h"

using namespace sm;
using namespace sm::render;

namespace {
const layout::FixedMeasurer kMeasurer;

// The small blueprint with an unrated step at the end (a gap in the emotion curve) and
// peak-end marks, for the golden file.
Document golden_blueprint() {
    Document d = test::small_blueprint();
    d.steps.push_back(test::make_step("s4", "drink", "Leave · 离开"));
    d.steps.push_back(test::make_step("s5", "drink", "Review", 1));
    d.cards.push_back(test::make_card("c8", "cu", "s4", "Walks out 走出门店"));
    d.cards.push_back(test::make_card("c9", "cu", "s5", "Writes a review"));
    d.connectors.push_back(test::make_connector("c8", "c9", Direction::Forward, "later"));
    return d;
}

ExportOptions fixed_options() {
    ExportOptions o;
    o.measurer = &kMeasurer;
    return o;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Records what is drawn, for checks that do not care about exact coordinates.
struct RecordingPainter : Painter {
    std::vector<std::string> texts;
    int rects = 0, polygons = 0, circles = 0, lines = 0, dashed = 0, polylines = 0;
    std::vector<RGBA> fills;
    void fill_rect(const Rect&, RGBA c, float) override { ++rects, fills.push_back(c); }
    void stroke_rect(const Rect&, RGBA, float, float) override { ++rects; }
    void line(Vec2, Vec2, RGBA, float, bool d) override { ++lines, dashed += d; }
    void polyline(const std::vector<Vec2>&, RGBA, float, bool) override { ++polylines; }
    void fill_polygon(const std::vector<Vec2>&, RGBA) override { ++polygons; }
    void fill_circle(Vec2, float, RGBA) override { ++circles; }
    void stroke_circle(Vec2, float, RGBA, float) override { ++circles; }
    void text(Vec2, std::string_view s, float, RGBA, bool) override { texts.emplace_back(s); }
    bool has_text(std::string_view s) const { return std::find(texts.begin(), texts.end(), s) != texts.end(); }
};
}  // namespace

// [SECTION] Golden file
TEST_CASE("golden SVG of a small blueprint") {
    ExportOptions opts = fixed_options();
    opts.paint.marks.peak_steps = {2};
    opts.paint.marks.end_step = 4;
    const std::string svg = export_svg(golden_blueprint(), opts);
    const std::string path = std::string(STAGEMAP_SOURCE_DIR) + "/tests/render/golden/small.svg";
    const char* update = std::getenv("STAGEMAP_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << svg;
        MESSAGE("golden file written: " << path);
        return;
    }
    const std::string golden = read_file(path);
    REQUIRE_MESSAGE(!golden.empty(), "missing golden file " << path << "; run with STAGEMAP_UPDATE_GOLDEN=1");
    if (svg != golden) {
        std::istringstream a(svg), b(golden);
        std::string la, lb;
        int line = 0;
        while (true) {
            ++line;
            const bool ga = bool(std::getline(a, la)), gb = bool(std::getline(b, lb));
            if (!ga && !gb) break;
            if (la != lb || ga != gb) {
                FAIL_CHECK("SVG differs from " << path << " at line " << line << "\n  got:      " << la
                                               << "\n  expected: " << lb
                                               << "\n(run with STAGEMAP_UPDATE_GOLDEN=1 to accept the change)");
                break;
            }
        }
    }
    const bool same = svg == golden;  // (not CHECK(svg == golden): that would print both files)
    CHECK(same);
}

TEST_CASE("the SVG is deterministic and shows every part of the blueprint") {
    const Document d = test::small_blueprint();
    const std::string svg = export_svg(d, fixed_options());
    CHECK(svg == export_svg(d, fixed_options()));
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find("Noto Sans CJK SC") != std::string::npos);
    CHECK(svg.find("sans-serif") != std::string::npos);
    CHECK(svg.find("Line of interaction · 外部互动分界线") != std::string::npos);
    CHECK(svg.find("Line of visibility · 可视分界线") != std::string::npos);
    CHECK(svg.find("Line of internal interaction · 内部互动分界线") != std::string::npos);
    CHECK(svg.find(">W 18 min<") != std::string::npos);
    CHECK(svg.find(">F<") != std::string::npos);
    CHECK(svg.find("收银并询问杯上写的名字") != std::string::npos);
    CHECK(svg.find("stroke-dasharray") != std::string::npos);
    CHECK(svg.find("<g id=\"card-c2\">") != std::string::npos);
    // A wrapped title is one <text> with a <tspan> per line.
    CHECK(svg.find("<tspan") != std::string::npos);
    // No locale-dependent numbers.
    CHECK(svg.find(",5\"") == std::string::npos);
}

TEST_CASE("all text is XML-escaped") {
    Document d = test::small_blueprint();
    d.title = "A & B <script>";
    d.cards[0].title = "<b>\"q\"&'s'</b>\x01";
    d.lanes[0].name = "Evidence & <signs>";
    const std::string svg = export_svg(d, fixed_options());
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("&lt;b&gt;&quot;q&quot;&amp;&apos;s&apos;&lt;/b&gt;") != std::string::npos);
    CHECK(svg.find("A &amp; B &lt;script&gt;") != std::string::npos);
    CHECK(svg.find('\x01') == std::string::npos);
    CHECK(xml_escape("a\xff" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(svg_number(1.005f) == "1");
    CHECK(svg_number(12.5f) == "12.5");
    CHECK(svg_number(-3.0f) == "-3");
}

// [SECTION] paint_blueprint options
TEST_CASE("paint_blueprint draws the scene through any painter") {
    const Document d = test::small_blueprint();
    const auto lay = layout::compute_layout(d, kMeasurer);
    RecordingPainter p;
    paint_blueprint(d, lay, p);
    CHECK(p.has_text("Joins the queue"));
    CHECK(p.has_text("Line of visibility · 可视分界线"));
    CHECK(p.has_text("W 18 min"));
    CHECK(p.has_text("F"));
    CHECK(p.has_text("● 3"));
    CHECK(p.has_text("staff"));
    CHECK(p.has_text("R"));  // the tier chip
    CHECK(p.has_text("+2"));
    CHECK(p.dashed >= 4);  // three lines and the emotion baseline
    CHECK(p.polygons >= 3);  // arrowheads: c1->c6 one, c6->c2 two
    CHECK(p.polylines >= 4);  // connectors and the emotion curve
}

TEST_CASE("the tier lens dims or hides cards that do not serve the tier") {
    const Document d = test::small_blueprint();
    const auto lay = layout::compute_layout(d, kMeasurer);
    PaintOptions o;
    o.tier_lens = TierId("regular");
    RecordingPainter dim;
    paint_blueprint(d, lay, dim, o);
    // c2 serves "regular" (and cards without tiers serve every tier): nothing dimmed.
    CHECK(std::count(dim.fills.begin(), dim.fills.end(), o.theme.dimmed_overlay) == 0);
    o.tier_lens = TierId("other");
    RecordingPainter dim2;
    paint_blueprint(d, lay, dim2, o);
    CHECK(std::count(dim2.fills.begin(), dim2.fills.end(), o.theme.dimmed_overlay) == 1);
    CHECK(dim2.has_text("收银并询问杯上写的名字"));
    o.hide_other_tiers = true;
    RecordingPainter hide;
    paint_blueprint(d, lay, hide, o);
    CHECK_FALSE(hide.has_text("Takes payment and asks"));
    CHECK(hide.has_text("Joins the queue"));
}

TEST_CASE("at low zoom cards are plain blocks; `visible` culls") {
    const Document d = test::small_blueprint();
    const auto lay = layout::compute_layout(d, kMeasurer);
    PaintOptions o;
    o.zoom = 0.2f;
    RecordingPainter far;
    paint_blueprint(d, lay, far, o);
    CHECK_FALSE(far.has_text("Joins the queue"));
    CHECK_FALSE(far.has_text("W 18 min"));
    o.zoom = 1;
    o.visible = Rect{-5000, -5000, 10, 10};
    RecordingPainter none;
    paint_blueprint(d, lay, none, o);
    CHECK(none.texts.empty());
    CHECK(none.rects == 1);  // the background
    o.visible = lay.cards[0].rect;
    RecordingPainter one;
    paint_blueprint(d, lay, one, o);
    CHECK(one.has_text("Joins the queue"));
    CHECK_FALSE(one.has_text("Paper cup"));
}

TEST_CASE("peak and end marks are drawn when the analysis supplies them") {
    const Document d = test::small_blueprint();
    const auto lay = layout::compute_layout(d, kMeasurer);
    RecordingPainter plain, marked;
    paint_blueprint(d, lay, plain);
    PaintOptions o;
    o.marks.peak_steps = {2};
    o.marks.end_step = 2;
    paint_blueprint(d, lay, marked, o);
    // A star of six pieces and a flag on the curve, and again in the step header's pill.
    CHECK(marked.polygons == plain.polygons + 2 * (6 + 1));
    CHECK(marked.has_text("Peak"));
    CHECK(marked.has_text("End"));
}

TEST_CASE("the dark theme differs from the light one") {
    CHECK_FALSE(dark_theme().background == light_theme().background);
    CHECK_FALSE(dark_theme().text == light_theme().text);
}
