// Stagemap — the peak-end marks every painter shows, decided by the analysis (峰终定律).
#pragma once

#include "model/document.h"
#include "render/painter.h"

namespace sm::render {

// The peak (★) and the end (⚑) of the customer's journey, as the emotion row draws them.
EmotionMarks peak_end_marks(const sm::Document& doc);

}  // namespace sm::render
