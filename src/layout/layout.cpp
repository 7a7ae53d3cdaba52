// Stagemap — compute_layout: columns, header rows, lane rows, cards, the three lines, the
// emotion row. Connectors are routed in connectors.cpp, the legend in legend.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "layout/layout.h"
#include "layout/layout_internal.h"

namespace sm::layout {

// [SECTION] Labels
std::string_view line_label(LineKind k, bool chinese_first) {
    if (chinese_first) {
        switch (k) {
        case LineKind::Interaction: return "外部互动分界线 · Line of interaction";
        case LineKind::Visibility: return "可视分界线 · Line of visibility";
        case LineKind::InternalInteraction: return "内部互动分界线 · Line of internal interaction";
        }
        return {};
    }
    switch (k) {
    case LineKind::Interaction: return "Line of interaction · 外部互动分界线";
    case LineKind::Visibility: return "Line of visibility · 可视分界线";
    case LineKind::InternalInteraction: return "Line of internal interaction · 内部互动分界线";
    }
    return {};
}

std::string_view lane_kind_label(LaneKind k, bool chinese) {
    if (chinese) {
        switch (k) {
        case LaneKind::Evidence: return "有形展示";
        case LaneKind::Customer: return "顾客行为";
        case LaneKind::Frontstage: return "前台员工行为";
        case LaneKind::Backstage: return "后台员工行为";
        case LaneKind::Support: return "支持过程";
        case LaneKind::Custom: return "自定义";
        }
        return {};
    }
    return to_string(k);
}

std::string_view channel_label(Channel c, bool chinese) {
    if (chinese) {
        switch (c) {
        case Channel::Staff: return "人员";
        case Channel::Digital: return "数字";
        case Channel::Peer: return "顾客间";
        case Channel::Phone: return "电话";
        case Channel::Physical: return "实体";
        case Channel::Other: return "其他";
        }
        return {};
    }
    return to_string(c);
}

std::vector<std::string> tier_chip_texts(const Document& doc) {
    std::vector<std::string> out;
    bool clash = false;
    for (const Tier& t : doc.tiers) {
        std::string initial;
        if (!t.name.empty()) {
            const Utf8Char c = decode_utf8(t.name, 0);
            initial = t.name.substr(0, c.length);
            if (initial.size() == 1 && initial[0] >= 'a' && initial[0] <= 'z') initial[0] = char(initial[0] - 'a' + 'A');
            if (c.code_point == 0xFFFD || c.code_point == ' ') initial.clear();
        }
        if (initial.empty() || std::find(out.begin(), out.end(), initial) != out.end()) clash = true;
        out.push_back(std::move(initial));
    }
    if (clash)
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = std::to_string(i + 1);
    return out;
}

namespace detail {
TextBlock make_block(const TextMeasurer& m, std::string_view text, float size, float max_width, bool bold,
                     Vec2 origin) {
    TextBlock b;
    b.lines = m.wrap(text, size, max_width, bold);
    b.origin = origin;
    b.font_size = size;
    b.line_height = m.line_height(size);
    b.bold = bold;
    return b;
}
Badge make_badge(const TextMeasurer& m, std::string text, float size, bool bold, float height, float min_width,
                 float pad) {
    Badge b;
    const float tw = m.width(text, size, bold);
    const float lh = m.line_height(size);
    b.rect = {0, 0, std::max(min_width, tw + 2 * pad), height};
    b.text_pos = {(b.rect.w - tw) / 2, (height - lh) / 2};
    b.text = std::move(text);
    b.font_size = size;
    return b;
}

void translate(Badge& b, float dx, float dy) {
    b.rect.x += dx;
    b.rect.y += dy;
    b.text_pos.x += dx;
    b.text_pos.y += dy;
}
}  // namespace detail

namespace {
using detail::block_height;
using detail::make_badge;
using detail::make_block;
using detail::translate;

// [SECTION] Small helpers
constexpr const char* kTickLabels[] = {"+2", "+1", "0", "-1", "-2"};  // kEmotionMax … kEmotionMin

void translate(TextBlock& b, float dx, float dy) {
    b.origin.x += dx;
    b.origin.y += dy;
}
void translate(CardBox& c, float dx, float dy) {
    c.rect.x += dx;
    c.rect.y += dy;
    translate(c.title, dx, dy);
    for (auto* b : {&c.fail, &c.wait, &c.channel, &c.votes})
        if (*b) translate(**b, dx, dy);
    for (TierChip& t : c.chips) {
        t.rect.x += dx;
        t.rect.y += dy;
        t.text_pos.x += dx;
        t.text_pos.y += dy;
    }
}

bool contains_ascii_nocase(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size() && lower(hay[i + j]) == lower(needle[j])) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

// [SECTION] Builder
struct Band {
    bool emotion = false;
    int lane = -1;
    bool line_above = false, line_below = false;
    float y = 0, h = 0;
};

struct Builder {
    const Document& doc;
    const TextMeasurer& m;
    const LayoutStyle& st;
    BlueprintLayout& lay;

