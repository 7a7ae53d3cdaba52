// Document -> canonical JSON: format.md's key order, unknown keys after in their original
// order, whole numbers without ".0", empty optional values left out.
#include <cmath>

#include "io/json_detail.h"

namespace sm::io::detail {
namespace {

// [SECTION] Helpers
Json number(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9.0e15) return Json(static_cast<std::int64_t>(v));
    return Json(v);
}

void put_string(Json& o, const char* key, const std::string& v) {
    if (!v.empty()) o[key] = v;
}

void put_unknown(Json& o, const UnknownFields& extra) {
    for (const auto& f : extra) {
        if (o.contains(f.key)) continue;  // a known key always wins over a stale unknown one
        o[f.key] = Json::parse(f.json);
    }
}

// [SECTION] Objects
Json phase_json(const Phase& p) {
    Json o = Json::object();
    o["id"] = p.id.value;
    o["name"] = p.name;
    put_string(o, "description", p.description);
    put_unknown(o, p.extra);
    return o;
}

Json step_json(const Step& s) {
    Json o = Json::object();
    o["id"] = s.id.value;
    o["phase"] = s.phase.value;
    o["name"] = s.name;
    if (s.emotion) o["emotion"] = *s.emotion;
    if (s.duration_min) o["duration_min"] = number(*s.duration_min);
    if (s.peak) o["peak"] = *s.peak;
    if (s.end) o["end"] = *s.end;
    put_string(o, "need", s.need);
    put_string(o, "opportunity", s.opportunity);
    put_unknown(o, s.extra);
    return o;
}

Json lane_json(const Lane& l) {
    Json o = Json::object();
    o["id"] = l.id.value;
    o["kind"] = std::string(to_string(l.kind));
    o["name"] = l.name;
    put_unknown(o, l.extra);
    return o;
}

Json card_json(const Card& c) {
    Json o = Json::object();
    o["id"] = c.id.value;
    o["lane"] = c.lane.value;
    o["step"] = c.step.value;
    o["title"] = c.title;
    put_string(o, "detail", c.detail);
    if (c.channel) o["channel"] = std::string(to_string(*c.channel));
    put_string(o, "fail", c.fail);
    if (c.wait_min) o["wait_min"] = number(*c.wait_min);
    if (!c.tiers.empty()) {
        Json tiers = Json::array();
        for (const auto& t : c.tiers) tiers.push_back(t.value);
        o["tiers"] = std::move(tiers);
    }
    put_string(o, "owner", c.owner);
    if (c.votes != 0) o["votes"] = c.votes;
    put_unknown(o, c.extra);
    return o;
}

Json connector_json(const Connector& c) {
    Json o = Json::object();
    o["from"] = c.from.value;
    o["to"] = c.to.value;
    o["direction"] = std::string(to_string(c.direction));
    put_string(o, "label", c.label);
    put_unknown(o, c.extra);
    return o;
}

Json tier_json(const Tier& t) {
    Json o = Json::object();
    o["id"] = t.id.value;
    o["name"] = t.name;
    if (t.color) o["color"] = to_hex(*t.color);
    if (t.current) o["current"] = std::string(to_string(*t.current));
    if (t.potential) o["potential"] = std::string(to_string(*t.potential));
    put_string(o, "strategy", t.strategy);
    if (t.visit_days) o["visit_days"] = number(*t.visit_days);
    put_unknown(o, t.extra);
    return o;
}

template <class Vec, class Fn>
Json array_of(const Vec& v, Fn&& fn) {
    Json a = Json::array();
    for (const auto& x : v) a.push_back(fn(x));
    return a;
}

}  // namespace

// [SECTION] Document
Json to_json(const Document& doc) {
    Json o = Json::object();
    o["format"] = std::string(kFormatName);
    o["version"] = kFormatVersion;
    o["title"] = doc.title;
    put_string(o, "description", doc.description);
    put_string(o, "locale", doc.locale);
    o["phases"] = array_of(doc.phases, phase_json);
    o["steps"] = array_of(doc.steps, step_json);
    o["lanes"] = array_of(doc.lanes, lane_json);
    o["cards"] = array_of(doc.cards, card_json);
    o["connectors"] = array_of(doc.connectors, connector_json);
    o["tiers"] = array_of(doc.tiers, tier_json);
    put_unknown(o, doc.extra);
    return o;
}

}  // namespace sm::io::detail
