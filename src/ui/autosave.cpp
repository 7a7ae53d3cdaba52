#include "ui/autosave.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include "io/blueprint_io.h"
#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] Files
namespace {

std::filesystem::path meta_file(const std::filesystem::path& dir) { return dir / "autosave.meta"; }

std::string local_time(std::filesystem::file_time_type t) {
    const auto sys = std::chrono::file_clock::to_sys(t);
    const std::time_t tt = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(sys));
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

}  // namespace

std::filesystem::path autosave_file(const std::filesystem::path& dir) { return dir / "autosave.blueprint.json"; }

std::optional<AutosaveInfo> find_restorable(const std::filesystem::path& dir) {
    std::error_code ec;
    const auto file = autosave_file(dir);
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    AutosaveInfo info;
    info.file = file;
    std::ifstream meta(meta_file(dir));
    std::string line;
    while (std::getline(meta, line))
        if (line.rfind("original=", 0) == 0) info.original = line.substr(9);
    const auto saved = std::filesystem::last_write_time(file, ec);
    if (ec) return std::nullopt;
    info.saved_at = local_time(saved);
    if (!info.original.empty() && std::filesystem::exists(info.original, ec)) {
        const auto orig = std::filesystem::last_write_time(info.original, ec);
        if (!ec && orig >= saved) return std::nullopt;  // the file was saved after the autosave
    }
    return info;
}

// [SECTION] Writing
void write_autosave(AppState& app) {
    if (!app.persistent) return;
    const auto dir = state_dir();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const io::SaveOptions no_backup{.keep_backup = false};
    auto r = io::write_file_atomic(autosave_file(dir), io::to_text(app.doc()), no_backup);
    if (r.ok) r = io::write_file_atomic(meta_file(dir), "original=" + app.session.path.string() + "\n", no_backup);
    app.autosave.error = r.ok ? std::string{} : r.error;
    app.autosave.has_file = r.ok;
    app.autosave.written_revision = app.session.history.revision();
    app.autosave.last_write = app.now;
    if (!r.ok) set_status(app, strprintf(tr("Autosave failed: %s"), r.error.c_str()));
}

void discard_autosave(AppState& app) {
    if (!app.persistent) return;
    const auto dir = state_dir();
    std::error_code ec;
    std::filesystem::remove(autosave_file(dir), ec);
    std::filesystem::remove(meta_file(dir), ec);
    app.autosave.has_file = false;
    app.autosave.last_write = -1;
}

void autosave_tick(AppState& app) {
    if (!app.persistent) return;
    auto& a = app.autosave;
    if (!app.session.dirty()) {
        if (a.has_file) discard_autosave(app);
        a.last_write = -1;
        return;
    }
    if (a.last_write < 0) a.last_write = app.now;  // the interval starts when the work becomes unsaved
    if (app.now - a.last_write >= kAutosaveInterval && app.session.history.revision() != a.written_revision)
        write_autosave(app);
}

}  // namespace sm::ui
