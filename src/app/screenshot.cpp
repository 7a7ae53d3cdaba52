#include "app/screenshot.h"

#include <epoxy/gl.h>
#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sm::app {

// [SECTION] Read back
Image read_framebuffer(int width, int height) {
    Image img;
    img.width = width;
    img.height = height;
    img.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    // OpenGL's rows go bottom-up; flip them.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* a = img.rgba.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* b = img.rgba.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    return img;
}

// [SECTION] PNG
std::string write_png(const Image& image, const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return "cannot write " + path + ": " + std::strerror(errno);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        if (png) png_destroy_write_struct(&png, nullptr);
        std::fclose(f);
        return "libpng could not start";
    }
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(image.width) * 3);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        std::fclose(f);
        return "libpng failed while writing " + path;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* src = image.rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) * 4;
        for (int x = 0; x < image.width; ++x) {
            rgb[static_cast<std::size_t>(x) * 3 + 0] = src[x * 4 + 0];
            rgb[static_cast<std::size_t>(x) * 3 + 1] = src[x * 4 + 1];
            rgb[static_cast<std::size_t>(x) * 3 + 2] = src[x * 4 + 2];
        }
        png_write_row(png, rgb.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fclose(f) != 0) return "cannot finish " + path + ": " + std::strerror(errno);
    return {};
}

}  // namespace sm::app
