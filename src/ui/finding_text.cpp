// Stagemap — the analysis's findings and recommendations in the interface language.
#include "ui/finding_text.h"

#include <string_view>

#include "ui/i18n.h"
#include "ui/strprintf.h"

namespace sm::ui {

// [SECTION] Names and numbers
namespace {

// The name people know an object by (the analysis's quoted_name without the quotes).
std::string name_of(const Step& s) { return s.name.empty() ? s.id.str() : s.name; }
std::string name_of(const Card& c) { return c.title.empty() ? c.id.str() : c.title; }
std::string name_of(const Tier& t) { return t.name.empty() ? t.id.str() : t.name; }

// An emotion with its sign, as the analysis writes it: "+2", "0", "-1".
std::string signed_emotion(int e) { return strprintf(e > 0 ? "+%d" : "%d", e); }

// A number as the analysis writes it: 15, 2.5, -0.33.
std::string number(double x) {
    std::string s = strprintf("%.2f", x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// The text between `before` and the next `until` in the English sentence; empty when absent.
std::string between(const std::string& text, std::string_view before, char until) {
    const auto a = text.find(before);
    if (a == std::string::npos) return {};
    const auto from = a + before.size();
    const auto b = text.find(until, from);
    return b == std::string::npos ? std::string() : text.substr(from, b - from);
}

}  // namespace

// [SECTION] Findings
std::string finding_text(const analysis::Finding& f, const Document& doc) {
    if (language() == Lang::En) return f.text;
    const Step* s = f.step ? doc.find(*f.step) : nullptr;
    const Card* c = f.card ? doc.find(*f.card) : nullptr;
    const Tier* t = f.tier ? doc.find(*f.tier) : nullptr;
    const std::string& k = f.kind;
    // Blueprint checks (analysis/checks.cpp).
    if (k == "no-customer-lane")
        return tr("The blueprint has no customer lane: add one and write the customer's actions first, since every "
                  "other lane serves them.");
    if (k == "no-customer-action" && s)
        return strprintf(tr("Step \"%s\" has no customer action: write what the customer does there, or merge the "
                            "step into a neighbour."),
                         name_of(*s).c_str());
    if (k == "negative-without-opportunity" && s && s->emotion)
        return strprintf(tr("Step \"%s\" feels bad (%s) but has no improvement idea: write an opportunity for it."),
                         name_of(*s).c_str(), signed_emotion(*s->emotion).c_str());
    if (k == "fail-without-backstage" && s && c)
        return strprintf(tr("Fail point \"%s\" in step \"%s\" has no backstage or support card behind it: add who "
                            "detects the failure and recovers from it."),
                         name_of(*c).c_str(), name_of(*s).c_str());
    if (k == "long-wait" && s && c && c->wait_min && s->emotion)
        return strprintf(tr("Customers wait %s minutes at \"%s\" in step \"%s\", which feels bad (%s): shorten the "
                            "wait or fill it with information or something to do."),
                         number(*c->wait_min).c_str(), name_of(*c).c_str(), name_of(*s).c_str(),
                         signed_emotion(*s->emotion).c_str());
    // Tier coverage (analysis/tiers.cpp).
    if (k == "no-own-frontstage" && t)
        return strprintf(tr("Tier \"%s\" has no frontstage item of its own: everything its customers see, every "
                            "other tier gets too."),
                         name_of(*t).c_str());
    if (k == "no-relationship-item" && t)
        return strprintf(tr("High-potential tier \"%s\" gets no relationship-building item of its own: add one, "
                            "such as more frequent visits or tailored business guidance."),
                         name_of(*t).c_str());
    if (k == "lists-every-tier" && c)
        return strprintf(tr("Card \"%s\" lists every tier: leave its tiers empty instead, which means the same."),
                         name_of(*c).c_str());
    return f.text;
}

// [SECTION] Peak-end recommendations
std::string finding_text(const analysis::Recommendation& r, const Document& doc) {
    if (language() == Lang::En) return r.text;
    const Step* s = doc.find(r.step);
    if (!s) return r.text;
    const std::string name = name_of(*s);
    const std::string& k = r.kind;
    if (k == "mitigate-peak" && s->emotion)
        return strprintf(tr("The most intense moment, \"%s\", is negative (%s) and customers will remember it: "
                            "remove its cause or soften it, and plan the recovery."),
                         name.c_str(), signed_emotion(*s->emotion).c_str());
    if (k == "strengthen-end" && s->emotion) {
        // The journey's average is in the sentence only (it is the analysis's, not the document's).
        const std::string average = between(r.text, "average of ", ':');
        if (!average.empty())
            return strprintf(tr("The end, \"%s\", is rated %s, below the journey's average of %s: design a better "
                                "last moment, since the end weighs as much as the peak in memory."),
                             name.c_str(), signed_emotion(*s->emotion).c_str(), average.c_str());
    }
    if (k == "design-positive-peak")
        return strprintf(tr("No step is rated +1 or better: design a positive moment customers will remember at the "
                            "end, \"%s\", for example a personal touch or a small surprise."),
                         name.c_str());
    if (k == "rate-end") {
        // Two sentences: an unrated end, or nothing rated at all (then the last step).
        if (starts_with(r.text, "No step is rated"))
            return strprintf(tr("No step is rated yet: start with the last step, \"%s\", since the end shapes what "
                                "customers remember."),
                             name.c_str());
        return strprintf(tr("The end, \"%s\", has no emotion rating: rate how the customer feels there, since the end "
                            "shapes what they remember."),
                         name.c_str());
    }
    if (k == "rate-peak")
        return strprintf(tr("\"%s\" is pinned as a peak but has no emotion rating, so the pin is ignored: rate it."),
                         name.c_str());
    if (k == "write-need") {
        // About the peak, the end, or one step that is both: the sentence says which.
        const char* format = starts_with(r.text, "The peak and end")
                                 ? tr("The peak and end, \"%s\", has no customer need written: write what the customer "
                                      "needs at this moment.")
                             : starts_with(r.text, "The peak")
                                 ? tr("The peak, \"%s\", has no customer need written: write what the customer needs at "
                                      "this moment.")
                                 : tr("The end, \"%s\", has no customer need written: write what the customer needs at "
                                      "this moment.");
        return strprintf(format, name.c_str());
    }
    return r.text;
}

}  // namespace sm::ui
