// The event bus as subscribers see it: every committed event once, in seq order, with no gap; a
// subscriber that fails is retried at 1 s, 2 s and 4 s on the engine's clock and then parks the
// event in the dead letters without holding up what comes after it or anyone else; the operator can
// re-drive a dead letter; after a restart each subscriber resumes exactly after its stored cursor.

#include "EngineFixture.h"
#include "EventDispatcher.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace sb::auction::test {

namespace {

struct Attempt
{
    std::int64_t seq = 0;
    std::int64_t atMs = 0; // virtual time of the attempt
};

// Records what it was given and when; can be told to fail the next N deliveries or some seqs.
class TestSubscriber final : public EventSubscriber
{
public:
    TestSubscriber(QString name, const Clock& clock) : m_name(std::move(name)), m_clock(clock) {}

    QString subscriberName() const override { return m_name; }

    QString deliver(const AuctionEvent& event) override
    {
        attempts.append({event.seq, m_clock.nowUtcMs()});
        if (failNext > 0) {
            --failNext;
            return failureText.arg(event.seq);
        }
        if (failSeqs.contains(event.seq))
            return failureText.arg(event.seq);
        delivered.append(event.seq);
        types.append(event.type);
        return {};
    }

    QList<std::int64_t> attemptsOf(std::int64_t seq) const
    {
        QList<std::int64_t> times;
        for (const Attempt& a : attempts) {
            if (a.seq == seq)
                times.append(a.atMs);
        }
        return times;
    }

    QList<std::int64_t> delivered;
    QStringList types;
    QList<Attempt> attempts;
    int failNext = 0;
    QSet<std::int64_t> failSeqs;
    QString failureText = u"X API answered 503 for event %1"_s;

private:
    QString m_name;
    const Clock& m_clock;
};

QList<std::int64_t> range(std::int64_t first, std::int64_t last)
{
    QList<std::int64_t> seqs;
    for (std::int64_t s = first; s <= last; ++s)
        seqs.append(s);
    return seqs;
}

QList<std::int64_t> seqsOf(const QList<AuctionEvent>& events)
{
    QList<std::int64_t> seqs;
    for (const AuctionEvent& e : events)
        seqs.append(e.seq);
    return seqs;
}

QStringList typesOf(const QList<AuctionEvent>& events)
{
    QStringList types;
    for (const AuctionEvent& e : events)
        types.append(e.type);
    return types;
}

std::unique_ptr<EventDispatcher> makeDispatcher(EngineFixture& fx)
{
    auto dispatcher = std::make_unique<EventDispatcher>(*fx.store, fx.clock);
    QObject::connect(fx.engine.get(), &AuctionEngine::eventsCommitted, dispatcher.get(),
                     &EventDispatcher::onEventsCommitted);
    return dispatcher;
}

} // namespace

class TestEventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void deliversEveryEventOnceInOrder();
    void failingSubscriberIsRetriedWithBackoffThenDeadLettered();
    void subscriberThatRecoversOnSecondRetryLosesNothing();
    void failingSubscriberDoesNotDelayAnother();
    void redriveThatSucceedsRemovesTheDeadLetter();
    void redriveThatFailsKeepsTheDeadLetter();
    void redriveNeedsAKnownLetterAndAConnectedSubscriber();
    void deadLettersSurviveARestartAndCanBeRedriven();
    void resumesAfterRestartFromStoredCursor();
    void progressNotSavedIsDeliveredAgain();
    void replayFromStartGivesTheWholeJournal();
    void newSubscriberStartsAfterTheLastEvent();
};

