// JSON text -> ordered DOM, with hostile-input limits and messages that name the place.
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_set>

#include "io/json_detail.h"

namespace sm::io::detail {

// [SECTION] Diagnostics
void Diagnostics::error(std::string where, std::string message) {
    error_places_.push_back(where);
    list_.push_back({Severity::Error, std::move(where), std::move(message)});
    ++error_count_;
}

void Diagnostics::warning(std::string where, std::string message) {
    list_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

bool Diagnostics::covered(std::string_view where) const {
    for (const auto& p : error_places_) {
        if (p.empty()) continue;
        if (where.size() < p.size() || where.compare(0, p.size(), p) != 0) continue;
        if (where.size() == p.size() || where[p.size()] == '.' || where[p.size()] == '[') return true;
    }
    return false;
}

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch == '\n') {
            ++line;
            column = 1;
        } else if ((ch & 0xC0) != 0x80) {  // count code points, not continuation bytes
            ++column;
        }
    }
    return {line, column};
}

// [SECTION] SAX handler building the DOM
namespace {

std::string path_of(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts) {
        if (!s.empty() && (p.empty() || p[0] != '[')) s += '.';
        s += p;
    }
    return s;
}

class DomBuilder final : public nlohmann::json_sax<Json> {
public:
    DomBuilder(std::string_view text, Json& root, Diagnostics& diags) : text_(text), root_(root), diags_(diags) {}

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool v) override { return put(Json(v)); }
    bool number_integer(number_integer_t v) override { return put(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(Json(v)); }
    bool number_float(number_float_t v, const string_t& raw) override {
        if (!std::isfinite(v)) {
            diags_.error(current_path(), "the number " + raw + " is out of range");
            return put(Json(nullptr));
        }
        return put(Json(v));
    }
    bool string(string_t& v) override { return put(Json(std::move(v))); }
    bool binary(binary_t&) override { return put(Json(nullptr)); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& f = frames_.back();
        f.pending_duplicate = !f.keys.insert(k).second;
        if (f.pending_duplicate)
            diags_.error(path_of(with_part(k)), "the key \"" + k + "\" appears twice in the same object");
        f.pending_key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        // nlohmann counts the failing character itself; point at it.
        std::size_t at_offset = position > 0 ? position - 1 : 0;
        std::string msg = ex.what();
        const bool unexpected_string = msg.find("unexpected string literal") != std::string::npos;
        if (unexpected_string && at_offset < text_.size() && text_[at_offset] == '"') {
            // Point at the start of the string that should not be there, not at its end.
            std::size_t i = at_offset;
            while (i > 0) {
                --i;
                if (text_[i] == '"' && (i == 0 || text_[i - 1] != '\\')) break;
            }
            at_offset = i;
        }
        if (msg.find("invalid literal") != std::string::npos) {
            // Point at the first character of the word that is not a JSON literal.
            auto word = [](unsigned char ch) { return std::isalnum(ch) || ch == '_' || ch == '-' || ch == '+' || ch == '.'; };
            while (at_offset > 0 && at_offset < text_.size() && word(static_cast<unsigned char>(text_[at_offset])) &&
                   word(static_cast<unsigned char>(text_[at_offset - 1])))
                --at_offset;
        }
        if (msg.find("ill-formed UTF-8") != std::string::npos && at_offset < text_.size() &&
            (static_cast<unsigned char>(text_[at_offset]) & 0xC0) != 0x80) {
            // The byte that broke the sequence follows an unfinished one: point at its lead byte.
            std::size_t j = at_offset;
            while (j > 0 && at_offset - j < 3 && (static_cast<unsigned char>(text_[j - 1]) & 0xC0) == 0x80) --j;
            if (j > 0) {
                const auto lead = static_cast<unsigned char>(text_[j - 1]);
                const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
                if (length > 1 && at_offset - (j - 1) < length) at_offset = j - 1;  // unfinished sequence
            }
        }
        const auto [line, column] = line_column(text_, at_offset);
        // Strip "[json.exception.parse_error.101] parse error at line 1, column 2: ".
        if (auto at = msg.find("column "); at != std::string::npos) {
            if (auto colon = msg.find(": ", at); colon != std::string::npos) msg = msg.substr(colon + 2);
        } else if (auto colon = msg.find("] "); colon != std::string::npos) {
            msg = msg.substr(colon + 2);
        }
        if (msg.find("number overflow") != std::string::npos) {
            // Valid JSON syntax, just too large for a number: name it by its JSON path.
            std::string raw = msg.substr(msg.find("parsing") + 7);
            while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\'')) raw.erase(raw.begin());
            while (!raw.empty() && raw.back() == '\'') raw.pop_back();
            diags_.error(current_path(), "the number " + raw + " is out of range");
            return false;
        }
        if (msg.find("ill-formed UTF-8") != std::string::npos) msg = "invalid UTF-8 byte in a string (the file must be UTF-8)";
        if (unexpected_string) msg += " (is a comma missing before it?)";
        diags_.error("line " + std::to_string(line) + ", column " + std::to_string(column), msg);
        return false;
    }

