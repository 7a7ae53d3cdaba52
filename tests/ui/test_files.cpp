// Stagemap — opening, saving, the unsaved-changes prompt, autosave and restore, settings and
// the file dialog's listing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/actions.h"
#include "ui/autosave.h"
#include "ui/file_dialog.h"
#include "ui/keys.h"
#include "ui/modals.h"
#include "ui/settings.h"

using namespace sm;
using sm::ui::test::Harness;
using sm::ui::test::TempDir;

namespace {


void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// Points $XDG_STATE_HOME and $XDG_CONFIG_HOME into a folder for the test's lifetime.
struct XdgHome {
    explicit XdgHome(const std::filesystem::path& root) {
        setenv("XDG_STATE_HOME", (root / "state").c_str(), 1);
        setenv("XDG_CONFIG_HOME", (root / "config").c_str(), 1);
    }
    ~XdgHome() {
        unsetenv("XDG_STATE_HOME");
        unsetenv("XDG_CONFIG_HOME");
    }
};

}  // namespace

TEST_CASE("a file that fails to load shows every diagnostic and leaves the open document alone") {
    TempDir tmp("bad_open");
    Harness h(ui::test::blueprint("hotel-stay"));
    const std::string before = io::to_text(h.doc());
    const auto bad = tmp.path / "broken.blueprint.json";
    write(bad, R"({"format": "stagemap.blueprint", "version": 1, "title": "x", "phases": [], "steps": [],
                 "lanes": [], "cards": [{"id": "c", "lane": "nope", "step": "nope", "title": "t"}]})");
    CHECK_FALSE(h.ui().open(bad));
    h.frame(2);
    CHECK(io::to_text(h.doc()) == before);
    CHECK(h.app().modals.show_errors);
    CHECK(h.app().modals.errors.size() >= 2);  // both the lane and the step are named
    CHECK(Harness::window_open("###errors"));
    h.named_key(ImGuiKey_Enter);
    CHECK_FALSE(h.app().modals.show_errors);
    CHECK(h.app().session.path.filename() == "hotel-stay.blueprint.json");
}

TEST_CASE("save writes the file, clears the dirty mark and names it in the title") {
    TempDir tmp("save");
    Harness h(ui::test::blueprint("retail-store-visit"));
    const CardId id = h.doc().cards.at(0).id;
    h.click(h.card_center(id));
    h.named_key(ImGuiKey_Delete);
    CHECK(h.app().session.dirty());
    CHECK(h.ui().window_title().find("•") != std::string::npos);
    const auto target = tmp.path / "copy.blueprint.json";
    REQUIRE(ui::save_now(h.app(), target));
    CHECK_FALSE(h.app().session.dirty());
    CHECK(h.ui().window_title() == "copy.blueprint.json — Stagemap");
    const auto back = io::load_file(target);
    REQUIRE(back.ok());
    CHECK(*back.document == h.doc());
    CHECK_FALSE(back.document->find(id));
}

TEST_CASE("a save that fails shows why, keeps the work unsaved and the file on disk as it was") {
    TempDir tmp("save_fails");
    Harness h(ui::test::blueprint("retail-store-visit"));
    const auto good = tmp.path / "work.blueprint.json";
    REQUIRE(ui::save_now(h.app(), good));
    const auto before = io::load_file(good);
    REQUIRE(before.ok());
    const CardId id = h.doc().cards.at(0).id;
    h.click(h.card_center(id));
    h.named_key(ImGuiKey_Delete);
    REQUIRE(h.app().session.dirty());
    // A folder that cannot exist: its parent is a regular file (fails for root too).
    const auto blocked = tmp.path / "work.blueprint.json" / "sub" / "x.blueprint.json";
    CHECK_FALSE(ui::save_now(h.app(), blocked));
    h.frame(2);
    CHECK(Harness::window_open("###errors"));
    CHECK(h.app().modals.errors_title.find("x.blueprint.json") != std::string::npos);
    REQUIRE(h.app().modals.errors.size() == 1);
    CHECK_FALSE(h.app().modals.errors[0].message.empty());
    CHECK(h.app().session.dirty());                        // the work is still marked unsaved
    CHECK(h.app().session.path == std::filesystem::absolute(good).lexically_normal());  // and still belongs to its file
    const auto after = io::load_file(good);
    REQUIRE(after.ok());
    CHECK(*after.document == *before.document);            // the file on disk is untouched
    CHECK(h.doc().find(id) == nullptr);                    // the edit is still in the app
}

TEST_CASE("unsaved work is not discarded without asking") {
    TempDir tmp("prompt");
    Harness h(ui::test::blueprint("hotpot-restaurant"));
    h.click(h.card_center(h.doc().cards.at(0).id));
    h.named_key(ImGuiKey_Delete);
    const std::string edited = io::to_text(h.doc());

    ui::action_new(h.app());
    h.frame(2);
    CHECK(Harness::window_open("###unsaved_changes"));
    h.named_key(ImGuiKey_Escape);  // Cancel
    h.frame(2);
    CHECK_FALSE(Harness::window_open("###unsaved_changes"));
    CHECK(io::to_text(h.doc()) == edited);

    // Dropping a file asks too; Enter saves first (to the current path), then opens it.
    const auto here = tmp.path / "edited.blueprint.json";
    REQUIRE(ui::save_now(h.app(), here));
    h.click(h.card_center(h.doc().cards.at(0).id));
    h.named_key(ImGuiKey_Delete);
    h.ui().drop_files({ui::test::blueprint("hotel-stay").string()});
    h.frame(2);
    CHECK(Harness::window_open("###unsaved_changes"));
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    CHECK(h.app().session.path.filename() == "hotel-stay.blueprint.json");
    CHECK_FALSE(h.app().session.dirty());
    const auto saved = io::load_file(here);
    REQUIRE(saved.ok());
    CHECK(saved.document->cards.size() + 2 == io::load_file(ui::test::blueprint("hotpot-restaurant")).document->cards.size());
}

