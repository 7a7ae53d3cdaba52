// Tests of the draw.io export: well-formed XML, one vertex per card, one edge per connector with
// the right arrows, the three lines, unique and deterministic ids, escaping.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "../layout/fixture.h"
#include "io/blueprint_io.h"
#include "render/export.h"
#include "render/marks.h"
#include "xml_check.h"

using namespace sm;
using namespace sm::render;
namespace fs = std::filesystem;

namespace {

const layout::FixedMeasurer kMeasurer;

ExportOptions fixed_options(const Document& d) {
    ExportOptions o;
    o.measurer = &kMeasurer;
    o.paint.marks = peak_end_marks(d);
    return o;
}

struct Parsed {
    std::optional<test::XmlNode> root;
    std::string error;
    std::vector<const test::XmlNode*> cells;
};

// Keeps the XML text alive with the nodes that point into it.
struct Drawio {
    std::string xml;
    Parsed p;
};

std::unique_ptr<Drawio> parse(std::string xml) {
    auto d = std::make_unique<Drawio>();
    d->xml = std::move(xml);
    test::XmlReader r(d->xml);
    d->p.root = r.parse();
    d->p.error = r.error();
    if (d->p.root) test::collect(*d->p.root, "mxCell", d->p.cells);
    return d;
}

const test::XmlNode* cell(const Drawio& d, const std::string& id) {
    for (const test::XmlNode* c : d.p.cells)
        if (c->attr("id") == id) return c;
    return nullptr;
}

std::string card_id(const Card& c) {
    std::string s = "card:";
    s += c.id.str();
    return s;
}

// a + b (instead of "literal" + std::string, which GCC 12 warns about when inlined).
std::string cat(std::string_view a, std::string_view b) {
    std::string s(a);
    s += b;
    return s;
}

bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

// Checks the export of one document against the document.
void check_document(const Document& doc, const Drawio& d) {
    REQUIRE_MESSAGE(d.p.root.has_value(), d.p.error);
    CHECK(d.p.root->name == "mxfile");
    REQUIRE(d.p.root->children.size() == 1);
    const test::XmlNode& diagram = d.p.root->children[0];
    CHECK(diagram.name == "diagram");
    CHECK(diagram.has("name"));
    REQUIRE(diagram.children.size() == 1);
    CHECK(diagram.children[0].name == "mxGraphModel");
    // The two cells draw.io needs, first.
    REQUIRE(d.p.cells.size() >= 2);
    CHECK(d.p.cells[0]->attr("id") == "0");
    CHECK(d.p.cells[1]->attr("id") == "1");
    CHECK(d.p.cells[1]->attr("parent") == "0");
    // Ids unique; every parent, source and target exists.
    std::set<std::string> ids;
    for (const test::XmlNode* c : d.p.cells) CHECK_MESSAGE(ids.insert(c->attr("id")).second, "duplicate id " << c->attr("id"));
    for (const test::XmlNode* c : d.p.cells) {
        if (c->has("parent")) CHECK_MESSAGE(ids.count(c->attr("parent")), "missing parent of " << c->attr("id"));
        if (c->has("source")) CHECK(ids.count(c->attr("source")));
        if (c->has("target")) CHECK(ids.count(c->attr("target")));
        if (c->attr("vertex") == "1" || c->attr("edge") == "1") {
            std::vector<const test::XmlNode*> geo;
            test::collect(*c, "mxGeometry", geo);
            CHECK_MESSAGE(geo.size() == 1, "no geometry for " << c->attr("id"));
        }
    }
    // One vertex per card, labelled with its title, inside its lane.
    int card_vertices = 0;
    for (const test::XmlNode* c : d.p.cells)
        if (c->attr("id").rfind("card:", 0) == 0 && c->attr("vertex") == "1") ++card_vertices;
    CHECK(card_vertices == int(doc.cards.size()));
    for (const Card& card : doc.cards) {
        const test::XmlNode* v = cell(d, card_id(card));
        REQUIRE_MESSAGE(v, "no vertex for card " << card.id.str());
        CHECK(v->attr("vertex") == "1");
        CHECK(v->attr("parent") == cat("lane:", card.lane.str()));
        // The label is HTML: the title appears in it HTML-escaped.
        std::string title;
        for (char ch : card.title) {
            if (ch == '&') title += "&amp;";
            else if (ch == '<') title += "&lt;";
            else if (ch == '>') title += "&gt;";
            else if (ch == '"') title += "&quot;";
            else title += ch;
        }
        CHECK_MESSAGE(contains(v->attr("value"), title), card.title);
        const std::string style = v->attr("style");
        if (card.is_fail_point()) CHECK(contains(style, "strokeColor=#D55E00"));
        else if (card.is_wait_point()) CHECK(contains(style, "strokeColor=#E69F00"));
        for (const TierId& t : card.tiers) {
            const int k = doc.tier_index(t);
            if (k >= 0 && doc.tiers[std::size_t(k)].color)
                CHECK(contains(v->attr("value"), to_hex(*doc.tiers[std::size_t(k)].color)));
        }
    }
    // One edge per connector, between the card vertices, with the arrows of its direction.
    int edges = 0;
    for (const test::XmlNode* c : d.p.cells)
        if (c->attr("id").rfind("conn-", 0) == 0 && c->attr("edge") == "1") ++edges;
    CHECK(edges == int(doc.connectors.size()));
    for (std::size_t i = 0; i < doc.connectors.size(); ++i) {
        const Connector& k = doc.connectors[i];
        const test::XmlNode* e = cell(d, cat("conn-", std::to_string(i + 1)));
        REQUIRE(e);
        CHECK(e->attr("source") == cat("card:", k.from.str()));
        CHECK(e->attr("target") == cat("card:", k.to.str()));
        CHECK(e->attr("value") == k.label);  // plain labels come through unchanged
        const std::string style = e->attr("style");
        switch (k.direction) {
        case Direction::Forward:
            CHECK(contains(style, "endArrow=block"));
            CHECK(contains(style, "startArrow=none"));
            break;
        case Direction::Both:
            CHECK(contains(style, "endArrow=block"));
            CHECK(contains(style, "startArrow=block"));
            break;
        case Direction::None:
            CHECK(contains(style, "endArrow=none"));
            CHECK(contains(style, "startArrow=none"));
            break;
        }
    }
}

}  // namespace

