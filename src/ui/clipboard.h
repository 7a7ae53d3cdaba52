// Stagemap — cards on the system clipboard as format-v1 JSON: a copy is a complete, valid
// blueprint holding the cards with the phases, steps, lanes and tiers they refer to, so it can
// be pasted into Stagemap, a text editor, or saved as a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "edit/clipboard.h"
#include "model/document.h"

namespace sm::ui {

std::string clip_to_json(const Document& doc, const edit::Clip& clip);
// Reads clipboard text; nothing when it is not a blueprint (the reason goes to `error`).
std::optional<edit::Clip> clip_from_json(std::string_view text, std::string* error = nullptr);

}  // namespace sm::ui