private:
    struct Frame {
        Json* node = nullptr;
        std::string pending_key;
        bool pending_duplicate = false;
        std::unordered_set<std::string> keys;  // objects only: O(1) duplicate checks
    };

    std::vector<std::string> parts() const {
        std::vector<std::string> p;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            const bool last = i + 1 == frames_.size();
            if (f.node->is_array()) {
                std::size_t index = f.node->size() - (last ? 0 : 1);
                std::string part = "[";  // appended, not "[" + …: GCC 12 warns falsely (-Wrestrict)
                part += std::to_string(index);
                part += ']';
                p.push_back(std::move(part));
            } else {
                p.push_back(f.pending_key);
            }
        }
        return p;
    }
    std::vector<std::string> with_part(const std::string& key) const {
        auto p = parts();
        if (!p.empty()) p.pop_back();  // the object's own pending key is replaced by `key`
        p.push_back(key);
        return p;
    }
    std::string current_path() const { return path_of(parts()); }

    // Places a value in the current container; returns a pointer to the stored value.
    Json* place(Json&& v) {
        if (frames_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Frame& f = frames_.back();
        if (f.node->is_array()) {
            f.node->get_ref<Json::array_t&>().push_back(std::move(v));
            return &f.node->get_ref<Json::array_t&>().back();
        }
        auto& obj = f.node->get_ref<Json::object_t&>();
        if (f.pending_duplicate) {
            // The file is refused anyway; the later value replaces the earlier one, so that a
            // container opened under this key really is a container. Only duplicates search.
            for (auto& [k, existing] : obj)
                if (k == f.pending_key) {
                    existing = std::move(v);
                    return &existing;
                }
        }
        obj.emplace_back(f.pending_key, std::move(v));  // ordered_map is a vector: O(1) append
        return &obj.back().second;
    }
    bool put(Json&& v) {
        place(std::move(v));
        return true;
    }
    bool open(Json&& container) {
        if (static_cast<int>(frames_.size()) >= kMaxNestingDepth) {
            // Name the value that holds the deep nesting by its first levels: a real JSON path.
            auto p = parts();
            if (p.size() > 4) p.resize(4);
            diags_.error(path_of(p), "nesting deeper than " + std::to_string(kMaxNestingDepth) +
                                         " levels inside this value; a blueprint never needs that many");
            return false;
        }
        Json* node = place(std::move(container));
        frames_.push_back(Frame{node, {}, false, {}});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return true;
    }

    std::string_view text_;
    Json& root_;
    Diagnostics& diags_;
    std::vector<Frame> frames_;
};

}  // namespace

// [SECTION] Entry point
bool parse_json(std::string_view text, Json& out, Diagnostics& diags) {
    DomBuilder builder(text, out, diags);
    // True when the whole text was read: the DOM is complete, though duplicate keys or
    // out-of-range numbers may have been reported (the file is refused, but checked on).
    return Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                           /*strict=*/true, /*ignore_comments=*/false);
}

}  // namespace sm::io::detail
