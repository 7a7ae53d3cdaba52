// CSV export and import of a blueprint's cards (RFC 4180). The rules are in csv.h.
#include "io/csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace sm::io {

// [SECTION] Problems
std::string CsvProblem::where() const {
    if (line == 0) return {};
    return "line " + std::to_string(line) + (column.empty() ? "" : ", column " + column);
}
Diagnostic CsvProblem::to_diagnostic() const { return Diagnostic{severity, where(), message}; }
std::string CsvProblem::to_string() const { return to_diagnostic().to_string(); }

namespace {
std::vector<CsvProblem> of_severity(const std::vector<CsvProblem>& all, Severity s) {
    std::vector<CsvProblem> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [s](const CsvProblem& p) { return p.severity == s; });
    return out;
}
}  // namespace
std::vector<CsvProblem> ImportResult::errors() const { return of_severity(problems, Severity::Error); }
std::vector<CsvProblem> ImportResult::warnings() const { return of_severity(problems, Severity::Warning); }

namespace {

// [SECTION] Text helpers
constexpr std::string_view kBom = "\xEF\xBB\xBF";
enum Col { kPhase, kStep, kLane, kLaneKind, kTitle, kDetail, kChannel, kFail, kWait, kTiers, kOwner, kVotes, kEmotion };
constexpr std::size_t kColCount = std::size(kCsvColumns);
// Words that name a lane's kind ('|'-separated), the more specific kinds first: "Customer
// support" is a support lane.
constexpr std::pair<LaneKind, std::string_view> kLaneWords[] = {
    {LaneKind::Evidence, "evidence|physical|有形|证据"},
    {LaneKind::Frontstage, "frontstage|front stage|front-stage|onstage|on-stage|on stage|前台|台前"},
    {LaneKind::Backstage, "backstage|back stage|back-stage|offstage|back office|后台|幕后|台后"},
    {LaneKind::Support, "support|支持|支撑"},
    {LaneKind::Customer,
     "customer|guest|client|user|consumer|visitor|patient|passenger|顾客|客户|用户|客人|消费者|乘客|患者|零售户"},
};
// The Okabe–Ito palette without black, for the tiers an import creates.
constexpr Color kTierColors[] = {{0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xF0, 0xE4, 0x42},
                                 {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00}, {0xCC, 0x79, 0xA7}};

std::string_view trim(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string in_quotes(std::string_view s) {
    std::string q = "\"";  // appended, not "\"" + …: GCC 12 warns falsely (-Wrestrict)
    q += s;
    q += '"';
    return q;
}

// A spreadsheet reads a cell starting with one of these as a formula.
bool is_trigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
// True when s starts with a trigger, possibly behind apostrophes (which the guard adds).
bool formula_like(std::string_view s) {
    const std::size_t i = s.find_first_not_of('\'');
    return i != std::string_view::npos && is_trigger(s[i]);
}
std::string guard(std::string_view s) {
    std::string out;
    if (formula_like(s)) out += '\'';
    out += s;
    return out;
}
std::string unguard(std::string_view s) {
    if (!s.empty() && s.front() == '\'' && formula_like(s)) s.remove_prefix(1);
    return std::string(s);
}

std::string number_text(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9.0e15)
        return std::to_string(static_cast<std::int64_t>(v));
    std::array<char, 64> buf{};
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), r.ptr);
}

// A number the whole (trimmed) text spells, with an optional leading '+'.
template <class T>
std::optional<T> parse_number(std::string_view s) {
    if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);
    T v{};
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    if constexpr (std::is_floating_point_v<T>)
        if (!std::isfinite(v)) return std::nullopt;
    return v;
}

// Offset of the first byte that does not belong to valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0, len = 1; i < s.size(); i += len) {
        const auto c = static_cast<unsigned char>(s[i]);
        len = 1;
        if (c < 0x80) continue;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07u;
        else
            return i;
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
    }
    return std::string_view::npos;
}

// [SECTION] Export
// The name each object is written as: its trimmed name when that is non-empty and neither
// another object's name nor another object's id (nor holds ';' for tiers); otherwise its id.
template <class Vec>
std::vector<std::string> labels_of(const Vec& objects, bool forbid_semicolon) {
    std::unordered_map<std::string, int> uses;
    for (const auto& o : objects) {
        const std::string name(trim(o.name));
        ++uses[name];
        if (name != o.id.value) ++uses[o.id.value];
    }
    std::vector<std::string> label;
    for (const auto& o : objects) {
        const std::string name(trim(o.name));
        const bool ok = !name.empty() && uses[name] == 1 && !(forbid_semicolon && name.find(';') != std::string::npos);
        label.push_back(ok ? name : o.id.value);
    }
    return label;
}

