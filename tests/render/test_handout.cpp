// Tests of the PDF training handout: pages, tiling, searchable text (Chinese included).
// They read the PDFs back with poppler-utils (pdfinfo, pdftotext) and skip those checks when
// the tools are missing.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>
#include <algorithm>
#include <cstdlib>

#include "../layout/fixture.h"
#include "io/blueprint_io.h"
#include "render/export.h"
#include "run_command.h"
#include "render/marks.h"

using namespace sm;
using namespace sm::render;
namespace fs = std::filesystem;

namespace {

fs::path out_dir() { return test::output_dir("handout"); }

using sm::test::run;

bool have_poppler() { return run("pdfinfo -v 2>&1").find("pdfinfo") != std::string::npos; }

std::string quoted(const fs::path& p) {
    std::string s = "'";
    s += p.string();
    s += "'";
    return s;
}

// The page count pdfinfo reads, or -1.
int pdf_pages(const fs::path& pdf) {
    std::string cmd = "pdfinfo ";
    cmd += quoted(pdf);
    cmd += " 2>/dev/null";
    const std::string info = run(cmd);
    const std::size_t at = info.find("Pages:");
    if (at == std::string::npos) return -1;
    return std::atoi(info.c_str() + at + 6);
}

struct PageSizePt {
    double w = 0, h = 0;
};

// The size of page n as pdfinfo reads it ("Page    2 size:  595.276 x 841.89 pts (A4)").
PageSizePt page_size(const fs::path& pdf, int n) {
    std::string cmd = "pdfinfo -f ";
    cmd += std::to_string(n);
    cmd += " -l ";
    cmd += std::to_string(n);
    cmd += " ";
    cmd += quoted(pdf);
    cmd += " 2>/dev/null";
    const std::string info = run(cmd);
    const std::size_t at = info.find(" size:");
    PageSizePt p;
    if (at == std::string::npos) return p;
    const char* s = info.c_str() + at + 6;
    char* end = nullptr;
    p.w = std::strtod(s, &end);
    while (*end == ' ' || *end == 'x') ++end;
    p.h = std::strtod(end, nullptr);
    return p;
}

// The text of pages first..last (1-based; 0 = to the end), without layout, lines joined.
std::string pdf_text(const fs::path& pdf, int first = 1, int last = 0) {
    std::string cmd = "pdftotext -f ";
    cmd += std::to_string(first);
    if (last > 0) {
        cmd += " -l ";
        cmd += std::to_string(last);
    }
    cmd += " ";
    cmd += quoted(pdf);
    cmd += " - 2>/dev/null";
    return run(cmd);
}

// The text of page n's bottom margin (the footer), as pdftotext reads it at 72 dpi.
std::string pdf_footer(const fs::path& pdf, int n) {
    const PageSizePt size = page_size(pdf, n);
    const int band = 40;  // points: the footer sits 6 pt under the margin of 12 mm (34 pt)
    std::string cmd = "pdftotext -f " + std::to_string(n) + " -l " + std::to_string(n) + " -x 0 -y " +
                      std::to_string(int(size.h) - band) + " -W " + std::to_string(int(size.w) + 1) + " -H " +
                      std::to_string(band) + " " + quoted(pdf) + " - 2>/dev/null";
    return run(cmd);
}

// pdftotext breaks wrapped text into lines: compare with all whitespace removed.
std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
    return out;
}

struct Example {
    std::string stem;
    Document doc;
};

std::vector<Example> examples() {
    std::vector<Example> out;
    const fs::path dir = fs::path(STAGEMAP_SOURCE_DIR) / "blueprints";
    if (!fs::exists(dir)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        auto loaded = io::load_file(f);
        if (!loaded.ok()) continue;  // the io tests report broken examples
        out.push_back({f.stem().stem().string(), *loaded.document});
    }
    return out;
}

ExportOptions options_for(const Document& d) {
    ExportOptions o;
    o.paint.marks = peak_end_marks(d);
    return o;
}

