#include "ui/actions.h"

#include <imgui.h>

#include <algorithm>
#include <string_view>

#include "edit/edit.h"
#include "ui/app_state.h"
#include "ui/clipboard.h"
#include "ui/i18n.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] History
namespace {

// The undo names of the edit commands (src/edit) and of the UI's own, English for the table.
constexpr const char* kCommandNames[] = {
    tr_mark("Add card"), tr_mark("Edit card"), tr_mark("Delete cards"), tr_mark("Add connector"),
    tr_mark("Add connectors"), tr_mark("Edit connector"), tr_mark("Reverse connector"), tr_mark("Delete connector"),
    tr_mark("Delete connectors"), tr_mark("Change title"), tr_mark("Change description"), tr_mark("Change language"),
    tr_mark("Add phase"), tr_mark("Rename phase"), tr_mark("Edit phase"), tr_mark("Delete phase"),
    tr_mark("Move phase"), tr_mark("Add step"), tr_mark("Rename step"), tr_mark("Edit step"), tr_mark("Delete step"),
    tr_mark("Delete steps"), tr_mark("Move step"), tr_mark("Move steps"), tr_mark("Set emotion"),
    tr_mark("Clear emotion"), tr_mark("Add lane"), tr_mark("Rename lane"), tr_mark("Edit lane"), tr_mark("Delete lane"),
    tr_mark("Move lane"), tr_mark("Add tier"), tr_mark("Rename tier"), tr_mark("Edit tier"), tr_mark("Move tier"),
    tr_mark("Delete tier"), tr_mark("Apply tier set"), tr_mark("Remove tier links"), tr_mark("Set tiers of card"),
    tr_mark("Pin as peak"), tr_mark("Exclude from peak"), tr_mark("Pin as end"), tr_mark("Automatic peak and end"),
};

// Names with a count: "<verb> <one>" for one, "<verb> <n> <many>" for more (edit::counted_name).
struct CountedName {
    const char* one;   // the whole name for one, English for the table
    const char* many;  // the format for more, English for the table
    const char* prefix;
    const char* suffix;
};
constexpr CountedName kCountedNames[] = {
    {tr_mark("Edit card"), tr_mark("Edit %zu cards"), "Edit ", " cards"},
    {tr_mark("Delete card"), tr_mark("Delete %zu cards"), "Delete ", " cards"},
    {tr_mark("Move card"), tr_mark("Move %zu cards"), "Move ", " cards"},
    {tr_mark("Duplicate card"), tr_mark("Duplicate %zu cards"), "Duplicate ", " cards"},
    {tr_mark("Paste card"), tr_mark("Paste %zu cards"), "Paste ", " cards"},
    {tr_mark("Delete connector"), tr_mark("Delete %zu connectors"), "Delete ", " connectors"},
    {tr_mark("Add vote"), tr_mark("Add %zu votes"), "Add ", " votes"},
    {tr_mark("Remove vote"), tr_mark("Remove %zu votes"), "Remove ", " votes"},
    {tr_mark("Set tiers of card"), tr_mark("Set tiers of %zu cards"), "Set tiers of ", " cards"},
};

}  // namespace

std::string command_label(const std::string& name) {
    if (language() == Lang::En) return name;
    for (const char* n : kCommandNames)
        if (name == n) return tr(n);
    for (const auto& c : kCountedNames) {
        if (name == c.one) return tr(c.one);
        const std::string_view prefix(c.prefix), suffix(c.suffix);
        if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
        if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
        return strprintf(tr(c.many), static_cast<std::size_t>(std::stoull(digits)));
    }
    return name;
}

void undo(AppState& app) {
    if (!app.session.history.can_undo()) return;
    const std::string name = app.session.history.undo_name();
    app.session.history.undo();
    app.selection.prune(app.doc());
    set_status(app, strprintf(tr("Undid %s"), command_label(name).c_str()));
}