void TestEventDispatcher::deliversEveryEventOnceInOrder()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    TestSubscriber overlay(u"overlay"_s, fx.clock);
    TestSubscriber host(u"host"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&overlay, true));
    QVERIFY(dispatcher->subscribe(&host, true));

    // A day of activity, pumped after each step as the app does; the host only pumps at the end.
    fx.at(kDay1Open);
    dispatcher->pump();
    const QStringList bidders = {u"alice"_s, u"bob"_s, u"carol"_s};
    Gwei amount = eth("0.05");
    for (int i = 0; i < 12; ++i) {
        fx.clock.advance(2 * kMinute);
        QCOMPARE(fx.bid(bidders[i % bidders.size()], amount.toEthString()).kind,
                 BidOutcome::Kind::Accepted);
        amount = *amount.checkedAdd(eth("0.01"));
        QCOMPARE(fx.bid(u"dave"_s, u"0.001 ETH"_s).kind, BidOutcome::Kind::Rejected);
        dispatcher->pump();
        dispatcher->pump(); // a second pump finds nothing new
    }
    fx.at(kDay1Close + 20 * kSecond);
    dispatcher->pump();
    QVERIFY(!fx.eventsOfType(EventType::AuctionWinner).isEmpty());

    const std::int64_t last = fx.store->lastSeq().value();
    QVERIFY(last > 40);
    QCOMPARE(fx.engine->lastSeq(), last);
    QCOMPARE(overlay.delivered, range(1, last));
    QCOMPARE(host.delivered, range(1, last));
    // Exactly what was journaled, in the order it was journaled, with no retries needed.
    QCOMPARE(overlay.attempts.size(), int(last));
    const QList<AuctionEvent> journal = fx.store->events(0, 1000).value();
    QCOMPARE(overlay.types, typesOf(journal));
    // The engine published the same gap-free sequence (seq 1 was published before we connected).
    QCOMPARE(seqsOf(fx.events), range(1, last));
    QCOMPARE(dispatcher->cursorOf(u"overlay"_s).value(), last);
    QCOMPARE(dispatcher->nextRetryDueMs(), -1);
    QVERIFY(dispatcher->deadLetters().value().isEmpty());
}

void TestEventDispatcher::failingSubscriberIsRetriedWithBackoffThenDeadLettered()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    QSignalSpy parked(dispatcher.get(), &EventDispatcher::deadLettered);
    TestSubscriber replies(u"x-replies"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&replies, true));

    fx.at(kDay1Open);
    dispatcher->pump();
    const std::int64_t beforeBid = fx.store->lastSeq().value();
    QCOMPARE(replies.delivered, range(1, beforeBid));

    // alice's bid: bid.accepted then auction.leader. The reply to the accepted bid keeps failing.
    const std::int64_t failing = beforeBid + 1;
    replies.failSeqs = {failing};
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const std::int64_t t0 = fx.clock.nowUtcMs();
    dispatcher->pump();
    QCOMPARE(replies.attemptsOf(failing), (QList<std::int64_t>{t0}));
    QCOMPARE(dispatcher->nextRetryDueMs(), t0 + 1 * kSecond);
    // Order holds: nothing after the failing event is delivered while it waits.
    QCOMPARE(replies.delivered, range(1, beforeBid));

    // Each retry comes exactly when due and not a millisecond before: 1 s, then 2 s, then 4 s.
    std::int64_t due = t0;
    for (const std::int64_t backoff : {1 * kSecond, 2 * kSecond, 4 * kSecond}) {
        due += backoff;
        QCOMPARE(dispatcher->nextRetryDueMs(), due);
        fx.clock.setNow(due - 1);
        QCOMPARE(dispatcher->pump(), 0);
        fx.clock.setNow(due);
        QVERIFY(dispatcher->pump() >= 1);
    }
    QCOMPARE(replies.attemptsOf(failing),
             (QList<std::int64_t>{t0, t0 + 1 * kSecond, t0 + 3 * kSecond, t0 + 7 * kSecond}));

    // Out of retries: parked with the reason, and the rest of the journal flows on in order.
    const QList<DeadLetter> letters = dispatcher->deadLetters().value();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters[0].subscriber, u"x-replies"_s);
    QCOMPARE(letters[0].seq, failing);
    QCOMPARE(letters[0].error, u"X API answered 503 for event %1"_s.arg(failing));
    QCOMPARE(letters[0].attempts, 4);
    QCOMPARE(letters[0].failedUtcMs, t0 + 7 * kSecond);
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked[0][0].toString(), u"x-replies"_s);
    QCOMPARE(parked[0][1].value<std::int64_t>(), failing);
    QCOMPARE(parked[0][2].toString(), letters[0].error);
    QCOMPARE(dispatcher->nextRetryDueMs(), -1);

    QList<std::int64_t> expected = range(1, fx.store->lastSeq().value());
    expected.removeOne(failing);
    QCOMPARE(replies.delivered, expected);

    // Later events are delivered live, in order, and the parked one is not tried again.
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    dispatcher->pump();
    expected = range(1, fx.store->lastSeq().value());
    expected.removeOne(failing);
    QCOMPARE(replies.delivered, expected);
    QCOMPARE(replies.attemptsOf(failing).size(), 4);
    QCOMPARE(dispatcher->cursorOf(u"x-replies"_s).value(), fx.store->lastSeq().value());
}

