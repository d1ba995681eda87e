// Nothing acknowledged is ever lost: the headless engine runs as a child process with simulated
// bids streaming in, is killed with SIGKILL at random points, and is restarted on the same
// database. Every bid it printed as accepted must still be there, the journal must have no gap,
// and the stored leader must be the best valid bid.

#include "AuctionStore.h"
#include "BidRules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sb::auction;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void killedMidStreamLosesNothingAcknowledged();
};

namespace {

struct Run
{
    QSet<QString> acceptedSourceIds;
    std::int64_t highestSeq = 0; // a restarted app first replays what it had printed before
    int newEvents = 0;
    bool sawResume = false;
};

// Starts the demo on `db`, reads until `killAfterLines` events it had never printed before,
// then SIGKILLs it.
void runAndKill(const QString& db, int round, int killAfterLines, Run* run)
{
    QProcess app;
    app.setProgram(QStringLiteral(SB_STUDIO_BINARY));
    app.setArguments({QStringLiteral("--headless"), QStringLiteral("--demo"),
                      QStringLiteral("--db"), db, QStringLiteral("--speed"), QStringLiteral("20"),
                      QStringLiteral("--bid-rate"), QStringLiteral("400"), QStringLiteral("--days"),
                      QStringLiteral("2"), QStringLiteral("--window-minutes"), QStringLiteral("60"),
                      QStringLiteral("--seed"), QString::number(round + 1)});
    app.start();
    QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
    QByteArray pending;
    int lines = 0;
    while (lines < killAfterLines && app.state() == QProcess::Running) {
        if (!app.waitForReadyRead(30000))
            break;
        pending += app.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            QVERIFY2(!event.isEmpty(), line.constData());
            const std::int64_t seq = event.value(QStringLiteral("seq")).toInteger();
            if (seq > run->highestSeq) {
                run->highestSeq = seq;
                ++lines;
            }
            if (event.value(QStringLiteral("type")).toString() == QLatin1String("bid.accepted")) {
                run->acceptedSourceIds.insert(event.value(QStringLiteral("payload"))
                                                  .toObject()
                                                  .value(QStringLiteral("source_id"))
                                                  .toString());
            }
        }
    }
    app.kill(); // SIGKILL: no chance to flush, close or checkpoint
    QVERIFY(app.waitForFinished(30000));
    run->newEvents += lines;
    run->sawResume = run->sawResume || app.readAllStandardError().contains("Resumed");
    QVERIFY2(lines >= killAfterLines,
             qPrintable(QStringLiteral("round %1: only %2 lines before the app stopped")
                            .arg(round)
                            .arg(lines)));
}

} // namespace

void TestCrashSafety::killedMidStreamLosesNothingAcknowledged()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crash.db"));
    QRandomGenerator rng(20261123);
    Run run;
    constexpr int kRounds = 6;
    for (int round = 0; round < kRounds; ++round)
        runAndKill(db, round, int(rng.bounded(50, 600)), &run);
    QVERIFY(run.sawResume);
    QVERIFY2(
        run.acceptedSourceIds.size() > 100,
        qPrintable(QStringLiteral("only %1 acknowledged bids").arg(run.acceptedSourceIds.size())));

    AuctionStore store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    QVERIFY2(store.integrityCheck(&error), qPrintable(error));

    for (const QString& id : std::as_const(run.acceptedSourceIds)) {
        const auto bid = store.bidBySource(QStringLiteral("demo"), id).value();
        QVERIFY2(bid, qPrintable(QStringLiteral("acknowledged bid %1 is gone").arg(id)));
        QCOMPARE(bid->status, BidStatus::Accepted);
    }

    const QList<AuctionEvent> journal = store.events(0, 1 << 24).value();
    QVERIFY(!journal.isEmpty());
    for (qsizetype i = 0; i < journal.size(); ++i)
        QCOMPARE(journal[i].seq, i + 1);
    QCOMPARE(store.lastSeq().value(), journal.size());

    // The stored leader of every auction is the best accepted bid, recomputed from scratch.
    for (const AuctionDay& a : store.loadAuctions(&error)) {
        std::optional<BidRecord> best;
        for (const BidRecord& b : store.bids(a.index).value()) {
            if (b.status != BidStatus::Accepted)
                continue;
            if (!best || b.amount > best->amount ||
                (b.amount == best->amount &&
                 (b.sourceTimeMs < best->sourceTimeMs ||
                  (b.sourceTimeMs == best->sourceTimeMs &&
                   BidRules::sourceIdLess(b.sourceId, best->sourceId)))))
                best = b;
        }
        QCOMPARE(a.leaderBidId.has_value(), best.has_value());
        if (best)
            QCOMPARE(*a.leaderBidId, best->id);
    }
    qInfo("%d rounds, %d events seen before a kill, %lld acknowledged bids checked, %lld "
          "journal events",
          kRounds, run.newEvents, qint64(run.acceptedSourceIds.size()), qint64(journal.size()));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