// [SECTION] The XML checker itself
TEST_CASE("the XML checker refuses what is not well-formed") {
    const auto ok = [](std::string_view s) { return test::XmlReader(s).parse().has_value(); };
    CHECK(ok("<a><b x=\"1\" y='2'/>text &amp; &lt;</a>"));
    CHECK(ok("<?xml version=\"1.0\"?>\n<a/>\n"));
    CHECK_FALSE(ok("<a><b></a></b>"));
    CHECK_FALSE(ok("<a x=1/>"));
    CHECK_FALSE(ok("<a x=\"1\" x=\"2\"/>"));
    CHECK_FALSE(ok("<a>&nbsp;</a>"));
    CHECK_FALSE(ok("<a>fish & chips</a>"));
    CHECK_FALSE(ok("<a x=\"<\"/>"));
    CHECK_FALSE(ok("<a/><b/>"));
    CHECK_FALSE(ok("<a>\x01</a>"));
    CHECK_FALSE(ok("<a>"));
}

// [SECTION] Examples
TEST_CASE("draw.io export of the example blueprints") {
    const fs::path dir = fs::path(STAGEMAP_SOURCE_DIR) / "blueprints";
    if (!fs::exists(dir)) return;
    const fs::path out = fs::path(STAGEMAP_BINARY_DIR) / "test-output" / "drawio";
    fs::create_directories(out);
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        auto loaded = io::load_file(entry.path());
        if (!loaded.ok()) continue;
        const std::string stem = entry.path().stem().stem().string();
        std::string file_name = stem;
        file_name += ".drawio";
        CAPTURE(stem);
        const Document& doc = *loaded.document;
        ExportOptions opts;  // pango measurement, as the command line does
        opts.paint.marks = peak_end_marks(doc);
        const auto d = parse(export_drawio(doc, opts));
        check_document(doc, *d);
        const fs::path file = out / file_name;
        std::ofstream(file, std::ios::binary) << d->xml;
        ++n;
        // libxml2's checker too, where it is installed.
        const std::string cmd = cat(cat("xmllint --noout '", file.string()), "' 2>&1");
        if (std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen("command -v xmllint", "r"), pclose); pipe) {
            char buf[256];
            if (fgets(buf, sizeof buf, pipe.get())) {
                std::unique_ptr<FILE, int (*)(FILE*)> lint(popen(cmd.c_str(), "r"), pclose);
                std::string msg;
                while (lint && fgets(buf, sizeof buf, lint.get())) msg += buf;
                CHECK_MESSAGE(msg.empty(), msg);
            }
        }
    }
    CHECK(n == 3);
}

