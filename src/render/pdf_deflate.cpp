// Stagemap — the zlib level of cairo's PDF streams (see pdf_deflate.h).
#include "render/pdf_deflate.h"

#include <zlib.h>

namespace sm::render {

namespace {
thread_local bool t_fast_deflate = false;
}

FastDeflateScope::FastDeflateScope() : previous_(t_fast_deflate) { t_fast_deflate = true; }
FastDeflateScope::~FastDeflateScope() { t_fast_deflate = previous_; }

bool fast_deflate_active() { return t_fast_deflate; }

}  // namespace sm::render

// zlib's own deflateInit_ is deflateInit2_ with these arguments (deflate.c); only the level of
// the default request changes, and only inside a FastDeflateScope.
extern "C" int deflateInit_(z_streamp strm, int level, const char* version, int stream_size) {
    if (sm::render::fast_deflate_active() && level == Z_DEFAULT_COMPRESSION) level = 1;
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
