// Stagemap — a blueprint's cards as CSV (RFC 4180), for spreadsheets: export and import.
//
// One row per card, columns kCsvColumns. Export writes UTF-8 with a byte order mark (so Excel
// shows Chinese), CRLF line ends, quotes only where needed. Phases, steps, lanes and tiers are
// written by name (trimmed). A name that is empty, shared by two objects of the same kind or
// equal to another one's id (and a tier name holding ';', the tiers' separator) is written as
// the object's id instead, so that the rows keep saying which cards share a step or a lane;
// an import then takes the id as the name.
//
// Spreadsheet formula injection: a text column (phase, step, lane, title, detail, fail, tiers,
// owner) whose value starts with = + - @ TAB or CR — possibly after some apostrophes — gets one
// apostrophe in front; import removes one leading apostrophe from such a value, so a round trip
// gives the text back exactly. Numbers (wait_min, votes, emotion: "-1") and the fixed words
// (lane_kind, channel) are never prefixed.
//
// The CSV holds only what a card row can: steps and lanes without cards, step durations,
// needs and opportunities, descriptions, connectors and tier details are not exported.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/blueprint_io.h"
#include "model/document.h"

namespace sm::io {

// [SECTION] Columns and limits
inline constexpr std::string_view kCsvColumns[] = {"phase",  "step",    "lane",   "lane_kind", "title",
                                                   "detail", "channel", "fail",   "wait_min",  "tiers",
                                                   "owner",  "votes",   "emotion"};
inline constexpr std::size_t kMaxCsvBytes = kMaxFileBytes;  // 64 MiB, refused before parsing
inline constexpr std::size_t kMaxCsvRows = 100000;          // rows after the header
inline constexpr std::size_t kMaxCsvFieldChars = 100000;    // characters (code points)
inline constexpr std::size_t kMaxCsvColumns = 1000;         // fields in the header row
inline constexpr std::size_t kMaxCsvErrors = 100;           // import stops after this many errors

// [SECTION] Export
// Every card, ordered by step, then lane, then stacking order. Empty cells: no channel, no
// wait, all tiers (tiers), unrated step (emotion). Tiers are joined by "; ".
std::string to_csv(const Document& doc);

// [SECTION] Import
// One finding about a CSV text. `line` is the 1-based line of the file where the row (or, for a
// problem with one field, that field) begins; 0 for the text as a whole.
struct CsvProblem {
    Severity severity = Severity::Error;
    std::size_t line = 0;
    std::string column;  // the column's name as the header spells it; empty for the whole row
    std::string message;

    std::string where() const;      // "line 7, column tiers", "line 7" or ""
    std::string to_string() const;  // "line 7, column tiers: message" ("…: warning: message")
    Diagnostic to_diagnostic() const;
    bool operator==(const CsvProblem&) const = default;
};

struct ImportResult {
    std::optional<Document> document;  // set only when there is no error (warnings allowed)
    std::vector<CsvProblem> problems;  // in line order

    bool ok() const { return document.has_value(); }
    std::vector<CsvProblem> errors() const;
    std::vector<CsvProblem> warnings() const;
};

// Builds a new blueprint from CSV text: a byte order mark or not, LF or CRLF, the header in any
// column order (names matched case-insensitively; phase, step, lane and title are required;
// unknown columns are ignored with a warning). Blank lines are skipped; every other row has as
// many fields as the header; a line break inside a quoted field may be LF or CRLF and becomes LF.
// Rules:
//  - phase, step and lane names (trimmed) identify the objects, created in order of first
//    appearance with ids slugged from the names ("p-arrival", "l-front-desk"; "p-1", "s-3"
//    when a name has no ASCII letters or digits). Steps keep together by phase: if rows
//    interleave phases, the steps of each phase follow one another, phases in order of first
//    appearance, steps in order of first appearance within their phase.
//  - Lanes take lane_kind, or a kind guessed from the name (guess_lane_kind); then they are
//    put in the canonical order (evidence … support), a custom lane staying below the lane it
//    first followed.
//  - A step under two phases, a lane given two kinds, or two different emotions for one step
//    are errors (an empty emotion or lane_kind cell agrees with anything).
//  - Cells: title, detail, fail and owner are kept as written (not trimmed); lane_kind and
//    channel are the format's words, any case; wait_min a number >= 0 ("2.5"), votes a whole
//    number >= 0, emotion a whole number from -2 to +2 ("+1" allowed). Empty: no channel, no
//    wait, 0 votes, all tiers, and (emotion) nothing said about the step.
//  - Tiers ("; "-separated names) are created in order of first appearance as t-1, t-2, … with
//    the Okabe–Ito colours in order (the eighth and later tiers get no colour).
//  - Cards get ids c-1, c-2, … in row order.
// Refused: text over kMaxCsvBytes, more than kMaxCsvRows rows, a field over kMaxCsvFieldChars
// characters, a header over kMaxCsvColumns fields, invalid UTF-8. After kMaxCsvErrors errors
// the import stops. The result is checked with validate(); its findings are reported too.
ImportResult from_csv(std::string_view text, std::string_view title = {});

// The lane kind a lane name suggests, from English and Chinese words ("Physical evidence",
// 有形展示, 顾客, 前台, 后台, 支持 …); Custom when nothing matches.
LaneKind guess_lane_kind(std::string_view lane_name);

}  // namespace sm::io