// [SECTION] Structure
TEST_CASE("draw.io: lanes, headers, the three lines and the emotion curve") {
    const Document doc = test::small_blueprint();
    const auto d = parse(export_drawio(doc, fixed_options(doc)));
    check_document(doc, *d);
    for (const Lane& l : doc.lanes) {
        const test::XmlNode* lane = cell(*d, cat("lane:", l.id.str()));
        REQUIRE(lane);
        CHECK(contains(lane->attr("style"), "container=1"));
        const test::XmlNode* header = cell(*d, cat("lane-header:", l.id.str()));
        REQUIRE(header);
        CHECK(header->attr("parent") == cat("lane:", l.id.str()));
        CHECK(contains(header->attr("value"), l.name));
    }
    for (const Phase& p : doc.phases) CHECK(cell(*d, cat("phase:", p.id.str())));
    for (const Step& s : doc.steps) CHECK(cell(*d, cat("step:", s.id.str())));
    const std::pair<const char*, const char*> lines[] = {{"line:interaction", "Line of interaction"},
                                                         {"line:visibility", "Line of visibility"},
                                                         {"line:internal-interaction", "Line of internal interaction"}};
    for (const auto& line : lines) {
        const test::XmlNode* e = cell(*d, line.first);
        REQUIRE_MESSAGE(e, line.first);
        CHECK(e->attr("edge") == "1");
        CHECK_FALSE(e->has("source"));
        CHECK(contains(e->attr("style"), "dashed=1"));
        CHECK(contains(e->attr("value"), line.second));
        std::vector<const test::XmlNode*> pts;
        test::collect(*e, "mxPoint", pts);
        REQUIRE(pts.size() == 2);
        CHECK(pts[0]->attr("as") == "sourcePoint");
        CHECK(pts[1]->attr("as") == "targetPoint");
        CHECK(pts[0]->attr("y") == pts[1]->attr("y"));  // horizontal
    }
    CHECK(cell(*d, "emotion"));
    CHECK(cell(*d, "emotion-curve-1"));
    const std::string peak = cat("peak:", doc.steps[std::size_t(peak_end_marks(doc).peak_steps.at(0))].id.str());
    CHECK(cell(*d, peak));
}

TEST_CASE("draw.io: deterministic, escaped, and whole with odd input") {
    Document doc = test::small_blueprint();
    doc.title = "Tom & Jerry's <\"blueprint\">\x01";
    doc.cards[0].title = "a < b & c > d \"quoted\" 'single'\nsecond line";
    doc.cards.push_back(doc.cards[1]);  // a duplicate id: the ids stay unique
    doc.connectors.push_back(test::make_connector("c1", "c4", Direction::Both, "x & <y>"));
    doc.connectors.push_back(test::make_connector("c4", "c5", Direction::None));
    doc.lanes[2].name = "Front <desk>";
    const std::string xml = export_drawio(doc, fixed_options(doc));
    CHECK(xml == export_drawio(doc, fixed_options(doc)));
    const auto d = parse(xml);
    REQUIRE_MESSAGE(d->p.root.has_value(), d->p.error);
    CHECK(d->p.root->children[0].attr("name") == "Tom & Jerry's <\"blueprint\">");
    const test::XmlNode* c1 = cell(*d, "card:c1");
    REQUIRE(c1);
    CHECK(contains(c1->attr("value"), "a &lt; b &amp; c &gt; d &quot;quoted&quot; 'single'<br>second line"));
    CHECK(cell(*d, "card:c2#2"));
    const test::XmlNode* both = cell(*d, cat("conn-", std::to_string(doc.connectors.size() - 1)));
    REQUIRE(both);
    CHECK(contains(both->attr("style"), "startArrow=block"));
    CHECK(both->attr("value") == "x &amp; &lt;y&gt;");
    const test::XmlNode* none = cell(*d, cat("conn-", std::to_string(doc.connectors.size())));
    REQUIRE(none);
    CHECK(contains(none->attr("style"), "endArrow=none"));
}

TEST_CASE("draw.io: cards outside the grid still get a vertex") {
    Document doc = test::small_blueprint();
    doc.cards.push_back(test::make_card("lost", "no-such-lane", "s1", "Lost card"));
    const auto d = parse(export_drawio(doc, fixed_options(doc)));
    REQUIRE(d->p.root);
    const test::XmlNode* v = cell(*d, "card:lost");
    REQUIRE(v);
    CHECK(v->attr("parent") == "1");
    CHECK(contains(v->attr("value"), "Lost card"));
}