PdfOptions pdf_options(PageSize page, const std::string& file_name, bool landscape = false) {
    PdfOptions p;
    p.page = page;
    p.landscape = landscape;
    p.file_name = file_name;
    p.date = "2025-01-31";
    return p;
}

}  // namespace

// [SECTION] Page sizes
TEST_CASE("page sizes parse by name") {
    CHECK(parse_page_size("A4") == PageSize::A4);
    CHECK(parse_page_size("a3") == PageSize::A3);
    CHECK(parse_page_size("A2") == PageSize::A2);
    CHECK(parse_page_size("fit") == PageSize::Fit);
    CHECK(parse_page_size("Fit") == PageSize::Fit);
    CHECK_FALSE(parse_page_size("A5"));
    CHECK_FALSE(parse_page_size(""));
    CHECK(to_string(PageSize::A3) == "A3");
    CHECK(parse_page_size(to_string(PageSize::Fit)) == PageSize::Fit);
}

// [SECTION] Example handouts
// Each example at A4 and A3: pages as reported and as pdfinfo counts them, every card title in the
// text (Chinese too), the page titles, and card text never below 7 pt.
TEST_CASE("the handout of each example at A4 and A3") {
    const std::vector<Example> all = examples();
    REQUIRE(all.size() == 3);
    const bool poppler = have_poppler();
    if (!poppler) MESSAGE("poppler-utils (pdfinfo, pdftotext) are not installed; checking the reports only");
    for (const Example& ex : all) {
        for (PageSize page : {PageSize::A4, PageSize::A3}) {
            for (bool landscape : {false}) {  // landscape: see the tiling test
                std::string name = ex.stem;
                name += "-";
                name += to_string(page);
                name += landscape ? "-landscape.pdf" : ".pdf";
                CAPTURE(name);
                const fs::path path = out_dir() / name;
                std::string file_name = ex.stem;
                file_name += ".blueprint.json";
                PdfReport r;
                REQUIRE(export_pdf(ex.doc, path, options_for(ex.doc), pdf_options(page, file_name, landscape), &r) == "");
                // The parts add up: page 1, the tiles, the summary pages, a page or more per phase.
                CHECK(r.pages == 1 + (r.tiled ? r.blueprint_pages : 0) + r.peak_end_pages + r.tier_pages + r.phase_pages);
                CHECK(r.peak_end_pages == 1);
                CHECK(r.tier_pages == 1);
                CHECK(r.phase_pages >= int(ex.doc.phases.size()));
                CHECK(r.phase_pages <= 2 * int(ex.doc.phases.size()));
                CHECK(r.card_text_pt >= 7.0f);
                CHECK(r.card_text_pt <= 12.0f);
                if (r.tiled) CHECK(r.blueprint_pages == r.tile_rows * r.tile_columns);
                if (!poppler) continue;
                CHECK(pdf_pages(path) == r.pages);
                const std::string text = squeeze(pdf_text(path));
                for (const Card& c : ex.doc.cards) CHECK_MESSAGE(text.find(squeeze(c.title)) != std::string::npos, c.title);
                for (const Phase& p : ex.doc.phases) CHECK_MESSAGE(text.find(squeeze(p.name)) != std::string::npos, p.name);
                for (const Tier& t : ex.doc.tiers) CHECK_MESSAGE(text.find(squeeze(t.name)) != std::string::npos, t.name);
                for (const char* title : {"Peak-end summary", "峰终分析", "Customer value tiers", "客户价值分层", "Legend",
                                          "图例", "Recommendations", "What customers remember"})
                    CHECK_MESSAGE(text.find(squeeze(title)) != std::string::npos, title);
                CHECK(text.find(squeeze(ex.doc.title)) != std::string::npos);
                CHECK(text.find(squeeze(file_name)) != std::string::npos);
                CHECK(text.find("2025-01-31") != std::string::npos);
                // Every page's footer: the file name and the date, then the page's number.
                for (int n : {1, 2, r.pages}) {
                    CAPTURE(n);
                    const std::string footer = squeeze(pdf_footer(path, n));
                    CHECK(footer == squeeze(file_name + " · 2025-01-31" + std::to_string(n)));
                }
            }
        }
    }
}