    std::unordered_map<StepId, int> step_index;
    std::unordered_map<LaneId, int> lane_index;
    std::unordered_map<CardId, int> card_index;
    std::unordered_map<TierId, int> tier_index;
    std::vector<std::string> chip_texts;
    float steps_x0 = 0;  // left edge of the first column
    float grid_right = 0;
    std::vector<Band> bands;
    std::vector<int> lane_band;  // lane -> band index
    // Valid cards grouped by cell: sorted by (lane, step), array order inside a cell.
    std::vector<int> cell_order;

    Builder(const Document& d, const TextMeasurer& me, const LayoutStyle& s, BlueprintLayout& l)
        : doc(d), m(me), st(s), lay(l) {}

    void indexes() {
        step_index = index_by_id(doc.steps);
        lane_index = index_by_id(doc.lanes);
        card_index = index_by_id(doc.cards);
        tier_index = index_by_id(doc.tiers);
        chip_texts = tier_chip_texts(doc);
    }

    // Columns left to right in step order; each run of steps of one phase gets that phase's
    // header. A phase without steps gets a narrow column after the steps of the phase before it
    // in the phases array (or first, when no phase before it has steps).
    void columns() {
        const float x0 = st.margin;
        steps_x0 = x0 + st.lane_header_width;
        std::unordered_map<PhaseId, int> phase_index;
        for (int i = 0; i < int(doc.phases.size()); ++i) phase_index.emplace(doc.phases[i].id, i);
        struct Group {
            int phase = -1;
            std::vector<int> steps;
            std::vector<int> empties_after;
        };
        std::vector<Group> groups;
        std::vector<int> last_group(doc.phases.size(), -1);
        for (int s = 0; s < int(doc.steps.size()); ++s) {
            auto it = phase_index.find(doc.steps[s].phase);
            const int p = it == phase_index.end() ? -1 : it->second;
            if (groups.empty() || groups.back().phase != p) groups.push_back({p, {}, {}});
            groups.back().steps.push_back(s);
            if (p >= 0) last_group[p] = int(groups.size()) - 1;
        }
        std::vector<int> empties_first;
        int anchor = -1;  // the last phase so far (in array order) that has steps
        for (int p = 0; p < int(doc.phases.size()); ++p) {
            if (last_group[p] >= 0) {
                anchor = p;
                continue;
            }
            if (anchor < 0) empties_first.push_back(p);
            else groups[last_group[anchor]].empties_after.push_back(p);
        }
        lay.steps.resize(doc.steps.size());
        lay.phases.resize(doc.phases.size());
        for (int p = 0; p < int(doc.phases.size()); ++p) lay.phases[p].phase = -1;
        float x = steps_x0;
        const auto place_empty = [&](int p) {
            PhaseBox& pb = lay.phases[p];
            pb.phase = p;
            pb.empty = true;
            pb.rect.x = x;
            const float name_w = m.width(doc.phases[p].name, st.small_font_size, true) + 16;
            pb.rect.w = std::clamp(name_w, st.empty_phase_width, std::max(st.empty_phase_width, st.step_width * 0.75f));
            x += pb.rect.w;
        };
        for (int p : empties_first) place_empty(p);
        for (const Group& g : groups) {
            const float start = x;
            for (int s : g.steps) {
                StepBox& sb = lay.steps[s];
                sb.step = s;
                sb.header.x = sb.column.x = x;
                sb.header.w = sb.column.w = st.step_width;
                lay.column_order.push_back(s);
                x += st.step_width;
            }
            if (g.phase >= 0) {
                PhaseBox& pb = lay.phases[g.phase];
                if (pb.phase < 0) {
                    pb.phase = g.phase;
                    pb.rect.x = start;
                }
                pb.rect.w = x - pb.rect.x;  // a phase split by other phases' steps spans them all
            }
            for (int p : g.empties_after) place_empty(p);
        }
        grid_right = x;
    }

