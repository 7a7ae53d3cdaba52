#include "ui/session.h"

#include <cstdio>

#include "edit/tiers.h"
#include "ui/i18n.h"

namespace sm::ui {

// [SECTION] Session
std::string Session::display_name() const { return path.empty() ? std::string(tr("Untitled")) : path.filename().string(); }

bool Session::execute(edit::CommandPtr command) {
    if (!command) return false;
    history.execute(std::move(command));
    return true;
}

// [SECTION] Files
namespace {
std::string format_number(const char* format, int n) {
    char buf[128];
    std::snprintf(buf, sizeof buf, format, n);
    return buf;
}
}  // namespace

Document starter_document() {
    // Names, tiers and the content's locale follow the interface language.
    Document d;
    d.locale = language() == Lang::ZhCN ? lang_code(Lang::ZhCN) : "";
    d.title = tr("Untitled blueprint");
    d.phases.push_back(Phase{PhaseId("phase-1"), format_number(tr("Phase %d"), 1), {}, {}});
    for (int i = 1; i <= 3; ++i) {
        Step s;
        s.id = StepId("step-" + std::to_string(i));
        s.phase = PhaseId("phase-1");
        s.name = format_number(tr("Step %d"), i);
        d.steps.push_back(std::move(s));
    }
    const std::pair<LaneKind, const char*> lanes[] = {
        {LaneKind::Evidence, tr("Physical evidence")},
        {LaneKind::Customer, tr("Customer actions")},
        {LaneKind::Frontstage, tr("Frontstage actions")},
        {LaneKind::Backstage, tr("Backstage actions")},
        {LaneKind::Support, tr("Support processes")},
    };
    for (const auto& [kind, name] : lanes) {
        Lane l;
        l.id = LaneId("lane-" + std::string(to_string(kind)));
        l.kind = kind;
        l.name = name;
        d.lanes.push_back(std::move(l));
    }
    // The four tiers of current × potential value, with their service strategies (domain.md §3).
    d.tiers = edit::tier_preset(edit::TierPreset::ValueQuadrants, d.locale);
    return d;
}

OpenResult open_into(Session& session, const std::filesystem::path& path) {
    OpenResult r;
    auto loaded = io::load_file(path);
    r.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.document) return r;
    session.history.reset(std::move(*loaded.document));
    std::error_code ec;
    auto abs = std::filesystem::absolute(path, ec);
    session.path = ec ? path : abs.lexically_normal();
    session.restored_unsaved = false;
    session.warnings = r.diagnostics;
    r.ok = true;
    return r;
}

io::SaveResult save_to(Session& session, const std::filesystem::path& path) {
    auto r = io::save_file(session.doc(), path);
    if (!r.ok) return r;
    std::error_code ec;
    auto abs = std::filesystem::absolute(path, ec);
    session.path = ec ? path : abs.lexically_normal();
    session.history.mark_saved();
    session.restored_unsaved = false;
    return r;
}

void start_new(Session& session) {
    session.history.reset(starter_document());
    session.path.clear();
    session.restored_unsaved = false;
    session.warnings.clear();
}

std::filesystem::path with_blueprint_extension(std::filesystem::path p) {
    const std::string name = p.filename().string();
    if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0) return p;
    p += ".blueprint.json";
    return p;
}

}  // namespace sm::ui
