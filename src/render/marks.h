// Stagemap — the peak-end marks every painter shows, decided by the analysis (峰终定律), and the
// symbols that draw them: ★ the peak, ⚑ the end, a pin on marks the designer pinned.
#pragma once

#include <string>

#include "analysis/peak_end.h"
#include "model/document.h"
#include "render/painter.h"

namespace sm::render {

// [SECTION] Marks
// The peak (★) and the end (⚑) of the customer's journey, as the emotion row draws them.
EmotionMarks peak_end_marks(const sm::Document& doc);
// The same from an analysis already made of `doc` (the GUI keeps one per document revision).
EmotionMarks peak_end_marks(const sm::Document& doc, const analysis::PeakEnd& pe);

// [SECTION] Symbols
// Shared by the emotion row, the step headers and the GUI's peak-end panel, so the same moment
// looks the same everywhere. Sizes are in the painter's units.
// A five-pointed star of radius r centred on `centre`.
void peak_symbol(Painter& p, Vec2 centre, float r, RGBA color);
// A flag h tall whose pole stands on `foot`.
void end_symbol(Painter& p, Vec2 foot, float h, RGBA color);
// A push pin whose round head (radius r) is at `head`, its needle pointing down to the left;
// `halo` rings the head so it reads over other marks.
void pin_symbol(Painter& p, Vec2 head, float r, RGBA color, RGBA halo);
// A star outline of radius r with a stroke through it: "never the peak".
void excluded_symbol(Painter& p, Vec2 centre, float r, RGBA color);

// [SECTION] Header labels
// The label of a mark in a step header: "Peak", "End", "Pinned peak", "Pinned end", "Not peak"
// (or 峰值, 终点, 固定峰值, 固定终点, 非峰值).
std::string mark_label(bool peak, bool excluded, bool pinned, bool chinese);
// A rough width of text in the painters' fonts (CJK one em, Latin about 0.6 em): painters have no
// measurer, and a label pill only needs to be a little wider than its text.
float estimate_text_width(std::string_view utf8, float font_size, bool bold);

}  // namespace sm::render
