// Stagemap — the handout's page engine: pango text boxes, pages with header and footer, flow.
#include "render/pdf_pages.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

#include "render/cairo_painter.h"
#include "render/pango_measurer.h"

namespace sm::render::pdf {

// [SECTION] Markup
std::string escape(std::string_view text) {
    const std::string clean = sanitize_utf8(text);
    std::string out;
    out.reserve(clean.size() + 8);
    for (char ch : clean) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\r': break;
        default:
            if (u < 0x20 && ch != '\n' && ch != '\t') break;
            if (u == 0x7F) break;
            out += ch;
        }
    }
    return out;
}

std::string cat(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (std::string_view p : parts) s += p;
    return s;
}

std::string hex(RGBA c) {
    const char* digits = "0123456789abcdef";
    std::string s = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        s += digits[v >> 4];
        s += digits[v & 15];
    }
    return s;
}

std::string colored(std::string_view text, RGBA c, bool is_bold) {
    std::string s = "<span foreground=\"";
    s += hex(c);
    s += is_bold ? "\" weight=\"bold\">" : "\">";
    s += escape(text);
    s += "</span>";
    return s;
}

std::string bold(std::string_view text) {
    std::string s = "<b>";
    s += escape(text);
    s += "</b>";
    return s;
}

// [SECTION] Text boxes
namespace {

// A guess at the widest line's width in points: an em for wide characters (CJK, symbols), 0.6 em
// for the rest (about a Latin letter's average). Only a hint: TextBox measures the text before it
// trusts that it fits.
double widest_line_estimate(std::string_view utf8, double size) {
    double widest = 0, line = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        if (c == '\n') {
            widest = std::max(widest, line);
            line = 0;
            continue;
        }
        line += c >= 0xE0 ? 1.0 : 0.6;  // three- and four-byte sequences: CJK, symbols, emoji
    }
    return std::max(widest, line) * size;
}

}  // namespace

struct TextBox::Impl {
    cairo_t* cr = nullptr;
    PangoLayout* layout = nullptr;
    RGBA color;
    struct Line {
        double top = 0, bottom = 0, baseline = 0, x = 0;
    };
    std::vector<Line> lines;
    double width = 0, height = 0;
    cairo_matrix_t matrix{};  // the transform the layout was made for

    // pango_cairo_update_layout() always makes pango shape the text again (it sets the context's
    // matrix, which counts as a change): only call it when the transform did change.
    void update() {
        cairo_matrix_t now;
        cairo_get_matrix(cr, &now);
        if (now.xx == matrix.xx && now.yx == matrix.yx && now.xy == matrix.xy && now.yy == matrix.yy &&
            now.x0 == matrix.x0 && now.y0 == matrix.y0)
            return;
        pango_cairo_update_layout(cr, layout);
        matrix = now;
    }

    ~Impl() {
        if (layout) g_object_unref(layout);
    }
    void source() const { cairo_set_source_rgba(cr, color.r / 255.0, color.g / 255.0, color.b / 255.0, color.a / 255.0); }
};