// [SECTION] Tiling
TEST_CASE("a big blueprint is tiled at A4 but not at fit") {
    const std::vector<Example> all = examples();
    REQUIRE_FALSE(all.empty());
    const Example& ex = all.front();
    const fs::path a4 = out_dir() / "tiled-a4.pdf";
    PdfReport r;
    REQUIRE(export_pdf(ex.doc, a4, options_for(ex.doc), pdf_options(PageSize::A4, "big.json", true), &r) == "");
    CHECK(r.tiled);
    CHECK(r.blueprint_pages > 1);
    CHECK(r.card_text_pt >= 7.0f);

    const fs::path fit = out_dir() / "tiled-fit.pdf";
    PdfReport rf;
    REQUIRE(export_pdf(ex.doc, fit, options_for(ex.doc), pdf_options(PageSize::Fit, "big.json"), &rf) == "");
    CHECK_FALSE(rf.tiled);
    CHECK(rf.blueprint_pages == 1);
    CHECK(rf.card_text_pt == doctest::Approx(10.5));  // 1 unit = 0.75 pt, as before the handout
    CHECK(rf.pages == 1 + rf.peak_end_pages + rf.tier_pages + rf.phase_pages);

    // A blueprint that fits is not tiled, and not blown up.
    const Document small = test::small_blueprint();
    PdfReport rs;
    REQUIRE(export_pdf(small, out_dir() / "small-a3.pdf", options_for(small), pdf_options(PageSize::A3, "small.json", true),
                       &rs) == "");
    CHECK_FALSE(rs.tiled);
    CHECK(rs.blueprint_pages == 1);
    CHECK(rs.card_text_pt >= 7.0f);
    CHECK(rs.card_text_pt <= 12.0f);

    if (!have_poppler()) return;
    CHECK(pdf_pages(a4) == r.pages);
    // Page 1 is the overview; the tiles say where they belong.
    const std::string page1 = squeeze(pdf_text(a4, 1, 1));
    CHECK(page1.find("printedon") != std::string::npos);
    CHECK(page1.find("page1/1") != std::string::npos);
    const std::string tile = squeeze(pdf_text(a4, 2, 2));
    CHECK(tile.find("Blueprintpage1/1") != std::string::npos);
    std::string last = "Blueprintpage";
    last += std::to_string(r.tile_rows);
    last += "/";
    last += std::to_string(r.tile_columns);
    CHECK(squeeze(pdf_text(a4, 1 + r.blueprint_pages, 1 + r.blueprint_pages)).find(last) != std::string::npos);
    // Every card title is on the tiles (the overview shows no text).
    const std::string tiles = squeeze(pdf_text(a4, 2, 1 + r.blueprint_pages));
    for (const Card& c : ex.doc.cards) CHECK_MESSAGE(tiles.find(squeeze(c.title)) != std::string::npos, c.title);
    // Page sizes: A4 landscape tiles, a fit page 1 larger than A4.
    const PageSizePt tile_size = page_size(a4, 2);
    CHECK(tile_size.w == doctest::Approx(841.89).epsilon(0.001));
    CHECK(tile_size.h == doctest::Approx(595.28).epsilon(0.001));
    CHECK(page_size(fit, 1).w > 1000);
    CHECK(page_size(fit, 2).w == doctest::Approx(595.28).epsilon(0.001));
}

