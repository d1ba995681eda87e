// The month's read budget for X under pay-per-use: what the reads cost (a post billed once per UTC
// day, the account's own mentions at their lower price), in integer micro-USD; how nearing the
// budget slows polling and a spent one leaves only the sweep after the close, which still lets
// the winner be declared; and that the month's figures survive a restart and a new month starts
// from zero. The end-to-end cases read from FakeXServer over real HTTP into the marathon session,
// with the intake's scheduler on the session's virtual clock, so "slower" is counted in requests
// over a span of virtual time, never measured in wall time.

#include "EngineThread.h"
#include "FakeXServer.h"
#include "HttpClient.h"
#include "SessionFixture.h"
#include "XIntake.h"

#include <QSignalSpy>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;
using Source = XReadBudget::Source;

namespace {

const QString kThread = QStringLiteral("1850000000000000000");  // day 1's post on X
const QString kThread2 = QStringLiteral("1850000000000000001"); // day 2's

constexpr std::int64_t kReadPrice = 5'000;    // $0.005
constexpr std::int64_t kOwnReadPrice = 1'000; // $0.001
constexpr XPollCadence kCadence{60'000, 5'000, 2'000, 1'500};

MarathonConfig budgetConfig(QDate firstDay = QDate(2026, 3, 1))
{
    MarathonConfig c = simpleConfig(2);
    c.firstDay = firstDay;
    c.minAccountAgeDays = 30;
    c.timeBufferMs = 0; // a bid in the last minutes does not move the end
    return c;
}

// The n-th of a run of bids, each a valid raise of the one before.
QString raisedBid(int n)
{
    std::int64_t gwei = 100'000'000;
    for (int i = 0; i < n; ++i)
        gwei = gwei * 106 / 100 + 1;
    return QStringLiteral("bid %1.%2 ETH")
        .arg(gwei / 1'000'000'000)
        .arg(gwei % 1'000'000'000, 9, 10, QLatin1Char('0'));
}

QString metaOf(SessionFixture& f, const QString& key)
{
    return f.session->wait([key](MarathonSession& s) { return s.store().meta(key).value(); });
}

struct BudgetWorld
{
    explicit BudgetWorld(const MarathonConfig& config = budgetConfig())
        : f(config, QDateTime(config.firstDay, QTime(11, 0), Qt::UTC).toMSecsSinceEpoch())
    {
        server.now = [this] { return f.clock.nowUtcMs(); };
        server.searchDelayMs = 5'000;
        for (auto endpoint : {FakeXServer::Endpoint::Mentions, FakeXServer::Endpoint::Search,
                              FakeXServer::Endpoint::Lookup})
            server.setWindow(endpoint, {100'000, 100'000, 0});
        QVERIFY(server.start());
        for (int i = 0; i < 40; ++i)
            server.addUser({QString::number(100 + i), QStringLiteral("bidder%1").arg(i),
                            utcMs(2020, 1, 1, 0)});
        open = QDateTime(config.firstDay, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        close = open + kHour;
        f.at(open);
        QVERIFY(f.onEngine([](AuctionEngine& e) {
                     return e.setThreadId(0, kThread, QStringLiteral("op"));
                 }).ok);
        QVERIFY(f.onEngine([](AuctionEngine& e) {
                     return e.setThreadId(1, kThread2, QStringLiteral("op"));
                 }).ok);
    }

    XIntakeOptions options(std::int64_t budgetMicroUsd) const
    {
        XIntakeOptions o;
        o.apiBaseUrl = server.baseUrl();
        o.accountUserId = server.accountId;
        o.cadence = kCadence;
        o.tickMs = 10;
        o.searchLagMs = server.searchDelayMs;
        o.readPriceMicroUsd = kReadPrice;
        o.ownReadPriceMicroUsd = kOwnReadPrice;
        o.monthlyBudgetMicroUsd = budgetMicroUsd;
        o.clock = &f.clock; // the scheduler and the billing month run on the virtual clock
        return o;
    }

    void startIntake(std::int64_t budgetMicroUsd)
    {
        intake = std::make_unique<XIntake>(
            *f.session, http, [this] { return server.token; }, options(budgetMicroUsd));
        QObject::connect(intake.get(), &XIntake::problem, intake.get(),
                         [this](const QString& message) { problems.append(message); });
        intake->start();
    }

    // Moves the world to `ms` and lets the intake do all it may at that instant: start the
    // rounds the scheduler allows, read their pages and have the engine judge them.
    void lookAt(std::int64_t ms)
    {
        f.at(ms);
        const bool done = waitUntil([this] {
            intake->tick();
            if (!intake->monthFiguresRead())
                return false;
            const QList<XIntake::SourceState> sources = intake->sources();
            return std::none_of(sources.cbegin(), sources.cend(),
                                [](const XIntake::SourceState& s) { return s.reading; });
        });
        QVERIFY2(done, "the intake did not finish what it may do now");
        f.settle();
    }

    // A reply to the auction's post that only search finds (it does not mention the account,
    // so reading the mentions costs nothing in these tests).
    QString reply(int bidder, const QString& text, std::int64_t atMs,
                  const QString& conversation = kThread)
    {
        FakeXServer::Post p;
        p.text = text;
        p.authorId = QString::number(100 + bidder);
        p.conversationId = conversation;
        p.createdMs = atMs;
        p.mentionsAccount = false;
        return server.addPost(p);
    }

    // Posts judged for an auction.
    int bidsIn(int auction)
    {
        const QList<BidRecord> bids =
            f.onEngine([](AuctionEngine& e) { return e.store().bids().value(); });
        return int(std::count_if(bids.cbegin(), bids.cend(), [auction](const BidRecord& b) {
            return b.auctionIndex == auction;
        }));
    }

    int searches() const { return server.requests(FakeXServer::Endpoint::Search); }
    int mentionReads() const { return server.requests(FakeXServer::Endpoint::Mentions); }

    SessionFixture f;
    FakeXServer server;
    HttpClient http;
    std::unique_ptr<XIntake> intake;
    QStringList problems;
    std::int64_t open = 0;
    std::int64_t close = 0;
};

} // namespace

class TestXBudget : public QObject
{
    Q_OBJECT

private slots:
    // The bookkeeping and the scheduler on their own.
    void aPostIsBilledOncePerUtcDayAtItsPrice();
    void theLevelFollowsTheBudgetInIntegers();
    void nearingSlowsTheRoundsAndSpentLeavesTheSweep();
    void theMonthsFiguresAreMetaValues();
    // End to end.
    void nearingTheBudgetSlowsPollingAndSaysSo();
    void aSpentBudgetReadsOnlyTheSweepAndTheWinnerIsDeclared();
    void theMonthsReadsSurviveARestart();
    void aNewMonthStartsFromZero();
};

void TestXBudget::aPostIsBilledOncePerUtcDayAtItsPrice()
{
    XReadBudget b(kReadPrice, kOwnReadPrice, 0);
    b.startMonth(QStringLiteral("2026-03"));
    const std::int64_t day = utcMs(2026, 3, 10, 9);
    QCOMPARE(b.count(Source::Search, {QStringLiteral("1"), QStringLiteral("2")}, day), 10'000);
    // The same post again the same UTC day: billed once; a new one is.
    QCOMPARE(b.count(Source::Search, {QStringLiteral("1"), QStringLiteral("3")}, day + kHour),
             5'000);
    QCOMPARE(b.count(Source::Lookup, {QStringLiteral("2")}, day + 2 * kHour), 0);
    // The account's own mentions are billed at their own price.
    QCOMPARE(b.count(Source::Mentions, {QStringLiteral("1"), QStringLiteral("4")}, day), 2'000);
    QCOMPARE(b.count(Source::Mentions, {QStringLiteral("4")}, day), 0);
    // Past midnight UTC, a new day: billed again.
    QCOMPARE(b.count(Source::Search, {QStringLiteral("1")}, utcMs(2026, 3, 11, 0)), 5'000);
    const XReadBudget::Month& m = b.month();
    QCOMPARE(m.search, 4);
    QCOMPARE(m.lookup, 0);
    QCOMPARE(m.mentions, 2);
    QCOMPARE(m.posts(), 6);
    QCOMPARE(m.costMicroUsd, 22'000);
    QCOMPARE(XReadBudget::monthOf(utcMs(2026, 12, 31, 23, 59, 59)), QStringLiteral("2026-12"));
    QCOMPARE(XReadBudget::monthOf(utcMs(2027, 1, 1, 0)), QStringLiteral("2027-01"));
}

void TestXBudget::theLevelFollowsTheBudgetInIntegers()
{
    XReadBudget b(1, 1, 100'000);
    b.startMonth(QStringLiteral("2026-03"));
    const auto spendTo = [&b](std::int64_t micro) {
        XReadBudget::Month m;
        m.key = b.month().key;
        m.costMicroUsd = micro - b.month().costMicroUsd;
        b.restore(m);
    };
    QCOMPARE(b.level(), XBudgetLevel::Within);
    QVERIFY(b.note().isEmpty());
    spendTo(79'999);
    QCOMPARE(b.level(), XBudgetLevel::Within);
    spendTo(80'000);
    QCOMPARE(b.level(), XBudgetLevel::Nearing);
    QCOMPARE(b.note(), QStringLiteral("80 % of this month's read budget is spent: polling slowed"));
    spendTo(99'999);
    QCOMPARE(b.level(), XBudgetLevel::Nearing);
    spendTo(100'000);
    QCOMPARE(b.level(), XBudgetLevel::Spent);
    QCOMPARE(
        b.note(),
        QStringLiteral("This month's read budget is spent: only the sweep after the close reads"));
    // A budget of 0 is none: never slowed, however much was read.
    XReadBudget none(kReadPrice, kOwnReadPrice, 0);
    none.startMonth(QStringLiteral("2026-03"));
    for (int i = 0; i < 1000; ++i)
        (void)none.count(Source::Search, {QString::number(i)}, utcMs(2026, 3, 2, 0));
    QCOMPARE(none.level(), XBudgetLevel::Within);
    QCOMPARE(none.summary(),
             QStringLiteral("Posts read this month: 1000 · about $5.00 (no budget set)"));
    // A budget at the edge of int64 does not overflow the 80 % line.
    XReadBudget huge(1, 1, std::numeric_limits<std::int64_t>::max());
    huge.startMonth(QStringLiteral("2026-03"));
    QCOMPARE(huge.level(), XBudgetLevel::Within);

    // Money as the dock shows it: rounded to the cent, in integers.
    QCOMPARE(XReadBudget::usdText(0), QStringLiteral("$0.00"));
    QCOMPARE(XReadBudget::usdText(4'999), QStringLiteral("$0.00"));
    QCOMPARE(XReadBudget::usdText(5'000), QStringLiteral("$0.01"));
    QCOMPARE(XReadBudget::usdText(1'234'567), QStringLiteral("$1.23"));
    QCOMPARE(XReadBudget::usdText(50'000'000), QStringLiteral("$50.00"));
    QCOMPARE(XReadBudget::usdText(123'456'789'995'000), QStringLiteral("$123456790.00"));
    XReadBudget month(kReadPrice, kOwnReadPrice, 50'000'000);
    month.startMonth(QStringLiteral("2026-03"));
    for (int i = 0; i < 1234; ++i)
        (void)month.count(Source::Search, {QString::number(i)}, utcMs(2026, 3, 2, 0));
    QCOMPARE(month.summary(),
             QStringLiteral("Posts read this month: 1234 · about $6.17 of $50.00"));
}

void TestXBudget::nearingSlowsTheRoundsAndSpentLeavesTheSweep()
{
    const qint64 t0 = 1'772'000'000'000;
    XPollScheduler s(kCadence);
    s.onSent(t0);
    HttpResponse ok;
    ok.status = 200;
    s.onAnswer(ok, t0 + 10);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Open), t0 + 5'000);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Idle), t0 + 60'000);

    // From 80 %: the rounds while open or idle 4 times further apart; the last minutes and the
    // sweep after the close keep their pace, and a round's next page is not held.
    s.setBudgetLevel(XBudgetLevel::Nearing);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Open), t0 + 20'000);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Idle), t0 + 240'000);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Closing), t0 + 2'000);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Grace), t0 + 1'500);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Open, true), t0 + 10);
    QVERIFY(s.waitingFor(t0 + 10, XPhase::Open).contains(QLatin1String("polling slowed")));
    QVERIFY(s.waitingFor(t0 + 10, XPhase::Closing).isEmpty());

    // Spent: nothing but the sweep after the close, not even a round's next page.
    s.setBudgetLevel(XBudgetLevel::Spent);
    for (const XPhase phase : {XPhase::Idle, XPhase::Open, XPhase::Closing}) {
        QCOMPARE(s.nextAllowedMs(t0 + 10, phase), XPollScheduler::kNever);
        QCOMPARE(s.nextAllowedMs(t0 + 10, phase, true), XPollScheduler::kNever);
        QVERIFY(!s.mayPollNow(t0 + 31 * kDay, phase));
        QVERIFY(s.waitingFor(t0 + 10, phase).contains(QLatin1String("only the sweep")));
    }
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Grace), t0 + 1'500);
    QVERIFY(s.waitingFor(t0 + 10, XPhase::Grace).isEmpty());

    // A new month (or a larger budget): as before.
    s.setBudgetLevel(XBudgetLevel::Within);
    QCOMPARE(s.nextAllowedMs(t0 + 10, XPhase::Open), t0 + 5'000);
}

void TestXBudget::theMonthsFiguresAreMetaValues()
{
    XReadBudget::Month m;
    m.key = QStringLiteral("2026-12");
    m.mentions = 7;
    m.search = 30;
    m.lookup = 2;
    m.costMicroUsd = 167'000;
    const auto values = XReadBudget::metaValues(m);
    QCOMPARE(values.value(0).first, QStringLiteral("x.read_cost.2026-12"));
    QCOMPARE(values.value(0).second, 167'000);
    QCOMPARE(values.value(1).first, QStringLiteral("x.posts_read.2026-12"));
    QCOMPARE(values.value(1).second, 39);
    QStringList texts;
    for (const auto& [key, value] : values)
        texts.append(QString::number(value));
    QCOMPARE(XReadBudget::metaKeys(m.key).size(), values.size());
    QCOMPARE(XReadBudget::fromMeta(m.key, texts), m);
    // Never written (or unreadable): nothing read yet.
    QCOMPARE(XReadBudget::fromMeta(m.key, {}).costMicroUsd, 0);
    QCOMPARE(XReadBudget::fromMeta(m.key, {QStringLiteral("lots")}).costMicroUsd, 0);
}

void TestXBudget::nearingTheBudgetSlowsPollingAndSaysSo()
{
    // $0.10 for the month: 16 posts read by search at $0.005 are 80 % of it.
    BudgetWorld w;
    for (int i = 0; i < 10; ++i)
        w.reply(i, raisedBid(i), w.open + 1'000 * (i + 1));
    const std::int64_t t0 = w.open + 30'000;
    w.startIntake(100'000);
    w.lookAt(t0);
    QCOMPARE(w.intake->readBudget().month().search, 10);
    QCOMPARE(w.intake->readBudget().month().costMicroUsd, 50'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Within);
    for (const XIntake::SourceState& s : w.intake->sources()) {
        QCOMPARE(s.nextRoundUtcMs, t0 + kCadence.openMs); // the open cadence
        QVERIFY(s.waitingFor.isEmpty());
    }

    for (int i = 10; i < 16; ++i)
        w.reply(i, raisedBid(i), t0 + 1'000 * (i - 9));
    const std::int64_t t1 = t0 + 15'000;
    w.lookAt(t1);
    QCOMPARE(w.bidsIn(0), 16);
    QCOMPARE(w.intake->readBudget().month().costMicroUsd, 80'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Nearing);
    QCOMPARE(w.intake->readBudget().summary(),
             QStringLiteral("Posts read this month: 16 · about $0.08 of $0.10"));
    QVERIFY2(w.problems.contains(
                 QStringLiteral("80 % of this month's read budget is spent: polling slowed")),
             qPrintable(w.problems.join(u'\n')));
    for (const XIntake::SourceState& s : w.intake->sources()) {
        QCOMPARE(s.nextRoundUtcMs, t1 + 4 * kCadence.openMs);
        QVERIFY2(s.waitingFor.contains(QLatin1String("polling slowed")), qPrintable(s.waitingFor));
    }

    // A minute of virtual time, looked at every second: 3 rounds per source where 12 would go
    // within the budget. A reply meanwhile is still read (later).
    const int searchesBefore = w.searches();
    const int mentionsBefore = w.mentionReads();
    w.reply(20, raisedBid(16), t1 + 2'000);
    for (std::int64_t t = t1 + 1'000; t <= t1 + 60'000; t += 1'000)
        w.lookAt(t);
    QCOMPARE(w.searches() - searchesBefore, 3);
    QCOMPARE(w.mentionReads() - mentionsBefore, 3);
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder20"));
}

void TestXBudget::aSpentBudgetReadsOnlyTheSweepAndTheWinnerIsDeclared()
{
    // 20 posts at $0.005 spend the $0.10 at once; what comes after waits for the sweep after the
    // close, which reads it, checks the leader and lets the winner be declared.
    BudgetWorld w;
    for (int i = 0; i < 20; ++i)
        w.reply(i, raisedBid(i), w.open + 1'000 * (i + 1));
    w.reply(30, raisedBid(20), w.open + 10 * kMinute); // while open
    w.reply(31, raisedBid(21), w.close - 1 * kMinute); // in the last minutes
    const std::int64_t t0 = w.open + 30'000;
    w.startIntake(100'000);
    w.lookAt(t0);
    QCOMPARE(w.intake->readBudget().month().costMicroUsd, 100'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Spent);
    QCOMPARE(w.bidsIn(0), 20);
    QVERIFY2(w.problems.contains(QStringLiteral(
                 "This month's read budget is spent: only the sweep after the close reads")),
             qPrintable(w.problems.join(u'\n')));

    // The rest of the hour, the last minutes included: not one request.
    const int searches = w.searches();
    const int mentions = w.mentionReads();
    for (std::int64_t t = t0 + 10'000; t < w.close; t += 10'000)
        w.lookAt(t);
    w.lookAt(w.close - 1'000);
    QCOMPARE(w.searches(), searches);
    QCOMPARE(w.mentionReads(), mentions);
    QCOMPARE(w.bidsIn(0), 20);
    for (const XIntake::SourceState& s : w.intake->sources()) {
        QCOMPARE(s.nextRoundUtcMs, XPollScheduler::kNever);
        QVERIFY2(s.waitingFor.contains(QLatin1String("only the sweep after the close")),
                 qPrintable(s.waitingFor));
    }

    // Closed: the sweep reads both replies, the winner is declared, and no source was left
    // behind (the engine's maximum wait was not what ended it).
    for (std::int64_t t = w.close + 1'000;
         t <= w.close + kMinute && !w.f.session->view().auctions.at(0).winnerDeclared; t += 1'000) {
        w.lookAt(t);
        if (!w.f.session->view().auctions.at(0).winnerDeclared) {
            for (const XIntake::SourceState& s : w.intake->sources())
                QVERIFY2(!s.waitingFor.contains(QLatin1String("only the sweep")),
                         qPrintable(s.waitingFor));
        }
    }
    QVERIFY(w.f.session->view().auctions.at(0).winnerDeclared);
    QVERIFY(w.searches() > searches);
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder31"));
    const QList<AuctionEvent> winners = w.f.eventsOfType(EventType::AuctionWinner);
    QCOMPARE(winners.size(), 1);
    QCOMPARE(winners.first().payload.value(QStringLiteral("bidder")).toString(),
             QStringLiteral("@bidder31"));
    QVERIFY(!winners.first().payload.contains(QStringLiteral("sources_behind")));
    // The leader was looked up before the end was vouched for; search had read that post
    // today, so X bills it once: the lookup added nothing.
    QVERIFY(w.server.requests(FakeXServer::Endpoint::Lookup) >= 1);
    QCOMPARE(w.intake->readBudget().month().lookup, 0);
    QCOMPARE(w.intake->readBudget().month().search, 22);
    QCOMPARE(w.intake->readBudget().month().costMicroUsd, 110'000);
    // The day is over: idle again, and nothing is read until the month ends.
    const int afterSweep = w.searches();
    w.lookAt(w.close + 10 * kMinute);
    QCOMPARE(w.searches(), afterSweep);
}

void TestXBudget::theMonthsReadsSurviveARestart()
{
    BudgetWorld w;
    for (int i = 0; i < 10; ++i)
        w.reply(i, raisedBid(i), w.open + 1'000 * (i + 1));
    const std::int64_t t0 = w.open + 30'000;
    w.startIntake(70'000);
    w.lookAt(t0);
    QCOMPARE(w.intake->readBudget().month().costMicroUsd, 50'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Within); // 71 %

    // The app quits (the figures are written as it stops) and starts again.
    w.intake.reset();
    w.f.reopen();
    QCOMPARE(metaOf(w.f, QStringLiteral("x.read_cost.2026-03")), QStringLiteral("50000"));
    QCOMPARE(metaOf(w.f, QStringLiteral("x.posts_read.2026-03")), QStringLiteral("10"));
    QCOMPARE(metaOf(w.f, QStringLiteral("x.posts_read.2026-03.search")), QStringLiteral("10"));
    w.reply(10, raisedBid(10), t0 + 1'000);
    w.reply(11, raisedBid(11), t0 + 2'000);
    w.startIntake(70'000);
    w.lookAt(t0 + 10'000);
    // The month goes on from what was stored: 12 posts, $0.06 of $0.07 — and the posts read
    // before the restart were not read (nor billed) again.
    const XReadBudget::Month& m = w.intake->readBudget().month();
    QCOMPARE(m.key, QStringLiteral("2026-03"));
    QCOMPARE(m.search, 12);
    QCOMPARE(m.costMicroUsd, 60'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Nearing);
    QCOMPARE(w.bidsIn(0), 12);

    // With a smaller budget set meanwhile, the next start knows it is spent before it reads
    // anything: nothing is read while the auction is open.
    w.intake.reset();
    w.f.reopen();
    const int searches = w.searches();
    const int mentions = w.mentionReads();
    w.startIntake(60'000);
    w.lookAt(t0 + 20'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Spent);
    QCOMPARE(w.intake->readBudget().month().costMicroUsd, 60'000);
    QCOMPARE(w.searches(), searches);
    QCOMPARE(w.mentionReads(), mentions);
    for (const XIntake::SourceState& s : w.intake->sources())
        QCOMPARE(s.nextRoundUtcMs, XPollScheduler::kNever);
}

void TestXBudget::aNewMonthStartsFromZero()
{
    // Day 1 is March 31, day 2 April 1: the budget spent in March does not slow April.
    BudgetWorld w(budgetConfig(QDate(2026, 3, 31)));
    for (int i = 0; i < 20; ++i)
        w.reply(i, raisedBid(i), w.open + 1'000 * (i + 1));
    w.startIntake(100'000);
    w.lookAt(w.open + 30'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Spent);
    for (std::int64_t t = w.close + 1'000;
         t <= w.close + kMinute && !w.f.session->view().auctions.at(0).winnerDeclared; t += 1'000)
        w.lookAt(t);
    QVERIFY(w.f.session->view().auctions.at(0).winnerDeclared);
    const XReadBudget::Month march = w.intake->readBudget().month();
    QCOMPARE(march.key, QStringLiteral("2026-03"));

    const std::int64_t day2 = w.open + kDay;
    for (int i = 0; i < 3; ++i)
        w.reply(i, raisedBid(i), day2 + 1'000 * (i + 1), kThread2);
    w.lookAt(day2 + 30'000);
    const XReadBudget::Month& april = w.intake->readBudget().month();
    QCOMPARE(april.key, QStringLiteral("2026-04"));
    QCOMPARE(april.search, 3);
    QCOMPARE(april.costMicroUsd, 15'000);
    QCOMPARE(w.intake->readBudget().level(), XBudgetLevel::Within);
    for (const XIntake::SourceState& s : w.intake->sources()) {
        QCOMPARE(s.nextRoundUtcMs, day2 + 30'000 + kCadence.openMs);
        QVERIFY(s.waitingFor.isEmpty());
    }
    QCOMPARE(w.bidsIn(1), 3);
    // March's figures stay as they were, each month under its own keys.
    w.intake.reset();
    w.f.settle();
    QCOMPARE(metaOf(w.f, QStringLiteral("x.read_cost.2026-03")),
             QString::number(march.costMicroUsd));
    QCOMPARE(metaOf(w.f, QStringLiteral("x.read_cost.2026-04")), QStringLiteral("15000"));
    QCOMPARE(metaOf(w.f, QStringLiteral("x.posts_read.2026-04")), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestXBudget)
#include "tst_xbudget.moc"
