// Stagemap — a measurer that remembers (see text_cache.h).
#include "layout/text_cache.h"

#include <cstring>

namespace sm::layout {

namespace {

template <class Map>
void forget_unused(Map& map, unsigned pass) {
    for (auto it = map.begin(); it != map.end();) {
        if (it->second.used != pass) it = map.erase(it);
        else ++it;
    }
}

}  // namespace

void measure_key(std::string& out, std::string_view text, float font_size, float max_width, bool bold) {
    out.assign(text);
    char tail[2 * sizeof(float) + 1];
    std::memcpy(tail, &font_size, sizeof(float));
    std::memcpy(tail + sizeof(float), &max_width, sizeof(float));
    tail[2 * sizeof(float)] = bold ? 'b' : 'r';
    out.append(tail, sizeof tail);
}

const std::string& CachingMeasurer::key(std::string_view text, float font_size, float max_width, bool bold) const {
    measure_key(key_, text, font_size, max_width, bold);
    return key_;
}

float CachingMeasurer::width(std::string_view utf8, float font_size, bool bold) const {
    auto it = widths_.find(key(utf8, font_size, 0, bold));
    if (it == widths_.end()) it = widths_.emplace(key_, Entry<float>{inner_.width(utf8, font_size, bold)}).first;
    return use(it->second);
}

std::vector<std::string> CachingMeasurer::wrap(std::string_view text, float font_size, float max_width, bool bold) const {
    auto it = wraps_.find(key(text, font_size, max_width, bold));
    if (it == wraps_.end()) {
        std::string k = key_;  // wrapping measures through width(), which reuses key_
        it = wraps_.emplace(std::move(k), Entry<std::vector<std::string>>{wrap_text(*this, text, font_size, max_width, bold)}).first;
    }
    return use(it->second);
}

void CachingMeasurer::clear() {
    widths_.clear();
    wraps_.clear();
    used_now_ = 0;
}

void CachingMeasurer::trim() {
    if (size() > 2 * used_now_ + 4096) {
        forget_unused(widths_, pass_);
        forget_unused(wraps_, pass_);
    }
    ++pass_;
    used_now_ = 0;
}

}  // namespace sm::layout