void TestEventDispatcher::subscriberThatRecoversOnSecondRetryLosesNothing()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    QSignalSpy parked(dispatcher.get(), &EventDispatcher::deadLettered);
    TestSubscriber settlement(u"settlement"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&settlement, true));

    fx.at(kDay1Open);
    dispatcher->pump();
    const std::int64_t first = fx.store->lastSeq().value() + 1;
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);

    // The first attempt and the first retry fail; the second retry goes through.
    settlement.failNext = 2;
    const std::int64_t t0 = fx.clock.nowUtcMs();
    dispatcher->pump();
    fx.clock.setNow(t0 + 1 * kSecond);
    dispatcher->pump();
    QCOMPARE(dispatcher->nextRetryDueMs(), t0 + 3 * kSecond);
    fx.clock.setNow(t0 + 3 * kSecond);
    dispatcher->pump();

    QCOMPARE(settlement.attemptsOf(first),
             (QList<std::int64_t>{t0, t0 + 1 * kSecond, t0 + 3 * kSecond}));
    QCOMPARE(settlement.delivered, range(1, fx.store->lastSeq().value()));
    QVERIFY(dispatcher->deadLetters().value().isEmpty());
    QCOMPARE(parked.size(), 0);
    QCOMPARE(dispatcher->nextRetryDueMs(), -1);

    // The next failure starts the backoff over at 1 s.
    settlement.failNext = 1;
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const std::int64_t t1 = fx.clock.nowUtcMs();
    dispatcher->pump();
    QCOMPARE(dispatcher->nextRetryDueMs(), t1 + 1 * kSecond);
    fx.clock.setNow(t1 + 1 * kSecond);
    dispatcher->pump();
    QCOMPARE(settlement.delivered, range(1, fx.store->lastSeq().value()));
    QVERIFY(dispatcher->deadLetters().value().isEmpty());
}

