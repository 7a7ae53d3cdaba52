// Stagemap — the inspector's fields commit one command when the user leaves them.
#include <doctest/doctest.h>

#include <functional>

#include "harness.h"
#include "ui/inspector.h"
#include "ui/widgets.h"

using namespace sm;
using sm::ui::test::Harness;

namespace {

// One frame with a window holding whatever `body` draws; returns the last item's rectangle.
struct Frame {
    ImVec2 min, max;
};

Frame draw(const std::function<void()>& body) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(500, 300));
    ImGui::Begin("fields", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    Frame f{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ImGui::End();
    ImGui::Render();
    return f;
}

}  // namespace

TEST_CASE("a text field commits once, when it is left, with the final text") {
    Harness h;
    auto& app = h.app();
    std::string value = "before";
    int commits = 0;
    auto body = [&] {
        ui::widgets::text_field(app, "##field", value, [&](ui::AppState&, std::string v) {
            value = std::move(v);
            ++commits;
        });
    };
    ImGuiIO& io = ImGui::GetIO();
    const Frame f = draw(body);
    io.MousePos = ImVec2((f.min.x + f.max.x) / 2, (f.min.y + f.max.y) / 2);
    io.MouseDown[0] = true;
    draw(body);
    io.MouseDown[0] = false;
    draw(body);
    io.AddInputCharactersUTF8(" 和 after");
    draw(body);
    draw(body);
    CHECK(commits == 0);  // still typing
    CHECK(value == "before");
    io.MousePos = ImVec2(450, 250);  // click elsewhere
    io.MouseDown[0] = true;
    draw(body);
    io.MouseDown[0] = false;
    draw(body);
    draw(body);
    CHECK(commits == 1);
    CHECK(value == "before 和 after");

    // Enter commits too; Escape reverts without a commit.
    io.MousePos = ImVec2((f.min.x + f.max.x) / 2, (f.min.y + f.max.y) / 2);
    io.MouseDown[0] = true;
    draw(body);
    io.MouseDown[0] = false;
    draw(body);
    io.AddInputCharactersUTF8("!");
    draw(body);
    const int esc = io.KeyMap[ImGuiKey_Escape];
    io.KeysDown[esc] = true;
    draw(body);
    io.KeysDown[esc] = false;
    draw(body);
    draw(body);
    CHECK(commits == 1);
    CHECK(value == "before 和 after");
}

TEST_CASE("a field that disappears while being edited still commits (flush)") {
    Harness h;
    auto& app = h.app();
    std::string value = "x";
    int commits = 0;
    auto field = [&] {
        ui::widgets::text_field(app, "##vanishing", value, [&](ui::AppState&, std::string v) {
            value = std::move(v);
            ++commits;
        });
    };
    ImGuiIO& io = ImGui::GetIO();
    const Frame f = draw(field);
    io.MousePos = ImVec2((f.min.x + f.max.x) / 2, (f.min.y + f.max.y) / 2);
    io.MouseDown[0] = true;
    draw(field);
    io.MouseDown[0] = false;
    draw(field);
    io.AddInputCharactersUTF8("yz");
    draw(field);
    ui::flush_inspector(app);
    CHECK(commits == 0);
    // Another object got selected: the field is not drawn any more.
    draw([] { ImGui::TextUnformatted("something else"); });
    ui::flush_inspector(app);
    CHECK(commits == 1);
    CHECK(value == "xyz");
}