template <class Vec>
std::unordered_map<std::string, std::size_t> position_map(const Vec& objects) {
    std::unordered_map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < objects.size(); ++i) at.emplace(objects[i].id.value, i);
    return at;
}

void put_field(std::string& out, std::string_view v) {
    const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!v.empty() && (v.front() == ' ' || v.back() == ' ' || v.back() == '\t'));
    if (quote) out += '"';
    for (char c : v) {
        if (c == '"') out += '"';  // only in a quoted field: a quote makes the field quoted
        out += c;
    }
    if (quote) out += '"';
}

}  // namespace

std::string to_csv(const Document& doc) {
    const auto phase_label = labels_of(doc.phases, false);
    const auto step_label = labels_of(doc.steps, false);
    const auto lane_label = labels_of(doc.lanes, false);
    const auto tier_label = labels_of(doc.tiers, true);
    const auto phase_at = position_map(doc.phases), step_at = position_map(doc.steps);
    const auto lane_at = position_map(doc.lanes), tier_at = position_map(doc.tiers);
    auto find = [](const auto& at, const std::string& id) {
        auto it = at.find(id);
        return it == at.end() ? SIZE_MAX : it->second;
    };

    std::vector<std::size_t> order(doc.cards.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Card &x = doc.cards[a], &y = doc.cards[b];
        return std::pair(find(step_at, x.step.value), find(lane_at, x.lane.value)) <
               std::pair(find(step_at, y.step.value), find(lane_at, y.lane.value));
    });

    std::string out(kBom);
    auto put_row = [&out](const std::array<std::string, kColCount>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c) out += ',';
            put_field(out, row[c]);
        }
        out += "\r\n";
    };
    std::array<std::string, kColCount> row;
    for (std::size_t c = 0; c < kColCount; ++c) row[c] = kCsvColumns[c];
    put_row(row);
    for (std::size_t i : order) {
        const Card& card = doc.cards[i];
        const std::size_t si = find(step_at, card.step.value), li = find(lane_at, card.lane.value);
        const Step* step = si == SIZE_MAX ? nullptr : &doc.steps[si];
        row.fill({});
        if (step) {
            const std::size_t pi = find(phase_at, step->phase.value);
            row[kPhase] = guard(pi == SIZE_MAX ? step->phase.value : phase_label[pi]);
            if (step->emotion) row[kEmotion] = std::to_string(*step->emotion);
        }
        row[kStep] = guard(step ? step_label[si] : card.step.value);
        row[kLane] = guard(li == SIZE_MAX ? card.lane.value : lane_label[li]);
        if (li != SIZE_MAX) row[kLaneKind] = to_string(doc.lanes[li].kind);
        row[kTitle] = guard(card.title);
        row[kDetail] = guard(card.detail);
        if (card.channel) row[kChannel] = to_string(*card.channel);
        row[kFail] = guard(card.fail);
        if (card.wait_min) row[kWait] = number_text(*card.wait_min);
        std::string tiers;
        for (const TierId& t : card.tiers) {
            if (!tiers.empty()) tiers += "; ";
            const std::size_t ti = find(tier_at, t.value);
            tiers += ti == SIZE_MAX ? t.value : tier_label[ti];
        }
        row[kTiers] = guard(tiers);
        row[kOwner] = guard(card.owner);
        row[kVotes] = std::to_string(card.votes);
        put_row(row);
    }
    return out;
}

LaneKind guess_lane_kind(std::string_view lane_name) {
    const std::string name = lower_ascii(lane_name);
    for (const auto& [kind, words] : kLaneWords)
        for (std::size_t from = 0; from < words.size();) {
            const std::size_t to = std::min(words.find('|', from), words.size());
            if (name.find(words.substr(from, to - from)) != std::string::npos) return kind;
            from = to + 1;
        }
    return LaneKind::Custom;
}

namespace {

// [SECTION] Reading records
// Findings of an import. After kMaxCsvErrors errors the import stops; extra warnings are dropped.
struct Problems {
    std::vector<CsvProblem> list;
    std::size_t errors = 0, warnings = 0;

