// Stagemap — the handout drawn on one thread and written on another.
#include "render/pdf_pipeline.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace sm::render::pdf {

namespace {

// [SECTION] Writing one page
struct Page {
    PageSizePt size;
    cairo_pattern_t* content = nullptr;
};

void write_page(cairo_surface_t* pdf, cairo_t* cr, const Page& page) {
    cairo_pdf_surface_set_size(pdf, page.size.w, page.size.h);
    cairo_set_source(cr, page.content);
    cairo_paint(cr);
    cairo_pattern_destroy(page.content);
    cairo_show_page(cr);
}

// [SECTION] Hand-over
// Pages from the drawing thread to the writing thread, in order.
class PageQueue {
public:
    ~PageQueue() {
        for (const Page& p : pages_) cairo_pattern_destroy(p.content);
    }
    void push(Page p) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            pages_.push_back(p);
        }
        ready_.notify_one();
    }
    // The drawing thread has ended (`error`: with this exception).
    void close(std::exception_ptr error) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
            error_ = std::move(error);
        }
        ready_.notify_one();
    }
    // The next page; false when there is none and none will come.
    bool pop(Page& out) {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !pages_.empty() || closed_; });
        if (pages_.empty()) return false;
        out = pages_.front();
        pages_.pop_front();
        return true;
    }
    std::exception_ptr error() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return error_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Page> pages_;
    bool closed_ = false;
    std::exception_ptr error_;
};

// The context the pages are drawn on: a PDF surface that writes nowhere. Pages records each page
// as a group on it (cairo_push_group), which a PDF surface makes a recording the size of its page;
// nothing is drawn on the surface itself. A PDF target, rather than a recording surface, gives the
// groups, the fonts and their options exactly what drawing on the real file gives.
cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

struct DrawingContext {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(discard, nullptr, 595, 842);
    cairo_t* cr = cairo_create(surface);
    DrawingContext() = default;
    DrawingContext(const DrawingContext&) = delete;
    DrawingContext& operator=(const DrawingContext&) = delete;
    ~DrawingContext() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
};

}  // namespace

// [SECTION] Pipeline
void draw_and_write(cairo_surface_t* pdf, const DrawPages& draw, bool threaded) {
    cairo_t* cr = cairo_create(pdf);
    struct Destroy {
        cairo_t* cr;
        ~Destroy() { cairo_destroy(cr); }
    } destroy{cr};

    const auto inline_run = [&] {
        DrawingContext rec;
        draw(rec.cr, [&](PageSizePt size, cairo_pattern_t* content) { write_page(pdf, cr, {size, content}); });
    };
    if (!threaded) {
        inline_run();
        return;
    }

    PageQueue queue;
    PangoFontMap* fonts = pango_cairo_font_map_get_default();  // this thread's
    std::thread drawer;
    try {
        drawer = std::thread([&queue, &draw, fonts] {
            pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(fonts));
            std::exception_ptr error;
            try {
                DrawingContext rec;
                draw(rec.cr, [&queue](PageSizePt size, cairo_pattern_t* content) { queue.push({size, content}); });
            } catch (...) {
                error = std::current_exception();
            }
            pango_cairo_font_map_set_default(nullptr);  // hands the font map back
            queue.close(error);
        });
    } catch (const std::system_error&) {
        inline_run();  // no thread to be had: one thread does both
        return;
    }
    // Joined on every way out (the drawing thread never waits for this one, and always closes
    // the queue).
    struct Join {
        std::thread& t;
        ~Join() {
            if (t.joinable()) t.join();
        }
    } join{drawer};
    Page page;
    while (queue.pop(page)) write_page(pdf, cr, page);
    drawer.join();
    if (const std::exception_ptr error = queue.error()) std::rethrow_exception(error);
}

}  // namespace sm::render::pdf
