// Stagemap — the GUI as the platform layer sees it: one object that owns all state, draws a
// frame between ImGui::NewFrame() and ImGui::Render(), and tells the platform what it needs
// (window title, font atlas rebuilds, quitting). No GLFW or OpenGL here.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/settings.h"

namespace sm::ui {

// [SECTION] Options
struct UiOptions {
    bool persistent = true;     // settings, recent files, autosave (off: tests and screenshots)
    float content_scale = 1;    // the monitor's scale (HiDPI)
    Settings settings;          // as loaded by the platform (it also sizes the window from them)
};

// [SECTION] The app
class UiApp {
public:
    UiApp(UiOptions options, FontChoice fonts);
    ~UiApp();
    UiApp(const UiApp&) = delete;
    UiApp& operator=(const UiApp&) = delete;

    // Opens a file at start-up; shows the errors modal when it fails.
    bool open(const std::filesystem::path& path);
    // Offers to restore an autosave newer than its file (persistent mode only).
    void offer_restore();

    // Before ImGui::NewFrame(): re-bakes the font atlas when it is stale. `settle` skips the
    // wait for the zoom to come to rest (screenshots). True when the atlas was rebuilt: the
    // renderer must upload the texture again.
    bool update_fonts(double now, bool settle = false);
    // Draws the whole UI. Call between ImGui::NewFrame() and ImGui::Render().
    void frame(double now);

    std::string window_title() const;
    void set_content_scale(float scale);
    void request_quit();  // the window's close button: asks about unsaved work
    bool wants_quit() const { return state_.quit; }
    void drop_files(const std::vector<std::string>& paths);
    // Nothing is about to change by itself (fonts baked, view fitted): safe to screenshot.
    bool settled() const;
    // Saves settings (persistent mode). Call once before exit.
    void shutdown(int window_width, int window_height);

    AppState& state() { return state_; }
    const AppState& state() const { return state_; }

private:
    void apply_style_if_changed();
    void apply_language_if_changed();
    void draw_host();
    void draw_toolbar();
    void draw_status_bar();

    void save_settings_if_changed();

    AppState state_;
    std::string saved_settings_;   // the settings text last written
    double settings_checked_at_ = 0;
    ThemeChoice styled_theme_ = ThemeChoice::Light;
    float styled_scale_ = 0;
    std::optional<std::string> applied_language_;  // settings.language last applied
};

}  // namespace sm::ui
