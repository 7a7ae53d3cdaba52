// Stagemap — tests for the handout's pipeline: pages drawn on a second thread, written on the
// calling one (pdf_pipeline.h), with the page engine (pdf_pages.h) that hands them over.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "pdf_in_memory.h"
#include "render/pdf_pages.h"
#include "render/pango_measurer.h"
#include "render/pdf_pipeline.h"

using namespace sm::render;

namespace {

// Pages of these sizes, each with a heading, a wrapped paragraph (Chinese too) and a rule.
void draw_pages(cairo_t* cr, const pdf::PageSink& sink, const std::vector<pdf::PageSizePt>& sizes, int throw_after = -1) {
    pdf::Pages pages(cr, sink);
    pages.header_left = "Pipeline · 流水线";
    pages.footer_left = "test.blueprint.json";
    for (int i = 0; i < int(sizes.size()); ++i) {
        if (i == throw_after) throw std::runtime_error("drawing failed");
        pages.begin(sizes[std::size_t(i)], "Section " + std::to_string(i + 1));
        pdf::Flow flow(pages, sizes[std::size_t(i)], "Section");
        pdf::TextBox head(cr, "<b>Page " + std::to_string(i + 1) + "</b>", {14}, 0);
        head.draw(pages.body().x, pages.body().y);
        pdf::TextBox para(cr,
                          "A paragraph long enough to wrap onto a second line at this width. "
                          "顾客到店后等位，服务员递上柠檬水和小食。",
                          {9}, 200);
        para.draw(pages.body().x, pages.body().y + 30);
        pages.painter().line({40, 120}, {180, 120}, {200, 40, 40}, 1.0f);
    }
    pages.finish();
}

std::string write(const std::vector<pdf::PageSizePt>& sizes, bool threaded, int throw_after = -1,
                  bool* threw = nullptr) {
    return sm::test::cairo_pdf_in_memory(100, 100, [&](cairo_surface_t* surface, cairo_t*) {
        try {
            pdf::draw_and_write(
                surface, [&](cairo_t* cr, const pdf::PageSink& sink) { draw_pages(cr, sink, sizes, throw_after); },
                threaded);
        } catch (const std::runtime_error& e) {
            if (threw) *threw = std::string(e.what()) == "drawing failed";
        }
    });
}

std::string without_date(std::string pdf) {
    const std::size_t at = pdf.find("/CreationDate (D:");
    if (at != std::string::npos) pdf.erase(at, pdf.find(')', at) - at);
    return pdf;
}

int count(const std::string& s, const std::string& what) {
    int n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("pages drawn on a second thread are written in order, as one thread writes them") {
    const std::vector<pdf::PageSizePt> sizes{{595, 842}, {842, 595}, {300, 400}, {595, 842}, {1200, 900}};
    const std::string two = write(sizes, true), one = write(sizes, false);
    CHECK(count(two, "/Type /Page %") == 5);
    // In order: each page's size where it was drawn.
    std::size_t at = 0;
    for (const char* box : {"/MediaBox [ 0 0 595 842 ]", "/MediaBox [ 0 0 842 595 ]", "/MediaBox [ 0 0 300 400 ]",
                            "/MediaBox [ 0 0 595 842 ]", "/MediaBox [ 0 0 1200 900 ]"}) {
        CAPTURE(box);
        at = two.find(box, at);
        REQUIRE(at != std::string::npos);
        ++at;
    }
    CHECK(without_date(two) == without_date(one));
}

TEST_CASE("an error while drawing reaches the caller after the finished pages are written") {
    const std::vector<pdf::PageSizePt> sizes{{595, 842}, {595, 842}, {595, 842}, {595, 842}};
    for (bool threaded : {true, false}) {
        CAPTURE(threaded);
        bool threw = false;
        const std::string pdf = write(sizes, threaded, 2, &threw);
        CHECK(threw);
        // Page 1 was finished and written; page 2, open when the error came, is dropped.
        CHECK(count(pdf, "/Type /Page %") == 1);
        CHECK(pdf.find("%%EOF") != std::string::npos);
    }
}

// The handout is drawn on a second thread only when the primary font has every character of the
// document (export.cpp: cairo 1.16 opens FreeType faces outside its locks).
TEST_CASE("the primary font covers Latin and Chinese text, not every script") {
    const FontCoverage font;
    CHECK(font.covers(""));
    CHECK(font.covers("Hotel stay · 酒店入住 — “check-in” … ★ 5 min"));
    CHECK(font.covers("顾客到店后等位，服务员递上柠檬水和小食。"));
    CHECK_FALSE(font.covers("مرحبا"));        // Arabic
    CHECK_FALSE(font.covers("สวัสดี"));       // Thai
    CHECK_FALSE(font.covers("नमस्ते"));      // Devanagari
}
