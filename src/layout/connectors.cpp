// Stagemap — connector routing: orthogonal polylines from one card's edge to another's.
// Hand-offs between steps leave from the side facing the target and turn in the gutter
// between columns; hand-offs inside one step go from the bottom edge to the top edge. A route
// that would cross another card takes the gutter near the other end, or runs along the
// padding of the source row. Several connectors on one side of a card get spread ports.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "layout/layout_internal.h"

namespace sm::layout::detail {
namespace {

// [SECTION] Plans
enum class Side { Left, Right, Top, Bottom };
enum class Route { Straight, NearTarget, NearSource, Channel, SameColumnSide };

struct Plan {
    int connector = -1;
    int a = -1, b = -1;  // card indices
    Side side_a = Side::Right, side_b = Side::Left;
    Route route = Route::Straight;
    Vec2 port_a, port_b;
};

Vec2 side_center(const Rect& r, Side s) {
    switch (s) {
    case Side::Left: return {r.x, r.y + r.h / 2};
    case Side::Right: return {r.right(), r.y + r.h / 2};
    case Side::Top: return {r.x + r.w / 2, r.y};
    case Side::Bottom: return {r.x + r.w / 2, r.bottom()};
    }
    return r.center();
}

struct Router {
    const BlueprintLayout& lay;
    std::vector<int> column_pos;  // step -> position left to right (-1: none)

    explicit Router(const BlueprintLayout& l) : lay(l), column_pos(l.steps.size(), -1) {
        for (int p = 0; p < int(l.column_order.size()); ++p) column_pos[l.column_order[p]] = p;
    }

    // [SECTION] Obstacle checks (binary search in each column's cards, sorted by y)
    // True when no card other than a and b is in `step`'s column between y0 and y1.
    bool column_clear(int step, float y0, float y1, int a, int b) const {
        const std::vector<int>& col = lay.cards_by_step[step];
        auto it = std::partition_point(col.begin(), col.end(), [&](int c) { return lay.cards[c].rect.bottom() <= y0; });
        for (; it != col.end() && lay.cards[*it].rect.y < y1; ++it)
            if (*it != a && *it != b) return false;
        return true;
    }
    // True when a horizontal line at y crosses no card in the columns at positions [p0, p1].
    bool row_clear(float y, int p0, int p1, int a, int b) const {
        for (int p = p0; p <= p1; ++p)
            if (!column_clear(lay.column_order[p], y - 2, y + 2, a, b)) return false;
        return true;
    }

    bool plan(Plan& pl) const {
        const CardBox& ca = lay.cards[pl.a];
        const CardBox& cb = lay.cards[pl.b];
        if (ca.rect.w <= 0 || cb.rect.w <= 0 || ca.step < 0 || cb.step < 0) return false;
        const int pa = column_pos[ca.step], pb = column_pos[cb.step];
        if (pa < 0 || pb < 0) return false;
        const Rect& A = ca.rect;
        const Rect& B = cb.rect;
        if (pa == pb) {
            const float min_gap = 14;
            if (A.bottom() <= B.y && B.y - A.bottom() >= min_gap && column_clear(ca.step, A.bottom(), B.y, pl.a, pl.b)) {
                pl.side_a = Side::Bottom;
                pl.side_b = Side::Top;
                pl.route = Route::Straight;
            } else if (B.bottom() <= A.y && A.y - B.bottom() >= min_gap &&
                       column_clear(ca.step, B.bottom(), A.y, pl.a, pl.b)) {
                pl.side_a = Side::Top;
                pl.side_b = Side::Bottom;
                pl.route = Route::Straight;
            } else {
                pl.side_a = pl.side_b = Side::Right;
                pl.route = Route::SameColumnSide;
            }
            return true;
        }
        const bool rightward = pb > pa;
        pl.side_a = rightward ? Side::Right : Side::Left;
        pl.side_b = rightward ? Side::Left : Side::Right;
        const int lo = std::min(pa, pb) + 1, hi = std::max(pa, pb) - 1;
        const float ya = A.center().y, yb = B.center().y;
        if (lo > hi) {
            pl.route = std::fabs(ya - yb) < 0.5f ? Route::Straight : Route::NearTarget;
        } else if (std::fabs(ya - yb) < 0.5f) {
            pl.route = row_clear(ya, lo, hi, pl.a, pl.b) ? Route::Straight : Route::Channel;
        } else if (row_clear(ya, lo, hi, pl.a, pl.b)) {
            pl.route = Route::NearTarget;
        } else if (row_clear(yb, lo, hi, pl.a, pl.b)) {
            pl.route = Route::NearSource;
        } else {
            pl.route = Route::Channel;
        }
        return true;
    }

