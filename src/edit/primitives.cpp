#include "edit/primitives.h"

namespace sm::edit {

// [SECTION] Connector references
ConnectorRef connector_ref(const Document& doc, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= doc.connectors.size()) return ConnectorRef{};
    const Connector& c = doc.connectors[static_cast<std::size_t>(index)];
    return ConnectorRef{index, c.from, c.to};
}

int resolve(const std::vector<Connector>& connectors, const ConnectorRef& ref) {
    auto matches = [&](const Connector& c) { return c.from == ref.from && c.to == ref.to; };
    if (ref.index >= 0 && static_cast<std::size_t>(ref.index) < connectors.size() &&
        matches(connectors[static_cast<std::size_t>(ref.index)]))
        return ref.index;
    for (std::size_t i = 0; i < connectors.size(); ++i)
        if (matches(connectors[i])) return static_cast<int>(i);
    return -1;
}

int resolve(const Document& doc, const ConnectorRef& ref) { return resolve(doc.connectors, ref); }

// [SECTION] Id source
IdSource::IdSource(const Document& doc) {
    auto add = [&](const auto& vec) {
        for (const auto& o : vec) used_.insert(o.id.value);
    };
    add(doc.phases);
    add(doc.steps);
    add(doc.lanes);
    add(doc.cards);
    add(doc.tiers);
}

std::string IdSource::next(std::string_view prefix) {
    for (std::size_t n = 1;; ++n) {
        std::string candidate = std::string(prefix) + "-" + std::to_string(n);
        if (used_.insert(candidate).second) return candidate;
    }
}

bool id_in_use(const Document& doc, std::string_view id) {
    if (id.empty()) return true;
    auto in = [&](const auto& vec) {
        for (const auto& o : vec)
            if (o.id.value == id) return true;
        return false;
    };
    return in(doc.phases) || in(doc.steps) || in(doc.lanes) || in(doc.cards) || in(doc.tiers);
}

// [SECTION] Names and composition
std::string counted_name(std::string_view verb, std::size_t n, std::string_view one, std::string_view many) {
    std::string s(verb);
    s += ' ';
    if (n == 1) {
        s += one;
    } else {
        s += std::to_string(n);
        s += ' ';
        s += many;
    }
    return s;
}

CommandPtr finish(std::string name, std::vector<CommandPtr> parts) {
    auto composite = std::make_unique<CompositeCommand>(std::move(name));
    for (auto& p : parts) composite->add(std::move(p));
    if (composite->empty()) return nullptr;
    return composite;
}

std::vector<ConnectorRef> connectors_touching(const Document& doc, const std::unordered_set<CardId>& cards) {
    std::vector<ConnectorRef> refs;
    for (std::size_t i = doc.connectors.size(); i-- > 0;) {
        const Connector& c = doc.connectors[i];
        if (cards.count(c.from) || cards.count(c.to)) refs.push_back(ConnectorRef{static_cast<int>(i), c.from, c.to});
    }
    return refs;
}

void append_card_removal(const Document& doc, const std::unordered_set<CardId>& cards,
                         std::vector<CommandPtr>& parts) {
    auto refs = connectors_touching(doc, cards);
    if (!refs.empty()) parts.push_back(std::make_unique<RemoveItems<Connector>>("Delete connectors", std::move(refs)));
    std::vector<CardId> ids;
    for (std::size_t i = doc.cards.size(); i-- > 0;)
        if (cards.count(doc.cards[i].id)) ids.push_back(doc.cards[i].id);
    if (!ids.empty()) parts.push_back(std::make_unique<RemoveItems<Card>>("Delete cards", std::move(ids)));
}

}  // namespace sm::edit
