// Stagemap — the pango measurer.
#include "render/pango_measurer.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <unordered_map>

#include "layout/text_cache.h"

namespace sm::render {

// [SECTION] UTF-8
std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const layout::Utf8Char c = layout::decode_utf8(s, pos);
        if (c.code_point == 0xFFFD && c.length == 1) out += "\xEF\xBF\xBD";
        else if (c.code_point != 0) out.append(s.substr(pos, c.length));
        pos += c.length;
    }
    return out;
}

// [SECTION] Measurer
struct PangoMeasurer::Impl {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoContext* context = nullptr;
    PangoLayout* layout = nullptr;
    PangoFontDescription* font = nullptr;
    mutable std::unordered_map<std::string, float> cache;
    mutable std::string key;  // reused to build cache keys

    explicit Impl(const std::string& family) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
        cr = cairo_create(surface);
        context = pango_cairo_create_context(cr);
        cairo_font_options_t* opts = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(context, opts);
        cairo_font_options_destroy(opts);
        pango_context_set_round_glyph_positions(context, FALSE);
        layout = pango_layout_new(context);
        font = pango_font_description_new();
        pango_font_description_set_family(font, family.c_str());
    }
    ~Impl() {
        pango_font_description_free(font);
        g_object_unref(layout);
        g_object_unref(context);
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }

    float measure(std::string_view text, float size, bool bold) const {
        pango_font_description_set_absolute_size(font, double(size) * PANGO_SCALE);
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout, font);
        const std::string clean = sanitize_utf8(text);
        pango_layout_set_text(layout, clean.data(), int(clean.size()));
        PangoRectangle logical;
        pango_layout_get_extents(layout, nullptr, &logical);
        return float(logical.width) / float(PANGO_SCALE);
    }
};

PangoMeasurer::PangoMeasurer(std::string family) : impl_(std::make_unique<Impl>(family)) {}
PangoMeasurer::~PangoMeasurer() = default;

float PangoMeasurer::width(std::string_view utf8, float font_size, bool bold) const {
    if (utf8.empty()) return 0;
    std::string& key = impl_->key;
    layout::measure_key(key, utf8, font_size, 0, bold);
    auto it = impl_->cache.find(key);
    if (it != impl_->cache.end()) return it->second;
    const float w = impl_->measure(utf8, font_size, bold);
    impl_->cache.emplace(key, w);
    return w;
}

std::size_t PangoMeasurer::cache_size() const { return impl_->cache.size(); }

// [SECTION] Coverage
struct FontCoverage::Impl {
    FcCharSet* chars = nullptr;  // owned copy; null: no font at all
};

FontCoverage::FontCoverage(std::string_view family) : impl_(std::make_unique<Impl>()) {
    const std::string name(family);
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
    if (!pattern) return;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcCharSet* chars = nullptr;
    if (match && FcPatternGetCharSet(match, FC_CHARSET, 0, &chars) == FcResultMatch && chars)
        impl_->chars = FcCharSetCopy(chars);
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
}

FontCoverage::~FontCoverage() {
    if (impl_->chars) FcCharSetDestroy(impl_->chars);
}

bool FontCoverage::covers(std::string_view utf8) const {
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[pos]);
        if (c < 0x80) {  // ASCII: every text font has it; control characters draw nothing
            ++pos;
            continue;
        }
        const layout::Utf8Char ch = layout::decode_utf8(utf8, pos);
        pos += ch.length;
        if (!impl_->chars || !FcCharSetHasChar(impl_->chars, ch.code_point)) return false;
    }
    return true;
}

}  // namespace sm::render
