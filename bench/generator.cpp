// Stagemap benchmarks — the blueprint generator.
#include "generator.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <utility>

#include "text_util.h"

namespace sm::bench {

namespace {

// [SECTION] Random numbers
// splitmix64: tiny, and unlike <random>'s distributions it gives the same numbers everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
    bool chance(int percent) { return below(100) < percent; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

private:
    std::uint64_t state_;
};

// [SECTION] Word lists
using Pair = std::pair<std::string_view, std::string_view>;  // Chinese, English

constexpr std::array<Pair, 10> kPhases = {{{"到店", "Arrival"},
                                           {"等位", "Waiting"},
                                           {"点餐", "Ordering"},
                                           {"用餐", "Dining"},
                                           {"结账", "Paying"},
                                           {"离店", "Leaving"},
                                           {"售后", "Follow-up"},
                                           {"会员", "Membership"},
                                           {"预订", "Booking"},
                                           {"配送", "Delivery"}}};

constexpr std::array<Pair, 16> kSteps = {{{"到店迎宾", "Welcome"},
                                          {"取号", "Take a number"},
                                          {"等位", "Wait for a table"},
                                          {"入座", "Be seated"},
                                          {"点餐", "Order"},
                                          {"上菜", "Dishes served"},
                                          {"加汤", "Broth refilled"},
                                          {"拉面表演", "Noodle show"},
                                          {"结账", "Pay the bill"},
                                          {"开发票", "Get an invoice"},
                                          {"送别", "Farewell"},
                                          {"入住", "Check-in"},
                                          {"退房", "Check-out"},
                                          {"评价", "Leave a review"},
                                          {"投诉", "Complain"},
                                          {"回访", "Follow-up call"}}};

constexpr std::array<Pair, 10> kActors = {{{"顾客", "Guest"},
                                           {"迎宾", "Host"},
                                           {"服务员", "Waiter"},
                                           {"前台", "Front desk"},
                                           {"厨师", "Chef"},
                                           {"店长", "Manager"},
                                           {"系统", "The app"},
                                           {"骑手", "Courier"},
                                           {"客服", "Call centre"},
                                           {"财务", "Accounts"}}};

constexpr std::array<Pair, 28> kActions = {{{"扫码取号", "scans the QR code for a queue number"},
                                            {"等位", "waits for a table"},
                                            {"点餐", "orders from the tablet menu"},
                                            {"确认订单", "confirms the order"},
                                            {"通知厨房", "notifies the kitchen"},
                                            {"备料", "prepares the ingredients"},
                                            {"上菜", "serves the dishes"},
                                            {"加汤", "refills the broth"},
                                            {"续柠檬水", "tops up the lemonade"},
                                            {"结账", "pays the bill"},
                                            {"开发票", "issues an invoice"},
                                            {"打印小票", "prints the receipt"},
                                            {"核对库存", "checks the stock"},
                                            {"补货", "restocks the shelf"},
                                            {"推送提醒", "sends an SMS reminder"},
                                            {"处理投诉", "handles the complaint"},
                                            {"发放优惠券", "hands out a coupon"},
                                            {"登记会员", "signs up for membership"},
                                            {"积分入账", "credits the loyalty points"},
                                            {"安排座位", "assigns a table"},
                                            {"清洁桌面", "cleans the table"},
                                            {"递上防水袋", "offers a phone pouch"},
                                            {"办理入住", "completes the check-in"},
                                            {"制作房卡", "encodes the room key"},
                                            {"搬运行李", "carries the luggage"},
                                            {"预约回访", "books a follow-up call"},
                                            {"同步会员数据", "syncs the member record"},
                                            {"审核退款", "approves the refund"}}};

constexpr std::array<Pair, 6> kQualifiers = {{{"（高峰期）", " during peak hours"},
                                              {"（五分钟内）", " within five minutes"},
                                              {"（首次到店）", " on a first visit"},
                                              {"（雨天）", " on rainy days"},
                                              {"（线上）", " online"},
                                              {"（团餐）", " for group bookings"}}};

constexpr std::array<Pair, 8> kFails = {{{"高峰等位过长", "Queue too long at peak"},
                                         {"上错菜", "Wrong dish served"},
                                         {"结账慢", "Slow payment"},
                                         {"发票开错", "Invoice has the wrong title"},
                                         {"房卡失效", "Room key stops working"},
                                         {"系统掉线", "The app goes offline"},
                                         {"缺货", "Out of stock"},
                                         {"无人接听", "Nobody answers the phone"}}};

constexpr std::array<std::string_view, 8> kOwners = {"王芳", "李伟", "张敏", "Front office", "Kitchen team",
                                                     "IT", "刘洋", "Ops lead"};

struct LaneSpec {
    LaneKind kind;
    std::string_view name;
    int weight;  // relative number of cards in this lane
};

// 20 lanes in canonical order, custom at the bottom.
constexpr std::array<LaneSpec, 20> kLanes = {{{LaneKind::Evidence, "门店招牌 · Storefront signage", 4},
                                              {LaneKind::Evidence, "小票与屏幕 · Receipts & screens", 5},
                                              {LaneKind::Evidence, "菜单 · Menus & table cards", 4},
                                              {LaneKind::Customer, "顾客 · Guest", 14},
                                              {LaneKind::Customer, "陪同 · Companions", 6},
                                              {LaneKind::Customer, "线上顾客 · Online customer", 8},
                                              {LaneKind::Frontstage, "迎宾 · Host", 8},
                                              {LaneKind::Frontstage, "服务员 · Waiters", 12},
                                              {LaneKind::Frontstage, "收银 · Cashier", 6},
                                              {LaneKind::Frontstage, "小程序 · Mini program", 7},
                                              {LaneKind::Backstage, "厨房 · Kitchen", 9},
                                              {LaneKind::Backstage, "传菜 · Runners", 5},
                                              {LaneKind::Backstage, "店长 · Manager", 4},
                                              {LaneKind::Backstage, "客服 · Call centre", 4},
                                              {LaneKind::Support, "排队系统 · Queue system", 4},
                                              {LaneKind::Support, "中央厨房 · Central kitchen", 4},
                                              {LaneKind::Support, "会员系统 · CRM", 4},
                                              {LaneKind::Support, "财务 · Accounts", 3},
                                              {LaneKind::Custom, "合作方 · Partners", 2},
                                              {LaneKind::Custom, "备注 · Notes", 2}}};

struct TierSpec {
    std::string_view id, name;
    Color color;
    Level current, potential;
    std::string_view strategy;
    double visit_days;
};

constexpr std::array<TierSpec, 4> kTiers = {{
    {"t-walkin", "散客 · Walk-in", {86, 180, 233}, Level::Low, Level::Low, "Keep it efficient: self-service first", 90},
    {"t-member", "会员 · Member", {0, 158, 115}, Level::Low, Level::High, "Grow: points, birthday offers", 30},
    {"t-vip", "贵宾 · VIP", {230, 159, 0}, Level::High, Level::High, "Retain: a named host, priority seating", 14},
    {"t-corp", "企业 · Corporate", {204, 121, 167}, Level::High, Level::Low, "Maintain: monthly invoice, account visits", 60},
}};

// [SECTION] Text
std::string numbered(std::string_view base, int n) {
    std::string s(base);
    if (n > 0) {
        s += ' ';
        s += std::to_string(n + 1);
    }
    return s;
}

std::string bilingual(const Pair& p, int n) {
    std::string s = numbered(p.first, n);
    s += " · ";
    s += numbered(p.second, n);
    return s;
}

std::string chinese_title(Rng& r) {
    std::string s(r.pick(kActors).first);
    s += r.pick(kActions).first;
    if (r.chance(35)) {
        s += "并";
        s += r.pick(kActions).first;
    }
    if (r.chance(20)) s += r.pick(kQualifiers).first;
    return s;
}

std::string english_title(Rng& r) {
    std::string s(r.pick(kActors).second);
    s += ' ';
    s += r.pick(kActions).second;
    if (r.chance(30)) {
        s += " and ";
        s += r.pick(kActions).second;
    }
    if (r.chance(20)) s += r.pick(kQualifiers).second;
    return s;
}

std::string card_title(Rng& r) {
    const int kind = r.below(100);
    if (kind < 45) return chinese_title(r);
    if (kind < 85) return english_title(r);
    // Bilingual, like the example blueprints: "顾客扫码取号 · Guest scans ...".
    const auto& actor = r.pick(kActors);
    const auto& action = r.pick(kActions);
    std::string s(actor.first);
    s += action.first;
    s += " · ";
    s += actor.second;
    s += ' ';
    s += action.second;
    return s;
}

// [SECTION] Parts of the document
void add_tiers(Document& doc) {
    for (const auto& t : kTiers) {
        Tier tier;
        tier.id = TierId(std::string(t.id));
        tier.name = std::string(t.name);
        tier.color = t.color;
        tier.current = t.current;
        tier.potential = t.potential;
        tier.strategy = std::string(t.strategy);
        tier.visit_days = t.visit_days;
        doc.tiers.push_back(std::move(tier));
    }
}

void add_structure(Document& doc, Rng& r, int cards, int lanes) {
    const int phase_count = cards / 250 + 3;
    const int step_count = std::max(cards / 25, phase_count);
    for (int p = 0; p < phase_count; ++p) {
        Phase ph;
        ph.id = PhaseId(cat({"p-", std::to_string(p + 1)}));
        ph.name = bilingual(kPhases[static_cast<std::size_t>(p) % kPhases.size()], p / static_cast<int>(kPhases.size()));
        if (r.chance(50)) ph.description = "从顾客视角描述这一阶段 · This phase seen from the guest's side";
        doc.phases.push_back(std::move(ph));
    }
    for (int s = 0; s < step_count; ++s) {
        Step st;
        st.id = StepId(cat({"s-", std::to_string(s + 1)}));
        const int phase = static_cast<int>(static_cast<long long>(s) * phase_count / step_count);  // contiguous
        st.phase = doc.phases[static_cast<std::size_t>(phase)].id;
        st.name = bilingual(kSteps[static_cast<std::size_t>(s) % kSteps.size()], s / static_cast<int>(kSteps.size()));
        if (r.chance(80)) st.emotion = std::clamp(r.between(-2, 2) + (r.chance(30) ? 1 : 0), kEmotionMin, kEmotionMax);
        if (r.chance(70)) st.duration_min = r.between(1, 40) / (r.chance(20) ? 2.0 : 1.0);
        if (r.chance(30)) st.need = "尽快知道还要等多久 · Know how long the wait is";
        if (r.chance(20)) st.opportunity = "在等位区提供小吃和充电 · Snacks and chargers in the waiting area";
        if (r.chance(2)) st.peak = true;
        doc.steps.push_back(std::move(st));
    }
    for (int l = 0; l < lanes; ++l) {
        const auto& spec = kLanes[static_cast<std::size_t>(l) % kLanes.size()];
        Lane lane;
        lane.id = LaneId(cat({"l-", std::to_string(l + 1)}));
        lane.kind = spec.kind;
        lane.name = numbered(spec.name, l / static_cast<int>(kLanes.size()));
        doc.lanes.push_back(std::move(lane));
    }
}

int weighted_lane(Rng& r, int lanes) {
    int total = 0;
    for (int l = 0; l < lanes; ++l) total += kLanes[static_cast<std::size_t>(l) % kLanes.size()].weight;
    int x = r.below(total);
    for (int l = 0; l < lanes; ++l) {
        x -= kLanes[static_cast<std::size_t>(l) % kLanes.size()].weight;
        if (x < 0) return l;
    }
    return lanes - 1;
}

void add_cards(Document& doc, Rng& r, int cards) {
    const int steps = static_cast<int>(doc.steps.size());
    const int lanes = static_cast<int>(doc.lanes.size());
    doc.cards.reserve(static_cast<std::size_t>(cards));
    for (int i = 0; i < cards; ++i) {
        Card c;
        c.id = CardId(cat({"c-", std::to_string(i + 1)}));
        const int step = static_cast<int>(static_cast<long long>(i) * steps / cards);  // step by step, left to right
        c.step = doc.steps[static_cast<std::size_t>(step)].id;
        c.lane = doc.lanes[static_cast<std::size_t>(weighted_lane(r, lanes))].id;
        c.title = card_title(r);
        if (r.chance(30)) c.detail = cat({"细节：", chinese_title(r), "。Details: ", english_title(r), "."});
        if (r.chance(85)) c.channel = static_cast<Channel>(r.below(6));
        if (r.chance(8)) c.fail = bilingual(r.pick(kFails), 0);
        if (r.chance(10)) c.wait_min = r.between(2, 40);
        if (r.chance(35)) {
            c.tiers.push_back(TierId(std::string(r.pick(kTiers).id)));
            if (r.chance(30)) {
                TierId second(std::string(r.pick(kTiers).id));
                if (second != c.tiers.front()) c.tiers.push_back(std::move(second));
            }
        }
        if (r.chance(40)) c.owner = std::string(r.pick(kOwners));
        if (r.chance(15)) c.votes = r.between(1, 5);
        doc.cards.push_back(std::move(c));
    }
}

// One connector per two cards, from a card to a later one nearby (same or next few steps).
void add_connectors(Document& doc, Rng& r) {
    const int n = static_cast<int>(doc.cards.size());
    std::set<std::pair<int, int>> used;
    for (int i = 0; i + 1 < n; i += 2) {
        int to = std::min(n - 1, i + 1 + r.below(40));
        if (used.count({i, to})) to = i + 1;
        if (used.count({i, to})) continue;
        used.insert({i, to});
        Connector k;
        k.from = doc.cards[static_cast<std::size_t>(i)].id;
        k.to = doc.cards[static_cast<std::size_t>(to)].id;
        const int d = r.below(10);
        k.direction = d < 8 ? Direction::Forward : d < 9 ? Direction::Both : Direction::None;
        if (r.chance(10)) k.label = r.chance(50) ? "扫码 · scan" : "SMS";
        doc.connectors.push_back(std::move(k));
    }
}

}  // namespace

// [SECTION] Generator
Document generate_blueprint(const GeneratorOptions& options) {
    Rng r(options.seed + static_cast<std::uint64_t>(options.cards));
    Document doc;
    doc.title = cat({"连锁火锅店服务蓝图（", std::to_string(options.cards), " 张卡片）· Hotpot chain service blueprint"});
    doc.description = "Generated for benchmarks: every lane kind, Chinese and English titles, fail and wait points.";
    doc.locale = "zh-CN";
    add_tiers(doc);
    add_structure(doc, r, std::max(options.cards, 1), std::max(options.lanes, 1));
    add_cards(doc, r, options.cards);
    add_connectors(doc, r);
    return doc;
}

std::string describe(const Document& doc) {
    std::string s = std::to_string(doc.cards.size());
    s += " cards, ";
    s += std::to_string(doc.steps.size());
    s += " steps, ";
    s += std::to_string(doc.phases.size());
    s += " phases, ";
    s += std::to_string(doc.lanes.size());
    s += " lanes, ";
    s += std::to_string(doc.connectors.size());
    s += " connectors, ";
    s += std::to_string(doc.tiers.size());
    s += " tiers";
    return s;
}

}  // namespace sm::bench
