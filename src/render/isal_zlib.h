// Stagemap — ISA-L's deflate set up as both the PNG writer and the PDF export use it (not part of
// the module's interface): level 1 with the zlib wrapper (header and Adler-32 trailer), the
// stream zlib's deflateInit writes, several times faster.
#pragma once

#include <isa-l/igzip_lib.h>

#include <cstdint>

namespace sm::render {

// Bytes of the level buffer that init_level1_zlib needs (the caller owns it).
inline constexpr std::uint32_t kIsalLevel1BufSize = ISAL_DEF_LVL1_DEFAULT;

inline void init_level1_zlib(isal_zstream& z, std::uint8_t* level_buf) {
    isal_deflate_init(&z);
    z.level = 1;
    z.level_buf = level_buf;
    z.level_buf_size = kIsalLevel1BufSize;
    z.gzip_flag = IGZIP_ZLIB;
}

}  // namespace sm::render
