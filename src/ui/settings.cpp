#include "ui/settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "io/blueprint_io.h"

namespace sm::ui {

// [SECTION] Folders
namespace {

std::filesystem::path home_dir() {
    const char* home = std::getenv("HOME");
    return home && *home ? std::filesystem::path(home) : std::filesystem::temp_directory_path();
}

std::filesystem::path xdg_dir(const char* var, const char* fallback) {
    const char* v = std::getenv(var);
    // The spec says relative paths are invalid and must be ignored.
    if (v && *v == '/') return std::filesystem::path(v) / "stagemap";
    return home_dir() / fallback / "stagemap";
}

}  // namespace

std::filesystem::path config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }
std::filesystem::path state_dir() { return xdg_dir("XDG_STATE_HOME", ".local/state"); }

// [SECTION] Themes
const char* theme_code(ThemeChoice t) {
    switch (t) {
    case ThemeChoice::Light: return "light";
    case ThemeChoice::Dark: return "dark";
    case ThemeChoice::ProjectorLight: return "projector-light";
    case ThemeChoice::ProjectorDark: return "projector-dark";
    }
    return "light";
}

std::optional<ThemeChoice> parse_theme(std::string_view code) {
    for (const auto t : kThemes)
        if (code == theme_code(t)) return t;
    return std::nullopt;
}

bool is_dark(ThemeChoice t) { return t == ThemeChoice::Dark || t == ThemeChoice::ProjectorDark; }

// [SECTION] Recent files
void Settings::add_recent(const std::string& path) {
    remove_recent(path);
    recent.insert(recent.begin(), path);
    if (recent.size() > kMaxRecent) recent.resize(kMaxRecent);
}

void Settings::remove_recent(const std::string& path) {
    recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
}

// [SECTION] Text form
namespace {

template <class T>
bool parse_number(const std::string& s, T& out) {
    std::istringstream in(s);
    T v{};
    if (!(in >> v)) return false;
    out = v;
    return true;
}

}  // namespace

Settings parse_settings(std::string_view text) {
    Settings s;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq);
        const std::string value = line.substr(eq + 1);
        if (key == "window_width") {
            parse_number(value, s.window_width);
        } else if (key == "window_height") {
            parse_number(value, s.window_height);
        } else if (key == "ui_scale") {
            parse_number(value, s.ui_scale);
        } else if (key == "theme") {
            s.theme = parse_theme(value).value_or(ThemeChoice::Light);
        } else if (key == "present_theme") {
            s.present_theme = parse_theme(value).value_or(ThemeChoice::ProjectorLight);
        } else if (key == "language") {
            s.language = value;
        } else if (key == "present_monitor") {
            s.present_monitor = value;
        } else if (key == "show_inspector") {
            s.show_inspector = value != "0";
        } else if (key == "inspector_width") {
            parse_number(value, s.inspector_width);
        } else if (key == "show_peak_end") {
            s.show_peak_end = value != "0";
        } else if (key == "peak_end_height") {
            parse_number(value, s.peak_end_height);
        } else if (key == "last_folder") {
            s.last_folder = value;
        } else if (key == "recent") {
            if (!value.empty() && s.recent.size() < kMaxRecent &&
                std::find(s.recent.begin(), s.recent.end(), value) == s.recent.end())
                s.recent.push_back(value);
        }
    }
    s.window_width = std::clamp(s.window_width, 320, 16384);
    s.window_height = std::clamp(s.window_height, 240, 16384);
    s.ui_scale = std::clamp(s.ui_scale, kMinUiScale, kMaxUiScale);
    s.inspector_width = std::clamp(s.inspector_width, 220.0f, 900.0f);
    s.peak_end_height = std::clamp(s.peak_end_height, 120.0f, 900.0f);
    return s;
}

std::string settings_text(const Settings& s) {
    std::ostringstream out;
    out << "# Stagemap settings\n";
    out << "window_width=" << s.window_width << "\n";
    out << "window_height=" << s.window_height << "\n";
    out << "ui_scale=" << s.ui_scale << "\n";
    out << "theme=" << theme_code(s.theme) << "\n";
    out << "present_theme=" << theme_code(s.present_theme) << "\n";
    if (!s.language.empty()) out << "language=" << s.language << "\n";
    if (!s.present_monitor.empty() && s.present_monitor.find('\n') == std::string::npos)
        out << "present_monitor=" << s.present_monitor << "\n";
    out << "show_inspector=" << (s.show_inspector ? 1 : 0) << "\n";
    out << "inspector_width=" << s.inspector_width << "\n";
    out << "show_peak_end=" << (s.show_peak_end ? 1 : 0) << "\n";
    out << "peak_end_height=" << s.peak_end_height << "\n";
    out << "last_folder=" << s.last_folder << "\n";
    for (const auto& r : s.recent)
        if (r.find('\n') == std::string::npos) out << "recent=" << r << "\n";
    return out.str();
}

Settings load_settings(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Settings{};
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_settings(ss.str());
}

std::string save_settings(const Settings& s, const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return "cannot create " + file.parent_path().string() + ": " + ec.message();
    const auto r = io::write_file_atomic(file, settings_text(s), io::SaveOptions{.keep_backup = false});
    return r.ok ? std::string{} : r.error;
}

}  // namespace sm::ui