    // Title and description above the grid; returns the grid's top.
    float title(float y) {
        if (!st.show_title) return y;
        TitleBlock tb;
        const float w = std::max(grid_right - st.margin, 480.0f);
        tb.title = make_block(m, doc.title.empty() ? std::string_view("Service blueprint") : std::string_view(doc.title),
                              st.title_font_size, w, true, {st.margin, y});
        float bottom = y + block_height(tb.title);
        if (!doc.description.empty()) {
            tb.description = make_block(m, doc.description, st.font_size, std::min(w, 900.0f), false, {st.margin, bottom + 4});
            bottom += 4 + block_height(tb.description);
        }
        tb.rect = {st.margin, y, w, bottom - y};
        lay.title = std::move(tb);
        return bottom + 14;
    }

    // Phase and step header rows; returns the top of the first band.
    float headers(float y) {
        const float pad = 8;
        // Phase row.
        float phase_h = st.phase_header_height;
        for (PhaseBox& pb : lay.phases) {
            if (pb.phase < 0) continue;
            const bool narrow = pb.empty;
            const float size = narrow ? st.small_font_size : st.header_font_size;
            pb.name = make_block(m, doc.phases[pb.phase].name, size, std::max(10.0f, pb.rect.w - 2 * pad), true,
                                 {pb.rect.x + pad, y + pad});
            phase_h = std::max(phase_h, block_height(pb.name) + 2 * pad);
        }
        for (PhaseBox& pb : lay.phases) {
            pb.rect.y = y;
            pb.rect.h = phase_h;
            // Centre single-line names vertically.
            pb.name.origin.y = y + std::max(pad, (phase_h - block_height(pb.name)) / 2);
        }
        const bool any_phase_row = !lay.phases.empty() || !lay.steps.empty();
        if (!any_phase_row) phase_h = st.phase_header_height;
        const float step_y = y + phase_h;
        // Step row.
        float step_h = st.step_header_height;
        for (int s : lay.column_order) {
            StepBox& sb = lay.steps[s];
            const Step& step = doc.steps[s];
            sb.name = make_block(m, step.name, st.font_size, st.step_width - 2 * st.cell_padding, true,
                                 {sb.header.x + st.cell_padding, step_y + pad});
            float h = pad + block_height(sb.name);
            if (step.duration_min) {
                const std::string d = format_number(*step.duration_min) + (st.chinese_labels ? " 分钟" : " min");
                sb.detail = make_block(m, d, st.small_font_size, st.step_width - 2 * st.cell_padding, false,
                                       {sb.header.x + st.cell_padding, step_y + h + 2});
                h += 2 + block_height(sb.detail);
            }
            step_h = std::max(step_h, h + pad);
        }
        for (int s : lay.column_order) {
            lay.steps[s].header.y = step_y;
            lay.steps[s].header.h = step_h;
        }
        // The corner above the header column.
        lay.corner = {st.margin, y, st.lane_header_width, phase_h + step_h};
        const float lh = m.line_height(st.small_font_size);
        lay.corner_phase = make_block(m, st.chinese_labels ? "阶段" : "Phase · 阶段", st.small_font_size,
                                      st.lane_header_width - 2 * pad, true, {st.margin + pad, y + (phase_h - lh) / 2});
        lay.corner_step = make_block(m, st.chinese_labels ? "步骤" : "Step · 步骤", st.small_font_size,
                                     st.lane_header_width - 2 * pad, true, {st.margin + pad, step_y + pad});
        return step_y + step_h;
    }

