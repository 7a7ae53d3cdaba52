// Stagemap — a measurer that remembers: widths and wrapped lines of another measurer, for the
// layouts that repeat after every edit on the canvas.
//
// After moving one card of 10,000, a layout measured and wrapped every title again: a fifth of
// the frame after the edit. Through a CachingMeasurer only the text that changed is measured.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/layout.h"

namespace sm::layout {

// The key a measured text is cached under: the text, then the size, the wrapping width and the
// weight as bytes (into `out`, a buffer reused between lookups).
void measure_key(std::string& out, std::string_view text, float font_size, float max_width, bool bold);

class CachingMeasurer final : public TextMeasurer {
public:
    explicit CachingMeasurer(const TextMeasurer& inner) : inner_(inner) {}

    float width(std::string_view utf8, float font_size, bool bold = false) const override;
    float line_height(float font_size) const override { return inner_.line_height(font_size); }
    std::vector<std::string> wrap(std::string_view text, float font_size, float max_width, bool bold) const override;

    // Forgets everything: the inner measurer's results changed (other fonts).
    void clear();
    // Call after each layout: when most entries were not used since the previous call (text
    // typed a letter at a time leaves one entry per letter), forgets those.
    void trim();
    std::size_t size() const { return widths_.size() + wraps_.size(); }

private:
    template <class V>
    struct Entry {
        V value;
        unsigned used = 0;  // the pass (trim() count) that last used it
    };
    const std::string& key(std::string_view text, float font_size, float max_width, bool bold) const;
    // Marks an entry used in this pass (trim() keeps it) and returns its value.
    template <class V>
    const V& use(Entry<V>& e) const {
        if (e.used != pass_) {
            e.used = pass_;
            ++used_now_;
        }
        return e.value;
    }

    const TextMeasurer& inner_;
    mutable std::unordered_map<std::string, Entry<float>> widths_;
    mutable std::unordered_map<std::string, Entry<std::vector<std::string>>> wraps_;
    mutable std::string key_;
    mutable std::size_t used_now_ = 0;  // entries used in this pass
    unsigned pass_ = 1;
};

}  // namespace sm::layout