TextBox::TextBox(cairo_t* cr, std::string_view markup, const TextStyle& style, double width)
    : impl_(std::make_unique<Impl>()) {
    Impl& im = *impl_;
    im.cr = cr;
    im.color = style.color;
    im.layout = pango_cairo_create_layout(cr);
    PangoContext* ctx = pango_layout_get_context(im.layout);
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    // Setting the options cleared the context's merged options: merge them now (as
    // pango_cairo_update_layout() would), before the text is shaped.
    pango_cairo_update_context(cr, ctx);
    pango_layout_context_changed(im.layout);
    cairo_get_matrix(cr, &im.matrix);

    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, std::string(kPangoFontFamily).c_str());
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(im.layout, font);
    pango_font_description_free(font);
    pango_layout_set_alignment(im.layout, style.align == TextAlign::Center  ? PANGO_ALIGN_CENTER
                                          : style.align == TextAlign::Right ? PANGO_ALIGN_RIGHT
                                                                            : PANGO_ALIGN_LEFT);
    // Parse first, so that a markup error (a bug) shows the text plainly instead of a warning
    // and an empty box.
    const std::string m(markup);
    PangoAttrList* attrs = nullptr;
    char* plain = nullptr;
    // Pango shapes every run that fits its line twice when it wraps (once to measure, once to
    // place), but once when it does not: text that likely fits is laid out unwrapped first, and
    // wrapped only if it turns out wider after all. Left-aligned, left-to-right lines only: an
    // unwrapped layout aligns its lines to the widest line, not to the width, which changes
    // nothing for those but would move a right-to-left line (pango aligns it right).
    const bool may_unwrap = width > 0 && style.align == TextAlign::Left && style.max_lines <= 0;
    bool likely_fits = false;
    if (pango_parse_markup(m.c_str(), int(m.size()), 0, &attrs, &plain, nullptr, nullptr)) {
        pango_layout_set_text(im.layout, plain, -1);
        pango_layout_set_attributes(im.layout, attrs);
        pango_attr_list_unref(attrs);
        likely_fits = may_unwrap && widest_line_estimate(plain, style.size) <= width;
        g_free(plain);
    } else {
        const std::string clean = sanitize_utf8(markup);
        pango_layout_set_text(im.layout, clean.c_str(), int(clean.size()));
        likely_fits = may_unwrap && widest_line_estimate(clean, style.size) <= width;
    }
    if (width > 0) {
        const int limit = int(width * PANGO_SCALE);
        bool wrap = true;
        if (likely_fits) {
            PangoRectangle logical;
            pango_layout_get_extents(im.layout, nullptr, &logical);
            wrap = logical.width > limit;
            for (GSList* l = pango_layout_get_lines_readonly(im.layout); l && !wrap; l = l->next)
                wrap = static_cast<PangoLayoutLine*>(l->data)->resolved_dir != PANGO_DIRECTION_LTR;
        }
        if (wrap) {
            pango_layout_set_width(im.layout, limit);
            pango_layout_set_wrap(im.layout, PANGO_WRAP_WORD_CHAR);
            if (style.max_lines > 0) {
                pango_layout_set_height(im.layout, -style.max_lines);
                pango_layout_set_ellipsize(im.layout, PANGO_ELLIPSIZE_END);
            }
        }
    }

    PangoLayoutIter* it = pango_layout_get_iter(im.layout);
    do {
        int y0 = 0, y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        Impl::Line line;
        line.top = double(y0) / PANGO_SCALE;
        line.bottom = double(y1) / PANGO_SCALE;
        line.baseline = double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        line.x = double(logical.x) / PANGO_SCALE;
        im.lines.push_back(line);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    // Logical extents only: the iterator has them already, where ink extents would look up every
    // glyph's outline box again.
    PangoRectangle logical;
    pango_layout_get_extents(im.layout, nullptr, &logical);
    im.width = double(logical.width) / PANGO_SCALE;
    im.height = double(logical.height) / PANGO_SCALE;
}

TextBox::~TextBox() = default;
TextBox::TextBox(TextBox&&) noexcept = default;
TextBox& TextBox::operator=(TextBox&&) noexcept = default;

double TextBox::width() const { return impl_->width; }
double TextBox::height() const { return impl_->height; }
int TextBox::line_count() const { return int(impl_->lines.size()); }
double TextBox::line_top(int i) const { return impl_->lines[std::size_t(i)].top; }
double TextBox::line_bottom(int i) const { return impl_->lines[std::size_t(i)].bottom; }

void TextBox::draw(double x, double y) const {
    Impl& im = *impl_;
    im.update();
    cairo_move_to(im.cr, x, y);
    im.source();
    pango_cairo_show_layout(im.cr, im.layout);
    cairo_new_path(im.cr);
}

void TextBox::draw_line(int i, double x, double line_top_y) const {
    Impl& im = *impl_;
    const Impl::Line& l = im.lines[std::size_t(i)];
    im.source();
    im.update();
    PangoLayoutLine* line = pango_layout_get_line_readonly(im.layout, i);
    cairo_move_to(im.cr, x + l.x, line_top_y + (l.baseline - l.top));
    pango_cairo_show_layout_line(im.cr, line);
    cairo_new_path(im.cr);
}

