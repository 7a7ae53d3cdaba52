// Tests of the PNG and PDF exports (cairo and pango).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "../layout/fixture.h"
#include "render/export.h"
#include "run_command.h"
#include "io/blueprint_io.h"
#include "render/pango_measurer.h"

using namespace sm;
using namespace sm::render;
namespace fs = std::filesystem;

namespace {
fs::path out_dir() { return test::output_dir("render"); }

using sm::test::run;

// A blueprint wider than 8,000 px: 45 steps.
Document wide_blueprint() {
    Document d = test::small_blueprint();
    for (int i = 0; i < 42; ++i) {
        d.steps.push_back(test::make_step(test::numbered("x", i), "drink", test::numbered("Step ", i), i % 5 - 2));
        d.cards.push_back(test::make_card(test::numbered("xc", i), "cu", test::numbered("x", i), test::numbered("Card 卡片 ", i)));
    }
    return d;
}
}  // namespace

// [SECTION] Measurer
TEST_CASE("the pango measurer measures Latin and Chinese text and caches widths") {
    PangoMeasurer m;
    const float a = m.width("Service blueprint", 14);
    CHECK(a > 80);
    CHECK(a < 160);
    const float zh = m.width("服务蓝图", 14);
    CHECK(zh == doctest::Approx(56).epsilon(0.05));  // CJK glyphs are one em wide
    CHECK(m.width("Service blueprint", 14, true) > a);
    CHECK(m.width("Service blueprint", 28) == doctest::Approx(2 * a).epsilon(0.02));  // unhinted: scales
    const std::size_t cached = m.cache_size();
    CHECK(m.width("Service blueprint", 14) == a);
    CHECK(m.cache_size() == cached);
    CHECK(m.width("", 14) == 0);
    CHECK(m.width("bad \xff utf-8", 14) > 0);
}

// [SECTION] PNG
TEST_CASE("PNG export: size, scale, non-blank pixels, transparency") {
    const Document d = test::small_blueprint();
    const fs::path path = out_dir() / "small.png";
    REQUIRE(export_png(d, path, 1, false) == "");
    const auto info = inspect_png(path);
    REQUIRE(info);
    const PixelSize expected = png_size(d, 1);
    CHECK(info->width == expected.width);
    CHECK(info->height == expected.height);
    CHECK(info->width > 600);
    CHECK(info->non_background > std::size_t(info->width) * std::size_t(info->height) / 10);

    const fs::path path2 = out_dir() / "small@2x.png";
    REQUIRE(export_png(d, path2, 2, false) == "");
    const auto info2 = inspect_png(path2);
    REQUIRE(info2);
    CHECK(std::abs(info2->width - 2 * info->width) <= 2);

    const fs::path clear = out_dir() / "small-transparent.png";
    REQUIRE(export_png(d, clear, 1, true) == "");
    const auto info3 = inspect_png(clear);
    REQUIRE(info3);
    CHECK(info3->non_background <= info->non_background);
    // Opaque to the last row and column (the size is rounded up), transparent where nothing is drawn.
    CHECK(info->transparent == 0);
    CHECK(info2->transparent == 0);
    CHECK(info3->transparent > 0);
}

TEST_CASE("PNG export works beyond 8,000 px and refuses more than 32767 px clearly") {
    const Document d = wide_blueprint();
    const fs::path path = out_dir() / "wide.png";
    REQUIRE(export_png(d, path, 1, false) == "");
    const auto info = inspect_png(path);
    REQUIRE(info);
    CHECK(info->width > 8000);
    CHECK(info->non_background > 0);
    const std::string err = export_png(d, out_dir() / "too-wide.png", 5, false);
    CHECK(err.find("32767") != std::string::npos);
    CHECK(err.find("scale") != std::string::npos);
    CHECK_FALSE(fs::exists(out_dir() / "too-wide.png"));
    CHECK(export_png(d, out_dir() / "zero.png", 0, false) != "");
}

TEST_CASE("PNG export to a folder that does not exist reports the path") {
    const std::string err = export_png(test::small_blueprint(), "/nonexistent-dir/x.png", 1, false);
    CHECK(err.find("/nonexistent-dir/x.png") != std::string::npos);
}

// [SECTION] PDF
TEST_CASE("PDF export holds searchable text, Chinese included") {
    Document d = test::small_blueprint();
    const fs::path path = out_dir() / "small.pdf";
    REQUIRE(export_pdf(d, path) == "");
    REQUIRE(fs::file_size(path) > 1000);
    const std::string text = run("pdftotext -layout '" + path.string() + "' - 2>/dev/null");
    if (text.empty()) {
        MESSAGE("pdftotext is not available; skipping the text check");
        return;
    }
    CHECK(text.find("Joins the queue") != std::string::npos);
    CHECK(text.find("收银并询问杯上写的名字") != std::string::npos);
    CHECK(text.find("Line of visibility") != std::string::npos);
    CHECK(text.find("可视分界线") != std::string::npos);
    CHECK(text.find("外带咖啡") != std::string::npos);  // the title
    CHECK(text.find("W 18 min") != std::string::npos);
}

TEST_CASE("PDF export to a folder that does not exist fails with a message") {
    const std::string err = export_pdf(test::small_blueprint(), "/nonexistent-dir/x.pdf");
    CHECK_FALSE(err.empty());
    CHECK(err.find("/nonexistent-dir/x.pdf") != std::string::npos);
}

// [SECTION] Example files
TEST_CASE("the example blueprints export to SVG, PNG and PDF") {
    const fs::path dir = fs::path(STAGEMAP_SOURCE_DIR) / "blueprints";
    if (!fs::exists(dir)) return;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        auto loaded = io::load_file(entry.path());
        if (!loaded.ok()) continue;  // the io tests report broken examples
        const std::string stem = entry.path().stem().string();
        CAPTURE(stem);
        const std::string svg = export_svg(*loaded.document);
        CHECK(svg.find("</svg>") != std::string::npos);
        CHECK(export_png(*loaded.document, out_dir() / (stem + ".png"), 1, false) == "");
        CHECK(export_pdf(*loaded.document, out_dir() / (stem + ".pdf")) == "");
    }
}
