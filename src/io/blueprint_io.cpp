// Loading and saving blueprint files: the glue between text, the DOM and the Document.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "io/json_detail.h"

namespace sm::io {

namespace detail {
void validate_into(const Document& doc, Diagnostics& d);  // validate.cpp
}

// [SECTION] Diagnostics
std::string Diagnostic::to_string() const {
    std::string prefix = severity == Severity::Warning ? "warning: " : "";
    return where.empty() ? prefix + message : where + ": " + prefix + message;
}

std::vector<Diagnostic> LoadResult::errors() const {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) out.push_back(d);
    return out;
}

std::vector<Diagnostic> LoadResult::warnings() const {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Warning) out.push_back(d);
    return out;
}

namespace {
// Orders diagnostics as the file reads: by top-level key in format order, then array index.
constexpr std::string_view kOrder[] = {"", "format", "version", "title", "description", "locale", "phases",
                                       "steps", "lanes", "cards", "connectors", "tiers"};

void sort_in_file_order(std::vector<Diagnostic>& list) {
    auto key = [](const Diagnostic& d) {
        std::string_view w = d.where;
        std::size_t cut = w.find_first_of(".[");
        std::string_view head = w.substr(0, cut);
        int rank = static_cast<int>(std::size(kOrder));
        for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i)
            if (kOrder[i] == head) rank = i;
        long index = -1;
        if (cut != std::string_view::npos && w[cut] == '[') index = std::strtol(w.data() + cut + 1, nullptr, 10);
        return std::pair<int, long>{rank, index};
    };
    std::stable_sort(list.begin(), list.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

std::string size_text(std::uintmax_t bytes) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MiB";
    return s.str();
}
}  // namespace

// [SECTION] Loading
LoadResult load_text(std::string_view text) {
    LoadResult result;
    detail::Diagnostics d;
    if (text.size() > kMaxFileBytes) {
        d.error("", "the file is " + size_text(text.size()) + "; Stagemap opens blueprints up to " +
                        size_text(kMaxFileBytes));
        result.diagnostics = d.take();
        return result;
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        d.warning("", "the file starts with a UTF-8 byte order mark; it is left out when saving");
    }
    detail::Json root;
    if (detail::parse_json(text, root, d)) {
        Document doc = detail::from_json(root, d);
        // Semantic rules run even after type errors, so that one pass reports everything;
        // places that already have an error are not reported again. A file of another format
        // or version is not checked further.
        if (root.is_object() && !d.covered("version") && !d.covered("format")) detail::validate_into(doc, d);
        if (!d.has_errors()) result.document = std::move(doc);
    }
    result.diagnostics = d.take();
    sort_in_file_order(result.diagnostics);
    return result;
}

LoadResult load_file(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    LoadResult result;
    auto refuse = [&](std::string msg) {
        result.diagnostics.push_back({Severity::Error, "", std::move(msg)});
        return result;
    };
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return refuse("cannot open: no such file");
    if (fs::is_directory(status)) return refuse("cannot open: it is a folder, not a file");
    auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxFileBytes)
        return refuse("the file is " + size_text(size) + "; Stagemap opens blueprints up to " + size_text(kMaxFileBytes));

    std::ifstream in(path, std::ios::binary);
    if (!in) return refuse("cannot open: permission denied or unreadable");
    std::string text;
    // Read at most one byte past the limit: a file that grows while being read is still refused.
    text.resize(static_cast<std::size_t>(ec ? kMaxFileBytes + 1 : std::min<std::uintmax_t>(size, kMaxFileBytes + 1)));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return refuse("cannot read the file");
    return load_text(text);
}

// [SECTION] Saving
std::string to_text(const Document& doc) {
    std::string text = detail::to_json(doc).dump(2, ' ', /*ensure_ascii=*/false, detail::Json::error_handler_t::replace);
    text += '\n';
    return text;
}

SaveResult save_file(const Document& doc, const std::filesystem::path& path, const SaveOptions& options) {
    return write_file_atomic(path, to_text(doc), options);
}

}  // namespace sm::io
