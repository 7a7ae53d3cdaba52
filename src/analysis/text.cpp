// Stagemap — small text helpers for the sentences the analysis writes.
#include "analysis/text.h"

#include <cstdio>

namespace sm::analysis::text {

// [SECTION] Names
namespace {
std::string quote(const std::string& name, const std::string& id) {
    return "\"" + (name.empty() ? id : name) + "\"";
}
}  // namespace

std::string quoted_name(const Step& s) { return quote(s.name, s.id.str()); }
std::string quoted_name(const Card& c) { return quote(c.title, c.id.str()); }
std::string quoted_name(const Tier& t) { return quote(t.name, t.id.str()); }

// [SECTION] Numbers
std::string signed_emotion(int e) {
    char buf[16];
    std::snprintf(buf, sizeof buf, e > 0 ? "+%d" : "%d", e);
    return buf;
}

std::string number(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

// [SECTION] Matching
std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
    return true;
}

}  // namespace sm::analysis::text
