// Ordered JSON DOM -> Document: every key's presence and type, with JSON paths in messages.
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <limits>

#include "io/json_detail.h"

namespace sm::io::detail {
namespace {

// [SECTION] Helpers
std::string type_name(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

std::string shown(const Json& j) {
    std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
}

std::string join_path(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string indexed(std::string_view base, std::size_t i) { return std::string(base) + "[" + std::to_string(i) + "]"; }

// Whole numbers may be written 3 or 3.0; 3.5 is not whole.
std::optional<std::int64_t> whole_number(const Json& j) {
    if (j.is_number_unsigned()) {
        auto v = j.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    if (j.is_number_integer()) return j.get<std::int64_t>();
    if (j.is_number_float()) {
        double v = j.get<double>();
        if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9.0e15) return static_cast<std::int64_t>(v);
    }
    return std::nullopt;
}

// Reads one JSON object's keys, reporting missing keys and wrong types at their path.
class ObjectReader {
public:
    ObjectReader(const Json& obj, std::string path, Diagnostics& d) : obj_(obj), path_(std::move(path)), d_(d) {}

    std::string at(std::string_view key) const { return join_path(path_, key); }

    const Json* find(std::string_view key) {
        known_.emplace_back(key);
        auto it = obj_.find(std::string(key));
        return it == obj_.end() ? nullptr : &*it;
    }

    const Json* require(std::string_view key, std::string_view what) {
        const Json* j = find(key);
        if (!j) d_.error(at(key), "missing; " + std::string(what));
        return j;
    }

    bool check(const Json* j, std::string_view key, bool ok, std::string_view expected) {
        if (!j) return false;
        if (!ok) d_.error(at(key), "must be " + std::string(expected) + ", not " + describe(*j));
        return ok;
    }

    std::optional<std::string> string(std::string_view key, bool required, std::string_view what = "") {
        const Json* j = required ? require(key, what) : find(key);
        if (!check(j, key, j && j->is_string(), "a string")) return std::nullopt;
        return j->get<std::string>();
    }

    std::string id(std::string_view key, std::string_view what) {
        auto s = string(key, true, what);
        if (s && s->empty()) d_.error(at(key), "must not be empty");
        return s.value_or("");
    }

    std::optional<double> number(std::string_view key, double min, bool min_exclusive, std::string_view expected) {
        const Json* j = find(key);
        if (!j) return std::nullopt;
        bool ok = j->is_number() && std::isfinite(j->get<double>());
        if (ok) {
            double v = j->get<double>();
            ok = min_exclusive ? v > min : v >= min;
        }
        if (!check(j, key, ok, expected)) return std::nullopt;
        return j->get<double>();
    }

    std::optional<bool> boolean(std::string_view key) {
        const Json* j = find(key);
        if (!check(j, key, j && j->is_boolean(), "true or false")) return std::nullopt;
        return j->get<bool>();
    }

    template <class E>
    std::optional<E> choice(std::string_view key, std::optional<E> (*parse)(std::string_view),
                            std::string_view choices, bool required = false, std::string_view what = "") {
        const Json* j = required ? require(key, what) : find(key);
        if (!j) return std::nullopt;
        std::optional<E> v;
        if (j->is_string()) v = parse(j->get_ref<const std::string&>());
        check(j, key, v.has_value(), std::string("one of ") + std::string(choices));
        return v;
    }

    // Keys this reader did not ask for, as compact JSON, in file order.
    UnknownFields unknown() const {
        UnknownFields out;
        for (auto it = obj_.begin(); it != obj_.end(); ++it) {
            bool is_known = false;
            for (const auto& k : known_)
                if (k == it.key()) {
                    is_known = true;
                    break;
                }
            if (!is_known) out.push_back({it.key(), it.value().dump(-1, ' ', false, Json::error_handler_t::strict)});
        }
        return out;
    }

    Diagnostics& diags() { return d_; }

private:
    static std::string describe(const Json& j) {
        if (j.is_number() || j.is_boolean()) return shown(j);
        if (j.is_string()) return "the string " + shown(j);
        return type_name(j);
    }

    const Json& obj_;
    std::string path_;
    Diagnostics& d_;
    std::vector<std::string> known_;
};

// Calls fn(ObjectReader&, index) for each element of an optional/required array of objects.
template <class Fn>
void each_object(const Json& root, std::string_view key, bool required, Diagnostics& d, Fn&& fn) {
    auto it = root.find(std::string(key));
    if (it == root.end()) {
        if (required) d.error(std::string(key), "missing; a blueprint needs this array (it may be empty: [])");
        return;
    }
    if (!it->is_array()) {
        d.error(std::string(key), "must be an array, not " + type_name(*it));
        return;
    }
    std::size_t i = 0;
    for (const Json& element : *it) {
        std::string path = indexed(key, i);
        if (!element.is_object()) {
            d.error(path, "must be an object, not " + type_name(element));
            // Keep indices aligned with the file: convert an empty object, its findings discarded.
            const Json empty_object = Json::object();
            Diagnostics discarded;
            ObjectReader empty(empty_object, path, discarded);
            fn(empty, i, false);
        } else {
            ObjectReader r(element, path, d);
            fn(r, i, true);
        }
        ++i;
    }
}

constexpr std::string_view kLaneKinds = "\"evidence\", \"customer\", \"frontstage\", \"backstage\", \"support\", \"custom\"";
constexpr std::string_view kChannels = "\"staff\", \"digital\", \"peer\", \"phone\", \"physical\", \"other\"";
constexpr std::string_view kDirections = "\"forward\", \"both\", \"none\"";
constexpr std::string_view kLevels = "\"high\", \"low\"";

// [SECTION] Objects
Phase read_phase(ObjectReader& r) {
    Phase p;
    p.id = PhaseId(r.id("id", "every phase needs an id"));
    p.name = r.string("name", true, "every phase needs a name (it may be empty)").value_or("");
    p.description = r.string("description", false).value_or("");
    p.extra = r.unknown();
    return p;
}

Step read_step(ObjectReader& r) {
    Step s;
    s.id = StepId(r.id("id", "every step needs an id"));
    s.phase = PhaseId(r.id("phase", "every step belongs to a phase: give the phase's id"));
    s.name = r.string("name", false).value_or("");
    if (const Json* e = r.find("emotion"); e && !e->is_null()) {
        auto v = whole_number(*e);
        if (r.check(e, "emotion", v && *v >= kEmotionMin && *v <= kEmotionMax,
                    "a whole number from -2 to +2 (or null when not rated)"))
            s.emotion = static_cast<int>(*v);
    }
    s.duration_min = r.number("duration_min", 0, false, "a number of minutes, 0 or more");
    s.peak = r.boolean("peak");
    s.end = r.boolean("end");
    s.need = r.string("need", false).value_or("");
    s.opportunity = r.string("opportunity", false).value_or("");
    s.extra = r.unknown();
    return s;
}

Lane read_lane(ObjectReader& r) {
    Lane l;
    l.id = LaneId(r.id("id", "every lane needs an id"));
    l.kind = r.choice<LaneKind>("kind", parse_lane_kind, kLaneKinds, true, "every lane needs a kind: one of " + std::string(kLaneKinds))
                 .value_or(LaneKind::Custom);
    l.name = r.string("name", true, "every lane needs a name (it may be empty)").value_or("");
    l.extra = r.unknown();
    return l;
}

Card read_card(ObjectReader& r) {
    Card c;
    c.id = CardId(r.id("id", "every card needs an id"));
    c.lane = LaneId(r.id("lane", "every card sits in a lane: give the lane's id"));
    c.step = StepId(r.id("step", "every card sits at a step: give the step's id"));
    c.title = r.string("title", false).value_or("");
    c.detail = r.string("detail", false).value_or("");
    c.channel = r.choice<Channel>("channel", parse_channel, kChannels);
    c.fail = r.string("fail", false).value_or("");
    c.wait_min = r.number("wait_min", 0, false, "a number of minutes, 0 or more");
    if (const Json* t = r.find("tiers")) {
        if (r.check(t, "tiers", t->is_array(), "an array of tier ids")) {
            std::size_t i = 0;
            for (const Json& id : *t) {
                if (id.is_string() && !id.get_ref<const std::string&>().empty())
                    c.tiers.emplace_back(id.get<std::string>());
                else
                    r.diags().error(indexed(r.at("tiers"), i), "must be a tier id (a non-empty string), not " + shown(id));
                ++i;
            }
        }
    }
    c.owner = r.string("owner", false).value_or("");
    if (const Json* v = r.find("votes")) {
        auto n = whole_number(*v);
        if (r.check(v, "votes", n && *n >= 0, "a whole number of votes, 0 or more"))
            c.votes = *n;
    }
    c.extra = r.unknown();
    return c;
}

Connector read_connector(ObjectReader& r) {
    Connector c;
    c.from = CardId(r.id("from", "every connector starts at a card: give its id"));
    c.to = CardId(r.id("to", "every connector ends at a card: give its id"));
    c.direction = r.choice<Direction>("direction", parse_direction, kDirections).value_or(Direction::Forward);
    c.label = r.string("label", false).value_or("");
    c.extra = r.unknown();
    return c;
}

Tier read_tier(ObjectReader& r) {
    Tier t;
    t.id = TierId(r.id("id", "every tier needs an id"));
    t.name = r.string("name", false).value_or("");
    if (const Json* c = r.find("color")) {
        std::optional<Color> color;
        if (c->is_string()) color = parse_hex_color(c->get_ref<const std::string&>());
        if (r.check(c, "color", color.has_value(), "a colour written \"#RRGGBB\"")) t.color = color;
    }
    t.current = r.choice<Level>("current", parse_level, kLevels);
    t.potential = r.choice<Level>("potential", parse_level, kLevels);
    t.strategy = r.string("strategy", false).value_or("");
    t.visit_days = r.number("visit_days", 0, true, "a number of days greater than 0");
    t.extra = r.unknown();
    return t;
}

// BCP 47 shape: a 2–8 letter language (or a private-use "x-…" / grandfathered "i-…" tag), then
// subtags of 1–8 letters or digits joined by '-'; a one-character subtag must be followed by one.
bool looks_like_language_tag(std::string_view s) {
    if (s.empty() || s.back() == '-') return false;
    {
        std::size_t single = 0, pos = 0;
        while (pos <= s.size()) {  // no singleton may end the tag
            std::size_t end = s.find('-', pos);
            if (end == std::string_view::npos) end = s.size();
            single = end - pos == 1 ? end : 0;
            if (end == s.size()) break;
            pos = end + 1;
        }
        if (single == s.size()) return false;
    }
    if (s.size() > 2 && (s[0] == 'x' || s[0] == 'X' || s[0] == 'i' || s[0] == 'I') && s[1] == '-') {
        for (char ch : s.substr(2))
            if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-')) return false;
        return s.find("--") == std::string_view::npos;
    }
    std::size_t start = 0;
    bool first = true;
    while (start <= s.size()) {
        std::size_t end = s.find('-', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view part = s.substr(start, end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char ch : part) {
            bool alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            bool digit = ch >= '0' && ch <= '9';
            if (!(alpha || (digit && !first))) return false;
        }
        if (first && part.size() < 2) return false;
        first = false;
        if (end == s.size()) break;
        start = end + 1;
    }
    return true;
}

}  // namespace

// [SECTION] Document
Document from_json(const Json& root, Diagnostics& d) {
    Document doc;
    if (!root.is_object()) {
        d.error("", "a blueprint file must be a JSON object ({ … }), not " + type_name(root));
        return doc;
    }
    ObjectReader top(root, "", d);

    // Identify the file before anything else: a wrong format or a newer version stops here.
    const Json* format = top.find("format");
    if (!format) {
        d.error("format", "missing; this is not a Stagemap blueprint (expected \"format\": \"stagemap.blueprint\")");
    } else if (!format->is_string() || format->get_ref<const std::string&>() != kFormatName) {
        d.error("format", "must be \"stagemap.blueprint\", not " + shown(*format) + "; this is not a Stagemap blueprint");
    }
    const Json* version = top.find("version");
    if (!version) {
        d.error("version", "missing; expected \"version\": 1");
    } else if (auto v = whole_number(*version); !v) {
        d.error("version", "must be a whole number, not " + shown(*version));
    } else if (*v > kFormatVersion) {
        d.error("version", "this file is format version " + std::to_string(*v) + ", but this Stagemap reads version " +
                               std::to_string(kFormatVersion) + " at most; open it with a newer Stagemap");
        return doc;
    } else if (*v < kFormatVersion) {
        d.error("version", "unknown format version " + std::to_string(*v) + "; the first version is 1");
        return doc;
    }
    if (d.has_errors()) return doc;

    doc.title = top.string("title", true, "a blueprint needs a title (it may be empty: \"\")").value_or("");
    doc.description = top.string("description", false).value_or("");
    doc.locale = top.string("locale", false).value_or("");
    if (!doc.locale.empty() && !looks_like_language_tag(doc.locale))
        d.error("locale", "\"" + doc.locale + "\" is not a BCP 47 language tag (for example \"zh-CN\" or \"en\")");

    for (std::string_view key : {"phases", "steps", "lanes", "cards", "connectors", "tiers"}) top.find(key);
    each_object(root, "phases", true, d, [&](ObjectReader& r, std::size_t, bool) { doc.phases.push_back(read_phase(r)); });
    each_object(root, "steps", true, d, [&](ObjectReader& r, std::size_t, bool) { doc.steps.push_back(read_step(r)); });
    each_object(root, "lanes", true, d, [&](ObjectReader& r, std::size_t, bool) { doc.lanes.push_back(read_lane(r)); });
    each_object(root, "cards", true, d, [&](ObjectReader& r, std::size_t, bool) { doc.cards.push_back(read_card(r)); });
    each_object(root, "connectors", false, d,
                [&](ObjectReader& r, std::size_t, bool) { doc.connectors.push_back(read_connector(r)); });
    each_object(root, "tiers", false, d, [&](ObjectReader& r, std::size_t, bool) { doc.tiers.push_back(read_tier(r)); });
    doc.extra = top.unknown();
    return doc;
}

}  // namespace sm::io::detail
