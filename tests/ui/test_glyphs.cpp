// Stagemap — every character of the example blueprints is in the glyph ranges the fonts are
// baked with, and the baked fonts really hold a glyph for it.
#include <doctest/doctest.h>

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/blueprint_io.h"
#include "ui/fonts.h"
#include "ui/glyph_ranges.h"
#include "ui/modals.h"
#include "ui/ui_app.h"

using namespace sm;

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

TEST_CASE("UTF-8 decoding and ranges") {
    ui::CodePoints cps;
    ui::add_utf8(cps, "a中\xF0\x9F\x98\x80\xFFz");  // a, 中, an emoji, a stray byte, z
    CHECK(cps == ui::CodePoints{U'a', U'中', U'\U0001F600', U'z'});
    const auto r = ui::make_ranges({U'a', U'b', U'c', U'中', U'\U0001F600', U'\n'});
    CHECK(r == std::vector<std::uint16_t>{'a', 'c', 0x4E2D, 0x4E2D, 0});
    CHECK(ui::ranges_cover(r.data(), U'b'));
    CHECK_FALSE(ui::ranges_cover(r.data(), U'd'));
    const std::uint16_t a[] = {10, 20, 0}, b[] = {15, 30, 40, 50, 0};
    CHECK(ui::merge_ranges({a, b}) == std::vector<std::uint16_t>{10, 30, 40, 50, 0});
}

TEST_CASE("every code point used in blueprints/*.json is covered by the loaded glyph ranges") {
    const auto files = ui::example_blueprints();
    REQUIRE_FALSE(files.empty());
    const auto choice = ui::find_fonts();
    REQUIRE_MESSAGE(choice.regular.has_value(), choice.warning);

    ImGui::CreateContext();
    ui::FontManager fonts(choice);
    ui::CodePoints used;
    for (const auto& f : files) {
        ui::add_utf8(used, read(f));  // the whole text: keys, values, unknown fields
        const auto loaded = io::load_file(f);
        REQUIRE_MESSAGE(loaded.ok(), f.string());
        ui::CodePoints doc_cps;
        ui::add_document(doc_cps, *loaded.document);
        fonts.require(doc_cps);
    }
    fonts.require(used);
    fonts.build(*ImGui::GetIO().Fonts);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    CHECK(w > 0);

    const ImFont* canvas = fonts.canvas_font(false);
    const ImFont* bold = fonts.canvas_font(true);
    const ImFont* ui_font = fonts.ui_font();
    int checked = 0;
    for (char32_t cp : used) {
        if (ui::needs_no_glyph(cp)) continue;
        INFO("code point " << hex(cp));
        REQUIRE_MESSAGE(cp <= 0xFFFF, "ImGui 1.86 here has 16-bit ImWchar: characters beyond U+FFFF cannot render");
        CHECK(ui::ranges_cover(fonts.canvas_ranges().data(), cp));
        CHECK(ui::ranges_cover(fonts.ui_ranges().data(), cp));
        const auto c = static_cast<ImWchar>(cp);
        CHECK(canvas->FindGlyphNoFallback(c) != nullptr);
        CHECK(bold->FindGlyphNoFallback(c) != nullptr);
        CHECK(ui_font->FindGlyphNoFallback(c) != nullptr);
        ++checked;
    }
    CHECK(checked > 200);  // the examples are bilingual
    ImGui::DestroyContext();
}

TEST_CASE("the canvas fonts are re-baked near the size the zoom needs") {
    const auto choice = ui::find_fonts();
    REQUIRE(choice.regular.has_value());
    ImGui::CreateContext();
    ui::FontManager fonts(choice);
    CHECK(fonts.em_ratio() > 1.2f);  // Noto Sans CJK: ascender − descender is ~1.45 em
    fonts.want_canvas_px(20);
    fonts.build(*ImGui::GetIO().Fonts);
    CHECK_FALSE(fonts.stale());
    const float small = fonts.canvas_px();
    CHECK(small >= 20 * 0.9f);  // drawn at most ~10 % above its baked size
    fonts.want_canvas_px(60);
    CHECK(fonts.stale());
    fonts.build(*ImGui::GetIO().Fonts);
    CHECK(fonts.canvas_px() >= 60 * 0.9f);
    CHECK(fonts.canvas_font(false)->FontSize == doctest::Approx(fonts.canvas_px()));
    // The measuring font does not change with zoom, so neither does the layout.
    CHECK(fonts.measure_font(false)->FontSize == doctest::Approx(ui::kMeasureFontPx));
    // A new character makes the atlas stale until it is baked.
    fonts.require(U'龘');
    CHECK(fonts.glyphs_missing());
    fonts.build(*ImGui::GetIO().Fonts);
    CHECK(fonts.canvas_font(false)->FindGlyphNoFallback(static_cast<ImWchar>(U'龘')) != nullptr);
    ImGui::DestroyContext();
}

TEST_CASE("without a Chinese font the UI falls back to ImGui's font and says so") {
    ImGui::CreateContext();
    ImGui::GetIO().DisplaySize = ImVec2(1200, 800);
    ImGui::GetIO().IniFilename = nullptr;
    {
        ui::FontChoice none;
        none.warning = "No font with Chinese characters was found";
        ui::UiOptions opt;
        opt.persistent = false;
        ui::UiApp app(opt, none);
        REQUIRE(app.open(std::filesystem::path(STAGEMAP_SOURCE_DIR) / "blueprints" / "hotpot-restaurant.blueprint.json"));
        for (int i = 0; i < 4; ++i) {
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            if (app.update_fonts(i * 0.1, true)) {
                unsigned char* px = nullptr;
                int w = 0, h = 0;
                ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
            }
            ImGui::NewFrame();
            app.frame(i * 0.1);
            ImGui::Render();
        }
        CHECK_FALSE(app.state().fonts.has_cjk());
        CHECK(app.state().fonts.ui_font() != nullptr);
        CHECK(app.state().fonts.choice().warning.find("Chinese") != std::string::npos);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
    }
    ImGui::DestroyContext();
}
