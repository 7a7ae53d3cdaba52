// Stagemap — the PDF handout drawn on one thread while another writes it (not part of the
// module's interface). Drawing (pango shaping, cairo recording) and writing (cairo turning each
// page into PDF operators, deflate) each take about half the time of a long handout; on two
// cores they overlap.
#pragma once

#include <functional>

#include "render/pdf_pages.h"

typedef struct _cairo_surface cairo_surface_t;

namespace sm::render::pdf {

// Called with a context to draw on (its target a PDF surface that writes nowhere) and the sink
// to hand each finished page to (Pages does both).
using DrawPages = std::function<void(cairo_t* cr, const PageSink& sink)>;

// Runs `draw` on a second thread and writes each page it hands over to `pdf` (size, content,
// show_page) on the calling thread, in order, as soon as the page is drawn. Returns when every
// page is written; an exception thrown by `draw` is rethrown here, after the pages before it
// were written.
//
// Pango: the drawing thread uses the calling thread's default font map (warm, with the fonts the
// layout loaded), and the calling thread makes no pango call until the drawing thread ends, so
// the font map is never used by two threads at once. Only one thread shapes text at a time, which
// also keeps the output the same from run to run (see README › Performance).
//
// `threaded` false: everything on the calling thread, the same file byte for byte.
void draw_and_write(cairo_surface_t* pdf, const DrawPages& draw, bool threaded = true);

}  // namespace sm::render::pdf
