// Stagemap — the interface language. Every string the user reads in the GUI goes through tr,
// the English text is the key, the table in strings_zh.cpp holds its 简体中文 form. A test
// (tests/ui/test_i18n.cpp) scans src/ui and src/app for its calls and fails when a string has
// no translation, when its printf directives differ between the languages, or when a
// user-visible ImGui call takes an untranslated English literal.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sm::ui {

// [SECTION] Languages
enum class Lang { En, ZhCN };

const char* lang_code(Lang lang);        // "en", "zh-CN" (also the document's `locale`)
const char* lang_native_name(Lang lang); // "English", "简体中文"
// "en", "en_GB.UTF-8", "zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans"… Nothing for others.
std::optional<Lang> parse_lang(std::string_view text);
// From LANGUAGE, LC_ALL, LC_MESSAGES and LANG, in the order POSIX gives them; English when
// none of them names a language we have.
Lang system_lang();

// [SECTION] The current language
void set_language(Lang lang);
Lang language();

// [SECTION] Translation
// The text of `english` in the current language; `english` itself in English or when the
// table lacks it (the completeness test keeps that from shipping).
const char* tr(const char* english);
// A window or popup title whose ImGui ID stays the same in every language ("Label###id").
std::string tr_id(const char* english, const char* id);
// Marks a literal for the table where tr() is called on it later (tables of shortcuts, presets).
constexpr const char* tr_mark(const char* english) { return english; }

struct Translation {
    const char* en;
    const char* zh;
};
// The whole table, for the tests and for baking the glyphs of a language.
std::span<const Translation> translations();

// The parts of the table (one file each, so that panels can be translated side by side).
std::span<const Translation> strings_app();     // strings_zh.cpp: menus, toolbar, app, workshop
std::span<const Translation> strings_panels();  // strings_zh_panels.cpp: panels, inspector, dialogs

}  // namespace sm::ui
