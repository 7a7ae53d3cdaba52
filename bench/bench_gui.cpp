// Stagemap benchmarks — the GUI side: whole ImGui frames built headlessly (a context with a
// 1920 × 1080 display and a font atlas baked with GetTexDataAsRGBA32, no GL), drawn by UiApp
// as the window's loop draws them: NewFrame → UiApp::frame (menus, toolbar, canvas, inspector,
// status bar) → Render. Zoomed in (~50 cards visible), zoomed to fit, during a drag, and the
// frame right after an edit (which lays the document out again).
#include <benchmark/benchmark.h>

#include "bench_common.h"

#ifdef STAGEMAP_BENCH_GUI

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <memory>

#include "corpus.h"
#include "edit/cards.h"
#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/canvas.h"
#include "ui/fonts.h"
#include "ui/ui_app.h"

namespace sm::bench {

namespace {

constexpr float kDisplayW = 1920, kDisplayH = 1080;
constexpr int kEscapeKey = 256;  // GLFW's code, as the GLFW backend maps ImGuiKey_Escape
constexpr int kWantVisible = 50;

// [SECTION] Headless session
// One ImGui context and one UiApp with a sample open; kept for the whole run (one per size).
class GuiSession {
public:
    explicit GuiSession(const std::filesystem::path& file) {
        ctx_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(ctx_);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(kDisplayW, kDisplayH);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.KeyMap[ImGuiKey_Escape] = kEscapeKey;
        ui::UiOptions opt;
        opt.persistent = false;
        ui_ = std::make_unique<ui::UiApp>(opt, ui::find_fonts());
        ok_ = ui_->open(file);
        settle();
    }
    ~GuiSession() {
        ImGui::SetCurrentContext(ctx_);
        ui_.reset();
        ImGui::DestroyContext(ctx_);
    }
    GuiSession(const GuiSession&) = delete;
    GuiSession& operator=(const GuiSession&) = delete;

    bool ok() const { return ok_; }
    void activate() { ImGui::SetCurrentContext(ctx_); }
    ui::AppState& app() { return ui_->state(); }
    int atlas_builds() const { return atlas_builds_; }

    // One frame as the platform loop draws it (the atlas upload replaced by GetTexDataAsRGBA32).
    // `dt`: seconds since the last frame (a long one keeps two presses from making a double click).
    void frame(bool settle_fonts = false, float dt = 1.0f / 60.0f) {
        ImGuiIO& io = ImGui::GetIO();
        time_ += dt;
        io.DeltaTime = dt;
        if (ui_->update_fonts(time_, settle_fonts)) {
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
            ++atlas_builds_;
        }
        ImGui::NewFrame();
        ui_->frame(time_);
        ImGui::Render();
    }

    // Frames until the fonts are baked for the current zoom and the view is fitted.
    void settle() {
        for (int i = 0; i < 90 && (i < 3 || !ui_->settled()); ++i) frame(true);
    }

    int visible_cards() {
        const auto& c = app().canvas;
        const layout::Rect view = c.transform.to_layout(c.region_min, c.region_max);
        const auto& lay = ui::current_layout(app());
        return static_cast<int>(std::count_if(lay.cards.begin(), lay.cards.end(),
                                              [&](const layout::CardBox& b) { return b.rect.intersects(view); }));
    }

    void view_fit() {
        if (view_ == View::Fit) return;
        ui::zoom_to_fit(app());
        settle();
        view_ = View::Fit;
    }

    // Zoomed in on the middle of the blueprint until about kWantVisible cards show.
    void view_zoomed_in() {
        if (view_ == View::Zoomed) return;
        ui::zoom_to_fit(app());
        ui::set_zoom(app(), 1.0f);
        for (int i = 0; i < 40 && visible_cards() > kWantVisible + 10 && app().canvas.zoom < ui::kMaxZoom; ++i)
            ui::zoom_by(app(), 1.08f);
        for (int i = 0; i < 40 && visible_cards() < kWantVisible - 10 && app().canvas.zoom > 0.4f; ++i)
            ui::zoom_by(app(), 1 / 1.08f);
        settle();
        view_ = View::Zoomed;
    }

