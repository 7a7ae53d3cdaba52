// Stagemap benchmarks — a deterministic generator of realistic blueprints of any size.
// About 20 lanes (every kind, custom included), N/25 steps in N/250 + 3 phases, card titles in
// Chinese and English composed from word lists, one connector per two cards, four tiers with
// some cards linked, fail and wait points, emotions on most steps. Same size, same document.
#pragma once

#include <cstdint>
#include <string>

#include "model/document.h"

namespace sm::bench {

// [SECTION] Generator
struct GeneratorOptions {
    int cards = 1000;
    std::uint64_t seed = 0x5EED5743A9ULL;  // fixed: every run benchmarks the same documents
    int lanes = 20;
};

Document generate_blueprint(const GeneratorOptions& options);
inline Document generate_blueprint(int cards) {
    GeneratorOptions o;
    o.cards = cards;
    return generate_blueprint(o);
}

// A one-line description for the logs ("1000 cards, 40 steps, 7 phases, 20 lanes, 500 connectors").
std::string describe(const Document& doc);

}  // namespace sm::bench
