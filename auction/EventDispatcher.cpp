#include "EventDispatcher.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcEvents, "sb.auction.events")

namespace sb::auction {

EventDispatcher::EventDispatcher(AuctionStore& store, const Clock& clock, RetryPolicy policy,
                                 QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_policy(policy)
{}

bool EventDispatcher::subscribe(EventSubscriber* subscriber, bool replayFromStart, QString* error)
{
    Subscription s;
    s.subscriber = subscriber;
    // A cursor that cannot be read is not "none": guessing would replay or skip events.
    const Result<std::optional<std::int64_t>> stored =
        m_store.subscriberCursor(subscriber->subscriberName());
    if (!stored) {
        if (error)
            *error = stored.error();
        return false;
    }
    if (*stored) {
        s.cursor = **stored;
    } else if (replayFromStart) {
        s.cursor = 0;
    } else {
        const Result<std::int64_t> last = m_store.lastSeq();
        if (!last) {
            if (error)
                *error = last.error();
            return false;
        }
        s.cursor = *last;
    }
    s.dirty = !*stored;
    m_subscriptions.push_back(s);
    return true;
}

void EventDispatcher::unsubscribe(EventSubscriber* subscriber)
{
    std::erase_if(m_subscriptions,
                  [&](const Subscription& s) { return s.subscriber == subscriber; });
}

void EventDispatcher::onEventsCommitted(const QList<AuctionEvent>& events)
{
    for (const AuctionEvent& e : events) {
        if (!m_recent.empty() && e.seq != m_recent.back().seq + 1)
            m_recent.clear(); // never serve a tail with a hole in it
        m_recent.push_back(e);
    }
    while (m_recent.size() > kRecentLimit)
        m_recent.pop_front();
}

bool EventDispatcher::eventAfter(std::int64_t seq, AuctionEvent* event)
{
    if (!m_recent.empty() && seq + 1 >= m_recent.front().seq && seq + 1 <= m_recent.back().seq) {
        *event = m_recent[std::size_t(seq + 1 - m_recent.front().seq)];
        return true;
    }
    const Result<QList<AuctionEvent>> next = m_store.events(seq, 1);
    if (!next) {
        // Nothing is delivered past an event that cannot be read; the next pump tries again.
        if (next.error() != m_lastReadError)
            qWarning("Event delivery waits: %s", qUtf8Printable(next.error()));
        m_lastReadError = next.error();
        return false;
    }
    m_lastReadError.clear();
    if (next->isEmpty())
        return false;
    *event = next->constFirst();
    return true;
}

int EventDispatcher::pump()
{
    int attempts = 0;
    const std::int64_t now = m_clock.nowUtcMs();
    for (Subscription& s : m_subscriptions) {
        AuctionEvent event;
        while (s.nextAttemptMs <= now && eventAfter(s.cursor, &event)) {
            ++attempts;
            const QString error = s.subscriber->deliver(event);
            if (error.isEmpty()) {
                s.cursor = event.seq;
                s.failures = 0;
                s.nextAttemptMs = 0;
                s.dirty = true;
                continue;
            }
            s.lastError = error;
            if (s.failures < m_policy.maxRetries) {
                s.nextAttemptMs = now + (m_policy.firstDelayMs << s.failures);
                ++s.failures;
                qCWarning(lcEvents).noquote()
                    << s.subscriber->subscriberName() << "failed on event" << event.seq
                    << event.type << "(" << error << "); retry" << s.failures << "of"
                    << m_policy.maxRetries;
                break;
            }
            // Out of retries: park the event, keep the order for everything after it.
            QString storeError;
            DeadLetter letter{0,  s.subscriber->subscriberName(), event.seq, error, s.failures + 1,
                              now};
            if (!m_store.addDeadLetter(letter, &storeError)) {
                qCWarning(lcEvents).noquote() << "cannot park event" << event.seq << storeError;
                s.nextAttemptMs = now + (m_policy.firstDelayMs << m_policy.maxRetries);
                break;
            }
            qCWarning(lcEvents).noquote()
                << QStringLiteral("%1 gave up on event %2 (%3) after %4 attempts: %5; it is in the "
                                  "dead letters")
                       .arg(s.subscriber->subscriberName())
                       .arg(event.seq)
                       .arg(event.type)
                       .arg(s.failures + 1)
                       .arg(error);
            emit deadLettered(s.subscriber->subscriberName(), event.seq, error);
            s.cursor = event.seq;
            s.failures = 0;
            s.nextAttemptMs = 0;
            s.dirty = true;
        }
    }
    return attempts;
}

std::int64_t EventDispatcher::nextRetryDueMs() const
{
    std::int64_t due = -1;
    for (const Subscription& s : m_subscriptions) {
        if (s.failures > 0 && (due < 0 || s.nextAttemptMs < due))
            due = s.nextAttemptMs;
    }
    return due;
}

bool EventDispatcher::saveCursors(QString* error)
{
    const bool anyDirty = std::any_of(m_subscriptions.cbegin(), m_subscriptions.cend(),
                                      [](const Subscription& s) { return s.dirty; });
    if (!anyDirty)
        return true;
    if (!m_store.begin(error))
        return false;
    for (Subscription& s : m_subscriptions) {
        if (s.dirty &&
            !m_store.setSubscriberCursor(s.subscriber->subscriberName(), s.cursor, error)) {
            m_store.rollback();
            return false;
        }
    }
    if (!m_store.commit(error)) {
        m_store.rollback();
        return false;
    }
    for (Subscription& s : m_subscriptions)
        s.dirty = false;
    return true;
}

bool EventDispatcher::redrive(std::int64_t deadLetterId, QString* error)
{
    const Result<QList<DeadLetter>> read = m_store.deadLetters();
    if (!read) {
        *error = read.error();
        return false;
    }
    const QList<DeadLetter>& letters = *read;
    const auto it = std::find_if(letters.cbegin(), letters.cend(),
                                 [&](const DeadLetter& d) { return d.id == deadLetterId; });
    if (it == letters.cend()) {
        *error = tr("There is no dead letter %1.").arg(deadLetterId);
        return false;
    }
    const auto sub =
        std::find_if(m_subscriptions.begin(), m_subscriptions.end(), [&](const Subscription& s) {
            return s.subscriber->subscriberName() == it->subscriber;
        });
    if (sub == m_subscriptions.end()) {
        *error = tr("%1 is not connected; re-drive it once it is.").arg(it->subscriber);
        return false;
    }
    AuctionEvent event;
    if (!eventAfter(it->seq - 1, &event)) {
        *error = tr("Event %1 is missing from the journal.").arg(it->seq);
        return false;
    }
    const QString deliveryError = sub->subscriber->deliver(event);
    if (deliveryError.isEmpty())
        return m_store.removeDeadLetter(it->id, error);
    DeadLetter updated = *it;
    updated.error = deliveryError;
    updated.attempts += 1;
    updated.failedUtcMs = m_clock.nowUtcMs();
    m_store.updateDeadLetter(updated, error);
    *error = tr("Delivery failed again: %1").arg(deliveryError);
    return false;
}

Result<std::int64_t> EventDispatcher::cursorOf(const QString& subscriberName) const
{
    for (const Subscription& s : m_subscriptions) {
        if (s.subscriber->subscriberName() == subscriberName)
            return s.cursor;
    }
    const Result<std::optional<std::int64_t>> stored = m_store.subscriberCursor(subscriberName);
    if (!stored)
        return AuctionError{stored.error()};
    return stored->value_or(0);
}

} // namespace sb::auction
