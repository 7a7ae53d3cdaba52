// Stagemap — the inspector's panels, one per kind of selection (internal to the inspector).
#pragma once

#include "model/document.h"

namespace sm::ui {
struct AppState;
}

namespace sm::ui::inspector {

void card_panel(AppState& app, const Card& card);
void cards_panel(AppState& app);
void connector_panel(AppState& app, int index);
void step_panel(AppState& app, const Step& step);
void lane_panel(AppState& app, const Lane& lane);
void phase_panel(AppState& app, const Phase& phase);
void document_panel(AppState& app);
void tiers_panel(AppState& app);

}  // namespace sm::ui::inspector
