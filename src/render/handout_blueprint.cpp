// Stagemap — the handout's blueprint pages: page 1 (title block, the blueprint scaled to the page,
// legend) or, when card text would print below the minimum, page 1 as an overview with the tile
// map, followed by the tiles (overlapping, with crop and overlap marks and a "page r/c" note).
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "render/cairo_painter.h"
#include "render/handout.h"

namespace sm::render::handout {

using pdf::kMargin;
using pdf::kMm;
using pdf::Rect2;
using pdf::TextBox;
using pdf::TextStyle;

namespace {

constexpr double kGap = 10;  // between the title block, the blueprint and the legend

// [SECTION] Painting the blueprint into a page
// Draws everything but text: the overview map, whose text would be too small to read.
class ShapesOnly : public Painter {
public:
    explicit ShapesOnly(Painter& p) : p_(p) {}
    void fill_rect(const Rect& r, RGBA c, float radius) override { p_.fill_rect(r, c, radius); }
    void stroke_rect(const Rect& r, RGBA c, float w, float radius) override { p_.stroke_rect(r, c, w, radius); }
    void line(Vec2 a, Vec2 b, RGBA c, float w, bool dashed) override { p_.line(a, b, c, w, dashed); }
    void polyline(const std::vector<Vec2>& pts, RGBA c, float w, bool dashed) override { p_.polyline(pts, c, w, dashed); }
    void fill_polygon(const std::vector<Vec2>& pts, RGBA c) override { p_.fill_polygon(pts, c); }
    void fill_circle(Vec2 c, float r, RGBA col) override { p_.fill_circle(c, r, col); }
    void stroke_circle(Vec2 c, float r, RGBA col, float w) override { p_.stroke_circle(c, r, col, w); }
    void text(Vec2, std::string_view, float, RGBA, bool) override {}

private:
    Painter& p_;
};

// Paints the part `region` (layout units) of the blueprint at scale `s` (points per unit), its
// top-left at (x, y) on the page, clipped to `clip`.
void paint_region(Context& cx, cairo_t* cr, double s, double x, double y, const Rect& region, const Rect2& clip,
                  bool overview) {
    cairo_save(cr);
    cairo_rectangle(cr, clip.x, clip.y, clip.w, clip.h);
    cairo_clip(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, s, s);
    cairo_translate(cr, -region.x, -region.y);
    PaintOptions po = cx.paint;
    po.visible = region;
    po.zoom = overview ? 0.2f : 1.0f;
    {
        CairoPainter painter(cr, cx.measurer);
        if (overview) {
            ShapesOnly shapes(painter);
            paint_blueprint(cx.doc, cx.lay, shapes, po);
        } else {
            paint_blueprint(cx.doc, cx.lay, painter, po);
        }
    }
    cairo_restore(cr);
}

float card_font(const Context& cx) { return cx.lay.style.font_size; }

// [SECTION] Tiles
// Tiles are cut where the blueprint has a boundary (between step columns, between lanes) when
// one lies in the second half of the page, so that cards are not split; the next tile starts
// `overlap` before the cut.
struct Span {
    double start = 0, end = 0;  // layout units
};

struct Tiling {
    std::vector<Span> xs, ys;  // columns and rows of tiles
    double s = 1;              // points per layout unit
    double overlap = 0;        // points
    Rect2 content;             // the printable area of a tile page
    int rows() const { return int(ys.size()); }
    int cols() const { return int(xs.size()); }
    // The region of the blueprint (layout units) that tile (r, c) shows.
    Rect region(int r, int c) const {
        const Span& x = xs[std::size_t(c)];
        const Span& y = ys[std::size_t(r)];
        return {float(x.start), float(y.start), float(x.end - x.start), float(y.end - y.start)};
    }
    // Where that region is printed on its page.
    Rect2 printed(int r, int c) const {
        const Rect g = region(r, c);
        return {content.x, content.y, g.w * s, g.h * s};
    }
};

Rect2 tile_content(pdf::PageSizePt paper) {
    return {kMargin, kMargin + 10, paper.w - 2 * kMargin, paper.h - 2 * kMargin - 20};
}

// Spans of at most `len` covering [lo, hi], each starting `ov` before the previous one's end.
std::vector<Span> spans(double lo, double hi, double len, double ov, const std::vector<double>& cuts) {
    std::vector<Span> out;
    double start = lo;
    while (out.size() < 1000) {
        const double end_max = start + len;
        if (end_max >= hi - 1e-3) {
            out.push_back({start, hi});
            break;
        }
        double cut = end_max;
        double best = -1;
        for (double c : cuts)
            if (c > start + len / 2 && c <= end_max) best = std::max(best, c);
        if (best > 0) cut = best;
        out.push_back({start, cut});
        start = cut - ov;
    }
    return out;
}

Tiling plan_tiles(const Context& cx) {
    Tiling t;
    t.content = tile_content(cx.paper);
    const double cw = t.content.w, ch = t.content.h;
    t.overlap = std::clamp(double(cx.pdf.overlap_mm) * kMm, 0.0, 0.3 * std::min(cw, ch));
    const double ov = t.overlap;
    const Rect& b = cx.lay.bounds;
    const double W = b.w, H = b.h;
    const double s0 = double(cx.pdf.min_card_text_pt) / card_font(cx);
    const int cols = std::max(1, int(std::ceil((W * s0 - ov) / (cw - ov) - 1e-9)));
    const int rows = std::max(1, int(std::ceil((H * s0 - ov) / (ch - ov) - 1e-9)));
    // As large as the same number of tiles allows.
    double su = std::min((cols * (cw - ov) + ov) / W, (rows * (ch - ov) + ov) / H);
    su = std::max(std::min(su, double(cx.pdf.max_card_text_pt) / card_font(cx)), s0);
    // Boundaries to cut at (a little after them, so that the grid line stays on the tile).
    std::vector<double> xcuts, ycuts;
    for (const layout::StepBox& sb : cx.lay.steps)
        if (sb.step >= 0) xcuts.push_back(sb.column.x + 2);
    for (const layout::PhaseBox& pb : cx.lay.phases)
        if (pb.phase >= 0) xcuts.push_back(pb.rect.right() + 2);
    for (const layout::LaneBox& lb : cx.lay.lanes)
        if (lb.lane >= 0) ycuts.push_back(lb.row.y + 2);
    if (cx.lay.emotion) ycuts.push_back(cx.lay.emotion->rect.y + 2);
    ycuts.push_back(cx.lay.corner.bottom() + 2);
    // Not through the label of one of the three lines: below it.
    for (double& y : ycuts)
        for (const layout::DividerLine& d : cx.lay.lines)
            if (y >= d.label_rect.y - 1 && y <= d.label_rect.bottom() + 1) y = d.label_rect.bottom() + 2;
    // Snapped cuts at the largest scale that needs no more tiles than even cuts; else even cuts.
    for (int i = 0; i <= 12; ++i) {
        const double s = su - (su - s0) * i / 12.0;
        std::vector<Span> xs = spans(b.x, b.right(), cw / s, ov / s, xcuts);
        std::vector<Span> ys = spans(b.y, b.bottom(), ch / s, ov / s, ycuts);
        if (int(xs.size()) <= cols && int(ys.size()) <= rows) {
            t.s = s;
            t.xs = std::move(xs);
            t.ys = std::move(ys);
            return t;
        }
    }
    t.s = su;
    t.xs = spans(b.x, b.right(), cw / su, ov / su, {});
    t.ys = spans(b.y, b.bottom(), ch / su, ov / su, {});
    return t;
}

std::string tile_name(int r, int c) { return pdf::cat({std::to_string(r + 1), "/", std::to_string(c + 1)}); }

void crop_marks(Painter& p, const Rect2& c) {
    const float off = float(2 * kMm), arm = float(5 * kMm);
    const RGBA ink{0, 0, 0};
    for (double x : {c.x, c.right()})
        for (double y : {c.y, c.bottom()}) {
            const float fx = float(x), fy = float(y);
            const float sx = x == c.x ? -1.0f : 1.0f, sy = y == c.y ? -1.0f : 1.0f;
            p.line({fx + sx * off, fy}, {fx + sx * (off + arm), fy}, ink, 0.5f);
            p.line({fx, fy + sy * off}, {fx, fy + sy * (off + arm)}, ink, 0.5f);
        }
}

void tile_page(Context& cx, pdf::Pages& pages, const Tiling& t, int r, int c) {
    std::string section = "Blueprint page ";
    section += tile_name(r, c);
    const std::string row = std::to_string(r + 1), col = std::to_string(c + 1);
    section += pdf::cat({" · row ", row, " of ", std::to_string(t.rows()), ", column ", col, " of ", std::to_string(t.cols())});
    section += pdf::cat({" · 第", row, "行 第", col, "列"});
    pages.begin(cx.paper, section);
    cairo_t* cr = pages.cr();
    const Rect2 b = t.printed(r, c);
    paint_region(cx, cr, t.s, b.x, b.y, t.region(r, c), b, false);
    Painter& p = pages.painter();
    crop_marks(p, b);
    // Overlap marks: the strips this page shares with its neighbours, tinted, with a dashed edge
    // where the neighbour's print begins; the neighbour's name in the margin on that side.
    const RGBA tint{0, 114, 178, 20}, edge{0, 114, 178};
    const float ov = float(t.overlap);
    const TextStyle label{pdf::kSmallPt, cx.theme.muted_text, true, TextAlign::Center};
    const auto margin_label = [&](std::string_view text, double x, double y, double w) {
        TextBox box(cr, pdf::escape(text), label, w);
        box.draw(x, y - box.height() / 2);
    };
    const float x0 = float(b.x), y0 = float(b.y), x1 = float(b.right()), y1 = float(b.bottom());
    if (c > 0) {
        p.fill_rect({x0, y0, ov, y1 - y0}, tint);
        p.line({x0 + ov, y0}, {x0 + ov, y1}, edge, 0.6f, true);
        margin_label(pdf::cat({"←\n", tile_name(r, c - 1)}), 0, b.y + b.h / 2, kMargin);
    }
    if (c + 1 < t.cols()) {
        p.fill_rect({x1 - ov, y0, ov, y1 - y0}, tint);
        p.line({x1 - ov, y0}, {x1 - ov, y1}, edge, 0.6f, true);
        margin_label(pdf::cat({"→\n", tile_name(r, c + 1)}), b.right(), b.y + b.h / 2, std::min(kMargin, cx.paper.w - b.right()));
    }
    if (r > 0) {
        p.fill_rect({x0, y0, x1 - x0, ov}, tint);
        p.line({x0, y0 + ov}, {x1, y0 + ov}, edge, 0.6f, true);
        margin_label(pdf::cat({"↑ ", tile_name(r - 1, c)}), b.x, b.y - 7, b.w);
    }
    if (r + 1 < t.rows()) {
        p.fill_rect({x0, y1 - ov, x1 - x0, ov}, tint);
        p.line({x0, y1 - ov}, {x1, y1 - ov}, edge, 0.6f, true);
        margin_label(pdf::cat({"↓ ", tile_name(r + 1, c)}), b.x, b.bottom() + 8, b.w);
    }
}

// [SECTION] Page 1
// The overview: the whole blueprint without text, the tiles drawn over it with their names.
void overview(Context& cx, pdf::Pages& pages, const Tiling& t, const Rect2& area) {
    const Rect& bounds = cx.lay.bounds;
    const double so = std::min(area.w / bounds.w, area.h / bounds.h);
    const double x = area.x + (area.w - bounds.w * so) / 2, y = area.y;
    paint_region(cx, pages.cr(), so, x, y, bounds, {x, y, bounds.w * so, bounds.h * so}, true);
    Painter& p = pages.painter();
    p.stroke_rect({float(x), float(y), float(bounds.w * so), float(bounds.h * so)}, cx.theme.grid, 0.75f);
    cairo_save(pages.cr());  // the last tiles reach beyond the blueprint
    cairo_rectangle(pages.cr(), x - 1, y - 1, bounds.w * so + 2, bounds.h * so + 2);
    cairo_clip(pages.cr());
    const RGBA ink{0, 114, 178};
    const int first_page = pages.page() + 1;
    for (int r = 0; r < t.rows(); ++r)
        for (int c = 0; c < t.cols(); ++c) {
            const Rect g = t.region(r, c);
            const Rect2 tr{x + (g.x - bounds.x) * so, y + (g.y - bounds.y) * so, g.w * so, g.h * so};
            p.stroke_rect({float(tr.x), float(tr.y), float(tr.w), float(tr.h)}, ink, 0.9f);
            const std::string name = pdf::cat({"page ", tile_name(r, c), "\np. ", std::to_string(first_page + r * t.cols() + c)});
            TextBox box(pages.cr(), pdf::escape(name), {8, ink, true, TextAlign::Center}, 0);
            const double bx = tr.x + (tr.w - box.width()) / 2, by = tr.y + (tr.h - box.height()) / 2;
            p.fill_rect({float(bx - 4), float(by - 1), float(box.width() + 8), float(box.height() + 2)}, {255, 255, 255, 230}, 3);
            box.draw(bx, by);
        }
    cairo_restore(pages.cr());
}

void fit_page(Context& cx, pdf::Pages& pages, PdfReport& report) {
    const Rect& bounds = cx.lay.bounds;
    double s = 0.75;  // 1 unit = 1/96 inch
    const double inner = std::max(double(bounds.w) * s, 420.0);
    const double pw = inner + 2 * kMargin;
    const double th = title_block(cx, pages, 0, 0, inner, false);
    const double lg = legend(cx, pages, 0, 0, inner, false);
    const double extra = 2 * kMargin + (th > 0 ? th + kGap : 0) + (lg > 0 ? lg + kGap : 0);
    double ph = extra + bounds.h * s;
    // Readers refuse pages beyond 14400 pt (200 inches): scale the blueprint down to fit.
    const double limit = 14400;
    if (pw > limit || ph > limit) {
        s = std::min(s * (limit - 2 * kMargin) / inner, (limit - extra) / bounds.h);
        ph = std::min(limit, extra + bounds.h * s);
    }
    pages.begin({std::min(pw, limit), ph}, kBlueprintSection);
    const double w = std::min(pw, limit) - 2 * kMargin;
    double y = kMargin;
    if (th > 0) y += title_block(cx, pages, kMargin, y, w, true) + kGap;
    const double x = kMargin + (w - bounds.w * s) / 2;
    paint_region(cx, pages.cr(), s, x, y, bounds, {x, y, bounds.w * s, bounds.h * s}, false);
    y += bounds.h * s + kGap;
    legend(cx, pages, kMargin, y, w, true);
    report.blueprint_pages = 1;
    report.card_text_pt = float(card_font(cx) * s);
}

}  // namespace

// [SECTION] Blueprint pages
void blueprint_pages(Context& cx, pdf::Pages& pages, PdfReport& report) {
    const std::string header = pages.header_left;
    pages.header_left.clear();  // page 1 has the title block
    if (cx.pdf.page == PageSize::Fit) {
        fit_page(cx, pages, report);
        pages.header_left = header;
        return;
    }
    const Rect& bounds = cx.lay.bounds;
    pages.begin(cx.paper, kBlueprintSection);
    const Rect2 body = pages.body();
    const double th = title_block(cx, pages, body.x, body.y, body.w, true);
    const double lg = legend(cx, pages, 0, 0, body.w, false);
    Rect2 area{body.x, body.y + (th > 0 ? th + kGap : 0), body.w, 0};
    area.h = body.bottom() - area.y - (lg > 0 ? lg + kGap : 0);
    double s = std::min(area.w / bounds.w, area.h / bounds.h);
    s = std::min(s, double(cx.pdf.max_card_text_pt) / card_font(cx));
    if (card_font(cx) * s >= cx.pdf.min_card_text_pt - 1e-6) {
        const double x = area.x + (area.w - bounds.w * s) / 2;
        paint_region(cx, pages.cr(), s, x, area.y, bounds, {x, area.y, bounds.w * s, bounds.h * s}, false);
        legend(cx, pages, body.x, area.y + bounds.h * s + kGap, body.w, true);
        report.blueprint_pages = 1;
        report.card_text_pt = float(card_font(cx) * s);
        pages.header_left = header;
        return;
    }
    // Tiled: page 1 is the overview.
    const Tiling t = plan_tiles(cx);
    const int n = t.rows() * t.cols();
    std::string note = "<b>This blueprint is printed on ";
    note += std::to_string(n);
    note += n == 1 ? " page" : " pages";
    if (n > 1) note += pdf::cat({" (", std::to_string(t.rows()), " × ", std::to_string(t.cols()), ")"});
    note += "</b>, card text ";
    note += layout::format_number(std::round(card_font(cx) * t.s * 10) / 10);
    note += " pt. Page r/c is row r, column c of the map below. Neighbouring pages overlap by ";
    note += layout::format_number(double(cx.pdf.overlap_mm));
    note += " mm (the tinted strips): trim one page at its crop marks and lay it over the dashed line of the next. "
            "本蓝图分页打印，相邻页面重叠，可沿裁切标记裁剪后拼接。";
    TextBox note_box(pages.cr(), note, {8, cx.theme.text, false, TextAlign::Left}, area.w);
    note_box.draw(area.x, area.y);
    Rect2 map = area;
    map.y += note_box.height() + 6;
    map.h -= note_box.height() + 6;
    double map_h = 0;
    if (map.h > 40) {  // (a title block and legend may leave no room for it)
        overview(cx, pages, t, map);
        map_h = bounds.h * std::min(map.w / bounds.w, map.h / bounds.h);
    }
    legend(cx, pages, body.x, map.y + map_h + kGap, body.w, true);
    pages.header_left = header;

    const double inset = pages.inset;
    const bool rules = pages.rules;
    pages.inset = 10 * kMm;
    pages.rules = false;
    for (int r = 0; r < t.rows(); ++r)
        for (int c = 0; c < t.cols(); ++c) tile_page(cx, pages, t, r, c);
    pages.inset = inset;
    pages.rules = rules;
    report.tiled = true;
    report.tile_rows = t.rows();
    report.tile_columns = t.cols();
    report.blueprint_pages = n;
    report.card_text_pt = float(card_font(cx) * t.s);
}

}  // namespace sm::render::handout
