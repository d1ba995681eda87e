// The studio's posts on X end to end: the outbox in the marathon database, filled by the events
// that call for a post, sent by XOutbox on the studio's libcurl client to a server that speaks
// X API v2 over real HTTP on loopback (FakeXServer), with the bids read back by XIntake. What a
// viewer of the account would see is what is asserted: which posts exist, what they answer,
// what they say, and that none is made twice.

#include "EngineThread.h"
#include "FakeXServer.h"
#include "HttpClient.h"
#include "SessionFixture.h"
#include "XIntake.h"
#include "XOutbox.h"
#include "XText.h"

#include <QSet>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;

namespace {

MarathonConfig postingConfig()
{
    MarathonConfig c = simpleConfig();
    c.minAccountAgeDays = 30;
    c.timeBufferMs = 0; // no extensions unless a test wants them
    for (int day = 1; day <= c.days; ++day)
        c.lots.append(
            {QStringLiteral("Dawn Over Shape %1").arg(day), QStringLiteral("Ada"), {}, {}, {}, {}});
    return c;
}

struct PostingWorld
{
    explicit PostingWorld(const MarathonConfig& config = postingConfig()) : f(config)
    {
        server.now = [this] { return f.clock.nowUtcMs(); };
        for (auto endpoint : {FakeXServer::Endpoint::Mentions, FakeXServer::Endpoint::Search,
                              FakeXServer::Endpoint::Lookup, FakeXServer::Endpoint::Timeline})
            server.setWindow(endpoint, {100'000, 100'000, 0});
        QVERIFY(server.start());
        for (int i = 0; i < 40; ++i)
            server.addUser({QString::number(100 + i), QStringLiteral("bidder%1").arg(i),
                            utcMs(2020, 1, 1, 0)});
        const ActionResult on = f.onEngine([](AuctionEngine& e) { return e.setPosting(true); });
        QVERIFY2(on.ok, qPrintable(on.error));
    }

    XOutboxOptions outboxOptions() const
    {
        XOutboxOptions o;
        o.apiBaseUrl = server.baseUrl();
        o.accountUserId = server.accountId;
        o.accountUsername = server.accountUsername;
        o.minIntervalMs = 0;
        o.tickMs = 10;
        return o;
    }

    void startOutbox(const XOutboxOptions& o)
    {
        outbox = std::make_unique<XOutbox>(
            *f.session, http, [this] { return token; }, o);
        outbox->start();
    }

    void startIntake()
    {
        XIntakeOptions o;
        o.apiBaseUrl = server.baseUrl();
        o.accountUserId = server.accountId;
        o.cadence = XPollCadence{20, 20, 20, 20};
        o.tickMs = 10;
        o.searchLagMs = 0;
        o.mentionsLagMs = 0;
        intake = std::make_unique<XIntake>(
            *f.session, http, [this] { return token; }, o);
        intake->start();
    }

