// Stagemap — tests of the analysis' text helpers (numbers and names in the sentences).
#include <doctest/doctest.h>

#include "analysis/text.h"
#include "fixture.h"

using namespace sm;
using namespace sm::analysis;

TEST_CASE("numbers are written as people write them") {
    CHECK(text::number(15) == "15");
    CHECK(text::number(2.5) == "2.5");
    CHECK(text::number(0.25) == "0.25");
    CHECK(text::number(2.0 / 3.0) == "0.67");
    CHECK(text::number(-1.0 / 3.0) == "-0.33");
    CHECK(text::number(0) == "0");
    CHECK(text::number(-0.001) == "0");  // rounds to zero: no "-0"
}

TEST_CASE("emotions carry their sign") {
    CHECK(text::signed_emotion(2) == "+2");
    CHECK(text::signed_emotion(0) == "0");
    CHECK(text::signed_emotion(-1) == "-1");
}

TEST_CASE("names are quoted, ids stand in for empty names") {
    Step s = fx::step("s-1", 0);
    CHECK(text::quoted_name(s) == "\"Step s-1\"");
    s.name.clear();
    CHECK(text::quoted_name(s) == "\"s-1\"");
    CHECK(text::quoted_name(fx::card("c-1", "l", "s", "")) == "\"c-1\"");
    CHECK(text::quoted_name(fx::tier("t", "价值客户", Level::High, Level::High)) == "\"价值客户\"");
}

TEST_CASE("ascii_lower keeps UTF-8; blank knows white space") {
    CHECK(text::ascii_lower("Visit 拜访 ABC") == "visit 拜访 abc");
    CHECK(text::blank(""));
    CHECK(text::blank(" \t\r\n"));
    CHECK_FALSE(text::blank(" x "));
}