// [SECTION] Options and flow
TEST_CASE("the handout pages can be left out, and long text flows onto further pages") {
    Document d = test::small_blueprint();
    PdfOptions only = pdf_options(PageSize::A4, "only.json");
    only.handout_pages = false;
    PdfReport r;
    REQUIRE(export_pdf(d, out_dir() / "only-blueprint.pdf", options_for(d), only, &r) == "");
    CHECK(r.pages == 1);
    CHECK(r.phase_pages == 0);

    // One phase with many long cards.
    std::string detail;
    for (int i = 0; i < 40; ++i) detail += "A long description of the service item, 服务项目的详细说明。 ";
    for (int i = 0; i < 12; ++i) {
        Card c = test::make_card(test::numbered("long", i), "fr", "s1", test::numbered("Long card 长卡片 ", i));
        c.detail = detail;
        d.cards.push_back(c);
    }
    const fs::path path = out_dir() / "long.pdf";
    REQUIRE(export_pdf(d, path, options_for(d), pdf_options(PageSize::A4, "long.json"), &r) == "");
    CHECK(r.phase_pages > int(d.phases.size()));
    if (!have_poppler()) return;
    CHECK(pdf_pages(path) == r.pages);
    const std::string text = squeeze(pdf_text(path));
    for (const Card& c : d.cards) CHECK_MESSAGE(text.find(squeeze(c.title)) != std::string::npos, c.title);
    CHECK(text.find("continued") != std::string::npos);
}

TEST_CASE("the default PDF export is the handout with a page 1 fitted to the blueprint") {
    const Document d = test::small_blueprint();
    const fs::path path = out_dir() / "default.pdf";
    REQUIRE(export_pdf(d, path) == "");
    if (!have_poppler()) return;
    CHECK(pdf_pages(path) > 1);
    const std::string page1 = pdf_text(path, 1, 1);
    CHECK(page1.find("Joins the queue") != std::string::npos);
    CHECK(page1.find("外带咖啡") != std::string::npos);
}

// The pages are drawn on a second thread while this one writes them; the file must not depend on
// it (nor on which thread gets ahead), only on the document.
TEST_CASE("the handout is the same file whether a second thread draws its pages or not") {
    const auto bytes = [](const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // The one part that may differ: the time the file was made.
        const std::size_t at = s.find("/CreationDate (D:");
        if (at != std::string::npos) s.erase(at, s.find(')', at) - at);
        return s;
    };
    const std::vector<Example> all = examples();
    REQUIRE(all.size() == 3);
    for (const Example& ex : all) {
        for (PageSize page : {PageSize::Fit, PageSize::A4}) {
            CAPTURE(ex.stem);
            CAPTURE(to_string(page));
            PdfOptions opts = pdf_options(page, ex.stem + ".blueprint.json");
            const fs::path two = out_dir() / (ex.stem + "-two-threads.pdf");
            const fs::path one = out_dir() / (ex.stem + "-one-thread.pdf");
            PdfReport r2, r1;
            REQUIRE(export_pdf(ex.doc, two, options_for(ex.doc), opts, &r2) == "");
            opts.draw_thread = false;
            REQUIRE(export_pdf(ex.doc, one, options_for(ex.doc), opts, &r1) == "");
            CHECK(r1.pages == r2.pages);
            CHECK(r1.pages > 1);
            const std::string a = bytes(two), b = bytes(one);
            CHECK(a.size() > 10000);
            CHECK(a == b);
        }
    }
}

TEST_CASE("the handout names the tier lens, and stays light on paper with a dark theme") {
    const Document d = test::small_blueprint();
    ExportOptions o = options_for(d);
    o.paint.tier_lens = d.tiers.front().id;
    o.paint.theme = dark_theme();
    const fs::path path = out_dir() / "lens-dark.pdf";
    PdfReport r;
    REQUIRE(export_pdf(d, path, o, pdf_options(PageSize::A4, "lens.json"), &r) == "");
    if (!have_poppler()) return;
    const std::string page1 = squeeze(pdf_text(path, 1, 1));
    CHECK(page1.find("Tierlens") != std::string::npos);
    CHECK(page1.find(squeeze(d.tiers.front().name)) != std::string::npos);
}

