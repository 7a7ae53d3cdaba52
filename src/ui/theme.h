// Stagemap — the ImGui style: a calm light or dark theme, scaled for HiDPI.
#pragma once

#include "ui/settings.h"

namespace sm::ui {

void apply_style(ThemeChoice theme, float scale);

}  // namespace sm::ui
