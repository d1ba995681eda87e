// The operator's tables as they read during an auction: bids with exact amounts that sort as
// numbers, statuses that follow invalidations, a journal that streams in live and filters, and
// dead letters that can be re-driven once the subscriber recovers. The engine runs on its own
// thread, as in the window: the models hear of it by queued calls only.

#include "BidsTableModel.h"
#include "DeadLetterModel.h"
#include "EventDispatcher.h"
#include "EventLogModel.h"
#include "SessionFixture.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;
using namespace Qt::StringLiterals;

namespace {

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

// Fails the first N deliveries, then takes everything.
class FlakySubscriber final : public EventSubscriber
{
public:
    QString subscriberName() const override { return u"x-replies"_s; }
    QString deliver(const AuctionEvent& event) override
    {
        if (failuresLeft > 0) {
            --failuresLeft;
            return u"X API answered 503 for event %1"_s.arg(event.seq);
        }
        delivered.append(event.seq);
        return {};
    }
    int failuresLeft = 0;
    QList<qint64> delivered;
};

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void bidsShowAmountsStatusAndReason();
    void bidsSortByExactAmount();
    void bidsShowWhatViewersSee();
    void invalidatingTheLeaderUpdatesItsRow();
    void reviewDecisionsUpdateTheRowInPlace();
    void bidsFilterToOneAuction();
    void manyBidsInOneCommitArriveTogether();
    void eventLogStreamsLiveEvents();
    void eventLogFiltersByTypeLevelAndText();
    void eventLogKeepsOnlyTheNewest();
    void deadLettersCanBeRedriven();
};

void TestModels::bidsShowAmountsStatusAndReason()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    QCOMPARE(model.rowCount(), 0);
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    f.bid(u"bob"_s, u"0.001 ETH"_s); // below the next minimum
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(BidsTableModel::ColumnCount));

    QCOMPARE(cell(model, 0, BidsTableModel::BidderColumn), u"alice"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::SourceColumn), u"test"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::AmountColumn), u"0.5 ETH"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::StatusColumn), u"Accepted"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::ReasonColumn), QString());
    QCOMPARE(model.data(model.index(0, BidsTableModel::AmountColumn), BidsTableModel::SortRole)
                 .toLongLong(),
             500'000'000LL);

    QCOMPARE(cell(model, 1, BidsTableModel::StatusColumn), u"Rejected"_s);
    const qint64 rejectedId = model.bidId(1);
    const auto rejected =
        f.onEngine([rejectedId](AuctionEngine& e) { return e.store().bid(rejectedId).value(); });
    QVERIFY(rejected && rejected->rejection);
    QCOMPARE(cell(model, 1, BidsTableModel::ReasonColumn), rejected->rejection->message);
    QVERIFY(!cell(model, 1, BidsTableModel::ReasonColumn).isEmpty());

    // The time reads in local time; the tooltip gives the exact UTC instant.
    const QString local = QDateTime::fromMSecsSinceEpoch(kDay1Open + kMinute)
                              .toLocalTime()
                              .toString(u"yyyy-MM-dd HH:mm:ss"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::TimeColumn), local);
    QVERIFY(cell(model, 0, BidsTableModel::TimeColumn, Qt::ToolTipRole)
                .contains(u"2026-03-01T12:01:00.000Z"_s));

    // A fresh model over the same store reads the same rows.
    BidsTableModel reloaded(*f.session);
    f.settle();
    QCOMPARE(reloaded.rowCount(), 2);
    QCOMPARE(reloaded.bidId(1), model.bidId(1));
    QCOMPARE(model.bidId(5), 0);
}

void TestModels::bidsShowWhatViewersSee()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    // A name that would display reversed, and a post whose override hides what it bids.
    f.bid(u"\u202Eevil\u202C_bob"_s, u"bid \u202E5.0 ETH"_s);
    f.bid(u"carol\u200B"_s, u"bid 0,5"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, BidsTableModel::BidderColumn), u"evil_bob"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::BidderColumn, Qt::ToolTipRole), u"bid 5.0 ETH"_s);
    QCOMPARE(cell(model, 0, BidsTableModel::StatusColumn), u"Rejected"_s);
    // A post without a valid amount bid nothing: a dash, as the bid feed shows, not "0 ETH".
    QCOMPARE(cell(model, 0, BidsTableModel::AmountColumn), u"\u2014"_s);
    QCOMPARE(cell(model, 1, BidsTableModel::BidderColumn), u"carol"_s);
    QCOMPARE(cell(model, 1, BidsTableModel::AmountColumn), u"\u2014"_s);
    const qint64 id = model.bidId(0);
    const BidRecord stored =
        f.onEngine([id](AuctionEngine& e) { return e.store().bid(id).value().value(); });
    QCOMPARE(stored.rejection->code, RejectionCode::BadNumber);
    // What is stored is what arrived: the audit trail keeps the controls.
    QCOMPARE(stored.text, u"bid \u202E5.0 ETH"_s);
}

