#include "harness.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>  // FindWindowByName: whether a popup is showing

#include "edit/cards.h"
#include "ui/fonts.h"
#include "ui/keys.h"

namespace sm::ui::test {

// [SECTION] Setup
std::filesystem::path blueprint(const std::string& name) {
    return std::filesystem::path(STAGEMAP_SOURCE_DIR) / "blueprints" / (name + ".blueprint.json");
}

namespace {

// The same key codes the GLFW backend maps (GLFW's values).
void map_keys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = 258;
    io.KeyMap[ImGuiKey_LeftArrow] = 263;
    io.KeyMap[ImGuiKey_RightArrow] = 262;
    io.KeyMap[ImGuiKey_UpArrow] = 265;
    io.KeyMap[ImGuiKey_DownArrow] = 264;
    io.KeyMap[ImGuiKey_PageUp] = 266;
    io.KeyMap[ImGuiKey_PageDown] = 267;
    io.KeyMap[ImGuiKey_Home] = 268;
    io.KeyMap[ImGuiKey_End] = 269;
    io.KeyMap[ImGuiKey_Insert] = 260;
    io.KeyMap[ImGuiKey_Delete] = 261;
    io.KeyMap[ImGuiKey_Backspace] = 259;
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_Enter] = 257;
    io.KeyMap[ImGuiKey_Escape] = 256;
    io.KeyMap[ImGuiKey_KeyPadEnter] = 335;
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyMap[ImGuiKey_V] = 'V';
    io.KeyMap[ImGuiKey_X] = 'X';
    io.KeyMap[ImGuiKey_Y] = 'Y';
    io.KeyMap[ImGuiKey_Z] = 'Z';
}

}  // namespace

Harness::Harness(const std::filesystem::path& file, ImVec2 display, bool persistent) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    map_keys(io);
    UiOptions opt;
    opt.persistent = persistent;
    opt.settings.language = "en";  // the tests click English labels, whatever the machine's locale
    ui_ = std::make_unique<UiApp>(opt, find_fonts());
    if (!file.empty()) REQUIRE(ui_->open(file));
    frame(3);
}

Harness::~Harness() {
    ui_.reset();
    ImGui::DestroyContext();
}

// [SECTION] Frames
void Harness::frame(int n) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < n; ++i) {
        time_ += 1.0 / 60.0;
        io.DeltaTime = 1.0f / 60.0f;
        if (ui_->update_fonts(time_, true)) {
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer would upload
        }
        ImGui::NewFrame();
        ui_->frame(time_);
        ImGui::Render();
    }
}

void Harness::advance(double seconds) {
    time_ += seconds;
    frame();
}

// [SECTION] Input
void Harness::move(ImVec2 p) {
    ImGui::GetIO().MousePos = p;
    frame();
}

void Harness::press(int button) {
    ImGui::GetIO().MouseDown[button] = true;
    frame();
}

void Harness::release(int button) {
    ImGui::GetIO().MouseDown[button] = false;
    frame();
}

void Harness::click(ImVec2 p, int button) {
    move(p);
    press(button);
    release(button);
}

void Harness::double_click(ImVec2 p) {
    click(p);
    press();
    release();
}

void Harness::drag(ImVec2 from, ImVec2 to, int button, int steps) {
    move(from);
    press(button);
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    }
    release(button);
}

void Harness::wheel(ImVec2 at, float amount, bool ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.KeyCtrl = ctrl;
    io.MouseWheel = amount;
    frame();
    io.MouseWheel = 0;
    io.KeyCtrl = false;
    frame();
}

void Harness::key(int k, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[k] = true;
    frame();
    io.KeysDown[k] = false;
    frame();
    io.KeyCtrl = false;
    io.KeyShift = false;
}

void Harness::named_key(ImGuiKey k, bool ctrl, bool shift) { key(ImGui::GetIO().KeyMap[k], ctrl, shift); }

void Harness::type(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame();
}

void Harness::hold_key(int k, bool down) {
    ImGui::GetIO().KeysDown[k] = down;
    frame();
}

bool Harness::window_open(const char* name) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w && w->Active;
}

// [SECTION] Positions
ImVec2 Harness::to_screen(layout::Vec2 p) { return app().canvas.transform.to_screen(p); }

ImVec2 Harness::card_center(const CardId& id) {
    const int i = doc().card_index(id);
    for (const auto& b : lay().cards)
        if (b.card == i) return to_screen(b.rect.center());
    FAIL("no such card on the canvas: " << id.str());
    return {};
}

ImVec2 Harness::card_handle(const CardId& id) {
    const int i = doc().card_index(id);
    for (const auto& b : lay().cards)
        if (b.card == i) return to_screen({b.rect.right(), b.rect.y + b.rect.h / 2});
    FAIL("no such card on the canvas: " << id.str());
    return {};
}

ImVec2 Harness::cell_free_point(int lane, int step) {
    const auto& l = lay();
    const layout::Rect cell = l.cell(lane, step);
    float y = cell.y + l.style.cell_padding * 0.5f;
    for (int ci : l.cards_in_cell(lane, step)) y = std::max(y, l.cards[static_cast<std::size_t>(ci)].rect.bottom() + 2);
    const float bottom = cell.bottom() - 2;
    return to_screen({cell.x + cell.w / 2, (y + bottom) / 2});
}

bool Harness::find_empty_cell(int& lane, int& step) {
    const Document& d = doc();
    for (std::size_t s = 0; s < d.steps.size(); ++s)
        for (std::size_t l = 0; l < d.lanes.size(); ++l)
            if (edit::cell_cards(d, d.lanes[l].id, d.steps[s].id).empty()) {
                lane = static_cast<int>(l);
                step = static_cast<int>(s);
                return true;
            }
    return false;
}

// [SECTION] Panels
void click_control(Harness& h, const std::string& name) {
    const auto c = h.app().tiers_panel.controls.center(name);
    REQUIRE_MESSAGE(c.has_value(), "no control named " << name);
    h.click(*c);
    h.frame();
}

}  // namespace sm::ui::test
