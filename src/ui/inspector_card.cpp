// Stagemap — the inspector for cards (one or several) and connectors.
#include <imgui.h>
#include <imgui_internal.h>  // PushItemFlag: the mixed state of a tier checkbox

#include <algorithm>
#include <cfloat>

#include "edit/edit.h"
#include "layout/layout.h"
#include "ui/actions.h"
#include "ui/app_state.h"
#include "ui/i18n.h"
#include "ui/inspector_parts.h"
#include "ui/strprintf.h"
#include "ui/widgets.h"

namespace sm::ui::inspector {

// [SECTION] Helpers
namespace {

// Runs set_card on the card's current value with one field changed.
template <class F>
void change_card(AppState& app, const CardId& id, F&& change) {
    const Card* c = app.doc().find(id);
    if (!c) return;
    Card v = *c;
    change(v);
    run(app, edit::set_card(app.doc(), id, std::move(v)));
}

// English, for the table; shown through tr().
const char* kChannelNames[] = {tr_mark("Staff"), tr_mark("Digital"), tr_mark("Peer"),
                                tr_mark("Phone"), tr_mark("Physical"), tr_mark("Other")};

std::string card_label(const Card& c) {
    std::string t = c.title.empty() ? "(" + c.id.str() + ")" : c.title;
    if (const auto nl = t.find('\n'); nl != std::string::npos) t = t.substr(0, nl) + "…";
    return t;
}

void tier_swatch(const Tier& t) {
    const Color col = t.color.value_or(Color{150, 150, 150});
    const float h = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetFrameHeight() - h) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + h, y + h), IM_COL32(col.r, col.g, col.b, 255), 2);
    ImGui::Dummy(ImVec2(h, ImGui::GetFrameHeight()));
    ImGui::SameLine();
}

void tier_links(AppState& app, const std::vector<CardId>& ids) {
    const Document& doc = app.doc();
    widgets::section(tr("Customer value tiers · 客户价值分层"));
    if (doc.tiers.empty()) {
        widgets::hint(tr("This blueprint has no tiers. Add them in the document's inspector (click the empty canvas)."));
        return;
    }
    for (const auto& t : doc.tiers) {
        ImGui::PushID(t.id.str().c_str());
        const auto state = edit::tier_link_state(doc, ids, t.id);
        bool on = state == edit::LinkState::All;
        tier_swatch(t);
        if (state == edit::LinkState::Some) ImGui::PushItemFlag(ImGuiItemFlags_MixedValue, true);
        const bool clicked = ImGui::Checkbox(t.name.empty() ? t.id.str().c_str() : t.name.c_str(), &on);
        if (state == edit::LinkState::Some) ImGui::PopItemFlag();
        app.tiers_panel.controls.note("link:" + t.id.str());
        if (state == edit::LinkState::Some && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Some of the selected cards serve this tier: click to link all of them"));
        if (clicked) run(app, edit::set_tier_links(doc, ids, {edit::TierLinkChange{t.id, on}}));
        ImGui::PopID();
    }
    const bool none = std::all_of(ids.begin(), ids.end(), [&](const CardId& id) {
        const Card* c = doc.find(id);
        return c && c->tiers.empty();
    });
    widgets::hint(none ? (ids.size() == 1 ? tr("No tier ticked: this card serves every tier.")
                                          : tr("No tier ticked: these cards serve every tier."))
                       : tr("A card with no tier ticked serves every tier."));
}

void card_connectors(AppState& app, const Card& card) {
    const Document& doc = app.doc();
    std::vector<int> touching;
    for (std::size_t i = 0; i < doc.connectors.size(); ++i)
        if (doc.connectors[i].from == card.id || doc.connectors[i].to == card.id) touching.push_back(static_cast<int>(i));
    widgets::section(tr("Connectors"));
    if (touching.empty()) {
        widgets::hint(tr("Drag from a handle on the card's edge to another card to connect them."));
        return;
    }
    for (int i : touching) {
        const Connector& k = doc.connectors[static_cast<std::size_t>(i)];
        const bool out = k.from == card.id;
        const Card* other = doc.find(out ? k.to : k.from);
        ImGui::PushID(i);
        const char* arrow = k.direction == Direction::Both ? "↔" : k.direction == Direction::None ? "—" : (out ? "→" : "←");
        std::string text = std::string(arrow) + " " + (other ? card_label(*other) : std::string("?"));
        if (!k.label.empty()) text += "  (" + k.label + ")";
        if (ImGui::Selectable(text.c_str(), false)) app.selection.set_connector(edit::connector_ref(doc, i));
        ImGui::PopID();
    }
}

}  // namespace

