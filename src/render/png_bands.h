// Stagemap — PNG export in horizontal bands: render threads draw bands while the PNG writer
// compresses the bands before them, in order.
//
// A 1,000-card blueprint at scale 1 is 60 Mpixels. Drawn as one cairo image it costs 238 MB of
// fresh pages (a quarter of the export time went to page faults), and drawing and compressing
// run one after the other on one core. In bands of a few MB, reused, the pixels stay in cache,
// and two cores draw while a third thread compresses. Every band paints the blueprint culled to
// its own rows; the pixels are the same as one big image's (tests compare them).
#pragma once

#include <string>

#include "layout/layout.h"
#include "render/painter.h"
#include "render/png_writer.h"

namespace sm {
struct Document;
}

namespace sm::render {

struct BandedImage {
    const sm::Document* doc = nullptr;
    const layout::BlueprintLayout* lay = nullptr;
    const layout::TextMeasurer* measurer = nullptr;  // for line heights only: thread-safe
    PaintOptions paint;     // draw_background is ignored: `background` fills every band
    float scale = 1;        // pixels per layout unit
    int width = 0, height = 0;
    bool transparent = false;
    int band_rows = 0;      // 0: about 8 MB of pixels per band
    int threads = 0;        // render threads; 0: one per core, at most 4
};

// Draws `image` band by band into `out`, which it does not finish. Returns an empty string or
// what failed.
std::string render_png_bands(const BandedImage& image, PngWriter& out);

}  // namespace sm::render
