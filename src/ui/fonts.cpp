#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui.h>
#include <imgui_freetype.h>
#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <utility>

namespace sm::ui {

// [SECTION] Font discovery (fontconfig)
namespace {

constexpr FcChar32 kProbeChar = 0x4E2D;  // 中

struct FcMatchResult {
    FontFace face;
    std::string family;
    int weight = 0;
};

std::optional<FcMatchResult> read_match(FcPattern* m) {
    if (!m) return std::nullopt;
    FcCharSet* cs = nullptr;
    if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) != FcResultMatch || !FcCharSetHasChar(cs, kProbeChar))
        return std::nullopt;
    FcChar8* file = nullptr;
    if (FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch || !file) return std::nullopt;
    FcMatchResult r;
    r.face.path = reinterpret_cast<const char*>(file);
    int index = 0;
    if (FcPatternGetInteger(m, FC_INDEX, 0, &index) == FcResultMatch) r.face.index = index;
    FcChar8* family = nullptr;
    if (FcPatternGetString(m, FC_FAMILY, 0, &family) == FcResultMatch && family)
        r.family = reinterpret_cast<const char*>(family);
    FcPatternGetInteger(m, FC_WEIGHT, 0, &r.weight);
    return r;
}

// Matches a pattern; the result only counts when it really has Chinese glyphs.
std::optional<FcMatchResult> match(FcPattern* pat) {
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern* m = FcFontMatch(nullptr, pat, &res);
    auto out = read_match(m);
    if (m) FcPatternDestroy(m);
    return out;
}

std::optional<FcMatchResult> match_family(const char* family, bool bold) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    auto r = match(pat);
    FcPatternDestroy(pat);
    return r;
}

std::optional<FcMatchResult> match_lang(const char* lang, bool bold) {
    FcPattern* pat = FcPatternCreate();
    FcLangSet* ls = FcLangSetCreate();
    FcLangSetAdd(ls, reinterpret_cast<const FcChar8*>(lang));
    FcPatternAddLangSet(pat, FC_LANG, ls);
    FcLangSetDestroy(ls);
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    auto r = match(pat);
    FcPatternDestroy(pat);
    return r;
}

}  // namespace

FontChoice find_fonts() {
    FontChoice out;
    if (!FcInit()) {
        out.warning = "fontconfig could not be initialised; Chinese text cannot be shown.";
        return out;
    }
    auto regular = match_family("Noto Sans CJK SC", false);
    if (!regular) regular = match_lang("zh-cn", false);
    if (!regular) {
        out.warning = "No font with Chinese characters was found (install fonts-noto-cjk); Chinese text shows as '?'.";
        return out;
    }
    out.regular = regular->face;
    out.family = regular->family;
    auto bold = match_family(regular->family.c_str(), true);
    if (bold && bold->weight >= FC_WEIGHT_DEMIBOLD) {
        out.bold = bold->face;
    } else {
        FontFace f = regular->face;
        f.synthetic_bold = true;
        out.bold = f;
    }
    return out;
}

float em_ratio(const FontFace& face) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) return 1;
    float ratio = 1;
    FT_Face f = nullptr;
    if (FT_New_Face(lib, face.path.c_str(), face.index, &f) == 0) {
        if (f->units_per_EM > 0 && f->ascender - f->descender > 0)
            ratio = static_cast<float>(f->ascender - f->descender) / static_cast<float>(f->units_per_EM);
        FT_Done_Face(f);
    }
    FT_Done_FreeType(lib);
    return ratio;
}

// [SECTION] Font files
namespace {

// A font file mapped read-only, only while the atlas is built: ImGui copies the bytes of every
// font it is given and FreeType reads the copies, so nothing of the files is kept afterwards
// (the CJK collections are about 20 MB each). Empty when the file cannot be read.
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<unsigned char*>(p);
                size_ = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(data_, size_);
    }
    MappedFile(MappedFile&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

using FontFiles = std::map<std::string, MappedFile>;

const MappedFile* face_bytes(FontFiles& files, const FontFace& face) {
    auto it = files.find(face.path);
    if (it == files.end()) it = files.emplace(face.path, MappedFile(face.path)).first;
    return it->second.empty() ? nullptr : &it->second;
}

}  // namespace

// [SECTION] Font manager
FontManager::FontManager(FontChoice choice) : choice_(std::move(choice)) {
    if (choice_.regular) em_ratio_ = sm::ui::em_ratio(*choice_.regular);
    add_basic_latin(required_);
    add_ui_strings(required_);
}

void FontManager::set_ui_scale(float scale) { ui_scale_ = std::clamp(scale, 0.5f, 4.0f); }

void FontManager::require(const CodePoints& cps) {
    for (char32_t c : cps) require(c);
}

void FontManager::require(char32_t cp) {
    if (cp > 0xFFFF) return;
    std::uint64_t& word = seen_[cp >> 6];
    const std::uint64_t bit = std::uint64_t(1) << (cp & 63);
    if (word & bit) return;
    word |= bit;
    if (needs_no_glyph(cp)) return;
    if (required_.insert(cp).second) required_changed_ = true;
}

