// Tests of wrap_text and the UTF-8 helpers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/layout.h"

using sm::layout::FixedMeasurer;
using sm::layout::wrap_text;
using Lines = std::vector<std::string>;

namespace {
// True when s is well-formed UTF-8.
bool valid_utf8(const std::string& s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const auto c = sm::layout::decode_utf8(s, pos);
        if (c.code_point == 0xFFFD && s.compare(pos, 3, "\xEF\xBF\xBD") != 0) return false;
        pos += c.length;
    }
    return true;
}
std::string strip_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n') out += c;
    return out;
}
}  // namespace

// [SECTION] Measuring
TEST_CASE("fixed measurer: Latin 0.55 em, CJK 1 em per code point") {
    FixedMeasurer m;
    CHECK(m.width("abcd", 10) == doctest::Approx(22));
    CHECK(m.width("服务", 10) == doctest::Approx(20));
    CHECK(m.width("a服", 10) == doctest::Approx(15.5));
    CHECK(m.width("", 10) == 0);
}

TEST_CASE("format_number drops trailing zeros") {
    using sm::layout::format_number;
    CHECK(format_number(18) == "18");
    CHECK(format_number(18.0) == "18");
    CHECK(format_number(2.5) == "2.5");
    CHECK(format_number(0.25) == "0.25");
    CHECK(format_number(1.004) == "1");
    CHECK(format_number(-0.001) == "0");
    CHECK(format_number(120) == "120");
}

// [SECTION] Wrapping
TEST_CASE("wrap_text breaks Latin text at spaces") {
    FixedMeasurer m;  // 5.5 per letter at size 10
    CHECK(wrap_text(m, "the quick brown fox", 10, 50) == Lines{"the quick", "brown fox"});
    CHECK(wrap_text(m, "the quick brown fox", 10, 1000) == Lines{"the quick brown fox"});
    CHECK(wrap_text(m, "  spaced   out  ", 10, 1000) == Lines{"spaced out"});
}

TEST_CASE("wrap_text breaks between CJK characters") {
    FixedMeasurer m;
    CHECK(wrap_text(m, "服务蓝图很重要", 10, 30) == Lines{"服务蓝", "图很重", "要"});
    CHECK(wrap_text(m, "服务蓝图", 10, 40) == Lines{"服务蓝图"});
}

TEST_CASE("wrap_text on mixed Chinese and Latin text") {
    FixedMeasurer m;
    CHECK(wrap_text(m, "用App下单", 10, 30) == Lines{"用App", "下单"});
    CHECK(wrap_text(m, "顾客 opens the app 打开", 10, 70) == Lines{"顾客 opens", "the app 打开"});
}

TEST_CASE("wrap_text keeps closing punctuation off the start of a line") {
    FixedMeasurer m;
    const Lines lines = wrap_text(m, "你好，世界。再见！", 10, 20);
    for (const std::string& l : lines) {
        CHECK(l.rfind("，", 0) != 0);
        CHECK(l.rfind("。", 0) != 0);
        CHECK(l.rfind("！", 0) != 0);
    }
    CHECK(strip_spaces([&] { std::string s; for (auto& l : lines) s += l; return s; }()) == "你好，世界。再见！");
}

TEST_CASE("wrap_text hard-breaks a word wider than the line") {
    FixedMeasurer m;
    CHECK(wrap_text(m, "abcdefghij", 10, 20) == Lines{"abc", "def", "ghi", "j"});
    CHECK(wrap_text(m, "go supercalifragilistic now", 10, 40) ==
          Lines{"go", "superca", "lifragi", "listic", "now"});
    // Even a line narrower than one character gets one character per line.
    CHECK(wrap_text(m, "服务", 10, 1) == Lines{"服", "务"});
}

TEST_CASE("wrap_text keeps explicit newlines") {
    FixedMeasurer m;
    CHECK(wrap_text(m, "a\n\nb", 10, 100) == Lines{"a", "", "b"});
    CHECK(wrap_text(m, "first line\nsecond", 10, 1000) == Lines{"first line", "second"});
    CHECK(wrap_text(m, "", 10, 100).empty());
}

TEST_CASE("wrap_text never splits a UTF-8 sequence") {
    FixedMeasurer m;
    const std::string text = "顾客在门口等位😀，服务员递上柠檬水 and a menu, 然后 café crème。";
    for (float w : {1.0f, 7.0f, 12.0f, 23.0f, 31.0f, 55.0f, 80.0f}) {
        const Lines lines = wrap_text(m, text, 10, w);
        std::string joined;
        for (const std::string& l : lines) {
            CHECK(valid_utf8(l));
            joined += l;
        }
        CHECK(strip_spaces(joined) == strip_spaces(text));
    }
}

TEST_CASE("wrap_text survives malformed UTF-8") {
    FixedMeasurer m;
    const std::string bad = "ab\xff\xfe cd\xe4\xb8";
    const Lines lines = wrap_text(m, bad, 10, 12);
    std::string joined;
    for (const std::string& l : lines) joined += l;
    CHECK(strip_spaces(joined) == strip_spaces(bad));
}

TEST_CASE("decode_utf8 and is_wide") {
    using sm::layout::decode_utf8;
    CHECK(decode_utf8("A", 0).code_point == 'A');
    CHECK(decode_utf8("服", 0).code_point == 0x670D);
    CHECK(decode_utf8("服", 0).length == 3);
    CHECK(decode_utf8("\xC0\x80", 0).code_point == 0xFFFD);  // overlong
    CHECK(decode_utf8("\xE6\x9C", 0).length == 1);           // truncated
    CHECK(sm::layout::is_wide(U'服'));
    CHECK(sm::layout::is_wide(U'，'));
    CHECK_FALSE(sm::layout::is_wide(U'a'));
}
