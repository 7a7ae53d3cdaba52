// Stagemap — the zlib level of cairo's PDF streams.
//
// cairo compresses every PDF stream (page content, font subsets) with zlib at its default level
// (6) and has no setting for it. On a 1,000-card blueprint that is 3.9 MB of streams, half of it
// font subsets of Noto Sans CJK that hardly compress, and 30–38 % of the export time. Level 1 is
// twice as fast on the same streams and 5 % larger. cairo asks zlib for a compressor through
// deflateInit_ (zlib's deflateInit macro); the render library defines that symbol, which the
// dynamic linker binds before libz's, and forwards it to deflateInit2_ exactly as zlib does,
// changing the level only while a FastDeflateScope is alive on the calling thread.
#pragma once

namespace sm::render {

class FastDeflateScope {
public:
    FastDeflateScope();
    ~FastDeflateScope();
    FastDeflateScope(const FastDeflateScope&) = delete;
    FastDeflateScope& operator=(const FastDeflateScope&) = delete;

private:
    bool previous_;
};

// True while a FastDeflateScope is alive on this thread (for tests).
bool fast_deflate_active();

}  // namespace sm::render