void FontManager::require_text(std::string_view utf8) {
    for_each_code_point(utf8, [this](char32_t cp) { require(cp); });
}

void FontManager::require_document(const Document& doc) {
    if (checked_texts_.size() > kCheckedTextsMax) checked_texts_.clear();
    for_each_text(doc, [this](std::string_view text) {
        // Every character of a text checked before is in seen_ already (it is never cleared).
        if (text.size() >= kHashedTextMin && !checked_texts_.insert(std::hash<std::string_view>{}(text)).second) return;
        require_text(text);
    });
}

void FontManager::want_canvas_px(float px) { wanted_canvas_px_ = px; }

float FontManager::bucket(float px) {
    // Coarse steps keep re-bakes rare while zooming; text is drawn at most ~10 % above its
    // baked size (slightly soft) and otherwise below it (crisp).
    const float target = px * 0.9f;
    float b = kMinCanvasFontPx;
    while (b < target && b < kMaxCanvasFontPx) b = std::round(b * 1.35f);
    return std::min(b, kMaxCanvasFontPx);
}

bool FontManager::stale() const {
    return generation_ == 0 || required_changed_ || bucket(wanted_canvas_px_) != built_canvas_px_ ||
           ui_scale_ != built_ui_scale_;
}

void FontManager::build(ImFontAtlas& atlas) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    canvas_ranges_ = make_ranges(required_);
    static_assert(sizeof(ImWchar) == sizeof(std::uint16_t), "this ImGui build uses 16-bit ImWchar");
    // The UI font also holds the common Chinese characters and symbols, so typing them into a
    // field shows them at once; the canvas fonts hold what the blueprint uses.
    CodePoints symbols;
    add_common_symbols(symbols);
    const auto symbol_ranges = make_ranges(symbols);
    ui_ranges_ = merge_ranges({reinterpret_cast<const std::uint16_t*>(atlas.GetGlyphRangesChineseSimplifiedCommon()),
                               canvas_ranges_.data(), symbol_ranges.data()});
    const float canvas_px = bucket(wanted_canvas_px_);
    const float ui_px = std::round(kUiFontEm * ui_scale_ * em_ratio_);

    FontFiles files;  // mapped until the atlas is built
    const auto* regular = choice_.regular ? face_bytes(files, *choice_.regular) : nullptr;
    const auto* bold = choice_.bold ? face_bytes(files, *choice_.bold) : nullptr;
    if (!bold) bold = regular;

    auto add = [&](const MappedFile* bytes, const FontFace* face, float px,
                   const std::vector<std::uint16_t>& ranges, bool embolden, bool snap, const char* name) -> ImFont* {
        ImFontConfig cfg;
        std::snprintf(cfg.Name, sizeof(cfg.Name), "%s %.0fpx", name, static_cast<double>(px));
        cfg.SizePixels = px;
        if (!bytes) return atlas.AddFontDefault(&cfg);
        cfg.FontDataOwnedByAtlas = false;
        cfg.FontNo = face ? face->index : 0;
        cfg.PixelSnapH = snap;
        cfg.GlyphRanges = reinterpret_cast<const ImWchar*>(ranges.data());
        if (embolden) cfg.FontBuilderFlags |= ImGuiFreeTypeBuilderFlags_Bold;
        return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes->data()), static_cast<int>(bytes->size()),
                                          px, &cfg, cfg.GlyphRanges);
    };
    const FontFace* rf = choice_.regular ? &*choice_.regular : nullptr;
    const FontFace* bf = choice_.bold ? &*choice_.bold : rf;
    const bool synth = bf && bf->synthetic_bold;
    // Without a CJK font, ImGui's built-in font is used at its native size (it is a bitmap font).
    const float fallback_ui_px = 13.0f * std::max(1.0f, std::round(ui_scale_));
    ui_ = add(regular, rf, regular ? ui_px : fallback_ui_px, ui_ranges_, false, true, "UI");
    canvas_ = add(regular, rf, regular ? canvas_px : 13.0f, canvas_ranges_, false, false, "Canvas");
    canvas_bold_ = add(bold, bf, regular ? canvas_px : 13.0f, canvas_ranges_, synth, false, "Canvas bold");
    measure_ = add(regular, rf, regular ? kMeasureFontPx : 13.0f, canvas_ranges_, false, false, "Measure");
    measure_bold_ = add(bold, bf, regular ? kMeasureFontPx : 13.0f, canvas_ranges_, synth, false, "Measure bold");
    atlas.Build();
    // ImGui keeps its copy of each font file (five copies of a 20 MB collection) only to build
    // the atlas again, and build() always starts from Clear(): free them now.
    atlas.ClearInputData();
    ::malloc_trim(0);  // and give the ~100 MB back to the system, also when it came from the heap
    if (ImGui::GetCurrentContext() && ImGui::GetIO().Fonts == &atlas) ImGui::GetIO().FontDefault = ui_;

    built_canvas_px_ = canvas_px;
    built_ui_scale_ = ui_scale_;
    required_changed_ = false;
    ++generation_;
}

}  // namespace sm::ui