void TestEventDispatcher::failingSubscriberDoesNotDelayAnother()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    // The broken one subscribes first, so it is served first in every pump.
    TestSubscriber replies(u"x-replies"_s, fx.clock);
    TestSubscriber overlay(u"overlay"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&replies, true));
    QVERIFY(dispatcher->subscribe(&overlay, true));

    fx.at(kDay1Open);
    dispatcher->pump();
    const std::int64_t stuckAt = fx.store->lastSeq().value();
    replies.failNext = 1000;

    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    dispatcher->pump();
    QCOMPARE(overlay.delivered, range(1, fx.store->lastSeq().value()));
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    dispatcher->pump();
    // The overlay shows bob leading at once, without waiting for the replies' backoff.
    QCOMPARE(overlay.delivered, range(1, fx.store->lastSeq().value()));
    QCOMPARE(overlay.types.constLast(), QString(EventType::AuctionLeader));
    QCOMPARE(replies.delivered, range(1, stuckAt));
    QCOMPARE(replies.attempts.size(), int(stuckAt) + 1); // one try, waiting for its first retry

    // Pumping every 10 s, the replies subscriber spends its three retries on the event and then
    // parks it; the overlay has had everything all along.
    for (int i = 0; i < 2; ++i) {
        fx.clock.advance(10 * kSecond);
        dispatcher->pump();
        QCOMPARE(dispatcher->deadLetters().value().size(), 0);
    }
    fx.clock.advance(10 * kSecond);
    dispatcher->pump();
    QCOMPARE(dispatcher->deadLetters().value().size(), 1);
    QCOMPARE(dispatcher->deadLetters().value()[0].subscriber, u"x-replies"_s);
    QCOMPARE(dispatcher->deadLetters().value()[0].seq, stuckAt + 1);
    QCOMPARE(overlay.delivered, range(1, fx.store->lastSeq().value()));
    QCOMPARE(dispatcher->cursorOf(u"overlay"_s).value(), fx.store->lastSeq().value());
}

void TestEventDispatcher::redriveThatSucceedsRemovesTheDeadLetter()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    TestSubscriber replies(u"x-replies"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&replies, true));
    fx.at(kDay1Open);
    dispatcher->pump();
    const std::int64_t failing = fx.store->lastSeq().value() + 1;
    replies.failSeqs = {failing};
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    for (int i = 0; i < 4; ++i) {
        dispatcher->pump();
        fx.clock.advance(4 * kSecond);
    }
    QCOMPARE(dispatcher->deadLetters().value().size(), 1);
    const DeadLetter letter = dispatcher->deadLetters().value().constFirst();
    QCOMPARE(letter.seq, failing);

    // The operator fixed the X token and re-drives the letter.
    replies.failSeqs.clear();
    QString error;
    QVERIFY2(dispatcher->redrive(letter.id, &error), qPrintable(error));
    QVERIFY(dispatcher->deadLetters().value().isEmpty());
    QCOMPARE(replies.delivered.constLast(), failing);
    QCOMPARE(replies.delivered.count(failing), 1);
    // The subscriber got the event it missed, the bid.accepted it should have replied to.
    QCOMPARE(replies.types.constLast(), QString(EventType::BidAccepted));
}

void TestEventDispatcher::redriveThatFailsKeepsTheDeadLetter()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    TestSubscriber replies(u"x-replies"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&replies, true));
    fx.at(kDay1Open);
    dispatcher->pump();
    const std::int64_t failing = fx.store->lastSeq().value() + 1;
    replies.failSeqs = {failing};
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    for (int i = 0; i < 4; ++i) {
        dispatcher->pump();
        fx.clock.advance(4 * kSecond);
    }
    QCOMPARE(dispatcher->deadLetters().value().size(), 1);
    const DeadLetter letter = dispatcher->deadLetters().value().constFirst();
    QCOMPARE(letter.attempts, 4);

    replies.failureText = u"X API answered 401 (token revoked) for event %1"_s;
    fx.clock.advance(10 * kMinute);
    QString error;
    QVERIFY(!dispatcher->redrive(letter.id, &error));
    QVERIFY2(error.contains(u"401 (token revoked)"_s), qPrintable(error));

    const QList<DeadLetter> letters = dispatcher->deadLetters().value();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters[0].id, letter.id);
    QCOMPARE(letters[0].seq, failing);
    QCOMPARE(letters[0].error, u"X API answered 401 (token revoked) for event %1"_s.arg(failing));
    QCOMPARE(letters[0].attempts, 5);
    QCOMPARE(letters[0].failedUtcMs, fx.clock.nowUtcMs());
    QVERIFY(!replies.delivered.contains(failing));

    // A second failed re-drive counts again.
    QVERIFY(!dispatcher->redrive(letter.id, &error));
    QCOMPARE(dispatcher->deadLetters().value().constFirst().attempts, 6);
}