    // The middle of the padding band of the row that holds card c, on the side towards y (the
    // band is wider where a divider line runs along the row's edge).
    float channel_y(int c, float toward) const {
        const CardBox& cb = lay.cards[c];
        const Rect& row = lay.lanes[cb.lane].row;
        const bool down = toward >= cb.rect.center().y;
        const float edge = down ? row.bottom() : row.y;
        float pad = lay.style.cell_padding;
        for (const DividerLine& d : lay.lines)
            if (std::fabs(d.y - edge) < 0.5f) pad += lay.style.line_gap;
        return down ? edge - pad / 2 : edge + pad / 2;
    }

    std::vector<Vec2> path(const Plan& pl) const {
        const CardBox& ca = lay.cards[pl.a];
        const CardBox& cb = lay.cards[pl.b];
        const Vec2 a = pl.port_a, b = pl.port_b;
        const float nudge = float(pl.connector % 3 - 1) * 3;  // keeps parallel gutter runs apart
        std::vector<Vec2> pts{a};
        switch (pl.route) {
        case Route::Straight:
            if (pl.side_a == Side::Top || pl.side_a == Side::Bottom) {
                if (std::fabs(a.x - b.x) > 0.5f) {
                    const float my = (a.y + b.y) / 2;
                    pts.push_back({a.x, my});
                    pts.push_back({b.x, my});
                }
            } else if (std::fabs(a.y - b.y) > 0.5f) {
                const float mx = (a.x + b.x) / 2;
                pts.push_back({mx, a.y});
                pts.push_back({mx, b.y});
            }
            break;
        case Route::SameColumnSide: {
            const float gx = lay.steps[ca.step].column.right() - 2 + nudge / 3;
            pts.push_back({gx, a.y});
            pts.push_back({gx, b.y});
            break;
        }
        case Route::NearTarget:
        case Route::NearSource: {
            const bool rightward = pl.side_a == Side::Right;
            const Rect& col = pl.route == Route::NearTarget ? lay.steps[cb.step].column : lay.steps[ca.step].column;
            float gx = pl.route == Route::NearTarget ? (rightward ? col.x : col.right())
                                                     : (rightward ? col.right() : col.x);
            gx += nudge;
            pts.push_back({gx, a.y});
            pts.push_back({gx, b.y});
            break;
        }
        case Route::Channel: {
            const bool rightward = pl.side_a == Side::Right;
            const Rect& col_a = lay.steps[ca.step].column;
            const Rect& col_b = lay.steps[cb.step].column;
            const float g1 = (rightward ? col_a.right() : col_a.x) + nudge;
            const float g2 = (rightward ? col_b.x : col_b.right()) + nudge;
            const float ych = channel_y(pl.a, std::fabs(a.y - b.y) < 0.5f ? a.y + 1 : b.y);
            pts.push_back({g1, a.y});
            pts.push_back({g1, ych});
            pts.push_back({g2, ych});
            pts.push_back({g2, b.y});
            break;
        }
        }
        pts.push_back(b);
        return pts;
    }
};

// [SECTION] Ports
// Spreads the ends that share one side of one card along that side, ordered by where the
// other end is, so that lines do not cross right at the card.
void assign_ports(const BlueprintLayout& lay, std::vector<Plan>& plans) {
    struct End {
        float key;
        int plan;
        bool source;
    };
    std::unordered_map<long long, std::vector<End>> sides;
    for (int i = 0; i < int(plans.size()); ++i) {
        const Plan& p = plans[i];
        const Rect& A = lay.cards[p.a].rect;
        const Rect& B = lay.cards[p.b].rect;
        const auto key_for = [](Side s, const Rect& other) {
            return (s == Side::Left || s == Side::Right) ? other.center().y : other.center().x;
        };
        sides[(long long)p.a * 4 + int(p.side_a)].push_back({key_for(p.side_a, B), i, true});
        sides[(long long)p.b * 4 + int(p.side_b)].push_back({key_for(p.side_b, A), i, false});
    }
    for (auto& [k, ends] : sides) {
        const int card = int(k / 4);
        const Side side = Side(k % 4);
        const Rect& r = lay.cards[card].rect;
        std::stable_sort(ends.begin(), ends.end(), [](const End& x, const End& y) { return x.key < y.key; });
        const int n = int(ends.size());
        for (int j = 0; j < n; ++j) {
            Vec2 port = side_center(r, side);
            if (n > 1) {
                const float t = float(j + 1) / float(n + 1);
                if (side == Side::Left || side == Side::Right) port.y = r.y + r.h * t;
                else port.x = r.x + r.w * t;
            }
            Plan& p = plans[ends[j].plan];
            (ends[j].source ? p.port_a : p.port_b) = port;
        }
    }
}

// [SECTION] Labels
// How bad a label at r would be: 0 when clear; covering a line's label is worst, then covering
// a card (other than the ends, which it may touch), then sitting across a divider line.
int label_cost(const BlueprintLayout& lay, const Rect& r) {
    int cost = 0;
    for (const DividerLine& d : lay.lines) {
        if (r.intersects(d.label_rect)) cost = std::max(cost, 4);
        else if (r.y < d.y + 1 && d.y - 1 < r.bottom()) cost = std::max(cost, 1);
    }
    for (float x : {r.x, r.right()}) {
        const int step = lay.step_at(x);
        if (step < 0) continue;
        const std::vector<int>& col = lay.cards_by_step[step];
        auto it = std::partition_point(col.begin(), col.end(), [&](int c) { return lay.cards[c].rect.bottom() <= r.y; });
        if (it != col.end() && lay.cards[*it].rect.y < r.bottom()) cost = std::max(cost, 2);
    }
    return cost;
}

// The label goes on the longest horizontal run when it is long enough, else on the longest
// run; it slides along runs to stay off cards and the lines' labels.
void place_label(const BlueprintLayout& lay, const TextMeasurer& m, float size, ConnectorPath& cp) {
    if (cp.label.empty() || cp.points.size() < 2) return;
    const float tw = m.width(cp.label, size, false);
    const float lh = m.line_height(size);
    std::vector<int> order;
    for (int i = 0; i + 1 < int(cp.points.size()); ++i) order.push_back(i);
    const auto len = [&](int i) {
        const Vec2 p = cp.points[i], q = cp.points[i + 1];
        return std::fabs(q.x - p.x) + std::fabs(q.y - p.y);
    };
    const auto fits_horizontally = [&](int i) {
        return std::fabs(cp.points[i + 1].y - cp.points[i].y) < 0.5f && len(i) >= tw * 0.6f;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (fits_horizontally(a) != fits_horizontally(b)) return fits_horizontally(a);
        return len(a) > len(b);
    });
    const auto rect_at = [&](Vec2 c) { return Rect{c.x - tw / 2 - 4, c.y - lh / 2 - 1, tw + 8, lh + 2}; };
    Vec2 best{};
    int best_cost = 1 << 20;
    for (int seg : order) {
        const Vec2 p = cp.points[seg], q = cp.points[seg + 1];
        const bool vertical = std::fabs(q.x - p.x) < 0.5f;
        // Along the run, centred on it; beside it when centring would cover something.
        for (float side : {0.0f, 1.0f, -1.0f}) {
            const Vec2 offset = vertical ? Vec2{side * (tw / 2 + 7), 0} : Vec2{0, -side * (lh / 2 + 4)};
            for (float t : {0.5f, 0.3f, 0.7f, 0.15f, 0.85f}) {
                const Vec2 c{p.x + (q.x - p.x) * t + offset.x, p.y + (q.y - p.y) * t + offset.y};
                const Rect r = rect_at(c);
                // Hiding an arrowhead is worse than touching a card.
                const bool hides_end = r.contains(cp.points.front()) || r.contains(cp.points.back());
                const int cost = label_cost(lay, r) * 2 + (side != 0 ? 1 : 0) + (hides_end ? 6 : 0);
                if (cost < best_cost) {
                    best = c;
                    best_cost = cost;
                }
                if (best_cost == 0) break;
            }
            if (best_cost == 0) break;
        }
        if (best_cost == 0) break;
    }
    cp.label_pos = best;
    cp.label_rect = rect_at(best);
    cp.label_text_pos = {best.x - tw / 2, best.y - lh / 2};
    cp.font_size = size;
}

}  // namespace