void redo(AppState& app) {
    if (!app.session.history.can_redo()) return;
    const std::string name = app.session.history.redo_name();
    app.session.history.redo();
    app.selection.prune(app.doc());
    set_status(app, strprintf(tr("Redid %s"), command_label(name).c_str()));
}

// [SECTION] Delete and duplicate
bool has_deletable_selection(const AppState& app) { return !app.selection.empty(); }

void delete_selection(AppState& app) {
    const Document& doc = app.doc();
    auto& sel = app.selection;
    edit::CommandPtr cmd;
    switch (sel.kind) {
        case SelectionKind::None:
            return;
        case SelectionKind::Cards:
            cmd = edit::delete_cards(doc, sel.cards_in_document_order(doc));
            break;
        case SelectionKind::Step:
            cmd = edit::delete_step(doc, sel.step);
            break;
        case SelectionKind::Lane:
            cmd = edit::delete_lane(doc, sel.lane);
            break;
        case SelectionKind::Phase:
            cmd = edit::delete_phase(doc, sel.phase);
            break;
        case SelectionKind::Connector:
            cmd = edit::delete_connector(doc, sel.connector);
            break;
    }
    if (run(app, std::move(cmd))) sel.clear();
}

void duplicate_selection(AppState& app) {
    if (app.selection.kind != SelectionKind::Cards) return;
    auto made = edit::duplicate_cards(app.doc(), app.selection.cards_in_document_order(app.doc()));
    if (run(app, std::move(made.command))) app.selection.set_cards(made.ids);
}

// [SECTION] Clipboard
void copy_selection(AppState& app) {
    if (app.selection.kind != SelectionKind::Cards) return;
    const auto ids = app.selection.cards_in_document_order(app.doc());
    const auto clip = edit::copy_cards(app.doc(), ids);
    if (clip.cards.empty()) return;
    ImGui::SetClipboardText(clip_to_json(app.doc(), clip).c_str());
    set_status(app, clip.cards.size() == 1 ? std::string(tr("Copied 1 card")) : strprintf(tr("Copied %zu cards"), clip.cards.size()));
}

void cut_selection(AppState& app) {
    if (app.selection.kind != SelectionKind::Cards) return;
    copy_selection(app);
    delete_selection(app);
}

void paste(AppState& app) {
    const char* text = ImGui::GetClipboardText();
    if (!text) return;
    std::string error;
    auto clip = clip_from_json(text, &error);
    if (!clip) {
        set_status(app, error);
        return;
    }
    const auto cell = target_cell(app);
    if (!cell) {
        set_status(app, tr("Add a lane and a step before pasting cards."));
        return;
    }
    // Under the primary selected card, else at the bottom of the cell.
    int position = -1;
    if (const CardId* p = app.selection.primary()) {
        const int rank = edit::cell_position(app.doc(), *p);
        if (rank >= 0) position = rank + 1;
    }
    auto made = edit::paste_cards(app.doc(), clip->cards, clip->connectors, cell->lane, cell->step, position);
    if (run(app, std::move(made.command))) app.selection.set_cards(made.ids);
}

void select_all(AppState& app) {
    std::vector<CardId> ids;
    for (const auto& c : app.doc().cards) ids.push_back(c.id);
    app.selection.set_cards(std::move(ids));
}

// [SECTION] Adding
std::optional<Cell> target_cell(const AppState& app) {
    const Document& doc = app.doc();
    const auto& sel = app.selection;
    if (const CardId* p = sel.primary())
        if (const Card* c = doc.find(*p)) return Cell{c->lane, c->step};
    if (!sel.cell_lane.empty() && !sel.cell_step.empty() && doc.find(sel.cell_lane) && doc.find(sel.cell_step))
        return Cell{sel.cell_lane, sel.cell_step};
    if (doc.lanes.empty() || doc.steps.empty()) return std::nullopt;
    LaneId lane = doc.lanes.front().id;
    StepId step = doc.steps.front().id;
    for (const auto& l : doc.lanes)
        if (l.kind == LaneKind::Customer) {
            lane = l.id;
            break;
        }
    if (sel.kind == SelectionKind::Lane) lane = sel.lane;
    if (sel.kind == SelectionKind::Step) step = sel.step;
    return Cell{lane, step};
}

