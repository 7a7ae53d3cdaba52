// Stagemap — the edit module in one include: the History and every command factory.
// [SECTION] Includes
#pragma once

#include "edit/cards.h"  // IWYU pragma: export
#include "edit/clipboard.h"  // IWYU pragma: export
#include "edit/connectors.h"  // IWYU pragma: export
#include "edit/document_fields.h"  // IWYU pragma: export
#include "edit/history.h"  // IWYU pragma: export
#include "edit/primitives.h"  // IWYU pragma: export
#include "edit/structure.h"  // IWYU pragma: export
#include "edit/tiers.h"  // IWYU pragma: export
