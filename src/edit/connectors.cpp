#include "edit/connectors.h"

#include <algorithm>

namespace sm::edit {

// [SECTION] Helpers
namespace {

bool ends_ok(const Document& doc, const CardId& from, const CardId& to) {
    return from != to && doc.find(from) && doc.find(to);
}

bool arrow_exists(const Document& doc, const CardId& from, const CardId& to, int except = -1) {
    for (std::size_t i = 0; i < doc.connectors.size(); ++i)
        if (static_cast<int>(i) != except && doc.connectors[i].from == from && doc.connectors[i].to == to) return true;
    return false;
}

}  // namespace

// [SECTION] Connectors
CommandPtr add_connector(const Document& doc, const CardId& from, const CardId& to, Direction direction,
                         std::string label) {
    if (!ends_ok(doc, from, to) || arrow_exists(doc, from, to)) return nullptr;
    Connector c;
    c.from = from;
    c.to = to;
    c.direction = direction;
    c.label = std::move(label);
    std::vector<std::pair<int, Connector>> items;
    items.emplace_back(static_cast<int>(doc.connectors.size()), std::move(c));
    return std::make_unique<InsertItems<Connector>>("Add connector", std::move(items));
}

CommandPtr set_connector(const Document& doc, const ConnectorRef& ref, Connector value) {
    int at = resolve(doc, ref);
    if (at < 0 || !ends_ok(doc, value.from, value.to) || arrow_exists(doc, value.from, value.to, at)) return nullptr;
    if (doc.connectors[static_cast<std::size_t>(at)] == value) return nullptr;
    std::vector<std::pair<ConnectorRef, Connector>> items;
    items.emplace_back(connector_ref(doc, at), std::move(value));
    return std::make_unique<ReplaceItems<Connector>>("Edit connector", std::move(items));
}

CommandPtr reverse_connector(const Document& doc, const ConnectorRef& ref) {
    int at = resolve(doc, ref);
    if (at < 0) return nullptr;
    Connector value = doc.connectors[static_cast<std::size_t>(at)];
    std::swap(value.from, value.to);
    if (arrow_exists(doc, value.from, value.to, at)) return nullptr;
    std::vector<std::pair<ConnectorRef, Connector>> items;
    items.emplace_back(connector_ref(doc, at), std::move(value));
    return std::make_unique<ReplaceItems<Connector>>("Reverse connector", std::move(items));
}

CommandPtr delete_connector(const Document& doc, const ConnectorRef& ref) {
    int at = resolve(doc, ref);
    if (at < 0) return nullptr;
    return std::make_unique<RemoveItems<Connector>>("Delete connector", std::vector{connector_ref(doc, at)});
}

CommandPtr delete_connectors(const Document& doc, const std::vector<ConnectorRef>& refs) {
    std::vector<int> indices;
    for (const ConnectorRef& r : refs) {
        int at = resolve(doc, r);
        if (at >= 0) indices.push_back(at);
    }
    std::sort(indices.begin(), indices.end(), std::greater<>());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    if (indices.empty()) return nullptr;
    std::vector<ConnectorRef> keys;
    for (int i : indices) keys.push_back(connector_ref(doc, i));
    std::string name = counted_name("Delete", keys.size(), "connector", "connectors");
    return std::make_unique<RemoveItems<Connector>>(std::move(name), std::move(keys));
}

}  // namespace sm::edit