    void add(Severity s, std::size_t line, std::string column, std::string message) {
        std::size_t& n = s == Severity::Error ? errors : warnings;
        if (n < kMaxCsvErrors) ++n, list.push_back({s, line, std::move(column), std::move(message)});
    }
    void error(std::size_t line, std::string column, std::string message) {
        add(Severity::Error, line, std::move(column), std::move(message));
    }
    void warning(std::size_t line, std::string column, std::string message) {
        add(Severity::Warning, line, std::move(column), std::move(message));
    }
    bool full() const { return errors >= kMaxCsvErrors; }
};

struct Field {
    std::string text;
    std::size_t line = 0;  // where the field begins
};

struct Record {
    std::vector<Field> fields;  // one per field up to keep.size(), with text where keep says
    std::size_t count = 0;      // fields in the row, counting those beyond
    std::size_t line = 0;
};

// Splits RFC 4180 text (LF or CRLF; CRLF inside quotes becomes LF) into records one at a time,
// holding only the fields in use. Blank lines are skipped. A problem here ends the import.
class Reader {
public:
    Reader(std::string_view text, Problems& problems) : t_(text), p_(problems) {}
    bool failed() const { return failed_; }

    // The next record; false at the end of the text or after a problem.
    bool next(Record& rec, const std::vector<bool>& keep) {
        while (!failed_ && i_ < t_.size()) {
            rec.fields.clear();
            rec.count = 0;
            rec.line = line_;
            while (read_field(rec, keep) && at(',')) ++i_;
            if (failed_) return false;
            if (at('\r')) ++i_;
            if (at('\n')) ++i_;
            ++line_;
            if (rec.count == 1 && last_empty_) continue;
            if (++records_ > kMaxCsvRows + 1)
                return fail(rec.line, "more than " + std::to_string(kMaxCsvRows) + " rows; Stagemap imports up to " +
                                          std::to_string(kMaxCsvRows) + " cards");
            return true;
        }
        return false;
    }

private:
    bool at(char c) const { return i_ < t_.size() && t_[i_] == c; }
    bool line_end() const { return at('\n') || (at('\r') && (i_ + 1 == t_.size() || t_[i_ + 1] == '\n')); }

    bool read_field(Record& rec, const std::vector<bool>& keep) {
        const std::size_t index = rec.count++;
        const bool store = index < keep.size() && keep[index];
        Field f{{}, line_};
        std::size_t chars = 0;
        auto add = [&](char c) {  // false when the field grows too long
            if (store) f.text += c;
            return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u || ++chars <= kMaxCsvFieldChars;
        };
        bool ok = true;
        if (at('"')) {
            for (++i_; ok;) {
                if (i_ >= t_.size()) return fail(f.line, "this field's opening quote is never closed");
                const char c = t_[i_++];
                if (c == '"' && !at('"')) break;
                if (c == '"')
                    ++i_;  // a doubled quote stands for one
                else if (c == '\r' && at('\n'))
                    continue;
                else if (c == '\n')
                    ++line_;
                ok = add(c);
            }
            if (ok && i_ < t_.size() && !at(',') && !line_end())
                return fail(
                    line_,
                    "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")");
        } else {
            while (ok && i_ < t_.size() && !at(',') && !line_end()) ok = add(t_[i_++]);
        }
        if (!ok)
            return fail(f.line, "field " + std::to_string(index + 1) + " is longer than " +
                                    std::to_string(kMaxCsvFieldChars) + " characters");
        last_empty_ = chars == 0;
        if (index < keep.size()) rec.fields.push_back(std::move(f));
        return true;
    }

    bool fail(std::size_t line, std::string message) {
        p_.error(line, "", std::move(message));
        failed_ = true;
        return false;
    }