    // The layout box of the visible card nearest the canvas centre, or null.
    const layout::CardBox* central_card() {
        const auto& c = app().canvas;
        const ImVec2 mid((c.region_min.x + c.region_max.x) * 0.5f, (c.region_min.y + c.region_max.y) * 0.5f);
        const layout::Vec2 p = c.transform.to_layout(mid);
        const layout::CardBox* best = nullptr;
        float best_d = FLT_MAX;
        for (const auto& b : ui::current_layout(app()).cards) {
            const auto q = b.rect.center();
            const float d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
            if (d < best_d) {
                best_d = d;
                best = &b;
            }
        }
        return best;
    }

private:
    enum class View { Unknown, Fit, Zoomed };
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<ui::UiApp> ui_;
    double time_ = 0;
    int atlas_builds_ = 0;
    bool ok_ = false;
    View view_ = View::Unknown;
};

std::map<int, std::unique_ptr<GuiSession>>& sessions() {
    static std::map<int, std::unique_ptr<GuiSession>> s;
    return s;
}

GuiSession& session(int cards) {
    auto& slot = sessions()[cards];
    if (!slot) slot = std::make_unique<GuiSession>(sample(cards).file);
    slot->activate();
    return *slot;
}

int cards_arg(const benchmark::State& state) { return static_cast<int>(state.range(0)); }

void frame_counters(benchmark::State& state, GuiSession& g) {
    state.counters["visible_cards"] = g.visible_cards();
    state.counters["zoom"] = g.app().canvas.zoom;
    if (const ImDrawData* dd = ImGui::GetDrawData()) state.counters["vertices"] = dd->TotalVtxCount;
}

// [SECTION] Frames
void gui_frame_zoomed(benchmark::State& state) {
    GuiSession& g = session(cards_arg(state));
    if (!g.ok()) return state.SkipWithError("the UI could not open the sample");
    g.view_zoomed_in();
    const int builds = g.atlas_builds();
    {
        const CollectScope collect;
        for (auto _ : state) g.frame();
    }
    frame_counters(state, g);
    state.counters["atlas_builds"] = g.atlas_builds() - builds;
}

void gui_frame_fit(benchmark::State& state) {
    GuiSession& g = session(cards_arg(state));
    if (!g.ok()) return state.SkipWithError("the UI could not open the sample");
    g.view_fit();
    const int builds = g.atlas_builds();
    {
        const CollectScope collect;
        for (auto _ : state) g.frame();
    }
    frame_counters(state, g);
    state.counters["atlas_builds"] = g.atlas_builds() - builds;
}

// Frames while a card is dragged across cells (zoomed in): the mouse moves every frame, the drop
// target follows it; the drag is cancelled with Escape at the end, so the document never changes.
void gui_frame_drag(benchmark::State& state) {
    GuiSession& g = session(cards_arg(state));
    if (!g.ok()) return state.SkipWithError("the UI could not open the sample");
    g.view_zoomed_in();
    const layout::CardBox* box = g.central_card();
    if (!box) return state.SkipWithError("no card on the canvas");
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 start = g.app().canvas.transform.to_screen(box->rect.center());
    io.MousePos = start;
    g.frame(false, 1.0f);  // long after any earlier press: this one is not a double click
    io.MouseDown[0] = true;
    g.frame();
    io.MousePos = ImVec2(start.x + 8, start.y + 8);
    g.frame();
    if (g.app().canvas.gesture != ui::Gesture::MoveCards) {
        io.MouseDown[0] = false;
        g.frame();
        return state.SkipWithError("the press did not start a card drag");
    }
    // A circle two columns wide: the drop cell or slot changes from one frame to the next.
    const float radius = 1.2f * g.app().canvas.transform.scale * ui::current_layout(g.app()).style.step_width;
    int i = 0;
    {
        const CollectScope collect;
        for (auto _ : state) {
            const float a = static_cast<float>(i++ % 24) * (6.2831853f / 24.0f);
            io.MousePos = ImVec2(start.x + radius * std::cos(a), start.y + 0.6f * radius * std::sin(a));
            g.frame();
        }
    }
    frame_counters(state, g);
    io.KeysDown[kEscapeKey] = true;
    g.frame();
    io.KeysDown[kEscapeKey] = false;
    io.MouseDown[0] = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    g.frame();
    g.frame();
}

// A card moved through the app (as a drop does), then one frame, then the undo and a frame: each
// frame after an edit lays the document out again with the ImGui measurer.
void gui_frame_after_edit(benchmark::State& state) {
    GuiSession& g = session(cards_arg(state));
    if (!g.ok()) return state.SkipWithError("the UI could not open the sample");
    g.view_zoomed_in();
    const layout::CardBox* box = g.central_card();
    if (!box) return state.SkipWithError("no card on the canvas");
    const Document& doc = g.app().doc();
    const CardId id = doc.cards[static_cast<std::size_t>(box->card)].id;
    const LaneId target = doc.lanes[static_cast<std::size_t>(box->lane + 1) % doc.lanes.size()].id;
    const StepId step = doc.steps[static_cast<std::size_t>(box->step)].id;
    bool moved = false;
    {
        const CollectScope collect;
        for (auto _ : state) {
            if (!moved) {
                if (!ui::run(g.app(), edit::move_cards(g.app().doc(), {id}, target, step, 0))) {
                    state.SkipWithError("the move did nothing");
                    break;
                }
            } else {
                ui::undo(g.app());
            }
            moved = !moved;
            g.frame();
        }
    }
    if (moved) {
        ui::undo(g.app());
        g.frame();
    }
    frame_counters(state, g);
}

}  // namespace

// [SECTION] Memory
bool measure_gui_memory(int cards, MemoryReport& out) {
    const std::filesystem::path file = sample(cards).file;
    forget_samples();
    trim_heap();
    out.before_mib = resident_mib();
    GuiSession g(file);
    g.view_zoomed_in();
    g.frame();
    out.after_mib = resident_mib();
    out.peak_mib = peak_resident_mib();
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    out.atlas_mib = double(atlas->TexWidth) * double(atlas->TexHeight) * 5.0 / 1048576.0;
    return g.ok();
}

namespace {

void memory_gui(benchmark::State& state) {
    MemoryReport m;
    {
        const CollectScope collect;
        for (auto _ : state) measure_gui_memory(cards_arg(state), m);
    }
    state.counters["rss_MiB"] = m.after_mib;
    state.counters["rss_before_MiB"] = m.before_mib;
    state.counters["peak_MiB"] = m.peak_mib;
    state.counters["atlas_MiB"] = m.atlas_mib;
}

}  // namespace

// [SECTION] Registration
bool gui_available() { return true; }

void register_gui_benchmarks(const Config& config) {
    if (!config.gui) return;
    add(config, "gui_frame_zoomed", gui_frame_zoomed);
    add(config, "gui_frame_fit", gui_frame_fit);
    add(config, "gui_frame_drag", gui_frame_drag);
    add(config, "gui_frame_after_edit", gui_frame_after_edit);
    benchmark::RegisterBenchmark("memory_gui", memory_gui)
        ->Arg(10000)
        ->Iterations(1)
        ->Repetitions(1)
        ->Unit(benchmark::kMillisecond);
}

void teardown_gui() { sessions().clear(); }

}  // namespace sm::bench

#else  // no GUI in this build

namespace sm::bench {
bool gui_available() { return false; }
void register_gui_benchmarks(const Config&) {}
void teardown_gui() {}
bool measure_gui_memory(int, MemoryReport&) { return false; }
}  // namespace sm::bench

#endif
