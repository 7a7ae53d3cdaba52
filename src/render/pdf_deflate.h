// Stagemap — the compressor of cairo's PDF streams.
//
// cairo compresses every PDF stream (page content, font subsets) with zlib at its default level
// (6) and has no setting for it. On a 1,000-card blueprint that is 3.9 MB of streams, half of it
// font subsets of Noto Sans CJK that hardly compress: 30–38 % of the export time at level 6,
// still 12 % at zlib's level 1. ISA-L's level 1 (libisal-dev, as for PNG) writes the same zlib
// format several times faster. cairo asks zlib for a compressor through deflateInit_ (zlib's
// deflateInit macro), deflate and deflateEnd; the render library defines those three symbols,
// which the dynamic linker binds before libz's. While a FastDeflateScope is alive on the calling
// thread, a default-level deflateInit_ makes an ISA-L stream; every other stream is zlib's own
// (deflate and deflateEnd forward to libz for streams that are not ISA-L's).
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
