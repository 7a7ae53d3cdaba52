// Stagemap — the analysis's findings and recommendations in the interface language. The analysis
// writes one English sentence per finding (Finding::text, Recommendation::text) with a stable
// `kind` and the ids of what it is about; in Chinese the sentence is rebuilt from the kind and the
// ids, with the names and numbers looked up in the document. Unknown kinds, or places the
// document no longer has, keep the English text.
#pragma once

#include <string>

#include "analysis/finding.h"
#include "analysis/peak_end.h"
#include "model/document.h"

namespace sm::ui {

std::string finding_text(const analysis::Finding& f, const Document& doc);
std::string finding_text(const analysis::Recommendation& r, const Document& doc);

}  // namespace sm::ui
