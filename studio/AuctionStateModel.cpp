#include "AuctionStateModel.h"

#include "AuctionEvent.h"
#include "BidParser.h"
#include "EngineThread.h"

namespace sb::studio {

using namespace sb::auction;

namespace {

// The badge and the SOLD banner of an auction that is still on screen after a restart, from the
// journal's tail. Unreadable, the badges stay off: they decorate, nothing is decided from them.
struct Seed
{
    LeaderboardTally leaderboard;
    QHash<int, bool> extended;
    QHash<int, std::int64_t> winnerSeenMs;
};

Seed readSeed(AuctionEngine& engine)
{
    Seed seed;
    seed.leaderboard = AuctionSnapshot::tallyLeaderboard(engine);
    const Result<std::int64_t> last = engine.store().lastSeq();
    if (!last)
        return seed;
    const Result<QList<AuctionEvent>> recent =
        engine.store().events(std::max<std::int64_t>(0, *last - 2000), 2000);
    if (!recent)
        return seed;
    for (const AuctionEvent& event : *recent) {
        const int index = event.payload.value(QStringLiteral("auction")).toInt(-1);
        if (event.type == EventType::AuctionExtended)
            seed.extended.insert(index, true);
        else if (event.type == EventType::AuctionWinner)
            seed.winnerSeenMs.insert(index, 0); // long done: no animation
    }
    return seed;
}

} // namespace

AuctionStateModel::AuctionStateModel(EngineThread& engine, bool demo, QObject* parent)
    : QObject(parent), m_engine(&engine), m_demo(demo),
      m_snapshot(std::make_shared<const AuctionSnapshot>())
{
    seed();
}

void AuctionStateModel::setEngine(EngineThread& engine, bool demo)
{
    disconnect(m_engine, nullptr, this, nullptr);
    m_engine = &engine;
    m_demo = demo;
    m_lastSold = -1;
    seed();
}

void AuctionStateModel::seed()
{
    ++m_generation;
    m_building = false;
    m_buildAgain = false;
    const bool demo = m_demo;
    const auto [read, first] = m_engine->wait([demo](MarathonSession& session) {
        Seed seed = readSeed(session.engine());
        AuctionSnapshot s =
            AuctionSnapshot::build(session.engine(), demo, std::nullopt, &seed.leaderboard);
        return std::pair(std::move(seed), std::move(s));
    });
    m_leaderboard = read.leaderboard;
    m_extended = read.extended;
    m_winnerSeenMs = read.winnerSeenMs;
    connect(m_engine, &EngineThread::eventsCommitted, this, &AuctionStateModel::onEvents);
    AuctionSnapshot s = first;
    m_showingSold = false;
    if (s.hasAuction) {
        s.extended = m_extended.value(s.auctionIndex, false);
        s.winnerDeclaredUtcMs = m_winnerSeenMs.value(s.auctionIndex, 0);
    }
    publish(std::move(s));
    emit changed();
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

void AuctionStateModel::setXHandle(const QString& username)
{
    QString handle = BidParser::visibleText(username).trimmed();
    while (handle.startsWith(u'@'))
        handle.remove(0, 1);
    if (handle == m_xHandle)
        return;
    m_xHandle = handle;
    publish(*snapshot()); // the same auction, with the handle stamped
    emit changed();
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
        } else if (event.type == EventType::SettlementMintConfirmed && index >= 0) {
            // Paid and minted: the SOLD banner comes back once, now with "Paid ✓" (unless an
            // auction has opened meanwhile; the schedule card says it then).
            m_winnerSeenMs.insert(index, m_engine->clock().nowUtcMs());
            m_lastSold = index;
        }
    }
    if (retally) {
        // Counted again on the engine's thread; the next snapshot carries it.
        m_retally = true;
    }
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
    for (const AuctionDay& a : m_engine->view().auctions) {
        if (a.state == DayState::Active || a.state == DayState::Paused)
            return std::nullopt;
    }
    return m_lastSold;
}

void AuctionStateModel::refresh()
{
    if (m_building) {
        m_buildAgain = true; // the rebuild on its way starts again once it is back
        return;
    }
    m_building = true;
    const std::optional<int> sold = soldAuctionOnScreen(m_engine->clock().nowUtcMs());
    const bool demo = m_demo;
    const bool retally = std::exchange(m_retally, false);
    const LeaderboardTally tally = m_leaderboard;
    const std::uint64_t generation = m_generation;
    struct Built
    {
        AuctionSnapshot snapshot;
        std::optional<LeaderboardTally> tally; // counted again from the store
    };
    m_engine->post(
        [demo, sold, retally, tally](MarathonSession& session) {
            Built built;
            if (retally)
                built.tally = AuctionSnapshot::tallyLeaderboard(session.engine());
            built.snapshot = AuctionSnapshot::build(session.engine(), demo, sold,
                                                    built.tally ? &*built.tally : &tally);
            return built;
        },
        this,
        [this, generation, sold](Built built) {
            if (generation != m_generation)
                return; // made by the engine this model no longer follows
            m_building = false;
            if (built.tally)
                m_leaderboard = std::move(*built.tally);
            m_showingSold = sold.has_value();
            AuctionSnapshot& s = built.snapshot;
            if (s.hasAuction) {
                s.extended = m_extended.value(s.auctionIndex, false);
                s.winnerDeclaredUtcMs = m_winnerSeenMs.value(s.auctionIndex, 0);
            }
            publish(std::move(s));
            emit changed();
            if (std::exchange(m_buildAgain, false))
                refresh();
        });
}

bool AuctionStateModel::advanceClock()
{
    const std::int64_t now = m_engine->clock().nowUtcMs();
    const std::shared_ptr<const AuctionSnapshot> current = snapshot();
    if (now == current->nowUtcMs)
        return false;
    if (m_showingSold && !m_building && !soldAuctionOnScreen(now)) {
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
    snapshot.xHandle = m_xHandle; // the engine does not know the X account
    auto shared = std::make_shared<const AuctionSnapshot>(std::move(snapshot));
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(shared);
}

} // namespace sb::studio
