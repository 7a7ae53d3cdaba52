// Stagemap — helpers shared by the layout's source files (not part of the module's interface).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "layout/layout.h"

namespace sm::layout::detail {

// [SECTION] Text blocks
TextBlock make_block(const TextMeasurer& m, std::string_view text, float size, float max_width, bool bold,
                     Vec2 origin);
// A badge of `height` around one line of text, with its top-left at (0, 0).
Badge make_badge(const TextMeasurer& m, std::string text, float size, bool bold, float height, float min_width,
                 float pad);
void translate(Badge& b, float dx, float dy);
inline float block_height(const TextBlock& b) { return static_cast<float>(b.lines.size()) * b.line_height; }

// [SECTION] Stages of compute_layout, one per file
// connectors.cpp: orthogonal routes between the cards' edges (needs cards and cards_by_step).
void route_connectors(const Document& doc, const TextMeasurer& m, const std::unordered_map<CardId, int>& card_index,
                      BlueprintLayout& lay);

// legend.cpp: the legend below the grid, starting at `top`; returns its bottom.
float place_legend(const Document& doc, const TextMeasurer& m, const std::vector<std::string>& chip_texts, float top,
                   BlueprintLayout& lay);

}  // namespace sm::layout::detail
