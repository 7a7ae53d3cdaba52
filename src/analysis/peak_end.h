// Stagemap — the peak-end analysis of a blueprint (domain.md §2).
// People remember an experience by its most intense moment (the peak) and by its end, and
// neglect its length: remembered ≈ (peak + end) / 2. This module finds the peak and the end
// of the customer's journey, compares the remembered rating with the experienced one, sums
// the durations and waits, and words recommendations for a service designer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace sm::analysis {

// [SECTION] The rule itself
// The remembered rating of an experience with this peak and this end: (peak + end) / 2.
// Works on any interval scale (our −2…+2 emotions, or a 0–10 pain scale).
double remembered_rating(double peak, double end);

// [SECTION] Result
// One step picked by the analysis.
struct Moment {
    StepId step;
    std::size_t index = 0;      // position in Document::steps
    std::optional<int> emotion; // empty only for an end pinned on an unrated step

    bool operator==(const Moment&) const = default;
};

// A recommendation for a service designer, about one step.
// Kinds, in the order they are listed:
//   "mitigate-peak"        the peak is negative (step: the peak);
//   "strengthen-end"       the end is rated below the experienced mean (step: the end);
//   "design-positive-peak" steps are rated but none reaches +1 (step: the end);
//   "rate-end"             the end is not rated (step: the pinned end; with nothing rated and nothing
//                          pinned, the last step of the blueprint);
//   "rate-peak"            a step pinned as a peak is not rated, so the pin is ignored (step: that step);
//   "write-need"           the peak or the end has no `need` written (step: the peak, then the end;
//                          once when they are the same step).
struct Recommendation {
    std::string kind;
    StepId step;
    std::string text;  // one English sentence naming the step by its name

    bool operator==(const Recommendation&) const = default;
};

struct PhaseMinutes {
    PhaseId phase;
    double minutes = 0;  // sum of the phase's steps' duration_min; 0 when none is given

    bool operator==(const PhaseMinutes&) const = default;
};

struct PeakEnd {
    std::vector<StepId> rated;      // steps with an emotion, in blueprint order

    std::optional<Moment> peak;     // see analyze_peak_end() for the rules
    bool peak_pinned = false;       // true: chosen among steps pinned `peak: true`
    std::optional<Moment> end;
    bool end_pinned = false;        // true: a step pinned `end: true`
    std::optional<Moment> best;     // highest emotion, ties to the earlier
    std::optional<Moment> worst;    // lowest emotion, ties to the earlier

    std::optional<double> remembered;  // (peak + end) / 2; empty without a rated peak and end
    std::optional<double> experienced; // mean emotion of the rated steps; empty when none is rated
    bool experienced_weighted = false; // true: weighted by duration_min
    std::optional<double> gap;         // remembered − experienced; empty when either is

    double total_minutes = 0;           // sum of the steps' duration_min
    std::vector<PhaseMinutes> phase_minutes;  // one entry per phase, in phase order
    double total_wait_minutes = 0;      // sum of the cards' wait_min

    std::vector<Recommendation> recommendations;
};

// [SECTION] Analysis
// Rules (the spec of the feature, with the decisions where it was silent):
// - peak: among the rated steps not pinned `peak: false`, the one with the largest |emotion|;
//   ties go to the negative one (a bad moment weighs more), then to the earlier. If some rated
//   steps are pinned `peak: true`, the peak is chosen the same way among them only. A pinned step
//   that is unrated cannot be the peak: it is ignored (and gets a "rate-peak" recommendation).
//   An emotion of 0 can be the peak when nothing rated is more intense.
// - end: the last step pinned `end: true` (rated or not), else the last rated step. The pinned
//   end exists even when nothing is rated; then remembered is empty.
// - experienced: weighted by duration_min when every rated step has one and their sum is > 0,
//   else the plain mean.
// - design-positive-peak is placed on the end: the end is always remembered, half of the
//   remembered rating, and the moment the team controls best ("design a good end"). Whenever a
//   step is rated there is an end, so the recommendation always has its step.
PeakEnd analyze_peak_end(const Document& doc);

}  // namespace sm::analysis