    // The inside of one card, with its top-left at (0, 0).
    CardBox card_box(int ci, int li, int si) {
        const Card& c = doc.cards[ci];
        CardBox cb;
        cb.card = ci;
        cb.lane = li;
        cb.step = si;
        const float w = st.step_width - 2 * st.cell_padding;
        const float iw = w - 2 * st.card_padding;
        const float p = st.card_padding;
        const float small = st.small_font_size;
        const float badge_h = std::round(m.line_height(small) + 3);
        float y = p;
        // Top strip: fail and wait badges.
        if (c.is_fail_point() || c.is_wait_point()) {
            float x = p;
            if (c.is_fail_point()) {
                cb.fail = make_badge(m, "F", small, true, badge_h, badge_h, 0);
                translate(*cb.fail, x, y);
                x += cb.fail->rect.w + st.badge_gap;
            }
            if (c.is_wait_point()) {
                cb.wait = make_badge(m, "W " + format_number(*c.wait_min) + " min", small, true, badge_h, badge_h, 6);
                translate(*cb.wait, x, y);
            }
            y += badge_h + st.badge_gap;
        }
        // Title.
        cb.title = make_block(m, c.title, st.font_size, iw, false, {p, y});
        y += block_height(cb.title);
        // Bottom strip: channel tag, tier chips, votes.
        std::vector<int> tiers;
        for (const TierId& t : c.tiers) {
            auto it = tier_index.find(t);
            if (it != tier_index.end() && std::find(tiers.begin(), tiers.end(), it->second) == tiers.end())
                tiers.push_back(it->second);
        }
        if (c.channel || !tiers.empty() || c.votes > 0) {
            y += st.badge_gap;
            float x = p;
            const auto place = [&](float item_w) {  // returns the item's x, wrapping when needed
                if (x > p && x + item_w > p + iw) {
                    x = p;
                    y += badge_h + st.badge_gap;
                }
                const float at = x;
                x += item_w + st.badge_gap;
                return at;
            };
            if (c.channel) {
                cb.channel = make_badge(m, std::string(channel_label(*c.channel, st.chinese_labels)), small, false,
                                        badge_h, 0, 5);
                const float at = place(cb.channel->rect.w);
                translate(*cb.channel, at, y);
            }
            const float chip_font = std::round(st.chip_size * 0.68f);
            const float chip_lh = m.line_height(chip_font);
            for (int t : tiers) {
                TierChip chip;
                chip.tier = t;
                chip.font_size = chip_font;
                chip.text = st.chip_size >= 12 ? chip_texts[t] : std::string();
                const float at = place(st.chip_size);
                chip.rect = {at, y + (badge_h - st.chip_size) / 2, st.chip_size, st.chip_size};
                const float tw = m.width(chip.text, chip_font, true);
                chip.text_pos = {at + (st.chip_size - tw) / 2, chip.rect.y + (st.chip_size - chip_lh) / 2};
                cb.chips.push_back(std::move(chip));
            }
            if (c.votes > 0) {
                Badge v = make_badge(m, "● " + std::to_string(c.votes), small, true, badge_h, 0, 5);
                if (x > p && x + v.rect.w > p + iw) {
                    y += badge_h + st.badge_gap;
                }
                translate(v, p + iw - v.rect.w, y);  // right-aligned
                cb.votes = std::move(v);
            }
            y += badge_h;
        }
        y += p;
        const float h = std::max(st.card_min_height, y);
        cb.rect = {0, 0, w, h};
        if (h > y) {  // centre short content vertically
            const float dy = (h - y) / 2;
            translate(cb, 0, dy);
            cb.rect.y = 0;
        }
        return cb;
    }

