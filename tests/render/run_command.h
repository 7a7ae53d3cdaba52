// Helpers shared by the render tests.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace sm::test {

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