CardId add_card_in_cell(AppState& app, const Cell& cell, std::string title) {
    Card card = edit::new_card(app.doc(), cell.lane, cell.step, std::move(title));
    const CardId id = card.id;
    if (!run(app, edit::add_card(app.doc(), std::move(card)))) return {};
    app.selection.set_card(id);
    app.selection.set_cell(cell.lane, cell.step);
    return id;
}

void add_card_and_edit(AppState& app) {
    const auto cell = target_cell(app);
    if (!cell) {
        set_status(app, tr("A card needs a lane and a step: add them first."));
        return;
    }
    const CardId id = add_card_in_cell(app, *cell);
    if (!id.empty()) begin_edit(app, EditTarget::CardTitle, id.str(), true);
}

void add_step(AppState& app) {
    const Document& doc = app.doc();
    PhaseId phase;
    int position = -1;
    const StepId* after = nullptr;
    if (app.selection.kind == SelectionKind::Step) after = &app.selection.step;
    else if (const CardId* p = app.selection.primary()) {
        if (const Card* c = doc.find(*p)) after = &c->step;
    } else if (!app.selection.cell_step.empty()) {
        after = &app.selection.cell_step;
    }
    if (after) {
        if (const Step* s = doc.find(*after)) {
            phase = s->phase;
            const auto run_steps = edit::phase_steps(doc, phase);
            const auto it = std::find(run_steps.begin(), run_steps.end(), *after);
            position = static_cast<int>(it - run_steps.begin()) + 1;
        }
    }
    if (phase.empty() && app.selection.kind == SelectionKind::Phase) phase = app.selection.phase;
    if (phase.empty() && !doc.phases.empty()) phase = doc.phases.back().id;
    if (phase.empty()) {
        add_phase(app);
        return;
    }
    Step step = edit::new_step(doc, phase, tr("New step"));
    const StepId id = step.id;
    if (run(app, edit::add_step(doc, std::move(step), position))) {
        app.selection.set_step(id);
        begin_edit(app, EditTarget::StepName, id.str());
    }
}

void add_lane(AppState& app) {
    const Document& doc = app.doc();
    int index = -1;
    LaneKind kind = LaneKind::Custom;
    if (app.selection.kind == SelectionKind::Lane) {
        index = doc.lane_index(app.selection.lane) + 1;
        if (const Lane* l = doc.find(app.selection.lane)) kind = l->kind;
    }
    Lane lane = edit::new_lane(doc, kind, tr("New lane"));
    const LaneId id = lane.id;
    if (run(app, edit::add_lane(doc, std::move(lane), index))) {
        app.selection.set_lane(id);
        begin_edit(app, EditTarget::LaneName, id.str());
    }
}

void add_phase(AppState& app) {
    const Document& doc = app.doc();
    int index = -1;
    if (app.selection.kind == SelectionKind::Phase) index = doc.phase_index(app.selection.phase) + 1;
    const Phase phase = edit::new_phase(doc, tr("New phase"));
    const PhaseId pid = phase.id;
    auto add = edit::add_phase(doc, phase, index);
    if (!add) return;
    // The phase and its first step as one undo step: the step is made on a scratch copy of the
    // document as it will be once the phase exists.
    Document next = doc;
    edit::add_phase(doc, phase, index)->apply(next);
    Step step = edit::new_step(next, pid, tr("New step"));
    auto add_step_cmd = edit::add_step(next, std::move(step));
    auto both = std::make_unique<edit::CompositeCommand>("Add phase");
    both->add(std::move(add));
    both->add(std::move(add_step_cmd));
    if (run(app, std::move(both))) {
        app.selection.set_phase(pid);
        begin_edit(app, EditTarget::PhaseName, pid.str());
    }
}

}  // namespace sm::ui
