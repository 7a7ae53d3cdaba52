// Stagemap — the peak-end analysis of a blueprint.
#include "analysis/peak_end.h"

#include <cstdlib>
#include <unordered_map>

#include "analysis/text.h"

namespace sm::analysis {

using text::quoted_name;
using text::signed_emotion;

// [SECTION] The rule itself
double remembered_rating(double peak, double end) { return (peak + end) / 2.0; }

// [SECTION] Choosing moments
namespace {

Moment moment_at(const Document& doc, std::size_t i) { return Moment{doc.steps[i].id, i, doc.steps[i].emotion}; }

// True when a later candidate with emotion `later` beats the current peak with emotion `current`:
// more intense, or as intense and negative where the current one is positive. Otherwise the
// earlier one stays.
bool beats_as_peak(int later, int current) {
    if (std::abs(later) != std::abs(current)) return std::abs(later) > std::abs(current);
    return later < 0 && current > 0;
}

// The peak among the rated steps accepted by `accept`, or nothing.
template <class Accept>
std::optional<Moment> pick_peak(const Document& doc, Accept accept) {
    std::optional<Moment> best;
    for (std::size_t i = 0; i < doc.steps.size(); ++i) {
        const Step& s = doc.steps[i];
        if (!s.emotion || !accept(s)) continue;
        if (!best || beats_as_peak(*s.emotion, *best->emotion)) best = moment_at(doc, i);
    }
    return best;
}

void choose_peak(const Document& doc, PeakEnd& r) {
    auto pinned = [](const Step& s) { return s.peak == true; };
    r.peak = pick_peak(doc, pinned);
    r.peak_pinned = r.peak.has_value();
    if (!r.peak) r.peak = pick_peak(doc, [](const Step& s) { return s.peak != false; });
}

void choose_end(const Document& doc, PeakEnd& r) {
    for (std::size_t i = doc.steps.size(); i-- > 0;) {
        if (doc.steps[i].end == true) {
            r.end = moment_at(doc, i);
            r.end_pinned = true;
            return;
        }
    }
    for (std::size_t i = doc.steps.size(); i-- > 0;) {
        if (doc.steps[i].emotion) {
            r.end = moment_at(doc, i);
            return;
        }
    }
}

void choose_best_and_worst(const Document& doc, PeakEnd& r) {
    for (std::size_t i = 0; i < doc.steps.size(); ++i) {
        const std::optional<int>& e = doc.steps[i].emotion;
        if (!e) continue;
        if (!r.best || *e > *r.best->emotion) r.best = moment_at(doc, i);
        if (!r.worst || *e < *r.worst->emotion) r.worst = moment_at(doc, i);
    }
}

// [SECTION] Means and sums
void compute_experienced(const Document& doc, PeakEnd& r) {
    if (r.rated.empty()) return;
    double plain_sum = 0, weighted_sum = 0, weight = 0;
    bool all_have_duration = true;
    for (const Step& s : doc.steps) {
        if (!s.emotion) continue;
        plain_sum += *s.emotion;
        if (s.duration_min) {
            weighted_sum += *s.emotion * *s.duration_min;
            weight += *s.duration_min;
        } else {
            all_have_duration = false;
        }
    }
    r.experienced_weighted = all_have_duration && weight > 0;
    r.experienced = r.experienced_weighted ? weighted_sum / weight : plain_sum / static_cast<double>(r.rated.size());
}

void compute_durations(const Document& doc, PeakEnd& r) {
    std::unordered_map<PhaseId, std::size_t> slot;
    for (const Phase& p : doc.phases) {
        slot.emplace(p.id, r.phase_minutes.size());
        r.phase_minutes.push_back(PhaseMinutes{p.id, 0});
    }
    for (const Step& s : doc.steps) {
        if (!s.duration_min) continue;
        r.total_minutes += *s.duration_min;
        if (auto it = slot.find(s.phase); it != slot.end()) r.phase_minutes[it->second].minutes += *s.duration_min;
    }
    for (const Card& c : doc.cards)
        if (c.wait_min) r.total_wait_minutes += *c.wait_min;
}

// [SECTION] Recommendations
void recommend(const Document& doc, PeakEnd& r) {
    auto add = [&r](std::string kind, const Step& s, std::string sentence) {
        r.recommendations.push_back(Recommendation{std::move(kind), s.id, std::move(sentence)});
    };
    const Step* peak = r.peak ? &doc.steps[r.peak->index] : nullptr;
    const Step* end = r.end ? &doc.steps[r.end->index] : nullptr;

    if (peak && *peak->emotion < 0)
        add("mitigate-peak", *peak,
            "The most intense moment, " + quoted_name(*peak) + ", is negative (" + signed_emotion(*peak->emotion) +
                ") and customers will remember it: remove its cause or soften it, and plan the recovery.");

    if (end && end->emotion && r.experienced && *end->emotion < *r.experienced - 1e-9)
        add("strengthen-end", *end,
            "The end, " + quoted_name(*end) + ", is rated " + signed_emotion(*end->emotion) +
                ", below the journey's average of " + text::number(*r.experienced) +
                ": design a better last moment, since the end weighs as much as the peak in memory.");

    if (end && r.best && *r.best->emotion < 1)
        add("design-positive-peak", *end,
            "No step is rated +1 or better: design a positive moment customers will remember at the end, " +
                quoted_name(*end) + ", for example a personal touch or a small surprise.");

    if (end && !end->emotion)
        add("rate-end", *end,
            "The end, " + quoted_name(*end) +
                ", has no emotion rating: rate how the customer feels there, since the end shapes what they "
                "remember.");
    else if (!end && !doc.steps.empty())
        add("rate-end", doc.steps.back(),
            "No step is rated yet: start with the last step, " + quoted_name(doc.steps.back()) +
                ", since the end shapes what customers remember.");

    for (const Step& s : doc.steps)
        if (s.peak == true && !s.emotion)
            add("rate-peak", s,
                quoted_name(s) + " is pinned as a peak but has no emotion rating, so the pin is ignored: rate it.");

    const bool same = peak && end && peak == end;
    if (peak && text::blank(peak->need))
        add("write-need", *peak,
            std::string(same ? "The peak and end, " : "The peak, ") + quoted_name(*peak) +
                ", has no customer need written: write what the customer needs at this moment.");
    if (end && !same && text::blank(end->need))
        add("write-need", *end,
            "The end, " + quoted_name(*end) +
                ", has no customer need written: write what the customer needs at this moment.");
}

}  // namespace

// [SECTION] Analysis
PeakEnd analyze_peak_end(const Document& doc) {
    PeakEnd r;
    for (const Step& s : doc.steps)
        if (s.emotion) r.rated.push_back(s.id);

    choose_peak(doc, r);
    choose_end(doc, r);
    choose_best_and_worst(doc, r);
    compute_experienced(doc, r);
    compute_durations(doc, r);

    if (r.peak && r.end && r.end->emotion) r.remembered = remembered_rating(*r.peak->emotion, *r.end->emotion);
    if (r.remembered && r.experienced) r.gap = *r.remembered - *r.experienced;

    recommend(doc, r);
    return r;
}

}  // namespace sm::analysis
