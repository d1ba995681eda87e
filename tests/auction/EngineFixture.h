#pragma once
// Test fixture: an engine on its own temporary database with a virtual clock, and a marathon whose
// windows sit at round UTC times so each test reads like a timeline.

#include "AuctionEngine.h"
#include "AuctionStore.h"
#include "Clock.h"
#include "MarathonConfig.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sb::auction::test {

inline constexpr std::int64_t kSecond = 1000;
inline constexpr std::int64_t kMinute = 60 * kSecond;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline constexpr std::int64_t kDay = 24 * kHour;

inline Gwei eth(const char* decimal)
{
    const auto parsed = Gwei::parseEth(QString::fromLatin1(decimal));
    if (!parsed.ok())
        qFatal("bad test amount %s", decimal);
    return *parsed.amount;
}

// 3 days, 12:00-13:00 UTC, first day 2026-03-01; reserve 0.01, +5 % / 0.001, buffer 5 min,
// grace 20 s, no account-age rule, review at 10×.
inline MarathonConfig simpleConfig(int days = 3)
{
    MarathonConfig c;
    c.name = QStringLiteral("Test marathon");
    c.timeZone = QStringLiteral("UTC");
    c.firstDay = QDate(2026, 3, 1);
    c.days = days;
    c.windowStart = QTime(12, 0);
    c.windowEnd = QTime(13, 0);
    c.minAccountAgeDays = 0;
    return c;
}

inline std::int64_t utcMs(int year, int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC)
        .toMSecsSinceEpoch();
}

// Day 1 opens at this instant in simpleConfig().
inline const std::int64_t kDay1Open = utcMs(2026, 3, 1, 12);
inline const std::int64_t kDay1Close = utcMs(2026, 3, 1, 13);

// A post as a test channel ("test") delivers it.
inline BidInput testPost(const QString& bidder, const QString& text, const QString& id)
{
    BidInput input;
    input.source = QStringLiteral("test");
    input.sourceId = id;
    input.bidderId = bidder;
    input.bidderName = bidder;
    input.text = text;
    return input;
}

class EngineFixture
{
public:
    // tempTemplate: where the database lives (QTemporaryDir template); default: the system temp.
    explicit EngineFixture(const MarathonConfig& config = simpleConfig(),
                           std::int64_t startMs = utcMs(2026, 3, 1, 11),
                           const QString& tempTemplate = {})
        : dirHolder(tempTemplate.isEmpty() ? std::make_unique<QTemporaryDir>()
                                           : std::make_unique<QTemporaryDir>(tempTemplate)),
          dir(*dirHolder), clock(startMs)
    {
        QVERIFY2(dir.isValid(), "no temporary directory");
        dbPath = dir.filePath(QStringLiteral("marathon.db"));
        open();
        const ActionResult created = engine->createMarathon(config);
        QVERIFY2(created.ok, qPrintable(created.error));
    }

    void open()
    {
        store = std::make_unique<AuctionStore>();
        QString error;
        QVERIFY2(store->open(dbPath, &error), qPrintable(error));
        engine = std::make_unique<AuctionEngine>(*store, clock);
        QObject::connect(engine.get(), &AuctionEngine::eventsCommitted,
                         [this](const QList<AuctionEvent>& e) { events += e; });
    }

    // Simulates a crash or quit: drops the engine and the connection without any goodbye.
    void closeEngine()
    {
        engine.reset();
        store.reset();
    }

    ActionResult reopen()
    {
        closeEngine();
        open();
        return engine->load();
    }

    void at(std::int64_t ms)
    {
        clock.setNow(ms);
        const ActionResult ticked = engine->tick();
        QVERIFY2(ticked.ok, qPrintable(ticked.error));
    }

    BidOutcome bid(const QString& bidder, const QString& text, std::int64_t postedMs = 0,
                   const QString& sourceId = {})
    {
        BidInput input;
        input.source = QStringLiteral("test");
        input.sourceId = sourceId.isEmpty() ? QStringLiteral("p%1").arg(++m_posts) : sourceId;
        input.bidderId = bidder;
        input.bidderName = bidder;
        input.text = text;
        input.sourceTimeMs = postedMs;
        return engine->submitBid(input);
    }

    QString leaderName(int auction = 0) const
    {
        const auto leader = engine->leaderBid(auction);
        return leader ? leader->bidderName : QString();
    }

    QStringList eventTypes() const
    {
        QStringList types;
        for (const AuctionEvent& e : events)
            types << e.type;
        return types;
    }

    QList<AuctionEvent> eventsOfType(QLatin1StringView type) const
    {
        QList<AuctionEvent> result;
        for (const AuctionEvent& e : events) {
            if (e.type == type)
                result << e;
        }
        return result;
    }

    std::unique_ptr<QTemporaryDir> dirHolder;
    QTemporaryDir& dir;
    QString dbPath;
    VirtualClock clock;
    std::unique_ptr<AuctionStore> store;
    std::unique_ptr<AuctionEngine> engine;
    QList<AuctionEvent> events; // everything published since the fixture started

private:
    int m_posts = 0;
};

} // namespace sb::auction::test