// [SECTION] Card
void card_panel(AppState& app, const Card& card_in) {
    const Card card = card_in;  // a copy: commands below change the document
    const CardId id = card.id;
    const Document& doc = app.doc();
    const float label_w = 96 * app.ui_scale();
    widgets::section(tr("Card"));
    if (widgets::begin_form("##card", label_w)) {
        widgets::row(tr("Title"));
        widgets::text_field(app, "##title", card.title, [id](AppState& a, std::string v) {
            change_card(a, id, [&](Card& c) { c.title = std::move(v); });
        }, 3);
        widgets::row(tr("Detail"));
        widgets::text_field(app, "##detail", card.detail, [id](AppState& a, std::string v) {
            change_card(a, id, [&](Card& c) { c.detail = std::move(v); });
        }, 4);
        widgets::row(tr("Lane"));
        const Lane* lane = doc.find(card.lane);
        if (ImGui::BeginCombo("##lane", lane ? lane->name.c_str() : "?")) {
            for (const auto& l : doc.lanes)
                if (ImGui::Selectable(l.name.c_str(), l.id == card.lane) && l.id != card.lane)
                    run(app, edit::move_cards(app.doc(), {id}, l.id, card.step));
            ImGui::EndCombo();
        }
        widgets::row(tr("Step"));
        const Step* step = doc.find(card.step);
        if (ImGui::BeginCombo("##step", step ? step->name.c_str() : "?")) {
            for (const auto& s : doc.steps) {
                ImGui::PushID(s.id.str().c_str());
                if (ImGui::Selectable(s.name.c_str(), s.id == card.step) && s.id != card.step)
                    run(app, edit::move_cards(app.doc(), {id}, card.lane, s.id));
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        widgets::row(tr("Channel"), tr("The service interface: who or what serves the customer here."));
        const char* current = card.channel ? tr(kChannelNames[static_cast<int>(*card.channel)]) : "—";
        if (ImGui::BeginCombo("##channel", current)) {
            if (ImGui::Selectable("—", !card.channel)) change_card(app, id, [](Card& c) { c.channel.reset(); });
            for (int i = 0; i < 6; ++i) {
                const auto ch = static_cast<Channel>(i);
                // The name in the interface language, and the canvas's Chinese badge when that differs.
                std::string label = tr(kChannelNames[i]);
                const std::string badge(layout::channel_label(ch, true));
                if (label != badge) label += "  " + badge;
                if (ImGui::Selectable(label.c_str(), card.channel == ch)) change_card(app, id, [ch](Card& c) { c.channel = ch; });
            }
            ImGui::EndCombo();
        }
        widgets::row(tr("Owner"));
        widgets::text_field(app, "##owner", card.owner, [id](AppState& a, std::string v) {
            change_card(a, id, [&](Card& c) { c.owner = std::move(v); });
        }, 1, tr("who is responsible"));
        widgets::row(tr("Votes"), tr("Workshop dot votes"));
        if (ImGui::Button("−")) run(app, edit::change_votes(app.doc(), {id}, -1));
        ImGui::SameLine();
        ImGui::Text("%lld", static_cast<long long>(card.votes));
        ImGui::SameLine();
        if (ImGui::Button("+")) run(app, edit::change_votes(app.doc(), {id}, +1));
        widgets::end_form();
    }

    widgets::section(tr("Fail and wait points · 失误点 / 等待点"));
    bool fail = card.is_fail_point();
    if (ImGui::Checkbox(tr("Fail point (F)"), &fail))
        change_card(app, id, [fail](Card& c) { c.fail = fail ? std::string(tr("Can go wrong here")) : std::string(); });
    if (fail) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        widgets::text_field(app, "##fail", card.fail, [id](AppState& a, std::string v) {
            if (v.empty()) return;  // an empty text would silently drop the fail point
            change_card(a, id, [&](Card& c) { c.fail = std::move(v); });
        }, 2);
    }
    bool wait = card.is_wait_point();
    if (ImGui::Checkbox(tr("Wait point (W)"), &wait))
        change_card(app, id, [wait](Card& c) {
            if (wait) c.wait_min = 5.0;
            else c.wait_min.reset();
        });
    if (wait) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90 * app.ui_scale());
        widgets::number_field(app, "##wait", card.wait_min.value_or(0), [id](AppState& a, double v) {
            change_card(a, id, [v](Card& c) { c.wait_min = v; });
        }, 0, 1e6, "%.1f");
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("min"));
    }

    tier_links(app, {id});
    card_connectors(app, card);

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (ImGui::Button(tr("Duplicate"))) duplicate_selection(app);
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete card"))) delete_selection(app);
    ImGui::TextDisabled(tr("id: %s"), id.str().c_str());
}

