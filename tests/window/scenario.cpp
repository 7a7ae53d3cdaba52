// Stagemap — a visual check of the GUI's interactive states: drives the real app in a real
// window (under Xvfb) with simulated input and writes a PNG at each interesting moment
// (selection, dragging a card, rubber band, connecting, editing in place, zoomed in, dark
// theme, dialogs). Used by the window.scenario test and for looking at the UI by eye.
//   stagemap-scenario BLUEPRINT OUT_DIR
#include <epoxy/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/screenshot.h"
#include "app/window.h"
#include "edit/cards.h"
#include "ui/actions.h"
#include "ui/ui_app.h"

namespace {

// [SECTION] Driver
class Driver {
public:
    Driver(sm::app::Window& w, sm::ui::UiApp& ui, std::filesystem::path out) : w_(w), ui_(ui), out_(std::move(out)) {}

    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            glfwPollEvents();
            t_ += 1.0 / 60.0;
            if (ui_.update_fonts(t_, true)) {
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGuiIO& io = ImGui::GetIO();
            io.DeltaTime = 1.0f / 60.0f;
            io.MousePos = mouse_;
            for (int b = 0; b < 3; ++b) io.MouseDown[b] = down_[b];
            io.KeyCtrl = ctrl_;
            io.KeyShift = shift_;
            ImGui::NewFrame();
            ui_.frame(t_);
            ImGui::Render();
            w_.framebuffer_size(fw_, fh_);
            glViewport(0, 0, fw_, fh_);
            glClearColor(0.94f, 0.95f, 0.96f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (!pending_.empty()) {
                const auto img = sm::app::read_framebuffer(fw_, fh_);
                const auto path = (out_ / (pending_ + ".png")).string();
                const auto err = sm::app::write_png(img, path);
                std::fprintf(stderr, "%s %s\n", err.empty() ? "wrote" : "FAILED", path.c_str());
                if (!err.empty()) failed_ = true;
                pending_.clear();
            }
            glfwSwapBuffers(w_.handle());
        }
    }
    void shot(const std::string& name) {
        pending_ = name;
        frame();
    }
    void move(ImVec2 p) {
        mouse_ = p;
        frame();
    }
    void press(int b = 0) {
        down_[b] = true;
        frame();
    }
    void release(int b = 0) {
        down_[b] = false;
        frame();
    }
    void drag_to(ImVec2 p, int steps = 8) {
        const ImVec2 a = mouse_;
        for (int i = 1; i <= steps; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(steps);
            move(ImVec2(a.x + (p.x - a.x) * t, a.y + (p.y - a.y) * t));
        }
    }
    void key(int k, bool ctrl = false, bool shift = false) {
        ctrl_ = ctrl;
        shift_ = shift;
        ImGui::GetIO().KeysDown[k] = true;
        frame();
        ImGui::GetIO().KeysDown[k] = false;
        frame();
        ctrl_ = shift_ = false;
    }
    ImVec2 at(sm::layout::Vec2 p) { return ui_.state().canvas.transform.to_screen(p); }
    bool failed() const { return failed_; }

private:
    sm::app::Window& w_;
    sm::ui::UiApp& ui_;
    std::filesystem::path out_;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    bool down_[3] = {false, false, false};
    bool ctrl_ = false, shift_ = false;
    double t_ = 0;
    int fw_ = 0, fh_ = 0;
    std::string pending_;
    bool failed_ = false;
};

// [SECTION] Scenario
void scenario(Driver& d, sm::ui::UiApp& ui) {
    auto& app = ui.state();
    d.frame(4);
    const auto& lay = sm::ui::current_layout(app);
    const sm::Document& doc = app.doc();
    if (doc.cards.size() < 3) return;

    // 1. A card selected: outline, handles, the card inspector.
    const auto& c0 = lay.cards.at(lay.cards_by_step.at(static_cast<std::size_t>(lay.column_order.at(1))).at(0));
    d.move(d.at(c0.rect.center()));
    d.press();
    d.release();
    d.frame(2);
    d.shot("01-card-selected");

    // 1b. Resting on a card with a detail shows its tooltip.
    for (const auto& box : sm::ui::current_layout(app).cards)
        if (!doc.cards[static_cast<std::size_t>(box.card)].detail.empty()) {
            d.move(d.at(box.rect.center()));
            d.frame(50);
            d.shot("01b-card-tooltip");
            break;
        }
    d.move(d.at(c0.rect.center()));

    // 2. Dragging it: ghost, drop target, insertion bar.
    d.frame(30);  // not a double-click
    d.press();
    const auto target = lay.cell(c0.lane, lay.column_order.at(2));
    d.drag_to(d.at({target.x + target.w / 2, target.bottom() - 6}));
    d.shot("02-dragging-card");
    d.move(ImVec2(-100, -100));  // outside: dropping nowhere
    d.release();
    d.frame(2);

    // 3. A rubber band across two columns of the frontstage row.
    int front = -1;
    for (std::size_t i = 0; i < doc.lanes.size(); ++i)
        if (doc.lanes[i].kind == sm::LaneKind::Frontstage) front = static_cast<int>(i);
    if (front >= 0) {
        const auto a = sm::ui::current_layout(app).cell(front, lay.column_order.at(0));
        const auto b = sm::ui::current_layout(app).cell(front, lay.column_order.at(1));
        d.move(d.at({a.x + 2, a.y + 2}));
        d.press();
        d.drag_to(d.at({b.right() - 4, b.bottom() - 4}));
        d.shot("03-rubber-band");
        d.release();
        d.frame(2);
        d.shot("04-several-selected");
    }

    // 4. Connecting two cards.
    const auto& l2 = sm::ui::current_layout(app);
    const auto& from = l2.cards.at(0);
    const auto& to = l2.cards.at(l2.cards.size() / 2);
    d.move(d.at(from.rect.center()));
    d.frame(2);
    d.move(d.at({from.rect.right(), from.rect.y + from.rect.h / 2}));
    d.press();
    d.drag_to(d.at(to.rect.center()));
    d.shot("05-connecting");
    d.move(ImVec2(-100, -100));
    d.release();
    d.frame(2);

    // 5. Zoomed in on the first cards, crisp text; a step selected.
    sm::ui::set_zoom(app, 2.0f);
    sm::ui::reveal(app, sm::ui::current_layout(app).steps.at(0).header);
    d.frame(30);  // the zoom comes to rest and the fonts are re-baked
    const auto& l3 = sm::ui::current_layout(app);
    d.move(d.at(l3.steps.at(0).header.center()));
    d.press();
    d.release();
    d.frame(20);
    d.shot("06-zoomed-step-selected");

    // 6. Editing a card's title in place.
    const auto& c1 = sm::ui::current_layout(app).cards.at(0);
    d.move(d.at(c1.rect.center()));
    d.press();
    d.release();
    d.press();
    d.release();
    d.frame(3);
    ImGui::GetIO().AddInputCharactersUTF8(" 已编辑");
    d.frame(2);
    d.shot("07-editing-title");
    d.key(256);  // Esc
    d.frame(2);

    // 7. Dark theme, fitted, with the help window.
    app.settings.theme = sm::ui::ThemeChoice::Dark;
    sm::ui::zoom_to_fit(app);
    app.view.show_help = true;
    d.frame(30);
    d.shot("08-dark-help");
    app.view.show_help = false;
    app.settings.theme = sm::ui::ThemeChoice::Light;

    // 8. The file dialog.
    sm::ui::action_save_as(app);
    d.frame(4);
    d.shot("09-save-dialog");
    d.key(256);
    d.frame(2);

    // 9. A tier lens, and a bigger UI scale with a lane selected.
    if (!app.doc().tiers.empty()) {
        app.view.tier_lens = app.doc().tiers.back().id;
        d.frame(3);
        d.shot("11-tier-lens");
        app.view.tier_lens.reset();
    }
    app.settings.ui_scale = 1.5f;
    d.frame(2);
    sm::ui::zoom_to_fit(app);
    d.frame(3);
    if (!app.doc().lanes.empty()) app.selection.set_lane(app.doc().lanes.front().id);
    d.frame(30);
    d.shot("12-ui-scale-150-lane");
    app.settings.ui_scale = 1.0f;
    d.frame(2);

    // 10. The Edit menu names what Undo and Redo would do; About explains the blueprint.
    d.move(ImVec2(68, 14));
    d.press();
    d.release();
    d.frame(2);
    d.shot("13-edit-menu");
    d.key(256);
    d.move(ImVec2(800, 880));
    d.frame(2);
    app.view.show_about = true;
    d.frame(3);
    d.shot("14-about");
    app.view.show_about = false;

    // 11. Unsaved changes prompt.
    sm::ui::select_all(app);
    sm::ui::delete_selection(app);
    sm::ui::action_new(app);
    d.frame(4);
    d.shot("10-unsaved-prompt");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: stagemap-scenario BLUEPRINT OUT_DIR\n");
        return 2;
    }
    const std::filesystem::path out = argv[2];
    std::filesystem::create_directories(out);
    std::string error;
    if (!sm::app::init_platform(error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    sm::app::WindowConfig wc;
    wc.width = 1600;
    wc.height = 900;
    wc.exact_size = true;
    auto window = sm::app::Window::create(wc, error);
    if (!window) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    bool failed = false;
    {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui_ImplGlfw_InitForOpenGL(window->handle(), true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        {
            sm::ui::UiOptions opt;
            opt.persistent = false;
            sm::ui::UiApp ui(opt, sm::ui::find_fonts());
            if (!ui.open(argv[1])) {
                std::fprintf(stderr, "cannot open %s\n", argv[1]);
                failed = true;
            } else {
                Driver d(*window, ui, out);
                scenario(d, ui);
                failed = d.failed();
            }
        }
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    window.reset();
    sm::app::shutdown_platform();
    return failed ? 1 : 0;
}