    QList<OutboxItem> rows()
    {
        return f.onEngine(
            [](AuctionEngine& e) { return e.store().outboxItems({}, 10'000).value(); });
    }

    // Waits until nothing is queued or being sent (what waits for a thread excepted).
    bool drained()
    {
        return waitUntil([&] {
            for (const OutboxItem& row : rows()) {
                if (row.state == OutboxState::Queued || row.state == OutboxState::Sending)
                    return false;
            }
            return !outbox || outbox->status().waitingFor.isEmpty();
        });
    }

    const FakeXServer::Created* createdReplyTo(const QString& postId) const
    {
        for (const FakeXServer::Created& c : server.created()) {
            if (c.inReplyTo == postId)
                return &c;
        }
        return nullptr;
    }

    QString thread() const { return f.session->view().auctions.value(0).threadId; }

    QString reply(int bidder, const QString& text, std::int64_t atMs, bool mention = true)
    {
        FakeXServer::Post p;
        p.text = mention ? QStringLiteral("@sothebais ") + text : text;
        p.authorId = QString::number(100 + bidder);
        p.conversationId = thread();
        p.createdMs = atMs;
        p.mentionsAccount = mention;
        return server.addPost(p);
    }

    BidOutcome xBid(int bidder, const QString& text, const QString& postId)
    {
        BidInput input;
        input.source = QStringLiteral("x");
        input.sourceId = postId;
        input.bidderId = QString::number(100 + bidder);
        input.bidderName = QStringLiteral("@bidder%1").arg(bidder); // as XIntake names them
        input.text = text;
        input.accountCreatedMs = utcMs(2020, 1, 1, 0);
        input.threadId = thread();
        return f.onEngine([&input](AuctionEngine& e) { return e.submitBid(input); });
    }

    SessionFixture f;
    FakeXServer server;
    HttpClient http;
    QString token = server.token;
    std::unique_ptr<XOutbox> outbox;
    std::unique_ptr<XIntake> intake;
};

} // namespace

class TestXOutbox : public QObject
{
    Q_OBJECT

private slots:
    void theAuctionIsAnnouncedAndItsBidsAnswered();
    void aReplyXRefusesGoesToTheThread();
    void manyDueRepliesCollapseIntoSummaries();
    void aPostThatWentOutUnheardIsNotPostedTwice();
    void aTextPostedBeforeIsSaidDifferently();
    void aPostingLimitIsWaitedOut();
    void aPostingLimitWhoseResetLooksPastIsWaitedOut();
    void postingOffQueuesNothing();
    void aLeaderNoReplyAnnouncesIsPostedInTheThread();
};

void TestXOutbox::theAuctionIsAnnouncedAndItsBidsAnswered()
{
    PostingWorld w;
    w.startOutbox(w.outboxOptions());
    w.f.at(kDay1Open);
    QVERIFY(w.drained());

    // The window opened: the auction's post is made, and its id is the auction's thread.
    QCOMPARE(w.server.created().size(), 1);
    const FakeXServer::Created open = w.server.created().first();
    QVERIFY(open.inReplyTo.isEmpty());
    QVERIFY2(open.text.contains(QLatin1String("bid")), qPrintable(open.text));
    // The reserve, and how to bid written as the grammar reads it.
    QVERIFY2(open.text.contains(QLatin1String("Reserve 0.01 ETH,")) &&
                 open.text.contains(QLatin1String("reply: bid 0.01 ETH")),
             qPrintable(open.text));
    QCOMPARE(w.thread(), open.id);

    // Replies become bids and each bid gets its verdict as a reply; chat gets none.
    w.startIntake();
    const QString good = w.reply(
        1, QStringLiteral("bid 0.5 ETH https://evil.example/drain @victim"), kDay1Open + 60'000);
    const QString low = w.reply(2, QStringLiteral("bid 0.51 ETH"), kDay1Open + 120'000);
    const QString chat = w.reply(3, QStringLiteral("gm, love this one"), kDay1Open + 130'000);
    w.f.at(kDay1Open + 10 * 60'000);
    QVERIFY(waitUntil([&] { return w.createdReplyTo(good) && w.createdReplyTo(low); }));
    QVERIFY(w.drained());
    QVERIFY(!w.createdReplyTo(chat));
    const QString accepted = w.createdReplyTo(good)->text;
    const QString rejected = w.createdReplyTo(low)->text;
    QVERIFY2(accepted.contains(QLatin1String("0.5 ETH accepted")), qPrintable(accepted));
    QVERIFY2(rejected.contains(QLatin1String("at least 0.525 ETH")), qPrintable(rejected));
    for (const QString& text : {accepted, rejected}) { // nothing the bidder wrote comes back
        QVERIFY2(!text.contains(QLatin1String("evil")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("@victim")), qPrintable(text));
        QVERIFY2(!containsUrl(text), qPrintable(text));
    }

    // The close: the winner in the thread, and how to settle as a reply to the winning bid.
    // The winner waits until every source has read past the end.
    QVERIFY(waitUntil([&] {
        w.f.at(kDay1Close + 60'000);
        return !w.f.eventsOfType(EventType::AuctionWinner).isEmpty();
    }));
    QVERIFY(w.drained());
    QStringList texts;
    bool winnerInThread = false;
    int settlementReplies = 0;
    for (const FakeXServer::Created& c : w.server.created()) {
        texts.append(c.text);
        QVERIFY2(weightedLength(c.text) <= kMaxWeightedLength, qPrintable(c.text));
        QVERIFY2(!c.text.contains(QLatin1String("ETH ETH")), qPrintable(c.text));
        if (c.inReplyTo == open.id && c.text.contains(QLatin1String("@bidder1")))
            winnerInThread = true;
        if (c.inReplyTo == good)
            ++settlementReplies;
    }
    QVERIFY2(winnerInThread, qPrintable(texts.join(u'\n')));
    QCOMPARE(settlementReplies, 2); // "accepted", then how to settle
    QCOMPARE(QSet<QString>(texts.cbegin(), texts.cend()).size(), texts.size()); // no repeats
    QCOMPARE(w.server.duplicatesRefused(), 0);
}

void TestXOutbox::aReplyXRefusesGoesToTheThread()
{
    PostingWorld w;
    w.startOutbox(w.outboxOptions());
    w.f.at(kDay1Open);
    QVERIFY(w.drained());
    // Bidder 4 never mentions the account (found by search): X refuses replies to them.
    const QString first = w.reply(4, QStringLiteral("bid 0.2 ETH"), kDay1Open + 1000, false);
    QCOMPARE(w.xBid(4, QStringLiteral("bid 0.2 ETH"), first).kind, BidOutcome::Kind::Accepted);
    QVERIFY(w.drained());
    QCOMPARE(w.server.repliesRefused(), 1);
    QVERIFY(!w.createdReplyTo(first));
    const FakeXServer::Created* inThread = nullptr;
    for (const FakeXServer::Created& c : w.server.created()) {
        if (c.inReplyTo == w.thread() && c.text.startsWith(QLatin1String("@bidder4")))
            inThread = &c;
    }
    QVERIFY2(inThread, "the verdict did not reach the auction's thread");

    // The author is remembered: their next verdict goes to the thread without a refusal.
    const QString second = w.reply(4, QStringLiteral("bid 0.3 ETH"), kDay1Open + 2000, false);
    QCOMPARE(w.xBid(4, QStringLiteral("bid 0.3 ETH"), second).kind, BidOutcome::Kind::Accepted);
    QVERIFY(w.drained());
    QCOMPARE(w.server.repliesRefused(), 1);
    int threadVerdicts = 0;
    for (const FakeXServer::Created& c : w.server.created())
        threadVerdicts += c.inReplyTo == w.thread() && c.text.startsWith(QLatin1String("@bidder4"));
    QCOMPARE(threadVerdicts, 2);
}

void TestXOutbox::manyDueRepliesCollapseIntoSummaries()
{
    PostingWorld w;
    w.server.setWindow(FakeXServer::Endpoint::Create, {12, 12, 0});
    w.startOutbox(w.outboxOptions());
    w.f.at(kDay1Open);
    QVERIFY(w.drained());
    QCOMPARE(w.server.created().size(), 1);
    w.outbox->stop(); // 200 replies fall due while it does not post

    std::int64_t gwei = 100'000'000;
    for (int i = 0; i < 200; ++i) {
        const bool raise = i % 2 == 0;
        if (raise)
            gwei = gwei * 106 / 100 + 1;
        const QString text = raise ? QStringLiteral("bid %1.%2 ETH")
                                         .arg(gwei / 1'000'000'000)
                                         .arg(gwei % 1'000'000'000, 9, 10, QLatin1Char('0'))
                                   : QStringLiteral("bid 0.02 ETH"); // below the minimum
        const QString id = w.reply(i % 40, text, kDay1Open + 1000 + i);
        w.xBid(i % 40, text, id);
    }
    int due = 0;
    for (const OutboxItem& row : w.rows())
        due += row.state == OutboxState::Queued;
    QCOMPARE(due, 200);

    w.outbox->start();
    QVERIFY(w.drained());
    // Within the 12 posts X allows (one already spent on the open): nothing dropped, each reply
    // either sent or folded into a summary that was sent.
    QVERIFY2(w.server.created().size() <= 12,
             qPrintable(QString::number(w.server.created().size())));
    QCOMPARE(w.server.overLimit(FakeXServer::Endpoint::Create), 0);
    QHash<std::int64_t, OutboxItem> byId;
    for (const OutboxItem& row : w.rows())
        byId.insert(row.id, row);
    int folded = 0;
    for (const OutboxItem& row : std::as_const(byId)) {
        if (row.kind == OutboxKind::Summary) {
            QCOMPARE(row.state, OutboxState::Sent);
            QVERIFY2(row.text.contains(QLatin1String("100")), qPrintable(row.text)); // counts
            continue;
        }
        if (row.state == OutboxState::Collapsed) {
            ++folded;
            QVERIFY(row.collapsedInto);
            QCOMPARE(byId.value(*row.collapsedInto).state, OutboxState::Sent);
        } else {
            QCOMPARE(row.state, OutboxState::Sent);
        }
    }
    QCOMPARE(folded, 200);
    QCOMPARE(w.outbox->status().collapsed, 200);
}

void TestXOutbox::aPostThatWentOutUnheardIsNotPostedTwice()
{
    PostingWorld w;
    // The answer to the first post never comes back before the studio stops: X made the post.
    w.server.slowMs = 60'000;
    w.server.addFaults(FakeXServer::Endpoint::Create, {FakeXServer::Fault::Slow});
    w.startOutbox(w.outboxOptions());
    w.f.at(kDay1Open);
    QVERIFY(waitUntil([&] { return w.server.created().size() == 1; }));
    w.outbox.reset(); // the studio is gone mid-post
    w.f.reopen();
    QCOMPARE(w.rows().first().state, OutboxState::Sending);

    w.startOutbox(w.outboxOptions());
    QVERIFY(w.drained());
    QCOMPARE(w.server.created().size(), 1); // posted once
    QCOMPARE(w.server.duplicatesRefused(), 1);
    const OutboxItem open = w.rows().first();
    QCOMPARE(open.state, OutboxState::Sent);
    QCOMPARE(open.postId, w.server.created().first().id); // found on the account's timeline
    QCOMPARE(w.thread(), open.postId);
}

void TestXOutbox::aTextPostedBeforeIsSaidDifferently()
{
    PostingWorld w;
    XOutboxOptions o = w.outboxOptions();
    o.templates.insert(QStringLiteral("open"),
                       QStringLiteral("Lot {lot} is open. Reply: bid 0.1 ETH"));
    // The operator posted this very text by hand yesterday.
    FakeXServer::Post earlier;
    earlier.text = QStringLiteral("Lot 1 is open. Reply: bid 0.1 ETH");
    earlier.authorId = w.server.accountId;
    earlier.createdMs = kDay1Open - kDay;
    earlier.mentionsAccount = false;
    w.server.addPost(earlier);

    w.startOutbox(o);
    w.f.at(kDay1Open);
    QVERIFY(w.drained());
    QCOMPARE(w.server.duplicatesRefused(), 1);
    QCOMPARE(w.server.created().size(), 1);
    QCOMPARE(w.server.created().first().text,
             QStringLiteral("Lot 1 is open. Reply: bid 0.1 ETH (2)"));
    QCOMPARE(w.thread(), w.server.created().first().id);
}

void TestXOutbox::aPostingLimitIsWaitedOut()
{
    PostingWorld w;
    w.server.addFaults(FakeXServer::Endpoint::Create, {FakeXServer::Fault::RateLimited429});
    w.startOutbox(w.outboxOptions());
    w.f.at(kDay1Open);
    QVERIFY(waitUntil([&] { return !w.outbox->status().waitingFor.isEmpty(); }));
    QVERIFY(w.drained()); // after X's reset (two seconds away)
    QCOMPARE(w.server.created().size(), 1);
    QCOMPARE(w.server.beforeReset(FakeXServer::Endpoint::Create), 0);
}

void TestXOutbox::aPostingLimitWhoseResetLooksPastIsWaitedOut()
{
    // X's clock is 30 s behind this machine's: the 429's reset looks past. Posting waits (here
    // 3 s, 60 s by default) instead of trying again every second into more 429s.
    PostingWorld w;
    w.server.resetSkewS = -30;
    w.server.addFaults(FakeXServer::Endpoint::Create, {FakeXServer::Fault::RateLimited429});
    XOutboxOptions o = w.outboxOptions();
    o.unknownResetWaitMs = 3'000;
    w.startOutbox(o);
    w.f.at(kDay1Open);
    QVERIFY(waitUntil([&] { return !w.outbox->status().waitingFor.isEmpty(); }));
    QVERIFY(w.drained());
    QCOMPARE(w.server.created().size(), 1);
    QCOMPARE(w.server.beforeReset(FakeXServer::Endpoint::Create), 0);
}

void TestXOutbox::postingOffQueuesNothing()
{
    PostingWorld w;
    QVERIFY(w.f.onEngine([](AuctionEngine& e) { return e.setPosting(false); }).ok);
    w.f.at(kDay1Open);
    QVERIFY(w.rows().isEmpty());
    // Turned on while the auction runs: its post is queued then.
    QVERIFY(w.f.onEngine([](AuctionEngine& e) { return e.setPosting(true); }).ok);
    QCOMPARE(w.rows().size(), 1);
    QCOMPARE(w.rows().first().kind, QStringLiteral("open"));
}

void TestXOutbox::aLeaderNoReplyAnnouncesIsPostedInTheThread()
{
    PostingWorld w;
    w.startOutbox(w.outboxOptions());
    w.f.at(kDay1Open);
    QVERIFY(w.drained());
    const auto threadPosts = [&] {
        QStringList texts;
        for (const FakeXServer::Created& c : w.server.created()) {
            if (c.inReplyTo == w.thread())
                texts.append(c.text);
        }
        return texts;
    };
    // A bid from X: its reply says it leads; the thread hears nothing more.
    const QString fromX = w.reply(5, QStringLiteral("bid 0.2 ETH"), kDay1Open + 1000);
    QCOMPARE(w.xBid(5, QStringLiteral("bid 0.2 ETH"), fromX).kind, BidOutcome::Kind::Accepted);
    QVERIFY(w.drained());
    QVERIFY(threadPosts().isEmpty());
    // A bid the operator took by phone leads: the thread says so.
    BidInput phone;
    phone.source = QStringLiteral("manual");
    phone.bidderId = phone.bidderName = QStringLiteral("phone_bidder");
    phone.amount = Gwei::fromGwei(300'000'000);
    phone.accountCreatedMs = utcMs(2020, 1, 1, 0);
    QCOMPARE(w.f.onEngine([&](AuctionEngine& e) { return e.submitBid(phone); }).kind,
             BidOutcome::Kind::Accepted);
    QVERIFY(w.drained());
    QCOMPARE(threadPosts().size(), 1);
    QVERIFY2(threadPosts().first().contains(QLatin1String("@phone_bidder")) &&
                 threadPosts().first().contains(QLatin1String("0.3 ETH")),
             qPrintable(threadPosts().first()));
    // The operator invalidates it: the X bid leads again, and the thread is told.
    const std::int64_t phoneBid = w.f.session->view().leaderBid(0)->id;
    QVERIFY(w.f.onEngine([&](AuctionEngine& e) {
                   return e.invalidateBid(phoneBid, QStringLiteral("no payment"),
                                          QStringLiteral("op"));
               })
                .ok);
    QVERIFY(w.drained());
    QCOMPARE(threadPosts().size(), 2);
    QVERIFY2(threadPosts().last().contains(QLatin1String("@bidder5")) &&
                 threadPosts().last().contains(QLatin1String("0.2 ETH")),
             qPrintable(threadPosts().last()));
}

QTEST_GUILESS_MAIN(TestXOutbox)
#include "tst_xoutbox.moc"
