// Tests of CachingMeasurer: the same layout as its inner measurer, and after an edit only the
// text that changed is measured again.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixture.h"
#include "layout/layout.h"
#include "layout/text_cache.h"

using namespace sm;
using namespace sm::layout;

namespace {

// A fixed measurer that counts the texts it measures.
class CountingMeasurer final : public TextMeasurer {
public:
    float width(std::string_view utf8, float font_size, bool bold) const override {
        ++calls;
        return fixed.width(utf8, font_size, bold);
    }
    FixedMeasurer fixed;
    mutable int calls = 0;
};

void check_same(const BlueprintLayout& a, const BlueprintLayout& b) {
    CHECK(a.bounds.w == b.bounds.w);
    CHECK(a.bounds.h == b.bounds.h);
    REQUIRE(a.cards.size() == b.cards.size());
    for (std::size_t i = 0; i < a.cards.size(); ++i) {
        CHECK(a.cards[i].rect.y == b.cards[i].rect.y);
        CHECK(a.cards[i].rect.h == b.cards[i].rect.h);
        CHECK(a.cards[i].title.lines == b.cards[i].title.lines);
    }
}

}  // namespace

TEST_CASE("a caching measurer lays out exactly as the measurer it wraps") {
    Document d = test::small_blueprint();
    d.cards[0].title = "A long title that has to wrap over several lines of the card 需要换行的很长的标题";
    const CountingMeasurer inner;
    const CachingMeasurer cached(inner);
    const BlueprintLayout direct = compute_layout(d, inner);
    const BlueprintLayout first = compute_layout(d, cached);
    check_same(direct, first);
    // Again, from memory: the same layout, nothing measured.
    const int before = inner.calls;
    const BlueprintLayout second = compute_layout(d, cached);
    check_same(direct, second);
    CHECK(inner.calls == before);
}

TEST_CASE("after an edit only the changed text is measured again") {
    Document d = test::small_blueprint();
    const CountingMeasurer inner;
    CachingMeasurer cached(inner);
    compute_layout(d, cached);
    cached.trim();
    const int full = inner.calls;
    REQUIRE(full > 10);
    d.cards[1].title = "Renamed 改名";
    const BlueprintLayout after = compute_layout(d, cached);
    cached.trim();
    const int again = inner.calls - full;
    CHECK(again > 0);
    CHECK(again <= 6);  // the new title's words and lines, not the whole blueprint
    CHECK(after.cards[1].title.lines == std::vector<std::string>{"Renamed 改名"});
    const CountingMeasurer fresh;
    check_same(compute_layout(d, fresh), after);
}

TEST_CASE("trim forgets text no longer shown; clear forgets everything") {
    Document d = test::small_blueprint();
    const CountingMeasurer inner;
    CachingMeasurer cached(inner);
    for (int i = 0; i < 6000; ++i) {  // a title typed a letter at a time
        d.cards[0].title = test::numbered("Typed title ", i);
        compute_layout(d, cached);
        cached.trim();
    }
    const std::size_t in_use = [&] {
        CachingMeasurer one(inner);
        compute_layout(d, one);
        return one.size();
    }();
    // Bounded (trim() keeps at most twice what a layout uses, plus 4,096), not ~2 entries per
    // keystroke: without trimming this holds ~12,000.
    CHECK(cached.size() <= 2 * in_use + 4096 + 10);
    cached.clear();
    CHECK(cached.size() == 0);
}
