// Stagemap — the small page engine of the PDF handout (not part of the module's interface):
// pages with a running header and footer, pango text in points (markup, wrapping, Chinese), and
// a flow that fills columns and pages, splitting paragraphs between lines when it must.
// All coordinates are PDF points, origin at the top-left of the page.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/painter.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_pattern cairo_pattern_t;

namespace sm::render::pdf {

inline constexpr double kMm = 72.0 / 25.4;  // points per millimetre
inline constexpr double kMargin = 12 * kMm;  // page margin on every side
inline constexpr double kSmallPt = 7.5;      // the smallest text the handout prints

// [SECTION] Markup
// Text for pango markup: valid UTF-8, control characters dropped (except line breaks and tabs),
// & < > " ' escaped.
std::string escape(std::string_view text);
// The parts one after the other (instead of "literal" + std::string, which GCC 12 warns about).
std::string cat(std::initializer_list<std::string_view> parts);
// "#rrggbb" for a span's foreground or background.
std::string hex(RGBA c);
// <span foreground="#…">escaped text</span>, optionally bold.
std::string colored(std::string_view text, RGBA c, bool bold = false);
std::string bold(std::string_view text);

// [SECTION] Text boxes
struct TextStyle {
    double size = 9;                     // points
    RGBA color{28, 32, 38};              // default colour (markup may override)
    bool bold = false;
    TextAlign align = TextAlign::Left;
    int max_lines = 0;                   // > 0: at most this many lines, the last one ending in "…"
    bool operator==(const TextStyle&) const = default;
};

// One paragraph of markup laid out by pango at a width (<= 0: no wrapping), ready to draw whole or
// line by line. The text stays text in the PDF: selectable and searchable.
class TextBox {
public:
    TextBox(cairo_t* cr, std::string_view markup, const TextStyle& style, double width);
    ~TextBox();
    TextBox(TextBox&&) noexcept;
    TextBox& operator=(TextBox&&) noexcept;

    double width() const;   // the widest line
    double height() const;  // all lines
    int line_count() const;
    double line_top(int i) const;     // relative to the box's top
    double line_bottom(int i) const;
    void draw(double x, double y) const;                   // the box's top-left
    void draw_line(int i, double x, double line_top_y) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// [SECTION] Pages
struct PageSizePt {
    double w = 0, h = 0;
};

struct Rect2 {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
};

// The pages of one PDF. Each page gets a running header (the document's title at the left, the
// section at the right) and a footer (file name and date at the left, the page number at the
// right). Each page is drawn as a cairo group (cairo_push_group) on `cr`, whose target must be a
// PDF surface (it is given each page's size and nothing else), and handed to the sink when it ends: the PDF is written by whoever owns the sink, which may be
// another thread (export.cpp), while the next pages are drawn.
// A finished page: its size and its content, which the sink owns (cairo_pattern_destroy) once it
// returns; if it throws, the content is still the caller's.
using PageSink = std::function<void(PageSizePt size, cairo_pattern_t* content)>;

class Pages {
public:
    Pages(cairo_t* cr, PageSink sink);
    ~Pages();
    Pages(const Pages&) = delete;
    Pages& operator=(const Pages&) = delete;

    std::string header_left, footer_left;  // set before the first page
    RGBA muted{96, 104, 116};
    RGBA rule{214, 219, 226};
    double inset = 0;    // header and footer text this far inside the margins (room for crop marks)
    bool rules = true;   // hairlines under the header and over the footer

    // Ends the current page (if any) and starts one of this size in the given section.
    void begin(PageSizePt size, std::string_view section);
    void finish();  // ends the last page
    int page() const { return page_; }
    PageSizePt size() const { return size_; }
    cairo_t* cr() const { return cr_; }
    // The page inside the margins.
    Rect2 body() const { return {kMargin, kMargin, size_.w - 2 * kMargin, size_.h - 2 * kMargin}; }
    // A painter in points, for shapes and single lines on the current page.
    Painter& painter();
    // The paragraph shaped by pango at this width, kept for the rest of the document: a paragraph
    // is measured (Flow::need, block) and then drawn, a handout repeats many (tier chips, lane and
    // owner lines, wait points), and shaping is most of its cost. At most kShapedKept are kept
    // (the oldest go first); paragraphs longer than kShapedLongest are shaped for each use.
    std::shared_ptr<const TextBox> shaped(std::string_view markup, const TextStyle& style, double width);
    static constexpr std::size_t kShapedKept = 4096;
    static constexpr std::size_t kShapedLongest = 600;  // bytes of markup

private:
    void end_page();
    double page_inset_ = 0;  // inset and rules as they were when the current page began
    bool page_rules_ = true;
    cairo_t* cr_;
    PageSink sink_;
    int page_ = 0;
    bool open_ = false;
    PageSizePt size_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// [SECTION] Flow
// A paragraph waiting to be flowed (see Flow::block).
struct Para {
    std::string markup;
    TextStyle style;
    double indent = 0;
    double space_before = 0;
};

// Fills the body of pages with text, in one or more columns. A new page (same size, same
// section) calls `on_page`, which may draw a heading and move `y` down.
class Flow {
public:
    Flow(Pages& pages, PageSizePt size, std::string section, std::function<void(Flow&)> on_page = {});

    Pages& pages;
    double y = 0;  // the next free line in the current column

    void start();                          // begins the first page
    void columns(int n, double gap = 14);  // from the current y on, n columns
    int column_count() const { return cols_; }
    double column_x() const;
    double column_w() const;
    double top() const { return col_top_; }  // top of the current columns
    double bottom() const { return area_.bottom(); }
    double room() const { return bottom() - y; }
    bool at_column_top() const { return y <= col_top_ + 0.5; }

    void space(double h);                 // vertical space (dropped at the top of a column)
    void need(double h);                  // the next h points stay together, unless h exceeds a column
    void next_column();                   // or the next page after the last column
    void new_page();
    // A paragraph at the current column's left + indent, split between lines when it must be.
    void text(std::string_view markup, const TextStyle& style, double indent = 0, double space_before = 0);
    // Height of a paragraph as text() would lay it out (without space_before).
    double measure(std::string_view markup, const TextStyle& style, double indent = 0) const;

    // Paragraphs kept together in one column when they fit one, with a coloured bar at their left
    // (alpha 0: none); `space_after` below them.
    void block(const std::vector<Para>& paras, RGBA bar, double space_after = 0);
    double measure(const std::vector<Para>& paras) const;

    // A coloured bar at the left of the column beside everything flowed until block_end(),
    // drawn on every column the block crosses.
    void block_begin(RGBA bar, double width = 2.5);
    void block_end();

private:
    void flush_bar();
    std::shared_ptr<const TextBox> shaped(std::string_view markup, const TextStyle& style, double indent) const;
    PageSizePt size_;
    std::string section_;
    std::function<void(Flow&)> on_page_;
    Rect2 area_;
    int cols_ = 1, col_ = 0;
    double gap_ = 14, col_top_ = 0;
    bool in_block_ = false;
    RGBA bar_color_;
    double bar_w_ = 2.5, bar_top_ = 0;
};

}  // namespace sm::render::pdf
