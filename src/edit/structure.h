// Stagemap — commands on the blueprint's structure: phases, steps (columns) and lanes (rows).
// Every factory takes the document the gesture is made on and returns one undo step, or null
// when the gesture is invalid (unknown id, id already used, value out of range) or changes
// nothing. Pass the result to History::execute right away, on that same document.
//
// Steps of one phase stay contiguous: a new step goes inside its phase's run, a step moved to
// another phase goes into that phase's run, and a phase moved carries its run of steps along.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "edit/history.h"
#include "model/document.h"

namespace sm::edit {

// [SECTION] Phases
// A phase with a fresh id ("phase-N") and the name; not yet in the document.
Phase new_phase(const Document& doc, std::string name);
// Inserts at `index` (-1 or past the end: last). Null if phase.id is empty or used.
CommandPtr add_phase(const Document& doc, Phase phase, int index = -1);
CommandPtr rename_phase(const Document& doc, const PhaseId& id, std::string name);
// Replaces the whole value (value.id is ignored: the phase keeps `id`).
CommandPtr set_phase(const Document& doc, const PhaseId& id, Phase value);
// Deletes the phase, its steps, their cards and every connector touching those cards.
CommandPtr delete_phase(const Document& doc, const PhaseId& id);
// Moves the phase to final index `to_index` (clamped); its steps move with it so that runs
// follow the phase order.
CommandPtr move_phase(const Document& doc, const PhaseId& id, int to_index);

// [SECTION] Steps
// The steps of a phase, in array order.
std::vector<StepId> phase_steps(const Document& doc, const PhaseId& phase);

// A step of `phase` with a fresh id ("step-N") and the name; not yet in the document.
Step new_step(const Document& doc, const PhaseId& phase, std::string name);
// Inserts into step.phase's run at rank `position` (-1 or past the end: last of the run).
// Null if the id is empty or used, the phase unknown, or a value out of range.
CommandPtr add_step(const Document& doc, Step step, int position = -1);
CommandPtr rename_step(const Document& doc, const StepId& id, std::string name);
// Replaces the whole value, keeping `id`. A different value.phase moves the step to the end of
// that phase's run.
CommandPtr set_step(const Document& doc, const StepId& id, Step value);
// Emotion -2…+2, or nullopt for "not rated". Null when out of range or unchanged.
CommandPtr set_step_emotion(const Document& doc, const StepId& id, std::optional<int> emotion);
// Deletes the step, its cards and every connector touching them.
CommandPtr delete_step(const Document& doc, const StepId& id);
// Moves the step into `phase`'s run at final rank `position` among that run's other steps
// (-1 or past the end: last). Covers reordering within a phase and moving to another phase.
CommandPtr move_step(const Document& doc, const StepId& id, const PhaseId& phase, int position = -1);

// [SECTION] Lanes
// A lane with a fresh id ("lane-N"); not yet in the document.
Lane new_lane(const Document& doc, LaneKind kind, std::string name);
// Inserts at `index` (-1 or past the end: bottom). Null if lane.id is empty or used.
CommandPtr add_lane(const Document& doc, Lane lane, int index = -1);
CommandPtr rename_lane(const Document& doc, const LaneId& id, std::string name);
CommandPtr set_lane(const Document& doc, const LaneId& id, Lane value);
// Deletes the lane, its cards and every connector touching them.
CommandPtr delete_lane(const Document& doc, const LaneId& id);
CommandPtr move_lane(const Document& doc, const LaneId& id, int to_index);

}  // namespace sm::edit
