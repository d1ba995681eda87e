#include "DemoMarathon.h"

#include "AuctionEngine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <array>

namespace sb::auction {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kMilliEth = 1'000'000; // gwei in 0.001 ETH

struct DemoBidder
{
    const char16_t* id;
    const char16_t* handle;
    int accountAgeDays;
};

constexpr std::array<DemoBidder, 12> kBidders = {{
    {u"1001", u"pixel_patron", 900},
    {u"1002", u"gallery_gwen", 1500},
    {u"1003", u"moonlit_mint", 400},
    {u"1004", u"vault_vera", 2200},
    {u"1005", u"ethos_eli", 120},
    {u"1006", u"curator_kai", 3000},
    {u"1007", u"brushstroke_bo", 75},
    {u"1008", u"nouns_nina", 640},
    {u"1009", u"rarity_ravi", 310},
    {u"1010", u"fresh_fern", 3}, // too new: the demo shows account_too_new
    {u"1011", u"glyph_greta", 1100},
    {u"1012", u"satoshi_sam", 45},
}};

QString ethText(Gwei amount)
{
    return amount.toDecimalString().remove(u',');
}

} // namespace

MarathonConfig DemoMarathon::config(std::int64_t startUtcMs, int days, int windowMinutes)
{
    MarathonConfig c;
    c.name = QStringLiteral("DEMO — SothebAIs Marathon");
    c.timeZone = QStringLiteral("America/New_York");
    const QTimeZone zone(c.timeZone.toUtf8());
    // Round up to a whole minute so the local window reads naturally.
    const std::int64_t openMs = ((startUtcMs + 60'000) / 60'000 + 1) * 60'000;
    const QDateTime open = QDateTime::fromMSecsSinceEpoch(openMs, zone);
    c.firstDay = open.date();
    c.windowStart = QTime(open.time().hour(), open.time().minute());
    c.windowEnd = c.windowStart.addSecs(windowMinutes * 60);
    c.days = days;
    c.timeBufferMs = 60'000;
    c.graceMs = 20'000;
    c.reserve = Gwei::fromGwei(10 * kMilliEth);
    c.hashtag = QStringLiteral("#SothebAIs");
    const std::array<const char16_t*, 5> titles = {u"Dawn Over the Ledger", u"Gavel No. 7",
                                                   u"Portrait of a Bidder", u"The Last Block",
                                                   u"Neon Provenance"};
    for (int i = 0; i < days; ++i) {
        Lot lot;
        lot.title = QString::fromUtf16(titles[std::size_t(i) % titles.size()]);
        lot.artist = QStringLiteral("SothebAIs Demo Studio");
        lot.tokenId = QString::number(i + 1);
        lot.description = QCoreApplication::translate("DemoMarathon", "Demo lot %1").arg(i + 1);
        c.lots.append(lot);
    }
    return c;
}

SimulatedBidders::SimulatedBidders(quint32 seed)
    : m_random(seed), m_runId(QString::number(QDateTime::currentMSecsSinceEpoch(), 36))
{}

BidInput SimulatedBidders::nextBid(std::optional<Gwei> leader, Gwei minimumNext,
                                   std::int64_t nowUtcMs)
{
    const DemoBidder& who = kBidders[m_random.bounded(int(kBidders.size()))];
    BidInput bid;
    bid.source = QStringLiteral("demo");
    bid.sourceId = QStringLiteral("demo-%1-%2").arg(m_runId).arg(++m_counter);
    bid.bidderId = QString::fromUtf16(who.id);
    bid.bidderName = QString::fromUtf16(who.handle);
    bid.accountCreatedMs = nowUtcMs - std::int64_t(who.accountAgeDays) * kDayMs;
    bid.hasLinkedWallet = true;
    bid.sourceTimeMs = nowUtcMs;
    bid.receivedTimeMs = nowUtcMs;

    // A raise of 0-30 % over the minimum, in whole 0.001 ETH.
    const std::int64_t base = minimumNext.gwei();
    const std::int64_t raise = base / 100 * m_random.bounded(31);
    const Gwei amount = Gwei::fromGwei(((base + raise + kMilliEth - 1) / kMilliEth) * kMilliEth);

    const int roll = m_random.bounded(100);
    if (roll < 6) {
        bid.text = QStringLiteral("0,5 eth please");
    } else if (roll < 10) {
        bid.text = QStringLiteral("$300 and not a cent more");
    } else if (roll < 14) {
        bid.text = QStringLiteral("what a piece 😍 #SothebAIs");
    } else if (roll < 24 && leader) {
        bid.text = QStringLiteral("bid %1 #SothebAIs").arg(ethText(*leader));
    } else if (roll < 30) {
        // Posted a few seconds ago, delivered now: a late arrival the grace still judges.
        bid.sourceTimeMs = nowUtcMs - 1000 * m_random.bounded(1, 15);
        bid.text = QStringLiteral("%1 ETH #SothebAIs").arg(ethText(amount));
    } else {
        const std::array<QString, 4> forms = {
            QStringLiteral("bid %1 #SothebAIs"), QStringLiteral("%1 ETH 🔥 #SothebAIs"),
            QStringLiteral("Ξ%1 let's go #SothebAIs"), QStringLiteral("!bid %1 eth #SothebAIs")};
        bid.text = forms[std::size_t(m_random.bounded(int(forms.size())))].arg(ethText(amount));
    }
    return bid;
}

QString DemoMarathon::settleWinners(AuctionEngine& engine)
{
    QString firstError;
    for (const AuctionDay& a : engine.auctions()) {
        if (a.state != DayState::Processing || !a.winnerBidId)
            continue;
        const ActionResult settled = engine.markSettled(
            a.index, QStringLiteral("demo: settled without a chain"), QStringLiteral("demo"));
        if (!settled.ok && firstError.isEmpty())
            firstError = settled.error;
    }
    return firstError;
}

std::optional<std::int64_t> DemoMarathon::idleSkipTarget(const AuctionEngine& engine,
                                                         std::int64_t nowUtcMs, std::int64_t leadMs)
{
    std::optional<std::int64_t> nextStart;
    for (const AuctionDay& a : engine.auctions()) {
        if (a.isOpenForBids() || a.state == DayState::Processing)
            return std::nullopt;
        if (a.state == DayState::Pending) {
            nextStart = a.startUtcMs;
            break;
        }
    }
    if (!nextStart || *nextStart - nowUtcMs <= 2 * leadMs)
        return std::nullopt;
    return *nextStart - leadMs;
}

} // namespace sb::auction
