// Stagemap — PNG files from cairo ARGB32 pixels (see png_writer.h).
#include "render/png_writer.h"

#include <isa-l/crc.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "render/isal_zlib.h"

namespace sm::render {

namespace {

// [SECTION] Output
// Where the bytes go: a file or a string. `write` returns false when they could not be written.
class Sink {
public:
    virtual ~Sink() = default;
    virtual bool write(const unsigned char* data, std::size_t size) = 0;
};

class FileSink final : public Sink {
public:
    explicit FileSink(std::FILE* f) : f_(f) {}
    bool write(const unsigned char* data, std::size_t size) override {
        if (size == 0 || std::fwrite(data, 1, size, f_) == size) return true;
        if (error == 0) error = errno ? errno : EIO;
        return false;
    }
    int error = 0;  // errno of the first failed write

private:
    std::FILE* f_;
};

class StringSink final : public Sink {
public:
    bool write(const unsigned char* data, std::size_t size) override {
        out.append(reinterpret_cast<const char*>(data), size);
        return true;
    }
    std::string out;
};

void put_u32(unsigned char* p, std::uint32_t v) {
    p[0] = static_cast<unsigned char>(v >> 24);
    p[1] = static_cast<unsigned char>(v >> 16);
    p[2] = static_cast<unsigned char>(v >> 8);
    p[3] = static_cast<unsigned char>(v);
}

// One chunk: length, type, data, CRC of type and data.
bool write_chunk(Sink& sink, const char type[4], const unsigned char* data, std::size_t size) {
    unsigned char head[8];
    put_u32(head, static_cast<std::uint32_t>(size));
    std::memcpy(head + 4, type, 4);
    std::uint32_t crc = png_crc(0, head + 4, 4);
    crc = png_crc(crc, data, size);
    unsigned char tail[4];
    put_u32(tail, crc);
    return sink.write(head, 8) && sink.write(data, size) && sink.write(tail, 4);
}

// [SECTION] Rows
// One row of cairo pixels as PNG samples: RGB, or RGBA with straight alpha (rounded as cairo
// rounds it when it writes a PNG).
void row_rgb(const unsigned char* src, int width, unsigned char* out) {
    for (int x = 0; x < width; ++x, out += 3) {
        std::uint32_t px;
        std::memcpy(&px, src + std::size_t(x) * 4, 4);
        out[0] = static_cast<unsigned char>(px >> 16);
        out[1] = static_cast<unsigned char>(px >> 8);
        out[2] = static_cast<unsigned char>(px);
    }
}

void row_rgba(const unsigned char* src, int width, unsigned char* out) {
    for (int x = 0; x < width; ++x, out += 4) {
        std::uint32_t px;
        std::memcpy(&px, src + std::size_t(x) * 4, 4);
        const std::uint32_t a = px >> 24, r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
        if (a == 0) {
            out[0] = out[1] = out[2] = out[3] = 0;
        } else {
            out[0] = static_cast<unsigned char>((r * 255 + a / 2) / a);
            out[1] = static_cast<unsigned char>((g * 255 + a / 2) / a);
            out[2] = static_cast<unsigned char>((b * 255 + a / 2) / a);
            out[3] = static_cast<unsigned char>(a);
        }
    }
}

// PNG filter type 2 (Up): each byte minus the byte above it (the row above the first is zero).
constexpr unsigned char kFilterUp = 2;

void filter_up(const unsigned char* cur, const unsigned char* prev, std::size_t n, unsigned char* out) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(cur[i] - prev[i]);
}

// [SECTION] Compression
// The IDAT stream: filtered rows in batches through ISA-L's level-1 deflate with the zlib
// wrapper; every full output buffer becomes one IDAT chunk.
class IdatWriter {
public:
    explicit IdatWriter(Sink& sink) : sink_(sink), level_buf_(kIsalLevel1BufSize), out_(kOutSize) {
        init_level1_zlib(z_, level_buf_.data());
    }

    bool add(const unsigned char* data, std::size_t size, bool last) {
        z_.next_in = const_cast<unsigned char*>(data);
        z_.avail_in = static_cast<std::uint32_t>(size);
        z_.end_of_stream = last ? 1 : 0;
        do {
            z_.next_out = out_.data();
            z_.avail_out = static_cast<std::uint32_t>(out_.size());
            const int status = isal_deflate(&z_);
            if (status != COMP_OK) {
                problem = "compression failed (ISA-L status " + std::to_string(status) + ")";
                return false;
            }
            const std::size_t produced = out_.size() - z_.avail_out;
            if (produced > 0 && !write_chunk(sink_, "IDAT", out_.data(), produced)) return false;
        } while (z_.avail_in > 0 || (last && z_.internal_state.state != ZSTATE_END));
        return true;
    }

    std::string problem;  // why add() failed, when the output did not

private:
    static constexpr std::size_t kOutSize = 256 * 1024;
    Sink& sink_;
    isal_zstream z_{};
    std::vector<std::uint8_t> level_buf_;
    std::vector<unsigned char> out_;
};

constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

// [SECTION] Encoder
// Signature and IHDR first, then rows in order (filtered in batches of about 256 KiB, which stay
// in cache for the compressor), then IEND.
class Encoder {
public:
    Encoder(Sink& sink, int width, int height, bool opaque)
        : sink_(sink), width_(width), height_(height), opaque_(opaque),
          samples_(std::size_t(width) * (opaque ? 3 : 4)), row_bytes_(samples_ + 1),
          batch_rows_(int(std::max<std::size_t>(1, (256 * 1024) / row_bytes_))), prev_(samples_, 0), cur_(samples_),
          batch_(row_bytes_ * std::size_t(batch_rows_)), idat_(sink) {
        unsigned char ihdr[13];
        put_u32(ihdr, static_cast<std::uint32_t>(width));
        put_u32(ihdr + 4, static_cast<std::uint32_t>(height));
        ihdr[8] = 8;                         // bits per sample
        ihdr[9] = opaque ? 2 : 6;            // colour type: RGB, or RGB with alpha
        ihdr[10] = ihdr[11] = ihdr[12] = 0;  // deflate, adaptive filtering, no interlace
        ok_ = sink.write(kSignature, sizeof kSignature) && write_chunk(sink, "IHDR", ihdr, sizeof ihdr);
    }

