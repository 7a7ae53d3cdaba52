// Stagemap — the handout's peak-end page (domain.md §2): the emotion curve drawn again with the
// peak and the end marked, the remembered rating against the experienced one, the time spent,
// the customer's needs at the peak and the end, and the recommendations of the analysis.
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "render/handout.h"
#include "render/paint_internal.h"

namespace sm::render::handout {

using pdf::escape;
using pdf::TextBox;
using pdf::TextStyle;

namespace {

// [SECTION] Emotion chart
constexpr double kAxisW = 30;     // the scale's labels at the left
constexpr double kGutter = 86;    // the remembered and experienced levels' labels at the right
constexpr double kPlotH = 130;
constexpr double kLabelPt = 7.5;  // step labels under the plot

std::string number(double x) {
    const double r = std::round(x * 100) / 100;
    std::string s = r > 0 ? "+" : (r < 0 ? "−" : "");
    s += layout::format_number(std::abs(r));
    return s;
}

struct Chart {
    Context& cx;
    pdf::Pages& pages;
    double x, w;
    std::vector<int> steps;  // in blueprint order
    double col_w = 0;
    bool names_below = true;  // false: numbers only, names listed in the key under the chart
    bool tags_below = true;   // false: "★ peak", "best"… in the key (a column too narrow for them)

