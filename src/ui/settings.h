// Stagemap — user settings ($XDG_CONFIG_HOME/stagemap/settings.ini) and the folders the app
// keeps its state in ($XDG_STATE_HOME/stagemap for autosaves).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sm::ui {

// [SECTION] Folders
std::filesystem::path config_dir();  // $XDG_CONFIG_HOME/stagemap, default ~/.config/stagemap
std::filesystem::path state_dir();   // $XDG_STATE_HOME/stagemap, default ~/.local/state/stagemap

// [SECTION] Settings
// Light and dark for the desk; the projector themes have bolder lines, stronger fills and text
// of at least 7:1 contrast, for a washed-out image seen from the back of a room.
enum class ThemeChoice { Light, Dark, ProjectorLight, ProjectorDark };
inline constexpr ThemeChoice kThemes[] = {ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::ProjectorLight,
                                          ThemeChoice::ProjectorDark};
const char* theme_code(ThemeChoice t);  // "light", "dark", "projector-light", "projector-dark"
std::optional<ThemeChoice> parse_theme(std::string_view code);
bool is_dark(ThemeChoice t);

inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 3.0f;

inline constexpr std::size_t kMaxRecent = 10;

struct Settings {
    int window_width = 1440;
    int window_height = 900;
    float ui_scale = 1;  // multiplies the monitor's content scale
    ThemeChoice theme = ThemeChoice::Light;
    std::string language;         // "en", "zh-CN"; empty: the system locale's
    std::string present_monitor;  // the monitor presentation mode goes full screen on; empty: the window's
    ThemeChoice present_theme = ThemeChoice::ProjectorLight;
    bool show_inspector = true;
    float inspector_width = 360;  // before scaling
    bool show_peak_end = true;    // the peak-end panel under the canvas
    float peak_end_height = 270;  // before scaling
    std::string last_folder;      // where the file dialog opens
    std::vector<std::string> recent;  // most recent first

    void add_recent(const std::string& path);
    void remove_recent(const std::string& path);
};

// Parses settings text ("key=value" lines; unknown keys and bad values are ignored).
Settings parse_settings(std::string_view text);
std::string settings_text(const Settings& s);

Settings load_settings(const std::filesystem::path& file = config_dir() / "settings.ini");
// Atomic write; returns an error message, or empty.
std::string save_settings(const Settings& s, const std::filesystem::path& file = config_dir() / "settings.ini");

}  // namespace sm::ui
