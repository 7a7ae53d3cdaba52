#include "app/window.h"

#include <algorithm>

#include <epoxy/gl.h>
#include <GLFW/glfw3.h>

#include <cstdio>
#include <utility>

namespace sm::app {

// [SECTION] Platform
namespace {

void glfw_error(int code, const char* text) { std::fprintf(stderr, "stagemap-gui: GLFW error %d: %s\n", code, text); }

}  // namespace

bool init_platform(std::string& error) {
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) {
        error = "cannot start GLFW: is there a display? (run under xvfb-run for headless use)";
        return false;
    }
    return true;
}

void shutdown_platform() { glfwTerminate(); }

std::string gl_description() {
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return std::string("OpenGL ") + (version ? version : "?") + " on " + (renderer ? renderer : "?");
}

// [SECTION] Window
std::unique_ptr<Window> Window::create(const WindowConfig& config, std::string& error) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, config.exact_size ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
    GLFWwindow* w = glfwCreateWindow(config.width, config.height, config.title.c_str(), nullptr, nullptr);
    if (!w) {
        error = "cannot create a window with an OpenGL 3.3 core context";
        return nullptr;
    }
    glfwMakeContextCurrent(w);
    if (epoxy_gl_version() < 33) {
        error = "the OpenGL context is older than 3.3 (" + gl_description() + ")";
        glfwDestroyWindow(w);
        return nullptr;
    }
    std::unique_ptr<Window> win(new Window(w));
    win->title_ = config.title;
    glfwSetWindowUserPointer(w, win.get());
    glfwSetDropCallback(w, on_drop);
    glfwSetWindowContentScaleCallback(w, on_scale);
    glfwSetCursorPosCallback(w, [](GLFWwindow* g, double, double) { ++self(g).events_; });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* g, int, int, int) { ++self(g).events_; });
    glfwSetScrollCallback(w, [](GLFWwindow* g, double, double) { ++self(g).events_; });
    glfwSetKeyCallback(w, [](GLFWwindow* g, int, int, int, int) { ++self(g).events_; });
    glfwSetCharCallback(w, [](GLFWwindow* g, unsigned int) { ++self(g).events_; });
    glfwSetWindowSizeCallback(w, [](GLFWwindow* g, int, int) { ++self(g).events_; });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* g, int) { ++self(g).events_; });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* g, int) { ++self(g).events_; });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* g) { ++self(g).events_; });
    return win;
}

Window::Window(GLFWwindow* w) : window_(w) {}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
}

float Window::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0 ? x : 1;
}

void Window::framebuffer_size(int& w, int& h) const { glfwGetFramebufferSize(window_, &w, &h); }
void Window::window_size(int& w, int& h) const { glfwGetWindowSize(window_, &w, &h); }

void Window::set_title(const std::string& title) {
    if (title == title_) return;
    title_ = title;
    glfwSetWindowTitle(window_, title.c_str());
}

// [SECTION] Monitors and full screen
namespace {

std::string monitor_name(GLFWmonitor* m) {
    const char* n = glfwGetMonitorName(m);
    return n && *n ? std::string(n) : std::string("?");
}

// The monitor holding most of the window.
GLFWmonitor* monitor_of(GLFWwindow* w) {
    int count = 0;
    GLFWmonitor** list = glfwGetMonitors(&count);
    int wx = 0, wy = 0, ww = 0, wh = 0;
    glfwGetWindowPos(w, &wx, &wy);
    glfwGetWindowSize(w, &ww, &wh);
    GLFWmonitor* best = glfwGetPrimaryMonitor();
    long best_area = -1;
    for (int i = 0; i < count; ++i) {
        int mx = 0, my = 0;
        glfwGetMonitorPos(list[i], &mx, &my);
        const GLFWvidmode* mode = glfwGetVideoMode(list[i]);
        if (!mode) continue;
        const long ox = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
        const long oy = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
        if (ox * oy > best_area) {
            best_area = ox * oy;
            best = list[i];
        }
    }
    return best;
}

}  // namespace

// A projector plugged in after start shows up in View › Present On.
namespace {
bool g_monitors_changed = false;  // GLFW's monitor callback has no user pointer
}  // namespace

void watch_monitors() {
    glfwSetMonitorCallback([](GLFWmonitor*, int) { g_monitors_changed = true; });
}

bool take_monitor_change() { return std::exchange(g_monitors_changed, false); }

std::vector<std::string> monitor_names() {
    std::vector<std::string> out;
    int count = 0;
    GLFWmonitor** list = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) out.push_back(monitor_name(list[i]));
    return out;
}

void Window::set_fullscreen(bool on, const std::string& monitor) {
    if (on == fullscreen_) return;
    if (on) {
        GLFWmonitor* target = nullptr;
        int count = 0;
        GLFWmonitor** list = glfwGetMonitors(&count);
        for (int i = 0; i < count && !monitor.empty(); ++i)
            if (monitor_name(list[i]) == monitor) target = list[i];
        if (!target) target = monitor_of(window_);
        const GLFWvidmode* mode = target ? glfwGetVideoMode(target) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(window_, &saved_x_, &saved_y_);
        glfwGetWindowSize(window_, &saved_w_, &saved_h_);
        glfwSetWindowMonitor(window_, target, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, saved_x_, saved_y_, std::max(saved_w_, 320), std::max(saved_h_, 240), 0);
    }
    fullscreen_ = on;
    ++events_;
}

std::vector<std::string> Window::take_drops() { return std::exchange(drops_, {}); }

bool Window::take_close_request() {
    if (!glfwWindowShouldClose(window_)) return false;
    glfwSetWindowShouldClose(window_, GLFW_FALSE);
    return true;
}

bool Window::take_scale_change() { return std::exchange(scale_changed_, false); }

Window& Window::self(GLFWwindow* w) { return *static_cast<Window*>(glfwGetWindowUserPointer(w)); }

void Window::on_drop(GLFWwindow* w, int count, const char** paths) {
    auto& me = self(w);
    for (int i = 0; i < count; ++i) me.drops_.emplace_back(paths[i]);
    ++me.events_;
}

void Window::on_scale(GLFWwindow* w, float, float) {
    self(w).scale_changed_ = true;
    ++self(w).events_;
}

}  // namespace sm::app