    bool add_rows(const Argb32Pixels& px) {
        for (int y = 0; ok_ && y < px.height; ++y) {
            if (rows_done_ >= height_) {
                problem_ = "more rows than the image's " + std::to_string(height_);
                return ok_ = false;
            }
            const unsigned char* src = px.data + std::size_t(y) * std::size_t(px.stride);
            if (opaque_) row_rgb(src, width_, cur_.data());
            else row_rgba(src, width_, cur_.data());
            unsigned char* out = batch_.data() + std::size_t(in_batch_) * row_bytes_;
            out[0] = kFilterUp;
            filter_up(cur_.data(), prev_.data(), samples_, out + 1);
            std::swap(prev_, cur_);
            ++rows_done_;
            if (++in_batch_ == batch_rows_ || rows_done_ == height_) {
                ok_ = idat_.add(batch_.data(), std::size_t(in_batch_) * row_bytes_, rows_done_ == height_);
                if (!ok_) problem_ = idat_.problem;
                in_batch_ = 0;
            }
        }
        return ok_;
    }

    bool finish() {
        if (ok_ && rows_done_ != height_) {
            problem_ = "only " + std::to_string(rows_done_) + " of " + std::to_string(height_) + " rows were drawn";
            ok_ = false;
        }
        if (ok_ && height_ == 0) {
            ok_ = idat_.add(nullptr, 0, true);
            if (!ok_) problem_ = idat_.problem;
        }
        return ok_ && write_chunk(sink_, "IEND", nullptr, 0);
    }

    // Why the encoding failed when writing did not ("" when a write failed).
    const std::string& problem() const { return problem_; }

private:
    Sink& sink_;
    int width_, height_;
    bool opaque_;
    std::size_t samples_, row_bytes_;
    int batch_rows_;
    std::vector<unsigned char> prev_, cur_, batch_;
    IdatWriter idat_;
    int rows_done_ = 0, in_batch_ = 0;
    bool ok_ = true;
    std::string problem_;
};

}  // namespace

// [SECTION] PngWriter
struct PngWriter::Impl {
    std::filesystem::path path;
    std::FILE* file = nullptr;
    bool created = false;   // the file was opened: remove it unless finished
    bool finished = false;  // finish() was called
    std::unique_ptr<FileSink> sink;
    std::unique_ptr<Encoder> encoder;
    std::string error;

    ~Impl() {
        close();
        if (created && !(finished && error.empty())) std::remove(path.string().c_str());  // a partial file
    }

    // Records the first failure: what the encoder says, else the failed write's errno.
    void fail(int err) {
        if (!error.empty()) return;
        std::string why = encoder ? encoder->problem() : std::string();
        if (why.empty()) why = std::strerror(sink && sink->error ? sink->error : (err ? err : EIO));
        error = "PNG export: cannot write " + path.string() + ": " + why;
    }

    void close() {
        encoder.reset();
        sink.reset();
        if (!file) return;
        const int closed = std::fclose(file);
        const int err = errno;
        file = nullptr;
        if (closed != 0) fail(err);
    }
};

PngWriter::PngWriter(const std::filesystem::path& path, int width, int height, bool opaque)
    : impl_(std::make_unique<Impl>()) {
    Impl& im = *impl_;
    im.path = path;
    im.file = std::fopen(path.string().c_str(), "wb");
    if (!im.file) {
        im.fail(errno);
        return;
    }
    im.created = true;
    im.sink = std::make_unique<FileSink>(im.file);
    im.encoder = std::make_unique<Encoder>(*im.sink, width, height, opaque);
}

PngWriter::~PngWriter() = default;

bool PngWriter::add_rows(const Argb32Pixels& rows) {
    Impl& im = *impl_;
    if (!im.error.empty()) return false;
    if (im.finished || !im.encoder) return false;  // after finish(): the file is done
    if (!im.encoder->add_rows(rows)) im.fail(errno);
    return im.error.empty();
}

std::string PngWriter::finish() {
    Impl& im = *impl_;
    if (im.finished) return im.error;
    im.finished = true;
    if (im.error.empty() && im.encoder && !im.encoder->finish()) im.fail(errno);
    im.close();
    return im.error;
}

const std::string& PngWriter::error() const { return impl_->error; }

// [SECTION] Whole images
std::uint32_t png_crc(std::uint32_t crc, const unsigned char* data, std::size_t size) {
    return size == 0 ? crc : crc32_gzip_refl(crc, data, size);
}

std::string encode_png(const Argb32Pixels& pixels, bool opaque) {
    StringSink sink;
    Encoder enc(sink, pixels.width, pixels.height, opaque);
    enc.add_rows(pixels);
    enc.finish();
    return std::move(sink.out);
}

std::string write_png_file(const Argb32Pixels& pixels, bool opaque, const std::filesystem::path& path) {
    PngWriter w(path, pixels.width, pixels.height, opaque);
    w.add_rows(pixels);
    return w.finish();
}

}  // namespace sm::render