// [SECTION] Several cards
void cards_panel(AppState& app) {
    const auto ids = app.selection.cards_in_document_order(app.doc());
    widgets::section(strprintf(tr("%zu cards selected"), ids.size()).c_str());
    ImGui::TextDisabled("%s", tr("Votes:"));
    ImGui::SameLine();
    if (ImGui::Button(tr("− vote each"))) run(app, edit::change_votes(app.doc(), ids, -1));
    ImGui::SameLine();
    if (ImGui::Button(tr("+ vote each"))) run(app, edit::change_votes(app.doc(), ids, +1));
    tier_links(app, ids);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (ImGui::Button(tr("Duplicate"))) duplicate_selection(app);
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete cards"))) delete_selection(app);
}

// [SECTION] Connector
void connector_panel(AppState& app, int index) {
    const Document& doc = app.doc();
    const Connector k = doc.connectors[static_cast<std::size_t>(index)];
    const edit::ConnectorRef ref = edit::connector_ref(doc, index);
    const float label_w = 96 * app.ui_scale();
    widgets::section(tr("Connector"));
    auto set = [ref](AppState& a, Connector v) { run(a, edit::set_connector(a.doc(), ref, std::move(v))); };
    if (widgets::begin_form("##connector", label_w)) {
        for (int end = 0; end < 2; ++end) {
            widgets::row(end == 0 ? tr("From") : tr("To"));
            const CardId& cur = end == 0 ? k.from : k.to;
            const Card* c = doc.find(cur);
            ImGui::PushID(end);
            if (ImGui::BeginCombo("##end", c ? card_label(*c).c_str() : "?")) {
                for (const auto& other : doc.cards) {
                    ImGui::PushID(other.id.str().c_str());
                    if (ImGui::Selectable(card_label(other).c_str(), other.id == cur) && other.id != cur) {
                        Connector v = k;
                        (end == 0 ? v.from : v.to) = other.id;
                        set(app, std::move(v));
                    }
                    ImGui::PopID();
                }
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
        widgets::row(tr("Direction"), tr("One-way: a hand-off. Two-way: the two sides depend on each other."));
        const char* names[] = {tr("One-way →"), tr("Two-way ↔"), tr("Plain line")};
        int dir = static_cast<int>(k.direction);
        if (ImGui::Combo("##direction", &dir, names, 3)) {
            Connector v = k;
            v.direction = static_cast<Direction>(dir);
            set(app, std::move(v));
        }
        widgets::row(tr("Label"));
        widgets::text_field(app, "##label", k.label, [k, set](AppState& a, std::string s) {
            Connector v = k;
            v.label = std::move(s);
            set(a, std::move(v));
        });
        widgets::end_form();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr("Reverse"))) run(app, edit::reverse_connector(app.doc(), ref));
    ImGui::SameLine();
    if (widgets::danger_button(tr("Delete connector"))) delete_selection(app);
}

}  // namespace sm::ui::inspector