    Chart(Context& c, pdf::Pages& p, double x0, double width) : cx(c), pages(p), x(x0), w(width) {
        steps = cx.lay.column_order;
        col_w = steps.empty() ? 0 : (w - kAxisW - kGutter) / double(steps.size());
        names_below = col_w >= 40;
        // A tag wrapped letter by letter ("b/e/s/t") reads as nothing: the key names them instead.
        for (const char* tag : {"★ peak", "⚑ end", "best", "worst"})
            tags_below = tags_below && cx.pt.width(tag, float(kLabelPt), true) <= col_w - 4;
        // Numbers too wide for a column ("1" over "0") are written every 2nd, 5th, 10th… column.
        const double number_w = cx.pt.width(std::to_string(steps.size()), float(kLabelPt), true) + 2;
        for (int e : {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            every = e;
            if (e * col_w - 4 >= number_w) break;
        }
    }
    int every = 1;  // a label under every `every`th column (and the first)
    bool labelled(int k) const { return every == 1 || k == 0 || (k + 1) % every == 0; }
    // The label's box: its column, or `every` columns centred on it.
    double label_w() const { return every * col_w - 4; }
    double label_x(int k) const { return x_of(k) - label_w() / 2; }
    bool has_key() const { return !names_below || !tags_below; }

    // The runs of steps of one phase, as (first, end) column indices.
    std::vector<std::pair<int, int>> phase_runs() const {
        std::vector<std::pair<int, int>> runs;
        for (int k = 0; k < int(steps.size());) {
            const PhaseId& ph = cx.doc.steps[std::size_t(steps[std::size_t(k)])].phase;
            int e = k;
            while (e < int(steps.size()) && cx.doc.steps[std::size_t(steps[std::size_t(e)])].phase == ph) ++e;
            runs.emplace_back(k, e);
            k = e;
        }
        return runs;
    }
    std::string phase_name(int k) const {
        const sm::Phase* phase = cx.doc.find(cx.doc.steps[std::size_t(steps[std::size_t(k)])].phase);
        return phase ? escape(phase->name) : std::string();
    }
    // Phase names wrap in their bars; the band is as tall as the tallest.
    double band_height() const {
        double h = 11;
        for (const auto& run : phase_runs()) {
            TextBox name(pages.cr(), phase_name(run.first), {7, cx.theme.phase_text, true, TextAlign::Center},
                         (run.second - run.first) * col_w - 6);
            h = std::max(h, name.height());
        }
        return h + 4;
    }

    bool is_peak(int s) const { return cx.pe.peak && int(cx.pe.peak->index) == s; }
    bool is_end(int s) const { return cx.pe.end && int(cx.pe.end->index) == s; }

    // The step's tags, one per line (`sep` "\n") or on one line (", ").
    std::string tags(int s, std::string_view sep = "\n") const {
        std::string t;
        const auto add = [&t, sep](std::string_view text, RGBA c) {
            if (!t.empty()) t += sep;
            t += pdf::colored(text, c, true);
        };
        if (is_peak(s)) add("★ peak", cx.theme.mark);
        if (is_end(s)) add("⚑ end", cx.theme.mark);
        if (cx.pe.best && int(cx.pe.best->index) == s) add("best", cx.theme.emotion_positive);
        if (cx.pe.worst && int(cx.pe.worst->index) == s) add("worst", cx.theme.emotion_negative);
        return t;
    }

    std::string label(int k) const {
        const int s = steps[std::size_t(k)];
        std::string m = pdf::cat({"<b>", std::to_string(k + 1), "</b>"});
        if (names_below) {
            m += " ";
            m += escape(cx.doc.steps[std::size_t(s)].name);
        }
        const std::string t = tags_below ? tags(s) : std::string();
        if (!t.empty()) {
            m += "\n";
            m += t;
        }
        return m;
    }

    double labels_height() const {
        double h = 0;
        for (int k = 0; k < int(steps.size()); ++k) {
            if (!labelled(k)) continue;
            TextBox b(pages.cr(), label(k), {kLabelPt, cx.theme.text, false, TextAlign::Center}, label_w());
            h = std::max(h, b.height());
        }
        return h;
    }

    double height() const { return band_height() + 2 + kPlotH + 4 + labels_height(); }

    double y_of(double e, double top) const { return top + kPlotH / 2 - e * (kPlotH - 44) / 4; }
    double x_of(int k) const { return x + kAxisW + (k + 0.5) * col_w; }

    void draw(double y) const {
        if (steps.empty()) return;
        Painter& p = pages.painter();
        const Theme& th = cx.theme;
        const double band = band_height();
        const double top = y + band + 2, plot_x = x + kAxisW, plot_w = w - kAxisW - kGutter;
        // Phase band: one bar per run of steps of a phase.
        for (const auto& run : phase_runs()) {
            const double bx = plot_x + run.first * col_w, bw = (run.second - run.first) * col_w;
            p.fill_rect({float(bx + 0.5), float(y), float(bw - 1), float(band)}, th.phase_fill);
            TextBox name(pages.cr(), phase_name(run.first), {7, th.phase_text, true, TextAlign::Center}, bw - 6);
            name.draw(bx + 3, y + (band - name.height()) / 2);
        }
        // Plot, scale, columns.
        p.fill_rect({float(plot_x), float(top), float(plot_w), float(kPlotH)}, th.emotion_fill);
        for (int v = -2; v <= 2; ++v) {
            const float ly = float(y_of(v, top));
            if (v != 0) p.line({float(plot_x), ly}, {float(plot_x + plot_w), ly}, th.grid, 0.5f);
            const std::string t = number(v);
            const float tw = cx.pt.width(t, float(kLabelPt), v == 0);
            p.text({float(plot_x - 5) - tw, ly - cx.pt.line_height(float(kLabelPt)) / 2}, t, float(kLabelPt),
                   v == 0 ? th.text : th.muted_text, v == 0);
        }
        p.line({float(plot_x), float(y_of(0, top))}, {float(plot_x + plot_w), float(y_of(0, top))}, th.muted_text, 0.75f, true);
        for (int k = 1; k < int(steps.size()); ++k)
            p.line({float(plot_x + k * col_w), float(top)}, {float(plot_x + k * col_w), float(top + kPlotH)}, th.grid, 0.4f);
        p.stroke_rect({float(plot_x), float(top), float(plot_w), float(kPlotH)}, th.grid, 0.75f);
        // Remembered and experienced, as levels across the plot, labelled in the gutter (apart
        // when they are close).
        const float lh = cx.pt.line_height(7.5f);
        float last_label = -1e9f;
        const auto level = [&](double v, RGBA c, std::string_view name) {
            const float ly = float(y_of(v, top));
            p.line({float(plot_x), ly}, {float(plot_x + plot_w + 4), ly}, c, 1, true);
            std::string t(name);
            t += " ";
            t += number(v);
            float label_y = ly - lh / 2;
            if (std::abs(label_y - last_label) < lh) label_y = label_y < last_label ? last_label - lh : last_label + lh;
            last_label = label_y;
            p.text({float(plot_x + plot_w + 6), label_y}, t, 7.5f, c, true);
        };
        if (cx.pe.experienced) level(*cx.pe.experienced, th.muted_text, "experienced");
        if (cx.pe.remembered) level(*cx.pe.remembered, th.mark, "remembered");
        // The curve, one run per stretch of rated steps, then the points and the marks.
        std::vector<Vec2> run;
        const auto flush = [&] {
            if (run.size() >= 2) p.polyline(detail::smooth_curve(run, 12), th.emotion_curve, 1.6f);
            run.clear();
        };
        for (int k = 0; k < int(steps.size()); ++k) {
            const std::optional<int>& e = cx.doc.steps[std::size_t(steps[std::size_t(k)])].emotion;
            if (e) run.push_back({float(x_of(k)), float(y_of(std::clamp(*e, -2, 2), top))});
            else flush();
        }
        flush();
        for (int k = 0; k < int(steps.size()); ++k) {
            const int s = steps[std::size_t(k)];
            const std::optional<int>& e = cx.doc.steps[std::size_t(s)].emotion;
            const Vec2 c{float(x_of(k)), float(y_of(e ? std::clamp(*e, -2, 2) : 0, top))};
            if (e) {
                p.fill_circle(c, 4.5f, th.emotion_fill);
                p.fill_circle(c, 3.5f, detail::emotion_color(th, *e));
            } else {
                p.fill_circle(c, 5, th.emotion_fill);
                p.stroke_circle(c, 5, th.muted_text, 0.8f);
                const float qw = cx.pt.width("?", 7.5f, true);
                p.text({c.x - qw / 2, c.y - cx.pt.line_height(7.5f) / 2}, "?", 7.5f, th.muted_text, true);
            }
            if (is_peak(s)) detail::star(p, {c.x, c.y + (e && *e < 0 ? 11.0f : -11.0f)}, 5, th.mark);
            if (is_end(s)) detail::flag(p, {c.x + 7, c.y + 1}, 11, th.mark);
        }
        // Step labels.
        for (int k = 0; k < int(steps.size()); ++k) {
            if (!labelled(k)) continue;
            TextBox b(pages.cr(), label(k), {kLabelPt, th.text, false, TextAlign::Center}, label_w());
            b.draw(label_x(k), top + kPlotH + 4);
        }
    }

    // With narrow columns, under the chart: "1 name   2 name (★ peak, best)   …" (names when they
    // are not under the columns, tags when they are not either).
    std::string key() const {
        std::string m;
        for (int k = 0; k < int(steps.size()); ++k) {
            const int s = steps[std::size_t(k)];
            const std::string t = tags_below ? std::string() : tags(s, ", ");
            if (names_below && t.empty()) continue;
            if (!m.empty()) m += "   ";
            m += pdf::cat({"<b>", std::to_string(k + 1), "</b>"});
            if (!names_below) {
                m += " ";
                m += escape(cx.doc.steps[std::size_t(s)].name);
            }
            if (!t.empty()) m += pdf::cat({" (", t, ")"});
        }
        return m;
    }
};

// [SECTION] Figures
std::string moment(const Context& cx, const std::optional<analysis::Moment>& m, bool pinned) {
    if (!m) return "—";
    std::string s = "<b>";
    s += escape(cx.doc.steps[m->index].name);
    s += "</b>  (";
    s += emotion_text(m->emotion);
    s += ")";
    if (pinned) s += "  pinned · 指定";
    return s;
}

std::string minutes(double m) {
    std::string s = layout::format_number(std::round(m * 10) / 10);
    s += " min";
    return s;
}

void figures(Context& cx, pdf::Flow& flow) {
    const analysis::PeakEnd& pe = cx.pe;
    subheading(cx, flow, "<b>What customers remember · 记忆中的体验</b>");
    key_value(cx, flow, "★ Peak · 峰值", moment(cx, pe.peak, pe.peak_pinned));
    key_value(cx, flow, "⚑ End · 终点", moment(cx, pe.end, pe.end_pinned));
    key_value(cx, flow, "Best · 最佳", moment(cx, pe.best, false));
    key_value(cx, flow, "Worst · 最差", moment(cx, pe.worst, false));
    std::string rem = pe.remembered ? pdf::cat({"<b>", number(*pe.remembered), "</b>  = (peak + end) / 2"}) : std::string("—");
    key_value(cx, flow, "Remembered · 记忆评分", rem);
    std::string exp = pe.experienced ? pdf::cat({"<b>", number(*pe.experienced), "</b>  "}) : std::string("—");
    if (pe.experienced)
        exp += pe.experienced_weighted ? "mean of the rated steps, weighted by duration · 按时长加权"
                                       : "mean of the rated steps · 平均值";
    key_value(cx, flow, "Experienced · 体验均值", exp);
    std::string gap = "—";
    if (pe.gap) {
        gap = pdf::cat({"<b>", number(*pe.gap), "</b>  "});
        gap += *pe.gap > 0.005    ? "remembered better than it was lived · 记忆优于实际体验"
               : *pe.gap < -0.005 ? "remembered worse than it was lived · 记忆差于实际体验"
                                  : "remembered as it was lived · 记忆与体验一致";
    }
    key_value(cx, flow, "Gap · 差距", gap);
    std::string time = "<b>";
    time += minutes(pe.total_minutes);
    time += "</b>";
    for (const analysis::PhaseMinutes& pm : pe.phase_minutes) {
        const sm::Phase* ph = cx.doc.find(pm.phase);
        if (!ph || pm.minutes <= 0) continue;
        time += "   ";
        time += escape(ph->name);
        time += " ";
        time += minutes(pm.minutes);
    }
    key_value(cx, flow, "Time · 时长", time);
    key_value(cx, flow, "Waiting · 等待", pdf::cat({"<b>", minutes(pe.total_wait_minutes), "</b> at the wait points · 等待点合计"}));
}

// The need and the opportunity written at the peak and the end.
void moments(Context& cx, pdf::Flow& flow) {
    std::vector<std::pair<std::string, std::size_t>> which;
    if (cx.pe.peak) which.emplace_back("★ At the peak · 峰值时刻", cx.pe.peak->index);
    if (cx.pe.end && (!cx.pe.peak || cx.pe.end->index != cx.pe.peak->index))
        which.emplace_back("⚑ At the end · 终点时刻", cx.pe.end->index);
    bool any = false;
    for (const auto& w : which) {
        const sm::Step& s = cx.doc.steps[w.second];
        if (s.need.empty() && s.opportunity.empty()) continue;
        if (!any) subheading(cx, flow, "<b>Needs and opportunities · 需求与机会</b>");
        any = true;
        std::string title = pdf::colored(w.first, cx.theme.mark, true);
        title += "  ";
        title += pdf::bold(s.name);
        flow.need(30);
        flow.text(title, {8.5, cx.theme.text, false, TextAlign::Left}, 0, 4);
        if (!s.need.empty()) key_value(cx, flow, "Need · 需求", escape(s.need), 90);
        if (!s.opportunity.empty()) key_value(cx, flow, "Opportunity · 机会", escape(s.opportunity), 90);
    }
}

}  // namespace

// [SECTION] Peak-end page
int peak_end_pages(Context& cx, pdf::Pages& pages) {
    if (cx.doc.steps.empty()) return 0;
    const int first = pages.page() + 1;
    pdf::Flow flow(pages, cx.paper, std::string(kPeakEndSection));
    flow.start();
    heading(cx, flow, kPeakEndSection,
            "People remember an experience by its most intense moment (the peak, good or bad) and by its end, and "
            "hardly by how long it lasted: remembered ≈ (peak + end) / 2. 人们对一段体验的记忆，主要由峰值和终点决定。");
    Chart chart(cx, pages, flow.column_x(), flow.column_w());
    const double h = chart.height();
    flow.need(h + 10);
    chart.draw(flow.y);
    flow.y += h + 6;
    if (chart.has_key()) flow.text(chart.key(), {7.5, cx.theme.text, false, TextAlign::Left}, 0, 2);
    // On wide pages the figures and the rest stand side by side.
    const bool wide = flow.column_w() >= 700;
    if (wide) flow.columns(2, 24);
    figures(cx, flow);
    if (wide) flow.next_column();
    moments(cx, flow);
    subheading(cx, flow, "<b>Recommendations · 建议</b>");
    if (cx.pe.recommendations.empty())
        flow.text("No recommendation: the peak and the end are positive and their needs are written.",
                  {8.5, cx.theme.muted_text, false, TextAlign::Left});
    int n = 0;
    for (const analysis::Recommendation& r : cx.pe.recommendations) {
        std::string m = pdf::cat({"<b>", std::to_string(++n), ".</b>  "});
        m += escape(r.text);
        m += "  ";
        m += pdf::colored(r.kind, cx.theme.muted_text);
        flow.text(m, {8.5, cx.theme.text, false, TextAlign::Left}, 0, 3);
    }
    return pages.page() - first + 1;
}

}  // namespace sm::render::handout