void TestEventDispatcher::redriveNeedsAKnownLetterAndAConnectedSubscriber()
{
    EngineFixture fx;
    auto dispatcher = makeDispatcher(fx);
    TestSubscriber replies(u"x-replies"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&replies, true));
    fx.at(kDay1Open);
    replies.failNext = 4;
    for (int i = 0; i < 4; ++i) {
        dispatcher->pump();
        fx.clock.advance(4 * kSecond);
    }
    QCOMPARE(dispatcher->deadLetters().value().size(), 1);
    const DeadLetter letter = dispatcher->deadLetters().value().constFirst();

    QString error;
    QVERIFY(!dispatcher->redrive(letter.id + 100, &error));
    QVERIFY(!error.isEmpty());

    dispatcher->unsubscribe(&replies);
    error.clear();
    QVERIFY(!dispatcher->redrive(letter.id, &error));
    QVERIFY2(error.contains(u"x-replies"_s), qPrintable(error));
    QCOMPARE(dispatcher->deadLetters().value().size(), 1);
    QCOMPARE(dispatcher->deadLetters().value().constFirst().attempts, 4);
}

void TestEventDispatcher::deadLettersSurviveARestartAndCanBeRedriven()
{
    EngineFixture fx;
    std::int64_t failing = 0;
    {
        auto dispatcher = makeDispatcher(fx);
        TestSubscriber replies(u"x-replies"_s, fx.clock);
        QVERIFY(dispatcher->subscribe(&replies, true));
        fx.at(kDay1Open);
        dispatcher->pump();
        failing = fx.store->lastSeq().value() + 1;
        replies.failSeqs = {failing};
        QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
        for (int i = 0; i < 4; ++i) {
            dispatcher->pump();
            fx.clock.advance(4 * kSecond);
        }
        QCOMPARE(dispatcher->deadLetters().value().size(), 1);
        QString error;
        QVERIFY2(dispatcher->saveCursors(&error), qPrintable(error));
    }
    const ActionResult reopened = fx.reopen();
    QVERIFY2(reopened.ok, qPrintable(reopened.error));

    // After the restart the operator still sees the letter and re-drives it; nothing else is
    // delivered twice.
    auto dispatcher = makeDispatcher(fx);
    TestSubscriber replies(u"x-replies"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&replies));
    dispatcher->pump();
    QVERIFY(replies.delivered.isEmpty());
    const QList<DeadLetter> letters = dispatcher->deadLetters().value();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters[0].seq, failing);
    QString error;
    QVERIFY2(dispatcher->redrive(letters[0].id, &error), qPrintable(error));
    QCOMPARE(replies.delivered, QList<std::int64_t>{failing});
    QCOMPARE(replies.types, QStringList{QString(EventType::BidAccepted)});
    QVERIFY(dispatcher->deadLetters().value().isEmpty());
}

