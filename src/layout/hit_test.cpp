// Stagemap — hit tests on a computed layout: binary searches over columns, rows and each
// column's cards, so that a mouse move costs O(log n) even with 10,000 cards.
#include <algorithm>
#include <cmath>

#include "layout/layout.h"

namespace sm::layout {

// [SECTION] Cells
Rect BlueprintLayout::cell(int lane, int step) const {
    if (lane < 0 || step < 0 || lane >= int(lanes.size()) || step >= int(steps.size())) return {};
    if (lanes[lane].lane < 0 || steps[step].step < 0) return {};
    const Rect& col = steps[step].column;
    const Rect& row = lanes[lane].row;
    return {col.x, row.y, col.w, row.h};
}

std::vector<int> BlueprintLayout::cards_in_cell(int lane, int step) const {
    std::vector<int> out;
    if (step < 0 || step >= int(cards_by_step.size())) return out;
    for (int c : cards_by_step[step])
        if (cards[c].lane == lane) out.push_back(c);
    return out;
}

int BlueprintLayout::slot_at(int lane, int step, float y) const {
    if (cell(lane, step).w <= 0) return -1;
    int slot = 0;
    for (int c : cards_in_cell(lane, step))
        if (cards[c].rect.center().y < y) ++slot;
    return slot;
}

// [SECTION] Hit tests
int BlueprintLayout::step_at(float x) const {
    auto it = std::partition_point(column_order.begin(), column_order.end(),
                                   [&](int s) { return steps[s].column.x <= x; });
    if (it == column_order.begin()) return -1;
    const int s = *std::prev(it);
    return x < steps[s].column.right() ? s : -1;
}

int BlueprintLayout::lane_at(float y) const {
    // Lanes are stacked top to bottom in document order (the emotion row may sit between two).
    int lo = 0, hi = int(lanes.size());
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (lanes[mid].row.y <= y) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return -1;
    const LaneBox& lb = lanes[lo - 1];
    return (lb.lane >= 0 && y < lb.row.bottom()) ? lo - 1 : -1;
}

int BlueprintLayout::card_at(Vec2 p) const {
    const int s = step_at(p.x);
    if (s < 0 || s >= int(cards_by_step.size())) return -1;
    const std::vector<int>& col = cards_by_step[s];
    auto it = std::partition_point(col.begin(), col.end(), [&](int c) { return cards[c].rect.bottom() <= p.y; });
    if (it != col.end() && cards[*it].rect.contains(p)) return *it;
    return -1;
}

int BlueprintLayout::phase_at(Vec2 p) const {
    for (const PhaseBox& pb : phases)
        if (pb.rect.contains(p)) return pb.phase;
    return -1;
}

int BlueprintLayout::connector_at(Vec2 p, float tolerance) const {
    int best = -1;
    float best_d = tolerance;
    for (const ConnectorPath& cp : connectors) {
        for (std::size_t i = 0; i + 1 < cp.points.size(); ++i) {
            const Vec2 a = cp.points[i], b = cp.points[i + 1];
            // Distance to an axis-aligned (or any) segment.
            const float dx = b.x - a.x, dy = b.y - a.y;
            const float len2 = dx * dx + dy * dy;
            float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
            t = std::clamp(t, 0.0f, 1.0f);
            const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
            const float d = std::sqrt(ex * ex + ey * ey);
            if (d <= best_d) {
                best_d = d;
                best = cp.connector;
            }
        }
    }
    return best;
}

}  // namespace sm::layout
