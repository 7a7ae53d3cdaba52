// Stagemap — the handout's text pages: the tier coverage page (domain.md §3) and one page per
// phase listing every card in full; and the flow helpers the text pages share.
#include <algorithm>
#include <cmath>

#include "render/handout.h"

namespace sm::render::handout {

using pdf::cat;
using pdf::escape;
using pdf::TextBox;
using pdf::TextStyle;

// [SECTION] Flow helpers
void heading(Context& cx, pdf::Flow& flow, std::string_view title, std::string_view subtitle) {
    flow.text(escape(title), {14, cx.theme.text, true, TextAlign::Left});
    if (!subtitle.empty()) flow.text(escape(subtitle), {8.5, cx.theme.muted_text, false, TextAlign::Left}, 0, 2);
    flow.y += 8;
}

void subheading(Context& cx, pdf::Flow& flow, std::string_view markup, double keep) {
    const TextStyle st{10, cx.theme.text, false, TextAlign::Left};
    flow.space(10);
    flow.need(flow.measure(markup, st) + keep);
    flow.text(markup, st);
    flow.pages.painter().line({float(flow.column_x()), float(flow.y + 1)},
                              {float(flow.column_x() + flow.column_w()), float(flow.y + 1)}, cx.theme.grid, 0.6f);
    flow.y += 4;
}

void key_value(Context& cx, pdf::Flow& flow, std::string_view label, std::string_view value, double label_w) {
    const TextStyle lst{8, cx.theme.muted_text, true, TextAlign::Left};
    const TextStyle vst{8.5, cx.theme.text, false, TextAlign::Left};
    TextBox lb(flow.pages.cr(), label, lst, label_w - 6);
    TextBox first(flow.pages.cr(), value, vst, flow.column_w() - label_w);
    flow.space(2);
    flow.need(std::max(lb.height(), first.line_count() > 0 ? first.line_bottom(0) : 0.0));
    const double top = flow.y;
    lb.draw(flow.column_x(), top);
    flow.text(value, vst, label_w);
    if (flow.y < top + lb.height()) flow.y = top + lb.height();
}

std::string tier_markup(const Context& cx, int tier) {
    const sm::Tier& t = cx.doc.tiers[std::size_t(tier)];
    std::string m = "<span foreground=\"";
    m += pdf::hex(tier_color(cx.doc, tier, cx.theme));
    m += "\">■</span> ";
    m += escape(t.name.empty() ? t.id.str() : t.name);
    return m;
}

namespace {

std::string level_text(const std::optional<Level>& l) {
    if (!l) return "not assessed · 未评估";
    return *l == Level::High ? "high · 高" : "low · 低";
}

int text_columns(const pdf::Flow& flow, double min_width) {
    return std::clamp(int((flow.column_w() + 14) / (min_width + 14)), 1, 6);
}

// [SECTION] Tier page parts
// The four tiers of the value matrix: current value (rows) against potential value (columns).
void quadrants(Context& cx, pdf::Flow& flow) {
    const bool any = std::any_of(cx.doc.tiers.begin(), cx.doc.tiers.end(),
                                 [](const sm::Tier& t) { return t.current && t.potential; });
    if (!any) return;
    const double head = 90, w = std::min(flow.column_w(), 520.0), cw = (w - head) / 2;
    const TextStyle st{8, cx.theme.text, false, TextAlign::Left};
    std::string cells[2][2];
    for (int t = 0; t < int(cx.doc.tiers.size()); ++t) {
        const sm::Tier& tier = cx.doc.tiers[std::size_t(t)];
        if (!tier.current || !tier.potential) continue;
        std::string& cell = cells[*tier.current == Level::High ? 0 : 1][*tier.potential == Level::High ? 0 : 1];
        if (!cell.empty()) cell += "\n";
        cell += tier_markup(cx, t);
    }
    const TextStyle ls{7.5, cx.theme.muted_text, true, TextAlign::Left};
    const char* row_names[2] = {"Current value high\n当前价值高", "Current value low\n当前价值低"};
    double row_h[2] = {0, 0};
    for (int r = 0; r < 2; ++r) {
        row_h[r] = TextBox(flow.pages.cr(), row_names[r], ls, head - 6).height() + 8;
        for (int c = 0; c < 2; ++c) row_h[r] = std::max(row_h[r], TextBox(flow.pages.cr(), cells[r][c], st, cw - 10).height() + 10);
    }
    const double col_head = 14;
    flow.need(col_head + row_h[0] + row_h[1] + 8);
    Painter& p = flow.pages.painter();
    const double x = flow.column_x(), y = flow.y;
    const TextStyle hs{7.5, cx.theme.muted_text, true, TextAlign::Center};
    TextBox(flow.pages.cr(), "Potential value high · 潜在价值高", hs, cw).draw(x + head, y);
    TextBox(flow.pages.cr(), "Potential value low · 潜在价值低", hs, cw).draw(x + head + cw, y);
    double ry = y + col_head;
    for (int r = 0; r < 2; ++r) {
        TextBox(flow.pages.cr(), row_names[r], ls, head - 6).draw(x, ry + 4);
        for (int c = 0; c < 2; ++c) {
            const Rect cell{float(x + head + c * cw), float(ry), float(cw), float(row_h[r])};
            p.fill_rect(cell, cx.theme.header_fill);
            p.stroke_rect(cell, cx.theme.background, 2);
            TextBox(flow.pages.cr(), cells[r][c], st, cw - 10).draw(cell.x + 5, cell.y + 5);
        }
        ry += row_h[r];
    }
    flow.y = ry + 16;
}

void tier_block(Context& cx, pdf::Flow& flow, int t) {
    const sm::Tier& tier = cx.doc.tiers[std::size_t(t)];
    const analysis::TierCoverage& cov = cx.tiers.coverage[std::size_t(t)];
    const TextStyle body{8.5, cx.theme.text, false, TextAlign::Left};
    const TextStyle facts{8, cx.theme.text, false, TextAlign::Left};
    std::vector<pdf::Para> paras;
    paras.push_back({cat({"<span size=\"larger\" weight=\"bold\">", tier_markup(cx, t), "</span>"}), body, 8, 0});
    paras.push_back({cat({"Current value · 当前价值 <b>", level_text(tier.current), "</b>    Potential value · 潜在价值 <b>",
                          level_text(tier.potential), "</b>"}),
                     facts, 8, 2});
    std::string visits = "Visit interval · 拜访周期 <b>";
    visits += tier.visit_days ? cat({"every ", layout::format_number(*tier.visit_days), " days · 每 ",
                                     layout::format_number(*tier.visit_days), " 天"})
                              : std::string("not set · 未设");
    visits += "</b>";
    paras.push_back({visits, facts, 8, 2});
    paras.push_back({cat({"Service items · 服务项目 <b>", std::to_string(cov.cards), "</b> serve this tier (",
                          std::to_string(cov.frontstage), " frontstage, ", std::to_string(cov.backstage), " backstage, ",
                          std::to_string(cov.support), " support); <b>", std::to_string(cov.own), "</b> of its own (",
                          std::to_string(cov.own_frontstage), " frontstage)"}),
                     facts, 8, 2});
    if (!tier.strategy.empty()) paras.push_back({cat({"<b>Strategy · 服务策略</b>  ", escape(tier.strategy)}), body, 8, 3});
    for (const analysis::Finding& f : cx.tiers.findings)
        if (f.tier && *f.tier == tier.id)
            paras.push_back({cat({"<b>⚠</b> ", escape(f.text)}), {8.5, cx.theme.fail, false, TextAlign::Left}, 8, 3});
    flow.block(paras, tier_color(cx.doc, t, cx.theme), 14);
}

// [SECTION] Phase page parts
// Context::links, in one pass over the connectors instead of one pass per card.
std::vector<std::vector<Context::Link>> card_links(const sm::Document& doc) {
    const auto index = index_by_id(doc.cards);
    const auto at = [&index](const CardId& id) {
        const auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    std::vector<std::vector<Context::Link>> links(doc.cards.size());
    for (int k = 0; k < int(doc.connectors.size()); ++k) {
        const int from = at(doc.connectors[std::size_t(k)].from), to = at(doc.connectors[std::size_t(k)].to);
        if (from < 0 || to < 0) continue;
        links[std::size_t(from)].push_back({k, to, true});
        if (to != from) links[std::size_t(to)].push_back({k, from, false});
    }
    return links;
}

std::string connector_lines(const Context& cx, int card) {
    std::string m;
    for (const Context::Link& link : cx.links[std::size_t(card)]) {
        const sm::Connector& k = cx.doc.connectors[std::size_t(link.connector)];
        const char* arrow =
            k.direction == Direction::Both ? "↔" : k.direction == Direction::None ? "—" : (link.out ? "→" : "←");
        if (!m.empty()) m += "\n";
        m += cat({"<b>", arrow, "</b> ", escape(cx.doc.cards[std::size_t(link.other)].title)});
        if (!k.label.empty()) m += cat({"  <i>(", escape(k.label), ")</i>"});
    }
    return m;
}

// The paragraphs of one card, in full.
std::vector<pdf::Para> card_paras(Context& cx, int card) {
    const sm::Card& c = cx.doc.cards[std::size_t(card)];
    const sm::Lane* lane = cx.doc.find(c.lane);
    const Theme& th = cx.theme;
    std::string title;
    if (c.is_fail_point())
        title += cat({"<span background=\"", pdf::hex(th.fail), "\" foreground=\"#ffffff\" weight=\"bold\"> F </span> "});
    if (c.is_wait_point())
        title += cat({"<span background=\"", pdf::hex(th.wait), "\" foreground=\"", pdf::hex(th.wait_text),
                      "\" weight=\"bold\"> W ", layout::format_number(*c.wait_min), " min </span> "});
    title += cat({"<b>", escape(c.title), "</b>"});
    const TextStyle meta{7.5, th.muted_text, false, TextAlign::Left};
    const TextStyle body{8, th.text, false, TextAlign::Left};
    std::string m;
    const auto add = [&m](std::string_view part) {
        if (!m.empty()) m += "  ·  ";
        m += part;
    };
    add(lane ? escape(lane->name) : cat({"lane ", escape(c.lane.str())}));
    if (!c.owner.empty()) add(cat({"Owner · 负责 <b>", escape(c.owner), "</b>"}));
    if (c.channel)
        add(cat({"Channel · 界面 <b>", escape(layout::channel_label(*c.channel, false)), " · ",
                 escape(layout::channel_label(*c.channel, true)), "</b>"}));
    if (c.votes > 0) add(cat({"<b>● ", std::to_string(c.votes), "</b> votes · 票"}));
    std::vector<pdf::Para> paras;
    paras.push_back({title, {9, th.text, false, TextAlign::Left}, 7, 0});
    paras.push_back({m, meta, 7, 1});
    if (!c.detail.empty()) paras.push_back({escape(c.detail), body, 7, 2});
    if (c.is_fail_point())
        paras.push_back({cat({pdf::colored("Fail point · 失误点  ", th.fail, true), escape(c.fail)}), body, 7, 2});
    if (c.is_wait_point())
        paras.push_back({cat({pdf::colored("Wait point · 等待点  ", {150, 100, 0}, true), layout::format_number(*c.wait_min),
                              " min"}),
                         body, 7, 2});
    if (!cx.doc.tiers.empty()) {
        std::string tiers = "<b>Tiers · 分层</b>  ";
        bool any = false;
        for (const TierId& id : c.tiers) {
            const int t = cx.doc.tier_index(id);
            if (t < 0) continue;
            if (any) tiers += "   ";
            tiers += tier_markup(cx, t);
            any = true;
        }
        if (!any) tiers += "all tiers · 全部分层";
        paras.push_back({tiers, body, 7, 2});
    }
    const std::string links = connector_lines(cx, card);
    if (!links.empty()) paras.push_back({links, meta, 7, 2});
    return paras;
}

RGBA card_bar(const Context& cx, int card) {
    const sm::Lane* lane = cx.doc.find(cx.doc.cards[std::size_t(card)].lane);
    return lane ? lane_color(cx.theme, lane->kind) : cx.theme.chip_fallback;
}

void card_block(Context& cx, pdf::Flow& flow, int card) { flow.block(card_paras(cx, card), card_bar(cx, card), 9); }

void step_block(Context& cx, pdf::Flow& flow, int s) {
    const sm::Step& st = cx.doc.steps[std::size_t(s)];
    const Theme& th = cx.theme;
    int number = 0;
    for (int k = 0; k < int(cx.lay.column_order.size()); ++k)
        if (cx.lay.column_order[std::size_t(k)] == s) number = k + 1;
    std::string title = cat({"<b>Step ", std::to_string(number), " · ", escape(st.name), "</b>"});
    std::string facts = cat({"Emotion · 情绪 <b>", escape(emotion_text(st.emotion)), "</b>"});
    if (st.duration_min) facts += cat({"   ", layout::format_number(*st.duration_min), " min"});
    if (cx.pe.peak && int(cx.pe.peak->index) == s) facts += cat({"   ", pdf::colored("★ peak · 峰值", th.mark, true)});
    if (cx.pe.end && int(cx.pe.end->index) == s) facts += cat({"   ", pdf::colored("⚑ end · 终点", th.mark, true)});
    const TextStyle small{8, th.text, false, TextAlign::Left};
    std::vector<pdf::Para> paras;
    paras.push_back({title, {10, th.text, false, TextAlign::Left}, 0, 0});
    paras.push_back({facts, small, 0, 1});
    if (!st.need.empty()) paras.push_back({cat({"<b>Need · 需求</b>  ", escape(st.need)}), small, 0, 2});
    if (!st.opportunity.empty()) paras.push_back({cat({"<b>Opportunity · 机会</b>  ", escape(st.opportunity)}), small, 0, 2});
    const std::vector<int>& cards = cx.lay.cards_by_step[std::size_t(s)];
    // The step stays with (the start of) its first card.
    flow.space(4);
    const double first = cards.empty() ? 0 : std::min(60.0, flow.measure(card_paras(cx, cards.front())));
    flow.need(flow.measure(paras) + 12 + first);
    flow.block(paras, {0, 0, 0, 0});
    flow.pages.painter().line({float(flow.column_x()), float(flow.y + 3)},
                              {float(flow.column_x() + flow.column_w()), float(flow.y + 3)}, th.phase_fill, 1);
    flow.y += 8;
    if (cards.empty()) flow.text("No cards at this step · 此步骤无卡片", {8, th.muted_text, false, TextAlign::Left}, 0, 0);
    for (int c : cards) card_block(cx, flow, c);
    flow.space(6);
}

std::string phase_section(int k, int n) {
    return cat({"Phase ", std::to_string(k), " of ", std::to_string(n), " · 阶段 ", std::to_string(k), "/",
                std::to_string(n)});
}

}  // namespace

// [SECTION] Tier page
int tier_pages(Context& cx, pdf::Pages& pages) {
    if (cx.doc.tiers.empty()) return 0;
    const int first = pages.page() + 1;
    pdf::Flow flow(pages, cx.paper, std::string(kTierSection));
    flow.start();
    heading(cx, flow, kTierSection,
            "Value results drive service item design: which service items exist for which tier. Current value: "
            "contribution, support, credit; potential value: influence, growth. 以客户价值评估结果指导服务项目设计。");
    quadrants(cx, flow);
    flow.columns(text_columns(flow, 300), 18);
    for (int t = 0; t < int(cx.doc.tiers.size()); ++t) tier_block(cx, flow, t);
    std::vector<const analysis::Finding*> card_findings;
    for (const analysis::Finding& f : cx.tiers.findings)
        if (f.card) card_findings.push_back(&f);
    if (!card_findings.empty()) {
        subheading(cx, flow, "<b>Service items to check · 待检查的服务项目</b>");
        for (const analysis::Finding* f : card_findings)
            flow.text(cat({"• ", escape(f->text)}), {8, cx.theme.text, false, TextAlign::Left}, 0, 2);
    }
    return pages.page() - first + 1;
}

// [SECTION] Phase pages
int phase_pages(Context& cx, pdf::Pages& pages) {
    const int first = pages.page() + 1;
    const int n = int(cx.doc.phases.size());
    cx.links = card_links(cx.doc);
    std::vector<bool> listed(cx.doc.steps.size(), false);
    for (int k = 0; k < n; ++k) {
        const sm::Phase& ph = cx.doc.phases[std::size_t(k)];
        const std::string section = phase_section(k + 1, n);
        const std::string cont = cat({escape(ph.name), "  <span foreground=\"", pdf::hex(cx.theme.muted_text),
                                      "\">(continued · 续)</span>"});
        bool first_page = true;  // the first page has the heading; the next ones say "continued"
        pdf::Flow flow(pages, cx.paper, section, [&cx, &cont, &first_page](pdf::Flow& f) {
            if (first_page) {
                first_page = false;
                return;
            }
            f.text(cont, {10, cx.theme.text, true, TextAlign::Left});
            f.y += 6;
        });
        flow.start();
        heading(cx, flow, ph.name, ph.description);
        flow.columns(text_columns(flow, 230), 16);
        int steps = 0;
        for (int s : cx.lay.column_order)
            if (cx.doc.steps[std::size_t(s)].phase == ph.id) {
                step_block(cx, flow, s);
                listed[std::size_t(s)] = true;
                ++steps;
            }
        if (steps == 0) flow.text("No steps in this phase · 此阶段暂无步骤", {8.5, cx.theme.muted_text, false, TextAlign::Left});
    }
    // Steps of no known phase, and cards outside the grid (a document that did not load from a
    // file may have them): listed too, so that the handout has every card.
    std::vector<int> rest_steps, rest_cards;
    for (int s : cx.lay.column_order)
        if (!listed[std::size_t(s)]) rest_steps.push_back(s);
    for (const layout::CardBox& cb : cx.lay.cards)
        if (cb.card >= 0 && (cb.lane < 0 || cb.step < 0)) rest_cards.push_back(cb.card);
    if (!rest_steps.empty() || !rest_cards.empty()) {
        pdf::Flow flow(pages, cx.paper, "Other cards · 其他卡片");
        flow.start();
        heading(cx, flow, "Other cards · 其他卡片", "Steps without a phase, and cards without a lane or step.");
        flow.columns(text_columns(flow, 230), 16);
        for (int s : rest_steps) step_block(cx, flow, s);
        for (int c : rest_cards) card_block(cx, flow, c);
    }
    return pages.page() - first + 1;
}

}  // namespace sm::render::handout
