// Stagemap — the compressor of cairo's PDF streams (see pdf_deflate.h).
#include "render/pdf_deflate.h"

#include <dlfcn.h>
#include <zlib.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <unordered_map>

#include "render/isal_zlib.h"

namespace sm::render {

namespace {
thread_local bool t_fast_deflate = false;
}

FastDeflateScope::FastDeflateScope() : previous_(t_fast_deflate) { t_fast_deflate = true; }
FastDeflateScope::~FastDeflateScope() { t_fast_deflate = previous_; }

bool fast_deflate_active() { return t_fast_deflate; }

namespace {

// [SECTION] ISA-L streams behind zlib's interface
// One stream that deflateInit_ made inside a scope. zlib's z_stream keeps `state` null, so that
// any zlib function this file does not define (deflateReset, deflateParams...) sees a stream
// that is not its own and answers Z_STREAM_ERROR instead of reading ours (deflateBound gives
// its conservative bound).
struct IsalStream {
    isal_zstream z;
    std::unique_ptr<std::uint8_t[]> level_buf;
    bool ended = false;  // Z_STREAM_END given
};

// The streams made inside a scope, whatever thread they are used on afterwards.
class Registry {
public:
    void add(z_streamp strm, IsalStream* s) {
        const std::lock_guard<std::mutex> lock(mu_);
        streams_[strm] = s;
        count_.store(streams_.size(), std::memory_order_release);
    }
    IsalStream* find(z_streamp strm) {
        if (count_.load(std::memory_order_acquire) == 0) return nullptr;  // zlib's own, and no lock
        const std::lock_guard<std::mutex> lock(mu_);
        const auto it = streams_.find(strm);
        return it == streams_.end() ? nullptr : it->second;
    }
    std::unique_ptr<IsalStream> take(z_streamp strm) {
        if (count_.load(std::memory_order_acquire) == 0) return nullptr;
        const std::lock_guard<std::mutex> lock(mu_);
        const auto it = streams_.find(strm);
        if (it == streams_.end()) return nullptr;
        std::unique_ptr<IsalStream> s(it->second);
        streams_.erase(it);
        count_.store(streams_.size(), std::memory_order_release);
        return s;
    }

private:
    std::mutex mu_;
    std::unordered_map<z_streamp, IsalStream*> streams_;
    std::atomic<std::size_t> count_{0};
};

Registry g_registry;  // namespace scope: constant-initialised parts, no order problem for zlib's callers

// libz's own deflate and deflateEnd, for every stream that is not ours.
template <typename Fn>
Fn next_symbol(std::atomic<Fn>& cache, const char* name) {
    Fn f = cache.load(std::memory_order_acquire);
    if (!f) {
        f = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
        cache.store(f, std::memory_order_release);
    }
    return f;
}
using DeflateFn = int (*)(z_streamp, int);
using DeflateEndFn = int (*)(z_streamp);
std::atomic<DeflateFn> g_zlib_deflate{nullptr};
std::atomic<DeflateEndFn> g_zlib_deflate_end{nullptr};

bool make_isal_stream(z_streamp strm) {
    auto s = std::unique_ptr<IsalStream>(new (std::nothrow) IsalStream);
    if (!s) return false;
    s->level_buf.reset(new (std::nothrow) std::uint8_t[kIsalLevel1BufSize]);
    if (!s->level_buf) return false;
    init_level1_zlib(s->z, s->level_buf.get());
    strm->state = nullptr;
    strm->msg = nullptr;
    strm->total_in = strm->total_out = 0;
    strm->adler = 1;
    strm->data_type = Z_UNKNOWN;
    g_registry.add(strm, s.release());
    return true;
}

int isal_deflate_step(IsalStream& s, z_streamp strm, int flush) {
    if (s.ended) return flush == Z_FINISH ? Z_STREAM_END : Z_STREAM_ERROR;
    isal_zstream& z = s.z;
    z.next_in = strm->next_in;
    z.avail_in = strm->avail_in;
    z.next_out = strm->next_out;
    z.avail_out = strm->avail_out;
    z.end_of_stream = flush == Z_FINISH ? 1 : 0;
    z.flush = flush == Z_NO_FLUSH || flush == Z_FINISH ? NO_FLUSH : flush == Z_FULL_FLUSH ? FULL_FLUSH : SYNC_FLUSH;
    const uInt in_before = strm->avail_in, out_before = strm->avail_out;
    if (isal_deflate(&z) != COMP_OK) {
        strm->msg = const_cast<char*>("ISA-L deflate failed");
        return Z_STREAM_ERROR;
    }
    const uInt consumed = in_before - z.avail_in, produced = out_before - z.avail_out;
    strm->next_in = z.next_in;
    strm->avail_in = z.avail_in;
    strm->next_out = z.next_out;
    strm->avail_out = z.avail_out;
    strm->total_in += consumed;
    strm->total_out += produced;
    if (z.internal_state.state == ZSTATE_END) {
        s.ended = true;
        return Z_STREAM_END;
    }
    return consumed == 0 && produced == 0 ? Z_BUF_ERROR : Z_OK;
}

}  // namespace

}  // namespace sm::render

// [SECTION] The zlib symbols
// cairo's only compressor is cairo-deflate-stream.c: deflateInit (the macro for deflateInit_),
// deflate, deflateEnd. Inside a scope, a default-level request gets an ISA-L level-1 stream;
// everything else is zlib's, unchanged.
extern "C" int deflateInit_(z_streamp strm, int level, const char* version, int stream_size) {
    if (sm::render::fast_deflate_active() && level == Z_DEFAULT_COMPRESSION && strm && version &&
        version[0] == ZLIB_VERSION[0] && stream_size == int(sizeof(z_stream)) && sm::render::make_isal_stream(strm))
        return Z_OK;
    // zlib's own deflateInit_ is deflateInit2_ with these arguments (deflate.c).
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

extern "C" int deflate(z_streamp strm, int flush) {
    using namespace sm::render;
    if (IsalStream* s = g_registry.find(strm)) return isal_deflate_step(*s, strm, flush);
    return next_symbol(g_zlib_deflate, "deflate")(strm, flush);
}

extern "C" int deflateEnd(z_streamp strm) {
    using namespace sm::render;
    if (g_registry.take(strm)) return Z_OK;
    return next_symbol(g_zlib_deflate_end, "deflateEnd")(strm);
}
