// Stagemap — the editing actions behind menus, shortcuts, the canvas and the inspector. Each
// builds commands from src/edit and runs them through the History.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "model/document.h"

namespace sm::ui {

struct AppState;

// [SECTION] History
void undo(AppState& app);
void redo(AppState& app);
// The name of an undo step (History::undo_name(), in English) in the interface language, for
// "Undo …" labels and status messages; names it does not know stay as they are.
std::string command_label(const std::string& name);

// [SECTION] Selection-based actions
bool has_deletable_selection(const AppState& app);
void delete_selection(AppState& app);
void duplicate_selection(AppState& app);
void copy_selection(AppState& app);
void cut_selection(AppState& app);
void paste(AppState& app);
void select_all(AppState& app);

// [SECTION] Adding
struct Cell {
    LaneId lane;
    StepId step;
};
// Where new and pasted cards go: the primary card's cell, else the keyboard's cell, else the
// selected step's or lane's first cell, else the first cell of the blueprint.
std::optional<Cell> target_cell(const AppState& app);
// Adds an empty card at the bottom of the cell, selects it; returns its id (empty on failure).
CardId add_card_in_cell(AppState& app, const Cell& cell, std::string title = {});
void add_card_and_edit(AppState& app);  // in target_cell(), then edit its title in place
void add_step(AppState& app);           // after the selected step (or at the end)
void add_lane(AppState& app);           // below the selected lane (or at the bottom)
void add_phase(AppState& app);          // after the selected phase, with one step

}  // namespace sm::ui
