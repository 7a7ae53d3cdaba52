// CSV import: a spreadsheet of sticky notes becomes a blueprint (RFC 4180; rules in csv.h).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "io/blueprint_io.h"
#include "io/csv.h"
#include "io/csv_detail.h"

namespace sm::io {

using namespace csv_detail;

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