void TestModels::bidsSortByExactAmount()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    f.bid(u"bob"_s, u"10 ETH"_s); // 20× the leader: waits for review
    f.bid(u"carol"_s, u"2 ETH"_s);
    QCOMPARE(model.rowCount(), 3);

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(BidsTableModel::SortRole);
    proxy.sort(BidsTableModel::AmountColumn, Qt::AscendingOrder);
    // As text "10 ETH" < "2 ETH" < "0.5"... would be wrong; as gwei it is 0.5 < 2 < 10.
    QCOMPARE(cell(proxy, 0, BidsTableModel::AmountColumn), u"0.5 ETH"_s);
    QCOMPARE(cell(proxy, 1, BidsTableModel::AmountColumn), u"2 ETH"_s);
    QCOMPARE(cell(proxy, 2, BidsTableModel::AmountColumn), u"10 ETH"_s);
    QCOMPARE(cell(proxy, 2, BidsTableModel::StatusColumn), u"In review"_s);
    proxy.sort(BidsTableModel::AmountColumn, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, BidsTableModel::BidderColumn), u"bob"_s);
}

void TestModels::invalidatingTheLeaderUpdatesItsRow()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    const BidOutcome leader = f.bid(u"bob"_s, u"1 ETH"_s);
    QVERIFY(leader.leads);
    const int row = model.rowOfBid(leader.bidId);
    QCOMPARE(row, 1);

    const ActionResult invalidated = f.onEngine([&leader](AuctionEngine& e) {
        return e.invalidateBid(leader.bidId, u"sock puppet of alice"_s, u"op"_s);
    });
    QVERIFY2(invalidated.ok, qPrintable(invalidated.error));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfBid(leader.bidId), row);
    QCOMPARE(cell(model, row, BidsTableModel::StatusColumn), u"Invalidated"_s);
    QCOMPARE(cell(model, row, BidsTableModel::ReasonColumn), u"sock puppet of alice"_s);
    QCOMPARE(model.data(model.index(row, 0), BidsTableModel::StatusRole).toInt(),
             int(BidStatus::Invalidated));
    QCOMPARE(f.leaderName(), u"alice"_s);
}

void TestModels::reviewDecisionsUpdateTheRowInPlace()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    const BidOutcome big = f.bid(u"bob"_s, u"50 ETH"_s);
    const BidOutcome bigger = f.bid(u"carol"_s, u"60 ETH"_s);
    QCOMPARE(big.kind, BidOutcome::Kind::PendingReview);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QVERIFY(f.onEngine([&big](AuctionEngine& e) { return e.approveBid(big.bidId, u"op"_s); }).ok);
    const int row = model.rowOfBid(big.bidId);
    QCOMPARE(cell(model, row, BidsTableModel::StatusColumn), u"Accepted"_s);
    QCOMPARE(cell(model, row, BidsTableModel::ReasonColumn), u"approved by op"_s);
    QVERIFY(f.onEngine([&bigger](AuctionEngine& e) {
                 return e.rejectBid(bigger.bidId, u"typo, meant 0.6"_s, u"op"_s);
             }).ok);
    QCOMPARE(cell(model, model.rowOfBid(bigger.bidId), BidsTableModel::StatusColumn),
             u"Rejected"_s);
    QCOMPARE(cell(model, model.rowOfBid(bigger.bidId), BidsTableModel::ReasonColumn),
             u"typo, meant 0.6"_s);
    QCOMPARE(changed.size(), 2); // one row each time, no reset
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 3);
}

