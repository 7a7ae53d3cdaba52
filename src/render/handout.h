// Stagemap — the parts of the PDF training handout (not part of the module's interface).
// export_pdf (export.cpp) prepares a Context and calls the page writers in order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/peak_end.h"
#include "analysis/tiers.h"
#include "render/export.h"
#include "render/pango_measurer.h"
#include "render/pdf_pages.h"

namespace sm::render::handout {

// [SECTION] Context
struct Context {
    const sm::Document& doc;
    const ExportOptions& opts;
    const PdfOptions& pdf;
    const layout::TextMeasurer& measurer;  // the blueprint layout's (layout units)
    const layout::BlueprintLayout& lay;    // the blueprint, without the layout's title and legend
    PaintOptions paint;
    Theme theme;
    pdf::PageSizePt paper;  // the text pages (and page 1 unless fit)
    std::string date;
    std::string title;      // the document's title, or "Service blueprint"
    analysis::PeakEnd pe;
    analysis::TierReport tiers;
    PangoMeasurer pt{};     // measures text in points (same fonts as the pages)
    // Per card (Document::cards order): the connectors that join it to a card of the document,
    // in Document::connectors order. Filled by phase_pages.
    struct Link {
        int connector = -1;  // index in Document::connectors
        int other = -1;      // index in Document::cards: the card at the other end
        bool out = false;    // the card is the connector's source
    };
    std::vector<std::vector<Link>> links{};
};

// [SECTION] Labels
// The five canonical lane kinds in English and Chinese, e.g. "Support processes · 支持过程".
std::string lane_kind_name(LaneKind k);
// "+2", "0", "−1"; "not rated · 未评" for none.
std::string emotion_text(const std::optional<int>& e);
RGBA lane_color(const Theme& th, LaneKind k);  // the lane's stripe colour

// [SECTION] Flow helpers (handout_pages.cpp)
// A page heading (bold, large) with an optional line of muted text under it.
void heading(Context& cx, pdf::Flow& flow, std::string_view title, std::string_view subtitle = {});
// A sub-heading that stays with the next `keep` points.
void subheading(Context& cx, pdf::Flow& flow, std::string_view markup, double keep = 40);
// A row of a two-column table: label markup at the left, value markup wrapped at the right.
void key_value(Context& cx, pdf::Flow& flow, std::string_view label, std::string_view value, double label_w = 120);
// A tier's chip (a coloured square with its initial) and name, as markup.
std::string tier_markup(const Context& cx, int tier);

// [SECTION] Blueprint pages (handout_blueprint.cpp)
// Page 1 and, when the blueprint is tiled, the tile pages. Fills the blueprint fields of `report`.
void blueprint_pages(Context& cx, pdf::Pages& pages, PdfReport& report);

// [SECTION] Title block and legend (handout_legend.cpp)
// Each returns its height; draws only when `draw`.
double title_block(Context& cx, pdf::Pages& pages, double x, double y, double width, bool draw);
double legend(Context& cx, pdf::Pages& pages, double x, double y, double width, bool draw);

// [SECTION] Text pages
// Each returns the number of pages it wrote.
int peak_end_pages(Context& cx, pdf::Pages& pages);  // handout_peak_end.cpp
int tier_pages(Context& cx, pdf::Pages& pages);      // handout_pages.cpp
int phase_pages(Context& cx, pdf::Pages& pages);     // handout_pages.cpp

// Bilingual section names, shared by the running header and the tests.
inline constexpr std::string_view kBlueprintSection = "Service blueprint · 服务蓝图";
inline constexpr std::string_view kPeakEndSection = "Peak-end summary · 峰终分析";
inline constexpr std::string_view kTierSection = "Customer value tiers · 客户价值分层";
inline constexpr std::string_view kPhaseSection = "Phase · 阶段";

}  // namespace sm::render::handout
