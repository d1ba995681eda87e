// Bids from X end to end: the intake reads the replies to the auction's post from a server that
// speaks X API v2 over real HTTP on loopback (FakeXServer), on the studio's libcurl client, into
// the marathon session on the engine's own thread, as the app runs it. The world's clock is the
// session's virtual clock: posts exist from the instant they are posted, search finds them a
// while later, and the test moves time in steps.

#include "EngineThread.h"
#include "FakeXServer.h"
#include "HttpClient.h"
#include "SessionFixture.h"
#include "XIntake.h"

#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;

namespace {

const QString kThread = QStringLiteral("1850000000000000000"); // the auction's post on X

// An exact amount as a bidder writes it: "0.106000001 ETH".
QString ethText(std::int64_t gwei)
{
    return QStringLiteral("%1.%2 ETH")
        .arg(gwei / 1'000'000'000)
        .arg(gwei % 1'000'000'000, 9, 10, QLatin1Char('0'));
}

// The n-th of a run of bids, each a valid raise of the one before: 0.1 ETH × 1.06^n.
QString raisedBid(int n)
{
    std::int64_t gwei = 100'000'000;
    for (int i = 0; i < n; ++i)
        gwei = gwei * 106 / 100 + 1;
    return ethText(gwei);
}

MarathonConfig xConfig()
{
    MarathonConfig c = simpleConfig();
    c.minAccountAgeDays = 30; // X accounts come with their age
    c.timeBufferMs = 0;       // the end stays where the reference expects it
    return c;
}

// What the engine should have said about one post (keyed on its first id).
struct Expected
{
    BidStatus status = BidStatus::Rejected;
    std::optional<RejectionCode> code;
    std::int64_t amountGwei = 0;
};

struct XWorld
{
    explicit XWorld(const MarathonConfig& config = xConfig()) : f(config)
    {
        server.now = [this] { return f.clock.nowUtcMs(); };
        server.searchDelayMs = 15'000;
        // A generous window, so the scheduler's spreading of what is left (as 450 per 15 min
        // would space requests 2 s apart) does not slow the test; faultsAndLimitsLoseNothing
        // gives a tight one.
        for (auto endpoint : {FakeXServer::Endpoint::Mentions, FakeXServer::Endpoint::Search,
                              FakeXServer::Endpoint::Lookup})
            server.setWindow(endpoint, {100'000, 100'000, 0});
        QVERIFY(server.start());
        for (int i = 0; i < 40; ++i)
            server.addUser({QString::number(100 + i), QStringLiteral("bidder%1").arg(i),
                            utcMs(2020, 1, 1, 0)});
        server.addUser({QStringLiteral("999"), QStringLiteral("fresh_account"),
                        kDay1Open - 5 * kDay}); // too new for the 30-day rule
        f.at(kDay1Open);
        QVERIFY(f.onEngine([](AuctionEngine& e) {
                     return e.setThreadId(0, kThread, QStringLiteral("op"));
                 }).ok);
    }

    XIntakeOptions options() const
    {
        XIntakeOptions o;
        o.apiBaseUrl = server.baseUrl();
        o.accountUserId = server.accountId;
        o.cadence = XPollCadence{20, 20, 20, 20};
        o.tickMs = 10;
        o.searchLagMs = server.searchDelayMs;
        return o;
    }

    void startIntake(const XIntakeOptions& o)
    {
        intake = std::make_unique<XIntake>(
            *f.session, http, [this] { return token; }, o);
        intake->start();
    }

    // Moves the world to `ms`, lets the engine act on it, and waits until every active source
    // has read (and the engine judged) everything it can vouch for by then.
    void stepTo(std::int64_t ms, bool waitForSources = true)
    {
        f.at(ms);
        if (!waitForSources)
            return;
        const bool caughtUp = waitUntil([&] {
            const XIntakeOptions o = options();
            for (const XIntake::SourceState& s : intake->sources()) {
                const std::int64_t lag =
                    s.name == QLatin1String("x-search") ? o.searchLagMs : o.mentionsLagMs;
                if (s.active && s.watermarkUtcMs < ms - lag)
                    return false;
            }
            return true;
        });
        QVERIFY2(caughtUp, "the intake did not catch up");
        f.settle();
    }

    QString post(int bidder, const QString& text, std::int64_t atMs, bool mentions = true,
                 const QString& conversation = kThread)
    {
        FakeXServer::Post p;
        p.text = mentions ? QStringLiteral("@sothebais ") + text : text;
        p.authorId = bidder < 0 ? QStringLiteral("999") : QString::number(100 + bidder);
        p.conversationId = conversation;
        p.createdMs = atMs;
        p.mentionsAccount = mentions;
        return server.addPost(p);
    }

    QList<BidRecord> storedBids()
    {
        return f.onEngine([](AuctionEngine& e) { return e.store().bids().value(); });
    }

    SessionFixture f;
    FakeXServer server;
    HttpClient http;
    QString token = server.token;
    std::unique_ptr<XIntake> intake;
};

} // namespace

class TestXIntake : public QObject
{
    Q_OBJECT

private slots:
    void aWholeAuctionFromReplies();
    void aRestartJudgesNothingTwice();
    void faultsAndLimitsLoseNothing();
    void anAccountWithoutSearchGoesOnWithMentions();
    void signedOutReadsNothing();
    void walletLinksFromReplies();
    void aBacklogLongerThanARoundIsReadWhole();
    void aServerThatPagesForeverDoesNotStallTheWinner_data();
    void aServerThatPagesForeverDoesNotStallTheWinner();
    void onlyAPostXSaysIsGoneLosesItsBid();
    void aRefusedPageTokenStartsTheRoundOverWithoutAStorm();
};

void TestXIntake::aWholeAuctionFromReplies()
{
    XWorld w;
    QHash<QString, Expected> expected; // first id -> verdict
    QStringList deletedUnread;
    QList<QPair<QString, std::int64_t>> toEdit; // judged posts edited later: still the same bid
    std::int64_t amount = 100'000'000; // 0.1 ETH: 6 % of it is over the 0.001 ETH minimum raise
    std::int64_t lastValid = 0;
    const auto raise = [&] {
        lastValid = amount;
        amount = amount * 106 / 100 + 1;
        return lastValid;
    };

    // 500 replies, one every 7 s, over the hour. Each 100 s step carries one kind of valid bid:
    // replies that mention the account (both sources find them) or, in steps 7 and 8, replies
    // that do not (only search finds them); their last 20 s hold no valid bid, so search's
    // indexing delay never lets a lower bid arrive after a higher one.
    for (int i = 0; i < 500; ++i) {
        const std::int64_t at = kDay1Open + 7'000 * std::int64_t(i) + 500;
        const std::int64_t intoStep = (at - kDay1Open) % 100'000;
        const int step = int((at - kDay1Open) / 100'000);
        const bool searchOnlyStep = step == 7 || step == 8;
        const int bidder = i % 40;
        Expected e;
        QString id;
        switch (i % 10) {
        case 1: // chatter
            id = w.post(bidder, QStringLiteral("gm, love this piece"), at);
            e.code = RejectionCode::NoAmount;
            break;
        case 3: // dollars are not ETH
            id = w.post(bidder, QStringLiteral("bid $500"), at);
            e.code = RejectionCode::UnsupportedCurrency;
            break;
        case 5: // a bid in another auction's thread, seen through the mentions
            id = w.post(bidder, QStringLiteral("bid 5 ETH"), at, true,
                        QStringLiteral("1849999999999999999"));
            e.code = RejectionCode::NotInThread;
            break;
        case 7: // an account made five days ago
            id = w.post(-1, QStringLiteral("bid 900 ETH"), at);
            e.code = RejectionCode::AccountTooNew;
            break;
        case 9:
            if (i % 50 == 9) { // posted, then deleted before anyone read it
                id = w.post(bidder, QStringLiteral("bid 1000 ETH"), at);
                w.server.deletePost(id);
                deletedUnread.append(id);
                continue;
            }
            [[fallthrough]];
        default:
            if (intoStep >= 80'000) { // the quiet end of a step: chatter only
                id = w.post(bidder, QStringLiteral("what a lot"), at, !searchOnlyStep);
                e.code = RejectionCode::NoAmount;
                break;
            }
            e.amountGwei = raise();
            id =
                w.post(bidder, QStringLiteral("bid ") + ethText(e.amountGwei), at, !searchOnlyStep);
            e.status = BidStatus::Accepted;
            e.code.reset();
            if (i % 25 == 0)
                toEdit.append({id, e.amountGwei});
            break;
        }
        expected.insert(id, e);
    }
    const std::int64_t end = kDay1Close;
    w.startIntake(w.options());
    for (std::int64_t t = kDay1Open + 100'000; t < end; t += 100'000) {
        w.stepTo(t);
        // Posts judged in earlier steps are edited now: a new id, the same bid.
        for (const auto& [id, gwei] : std::as_const(toEdit)) {
            if (w.server.post(id)->createdMs < t - 100'000 &&
                w.server.post(id)->versions.size() == 1)
                w.server.editPost(id, QStringLiteral("@sothebais bid 5000 ETH"));
        }
    }
    // Two replies in the last seconds, which search indexes only inside the grace.
    const QString late1 = w.post(7, QStringLiteral("bid ") + ethText(raise()), end - 5'000, false);
    expected.insert(late1, {BidStatus::Accepted, std::nullopt, lastValid});
    const QString late2 = w.post(8, QStringLiteral("bid ") + ethText(raise()), end - 4'000, false);
    expected.insert(late2, {BidStatus::Invalidated, std::nullopt, lastValid});
    w.stepTo(end - 3'000);
    // Closed: the late replies are indexed 10 s into the grace, read, and judged late.
    w.stepTo(end + 12'000, false);
    QVERIFY(waitUntil([&] {
        const QList<BidRecord> bids = w.storedBids();
        return std::any_of(bids.cbegin(), bids.cend(),
                           [&](const BidRecord& b) { return b.sourceId == late2; });
    }));
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder8"));
    // The leader deletes the post: before the winner is declared, the intake looks the leading
    // post up, the engine invalidates it, and the next leader is checked.
    w.server.deletePost(late2);
    w.f.at(end + kSecond * 20); // the grace is over, but search has not vouched for the end yet
    QVERIFY(!w.f.session->view().auctions.at(0).winnerDeclared);
    QVERIFY(waitUntil([&] {
        w.f.at(end + kSecond * 20);
        return w.f.session->view().auctions.at(0).winnerDeclared;
    }));

    // Every reply judged once, as the reference says.
    const QList<BidRecord> bids = w.storedBids();
    QHash<QString, BidRecord> byPost;
    for (const BidRecord& b : bids) {
        QCOMPARE(b.source, QStringLiteral("x"));
        QVERIFY2(!byPost.contains(b.sourceId), qPrintable(b.sourceId)); // never twice
        byPost.insert(b.sourceId, b);
    }
    QCOMPARE(byPost.size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const BidRecord b = byPost.value(it.key());
        const QString where = QStringLiteral("post %1 \"%2\"").arg(it.key(), b.text);
        QVERIFY2(b.id > 0, qPrintable(where + QStringLiteral(" was not judged")));
        QCOMPARE(int(b.status), int(it->status));
        if (it->code)
            QVERIFY2(b.rejection && b.rejection->code == *it->code, qPrintable(where));
        if (it->amountGwei)
            QCOMPARE(b.amount.gwei(), it->amountGwei); // the first version, not the edit
    }
    for (const QString& id : std::as_const(deletedUnread))
        QVERIFY(!byPost.contains(id));
    const AuctionDay day = w.f.session->view().auctions.at(0);
    QCOMPARE(*day.winnerBidId, byPost.value(late1).id);
    const QList<AuctionEvent> winners = w.f.eventsOfType(EventType::AuctionWinner);
    QCOMPARE(winners.size(), 1);
    QCOMPARE(winners.first().payload.value(QStringLiteral("bidder")).toString(),
             QStringLiteral("@bidder7"));
    QVERIFY(!winners.first().payload.contains(QStringLiteral("sources_behind")));
    const QList<AuctionEvent> invalidations = w.f.eventsOfType(EventType::BidInvalidated);
    QCOMPARE(invalidations.size(), 1);
    QVERIFY(invalidations.first()
                .payload.value(QStringLiteral("reason"))
                .toString()
                .contains(QLatin1String("deleted on X")));

    // Within the limits X gave, and the token only ever in the Authorization header.
    for (auto endpoint : {FakeXServer::Endpoint::Mentions, FakeXServer::Endpoint::Search,
                          FakeXServer::Endpoint::Lookup})
        QCOMPARE(w.server.overLimit(endpoint), 0);
    QVERIFY(w.server.requests(FakeXServer::Endpoint::Search) > 30); // paged: 100 a page
    QVERIFY(w.intake->postsRead() >= expected.size());
}

void TestXIntake::aRestartJudgesNothingTwice()
{
    XWorld w;
    for (int i = 0; i < 150; ++i)
        w.post(i % 40, QStringLiteral("bid ") + raisedBid(i), kDay1Open + 1000 * i + 500);
    w.startIntake(w.options());
    w.stepTo(kDay1Open + 200'000);
    QCOMPARE(w.storedBids().size(), 150);
    const int searchesBefore = w.server.requests(FakeXServer::Endpoint::Search);

    // The app quits and starts again; more replies came meanwhile.
    w.intake.reset();
    w.f.reopen();
    for (int i = 150; i < 180; ++i)
        w.post(i % 40, QStringLiteral("bid ") + raisedBid(i), kDay1Open + 1000 * i + 500);
    w.startIntake(w.options());
    w.stepTo(kDay1Open + 300'000);
    const QList<BidRecord> bids = w.storedBids();
    QCOMPARE(bids.size(), 180);
    // Read from where it stopped (since_id was kept): one page of 30, not 180 again.
    QVERIFY(w.server.requests(FakeXServer::Endpoint::Search) - searchesBefore <= 4);
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder19")); // post 179
}

void TestXIntake::faultsAndLimitsLoseNothing()
{
    XWorld w;
    for (int i = 0; i < 60; ++i)
        w.post(i % 40, QStringLiteral("bid ") + raisedBid(i), kDay1Open + 1000 * i + 500,
               i % 2 == 0);
    using Fault = FakeXServer::Fault;
    w.server.addFaults(FakeXServer::Endpoint::Search,
                       {Fault::Unavailable503, Fault::Truncated, Fault::Malformed, Fault::Slow,
                        Fault::RateLimited429});
    w.server.addFaults(FakeXServer::Endpoint::Mentions, {Fault::Malformed, Fault::Unavailable503});
    // Mentions may be read 6 times in this window: the intake spreads them and never asks a 7th.
    w.server.setWindow(FakeXServer::Endpoint::Mentions,
                       {6, 6, QDateTime::currentSecsSinceEpoch() + 4});
    w.server.slowMs = 500;
    w.startIntake(w.options());
    w.stepTo(kDay1Open + 100'000);
    QCOMPARE(w.storedBids().size(), 60);
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder19")); // post 59
    QCOMPARE(w.server.overLimit(FakeXServer::Endpoint::Mentions), 0);
    QCOMPARE(w.server.beforeReset(FakeXServer::Endpoint::Search), 0); // the 429 was waited out
}

void TestXIntake::anAccountWithoutSearchGoesOnWithMentions()
{
    XWorld w;
    w.server.addFaults(FakeXServer::Endpoint::Search, {FakeXServer::Fault::Forbidden403});
    w.post(1, QStringLiteral("bid 1 ETH"), kDay1Open + 1000);
    w.post(2, QStringLiteral("bid 2 ETH"), kDay1Open + 2000, false); // search would have found it
    w.startIntake(w.options());
    QVERIFY(waitUntil([&] {
        const auto sources = w.intake->sources();
        return !sources.at(1).active;
    }));
    const XIntake::SourceState search = w.intake->sources().at(1);
    QVERIFY2(search.lastResult.contains(QLatin1String("403")), qPrintable(search.lastResult));
    w.stepTo(kDay1Open + 60'000);
    QCOMPARE(w.storedBids().size(), 1);
    // The winner does not wait for a source that is off.
    w.stepTo(kDay1Close + 21'000);
    QVERIFY(waitUntil([&] {
        w.f.at(kDay1Close + 21'000);
        return w.f.session->view().auctions.at(0).winnerDeclared;
    }));
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder1"));
}

void TestXIntake::signedOutReadsNothing()
{
    XWorld w;
    w.token.clear();
    w.post(1, QStringLiteral("bid 1 ETH"), kDay1Open + 1000);
    w.startIntake(w.options());
    w.f.at(kDay1Open + 60'000);
    QTest::qWait(200);
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Search), 0);
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Mentions), 0);
    QVERIFY(w.intake->sources().at(0).lastResult.contains(QLatin1String("signed out")));
    // Signing in starts the reading.
    w.token = w.server.token;
    w.stepTo(kDay1Open + 60'000);
    QCOMPARE(w.storedBids().size(), 1);
}

void TestXIntake::walletLinksFromReplies()
{
    // With "linked wallet required", a bidder links one by replying "wallet 0x…" first.
    MarathonConfig config = xConfig();
    config.requireLinkedWallet = true;
    XWorld w(config);
    const QString address = QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    w.post(1, QStringLiteral("wallet ") + address.toLower(), kDay1Open + 1000);
    w.post(1, QStringLiteral("bid 1 ETH"), kDay1Open + 2000);
    w.post(2, QStringLiteral("bid 1.5 ETH"), kDay1Open + 3000); // no wallet linked
    QString mistyped = address;
    mistyped[3] = u'A'; // one letter's case wrong: the checksum says it is mistyped
    w.post(3, QStringLiteral("wallet ") + mistyped, kDay1Open + 4000);
    QStringList problems;
    w.startIntake(w.options());
    connect(w.intake.get(), &XIntake::problem, this,
            [&](const QString& message) { problems.append(message); });
    w.stepTo(kDay1Open + 60'000);
    const QList<BidRecord> bids = w.storedBids();
    QCOMPARE(bids.size(), 2); // the wallet posts are no bids
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder1"));
    QCOMPARE(bids.at(1).rejection->code, RejectionCode::NoLinkedWallet);
    QCOMPARE(w.f.session->view().wallets.value(QStringLiteral("101")).address, address);
    QVERIFY(!w.f.session->view().wallets.contains(QStringLiteral("103")));
    QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                         [](const QString& p) {
                             return p.contains(QLatin1String("@bidder3")) &&
                                    p.contains(QLatin1String("checksum"));
                         }),
             qPrintable(problems.join(u'\n')));
    QCOMPARE(w.f.eventsOfType(EventType::WalletLinked).size(), 1);
}

void TestXIntake::aBacklogLongerThanARoundIsReadWhole()
{
    // 250 replies waiting and rounds of one page (100 posts), newest first: every round judges
    // what it read and the next goes on from where it stopped; the cursor moves only once the
    // oldest page is read, so none of the older replies is skipped.
    XWorld w;
    for (int i = 0; i < 250; ++i)
        w.post(i % 40, QStringLiteral("bid ") + raisedBid(i), kDay1Open + 100 * i + 50);
    XIntakeOptions o = w.options();
    o.maxPagesPerRound = 1;
    w.startIntake(o);
    w.stepTo(kDay1Open + 60'000);
    QCOMPARE(w.storedBids().size(), 250);
    // Judged newest page first, so the older ones came in too low; each was judged once and the
    // newest leads.
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder9")); // post 249
}

void TestXIntake::aServerThatPagesForeverDoesNotStallTheWinner_data()
{
    QTest::addColumn<bool>("circle");
    // From the second page on, the server says the next page is the one it just gave.
    QTest::newRow("the same token") << false;
    // From the second page on, its tokens go round: cA, cB, cA…
    QTest::newRow("tokens in a circle") << true;
}

void TestXIntake::aServerThatPagesForeverDoesNotStallTheWinner()
{
    // A token given before in the same backlog is read as the last page, so rounds end, the
    // sources vouch for the end and a winner is declared with every source caught up.
    QFETCH(bool, circle);
    XWorld w;
    for (int i = 0; i < 150; ++i)
        w.post(i % 40, QStringLiteral("bid ") + raisedBid(i), kDay1Open + 100 * i + 50);
    (circle ? w.server.cycleNextTokens : w.server.loopNextToken) = true;
    w.startIntake(w.options());
    w.stepTo(kDay1Open + 60'000);
    QCOMPARE(w.storedBids().size(), 150);
    w.stepTo(kDay1Close + 21'000);
    QVERIFY(waitUntil([&] {
        w.f.at(kDay1Close + 21'000);
        return w.f.session->view().auctions.at(0).winnerDeclared;
    }));
    QVERIFY(!w.f.eventsOfType(EventType::AuctionWinner)
                 .constFirst()
                 .payload.contains(QStringLiteral("sources_behind")));
}

void TestXIntake::onlyAPostXSaysIsGoneLosesItsBid()
{
    // Before the winner is declared the leading post is looked up. An answer that leaves it out
    // without saying it is gone (a broken or lying server) takes nothing away, nor does X saying
    // its author went protected; only "Not Found" does.
    XWorld w;
    w.post(1, QStringLiteral("bid 1 ETH"), kDay1Open + 1'000);
    const QString second = w.post(2, QStringLiteral("bid 2 ETH"), kDay1Open + 2'000);
    const QString top = w.post(3, QStringLiteral("bid 3 ETH"), kDay1Open + 3'000);
    w.startIntake(w.options());
    w.stepTo(kDay1Open + 60'000);
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder3"));
    w.server.addFaults(FakeXServer::Endpoint::Lookup,
                       {FakeXServer::Fault::EmptyPage, FakeXServer::Fault::EmptyPage,
                        FakeXServer::Fault::EmptyPage});
    w.server.hidePost(top);
    w.server.deletePost(second); // gone, but it does not lead: never looked up
    w.stepTo(kDay1Close + 21'000, false);
    QVERIFY(waitUntil([&] {
        w.f.at(kDay1Close + 21'000);
        return w.f.session->view().auctions.at(0).winnerDeclared;
    }));
    QVERIFY(w.f.eventsOfType(EventType::BidInvalidated).isEmpty());
    const QList<AuctionEvent> winners = w.f.eventsOfType(EventType::AuctionWinner);
    QCOMPARE(winners.size(), 1);
    QCOMPARE(winners.first().payload.value(QStringLiteral("bidder")).toString(),
             QStringLiteral("@bidder3"));
    QVERIFY(w.server.requests(FakeXServer::Endpoint::Lookup) >= 4); // three empty, then X's word
}

void TestXIntake::aRefusedPageTokenStartsTheRoundOverWithoutAStorm()
{
    // 150 replies, two pages; X answers 400 to every page token (an expired one, say). The first
    // page is judged, the round starts over with a back-off (not the same request every tick),
    // and once X takes page tokens again the rest is read and nothing is lost.
    XWorld w;
    for (int i = 0; i < 150; ++i)
        w.post(i % 40, QStringLiteral("bid ") + raisedBid(i), kDay1Open + 100 * i + 50);
    w.server.refusePageTokens = true;
    w.f.at(kDay1Open + 60'000);
    w.startIntake(w.options());
    QTest::qWait(4'000);
    const int requests = w.server.requests(FakeXServer::Endpoint::Search) +
                         w.server.requests(FakeXServer::Endpoint::Mentions);
    QVERIFY2(requests < 30, qPrintable(QString::number(requests))); // a 10 ms tick: hundreds
    QCOMPARE(w.storedBids().size(), 100); // the newest page of each source, judged once
    const auto sources = w.intake->sources();
    QVERIFY(std::any_of(sources.cbegin(), sources.cend(), [](const XIntake::SourceState& s) {
        return s.lastResult.contains(QLatin1String("refused the next page"));
    }));
    w.server.refusePageTokens = false;
    QVERIFY(waitUntil([&] { return w.storedBids().size() == 150; }));
}

QTEST_GUILESS_MAIN(TestXIntake)
#include "tst_xintake.moc"
