// Stagemap — File › Export… writes every format; File › Import CSV… refuses a bad file with its
// line numbers and opens a good one as a new unsaved blueprint.
#include <doctest/doctest.h>

#include <fstream>

#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/keys.h"
#include "ui/modals.h"

using namespace sm;
using sm::ui::test::Harness;
using sm::ui::test::click_control;
using sm::ui::test::TempDir;

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("the export dialog writes a file in each format") {
    TempDir tmp("export_dialog");
    Harness h(ui::test::blueprint("hotel-stay"));
    ui::set_tier_lens(h.app(), h.doc().tiers[0].id);
    const struct {
        const char* key;
        const char* file;
        const char* starts;  // the first bytes of such a file
    } formats[] = {
        {"svg", "out.svg", "<?xml"}, {"pdf", "out.pdf", "%PDF"},   {"png", "out.png", "\x89PNG"},
        {"mmd", "out.mmd", "journey"}, {"drawio", "out.drawio", "<mxfile"}, {"csv", "out.csv", "\xEF\xBB\xBF"},
    };
    for (const auto& f : formats) {
        CAPTURE(f.key);
        h.key(ui::keys::E, true);  // Ctrl+E: File › Export…
        h.frame(2);
        REQUIRE(h.app().exporter.open);
        click_control(h, std::string("export:format:") + f.key);
        // Type the path into the field.
        click_control(h, "export:path");
        h.key(ui::keys::A, true);
        const std::string path = (tmp.path / f.file).string();
        h.type(path.c_str());
        h.frame();
        click_control(h, "export:go");
        h.frame(2);
        CHECK(h.app().exporter.error == "");
        CHECK_FALSE(h.app().exporter.open);
        const std::string bytes = read(tmp.path / f.file);
        REQUIRE(bytes.size() > 20);
        CHECK(bytes.rfind(f.starts, 0) == 0);
    }
    // The PDF preview told the page count before writing.
    CHECK(h.app().exporter.pdf.pages > 1);
    // Exports change nothing in the document.
    CHECK_FALSE(h.app().session.history.can_undo());
}

TEST_CASE("export as the tier lens sees it marks the lens in the file; the PNG size is shown before") {
    TempDir tmp("export_lens");
    Harness h(ui::test::blueprint("retail-store-visit"));
    ui::set_tier_compare(h.app(), TierId("t-potential"), TierId("t-low"));
    auto& st = h.app().exporter;
    ui::open_export_dialog(h.app());
    st.format = ui::ExportFormat::Png;
    st.png_scale = 1;
    st.path = (tmp.path / "compare.png").string();
    h.frame(3);
    const render::PixelSize shown = st.size;
    CHECK(shown.width > 100);
    click_control(h, "export:go");
    const auto png = render::inspect_png(tmp.path / "compare.png");
    REQUIRE(png);
    CHECK(png->width == shown.width);  // the size shown is the size written
    CHECK(png->height == shown.height);

    ui::open_export_dialog(h.app());
    st.format = ui::ExportFormat::Svg;
    st.path = (tmp.path / "compare.svg").string();
    h.frame(3);
    click_control(h, "export:go");
    const std::string svg = read(tmp.path / "compare.svg");
    CHECK(svg.find("Tier compare: A = only") != std::string::npos);
    CHECK(svg.find(">A+B<") != std::string::npos);
}

TEST_CASE("a CSV with errors is refused with its line numbers and changes nothing") {
    TempDir tmp("import_bad");
    Harness h(ui::test::blueprint("hotel-stay"));
    const std::string before = io::to_text(h.doc());
    const auto bad = tmp.path / "bad.csv";
    std::ofstream(bad, std::ios::binary) << "phase,step,lane,title,votes\nArrive,Door,Front,Greets,1\nArrive,Door,Front,Waves,many\n";
    ui::action_import_csv(h.app());
    h.frame(3);
    REQUIRE(h.app().exporter.import_files.visible);
    h.type(bad.string().c_str());
    h.named_key(ImGuiKey_Enter);
    h.frame(3);
    CHECK(h.app().modals.show_errors);
    bool line3 = false;
    for (const auto& d : h.app().modals.errors) line3 = line3 || d.to_string().find("line 3") != std::string::npos;
    CHECK(line3);
    CHECK(io::to_text(h.doc()) == before);
    CHECK_FALSE(h.app().session.path.empty());
}

TEST_CASE("a good CSV opens as a new unsaved blueprint") {
    TempDir tmp("import_good");
    Harness h(ui::test::blueprint("hotel-stay"));
    const auto good = tmp.path / "visit.csv";
    std::ofstream(good, std::ios::binary) << "phase,step,lane,title,tiers\nArrive,Door,Frontstage,Greets,Gold\nArrive,Desk,Backstage,Checks booking,\n";
    ui::action_import_csv(h.app());
    h.frame(3);
    h.type(good.string().c_str());
    h.named_key(ImGuiKey_Enter);
    h.frame(3);
    CHECK_FALSE(h.app().modals.show_errors);
    CHECK(h.doc().cards.size() == 2);
    CHECK(h.doc().title == "visit");
    CHECK(h.app().session.path.empty());
    CHECK(h.app().session.dirty());
    CHECK_FALSE(h.app().session.history.can_undo());
}
