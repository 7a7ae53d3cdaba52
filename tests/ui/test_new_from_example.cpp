// File › New from Example: a copy of a shipped example, untitled and unsaved.
#include <doctest/doctest.h>

#include "harness.h"
#include "io/blueprint_io.h"
#include "ui/app_state.h"
#include "ui/modals.h"

using namespace sm;
using sm::ui::test::Harness;

TEST_CASE("New from Example starts an untitled copy of an example, and asks before replacing work") {
    const auto examples = ui::example_blueprints();
    REQUIRE(examples.size() >= 3);
    const auto hotel = std::find_if(examples.begin(), examples.end(),
                                    [](const auto& p) { return p.filename() == "hotel-stay.blueprint.json"; });
    REQUIRE(hotel != examples.end());

    Harness h;
    ui::action_new_from_example(h.app(), *hotel);
    h.frame(2);
    CHECK(io::to_text(h.doc()) == io::to_text(*io::load_file(*hotel).document));
    CHECK(h.app().session.path.empty());  // saving asks where: the example is never overwritten
    CHECK(h.app().session.dirty());
    for (const auto& r : h.app().settings.recent) CHECK(r != hotel->string());

    // With unsaved work, another example waits for the user's answer.
    const auto before = io::to_text(h.doc());
    ui::action_new_from_example(h.app(), examples.front());
    h.frame(2);
    CHECK(h.app().modals.confirm_discard);
    CHECK(io::to_text(h.doc()) == before);
}
