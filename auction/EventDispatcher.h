#pragma once
// Delivers the committed journal to subscribers (overlays, host, X replies, settlement, remote
// clients), each in seq order from its own cursor, so a restart or reconnect replays what it
// missed. A failed delivery is retried 3 times with exponential backoff on the engine's clock, then
// the event goes to the dead-letter list, which the operator can see and re-drive. At least once:
// subscribers use seq to ignore a repeat after a crash.

#include "AuctionEvent.h"
#include "AuctionStore.h"
#include "Clock.h"

#include <QList>
#include <QObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <vector>

namespace sb::auction {

class EventSubscriber
{
public:
    virtual ~EventSubscriber() = default;
    // Stable: the cursor and dead letters are stored under this name.
    virtual QString subscriberName() const = 0;
    // Empty string on success, else why it failed (kept with the dead letter).
    virtual QString deliver(const AuctionEvent& event) = 0;
};

struct RetryPolicy
{
    int maxRetries = 3;
    std::int64_t firstDelayMs = 1000; // then ×2 per retry: 1 s, 2 s, 4 s
};

class EventDispatcher : public QObject
{
    Q_OBJECT

public:
    EventDispatcher(AuctionStore& store, const Clock& clock, RetryPolicy policy = {},
                    QObject* parent = nullptr);

    // Starts from the stored cursor; a new subscriber starts after the current last event unless
    // replayFromStart is set.
    // Fails (subscribing nothing) when the stored cursor cannot be read.
    [[nodiscard]] bool subscribe(EventSubscriber* subscriber, bool replayFromStart = false,
                                 QString* error = nullptr);
    void unsubscribe(EventSubscriber* subscriber);

    // Feed from AuctionEngine::eventsCommitted; saves a round trip to the database.
    void onEventsCommitted(const QList<sb::auction::AuctionEvent>& events);
    // Delivers whatever is due now. Returns the number of deliveries attempted.
    int pump();
    // The earliest time a retry is due, or -1.
    std::int64_t nextRetryDueMs() const;
    // Persists cursors (delivery is at least once between two saves).
    bool saveCursors(QString* error);

    Result<QList<DeadLetter>> deadLetters() const { return m_store.deadLetters(); }
    // Delivers a dead letter again now; removed on success, kept with the new error otherwise.
    bool redrive(std::int64_t deadLetterId, QString* error);

    Result<std::int64_t> cursorOf(const QString& subscriberName) const;

signals:
    void deadLettered(const QString& subscriber, std::int64_t seq, const QString& error);

private:
    struct Subscription
    {
        EventSubscriber* subscriber = nullptr;
        std::int64_t cursor = 0; // last seq delivered or dead-lettered
        int failures = 0;        // for the event after the cursor
        std::int64_t nextAttemptMs = 0;
        QString lastError;
        bool dirty = false;
    };

    bool eventAfter(std::int64_t seq, AuctionEvent* event);

    AuctionStore& m_store;
    const Clock& m_clock;
    RetryPolicy m_policy;
    std::vector<Subscription> m_subscriptions;
    QString m_lastReadError;           // said once, until a read works again
    std::deque<AuctionEvent> m_recent; // the tail of the journal, so live delivery skips SQLite
    static constexpr std::size_t kRecentLimit = 4096;
};

} // namespace sb::auction
