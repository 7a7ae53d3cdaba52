// stagemap stats FILE [--json]: counts, durations, peak-end moments, tier coverage, checks.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/checks.h"
#include "analysis/peak_end.h"
#include "analysis/stats.h"
#include "analysis/tiers.h"
#include "cli/commands.h"
#include "io/blueprint_io.h"

namespace sm::cli {
namespace {

using Json = nlohmann::ordered_json;

// [SECTION] Shared helpers
Json number(double v) {
    if (std::floor(v) == v && std::fabs(v) < 9.0e15) return Json(static_cast<std::int64_t>(v));
    return Json(v);  // exact: tools reading --json round for themselves
}

Json optional_number(const std::optional<double>& v) { return v ? number(*v) : Json(nullptr); }

std::string text_number(double v) {
    std::ostringstream s;
    if (std::floor(v) == v) {
        s << static_cast<long long>(v);
    } else {
        s.precision(2);
        s << std::fixed << v;
        std::string t = s.str();
        while (!t.empty() && t.back() == '0') t.pop_back();
        return t;
    }
    return s.str();
}

std::string signed_text(double v) { return (v > 0 ? "+" : "") + text_number(v); }

std::string step_label(const Document& doc, const StepId& id) {
    const Step* s = doc.find(id);
    if (!s) return id.value;
    return s->name.empty() ? id.value : s->name;
}

Json moment_json(const std::optional<analysis::Moment>& m, std::optional<bool> pinned = std::nullopt) {
    if (!m) return nullptr;
    Json o = {{"step", m->step.value}, {"emotion", m->emotion ? Json(*m->emotion) : Json(nullptr)}};
    if (pinned) o["pinned"] = *pinned;
    return o;
}

Json finding_json(const analysis::Finding& f) {
    Json o = {{"kind", f.kind}};
    if (f.step) o["step"] = f.step->value;
    if (f.card) o["card"] = f.card->value;
    if (f.tier) o["tier"] = f.tier->value;
    o["text"] = f.text;
    return o;
}

struct Report {
    const Document& doc;
    analysis::Stats stats;
    analysis::PeakEnd peak_end;
    analysis::TierReport tiers;
    std::vector<analysis::Finding> checks;

    explicit Report(const Document& d)
        : doc(d),
          stats(analysis::compute_stats(d)),
          peak_end(analysis::analyze_peak_end(d)),
          tiers(analysis::analyze_tiers(d)),
          checks(analysis::check_blueprint(d)) {}
};

// [SECTION] JSON output (one stable object; keys are only ever added)
Json to_json(const Report& r, const std::string& file) {
    const auto& s = r.stats;
    const auto& pe = r.peak_end;
    Json o;
    o["file"] = file;
    o["title"] = r.doc.title;
    o["phases"] = s.phases;
    o["steps"] = s.steps;
    o["rated_steps"] = s.rated_steps;
    Json lanes = {{"total", s.lanes}};
    for (LaneKind k : analysis::kAllLaneKinds) lanes[std::string(to_string(k))] = s.lanes_of(k);
    o["lanes"] = lanes;
    o["cards"] = s.cards;
    o["fail_points"] = s.fail_points;
    o["wait_points"] = s.wait_points;
    o["connectors"] = s.connectors;
    o["tier_count"] = s.tiers;
    o["votes"] = s.votes;

    Json by_phase = Json::object();
    for (const auto& pm : pe.phase_minutes) by_phase[pm.phase.value] = number(pm.minutes);
    o["duration_min"] = {{"total", number(pe.total_minutes)}, {"wait", number(pe.total_wait_minutes)}, {"by_phase", by_phase}};

    o["peak"] = moment_json(pe.peak, pe.peak_pinned);
    o["end"] = moment_json(pe.end, pe.end_pinned);
    o["best"] = moment_json(pe.best);
    o["worst"] = moment_json(pe.worst);
    o["remembered"] = optional_number(pe.remembered);
    o["experienced"] = optional_number(pe.experienced);
    o["experienced_weighted"] = pe.experienced_weighted;
    o["gap"] = optional_number(pe.gap);
    Json recs = Json::array();
    for (const auto& rec : pe.recommendations) recs.push_back({{"step", rec.step.value}, {"kind", rec.kind}, {"text", rec.text}});
    o["recommendations"] = recs;

    Json tiers = Json::array();
    for (std::size_t i = 0; i < r.tiers.coverage.size(); ++i) {
        const auto& c = r.tiers.coverage[i];
        tiers.push_back({{"id", c.tier.value},
                         {"name", r.doc.tiers[i].name},
                         {"cards", c.cards},
                         {"linked", c.linked},
                         {"frontstage", c.frontstage},
                         {"backstage", c.backstage},
                         {"support", c.support},
                         {"own", c.own}});
    }
    o["tiers"] = tiers;
    Json findings = Json::array();
    for (const auto& f : r.tiers.findings) findings.push_back(finding_json(f));
    for (const auto& f : r.checks) findings.push_back(finding_json(f));
    o["findings"] = findings;
    return o;
}

// [SECTION] Text output
void print_text(const Report& r, const std::string& file, std::ostream& out) {
    const auto& s = r.stats;
    const auto& pe = r.peak_end;
    out << file << (r.doc.title.empty() ? "" : " — " + r.doc.title) << "\n\n";
    auto row = [&out](const char* name, const std::string& value) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "  %-14s", name);
        out << buf << value << '\n';
    };
    row("Phases", std::to_string(s.phases));
    row("Steps", std::to_string(s.steps) + " (" + std::to_string(s.rated_steps) + " rated)");
    std::string lanes = std::to_string(s.lanes);
    std::string kinds;
    for (LaneKind k : analysis::kAllLaneKinds) {
        if (s.lanes_of(k) == 0) continue;
        kinds += (kinds.empty() ? "" : ", ") + std::string(to_string(k)) + " " + std::to_string(s.lanes_of(k));
    }
    row("Lanes", lanes + (kinds.empty() ? "" : " (" + kinds + ")"));
    row("Cards", std::to_string(s.cards));
    row("Fail points", std::to_string(s.fail_points));
    row("Wait points", std::to_string(s.wait_points));
    row("Connectors", std::to_string(s.connectors));
    row("Tiers", std::to_string(s.tiers));
    row("Votes", std::to_string(s.votes));
    row("Duration", text_number(pe.total_minutes) + " min, of which waiting " + text_number(pe.total_wait_minutes) + " min");
    for (const auto& pm : pe.phase_minutes) {
        const Phase* p = r.doc.find(pm.phase);
        out << "      " << (p && !p->name.empty() ? p->name : pm.phase.value) << ": " << text_number(pm.minutes) << " min\n";
    }

