// Stagemap — commands on the document's own text fields: title, description, locale.
// Each returns one undo step, or null when the value is unchanged.
#pragma once

#include <string>

#include "edit/history.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Document fields
CommandPtr set_title(const Document& doc, std::string title);              // "Change title"
CommandPtr set_description(const Document& doc, std::string description);  // "Change description"
CommandPtr set_locale(const Document& doc, std::string locale);            // "Change language"

}  // namespace sm::edit
