// Stagemap benchmarks — joining strings without `"literal" + std::string` (GCC 12 reports a false
// -Wrestrict on it in inlined code, and CI builds with -Werror).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sm::bench {

// [SECTION] Joining
inline std::string cat(std::initializer_list<std::string_view> parts) {
    std::string s;
    std::size_t n = 0;
    for (auto p : parts) n += p.size();
    s.reserve(n);
    for (auto p : parts) s += p;
    return s;
}

}  // namespace sm::bench
