// Bids from X's filtered stream end to end: the intake keeps a rule on the auction's post and a
// connection to a server that speaks X API v2 over real HTTP on loopback (FakeXServer), on the
// studio's libcurl client, into the marathon session on the engine's own thread. The world's clock
// is the session's virtual clock (posts are made "now", reconnect waits are counted on it); the
// stream's keep-alives and its idle timeout run in wall time, small here, and no test measures
// them: tests count connections and read what the engine judged.

#include "EngineThread.h"
#include "FakeXServer.h"
#include "HttpClient.h"
#include "SessionFixture.h"
#include "XIntake.h"

#include <QJsonArray>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;

namespace {

const QString kThread = QStringLiteral("1850000000000000000"); // the auction's post on X
const QString kOtherThread = QStringLiteral("1850000000000000777");

QString ruleFor(const QString& thread)
{
    return QStringLiteral("conversation_id:") + thread;
}

// The n-th of a run of bids, each a valid raise of the one before: 0.1 ETH × 1.06^n.
QString raisedBid(int n)
{
    std::int64_t gwei = 100'000'000;
    for (int i = 0; i < n; ++i)
        gwei = gwei * 106 / 100 + 1;
    return QStringLiteral("bid %1.%2 ETH")
        .arg(gwei / 1'000'000'000)
        .arg(gwei % 1'000'000'000, 9, 10, QLatin1Char('0'));
}

struct StreamWorld
{
    StreamWorld()
    {
        server.now = [this] { return f.clock.nowUtcMs(); };
        server.searchDelayMs = 5'000;
        server.streamKeepAliveMs = 20;
        for (auto endpoint : {FakeXServer::Endpoint::Mentions, FakeXServer::Endpoint::Search,
                              FakeXServer::Endpoint::Lookup, FakeXServer::Endpoint::StreamRules,
                              FakeXServer::Endpoint::Stream})
            server.setWindow(endpoint, {100'000, 100'000, 0});
        QVERIFY(server.start());
        for (int i = 0; i < 20; ++i)
            server.addUser({QString::number(100 + i), QStringLiteral("bidder%1").arg(i),
                            utcMs(2020, 1, 1, 0)});
        f.at(kDay1Open);
        QVERIFY(f.onEngine([](AuctionEngine& e) {
                     return e.setThreadId(0, kThread, QStringLiteral("op"));
                 }).ok);
    }

    XIntakeOptions options(bool mentions, bool search) const
    {
        XIntakeOptions o;
        o.apiBaseUrl = server.baseUrl();
        o.accountUserId = server.accountId;
        o.useMentions = mentions;
        o.useSearch = search;
        o.useStream = true;
        o.cadence = XPollCadence{20, 20, 20, 20};
        o.tickMs = 10;
        o.searchLagMs = server.searchDelayMs;
        // Keep-alives every 20 ms: 1.5 s without a byte is a stall even on a loaded machine.
        o.stream.idleTimeoutMs = 1'500;
        o.stream.ruleSettleMs = 0; // the fake applies a rule at once
        return o;
    }

    void startIntake(const XIntakeOptions& o)
    {
        intake = std::make_unique<XIntake>(
            *f.session, http, [this] { return token; }, o);
        QObject::connect(intake.get(), &XIntake::problem,
                         [this](const QString& message) { problems.append(message); });
        intake->start();
    }

    const XStream& stream() const { return *intake->stream(); }

    bool connected()
    {
        return waitUntil([&] { return stream().isConnected(); });
    }

    // A reply to `thread` made now on the world's clock.
    QString post(int bidder, const QString& text, const QString& thread = kThread)
    {
        FakeXServer::Post p;
        p.text = QStringLiteral("@sothebais ") + text;
        p.authorId = bidder < 0 ? server.accountId : QString::number(100 + bidder);
        p.conversationId = thread;
        p.createdMs = f.clock.nowUtcMs();
        return server.addPost(p);
    }

    QList<BidRecord> storedBids()
    {
        return f.onEngine([](AuctionEngine& e) { return e.store().bids().value(); });
    }

    bool judged(const QString& firstId)
    {
        return waitUntil([&] {
            const QList<BidRecord> bids = storedBids();
            return std::any_of(bids.cbegin(), bids.cend(),
                               [&](const BidRecord& b) { return b.sourceId == firstId; });
        });
    }

    QStringList ruleValues() const
    {
        QStringList values;
        for (const FakeXServer::StreamRule& rule : server.streamRules())
            values.append(rule.value + u'#' + rule.tag);
        values.sort();
        return values;
    }

    XIntake::SourceState streamState() const
    {
        for (const XIntake::SourceState& s : intake->sources()) {
            if (s.name == QLatin1String("x-stream"))
                return s;
        }
        return {};
    }

    // The winner's event, once the engine declared one at `ms`.
    std::optional<AuctionEvent> winnerAt(std::int64_t ms)
    {
        const bool declared = waitUntil([&] {
            f.at(ms);
            return f.session->view().auctions.at(0).winnerDeclared;
        });
        if (!declared)
            return std::nullopt;
        const QList<AuctionEvent> winners = f.eventsOfType(EventType::AuctionWinner);
        return winners.isEmpty() ? std::nullopt : std::optional(winners.first());
    }

    SessionFixture f{[] {
        MarathonConfig c = simpleConfig();
        c.timeBufferMs = 0; // the end stays at 13:00
        return c;
    }()};
    FakeXServer server;
    HttpClient http;
    QString token = server.token;
    std::unique_ptr<XIntake> intake;
    QStringList problems;
};

// Every stored bid has its own post: none was judged twice.
void verifyEachOnce(const QList<BidRecord>& bids)
{
    QSet<QString> seen;
    for (const BidRecord& b : bids) {
        QCOMPARE(b.source, QStringLiteral("x"));
        QVERIFY2(!seen.contains(b.sourceId), qPrintable(b.sourceId));
        seen.insert(b.sourceId);
    }
}

} // namespace

class TestXStream : public QObject
{
    Q_OBJECT

private slots:
    void theStreamAloneBringsEachBidOnce();
    void aStallReconnectsAndSearchFillsTheGap();
    void aDroppedConnectionIsOpenedAgain();
    void anAppWithoutTheStreamGoesOnWithoutIt();
    void aStreamRefusedAtConnectIsOffToo();
    void rulesFollowTheAuctionsPost();
    void tooManyConnectionsWaitsLonger();
};

void TestXStream::theStreamAloneBringsEachBidOnce()
{
    StreamWorld w;
    w.startIntake(w.options(false, false));
    QVERIFY(w.connected());
    QCOMPARE(w.ruleValues(), QStringList{ruleFor(kThread) + QStringLiteral("#sb-auction-0")});

    QStringList ids;
    for (int i = 0; i < 8; ++i) {
        w.f.at(kDay1Open + 10'000 * (i + 1));
        ids.append(w.post(i, raisedBid(i)));
        QVERIFY(w.judged(ids.last()));
    }
    // An edit is a new version of the same bid; the studio's own reply is no bid.
    w.f.at(kDay1Open + 100'000);
    const QString firstAmount = w.storedBids().first().text;
    w.server.editPost(ids.first(), QStringLiteral("@sothebais bid 900 ETH"));
    const QString own = w.post(-1, QStringLiteral("bid 1000 ETH"));
    w.f.at(kDay1Open + 110'000);
    const QString last = w.post(8, raisedBid(8));
    QVERIFY(w.judged(last));
    QVERIFY(waitUntil([&] { return w.stream().postsRead() >= 11; })); // 9 bids, an edit, own

    const QList<BidRecord> bids = w.storedBids();
    verifyEachOnce(bids);
    QCOMPARE(bids.size(), 9);
    QCOMPARE(bids.first().text, firstAmount); // the first version was judged, not the edit
    QVERIFY(std::none_of(bids.cbegin(), bids.cend(),
                         [&](const BidRecord& b) { return b.sourceId == own; }));
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder8"));
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Mentions), 0);
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Search), 0);
    QCOMPARE(w.server.streamsAnswered(), 1);

    // Alone, the stream cannot vouch for what it may have missed before it connected: the winner
    // waits for the engine's longest wait, and the journal names the stream.
    QCOMPARE(w.stream().watermarkMs(), 0);
    QVERIFY2(w.streamState().lastResult.contains(QLatin1String("without search")),
             qPrintable(w.streamState().lastResult));
    w.f.at(kDay1Close + 21'000);
    QVERIFY(!w.f.session->view().auctions.at(0).winnerDeclared);
    const std::optional<AuctionEvent> winner =
        w.winnerAt(kDay1Close + 20'000 + AuctionEngine::kDefaultMaxWinnerWaitMs);
    QVERIFY(winner);
    QCOMPARE(winner->payload.value(QStringLiteral("bidder")).toString(),
             QStringLiteral("@bidder8"));
    QCOMPARE(winner->payload.value(QStringLiteral("sources_behind")).toArray(),
             QJsonArray{QStringLiteral("x-stream")});
}

void TestXStream::aStallReconnectsAndSearchFillsTheGap()
{
    StreamWorld w;
    w.startIntake(w.options(false, true));
    QVERIFY(w.connected());

    w.f.at(kDay1Open + 10'000);
    const QString early = w.post(1, raisedBid(1));
    QVERIFY(w.judged(early));
    QCOMPARE(w.stream().postsRead(), 1); // at once: search has not indexed it yet

    // The connection goes silent without closing: no byte, no keep-alive.
    w.server.stallStreams();
    w.f.at(kDay1Open + 20'000);
    const QString duringStall = w.post(2, raisedBid(2));
    const std::int64_t madeMs = w.f.clock.nowUtcMs();
    QVERIFY(waitUntil([&] { return !w.stream().isConnected(); })); // past the idle timeout
    QVERIFY2(w.stream().lastResult().contains(QLatin1String("no byte")),
             qPrintable(w.stream().lastResult()));
    QVERIFY(w.stream().watermarkMs() < madeMs); // silent, it vouched for nothing new

    // The wait before the next connection is on X's clock: once it passed, a new connection.
    w.f.at(kDay1Open + 30'000);
    QVERIFY(waitUntil([&] { return w.server.streamsAnswered() >= 2 && w.stream().isConnected(); }));
    // The post made during the stall never came on the stream; search brings it in.
    QVERIFY(w.judged(duringStall));
    const QString after = w.post(3, raisedBid(3));
    QVERIFY(w.judged(after));

    // Search has read past the gap: from there the stream vouches on its own again.
    w.f.at(kDay1Open + 40'000);
    QVERIFY(waitUntil([&] { return w.stream().watermarkMs() >= kDay1Open + 40'000 - 2'000; }));
    QVERIFY(!w.stream().hasGap());

    const std::optional<AuctionEvent> winner = w.winnerAt(kDay1Close + 21'000);
    QVERIFY(winner);
    QVERIFY(!winner->payload.contains(QStringLiteral("sources_behind")));
    QCOMPARE(winner->payload.value(QStringLiteral("bidder")).toString(),
             QStringLiteral("@bidder3"));
    const QList<BidRecord> bids = w.storedBids();
    verifyEachOnce(bids);
    QCOMPARE(bids.size(), 3);
}

void TestXStream::aDroppedConnectionIsOpenedAgain()
{
    StreamWorld w;
    w.startIntake(w.options(false, false));
    QVERIFY(w.connected());
    w.server.dropStreams();
    QVERIFY(waitUntil([&] { return !w.stream().isConnected(); }));
    QVERIFY(!w.stream().waitingFor().isEmpty()); // "connecting again in 1 s"
    w.f.at(kDay1Open + 2'000);
    QVERIFY(waitUntil([&] { return w.server.streamsAnswered() == 2 && w.stream().isConnected(); }));
    const QString bid = w.post(4, raisedBid(0));
    QVERIFY(w.judged(bid));
    QCOMPARE(w.server.streamRules().size(), 1); // the rule was kept, not added again
}

void TestXStream::anAppWithoutTheStreamGoesOnWithoutIt()
{
    // The app's access does not include the stream: X refuses its rules with 403.
    StreamWorld w;
    w.server.addFaults(FakeXServer::Endpoint::StreamRules, {FakeXServer::Fault::Forbidden403});
    w.startIntake(w.options(true, false));
    QVERIFY(waitUntil([&] { return !w.stream().isActive(); }));
    const XIntake::SourceState state = w.streamState();
    QCOMPARE(state.name, QStringLiteral("x-stream"));
    QVERIFY(!state.active);
    QVERIFY2(state.lastResult.contains(QLatin1String("access does not include")) &&
                 state.lastResult.contains(QLatin1String("403")),
             qPrintable(state.lastResult));
    QVERIFY(std::any_of(w.problems.cbegin(), w.problems.cend(), [](const QString& p) {
        return p.startsWith(QLatin1String("x-stream is not used"));
    }));
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 0);

    w.f.at(kDay1Open + 10'000);
    w.post(5, raisedBid(0)); // mentions reads it
    w.f.at(kDay1Open + 60'000);
    QVERIFY(waitUntil([&] { return w.storedBids().size() == 1; }));
    // The winner does not wait for a source that is off.
    const std::optional<AuctionEvent> winner = w.winnerAt(kDay1Close + 21'000);
    QVERIFY(winner);
    QVERIFY(!winner->payload.contains(QStringLiteral("sources_behind")));
    QCOMPARE(w.f.leaderName(), QStringLiteral("@bidder5"));
}

void TestXStream::aStreamRefusedAtConnectIsOffToo()
{
    StreamWorld w;
    w.server.addFaults(FakeXServer::Endpoint::Stream, {FakeXServer::Fault::Forbidden403});
    w.startIntake(w.options(true, false));
    QVERIFY(waitUntil([&] { return !w.stream().isActive(); }));
    QVERIFY2(w.stream().lastResult().contains(QLatin1String("attached to a Project")),
             qPrintable(w.stream().lastResult()));
    w.f.at(kDay1Open + 10'000);
    QVERIFY(w.judged(w.post(7, raisedBid(0))));                    // mentions reads it
    QVERIFY(w.winnerAt(kDay1Close + 21'000));                      // not waiting for the stream
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 1); // never tried again
}

void TestXStream::rulesFollowTheAuctionsPost()
{
    StreamWorld w;
    // A rule the studio left for another post, and someone else's rule on the same app.
    w.server.addStreamRule(ruleFor(QStringLiteral("1849999999999999999")),
                           QStringLiteral("sb-auction-7"));
    w.server.addStreamRule(QStringLiteral("from:someone"), QStringLiteral("another-tool"));
    w.startIntake(w.options(true, false));
    QVERIFY(w.connected());
    QCOMPARE(w.ruleValues(), (QStringList{ruleFor(kThread) + QStringLiteral("#sb-auction-0"),
                                          QStringLiteral("from:someone#another-tool")}));

    // The operator sets another post for the auction: the rule follows it on the same
    // connection (X applies rule changes to it).
    QVERIFY(w.f.onEngine([](AuctionEngine& e) {
                   return e.setThreadId(0, kOtherThread, QStringLiteral("op"));
               })
                .ok);
    QVERIFY(waitUntil([&] {
        return w.ruleValues() ==
               QStringList{ruleFor(kOtherThread) + QStringLiteral("#sb-auction-0"),
                           QStringLiteral("from:someone#another-tool")};
    }));
    w.f.at(kDay1Open + 5'000);
    const QString bid = w.post(6, raisedBid(0), kOtherThread);
    QVERIFY(w.judged(bid));
    QVERIFY(w.stream().postsRead() >= 1);
    QCOMPARE(w.server.streamsAnswered(), 1);

    // The auction is over: the rule goes and the connection closes.
    QVERIFY(w.winnerAt(kDay1Close + 20'000 + AuctionEngine::kDefaultMaxWinnerWaitMs));
    QVERIFY(waitUntil([&] {
        return w.ruleValues() == QStringList{QStringLiteral("from:someone#another-tool")} &&
               !w.stream().isConnected();
    }));
    QVERIFY(waitUntil([&] { return w.server.openStreamCount() == 0; }));
}

void TestXStream::tooManyConnectionsWaitsLonger()
{
    StreamWorld w;
    w.server.addFaults(FakeXServer::Endpoint::Stream, {FakeXServer::Fault::RateLimited429});
    w.startIntake(w.options(false, false));
    QVERIFY(waitUntil([&] { return w.stream().retryAtMs() > 0; }));
    QVERIFY2(w.stream().lastResult().contains(QLatin1String("maximum allowed connection")),
             qPrintable(w.stream().lastResult()));
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 1);
    // A minute at least: not after a second, as a cut connection would be.
    for (const std::int64_t ms : {2'000, 30'000, 59'000}) {
        w.f.at(kDay1Open + ms);
        w.intake->tick();
        w.f.settle();
        QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 1);
    }
    w.f.at(kDay1Open + 61'000);
    QVERIFY(w.connected());
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 2);

    // Refused again after a cut: twice as long this time.
    w.server.addFaults(FakeXServer::Endpoint::Stream, {FakeXServer::Fault::RateLimited429});
    w.server.dropStreams();
    QVERIFY(waitUntil([&] { return !w.stream().isConnected(); }));
    w.f.at(kDay1Open + 63'000); // the cut's own wait (1 s) is over
    QVERIFY(waitUntil([&] { return w.server.requests(FakeXServer::Endpoint::Stream) == 3; }));
    QVERIFY(waitUntil([&] { return w.stream().retryAtMs() > kDay1Open + 63'000; }));
    w.f.at(kDay1Open + 63'000 + 119'000);
    w.intake->tick();
    w.f.settle();
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 3);
    w.f.at(kDay1Open + 63'000 + 121'000);
    QVERIFY(w.connected());
    QCOMPARE(w.server.requests(FakeXServer::Endpoint::Stream), 4);
}

QTEST_GUILESS_MAIN(TestXStream)
#include "tst_xstream.moc"