// 45 steps leave columns too narrow for "best" or "★ peak": they go to the key under the chart
// instead of wrapping letter by letter under their column.
TEST_CASE("the peak-end chart names its moments in the key when its columns are narrow") {
    Document d = test::small_blueprint();
    const PhaseId phase = d.steps.front().phase;
    d.steps.clear();
    d.cards.clear();
    d.connectors.clear();
    for (int i = 0; i < 45; ++i) {
        Step s;
        s.id = StepId("s" + std::to_string(i));
        s.phase = phase;
        s.name = "Step " + std::to_string(i);
        s.emotion = i == 10 ? 2 : i == 20 ? -1 : i == 44 ? 1 : 0;
        d.steps.push_back(s);
    }
    const fs::path path = out_dir() / "narrow-chart.pdf";
    PdfReport r;
    REQUIRE(export_pdf(d, path, options_for(d), pdf_options(PageSize::A4, "narrow.json"), &r) == "");
    REQUIRE(r.peak_end_pages == 1);
    if (!have_poppler()) return;
    const int page = 2 + (r.tiled ? r.blueprint_pages : 0);  // after page 1 and its tiles
    const std::string raw = pdf_text(path, page, page);
    CAPTURE(raw);
    const std::string text = squeeze(raw);
    REQUIRE(text.find("Peak-endsummary") != std::string::npos);
    // The key: step 11 is the peak and the best, 21 the worst, 45 the end.
    CHECK(text.find("11Step10(★peak,best)") != std::string::npos);
    CHECK(text.find("21Step20(worst)") != std::string::npos);
    CHECK(text.find("45Step44(⚑end)") != std::string::npos);
    // Whole words, not a letter per line.
    for (const char* word : {"best", "worst", "peak", "end"}) CHECK_MESSAGE(raw.find(word) != std::string::npos, word);
    // Two-digit step numbers, written under every other column, not a digit per line.
    CHECK(raw.find("44") != std::string::npos);
    CHECK(raw.find("1\n0\n") == std::string::npos);
}

TEST_CASE("a document without steps, tiers or cards still makes a handout") {
    Document d;
    d.title = "Empty";
    PdfReport r;
    REQUIRE(export_pdf(d, out_dir() / "empty.pdf", {}, pdf_options(PageSize::A4, ""), &r) == "");
    CHECK(r.pages >= 1);
    CHECK(r.tier_pages == 0);
    CHECK(r.peak_end_pages == 0);
    Document one = test::small_blueprint();
    one.tiers.clear();
    for (Step& s : one.steps) s.emotion.reset();
    REQUIRE(export_pdf(one, out_dir() / "unrated.pdf", {}, pdf_options(PageSize::A4, "x"), &r) == "");
    CHECK(r.tier_pages == 0);
    CHECK(r.peak_end_pages == 1);
}

TEST_CASE("each card lists the cards it is joined to, with the direction and label of the arrow") {
    Document d = test::small_blueprint();
    // A loop on one card, and an arrow to a card the document does not have (a document that did
    // not come from a file may hold one): the loop is listed once, the dangling arrow nowhere.
    d.connectors.push_back(test::make_connector("c7", "c7", Direction::Forward, "refill"));
    d.connectors.push_back(test::make_connector("c4", "ghost", Direction::Forward, "to nowhere"));
    const fs::path path = out_dir() / "links.pdf";
    PdfReport r;
    REQUIRE(export_pdf(d, path, options_for(d), pdf_options(PageSize::A4, "links.json"), &r) == "");
    if (!have_poppler()) return;
    const std::string text = squeeze(pdf_text(path, 1 + r.blueprint_pages + r.peak_end_pages + r.tier_pages));
    const auto count = [&text](std::string_view line) {
        const std::string s = squeeze(line);
        int n = 0;
        for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) ++n;
        return n;
    };
    // "Joins the queue" (c1) → "Pays" (c6) ↔ "Takes payment…" (c2) — "Pulls the shot" (c4).
    CHECK(count("→ Pays") == 1);
    CHECK(count("← Joins the queue") == 1);
    CHECK(count("↔ Takes payment and asks for the name to write on the cup (hands card)") == 1);
    CHECK(count("↔ Pays (hands card)") == 1);
    CHECK(count("— Pulls the shot") == 1);
    CHECK(count("— Takes payment and asks for the name to write on the cup") == 1);
    CHECK(count("→ Paper cup (refill)") == 1);
    CHECK(count("to nowhere") == 0);
}
