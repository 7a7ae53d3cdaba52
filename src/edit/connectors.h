// Stagemap — commands on connectors (arrows between cards).
// Connectors have no id: name one with a ConnectorRef (primitives.h), its index plus its two
// ends, made with connector_ref(doc, index). Every factory returns one undo step, or null when
// the gesture is invalid or changes nothing.
#pragma once

#include <string>
#include <vector>

#include "edit/history.h"
#include "edit/primitives.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Connectors
// Appends an arrow from → to. Null when from == to, either card is unknown, or the same
// from → to arrow already exists.
CommandPtr add_connector(const Document& doc, const CardId& from, const CardId& to,
                         Direction direction = Direction::Forward, std::string label = {});
// Replaces the whole value (ends, direction, label, unknown keys). Null when the reference
// resolves to nothing, the new ends are equal or unknown, or nothing changes.
CommandPtr set_connector(const Document& doc, const ConnectorRef& ref, Connector value);
// Swaps from and to.
CommandPtr reverse_connector(const Document& doc, const ConnectorRef& ref);
CommandPtr delete_connector(const Document& doc, const ConnectorRef& ref);
// Deletes several connectors as one step ("Delete 3 connectors").
CommandPtr delete_connectors(const Document& doc, const std::vector<ConnectorRef>& refs);

}  // namespace sm::edit