    void cards() {
        lay.cards.resize(doc.cards.size());
        const std::int64_t n_steps = std::int64_t(doc.steps.size());
        std::vector<std::int64_t> key(doc.cards.size(), -1);
        for (int ci = 0; ci < int(doc.cards.size()); ++ci) {
            const Card& c = doc.cards[ci];
            auto l = lane_index.find(c.lane);
            auto s = step_index.find(c.step);
            CardBox& cb = lay.cards[ci];
            cb.card = ci;
            if (l == lane_index.end() || s == step_index.end()) continue;  // dangling: not placed
            cb = card_box(ci, l->second, s->second);
            key[ci] = std::int64_t(l->second) * n_steps + s->second;
            cell_order.push_back(ci);
        }
        std::stable_sort(cell_order.begin(), cell_order.end(), [&](int a, int b) { return key[a] < key[b]; });
    }

    // The height of each lane's tallest cell stack.
    std::vector<float> stack_heights() {
        std::vector<float> lane_h(doc.lanes.size(), 0);
        for (std::size_t i = 0; i < cell_order.size();) {
            const CardBox& first = lay.cards[cell_order[i]];
            float h = 0;
            std::size_t j = i;
            for (; j < cell_order.size(); ++j) {
                const CardBox& cb = lay.cards[cell_order[j]];
                if (cb.lane != first.lane || cb.step != first.step) break;
                h += (j > i ? st.card_gap : 0) + cb.rect.h;
            }
            lane_h[first.lane] = std::max(lane_h[first.lane], h);
            i = j;
        }
        return lane_h;
    }

    int lowest_lane(LaneKind k) const {
        for (int i = int(doc.lanes.size()) - 1; i >= 0; --i)
            if (doc.lanes[i].kind == k) return i;
        return -1;
    }