// [SECTION] Pages
struct Pages::Impl {
    PangoMeasurer measurer;
    std::unique_ptr<CairoPainter> painter;
    std::string section;
    // Pages::shaped: by key (markup, then the style and width as bytes), and the keys in the
    // order they came, the oldest first out.
    std::unordered_map<std::string, std::shared_ptr<const TextBox>> shaped;
    std::deque<std::string> order;
    std::string key;  // reused to build keys
};

Pages::Pages(cairo_t* cr, PageSink sink) : cr_(cr), sink_(std::move(sink)), impl_(std::make_unique<Impl>()) {
    impl_->painter = std::make_unique<CairoPainter>(cr, impl_->measurer);
}

Pages::~Pages() {
    // A page left open by an exception: its group is dropped, not handed on.
    if (open_) cairo_pattern_destroy(cairo_pop_group(cr_));
}

Painter& Pages::painter() { return *impl_->painter; }

std::shared_ptr<const TextBox> Pages::shaped(std::string_view markup, const TextStyle& style, double width) {
    if (markup.size() > kShapedLongest) return std::make_shared<const TextBox>(cr_, markup, style, width);
    Impl& im = *impl_;
    std::string& key = im.key;
    key.assign(markup);
    const auto append = [&key](const auto& v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    append(style.size);
    append(style.color);
    append(style.bold);
    append(style.align);
    append(style.max_lines);
    append(width);
    if (const auto it = im.shaped.find(key); it != im.shaped.end()) return it->second;
    auto box = std::make_shared<const TextBox>(cr_, markup, style, width);
    if (im.order.size() >= kShapedKept) {
        im.shaped.erase(im.order.front());
        im.order.pop_front();
    }
    im.shaped.emplace(key, box);
    im.order.push_back(key);
    return box;
}

void Pages::begin(PageSizePt size, std::string_view section) {
    if (open_) end_page();
    size_ = size;
    impl_->section = std::string(section);
    ++page_;
    open_ = true;
    // A PDF target makes the group a recording of the page's size.
    cairo_pdf_surface_set_size(cairo_get_target(cr_), size.w, size.h);
    cairo_push_group(cr_);
    // The paper, as the page's first operation. When cairo writes a page it first finds the region
    // it can draw natively, adding each operation's rectangle to it; a page-sized rectangle makes
    // every later addition free, where a region of many text lines cost time for each line added
    // (a tenth of the handout's time went to pixman's region union).
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_paint(cr_);
    // Running header: title at the left, section at the right, a hairline below.
    const TextStyle st{kSmallPt, muted, false, TextAlign::Left};
    const double top = kMargin - 17;
    page_inset_ = inset;
    page_rules_ = rules;
    const double x0 = kMargin + inset, x1 = size.w - kMargin - inset;
    TextBox left(cr_, escape(header_left), st, 0);
    TextBox right(cr_, escape(impl_->section), {kSmallPt, muted, true, TextAlign::Left}, 0);
    const double right_w = right.width();
    if (!header_left.empty() && x1 - x0 - right_w - 12 > 20) {
        // One line, cut to the room the section leaves.
        cairo_save(cr_);
        cairo_rectangle(cr_, x0, top - 2, x1 - x0 - right_w - 12, 14);
        cairo_clip(cr_);
        left.draw(x0, top);
        cairo_restore(cr_);
    }
    right.draw(x1 - right.width(), top);
    if (rules) painter().line({float(x0), float(kMargin - 5)}, {float(x1), float(kMargin - 5)}, rule, 0.5f);
}

void Pages::end_page() {
    const TextStyle st{kSmallPt, muted, false, TextAlign::Left};
    const double y = size_.h - kMargin + 6;
    const double x0 = kMargin + page_inset_, x1 = size_.w - kMargin - page_inset_;
    if (page_rules_) painter().line({float(x0), float(y - 2)}, {float(x1), float(y - 2)}, rule, 0.5f);
    // One line, cut where the page number begins.
    TextBox left(cr_, escape(footer_left), st, 0);
    cairo_save(cr_);
    cairo_rectangle(cr_, x0, y - 2, x1 - x0 - 60, 14);
    cairo_clip(cr_);
    left.draw(x0, y);
    cairo_restore(cr_);
    // The page number alone: "n / N" would need every page shaped before the first is written,
    // which is what lets the writer work while the next pages are drawn (export.cpp).
    TextBox number(cr_, std::to_string(page_), st, 0);
    number.draw(x1 - number.width(), y);
    open_ = false;
    cairo_pattern_t* content = cairo_pop_group(cr_);
    try {
        sink_(size_, content);
    } catch (...) {
        cairo_pattern_destroy(content);  // the sink did not take it
        throw;
    }
}

void Pages::finish() {
    if (open_) end_page();
}

// [SECTION] Flow
Flow::Flow(Pages& p, PageSizePt size, std::string section, std::function<void(Flow&)> on_page)
    : pages(p), size_(size), section_(std::move(section)), on_page_(std::move(on_page)) {}

void Flow::start() { new_page(); }

void Flow::new_page() {
    flush_bar();
    pages.begin(size_, section_);
    area_ = pages.body();
    cols_ = 1;
    col_ = 0;
    y = col_top_ = area_.y;
    if (on_page_) on_page_(*this);
    col_top_ = y;
    if (in_block_) bar_top_ = y;
}

void Flow::columns(int n, double gap) {
    flush_bar();
    cols_ = std::max(1, n);
    col_ = 0;
    gap_ = gap;
    col_top_ = y;
    if (in_block_) bar_top_ = y;
}

double Flow::column_w() const { return (area_.w - gap_ * (cols_ - 1)) / cols_; }
double Flow::column_x() const { return area_.x + col_ * (column_w() + gap_); }

void Flow::space(double h) {
    if (at_column_top()) return;
    y += h;
}

void Flow::need(double h) {
    if (at_column_top()) return;
    if (y + h <= bottom()) return;
    if (h > bottom() - col_top_ && col_ + 1 >= cols_) {
        // Taller than a column: start it on a fresh page only if little of this one is left.
        if (room() > (bottom() - col_top_) * 0.5) return;
    }
    next_column();
}

void Flow::next_column() {
    flush_bar();
    if (col_ + 1 < cols_) {
        ++col_;
        y = col_top_;
        if (in_block_) bar_top_ = y;
        return;
    }
    const int n = cols_;
    const double g = gap_;
    new_page();
    if (n > 1) columns(n, g);
}

std::shared_ptr<const TextBox> Flow::shaped(std::string_view markup, const TextStyle& style, double indent) const {
    return pages.shaped(markup, style, column_w() - indent);
}

double Flow::measure(std::string_view markup, const TextStyle& style, double indent) const {
    return shaped(markup, style, indent)->height();
}

void Flow::text(std::string_view markup, const TextStyle& style, double indent, double space_before) {
    const std::shared_ptr<const TextBox> shaped_box = shaped(markup, style, indent);
    const TextBox& box = *shaped_box;
    space(space_before);
    for (int i = 0; i < box.line_count(); ++i) {
        const double h = box.line_bottom(i) - box.line_top(i);
        if (y + h > bottom() && !at_column_top()) next_column();
        box.draw_line(i, column_x() + indent, y);
        y += h;
    }
}

double Flow::measure(const std::vector<Para>& paras) const {
    double h = 0;
    for (std::size_t i = 0; i < paras.size(); ++i)
        h += (i ? paras[i].space_before : 0) + measure(paras[i].markup, paras[i].style, paras[i].indent);
    return h;
}

void Flow::block(const std::vector<Para>& paras, RGBA bar, double space_after) {
    if (paras.empty()) return;
    need(measure(paras) + (at_column_top() ? 0 : paras.front().space_before));
    if (bar.a) block_begin(bar, 2.5);
    for (const Para& p : paras) text(p.markup, p.style, p.indent, p.space_before);
    if (bar.a) block_end();
    space(space_after);
}

void Flow::block_begin(RGBA bar, double width) {
    flush_bar();
    in_block_ = true;
    bar_color_ = bar;
    bar_w_ = width;
    bar_top_ = y;
}

void Flow::block_end() {
    flush_bar();
    in_block_ = false;
}

void Flow::flush_bar() {
    if (!in_block_ || y <= bar_top_ + 0.5) return;
    pages.painter().fill_rect({float(column_x()), float(bar_top_), float(bar_w_), float(y - bar_top_)}, bar_color_);
    bar_top_ = y;
}

}  // namespace sm::render::pdf
