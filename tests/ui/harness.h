// Stagemap — headless ImGui frames for the UI tests: a context with a display size and a font
// atlas but no renderer, and input simulated across frames (ImGui 1.86 reads io.MousePos,
// io.MouseDown[], io.KeysDown[] and the modifier flags each frame; it has no input queue).
#pragma once

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>

#include "layout/layout.h"
#include "model/document.h"
#include "ui/ui_app.h"

namespace sm::ui::test {

std::filesystem::path blueprint(const std::string& name);  // blueprints/NAME.blueprint.json

class Harness {
public:
    explicit Harness(const std::filesystem::path& file = {}, ImVec2 display = ImVec2(1600, 900), bool persistent = false);
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    UiApp& ui() { return *ui_; }
    AppState& app() { return ui_->state(); }
    const Document& doc() { return ui_->state().doc(); }
    const layout::BlueprintLayout& lay() { return current_layout(ui_->state()); }

    void frame(int n = 1);
    // Lets `seconds` pass in the app's clock, then draws one frame.
    void advance(double seconds);
    // Mouse.
    void move(ImVec2 p);
    void press(int button = 0);
    void release(int button = 0);
    void click(ImVec2 p, int button = 0);
    void double_click(ImVec2 p);
    void drag(ImVec2 from, ImVec2 to, int button = 0, int steps = 10);
    void wheel(ImVec2 at, float amount, bool ctrl = false);
    // Keyboard: press and release one key with modifiers.
    void key(int key, bool ctrl = false, bool shift = false);
    void named_key(ImGuiKey key, bool ctrl = false, bool shift = false);
    void type(const char* utf8);
    void hold_key(int key, bool down);

    // True when a window (or popup, by its title or "###id") was drawn in the last frame.
    static bool window_open(const char* name);

    // Screen positions of things on the canvas.
    ImVec2 to_screen(layout::Vec2 p);
    ImVec2 card_center(const CardId& id);
    ImVec2 card_handle(const CardId& id);  // the right-edge connection handle
    // A point in the cell below its cards (empty canvas inside the cell).
    ImVec2 cell_free_point(int lane, int step);
    // A cell with no cards; false when there is none.
    bool find_empty_cell(int& lane, int& step);

private:
    std::unique_ptr<UiApp> ui_;
    double time_ = 0;
};

// Clicks a control the tier panels drew in the last frame (by its name), as a user would.
void click_control(Harness& h, const std::string& name);

// A fresh folder under the build tree, removed when the test ends.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name) {
        path = std::filesystem::path(STAGEMAP_BINARY_DIR) / "test_ui_tmp" / name;
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace sm::ui::test
