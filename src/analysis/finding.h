// Stagemap — a finding of the blueprint analysis: something a service designer should look at.
// Shared by the tier analysis (tiers.h) and the blueprint checks (checks.h).
#pragma once

#include <optional>
#include <string>

#include "model/document.h"

namespace sm::analysis {

// [SECTION] Finding
// `kind` is a stable lower-case word for tools and tests ("no-own-frontstage", "long-wait", …);
// `text` is one English sentence for people. The place fields say what the finding is about;
// which of them are set depends on the kind (documented with each kind).
struct Finding {
    std::string kind;
    std::optional<StepId> step;
    std::optional<CardId> card;
    std::optional<TierId> tier;
    std::string text;

    bool operator==(const Finding&) const = default;
};

}  // namespace sm::analysis
