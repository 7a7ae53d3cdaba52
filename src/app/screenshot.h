// Stagemap — reading the framebuffer back and writing it as a PNG (libpng).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sm::app {

// [SECTION] Screenshots
struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // top row first
};

// Reads the current read buffer of the bound framebuffer (call after rendering, before swap).
Image read_framebuffer(int width, int height);
// Writes an RGB PNG (alpha dropped: the window is opaque). Returns an error message, or empty.
std::string write_png(const Image& image, const std::string& path);

}  // namespace sm::app
