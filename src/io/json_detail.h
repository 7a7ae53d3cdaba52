// Internal to src/io: the JSON side of loading and saving. Not for other modules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/blueprint_io.h"

namespace sm::io::detail {

using Json = nlohmann::ordered_json;  // keeps key order, so unknown keys are written back as read

// Collects diagnostics; remembers which places already have an error so that a later pass does
// not report the same place again (a missing id is not also "an empty id").
class Diagnostics {
public:
    void error(std::string where, std::string message);
    void warning(std::string where, std::string message);
    bool has_errors() const { return error_count_ > 0; }
    int error_count() const { return error_count_; }
    // True when `where` or a place containing it (a prefix path) already has an error.
    bool covered(std::string_view where) const;
    std::vector<Diagnostic> take() { return std::move(list_); }
    const std::vector<Diagnostic>& list() const { return list_; }

private:
    std::vector<Diagnostic> list_;
    std::vector<std::string> error_places_;
    int error_count_ = 0;
};

// Parses JSON text into an ordered DOM. Syntax errors are named by line and column; also
// refuses nesting deeper than kMaxNestingDepth, duplicate keys and numbers out of range.
// Returns false (with diagnostics) when the text could not be read to its end; true when the
// DOM is complete, even if duplicate keys or out-of-range numbers were reported.
bool parse_json(std::string_view text, Json& out, Diagnostics& diags);

// Converts the DOM to a Document, checking every key's presence and type (paths like
// "cards[3].votes"). Semantic rules (references, uniqueness…) are validate()'s job.
Document from_json(const Json& root, Diagnostics& diags);

// Canonical DOM of a document, in format.md's key order with unknown keys after.
Json to_json(const Document& doc);

// Line and column (1-based; column in code points) of a byte offset in text.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset);

}  // namespace sm::io::detail
