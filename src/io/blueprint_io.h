// Stagemap — load, validate and save blueprint files (format v1, docs/format.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace sm::io {

// [SECTION] Diagnostics
enum class Severity { Error, Warning };

// One finding about a file. `where` is a JSON path ("cards[3].lane"), "line L, column C" for a
// syntax error, or empty when the finding is about the file as a whole.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string where;
    std::string message;

    std::string to_string() const;  // "where: message" (or just the message)
    bool operator==(const Diagnostic&) const = default;
};

struct LoadResult {
    std::optional<Document> document;  // set when the file was accepted (warnings allowed)
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return document.has_value(); }
    std::vector<Diagnostic> errors() const;
    std::vector<Diagnostic> warnings() const;
};

// [SECTION] Limits against hostile input
inline constexpr std::size_t kMaxFileBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxNestingDepth = 64;
inline constexpr int kFormatVersion = 1;
inline constexpr std::string_view kFormatName = "stagemap.blueprint";

// [SECTION] Loading
// Parse and validate a whole file's text. Every error is reported, not just the first.
LoadResult load_text(std::string_view text);
// Read a file (refusing files over kMaxFileBytes before reading them) and load its text.
LoadResult load_file(const std::filesystem::path& path);

// Validate an in-memory document against every rule of the format that the type system does
// not already enforce (references, uniqueness, ranges, contiguous phases, lane order).
// Used by load_text after conversion, and by anything that builds documents another way.
std::vector<Diagnostic> validate(const Document& doc);

// [SECTION] Saving
// The canonical text: 2-space indent, keys in format order with unknown keys after them in
// their original order, UTF-8 as is, final newline. The same document gives the same bytes.
std::string to_text(const Document& doc);

struct SaveResult {
    bool ok = true;
    std::string error;  // why the save failed, naming the file
};

struct SaveOptions {
    bool keep_backup = true;  // keep the previous version as NAME.bak
};

// Write bytes atomically: a temporary file in the same folder, flushed and fsynced, renamed
// over the target. On failure the old file is left intact and the temporary file removed.
SaveResult write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                             const SaveOptions& options = {});
SaveResult save_file(const Document& doc, const std::filesystem::path& path, const SaveOptions& options = {});

}  // namespace sm::io