void TestEventDispatcher::resumesAfterRestartFromStoredCursor()
{
    EngineFixture fx;
    TestSubscriber before(u"overlay"_s, fx.clock);
    std::int64_t saved = 0;
    {
        auto dispatcher = makeDispatcher(fx);
        QVERIFY(dispatcher->subscribe(&before, true));
        fx.at(kDay1Open);
        QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
        dispatcher->pump();
        QString error;
        QVERIFY2(dispatcher->saveCursors(&error), qPrintable(error));
        saved = fx.store->lastSeq().value();
        QCOMPARE(before.delivered, range(1, saved));
    }

    // While nobody listens: more bids, then the app quits and starts again, then more bids.
    fx.clock.advance(kMinute);
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const ActionResult reopened = fx.reopen();
    QVERIFY2(reopened.ok, qPrintable(reopened.error));
    fx.clock.advance(kMinute);
    QCOMPARE(fx.bid(u"carol"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const std::int64_t missedUpTo = fx.store->lastSeq().value();
    QVERIFY(missedUpTo > saved + 4);

    auto dispatcher = makeDispatcher(fx);
    TestSubscriber after(u"overlay"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&after, true)); // a stored cursor wins over replayFromStart
    QCOMPARE(dispatcher->cursorOf(u"overlay"_s).value(), saved);
    dispatcher->pump();
    QCOMPARE(after.delivered, range(saved + 1, missedUpTo));
    const QList<AuctionEvent> missed = fx.store->events(saved, 1000).value();
    QCOMPARE(after.types, typesOf(missed));

    // Then live, continuing the same sequence.
    fx.clock.advance(kMinute);
    QCOMPARE(fx.bid(u"alice"_s, u"0.08 ETH"_s).kind, BidOutcome::Kind::Accepted);
    dispatcher->pump();
    QCOMPARE(after.delivered, range(saved + 1, fx.store->lastSeq().value()));
}

void TestEventDispatcher::progressNotSavedIsDeliveredAgain()
{
    // At least once: what was delivered after the last saveCursors comes again after a crash.
    EngineFixture fx;
    TestSubscriber first(u"host"_s, fx.clock);
    std::int64_t saved = 0;
    std::int64_t deliveredUpTo = 0;
    {
        auto dispatcher = makeDispatcher(fx);
        QVERIFY(dispatcher->subscribe(&first, true));
        fx.at(kDay1Open);
        dispatcher->pump();
        QString error;
        QVERIFY2(dispatcher->saveCursors(&error), qPrintable(error));
        saved = fx.store->lastSeq().value();
        QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
        dispatcher->pump();
        deliveredUpTo = fx.store->lastSeq().value();
        QCOMPARE(first.delivered, range(1, deliveredUpTo));
    }
    const ActionResult reopened = fx.reopen();
    QVERIFY2(reopened.ok, qPrintable(reopened.error));

    auto dispatcher = makeDispatcher(fx);
    TestSubscriber second(u"host"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&second));
    dispatcher->pump();
    QCOMPARE(second.delivered, range(saved + 1, deliveredUpTo));
}

void TestEventDispatcher::replayFromStartGivesTheWholeJournal()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const std::int64_t existing = fx.store->lastSeq().value();

    // A remote client connecting late asks for everything.
    auto dispatcher = makeDispatcher(fx);
    TestSubscriber remote(u"remote-1"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&remote, true));
    dispatcher->pump();
    QCOMPARE(remote.delivered, range(1, existing));
    QCOMPARE(remote.types, typesOf(fx.store->events(0, 1000).value()));
    QCOMPARE(remote.types.constFirst(), QString(EventType::DayScheduled));

    // The journal from before and the live tail join without a gap or a repeat.
    QCOMPARE(fx.bid(u"carol"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);
    dispatcher->pump();
    QCOMPARE(remote.delivered, range(1, fx.store->lastSeq().value()));
}

void TestEventDispatcher::newSubscriberStartsAfterTheLastEvent()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const std::int64_t existing = fx.store->lastSeq().value();

    auto dispatcher = makeDispatcher(fx);
    TestSubscriber host(u"host"_s, fx.clock);
    QVERIFY(dispatcher->subscribe(&host));
    QCOMPARE(dispatcher->cursorOf(u"host"_s).value(), existing);
    QCOMPARE(dispatcher->pump(), 0);
    QVERIFY(host.delivered.isEmpty());

    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    dispatcher->pump();
    QCOMPARE(host.delivered, range(existing + 1, fx.store->lastSeq().value()));
    QCOMPARE(host.types.constFirst(), QString(EventType::BidAccepted));

    // Its starting point is remembered like any other cursor.
    QString error;
    QVERIFY2(dispatcher->saveCursors(&error), qPrintable(error));
    QCOMPARE(fx.store->subscriberCursor(u"host"_s).value(),
             std::optional<std::int64_t>(fx.store->lastSeq().value()));
}

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestEventDispatcher)
#include "tst_eventdispatcher.moc"