    std::string_view t_;
    Problems& p_;
    std::size_t i_ = 0, line_ = 1, records_ = 0;
    bool failed_ = false, last_empty_ = false;
};

// [SECTION] Import: header and rows
struct Header {
    std::vector<bool> keep;                   // per field of the header: one of kCsvColumns
    std::array<int, kColCount> at{};          // column -> field index, -1 when absent
    std::array<std::string, kColCount> name;  // as the header spells it
};

bool read_header(const Record& rec, Header& h, Problems& p) {
    h.keep.assign(rec.count, false);
    h.at.fill(-1);
    for (std::size_t c = 0; c < kColCount; ++c) h.name[c] = kCsvColumns[c];
    if (rec.count > kMaxCsvColumns) {
        p.error(rec.line, "", "the header has more than " + std::to_string(kMaxCsvColumns) + " columns");
        return false;
    }
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        const Field& f = rec.fields[i];
        const std::string spelt(trim(f.text)), name = lower_ascii(spelt);
        const auto* known = std::find(std::begin(kCsvColumns), std::end(kCsvColumns), name);
        if (name.empty()) {
            p.warning(f.line, "", "field " + std::to_string(i + 1) + " of the header is empty; that column is ignored");
        } else if (known == std::end(kCsvColumns)) {
            p.warning(f.line, spelt, "unknown column, ignored");
        } else if (const auto c = static_cast<std::size_t>(known - std::begin(kCsvColumns)); h.at[c] >= 0) {
            p.error(f.line, spelt,
                    "the column appears twice in the header (fields " + std::to_string(h.at[c] + 1) + " and " +
                        std::to_string(i + 1) + ")");
        } else {
            h.at[c] = static_cast<int>(i);
            h.keep[i] = true;
            h.name[c] = spelt;
        }
    }
    std::string missing;
    for (Col c : {kPhase, kStep, kLane, kTitle}) {
        if (h.at[c] >= 0) continue;
        if (!missing.empty()) missing += ", ";
        missing += in_quotes(kCsvColumns[c]);
    }
    if (!missing.empty())
        p.error(rec.line, "",
                "the header lacks the required column(s) " + missing +
                    "; the first row must name the columns (phase, step, lane, title, …)");
    return p.errors == 0;
}

// A value every row naming an object must agree on (an empty cell agrees with anything).
template <class T>
struct Agreed {
    std::optional<T> value;
    std::size_t line = 0;  // where it was first given
    // False when v differs from the value an earlier row gave.
    bool take(const std::optional<T>& v, std::size_t at) {
        if (v && !value) value = v, line = at;
        return !v || *value == *v;
    }
};

struct StepInfo {
    std::size_t phase = 0;
    Agreed<int> emotion;
};

// Names in order of first appearance, with the line where each first appeared.
template <class Info>
struct NameIndex {
    std::vector<std::string> names;
    std::vector<std::size_t> lines;
    std::vector<Info> info;
    std::unordered_map<std::string, std::size_t> at;

    std::size_t intern(const std::string& name, std::size_t line, Info fresh = {}) {
        auto [it, added] = at.emplace(name, names.size());
        if (added) names.push_back(name), lines.push_back(line), info.push_back(std::move(fresh));
        return it->second;
    }
};

struct ImportedCard {
    Card card;  // lane, step and tiers filled in when the document is built
    std::size_t step = 0, lane = 0, line = 0;
    std::vector<std::size_t> tiers;
};

struct Builder {
    NameIndex<bool> phases, tiers;
    NameIndex<StepInfo> steps;
    NameIndex<Agreed<LaneKind>> lanes;
    std::vector<ImportedCard> cards;
};

