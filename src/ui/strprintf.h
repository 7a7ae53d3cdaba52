// Stagemap — printf into a std::string, for the translated formats of the GUI:
// strprintf(translated_format, n). The format comes from the language table, so the compiler cannot
// check it; tests/ui/test_i18n.cpp checks that both languages have the same directives.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <string>

namespace sm::ui {

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
inline std::string strprintf(const char* format, ...) {
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
    const int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string out;
    if (n > 0) {
        out.resize(static_cast<std::size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), format, again);
        out.resize(static_cast<std::size_t>(n));
    }
    va_end(again);
    return out;
}

}  // namespace sm::ui
