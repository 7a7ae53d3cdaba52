// Stagemap — stagemap-gui: the window, the ImGui backends and the frame loop.
//   stagemap-gui [FILE] [--screenshot OUT.png] [--size WxH] [--frames N]
#include <epoxy/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/options.h"
#include "app/screenshot.h"
#include "app/window.h"
#include "ui/present.h"
#include "ui/settings.h"
#include "ui/ui_app.h"

namespace {

// [SECTION] ImGui setup
struct ImGuiSession {
    std::string ini_path;  // must outlive the context

    ImGuiSession(GLFWwindow* w, bool persistent) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        if (persistent) {
            ini_path = (sm::ui::config_dir() / "imgui.ini").string();
            std::error_code ec;
            std::filesystem::create_directories(sm::ui::config_dir(), ec);
            io.IniFilename = ini_path.c_str();
        } else {
            io.IniFilename = nullptr;
        }
        ImGui_ImplGlfw_InitForOpenGL(w, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
};

// [SECTION] Frame loop
int run(const sm::app::Options& opt) {
    std::string error;
    if (!sm::app::init_platform(error)) {
        std::fprintf(stderr, "stagemap-gui: %s\n", error.c_str());
        return 1;
    }
    const bool persistent = !opt.no_settings;
    sm::ui::Settings settings = persistent ? sm::ui::load_settings() : sm::ui::Settings{};
    sm::app::WindowConfig wc;
    wc.width = opt.width.value_or(settings.window_width);
    wc.height = opt.height.value_or(settings.window_height);
    wc.exact_size = opt.width.has_value() || opt.screenshot.has_value();
    auto window = sm::app::Window::create(wc, error);
    if (!window) {
        std::fprintf(stderr, "stagemap-gui: %s\n", error.c_str());
        sm::app::shutdown_platform();
        return 1;
    }
    const bool screenshot = opt.screenshot.has_value();
    glfwSwapInterval(screenshot ? 0 : 1);
    if (screenshot) std::fprintf(stderr, "stagemap-gui: %s\n", sm::app::gl_description().c_str());

    int exit_code = 0;
    {
        ImGuiSession imgui(window->handle(), persistent);
        sm::ui::UiOptions uo;
        uo.persistent = persistent;
        uo.content_scale = window->content_scale();
        if (opt.lang) settings.language = *opt.lang;
        if (opt.theme) {
            const auto t = sm::ui::parse_theme(*opt.theme).value_or(sm::ui::ThemeChoice::Light);
            if (opt.present) settings.present_theme = t;
            else settings.theme = t;
        }
        uo.settings = settings;
        sm::ui::UiApp ui(uo, sm::ui::find_fonts());
        if (opt.file) {
            if (!ui.open(*opt.file) && screenshot) {
                std::fprintf(stderr, "stagemap-gui: cannot open %s\n", opt.file->c_str());
                exit_code = 1;
            }
        } else {
            ui.offer_restore();
        }
        for (const auto& panel : opt.panels) {
            if (sm::ui::open_peak_end_by_name(ui.state(), panel)) continue;
            const auto err = sm::ui::open_panel_by_name(ui.state(), panel);
            if (!err.empty()) std::fprintf(stderr, "stagemap-gui: --panel %s: %s\n", panel.c_str(), err.c_str());
        }
        if (opt.present) sm::ui::enter_presentation(ui.state());
        sm::app::watch_monitors();
        ui.state().monitors = sm::app::monitor_names();

        int frame = 0;
        int busy = 3;  // frames to render before waiting for events again
        while (true) {
            if (screenshot || busy > 0 || ImGui::IsAnyMouseDown()) {
                glfwPollEvents();
                if (busy > 0) --busy;
            } else {
                // Idle: sleep until an event, or wake now and then for autosave, the status
                // line and fonts waiting for the zoom to rest. ImGui needs a few frames after
                // each event (hover, double-click timing), a single one after a timeout.
                const auto before = window->events();
                glfwWaitEventsTimeout(ui.settled() ? 1.0 : 0.1);
                if (window->events() != before) busy = 3;
            }
            if (window->take_close_request()) ui.request_quit();
            if (window->take_scale_change()) ui.set_content_scale(window->content_scale());
            if (auto drops = window->take_drops(); !drops.empty()) ui.drop_files(drops);
            if (sm::app::take_monitor_change()) ui.state().monitors = sm::app::monitor_names();
            if (ui.wants_quit()) break;
            // Presentation mode goes full screen on the chosen monitor (not for screenshots,
            // which keep the window's exact size).
            if (!screenshot) {
                const auto& st = ui.state();
                window->set_fullscreen(st.present.active && st.present.want_fullscreen, st.settings.present_monitor);
            }

            const double now = glfwGetTime();
            if (ui.update_fonts(now, screenshot)) {
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            // A screenshot shows the document, not wherever the display's pointer happens to be.
            if (screenshot) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            ImGui::NewFrame();
            ui.frame(now);
            ImGui::Render();

            int fw = 0, fh = 0;
            window->framebuffer_size(fw, fh);
            glViewport(0, 0, fw, fh);
            glClearColor(0.94f, 0.95f, 0.96f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            window->set_title(ui.window_title());
            ++frame;

            // The screenshot waits for the fonts and the fit to settle (a few frames at most).
            if (screenshot && frame >= opt.frames && (ui.settled() || frame >= opt.frames + 30)) {
                const auto img = sm::app::read_framebuffer(fw, fh);
                const auto err = sm::app::write_png(img, *opt.screenshot);
                if (!err.empty()) {
                    std::fprintf(stderr, "stagemap-gui: %s\n", err.c_str());
                    exit_code = 1;
                } else {
                    std::fprintf(stderr, "stagemap-gui: wrote %s (%dx%d, %d frames)\n", opt.screenshot->c_str(), fw, fh, frame);
                }
                break;
            }
            glfwSwapBuffers(window->handle());
        }
        int ww = 0, wh = 0;
        window->window_size(ww, wh);
        ui.shutdown(ww, wh);
    }
    window.reset();
    sm::app::shutdown_platform();
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    sm::app::Options opt;
    if (auto code = sm::app::parse_options(argc, argv, opt)) return *code;
    return run(opt);
}