void TestModels::bidsFilterToOneAuction()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    f.at(kDay1Close + kMinute);
    f.at(kDay1Open + kDay + kMinute);
    f.bid(u"bob"_s, u"0.7 ETH"_s);
    f.bid(u"carol"_s, u"0.8 ETH"_s);
    QCOMPARE(model.rowCount(), 3);

    model.setAuctionFilter(1);
    f.settle();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, BidsTableModel::BidderColumn), u"bob"_s);
    f.bid(u"dave"_s, u"1 ETH"_s);
    QCOMPARE(model.rowCount(), 3);
    model.setAuctionFilter(0);
    f.settle();
    QCOMPARE(model.rowCount(), 1);
    f.bid(u"erin"_s, u"2 ETH"_s); // goes to day 2, not shown
    QCOMPARE(model.rowCount(), 1);
    model.setAuctionFilter(std::nullopt);
    f.settle();
    QCOMPARE(model.rowCount(), 5);
}

void TestModels::manyBidsInOneCommitArriveTogether()
{
    SessionFixture f;
    BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    QList<BidInput> inputs;
    for (int i = 0; i < 1000; ++i) {
        BidInput input;
        input.source = u"test"_s;
        input.sourceId = u"bulk%1"_s.arg(i);
        input.bidderId = input.bidderName = u"bidder%1"_s.arg(i);
        input.amount = Gwei::fromGwei(100'000'000 + qint64(i) * 10'000'000);
        inputs.append(input);
    }
    const QList<BidOutcome> outcomes =
        f.onEngine([&inputs](AuctionEngine& e) { return e.submitBids(inputs); });
    QCOMPARE(outcomes.size(), 1000);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.bidId(999), outcomes.last().bidId);
    QCOMPARE(cell(model, 999, BidsTableModel::BidderColumn), u"bidder999"_s);
}

void TestModels::eventLogStreamsLiveEvents()
{
    SessionFixture f;
    EventLogModel log(*f.session);
    f.settle();
    const int atStart = log.rowCount();
    const auto before = f.events.size();
    QVERIFY(atStart > 0); // the marathon's scheduling is already in the journal
    QCOMPARE(log.data(log.index(atStart - 1, EventLogModel::SeqColumn)).toLongLong(),
             f.session->view().lastSeq);

    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    f.at(kDay1Open);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    QVERIFY(inserted.size() >= 2);
    QCOMPARE(log.rowCount(), atStart + int(f.events.size() - before));
    const int last = log.rowCount() - 1;
    QCOMPARE(cell(log, last, EventLogModel::TypeColumn), u"auction.leader"_s);
    QCOMPARE(cell(log, last, EventLogModel::SummaryColumn), u"alice leads with 0.5 ETH"_s);
    QCOMPARE(cell(log, last, EventLogModel::DayColumn), u"1"_s);
    QCOMPARE(log.data(log.index(last, 0), EventLogModel::LevelRole).toInt(),
             int(EventLogModel::Level::Info));

    // A new model over the same store starts from the journal's tail.
    EventLogModel reopened(*f.session);
    f.settle();
    QCOMPARE(reopened.rowCount(), log.rowCount());
}

