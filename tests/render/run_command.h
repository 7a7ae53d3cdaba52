// Helpers shared by the render tests.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace sm::test {

// A folder for a test's output files, under the build tree (kept for looking at afterwards).
inline std::filesystem::path output_dir(std::string_view name) {
    const std::filesystem::path dir = std::filesystem::path(STAGEMAP_BINARY_DIR) / "test-output" / name;
    std::filesystem::create_directories(dir);
    return dir;
}

// Runs a shell command (pdftotext, pdfinfo…) and returns what it printed on stdout.
inline std::string run(const std::string& cmd) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    if (!pipe) return out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
    return out;
}

}  // namespace sm::test
