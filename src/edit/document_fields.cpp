#include "edit/document_fields.h"

#include "edit/primitives.h"

namespace sm::edit {

// [SECTION] Document fields
namespace {
CommandPtr set_text(const Document& doc, std::string Document::*field, std::string value, const char* name) {
    if (doc.*field == value) return nullptr;
    return std::make_unique<SetDocumentText>(name, field, std::move(value));
}
}  // namespace

CommandPtr set_title(const Document& doc, std::string title) {
    return set_text(doc, &Document::title, std::move(title), "Change title");
}
CommandPtr set_description(const Document& doc, std::string description) {
    return set_text(doc, &Document::description, std::move(description), "Change description");
}
CommandPtr set_locale(const Document& doc, std::string locale) {
    return set_text(doc, &Document::locale, std::move(locale), "Change language");
}

}  // namespace sm::edit
