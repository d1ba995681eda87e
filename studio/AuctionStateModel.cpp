#include "AuctionStateModel.h"

#include "AuctionEngine.h"
#include "AuctionEvent.h"

namespace sb::studio {

using namespace sb::auction;

AuctionStateModel::AuctionStateModel(AuctionEngine& engine, bool demo, QObject* parent)
    : QObject(parent), m_engine(&engine), m_demo(demo),
      m_snapshot(std::make_shared<const AuctionSnapshot>())
{
    connect(m_engine, &AuctionEngine::eventsCommitted, this, &AuctionStateModel::onEvents);
    seedFromJournal();
    refresh();
}

void AuctionStateModel::setEngine(AuctionEngine& engine, bool demo)
{
    disconnect(m_engine, nullptr, this, nullptr);
    m_engine = &engine;
    m_demo = demo;
    m_extended.clear();
    m_lastSold = -1;
    m_winnerSeenMs.clear();
    connect(m_engine, &AuctionEngine::eventsCommitted, this, &AuctionStateModel::onEvents);
    seedFromJournal();
    refresh();
}

void AuctionStateModel::seedFromJournal()
{
    m_leaderboard = AuctionSnapshot::tallyLeaderboard(*m_engine);
    // The badge and the SOLD banner of an auction that is still on screen after a restart.
    // Unreadable, the badges stay off: they decorate, nothing is decided from them.
    const sb::auction::Result<std::int64_t> last = m_engine->store().lastSeq();
    if (!last)
        return;
    const sb::auction::Result<QList<AuctionEvent>> recent =
        m_engine->store().events(std::max<std::int64_t>(0, *last - 2000), 2000);
    if (!recent)
        return;
    for (const AuctionEvent& event : *recent) {
        const int index = event.payload.value(QStringLiteral("auction")).toInt(-1);
        if (event.type == EventType::AuctionExtended)
            m_extended.insert(index, true);
        else if (event.type == EventType::AuctionWinner)
            m_winnerSeenMs.insert(index, 0); // long done: no animation
    }
}

std::shared_ptr<const AuctionSnapshot> AuctionStateModel::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

void AuctionStateModel::setDemo(bool demo)
{
    m_demo = demo;
    refresh();
}

void AuctionStateModel::onEvents(const QList<AuctionEvent>& events)
{
    bool retally = false;
    for (const AuctionEvent& event : events) {
        const int index = event.payload.value(QStringLiteral("auction")).toInt(-1);
        if (event.type == EventType::BidAccepted) {
            const QJsonObject& bid = event.payload;
            AuctionSnapshot::addToLeaderboard(
                m_leaderboard, bid.value(QStringLiteral("bidder_id")).toString(),
                bid.value(QStringLiteral("bidder")).toString(),
                Gwei::fromGwei(bid.value(QStringLiteral("amount_gwei")).toInteger()), 0);
        } else if (event.type == EventType::BidInvalidated) {
            retally = true; // a best bid may be gone: rare enough to count again
        }
        if (event.type == EventType::AuctionExtended)
            m_extended.insert(index, true);
        else if (event.type == EventType::AuctionWinner) {
            retally = true; // wins
            m_winnerSeenMs.insert(index, m_engine->clock().nowUtcMs());
            m_lastSold = index;
        }
    }
    if (retally)
        m_leaderboard = AuctionSnapshot::tallyLeaderboard(*m_engine);
    refresh();
}

std::optional<int> AuctionStateModel::soldAuctionOnScreen(std::int64_t nowMs) const
{
    if (m_lastSold < 0)
        return std::nullopt;
    const std::int64_t seen = m_winnerSeenMs.value(m_lastSold, 0);
    if (seen == 0 || nowMs - seen >= kSoldHoldMs)
        return std::nullopt;
    // A new auction that opened meanwhile takes the screen.
    for (const AuctionDay& a : m_engine->auctions()) {
        if (a.state == DayState::Active || a.state == DayState::Paused)
            return std::nullopt;
    }
    return m_lastSold;
}

void AuctionStateModel::refresh()
{
    const std::optional<int> sold = soldAuctionOnScreen(m_engine->clock().nowUtcMs());
    m_showingSold = sold.has_value();
    AuctionSnapshot s = AuctionSnapshot::build(*m_engine, m_demo, sold, &m_leaderboard);
    if (s.hasAuction) {
        s.extended = m_extended.value(s.auctionIndex, false);
        s.winnerDeclaredUtcMs = m_winnerSeenMs.value(s.auctionIndex, 0);
    }
    publish(std::move(s));
    emit changed();
}

bool AuctionStateModel::advanceClock()
{
    const std::int64_t now = m_engine->clock().nowUtcMs();
    const std::shared_ptr<const AuctionSnapshot> current = snapshot();
    if (now == current->nowUtcMs)
        return false;
    if (m_showingSold && !soldAuctionOnScreen(now)) {
        refresh(); // the banner's time is up: on to the next auction
        return true;
    }
    AuctionSnapshot s = *current;
    const bool newSecond = now / 1000 != s.nowUtcMs / 1000;
    s.nowUtcMs = now;
    publish(std::move(s));
    return newSecond;
}

void AuctionStateModel::publish(AuctionSnapshot snapshot)
{
    auto shared = std::make_shared<const AuctionSnapshot>(std::move(snapshot));
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(shared);
}

} // namespace sb::studio