void read_row(const Record& rec, const Header& h, Builder& b, Problems& p) {
    if (rec.count != h.keep.size()) {
        p.error(rec.line, "",
                "this row has " + std::to_string(rec.count) + " fields but the header has " +
                    std::to_string(h.keep.size()) + "; is a quote or a comma missing?");
        return;
    }
    bool bad = false;
    auto field = [&](Col c) { return h.at[c] < 0 ? nullptr : &rec.fields[static_cast<std::size_t>(h.at[c])]; };
    auto raw = [&](Col c) { return field(c) ? std::string_view(field(c)->text) : std::string_view(); };
    auto line = [&](Col c) { return field(c) ? field(c)->line : rec.line; };
    auto fail = [&](Col c, std::string message) {
        p.error(line(c), h.name[c], std::move(message));
        bad = true;
    };
    auto name = [&](Col c) {
        std::string n = unguard(trim(raw(c)));
        if (n.empty()) fail(c, "is empty; every row needs a " + std::string(kCsvColumns[c]));
        return n;
    };
    const std::string phase = name(kPhase), step = name(kStep), lane = name(kLane);
    ImportedCard ic;
    ic.line = rec.line;
    Card& card = ic.card;
    card.title = unguard(raw(kTitle));
    card.detail = unguard(raw(kDetail));
    card.fail = unguard(raw(kFail));
    card.owner = unguard(raw(kOwner));

    std::optional<LaneKind> kind;
    if (auto s = lower_ascii(trim(raw(kLaneKind))); !s.empty() && !(kind = parse_lane_kind(s)))
        fail(kLaneKind,
             in_quotes(s) + " is not a lane kind (evidence, customer, frontstage, backstage, support, custom)");
    if (auto s = lower_ascii(trim(raw(kChannel))); !s.empty() && !(card.channel = parse_channel(s)))
        fail(kChannel, in_quotes(s) + " is not a channel (staff, digital, peer, phone, physical, other)");
    if (auto s = trim(raw(kWait)); !s.empty()) {
        card.wait_min = parse_number<double>(s);
        if (!card.wait_min || *card.wait_min < 0)
            fail(kWait, "must be a number of minutes, 0 or more, not " + in_quotes(s));
        else
            card.wait_min = *card.wait_min + 0.0;  // no -0
    }
    if (auto s = trim(raw(kVotes)); !s.empty()) {
        auto v = parse_number<std::int64_t>(s);
        if (!v || *v < 0)
            fail(kVotes, "must be a whole number of votes, 0 or more, not " + in_quotes(s));
        else
            card.votes = *v;
    }
    std::optional<int> emotion;
    if (auto s = trim(raw(kEmotion)); !s.empty()) {
        emotion = parse_number<int>(s);
        if (!emotion || *emotion < kEmotionMin || *emotion > kEmotionMax)
            fail(kEmotion, "must be a whole number from -2 to +2, not " + in_quotes(s));
    }
    const std::string tiers = unguard(trim(raw(kTiers)));
    std::vector<std::string> tier_names;
    for (std::size_t from = 0; from <= tiers.size();) {
        const std::size_t to = std::min(tiers.find(';', from), tiers.size());
        const std::string t(trim(std::string_view(tiers).substr(from, to - from)));
        from = to + 1;
        if (t.empty()) continue;
        if (std::find(tier_names.begin(), tier_names.end(), t) != tier_names.end())
            p.warning(line(kTiers), h.name[kTiers], "tier " + in_quotes(t) + " is listed twice; kept once");
        else
            tier_names.push_back(t);
    }
    if (bad) return;

    const std::size_t pi = b.phases.intern(phase, rec.line);
    ic.step = b.steps.intern(step, rec.line, {pi, {}});
    StepInfo& si = b.steps.info[ic.step];
    if (si.phase != pi)
        fail(kStep, "step " + in_quotes(step) + " is under phase " + in_quotes(b.phases.names[si.phase]) + " on line " +
                        std::to_string(b.steps.lines[ic.step]) + "; a step belongs to one phase");
    if (!si.emotion.take(emotion, line(kEmotion)))
        fail(kEmotion, "emotion " + std::to_string(*emotion) + " differs from " + std::to_string(*si.emotion.value) +
                           " given for step " + in_quotes(step) + " on line " + std::to_string(si.emotion.line) +
                           "; every row of a step carries the step's emotion");
    ic.lane = b.lanes.intern(lane, rec.line);
    if (Agreed<LaneKind>& k = b.lanes.info[ic.lane]; !k.take(kind, line(kLaneKind)))
        fail(kLaneKind, "lane " + in_quotes(lane) + " is " + std::string(to_string(*k.value)) + " on line " +
                            std::to_string(k.line) + ", not " + std::string(to_string(*kind)));
    for (const std::string& t : tier_names) ic.tiers.push_back(b.tiers.intern(t, line(kTiers)));
    if (!bad) b.cards.push_back(std::move(ic));
}

// [SECTION] Import: the document
std::string slug(std::string_view name) {
    std::string s;
    bool gap = false;
    for (char ch : lower_ascii(name)) {
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (gap && !s.empty()) s += '-';
            gap = false;
            s += ch;
            if (s.size() >= 32) break;
        } else {
            gap = true;
        }
    }
    return s;
}

std::vector<std::size_t> first_n(std::size_t n) {
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    return order;
}