    out << "\nPeak-end (what customers will remember)\n";
    auto moment = [&](const char* name, const std::optional<analysis::Moment>& m, bool pinned) {
        if (!m) {
            row(name, "none (no step is rated)");
            return;
        }
        std::string v = step_label(r.doc, m->step) + " [" + m->step.value + "] " +
                        (m->emotion ? signed_text(*m->emotion) : std::string("not rated"));
        if (pinned) v += ", pinned";
        row(name, v);
    };
    moment("Peak", pe.peak, pe.peak_pinned);
    moment("End", pe.end, pe.end_pinned);
    moment("Best", pe.best, false);
    moment("Worst", pe.worst, false);
    auto opt = [](const std::optional<double>& v) { return v ? signed_text(*v) : std::string("—"); };
    row("Remembered", opt(pe.remembered) + "  (peak + end) / 2");
    row("Experienced", opt(pe.experienced) + (pe.experienced_weighted ? "  mean weighted by duration" : "  mean"));
    row("Gap", opt(pe.gap));
    if (!pe.recommendations.empty()) {
        out << "\nRecommendations\n";
        for (const auto& rec : pe.recommendations) out << "  • " << rec.text << '\n';
    }

    if (!r.tiers.coverage.empty()) {
        out << "\nCustomer value tiers (cards serving / own / frontstage · backstage · support)\n";
        for (std::size_t i = 0; i < r.tiers.coverage.size(); ++i) {
            const auto& c = r.tiers.coverage[i];
            const std::string& name = r.doc.tiers[i].name.empty() ? c.tier.value : r.doc.tiers[i].name;
            out << "  " << name << ": " << c.cards << " / " << c.own << " / " << c.frontstage << " · " << c.backstage
                << " · " << c.support << '\n';
        }
    }
    if (!r.tiers.findings.empty() || !r.checks.empty()) {
        out << "\nFindings\n";
        for (const auto& f : r.tiers.findings) out << "  • " << f.text << '\n';
        for (const auto& f : r.checks) out << "  • " << f.text << '\n';
    }
}

}  // namespace

Subcommand stats_command() {
    return {"stats", "Counts, durations, peak-end moments and tier coverage of a blueprint",
            [](CLI::App& app) -> std::function<int()> {
                auto file = std::make_shared<std::string>();
                auto as_json = std::make_shared<bool>(false);
                app.add_option("FILE", *file, "A blueprint file")->required();
                app.add_flag("--json", *as_json, "Print one JSON object (stable keys) on stdout");
                return [file, as_json] {
                    io::LoadResult loaded = io::load_file(*file);
                    for (const auto& d : loaded.diagnostics) std::cerr << *file << ": " << d.to_string() << '\n';
                    if (!loaded.ok()) {
                        std::cerr << *file << ": refused\n";
                        return kExitFailed;
                    }
                    Report report(*loaded.document);
                    if (*as_json)
                        std::cout << to_json(report, *file).dump(2, ' ', false) << '\n';
                    else
                        print_text(report, *file, std::cout);
                    return kExitOk;
                };
            }};
}

}  // namespace sm::cli
