#pragma once
// Test fixture: the marathon session on the engine's own thread (EngineThread), as the window
// and headless run it, over a temporary database and a virtual clock, with the marathon of
// EngineFixture. The test's thread plays the window: it acts through the session and sees what
// comes back by queued calls. settle() lets everything in flight arrive, so a test reads as a
// timeline without sleeping.

#include "EngineFixture.h"
#include "EngineThread.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace sb::auction::test {

// Runs this thread's event loop until `done()` holds (true) or 30 s pass (false): a limit on
// waiting for what comes back from another thread, never a measure of time.
template <typename Condition> bool waitUntil(Condition done)
{
    const QDeadlineTimer deadline(30'000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

// The verdict of a bid that `submit(context, done)` hands to the session, once it is durable;
// a Failed outcome when none came.
template <typename Submit> BidOutcome verdictOf(Submit submit)
{
    std::optional<BidOutcome> heard;
    QObject context;
    submit(&context, [&heard](const BidOutcome& outcome) { heard = outcome; });
    if (!waitUntil([&heard] { return heard.has_value(); }))
        return {};
    return *heard;
}

// The session's clock, read through to the fixture's virtual one (which the test moves).
class FollowingClock final : public Clock
{
public:
    explicit FollowingClock(const Clock& source) : m_source(source) {}
    std::int64_t nowUtcMs() const override { return m_source.nowUtcMs(); }

private:
    const Clock& m_source;
};

class SessionFixture
{
public:
    explicit SessionFixture(const MarathonConfig& config = simpleConfig(),
                            std::int64_t startMs = utcMs(2026, 3, 1, 11), RetryPolicy retry = {})
        : clock(startMs)
    {
        QVERIFY2(dir.isValid(), "no temporary directory");
        dbPath = dir.filePath(QStringLiteral("marathon.db"));
        MarathonSessionOptions options;
        options.dbPath = dbPath;
        options.deliveryRetry = retry;
        session = std::make_unique<EngineThread>(options);
        QObject::connect(session.get(), &EngineThread::eventsCommitted,
                         [this](const QList<AuctionEvent>& e) { events += e; });
        QString error;
        const bool opened = session->open(
            [this](AuctionStore&, QString*) { return std::make_unique<FollowingClock>(clock); },
            [config](const Clock&, QString*) { return std::optional(config); }, nullptr, &error);
        QVERIFY2(opened, qPrintable(error));
    }

    // Stops the session as the app does at exit and opens the same marathon again, as the next
    // start of the app would.
    void reopen()
    {
        session->stop();
        session = std::make_unique<EngineThread>(session->options());
        QObject::connect(session.get(), &EngineThread::eventsCommitted,
                         [this](const QList<AuctionEvent>& e) { events += e; });
        QString error;
        const bool opened = session->open(
            [this](AuctionStore&, QString*) { return std::make_unique<FollowingClock>(clock); },
            [](const Clock&, QString* why) {
                *why = QStringLiteral("the marathon should be there");
                return std::optional<MarathonConfig>();
            },
            nullptr, &error);
        QVERIFY2(opened, qPrintable(error));
    }

    // Runs `work(engine)` on the engine's thread, waits for its result, and lets what it
    // published reach this thread.
    template <typename Work> auto onEngine(Work work)
    {
        auto result = session->wait([&work](MarathonSession& s) { return work(s.engine()); });
        settle();
        return result;
    }

    void at(std::int64_t ms)
    {
        clock.setNow(ms);
        const ActionResult ticked = onEngine([](AuctionEngine& e) { return e.tick(); });
        QVERIFY2(ticked.ok, qPrintable(ticked.error));
    }

    BidOutcome bid(const QString& bidder, const QString& text)
    {
        BidInput input;
        input.source = QStringLiteral("test");
        input.sourceId = QStringLiteral("p%1").arg(++m_posts);
        input.bidderId = bidder;
        input.bidderName = bidder;
        input.text = text;
        return onEngine([&input](AuctionEngine& e) { return e.submitBid(input); });
    }

    QString leaderName(int auction = 0) const
    {
        const auto leader = session->view().leaderBid(auction);
        return leader ? leader->bidderName : QString();
    }

    QList<AuctionEvent> eventsOfType(QLatin1StringView type) const
    {
        QList<AuctionEvent> out;
        for (const AuctionEvent& e : events) {
            if (e.type == type)
                out.append(e);
        }
        return out;
    }

    // Round trips to the engine's thread until what is in flight has arrived here: the
    // events, the reads the models asked for on hearing them, and the reads those caused.
    void settle(int roundTrips = 4)
    {
        for (int i = 0; i < roundTrips; ++i) {
            bool back = false;
            QObject context;
            session->post([](MarathonSession&) { return 0; }, &context,
                          [&back](int) { back = true; });
            QVERIFY2(waitUntil([&back] { return back; }), "the engine's thread did not answer");
        }
    }

    QTemporaryDir dir;
    QString dbPath;
    VirtualClock clock;
    std::unique_ptr<EngineThread> session;
    QList<AuctionEvent> events; // as this thread heard them

private:
    int m_posts = 0;
};

} // namespace sb::auction::test
