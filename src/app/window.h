// Stagemap — the platform window: GLFW, an OpenGL 3.3 core context (through libepoxy), HiDPI
// content scale, file drops and the close button.
#pragma once

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace sm::app {

// [SECTION] Window
struct WindowConfig {
    int width = 1440;
    int height = 900;
    bool exact_size = false;  // pixels as given (screenshots), not scaled to the monitor
    std::string title = "Stagemap";
};

class Window {
public:
    // Creates the window and makes its context current. Null with `error` set on failure.
    static std::unique_ptr<Window> create(const WindowConfig& config, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    float content_scale() const;
    void framebuffer_size(int& w, int& h) const;
    void window_size(int& w, int& h) const;
    void set_title(const std::string& title);

    // Full screen on the monitor of this name (empty or unknown: the one the window is on), or
    // back to the window's previous place and size. Does nothing when already so.
    void set_fullscreen(bool on, const std::string& monitor);
    bool fullscreen() const { return fullscreen_; }

    // Paths dropped on the window since the last call.
    std::vector<std::string> take_drops();
    // The close button was pressed since the last call (the close itself is cancelled: the UI
    // decides, after asking about unsaved work).
    bool take_close_request();
    bool take_scale_change();
    // Counts input and window events (installed before ImGui's callbacks, which chain to them),
    // so the frame loop can tell a wake-up by an event from a timeout.
    unsigned long long events() const { return events_; }

private:
    explicit Window(GLFWwindow* w);
    static void on_drop(GLFWwindow* w, int count, const char** paths);
    static void on_scale(GLFWwindow* w, float x, float y);
    static Window& self(GLFWwindow* w);

    unsigned long long events_ = 0;

    GLFWwindow* window_ = nullptr;
    std::string title_;
    std::vector<std::string> drops_;
    bool scale_changed_ = false;
    bool fullscreen_ = false;
    int saved_x_ = 0, saved_y_ = 0, saved_w_ = 0, saved_h_ = 0;  // the window before full screen
};

// The connected monitors' names ("DP-1 · DELL U2720Q"), primary first.
std::vector<std::string> monitor_names();
// Starts noticing monitors being connected or disconnected (once, after init_platform).
void watch_monitors();
// A monitor was connected or disconnected since the last call.
bool take_monitor_change();

// [SECTION] Platform
// Starts GLFW; false with `error` set when there is no display.
bool init_platform(std::string& error);
void shutdown_platform();
// "OpenGL 4.5 (Core Profile) Mesa …", for diagnostics.
std::string gl_description();

}  // namespace sm::app
