// Stagemap — PNG export in horizontal bands (see png_bands.h).
#include "render/png_bands.h"

#include <cairo.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "render/cairo_painter.h"

namespace sm::render {

namespace {

// How far past a band (in layout units) an element's box may lie and still be drawn: strokes,
// arrowheads and badges reach a little outside the boxes that the culling tests.
constexpr float kCullMargin = 48;
constexpr std::size_t kBandBytes = 8u << 20;
constexpr int kMaxThreads = 4;

int rows_of(const BandedImage& im, int band, int band_rows) { return std::min(band_rows, im.height - band * band_rows); }

// [SECTION] One band
// Clears the band's surface and paints the blueprint, culled to the band, into its first `rows`
// rows. Returns what went wrong in cairo, or nothing.
std::string draw_band(const BandedImage& im, cairo_surface_t* surface, int y0, int rows) {
    cairo_t* cr = cairo_create(surface);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    const RGBA bg = im.paint.theme.background;
    if (im.transparent) cairo_set_source_rgba(cr, 0, 0, 0, 0);
    else cairo_set_source_rgba(cr, bg.r / 255.0, bg.g / 255.0, bg.b / 255.0, bg.a / 255.0);
    cairo_rectangle(cr, 0, 0, im.width, rows);
    cairo_fill(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);

    const Rect& bounds = im.lay->bounds;
    cairo_translate(cr, 0, -y0);
    cairo_scale(cr, im.scale, im.scale);
    cairo_translate(cr, -bounds.x, -bounds.y);
    PaintOptions o = im.paint;
    o.draw_background = false;
    o.visible = Rect{bounds.x - kCullMargin, bounds.y + float(y0) / im.scale - kCullMargin, bounds.w + 2 * kCullMargin,
                     float(rows) / im.scale + 2 * kCullMargin};
    {
        CairoPainter painter(cr, *im.measurer);
        paint_blueprint(*im.doc, *im.lay, painter, o);
    }
    const cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    return st == CAIRO_STATUS_SUCCESS ? std::string() : std::string("PNG export: drawing failed: ") + cairo_status_to_string(st);
}

// [SECTION] Pipeline
// Render threads claim bands in order and draw each into slot band % slots; the calling thread
// writes bands in order and frees their slots. A thread waits before drawing band b until band
// b - slots has been written.
class Pipeline {
public:
    Pipeline(const BandedImage& im, int band_rows, int threads)
        : im_(im), band_rows_(band_rows), bands_((im.height + band_rows - 1) / band_rows),
          threads_(std::clamp(threads, 1, std::min(bands_, kMaxThreads))), slots_(std::min(bands_, 2 * threads_)), ready_(std::size_t(bands_), 0) {}

    ~Pipeline() {
        for (cairo_surface_t* s : surfaces_) cairo_surface_destroy(s);
    }

    std::string run(PngWriter& out) {
        if (!out.error().empty()) return out.error();  // the file could not be opened: draw nothing
        for (int i = 0; i < slots_; ++i) {
            cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, im_.width, band_rows_);
            surfaces_.push_back(s);
            if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
                return std::string("PNG export: cannot create an image band: ") + cairo_status_to_string(cairo_surface_status(s));
        }
        std::vector<std::thread> workers;
        // However run() ends, an exception included: the workers stop and are joined.
        struct Joiner {
            Pipeline& p;
            std::vector<std::thread>& threads;
            ~Joiner() { p.stop_and_join(threads); }
        } joiner{*this, workers};
        if (bands_ > 1) {
            for (int i = 0; i < threads_; ++i) {
                try {
                    workers.emplace_back([this] { draw_bands(); });
                } catch (const std::system_error&) {
                    break;  // no more threads (a process limit): fewer will do
                }
            }
        }
        if (workers.empty()) return draw_here(out);
        for (int b = 0; b < bands_; ++b) {
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [&] { return ready_[std::size_t(b)] != 0 || stop_; });
                if (stop_) break;
            }
            const bool ok = write(out, b);
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                written_ = b + 1;
                if (!ok) stop_ = true;
            }
            changed_.notify_all();
            if (!ok) break;
        }
        stop_and_join(workers);  // before reading error_: a worker may still be finishing a band
        return error_.empty() ? out.error() : error_;
    }

private:
    bool write(PngWriter& out, int b) {
        cairo_surface_t* s = surfaces_[std::size_t(b % slots_)];
        const Argb32Pixels px{cairo_image_surface_get_data(s), im_.width, rows_of(im_, b, band_rows_),
                              cairo_image_surface_get_stride(s)};
        return out.add_rows(px);
    }

    void stop_and_join(std::vector<std::thread>& threads) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        for (std::thread& t : threads)
            if (t.joinable()) t.join();
    }

    std::string draw(int b) { return draw_band(im_, surfaces_[std::size_t(b % slots_)], b * band_rows_, rows_of(im_, b, band_rows_)); }

    // Every band on the calling thread (one band, or no thread could be started).
    std::string draw_here(PngWriter& out) {
        for (int b = 0; b < bands_; ++b) {
            std::string err = draw(b);
            if (!err.empty()) return err;
            if (!write(out, b)) break;
        }
        return out.error();
    }

    void draw_bands() {
        for (;;) {
            int b = 0;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                if (stop_ || next_ >= bands_) return;
                b = next_++;
                changed_.wait(lock, [&] { return stop_ || b - written_ < slots_; });
                if (stop_) return;
            }
            std::string err;
            try {
                err = draw(b);
            } catch (const std::exception& e) {  // out of memory: the export fails, the app goes on
                err = std::string("PNG export: drawing failed: ") + e.what();
            }
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                if (!err.empty()) {
                    if (error_.empty()) error_ = std::move(err);
                    stop_ = true;
                }
                ready_[std::size_t(b)] = 1;
            }
            changed_.notify_all();
        }
    }

    const BandedImage& im_;
    const int band_rows_, bands_, threads_, slots_;
    std::vector<cairo_surface_t*> surfaces_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<char> ready_;
    int next_ = 0;     // the next band to draw
    int written_ = 0;  // bands written so far
    bool stop_ = false;
    std::string error_;
};

}  // namespace

// [SECTION] API
std::string render_png_bands(const BandedImage& image, PngWriter& out) {
    if (image.width <= 0 || image.height <= 0) return "PNG export: the image is empty";
    const std::size_t row_bytes = std::size_t(image.width) * 4;
    const int band_rows = std::clamp(image.band_rows > 0 ? image.band_rows : int(std::max<std::size_t>(16, kBandBytes / row_bytes)),
                                     1, image.height);
    int threads = image.threads;
    if (threads <= 0) threads = std::clamp(int(std::thread::hardware_concurrency()), 1, kMaxThreads);
    Pipeline pipeline(image, band_rows, threads);
    return pipeline.run(out);
}

}  // namespace sm::render