// Unique ids for the names, given per name index, made in `order`: "prefix-slug", or
// "prefix-N" (N = 1-based position in order) for a name without ASCII letters or digits.
std::vector<std::string> make_ids(const std::vector<std::string>& names, const std::vector<std::size_t>& order,
                                  std::string_view prefix) {
    std::unordered_set<std::string> used;
    std::vector<std::string> ids(names.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::string s = slug(names[order[k]]);
        std::string base = std::string(prefix) + "-" + (s.empty() ? std::to_string(k + 1) : s), id = base;
        for (std::size_t n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
        ids[order[k]] = std::move(id);
    }
    return ids;
}

Document build(Builder& b, std::string_view title) {
    Document doc;
    doc.title = title;
    const auto phase_id = make_ids(b.phases.names, first_n(b.phases.names.size()), "p");
    for (std::size_t i = 0; i < phase_id.size(); ++i)
        doc.phases.push_back({PhaseId(phase_id[i]), b.phases.names[i], {}, {}});

    // Steps grouped by phase (phases in order of first appearance), else as they came.
    auto order = first_n(b.steps.names.size());
    std::stable_sort(order.begin(), order.end(),
                     [&](auto x, auto y) { return b.steps.info[x].phase < b.steps.info[y].phase; });
    const auto step_id = make_ids(b.steps.names, order, "s");
    for (std::size_t i : order) {
        Step& s = doc.steps.emplace_back();
        s.id = StepId(step_id[i]);
        s.phase = PhaseId(phase_id[b.steps.info[i].phase]);
        s.name = b.steps.names[i];
        s.emotion = b.steps.info[i].emotion.value;
    }

    // Lanes in canonical kind order; a custom lane keeps to the lane it first followed.
    std::vector<LaneKind> kinds;
    std::vector<int> rank;
    for (std::size_t i = 0; i < b.lanes.names.size(); ++i) {
        kinds.push_back(b.lanes.info[i].value.value_or(guess_lane_kind(b.lanes.names[i])));
        rank.push_back(canonical_rank(kinds.back()).value_or(rank.empty() ? -1 : rank.back()));
    }
    order = first_n(kinds.size());
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return rank[x] < rank[y]; });
    const auto lane_id = make_ids(b.lanes.names, order, "l");
    for (std::size_t i : order) doc.lanes.push_back({LaneId(lane_id[i]), kinds[i], b.lanes.names[i], {}});

    for (std::size_t i = 0; i < b.tiers.names.size(); ++i) {
        Tier& t = doc.tiers.emplace_back();
        t.id = TierId("t-" + std::to_string(i + 1));
        t.name = b.tiers.names[i];
        if (i < std::size(kTierColors)) t.color = kTierColors[i];
    }
    for (std::size_t i = 0; i < b.cards.size(); ++i) {
        Card& c = doc.cards.emplace_back(std::move(b.cards[i].card));
        c.id = CardId("c-" + std::to_string(i + 1));
        c.step = StepId(step_id[b.cards[i].step]);
        c.lane = LaneId(lane_id[b.cards[i].lane]);
        for (std::size_t t : b.cards[i].tiers) c.tiers.push_back(doc.tiers[t].id);
    }
    return doc;
}

// The document, or nothing when there were errors (all of them in p).
std::optional<Document> import(std::string_view text, std::string_view title, Problems& p) {
    if (text.size() > kMaxCsvBytes) {
        p.error(0, "",
                "the text is " + std::to_string(text.size() >> 20) + " MiB; Stagemap imports CSV up to " +
                    std::to_string(kMaxCsvBytes >> 20) + " MiB");
        return std::nullopt;
    }
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        const auto newlines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        p.error(static_cast<std::size_t>(newlines) + 1, "",
                "not valid UTF-8; if the file was saved as GBK or ANSI, save it again as \"CSV UTF-8\"");
        return std::nullopt;
    }
    Reader reader(text, p);
    Record rec;
    Header header;
    if (!reader.next(rec, std::vector<bool>(kMaxCsvColumns + 1, true))) {
        if (!reader.failed())
            p.error(0, "", "the text is empty; the first row must name the columns (phase, step, lane, title, …)");
        return std::nullopt;
    }
    if (!read_header(rec, header, p)) return std::nullopt;
    Builder b;
    while (!p.full() && reader.next(rec, header.keep)) read_row(rec, header, b, p);
    if (p.errors > 0) return std::nullopt;
    if (b.cards.empty()) p.warning(0, "", "there are no rows under the header; the blueprint is empty");
    Document doc = build(b, title);
    for (const Diagnostic& d : validate(doc)) {  // should find nothing; reported with the card's line
        std::size_t line = 0;
        if (d.where.starts_with("cards["))
            if (const std::size_t i = std::strtoul(d.where.c_str() + 6, nullptr, 10); i < b.cards.size())
                line = b.cards[i].line;
        p.add(d.severity, line, "", d.where + ": " + d.message);
    }
    if (p.errors > 0) return std::nullopt;
    return doc;
}

}  // namespace

ImportResult from_csv(std::string_view text, std::string_view title) {
    Problems p;
    ImportResult result;
    result.document = import(text, title, p);
    std::stable_sort(p.list.begin(), p.list.end(),
                     [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
    if (p.full())
        p.list.push_back(
            {Severity::Error, 0, "", "too many errors: stopped after the first " + std::to_string(kMaxCsvErrors)});
    result.problems = std::move(p.list);
    return result;
}

}  // namespace sm::io