TEST_CASE("autosave every 30 s while dirty, and restore on the next start") {
    TempDir tmp("autosave");
    XdgHome xdg(tmp.path);
    std::string edited;
    {
        Harness h(ui::test::blueprint("hotel-stay"), ImVec2(1600, 900), true);
        h.click(h.card_center(h.doc().cards.at(0).id));
        h.named_key(ImGuiKey_Delete);
        edited = io::to_text(h.doc());
        h.advance(5);
        CHECK_FALSE(std::filesystem::exists(ui::autosave_file(ui::state_dir())));
        h.advance(31);
        REQUIRE(std::filesystem::exists(ui::autosave_file(ui::state_dir())));
        CHECK(ui::state_dir() == tmp.path / "state" / "stagemap");
        // The app goes away without saving (a crash, say).
    }
    const auto info = ui::find_restorable(ui::state_dir());
    REQUIRE(info);
    CHECK(info->original.filename() == "hotel-stay.blueprint.json");
    {
        Harness h({}, ImVec2(1600, 900), true);
        h.ui().offer_restore();
        h.frame(2);
        CHECK(Harness::window_open("###restore_autosave"));
        h.named_key(ImGuiKey_Enter);
        h.frame(2);
        CHECK(io::to_text(h.doc()) == edited);
        CHECK(h.app().session.dirty());
        CHECK(h.app().session.path.filename() == "hotel-stay.blueprint.json");
        // Declining next time removes it.
        ui::discard_autosave(h.app());
    }
    CHECK_FALSE(ui::find_restorable(ui::state_dir()));
}

TEST_CASE("settings survive a round trip and ignore nonsense") {
    ui::Settings s;
    s.window_width = 1234;
    s.window_height = 777;
    s.ui_scale = 1.5f;
    s.theme = ui::ThemeChoice::Dark;
    s.show_inspector = false;
    s.add_recent("/a/one.blueprint.json");
    s.add_recent("/b/two.blueprint.json");
    s.add_recent("/a/one.blueprint.json");  // moves to the front, no duplicate
    const auto back = ui::parse_settings(ui::settings_text(s));
    CHECK(back.window_width == 1234);
    CHECK(back.window_height == 777);
    CHECK(back.ui_scale == doctest::Approx(1.5));
    CHECK(back.theme == ui::ThemeChoice::Dark);
    CHECK_FALSE(back.show_inspector);
    CHECK(back.recent == std::vector<std::string>{"/a/one.blueprint.json", "/b/two.blueprint.json"});
    const auto odd = ui::parse_settings("window_width=abc\nui_scale=99\nbogus\n=x\n");
    CHECK(odd.window_width == ui::Settings{}.window_width);
    CHECK(odd.ui_scale == doctest::Approx(3.0));

    TempDir tmp("settings");
    XdgHome xdg(tmp.path);
    CHECK(ui::config_dir() == tmp.path / "config" / "stagemap");
    REQUIRE(ui::save_settings(s).empty());
    CHECK(ui::load_settings().recent == back.recent);
    setenv("XDG_CONFIG_HOME", "relative/path", 1);  // relative values are ignored, as the spec says
    CHECK(ui::config_dir().is_absolute());
}

TEST_CASE("the file dialog lists folders first, then blueprints (or all files)") {
    TempDir tmp("dialog");
    write(tmp.path / "b.blueprint.json", "{}");
    write(tmp.path / "A.blueprint.json", "{}");
    write(tmp.path / "notes.txt", "x");
    write(tmp.path / ".hidden.blueprint.json", "{}");
    std::filesystem::create_directories(tmp.path / "zeta");
    ui::FileDialog d;
    ui::open_file_dialog(d, ui::FileDialogMode::Open, tmp.path);
    ui::list_folder(d);
    REQUIRE(d.entries.size() == 3);
    CHECK(d.entries[0].name == "zeta");
    CHECK(d.entries[0].folder);
    CHECK(d.entries[1].name == "A.blueprint.json");
    CHECK(d.entries[2].name == "b.blueprint.json");
    d.all_files = true;
    ui::list_folder(d);
    CHECK(d.entries.size() == 4);
    CHECK(ui::matches_filter("x.blueprint.json", false));
    CHECK_FALSE(ui::matches_filter("x.json", false));
    CHECK(ui::with_blueprint_extension("plan") == "plan.blueprint.json");
    CHECK(ui::with_blueprint_extension("plan.json") == "plan.json");
}

TEST_CASE("the open dialog: type a name, press Enter, the blueprint opens") {
    TempDir tmp("dialog_open");
    std::filesystem::copy_file(ui::test::blueprint("hotel-stay"), tmp.path / "stay.blueprint.json");
    Harness h;
    h.app().settings.last_folder = tmp.path.string();
    h.key(ui::keys::O, true);
    h.frame(3);
    CHECK(h.app().file_dialog.visible);
    CHECK(h.app().file_dialog.folder == std::filesystem::weakly_canonical(tmp.path));
    h.named_key(ImGuiKey_DownArrow);  // the only entry
    CHECK(h.app().file_dialog.name == "stay.blueprint.json");
    h.named_key(ImGuiKey_Enter);
    h.frame(2);
    CHECK_FALSE(h.app().file_dialog.visible);
    CHECK(h.app().session.path.filename() == "stay.blueprint.json");
    CHECK(h.doc().title == io::load_file(ui::test::blueprint("hotel-stay")).document->title);
}