void TestModels::eventLogFiltersByTypeLevelAndText()
{
    SessionFixture f;
    EventLogModel log(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    f.bid(u"bob"_s, u"0.001 ETH"_s);
    const BidOutcome big = f.bid(u"carol"_s, u"99 ETH"_s);
    QVERIFY(f.onEngine([](AuctionEngine& e) { return e.pause(0, u"op"_s); }).ok);
    const int all = log.rowCount();

    log.setTypePrefix(u"bid."_s);
    QCOMPARE(log.rowCount(), 3);
    for (int row = 0; row < log.rowCount(); ++row)
        QVERIFY(cell(log, row, EventLogModel::TypeColumn).startsWith(u"bid."_s));

    log.setMinimumLevel(EventLogModel::Level::Warning);
    QCOMPARE(log.rowCount(), 2); // the rejection and the review
    QCOMPARE(cell(log, 0, EventLogModel::TypeColumn), u"bid.rejected"_s);
    QCOMPARE(cell(log, 0, EventLogModel::LevelColumn), u"Warning"_s);
    QCOMPARE(cell(log, 1, EventLogModel::SummaryColumn), u"carol bid 99 ETH: waits for review"_s);

    log.setTypePrefix({});
    QVERIFY(log.rowCount() >= 4); // plus operator.action and day.paused
    log.setSearchText(u"CAROL"_s);
    QCOMPARE(log.rowCount(), 1);

    // A live event that does not pass the filters stays out; one that does comes in.
    f.bid(u"dave"_s, u"1 ETH"_s); // paused: rejected, but not carol's
    QCOMPARE(log.rowCount(), 1);
    QVERIFY(f.onEngine([&big](AuctionEngine& e) {
                 return e.rejectBid(big.bidId, u"typo"_s, u"op"_s);
             }).ok);
    QCOMPARE(log.rowCount(), 2); // the bid's rejection names carol, the operator.action does not
    QCOMPARE(cell(log, 1, EventLogModel::SummaryColumn), u"carol bid 99 ETH: rejected (typo)"_s);
    log.setSearchText({});
    log.setMinimumLevel(EventLogModel::Level::Info);
    QCOMPARE(log.rowCount(), all + 3); // dave's rejection, the operator.action, carol's rejection
    QCOMPARE(log.rowCount(), log.totalCount());
}

void TestModels::eventLogKeepsOnlyTheNewest()
{
    SessionFixture f;
    EventLogModel log(*f.session, 20);
    f.settle();
    f.at(kDay1Open + kMinute);
    for (int i = 0; i < 30; ++i)
        f.bid(u"b%1"_s.arg(i), u"%1 ETH"_s.arg(i + 1));
    QVERIFY(log.totalCount() <= 22);
    QVERIFY(log.totalCount() >= 20);
    QCOMPARE(log.data(log.index(log.rowCount() - 1, EventLogModel::SeqColumn)).toLongLong(),
             f.session->view().lastSeq);
    log.setTypePrefix(u"bid."_s);
    QVERIFY(log.rowCount() > 0);
    QVERIFY(log.rowCount() < 20);

    EventLogModel fresh(*f.session, 20);
    f.settle();
    QCOMPARE(fresh.rowCount(), 20);
    QCOMPARE(fresh.data(fresh.index(0, EventLogModel::SeqColumn)).toLongLong(),
             f.session->view().lastSeq - 19);
}

void TestModels::deadLettersCanBeRedriven()
{
    SessionFixture f;
    FlakySubscriber subscriber; // delivered to on the engine's thread, read after settle()
    QVERIFY(f.session->wait(
        [&subscriber](MarathonSession& s) { return s.dispatcher().subscribe(&subscriber); }));
    DeadLetterModel letters(*f.session);
    EventLogModel log(*f.session);
    QObject::connect(f.session.get(), &EngineThread::deadLettered, &log,
                     &EventLogModel::appendDeadLetter);
    f.settle();
    QCOMPARE(letters.rowCount(), 0);

    // The first try and its three retries, 1 s, 2 s and 4 s apart on the session's clock.
    subscriber.failuresLeft = 4;
    f.at(kDay1Open);
    const auto pump = [&f] {
        f.session->wait([](MarathonSession& s) { return s.dispatcher().pump(); });
    };
    pump();
    for (const std::int64_t waitMs : {1000, 2000, 4000}) {
        f.clock.advance(waitMs);
        pump();
    }
    f.settle();
    QCOMPARE(letters.rowCount(), 1);
    const qint64 stuckSeq = f.eventsOfType(EventType::MarathonStarted).constFirst().seq;
    QCOMPARE(cell(letters, 0, DeadLetterModel::SubscriberColumn), u"x-replies"_s);
    QCOMPARE(letters.data(letters.index(0, DeadLetterModel::SeqColumn)).toLongLong(), stuckSeq);
    QVERIFY(cell(letters, 0, DeadLetterModel::ErrorColumn).contains(u"503"_s));
    QCOMPARE(letters.data(letters.index(0, DeadLetterModel::AttemptsColumn)).toInt(), 4);
    QVERIFY(letters.deadLetterId(0) > 0);

    log.setMinimumLevel(EventLogModel::Level::Warning);
    log.setTypePrefix(u"dispatcher."_s);
    QCOMPARE(log.rowCount(), 1);
    QVERIFY(cell(log, 0, EventLogModel::SummaryColumn).contains(u"x-replies"_s));

    QString error;
    QVERIFY(!letters.redrive(3, &error));
    QVERIFY(!error.isEmpty());
    QSignalSpy redriven(&letters, &DeadLetterModel::redriven);
    QVERIFY2(letters.redrive(0, &error), qPrintable(error));
    f.settle();
    QCOMPARE(letters.rowCount(), 0);
    QCOMPARE(redriven.size(), 1);
    QVERIFY(subscriber.delivered.contains(stuckSeq));
    f.session->stop(); // before the subscriber goes
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
