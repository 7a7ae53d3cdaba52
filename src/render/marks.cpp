#include "render/marks.h"

#include "analysis/peak_end.h"

namespace sm::render {

EmotionMarks peak_end_marks(const sm::Document& doc) {
    const analysis::PeakEnd pe = analysis::analyze_peak_end(doc);
    EmotionMarks marks;
    if (pe.peak) marks.peak_steps.push_back(static_cast<int>(pe.peak->index));
    if (pe.end) marks.end_step = static_cast<int>(pe.end->index);
    return marks;
}

}  // namespace sm::render
