// Stagemap — the customer journey as a Mermaid `journey` diagram (text for Markdown, wikis).
#pragma once

#include <string>

#include "model/document.h"

namespace sm::io {

// [SECTION] Export
// `journey`, `title` (left out when the title is empty), then one `section` per phase (in the
// steps' order) and one task per rated step: `<step>: <emotion + 3>: <actors>`, the actors being
// the names of the lanes that have cards at the step, in lane order (none: the first customer
// lane's name, else "Customer"). Unrated steps are left out and listed in a `%%` comment line;
// a phase without rated steps gets no section.
//
// Names are made safe for Mermaid's journey lexer: ':' '#' ';' (and ',' in actor names) become
// the look-alikes '∶' '＃' '；' '，', a second '%' of "%%" becomes '％', line breaks and other
// control characters become spaces, runs of spaces collapse and ends are trimmed; the title
// keeps its ':'. A step name the lexer would take for a keyword (journey, title, section,
// accTitle, accDescr — case-insensitive) gets an invisible U+200B ZERO WIDTH SPACE in front.
// An empty name is replaced by the object's id. Lines end with "\n".
std::string to_mermaid(const Document& doc);

}  // namespace sm::io
