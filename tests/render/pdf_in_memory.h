// Stagemap tests — a PDF that cairo writes into memory instead of a file.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <functional>
#include <string>

namespace sm::test {

// The bytes of a PDF of one w × h pt page (more if `draw` shows pages), drawn by `draw`.
inline std::string cairo_pdf_in_memory(double w, double h, const std::function<void(cairo_surface_t*, cairo_t*)>& draw) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &out, w, h);
    cairo_t* cr = cairo_create(surface);
    draw(surface, cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace sm::test
