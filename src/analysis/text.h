// Stagemap — small text helpers for the sentences the analysis writes (internal to the module).
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace sm::analysis::text {

// [SECTION] Names
// The name people know an object by, quoted: "Paying"; the id when the name is empty.
std::string quoted_name(const Step& s);
std::string quoted_name(const Card& c);  // the title, else the id
std::string quoted_name(const Tier& t);

// [SECTION] Numbers
// An emotion with its sign: "+2", "0", "-1".
std::string signed_emotion(int e);
// A number as people write it: 15, 2.5, -0.33 (rounded to two decimals, no trailing zeros).
std::string number(double x);

// [SECTION] Matching
// ASCII letters lowered, every other byte (UTF-8 included) kept as it is.
std::string ascii_lower(std::string_view s);
// True when s has no characters other than ASCII white space.
bool blank(std::string_view s);

}  // namespace sm::analysis::text