    // Lane rows, with the emotion row below the lowest customer lane (or first, without one).
    float rows(float y) {
        const bool emotion = st.show_emotion && !doc.steps.empty();
        const int customer = lowest_lane(LaneKind::Customer);
        lane_band.assign(doc.lanes.size(), -1);
        if (emotion && customer < 0) bands.push_back(Band{true, -1, false, false, 0, 0});
        for (int i = 0; i < int(doc.lanes.size()); ++i) {
            lane_band[i] = int(bands.size());
            bands.push_back(Band{false, i, false, false, 0, 0});
            if (emotion && i == customer) bands.push_back(Band{true, -1, false, false, 0, 0});
        }
        // The bands with a line at their bottom.
        for (LaneKind k : {LaneKind::Customer, LaneKind::Frontstage, LaneKind::Backstage}) {
            const int lane = lowest_lane(k);
            if (lane < 0) continue;
            int b = lane_band[lane];
            if (k == LaneKind::Customer && emotion) ++b;  // the emotion row belongs to the customer's side
            bands[b].line_below = true;
            if (b + 1 < int(bands.size())) bands[b + 1].line_above = true;
        }
        const std::vector<float> stack = stack_heights();
        const float pad = st.cell_padding;
        const float header_w = st.lane_header_width - 2 * pad - 6;
        lay.lanes.resize(doc.lanes.size());
        for (Band& b : bands) {
            b.y = y;
            const float top = pad + (b.line_above ? st.line_gap : 0);
            const float bottom = pad + (b.line_below ? st.line_gap : 0);
            if (b.emotion) {
                b.h = std::max(st.emotion_row_height, 60.0f) + (b.line_above ? st.line_gap : 0) +
                      (b.line_below ? st.line_gap : 0);
                y += b.h;
                continue;
            }
            const Lane& lane = doc.lanes[b.lane];
            LaneBox& lb = lay.lanes[b.lane];
            lb.lane = b.lane;
            const float hx = st.margin + pad + 6;
            lb.name = make_block(m, lane.name, st.header_font_size, header_w, true, {hx, y + top});
            lb.kind_label = std::string(lane_kind_label(lane.kind, st.chinese_labels));
            // The kind under the name, unless the name already says it ("顾客行为 · Customer actions").
            if (!contains_ascii_nocase(lane.name, lane_kind_label(lane.kind, false)) &&
                !contains_ascii_nocase(lane.name, lane_kind_label(lane.kind, true)))
                lb.kind = make_block(m, lb.kind_label, st.small_font_size, header_w, false,
                                     {hx, y + top + block_height(lb.name) + 2});
            else
                lb.kind = make_block(m, "", st.small_font_size, header_w, false, {hx, y + top + block_height(lb.name)});
            const float header_h = block_height(lb.name) + (lb.kind.lines.empty() ? 0 : 2 + block_height(lb.kind));
            const float content = std::max({header_h, stack[b.lane], st.card_min_height});
            b.h = top + content + bottom;
            lb.row = {st.margin, y, grid_right - st.margin, b.h};
            lb.header = {st.margin, y, st.lane_header_width, b.h};
            y += b.h;
        }
        // Cards, stacked in their cells.
        for (std::size_t i = 0; i < cell_order.size();) {
            const CardBox& first = lay.cards[cell_order[i]];
            const Band& band = bands[lane_band[first.lane]];
            const float x = lay.steps[first.step].column.x + pad;
            float cy = band.y + pad + (band.line_above ? st.line_gap : 0);
            std::size_t j = i;
            for (; j < cell_order.size(); ++j) {
                CardBox& cb = lay.cards[cell_order[j]];
                if (cb.lane != first.lane || cb.step != first.step) break;
                translate(cb, x, cy);
                cy += cb.rect.h + st.card_gap;
            }
            i = j;
        }
        return y;
    }

    void columns_vertical(float top, float bottom) {
        for (StepBox& sb : lay.steps) {
            if (sb.step < 0) continue;
            sb.column.y = top;
            sb.column.h = bottom - top;
        }
        for (PhaseBox& pb : lay.phases) pb.body = {pb.rect.x, top, pb.rect.w, bottom - top};
        // Cards by step, top to bottom.
        lay.cards_by_step.assign(doc.steps.size(), {});
        for (int ci : cell_order) lay.cards_by_step[lay.cards[ci].step].push_back(ci);
        for (auto& v : lay.cards_by_step)
            std::stable_sort(v.begin(), v.end(), [&](int a, int b) { return lay.cards[a].rect.y < lay.cards[b].rect.y; });
    }

    void lines() {
        const std::pair<LaneKind, LineKind> kinds[] = {{LaneKind::Customer, LineKind::Interaction},
                                                       {LaneKind::Frontstage, LineKind::Visibility},
                                                       {LaneKind::Backstage, LineKind::InternalInteraction}};
        const float size = st.line_label_font_size;
        const float lh = m.line_height(size);
        for (auto [lane_kind, line_kind] : kinds) {
            const int lane = lowest_lane(lane_kind);
            if (lane < 0) continue;
            int b = lane_band[lane];
            if (line_kind == LineKind::Interaction && b + 1 < int(bands.size()) && bands[b + 1].emotion) ++b;
            DividerLine d;
            d.kind = line_kind;
            d.lane = lane;
            d.y = bands[b].y + bands[b].h;
            d.x0 = st.margin;
            d.x1 = grid_right;
            d.label = std::string(line_label(line_kind, st.chinese_labels));
            d.font_size = size;
            const float tw = m.width(d.label, size, true);
            d.label_rect = {st.margin + 6, d.y - (lh + 4) / 2, tw + 14, lh + 4};
            d.label_pos = {d.label_rect.x + 7, d.y - lh / 2};
            lay.lines.push_back(std::move(d));
        }
    }

