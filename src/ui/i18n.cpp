#include "ui/i18n.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace sm::ui {

// [SECTION] Languages
const char* lang_code(Lang lang) { return lang == Lang::ZhCN ? "zh-CN" : "en"; }
const char* lang_native_name(Lang lang) { return lang == Lang::ZhCN ? "简体中文" : "English"; }

std::optional<Lang> parse_lang(std::string_view text) {
    // Only the language part counts: "zh_CN.UTF-8@x" -> "zh".
    const auto end = text.find_first_of("_-.@:");
    const std::string_view language = text.substr(0, end);
    if (language == "en" || language == "C" || language == "POSIX") return Lang::En;
    if (language == "zh") {
        // Traditional Chinese has no table yet; Simplified reads better than English for it.
        return Lang::ZhCN;
    }
    return std::nullopt;
}

Lang system_lang() {
    // LANGUAGE is a colon-separated priority list (GNU); the first we have wins.
    if (const char* list = std::getenv("LANGUAGE"); list && *list) {
        std::string_view rest(list);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            if (auto l = parse_lang(rest.substr(0, colon)); l && rest.substr(0, colon) != "C") return *l;
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (!v || !*v) continue;
        return parse_lang(v).value_or(Lang::En);  // the first one set decides, as in POSIX
    }
    return Lang::En;
}

// [SECTION] The current language
// Module state like ImGui's context: the language is one per process, and every panel reads it.
namespace {
Lang g_language = Lang::En;
std::vector<Translation> g_table;                         // all parts, filled on first use
std::unordered_map<std::string_view, const char*> g_zh;  // English -> Chinese, filled on first use
}  // namespace

void set_language(Lang lang) { g_language = lang; }
Lang language() { return g_language; }

// [SECTION] Translation
const char* tr(const char* english) {
    if (g_language == Lang::En || !english) return english;
    if (g_zh.empty())
        for (const auto& t : translations()) g_zh.emplace(t.en, t.zh);
    const auto it = g_zh.find(english);
    return it == g_zh.end() || !*it->second ? english : it->second;
}

std::span<const Translation> translations() {
    if (g_table.empty()) {
        for (const auto part : {strings_app(), strings_panels()}) g_table.insert(g_table.end(), part.begin(), part.end());
    }
    return g_table;
}

std::string tr_id(const char* english, const char* id) { return std::string(tr(english)) + "###" + id; }

}  // namespace sm::ui
