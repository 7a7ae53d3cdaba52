// Stagemap tests — a small XML reader that refuses what is not well-formed: unbalanced or
// misnamed tags, unquoted or repeated attributes, unknown entities, raw '<' or '&' in text,
// control characters, more than one root. Enough to check the exports' XML without a library.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sm::test {

struct XmlNode {
    std::string name;
    std::map<std::string, std::string> attrs;  // entities decoded
    std::vector<XmlNode> children;

    std::string attr(const std::string& key) const {
        auto it = attrs.find(key);
        return it == attrs.end() ? std::string() : it->second;
    }
    bool has(const std::string& key) const { return attrs.count(key) > 0; }
};

class XmlReader {
public:
    explicit XmlReader(std::string_view s) : s_(s) {}

    // The root element, or nothing with error() saying what is wrong and where.
    std::optional<XmlNode> parse() {
        skip_space();
        if (starts("<?xml")) {
            const std::size_t end = s_.find("?>", pos_);
            if (end == std::string_view::npos) return fail("unterminated XML declaration");
            pos_ = end + 2;
        }
        skip_misc();
        XmlNode root;
        if (!element(root)) return std::nullopt;
        skip_misc();
        if (pos_ != s_.size()) return fail("content after the root element");
        return root;
    }
    const std::string& error() const { return error_; }

private:
    std::nullopt_t fail(std::string_view what, std::string_view detail = {}) {
        if (error_.empty()) {
            error_ = what;
            error_ += detail;
            error_ += " at byte ";
            error_ += std::to_string(pos_);
        }
        return std::nullopt;
    }
    bool starts(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }
    void skip_space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
    }
    void skip_misc() {
        for (;;) {
            skip_space();
            if (!starts("<!--")) return;
            const std::size_t end = s_.find("-->", pos_);
            if (end == std::string_view::npos) {
                fail("unterminated comment");
                pos_ = s_.size();
                return;
            }
            pos_ = end + 3;
        }
    }
    static bool name_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.' || c == ':' || (static_cast<unsigned char>(c) >= 0x80);
    }
    bool name(std::string& out) {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
        if (pos_ == start) return false;
        out.assign(s_.substr(start, pos_ - start));
        return true;
    }
    // Decodes text up to `stop`, checking entities and characters.
    bool text(char stop, std::string& out) {
        while (pos_ < s_.size() && s_[pos_] != stop) {
            const char c = s_[pos_];
            if (c == '<' && stop != '<') return fail("raw '<' in an attribute"), false;
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
                return fail("control character"), false;
            if (c == '&') {
                const std::size_t semi = s_.find(';', pos_);
                if (semi == std::string_view::npos || semi - pos_ > 10) return fail("bad entity"), false;
                const std::string_view ent = s_.substr(pos_ + 1, semi - pos_ - 1);
                if (ent == "amp") out += '&';
                else if (ent == "lt") out += '<';
                else if (ent == "gt") out += '>';
                else if (ent == "quot") out += '"';
                else if (ent == "apos") out += '\'';
                else if (ent.size() > 1 && ent[0] == '#') {
                    const bool hex = ent[1] == 'x';
                    const std::string digits(ent.substr(hex ? 2 : 1));
                    if (digits.empty()) return fail("bad character reference"), false;
                    const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
                    if (cp < 0x20 && cp != 9 && cp != 10 && cp != 13) return fail("reference to a control character"), false;
                    out += '?';  // the tests need not decode these
                } else {
                    return fail("unknown entity"), false;
                }
                pos_ = semi + 1;
                continue;
            }
            out += c;
            ++pos_;
        }
        return true;
    }
    bool element(XmlNode& node) {
        if (!starts("<")) return fail("expected '<'"), false;
        ++pos_;
        if (!name(node.name)) return fail("expected an element name"), false;
        for (;;) {
            const std::size_t before = pos_;
            skip_space();
            if (starts("/>")) {
                pos_ += 2;
                return true;
            }
            if (starts(">")) {
                ++pos_;
                break;
            }
            if (pos_ == before) return fail("expected whitespace before an attribute"), false;
            std::string key;
            if (!name(key)) return fail("expected an attribute name"), false;
            skip_space();
            if (!starts("=")) return fail("expected '='"), false;
            ++pos_;
            skip_space();
            if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return fail("unquoted attribute"), false;
            const char q = s_[pos_++];
            std::string value;
            if (!text(q, value)) return false;
            if (pos_ >= s_.size()) return fail("unterminated attribute"), false;
            ++pos_;
            if (!node.attrs.emplace(key, value).second) return fail("repeated attribute ", key), false;
        }
        for (;;) {
            std::string ignored;
            if (!text('<', ignored)) return false;
            if (pos_ >= s_.size()) return fail("unclosed element ", node.name), false;
            if (starts("<!--")) {
                skip_misc();
                continue;
            }
            if (starts("</")) {
                pos_ += 2;
                std::string end;
                if (!name(end) || end != node.name) return fail("mismatched end tag for ", node.name), false;
                skip_space();
                if (!starts(">")) return fail("expected '>'"), false;
                ++pos_;
                return true;
            }
            XmlNode child;
            if (!element(child)) return false;
            node.children.push_back(std::move(child));
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::string error_;
};

// Every element named `name` below `node`, depth first.
inline void collect(const XmlNode& node, const std::string& name, std::vector<const XmlNode*>& out) {
    for (const XmlNode& c : node.children) {
        if (c.name == name) out.push_back(&c);
        collect(c, name, out);
    }
}

}  // namespace sm::test
