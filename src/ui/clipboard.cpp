#include "ui/clipboard.h"

#include <algorithm>
#include <unordered_set>

#include "io/blueprint_io.h"
#include "ui/i18n.h"

namespace sm::ui {

// [SECTION] Copy
std::string clip_to_json(const Document& doc, const edit::Clip& clip) {
    std::unordered_set<StepId> steps;
    std::unordered_set<LaneId> lanes;
    std::unordered_set<TierId> tiers;
    for (const auto& c : clip.cards) {
        steps.insert(c.step);
        lanes.insert(c.lane);
        for (const auto& t : c.tiers) tiers.insert(t);
    }
    std::unordered_set<PhaseId> phases;
    for (const auto& s : doc.steps)
        if (steps.count(s.id)) phases.insert(s.phase);

    Document out;
    out.title = "Stagemap clipboard";
    out.locale = doc.locale;
    // Document order keeps every rule of the format (phases' steps contiguous, lane order).
    for (const auto& p : doc.phases)
        if (phases.count(p.id)) out.phases.push_back(p);
    for (const auto& s : doc.steps)
        if (steps.count(s.id)) out.steps.push_back(s);
    for (const auto& l : doc.lanes)
        if (lanes.count(l.id)) out.lanes.push_back(l);
    for (const auto& t : doc.tiers)
        if (tiers.count(t.id)) out.tiers.push_back(t);
    out.cards = clip.cards;
    out.connectors = clip.connectors;
    return io::to_text(out);
}

// [SECTION] Paste
std::optional<edit::Clip> clip_from_json(std::string_view text, std::string* error) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] != '{') {
        if (error) *error = tr("The clipboard holds no blueprint cards.");
        return std::nullopt;
    }
    auto loaded = io::load_text(text);
    if (!loaded.document) {
        if (error) {
            const auto errs = loaded.errors();
            *error = tr("The clipboard text is not a valid blueprint");
            if (!errs.empty()) *error += ": " + errs.front().to_string();
        }
        return std::nullopt;
    }
    edit::Clip clip;
    clip.cards = std::move(loaded.document->cards);
    clip.connectors = std::move(loaded.document->connectors);
    if (clip.cards.empty()) {
        if (error) *error = tr("The blueprint on the clipboard has no cards.");
        return std::nullopt;
    }
    return clip;
}

}  // namespace sm::ui