// [SECTION] Routing
void route_connectors(const Document& doc, const TextMeasurer& m, const std::unordered_map<CardId, int>& card_index,
                      BlueprintLayout& lay) {
    lay.connectors.assign(doc.connectors.size(), {});
    const Router router(lay);
    std::vector<Plan> plans;
    plans.reserve(doc.connectors.size());
    for (int i = 0; i < int(doc.connectors.size()); ++i) {
        const Connector& c = doc.connectors[i];
        ConnectorPath& cp = lay.connectors[i];
        cp.connector = i;
        cp.label = c.label;
        cp.arrow_at_end = c.direction != Direction::None;
        cp.arrow_at_start = c.direction == Direction::Both;
        cp.font_size = lay.style.small_font_size;
        auto fa = card_index.find(c.from), fb = card_index.find(c.to);
        if (fa == card_index.end() || fb == card_index.end() || fa->second == fb->second) continue;
        cp.from_card = fa->second;
        cp.to_card = fb->second;
        Plan pl;
        pl.connector = i;
        pl.a = fa->second;
        pl.b = fb->second;
        if (router.plan(pl)) plans.push_back(pl);
    }
    assign_ports(lay, plans);
    for (const Plan& pl : plans) {
        ConnectorPath& cp = lay.connectors[pl.connector];
        cp.points = router.path(pl);
        place_label(lay, m, lay.style.small_font_size, cp);
    }
}

}  // namespace sm::layout::detail
