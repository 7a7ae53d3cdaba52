// Stagemap — the draw.io export: the blueprint as an uncompressed .drawio file (mxGraph XML)
// that diagrams.net opens and edits. Geometry comes from the same layout as the other exports.
#include <algorithm>
#include <memory>
#include <set>

#include "render/export.h"
#include "render/handout.h"
#include "render/paint_internal.h"
#include "render/pango_measurer.h"
#include "render/svg_painter.h"

namespace sm::render {

namespace {

using layout::BlueprintLayout;
using pdf::cat;

// [SECTION] Text
// Text for an html=1 label: HTML-escaped, line breaks as <br>. (The XML escaping comes on top.)
std::string html(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<br>"; break;
        case '\r': break;
        case '\t': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

std::string hex(RGBA c) { return to_hex(Color{c.r, c.g, c.b}); }
std::string num(float x) { return svg_number(x); }

// [SECTION] Writer
struct Writer {
    std::string out;
    std::set<std::string> used;

    // A unique id from a wanted one: the same document always gets the same ids.
    std::string id(std::string want) {
        if (used.insert(want).second) return want;
        for (int n = 2;; ++n) {
            std::string alt = want;
            alt += '#';
            alt += std::to_string(n);
            if (used.insert(alt).second) return alt;
        }
    }

    void open_cell(const std::string& id, std::string_view value, std::string_view style, const std::string& parent,
                   const char* kind) {
        out += "        <mxCell id=\"";
        out += xml_escape(id);
        out += "\" value=\"";
        out += xml_escape(value);
        out += "\" style=\"";
        out += xml_escape(style);
        out += "\" ";
        out += kind;
        out += "=\"1\" parent=\"";
        out += xml_escape(parent);
        out += "\"";
    }

    void vertex(const std::string& id, std::string_view value, std::string_view style, const std::string& parent,
                const Rect& r) {
        open_cell(id, value, style, parent, "vertex");
        out += ">\n          <mxGeometry x=\"";
        out += num(r.x);
        out += "\" y=\"";
        out += num(r.y);
        out += "\" width=\"";
        out += num(r.w);
        out += "\" height=\"";
        out += num(r.h);
        out += "\" as=\"geometry\" />\n        </mxCell>\n";
    }

    void point(Vec2 p, const char* as) {
        out += "            <mxPoint x=\"";
        out += num(p.x);
        out += "\" y=\"";
        out += num(p.y);
        out += "\"";
        if (as) {
            out += " as=\"";
            out += as;
            out += "\"";
        }
        out += " />\n";
    }

    // An edge between two cells (ids non-empty) or between two points (ids empty).
    void edge(const std::string& id, std::string_view value, std::string_view style, const std::string& source,
              const std::string& target, const std::vector<Vec2>& waypoints, std::optional<Vec2> from = {},
              std::optional<Vec2> to = {}, float label_x = 0) {
        open_cell(id, value, style, "1", "edge");
        if (!source.empty()) {
            out += " source=\"";
            out += xml_escape(source);
            out += "\" target=\"";
            out += xml_escape(target);
            out += "\"";
        }
        out += ">\n          <mxGeometry";
        if (label_x != 0) {
            out += " x=\"";
            out += num(label_x);
            out += "\"";
        }
        out += " relative=\"1\" as=\"geometry\"";
        if (!from && !to && waypoints.empty()) {
            out += " />\n        </mxCell>\n";
            return;
        }
        out += ">\n";
        if (from) point(*from, "sourcePoint");
        if (to) point(*to, "targetPoint");
        if (!waypoints.empty()) {
            out += "            <Array as=\"points\">\n";
            for (Vec2 p : waypoints) {
                out += "  ";
                point(p, nullptr);
            }
            out += "            </Array>\n";
        }
        out += "          </mxGeometry>\n        </mxCell>\n";
    }
};

// [SECTION] Styles
std::string box_style(RGBA fill, RGBA stroke, RGBA font, float size, bool is_bold) {
    std::string s = "rounded=0;whiteSpace=wrap;html=1;fillColor=";
    s += hex(fill);
    s += ";strokeColor=";
    s += hex(stroke);
    s += ";fontColor=";
    s += hex(font);
    s += ";fontSize=";
    s += num(size);
    s += is_bold ? ";fontStyle=1;" : ";";
    return s;
}

std::string arrows(Direction d) {
    switch (d) {
    case Direction::Forward: return "startArrow=none;endArrow=block;endFill=1;";
    case Direction::Both: return "startArrow=block;startFill=1;endArrow=block;endFill=1;";
    case Direction::None: return "startArrow=none;endArrow=none;";
    }
    return {};
}

// Where a path leaves or enters a card, as draw.io's relative exit/entry point.
std::string port(const char* which, Vec2 p, const Rect& r) {
    const float fx = r.w > 0 ? std::clamp((p.x - r.x) / r.w, 0.0f, 1.0f) : 0.5f;
    const float fy = r.h > 0 ? std::clamp((p.y - r.y) / r.h, 0.0f, 1.0f) : 0.5f;
    std::string s = which;
    s += "X=";
    s += num(std::round(fx * 1000) / 1000);
    s += ';';
    s += which;
    s += "Y=";
    s += num(std::round(fy * 1000) / 1000);
    s += ';';
    s += which;
    s += "Dx=0;";
    s += which;
    s += "Dy=0;";
    return s;
}

std::string line_name(layout::LineKind k) {
    switch (k) {
    case layout::LineKind::Interaction: return "interaction";
    case layout::LineKind::Visibility: return "visibility";
    case layout::LineKind::InternalInteraction: return "internal-interaction";
    }
    return "line";
}

// [SECTION] Cards
std::string card_label(const sm::Document& doc, const layout::CardBox& cb, const std::vector<std::string>& chips,
                       const Theme& th, bool zh) {
    const sm::Card& c = doc.cards[std::size_t(cb.card)];
    std::string badges;
    if (c.is_fail_point()) badges += cat({"<b style=\"color:", hex(th.fail), "\">F</b> "});
    if (c.is_wait_point()) {
        badges += "<span style=\"background-color:";
        badges += hex(th.wait);
        badges += "\"><b> W ";
        badges += layout::format_number(*c.wait_min);
        badges += " min </b></span>";
    }
    std::string label;
    if (!badges.empty()) {
        label += "<span style=\"font-size:11px\">";
        label += badges;
        label += "</span><br>";
    }
    label += html(c.title);
    std::string foot;
    if (c.channel) {
        foot += html(layout::channel_label(*c.channel, zh));
        foot += ' ';
    }
    for (const layout::TierChip& chip : cb.chips) {
        foot += "<span style=\"color:";
        foot += hex(tier_color(doc, chip.tier, th));
        foot += "\">■</span>";
        if (chip.tier >= 0 && chip.tier < int(chips.size())) foot += html(chips[std::size_t(chip.tier)]);
        foot += ' ';
    }
    if (c.votes > 0) {
        foot += "● ";
        foot += std::to_string(c.votes);
    }
    if (!foot.empty()) {
        label += "<br><span style=\"font-size:10px;color:";
        label += hex(th.muted_text);
        label += "\">";
        label += foot;
        label += "</span>";
    }
    return label;
}

std::string card_style(const sm::Card& c, const Theme& th, float font) {
    std::string s = "rounded=1;arcSize=8;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacingLeft=6;"
                    "spacingRight=6;spacingTop=2;fontSize=";
    s += num(font);
    s += ";fontColor=";
    s += hex(th.text);
    if (c.is_fail_point()) {
        s += cat({";fillColor=", hex(detail::mix(th.card_fill, th.fail, 0.12f)), ";strokeColor=", hex(th.fail), ";strokeWidth=2;"});
    } else if (c.is_wait_point()) {
        s += cat({";fillColor=", hex(detail::mix(th.card_fill, th.wait, 0.15f)), ";strokeColor=", hex(th.wait), ";strokeWidth=1.5;"});
    } else {
        s += cat({";fillColor=", hex(th.card_fill), ";strokeColor=", hex(th.card_border), ";"});
    }
    return s;
}

}  // namespace

// [SECTION] export_drawio
std::string export_drawio(const sm::Document& doc, const ExportOptions& opts) {
    ExportOptions o = opts;
    o.legend = false;
    std::unique_ptr<PangoMeasurer> own;
    const layout::TextMeasurer* m = opts.measurer;
    if (!m) {
        own = std::make_unique<PangoMeasurer>();
        m = own.get();
    }
    const BlueprintLayout lay = layout::compute_layout(doc, *m, export_style(doc, o));
    const Theme& th = opts.paint.theme;
    const layout::LayoutStyle& st = lay.style;
    const std::vector<std::string> chips = layout::tier_chip_texts(doc);
    Writer w;
    w.used = {"0", "1"};
    const std::string name = doc.title.empty() ? std::string("Service blueprint") : doc.title;
    w.out = "<mxfile host=\"Stagemap\" type=\"device\">\n  <diagram id=\"stagemap-blueprint\" name=\"";
    w.out += xml_escape(name);
    w.out += "\">\n    <mxGraphModel dx=\"0\" dy=\"0\" grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" "
             "arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" pageWidth=\"";
    w.out += num(lay.bounds.w);
    w.out += "\" pageHeight=\"";
    w.out += num(lay.bounds.h);
    w.out += "\" math=\"0\" shadow=\"0\">\n      <root>\n        <mxCell id=\"0\" />\n        <mxCell id=\"1\" parent=\"0\" />\n";

    // Title.
    if (lay.title) {
        std::string v = cat({"<b>", html(name), "</b>"});
        if (!doc.description.empty()) {
            v += "<br><span style=\"font-size:";
            v += num(st.font_size);
            v += "px;color:";
            v += hex(th.muted_text);
            v += "\">";
            v += html(doc.description);
            v += "</span>";
        }
        std::string style = "text;html=1;whiteSpace=wrap;align=left;verticalAlign=top;strokeColor=none;fillColor=none;fontSize=";
        style += num(st.title_font_size);
        style += cat({";fontColor=", hex(th.text), ";"});
        w.vertex(w.id("title"), v, style, "1", lay.title->rect);
    }
    // Header rows.
    std::string corner = box_style(th.header_fill, th.grid, th.muted_text, st.small_font_size, true);
    corner += "align=left;verticalAlign=top;spacingLeft=8;spacingTop=6;";
    w.vertex(w.id("corner"), st.chinese_labels ? "阶段<br>步骤" : "Phase · 阶段<br>Step · 步骤", corner, "1", lay.corner);
    for (const layout::PhaseBox& pb : lay.phases) {
        if (pb.phase < 0) continue;
        const sm::Phase& ph = doc.phases[std::size_t(pb.phase)];
        const std::string style = pb.empty ? box_style(th.empty_phase_fill, th.grid, th.muted_text, st.small_font_size, true)
                                           : box_style(th.phase_fill, th.phase_fill, th.phase_text, st.header_font_size, true);
        w.vertex(w.id(cat({"phase:", ph.id.str()})), html(ph.name), style, "1", pb.rect);
    }
    for (int s : lay.column_order) {
        const layout::StepBox& sb = lay.steps[std::size_t(s)];
        const sm::Step& step = doc.steps[std::size_t(s)];
        std::string v = html(step.name);
        if (!sb.detail.lines.empty()) {
            v += "<br><span style=\"font-weight:normal;font-size:";
            v += num(st.small_font_size);
            v += "px;color:";
            v += hex(th.muted_text);
            v += "\">";
            v += html(sb.detail.lines.front());
            v += "</span>";
        }
        std::string style = box_style(th.header_fill, th.grid, th.text, st.font_size, true);
        style += cat({"align=left;verticalAlign=top;spacingLeft=", num(st.cell_padding), ";spacingTop=4;"});
        w.vertex(w.id(cat({"step:", step.id.str()})), v, style, "1", sb.header);
    }
    // Lanes: a container per lane (the cards are its children) with a header cell at its left.
    std::vector<std::string> lane_ids(doc.lanes.size());
    for (const layout::LaneBox& lb : lay.lanes) {
        if (lb.lane < 0) continue;
        const sm::Lane& lane = doc.lanes[std::size_t(lb.lane)];
        const int k = static_cast<int>(lane.kind);
        std::string style = "rounded=0;html=1;container=1;collapsible=0;recursiveResize=0;fillColor=";
        style += cat({hex(th.lane_fill[k]), ";strokeColor=", hex(th.grid), ";"});
        const std::string lid = w.id(cat({"lane:", lane.id.str()}));
        lane_ids[std::size_t(lb.lane)] = lid;
        w.vertex(lid, "", style, "1", lb.row);
        std::string hv = cat({"<b>", html(lane.name), "</b>"});
        if (!lb.kind.lines.empty()) {
            hv += "<br><span style=\"font-size:";
            hv += num(st.small_font_size);
            hv += "px;color:";
            hv += hex(th.muted_text);
            hv += "\">";
            hv += html(lb.kind_label);
            hv += "</span>";
        }
        std::string hs = box_style(th.header_fill, th.grid, th.text, st.header_font_size, false);
        hs += "align=left;verticalAlign=top;spacingLeft=14;spacingTop=8;";
        w.vertex(w.id(cat({"lane-header:", lane.id.str()})), hv, hs, lid, {0, 0, lb.header.w, lb.header.h});
        w.vertex(w.id(cat({"lane-stripe:", lane.id.str()})), "", box_style(th.lane_stripe[k], th.lane_stripe[k], th.text, 11, false),
                 lid, {0, 0, 5, lb.header.h});
    }
    // The emotion row: a band, its points and the curve, the peak and end marks.
    if (lay.emotion) {
        const layout::EmotionRow& er = *lay.emotion;
        w.vertex(w.id("emotion"), "", box_style(th.emotion_fill, th.grid, th.text, 11, false), "1", er.rect);
        std::string hs = box_style(th.header_fill, th.grid, th.text, st.header_font_size, true);
        hs += "align=left;verticalAlign=top;spacingLeft=14;spacingTop=8;";
        w.vertex(w.id("emotion-header"), html(st.chinese_labels ? "顾客情绪" : "Emotion\n情绪"), hs, "1", er.header);
        std::vector<Vec2> run;
        int runs = 0;
        const auto flush = [&] {
            if (run.size() >= 2) {
                std::string style = "endArrow=none;startArrow=none;html=1;curved=1;strokeWidth=2;strokeColor=";
                style += hex(th.emotion_curve) + ";";
                const std::vector<Vec2> mid(run.begin() + 1, run.end() - 1);
                w.edge(w.id(cat({"emotion-curve-", std::to_string(++runs)})), "", style, "", "", mid, run.front(), run.back());
            }
            run.clear();
        };
        for (const layout::EmotionPoint& pt : er.points) {
            if (pt.emotion) run.push_back(pt.pos);
            else flush();
        }
        flush();
        for (const layout::EmotionPoint& pt : er.points) {
            const sm::Step& step = doc.steps[std::size_t(pt.step)];
            std::string style = cat({"ellipse;html=1;strokeColor=", hex(th.emotion_fill), ";fillColor="});
            style += pt.emotion ? hex(detail::emotion_color(th, *pt.emotion)) : hex(th.emotion_fill);
            style += cat({";fontSize=9;fontColor=", hex(th.muted_text), ";"});
            const float r = pt.emotion ? 6.0f : 7.0f;
            w.vertex(w.id(cat({"emotion:", step.id.str()})), pt.emotion ? "" : "?", style, "1", {pt.pos.x - r, pt.pos.y - r, 2 * r, 2 * r});
        }
        const std::string mark_style = cat({"text;html=1;align=center;verticalAlign=middle;strokeColor=none;fillColor=none;fontSize=16;"
                                             "fontColor=", hex(th.mark), ";"});
        for (int s : opts.paint.marks.peak_steps)
            for (const layout::EmotionPoint& pt : er.points)
                if (pt.step == s) {
                    const float dy = pt.emotion && *pt.emotion < 0 ? 16.0f : -16.0f;
                    w.vertex(w.id(cat({"peak:", doc.steps[std::size_t(s)].id.str()})), "★", mark_style, "1",
                             {pt.pos.x - 10, pt.pos.y + dy - 10, 20, 20});
                }
        for (const layout::EmotionPoint& pt : er.points)
            if (pt.step == opts.paint.marks.end_step)
                w.vertex(w.id(cat({"end:", doc.steps[std::size_t(pt.step)].id.str()})), "⚑", mark_style, "1",
                         {pt.pos.x + 6, pt.pos.y - 22, 20, 20});
    }
    // The three lines: dashed edges between two points, labelled near their left end.
    for (const layout::DividerLine& d : lay.lines) {
        const RGBA c = d.kind == layout::LineKind::Interaction  ? th.line_interaction
                       : d.kind == layout::LineKind::Visibility ? th.line_visibility
                                                                : th.line_internal;
        std::string style = "endArrow=none;startArrow=none;html=1;dashed=1;strokeWidth=2;strokeColor=";
        style += cat({hex(c), ";fontColor=", hex(c), ";fontStyle=1;fontSize=", num(d.font_size), ";labelBackgroundColor=",
                      hex(th.background), ";labelBorderColor=", hex(c), ";"});
        const float len = std::max(1.0f, d.x1 - d.x0);
        const float label_x = std::clamp(-1 + 2 * (d.label_rect.center().x - d.x0) / len, -1.0f, 1.0f);
        w.edge(w.id(cat({"line:", line_name(d.kind)})), html(d.label), style, "", "", {}, Vec2{d.x0, d.y}, Vec2{d.x1, d.y},
               label_x);
    }
    // Cards, in their lanes; cards outside the grid (no lane or step) in a row below it.
    std::vector<std::string> card_ids(doc.cards.size());
    float spare_x = st.margin;
    for (const layout::CardBox& cb : lay.cards) {
        if (cb.card < 0) continue;
        const sm::Card& c = doc.cards[std::size_t(cb.card)];
        const std::string cid = w.id(cat({"card:", c.id.str()}));
        card_ids[std::size_t(cb.card)] = cid;
        const std::string label = card_label(doc, cb, chips, th, st.chinese_labels);
        const std::string style = card_style(c, th, st.font_size);
        const bool placed = cb.lane >= 0 && cb.step >= 0 && cb.rect.w > 0 && !lane_ids[std::size_t(cb.lane)].empty();
        if (placed) {
            const Rect& row = lay.lanes[std::size_t(cb.lane)].row;
            w.vertex(cid, label, style, lane_ids[std::size_t(cb.lane)], {cb.rect.x - row.x, cb.rect.y - row.y, cb.rect.w, cb.rect.h});
        } else {
            const float cw = st.step_width - 2 * st.cell_padding;
            w.vertex(cid, label, style, "1", {spare_x, lay.grid.bottom() + 40, cw, st.card_min_height * 1.5f});
            spare_x += cw + st.card_gap;
        }
    }
    // Connectors: edges between the card vertices, along the layout's route.
    for (const layout::ConnectorPath& cp : lay.connectors) {
        if (cp.connector < 0 || cp.from_card < 0 || cp.to_card < 0) continue;
        const sm::Connector& k = doc.connectors[std::size_t(cp.connector)];
        std::string style = "edgeStyle=orthogonalEdgeStyle;rounded=1;orthogonalLoop=1;jettySize=auto;html=1;strokeWidth=1.5;";
        style += cat({"strokeColor=", hex(th.connector), ";fontColor=", hex(th.muted_text), ";fontSize=", num(cp.font_size),
                      ";labelBackgroundColor=", hex(th.background), ";"});
        style += arrows(k.direction);
        std::vector<Vec2> mid;
        if (cp.points.size() >= 2) {
            style += port("exit", cp.points.front(), lay.cards[std::size_t(cp.from_card)].rect);
            style += port("entry", cp.points.back(), lay.cards[std::size_t(cp.to_card)].rect);
            mid.assign(cp.points.begin() + 1, cp.points.end() - 1);
        }
        w.edge(w.id(cat({"conn-", std::to_string(cp.connector + 1)})), html(k.label), style,
               card_ids[std::size_t(cp.from_card)], card_ids[std::size_t(cp.to_card)], mid);
    }
    w.out += "      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n";
    return std::move(w.out);
}

}  // namespace sm::render