    void emotion_row() {
        auto it = std::find_if(bands.begin(), bands.end(), [](const Band& b) { return b.emotion; });
        if (it == bands.end()) return;
        const Band& b = *it;
        EmotionRow er;
        er.rect = {st.margin, b.y, grid_right - st.margin, b.h};
        er.header = {st.margin, b.y, st.lane_header_width, b.h};
        const float pad = st.cell_padding;
        const float top = b.y + pad + (b.line_above ? st.line_gap : 0);
        const float bottom = b.y + b.h - pad - (b.line_below ? st.line_gap : 0);
        er.label = make_block(m, st.chinese_labels ? "顾客情绪" : "Emotion\n情绪", st.header_font_size,
                              st.lane_header_width - 2 * pad - 36, true, {st.margin + pad + 6, top});
        er.plot = {steps_x0, top, grid_right - steps_x0, bottom - top};
        const float inner = 10;  // room for the points at ±2
        er.unit = std::max(1.0f, (er.plot.h - 2 * inner) / float(kEmotionMax - kEmotionMin));
        er.baseline_y = er.plot.y + er.plot.h / 2;
        er.small_font_size = st.small_font_size;
        const float lh = m.line_height(st.small_font_size);
        for (int v = kEmotionMax; v >= kEmotionMin; --v) {
            EmotionTick t;
            t.value = v;
            t.y = er.baseline_y - float(v) * er.unit;
            t.label = kTickLabels[kEmotionMax - v];
            const float tw = m.width(t.label, st.small_font_size, false);
            t.label_pos = {steps_x0 - 8 - tw, t.y - lh / 2};
            er.ticks.push_back(std::move(t));
        }
        const float flag_w = m.width(er.unrated_flag, st.small_font_size, true);
        for (int s : lay.column_order) {
            EmotionPoint p;
            p.step = s;
            const std::optional<int>& e = doc.steps[s].emotion;
            if (e) p.emotion = std::clamp(*e, kEmotionMin, kEmotionMax);
            p.pos = {lay.steps[s].column.center().x, er.baseline_y - float(p.emotion.value_or(0)) * er.unit};
            p.flag_pos = {p.pos.x - flag_w / 2, p.pos.y - lh / 2};
            er.points.push_back(p);
        }
        lay.emotion = std::move(er);
    }
};

}  // namespace

// [SECTION] compute_layout
BlueprintLayout compute_layout(const Document& doc, const TextMeasurer& measurer, const LayoutStyle& style) {
    BlueprintLayout lay;
    lay.style = style;
    Builder b(doc, measurer, style, lay);
    b.indexes();
    b.columns();
    float y = b.title(style.margin);
    y = b.headers(y);
    const float grid_top = lay.corner.y;
    const float rows_top = y;
    b.cards();
    y = b.rows(y);
    b.columns_vertical(rows_top, y);
    b.lines();
    b.emotion_row();
    lay.grid = {style.margin, grid_top, b.grid_right - style.margin, y - grid_top};
    detail::route_connectors(doc, measurer, b.card_index, lay);
    float bottom = lay.grid.bottom();
    for (const DividerLine& d : lay.lines) bottom = std::max(bottom, d.label_rect.bottom());
    float right = lay.grid.right();
    for (const DividerLine& d : lay.lines) right = std::max(right, d.label_rect.right());
    if (style.show_legend) bottom = detail::place_legend(doc, measurer, b.chip_texts, bottom + 18, lay);
    if (lay.title) right = std::max(right, lay.title->rect.right());
    if (lay.legend) right = std::max(right, lay.legend->rect.right());
    lay.bounds = {0, 0, right + style.margin, bottom + style.margin};
    return lay;
}

}  // namespace sm::layout
