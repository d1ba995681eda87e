// One row per auction rule and per rejection code, each driven through the engine's single bid
// path, so a row fails exactly where a bidder would be told something wrong.

#include "EngineFixture.h"

#include <QTest>

#include <functional>
#include <vector>

using namespace sb::auction;
using namespace sb::auction::test;

namespace {

struct RuleCase
{
    const char* name;
    std::function<void(MarathonConfig&)> configure; // may be empty
    std::function<void(EngineFixture&)> before;     // bids or actions placed first; may be empty
    std::function<void(BidInput&)> bid;             // the bid under test
    std::int64_t nowMs;                             // when it reaches the engine
    QString expectedCode;                           // empty: accepted
    QString expectedLeader;                         // who leads afterwards ("" = nobody)
    std::int64_t expectedEndMs = 0;                 // 0: not checked
};

BidInput post(const QString& bidder, const QString& text, std::int64_t postedMs = 0,
              const QString& id = {})
{
    BidInput b;
    b.source = QStringLiteral("test");
    b.sourceId = id.isEmpty() ? QStringLiteral("under-test") : id;
    b.bidderId = bidder;
    b.bidderName = bidder;
    b.text = text;
    b.sourceTimeMs = postedMs;
    return b;
}

auto bidText(const char* text, std::int64_t postedMs = 0)
{
    return [=](BidInput& b) { b = post(QStringLiteral("zed"), QString::fromUtf8(text), postedMs); };
}

auto leaderAt(const char* text, std::int64_t postedMs = kDay1Open + kMinute,
              const char* id = "alice-1")
{
    return [=](EngineFixture& f) {
        f.clock.setNow(postedMs);
        QCOMPARE(f.bid(QStringLiteral("alice"), QString::fromUtf8(text), postedMs,
                       QString::fromLatin1(id))
                     .kind,
                 BidOutcome::Kind::Accepted);
    };
}

const std::int64_t kMid = kDay1Open + 30 * kMinute;

const std::vector<RuleCase>& cases()
{
    static const std::vector<RuleCase> table = {
        // Reserve
        {"first bid at the reserve", {}, {}, bidText("bid 0.01"), kMid, {}, QStringLiteral("zed")},
        {"below_reserve", {}, {}, bidText("bid 0.009"), kMid, QStringLiteral("below_reserve"), {}},
        // Minimum raise: leader + max(ceil(5 %), 0.001 ETH)
        {"raise of exactly 5 %",
         {},
         leaderAt("bid 1"),
         bidText("bid 1.05"),
         kMid,
         {},
         QStringLiteral("zed")},
        {"below_increment under 5 %",
         {},
         leaderAt("bid 1"),
         bidText("bid 1.049999999"),
         kMid,
         QStringLiteral("below_increment"),
         QStringLiteral("alice")},
        {"absolute minimum beats 5 % on small leaders",
         {},
         leaderAt("bid 0.01"),
         bidText("bid 0.0105"),
         kMid,
         QStringLiteral("below_increment"),
         QStringLiteral("alice")},
        {"absolute minimum met",
         {},
         leaderAt("bid 0.01"),
         bidText("bid 0.011"),
         kMid,
         {},
         QStringLiteral("zed")},
        {"percent rounds up to the gwei",
         {},
         leaderAt("bid 0.100000001"),
         bidText("bid 0.105000001"),
         kMid,
         QStringLiteral("below_increment"),
         QStringLiteral("alice")},
        {"leader may raise their own bid",
         {},
         leaderAt("bid 1"),
         [](BidInput& b) { b = post(QStringLiteral("alice"), QStringLiteral("bid 1.05")); },
         kMid,
         {},
         QStringLiteral("alice")},
        // Ties
        {"tie posted earlier takes the lead",
         {},
         leaderAt("bid 1", kDay1Open + 10 * kMinute),
         bidText("bid 1", kDay1Open + 5 * kMinute),
         kMid,
         {},
         QStringLiteral("zed")},
        {"tie posted later is below the increment",
         {},
         leaderAt("bid 1", kDay1Open + 5 * kMinute),
         bidText("bid 1", kDay1Open + 10 * kMinute),
         kMid,
         QStringLiteral("below_increment"),
         QStringLiteral("alice")},
        {"tie at the same instant: smaller post id wins",
         {},
         leaderAt("bid 1", kDay1Open + 5 * kMinute, "200"),
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"), kDay1Open + 5 * kMinute,
                      QStringLiteral("100"));
         },
         kMid,
         {},
         QStringLiteral("zed")},
        {"tie at the same instant: larger post id loses",
         {},
         leaderAt("bid 1", kDay1Open + 5 * kMinute, "100"),
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"), kDay1Open + 5 * kMinute,
                      QStringLiteral("99999"));
         },
         kMid,
         QStringLiteral("below_increment"),
         QStringLiteral("alice")},
        // Window and timing
        {"not_open before the window",
         {},
         {},
         bidText("bid 1"),
         kDay1Open - kMinute,
         QStringLiteral("not_open"),
         {}},
        {"not_open: posted before the opening, delivered after",
         {},
         {},
         bidText("bid 1", kDay1Open - kSecond),
         kDay1Open + kSecond,
         QStringLiteral("not_open"),
         {}},
        {"closed: posted after the end",
         {},
         {},
         bidText("bid 1", kDay1Close + kSecond),
         kDay1Close + 2 * kSecond,
         QStringLiteral("closed"),
         {}},
        {"late arrival inside the grace is judged",
         {},
         {},
         bidText("bid 1", kDay1Close - kSecond),
         kDay1Close + 10 * kSecond,
         {},
         QStringLiteral("zed"),
         kDay1Close - kSecond + 5 * kMinute},
        {"late arrival after the grace is closed",
         {},
         {},
         bidText("bid 1", kDay1Close - kSecond),
         kDay1Close + 21 * kSecond,
         QStringLiteral("closed"),
         {}},
        {"future timestamp is replaced by the received time",
         {},
         {},
         bidText("bid 1", kDay1Close + kMinute),
         kDay1Close - kSecond,
         {},
         QStringLiteral("zed")},
        {"timestamp up to 5 s ahead is kept",
         {},
         {},
         bidText("bid 1", kDay1Close + 4 * kSecond),
         kDay1Close - kSecond,
         QStringLiteral("closed"),
         {}},
        // Anti-sniping
        {"bid inside the time buffer extends the end",
         {},
         {},
         bidText("bid 1", kDay1Close - 2 * kMinute),
         kDay1Close - 2 * kMinute,
         {},
         QStringLiteral("zed"),
         kDay1Close + 3 * kMinute},
        {"bid outside the time buffer keeps the end",
         {},
         {},
         bidText("bid 1", kDay1Close - 6 * kMinute),
         kDay1Close - 6 * kMinute,
         {},
         QStringLiteral("zed"),
         kDay1Close},
        {"extension cap",
         [](MarathonConfig& c) { c.maxExtensionMs = kMinute; },
         {},
         bidText("bid 1", kDay1Close - kSecond),
         kDay1Close - kSecond,
         {},
         QStringLiteral("zed"),
         kDay1Close + kMinute},
        {"rejected bid never extends",
         {},
         leaderAt("bid 1"),
         bidText("bid 1.01", kDay1Close - kSecond),
         kDay1Close - kSecond,
         QStringLiteral("below_increment"),
         QStringLiteral("alice"),
         kDay1Close},
        {"paused",
         {},
         [](EngineFixture& f) { QVERIFY(f.engine->pause(0, QStringLiteral("op")).ok); },
         bidText("bid 1"),
         kMid,
         QStringLiteral("paused"),
         {}},
        // Eligibility
        {"account_too_new",
         [](MarathonConfig& c) { c.minAccountAgeDays = 30; },
         {},
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"));
             b.accountCreatedMs = kMid - 10 * kDay;
         },
         kMid,
         QStringLiteral("account_too_new"),
         {}},
        {"account exactly old enough",
         [](MarathonConfig& c) { c.minAccountAgeDays = 30; },
         {},
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"));
             b.accountCreatedMs = kMid - 30 * kDay;
         },
         kMid,
         {},
         QStringLiteral("zed")},
        {"account_age_unknown",
         [](MarathonConfig& c) { c.minAccountAgeDays = 30; },
         {},
         bidText("bid 1"),
         kMid,
         QStringLiteral("account_age_unknown"),
         {}},
        {"blocked by id",
         [](MarathonConfig& c) { c.blocklist = {QStringLiteral("ZED")}; },
         {},
         bidText("bid 1"),
         kMid,
         QStringLiteral("blocked"),
         {}},
        {"blocked by @handle",
         [](MarathonConfig& c) { c.blocklist = {QStringLiteral("@zed")}; },
         {},
         bidText("bid 1"),
         kMid,
         QStringLiteral("blocked"),
         {}},
        {"no_linked_wallet",
         [](MarathonConfig& c) { c.requireLinkedWallet = true; },
         {},
         bidText("bid 1"),
         kMid,
         QStringLiteral("no_linked_wallet"),
         {}},
        {"linked wallet present",
         [](MarathonConfig& c) { c.requireLinkedWallet = true; },
         {},
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"));
             b.hasLinkedWallet = true;
         },
         kMid,
         {},
         QStringLiteral("zed")},
        // Grammar codes surface through the same path
        {"no_amount", {}, {}, bidText("what a piece"), kMid, QStringLiteral("no_amount"), {}},
        {"ambiguous_amount",
         {},
         {},
         bidText("bid 1 eth, no wait 2 eth"),
         kMid,
         QStringLiteral("ambiguous_amount"),
         {}},
        {"bad_number", {}, {}, bidText("0,5 eth"), kMid, QStringLiteral("bad_number"), {}},
        {"too_precise",
         {},
         {},
         bidText("0.0000000001 eth"),
         kMid,
         QStringLiteral("too_precise"),
         {}},
        {"unsupported_currency",
         {},
         {},
         bidText("$500"),
         kMid,
         QStringLiteral("unsupported_currency"),
         {}},
        // Review
        {"needs_review above K × leader",
         {},
         leaderAt("bid 0.1"),
         bidText("bid 1.000000001"),
         kMid,
         QStringLiteral("needs_review"),
         QStringLiteral("alice")},
        {"exactly K × leader is judged",
         {},
         leaderAt("bid 0.1"),
         bidText("bid 1"),
         kMid,
         {},
         QStringLiteral("zed")},
        {"needs_review above the ceiling",
         [](MarathonConfig& c) { c.reviewCeiling = eth("5"); },
         {},
         bidText("bid 6"),
         kMid,
         QStringLiteral("needs_review"),
         {}},
        // Thread rules apply to posts from X
        {"not_in_thread",
         {},
         [](EngineFixture& f) { QVERIFY(f.engine->setThreadId(0, QStringLiteral("123"), {}).ok); },
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"));
             b.source = QStringLiteral("x");
             b.threadId = QStringLiteral("999");
         },
         kMid,
         QStringLiteral("not_in_thread"),
         {}},
        {"missing_hashtag",
         [](MarathonConfig& c) { c.hashtag = QStringLiteral("#SothebAIs"); },
         {},
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QStringLiteral("bid 1"));
             b.source = QStringLiteral("x");
         },
         kMid,
         QStringLiteral("missing_hashtag"),
         {}},
        {"full-width hashtag counts after NFKC",
         [](MarathonConfig& c) { c.hashtag = QStringLiteral("#SothebAIs"); },
         {},
         [](BidInput& b) {
             b = post(QStringLiteral("zed"), QString::fromUtf8("bid 1 \xEF\xBC\x83sothebais"));
             b.source = QStringLiteral("x");
         },
         kMid,
         {},
         QStringLiteral("zed")},
    };
    return table;
}

} // namespace

class TestBidRules : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void duplicateIsIgnoredNotRejudged();
    void minimumNextBidFollowsTheLeader();
};

void TestBidRules::rules_data()
{
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name) << int(i);
}

void TestBidRules::rules()
{
    QFETCH(int, row);
    const RuleCase& c = cases()[std::size_t(row)];
    MarathonConfig config = simpleConfig();
    if (c.configure)
        c.configure(config);
    EngineFixture f(config);
    f.at(kDay1Open);
    if (c.before)
        c.before(f);
    f.clock.setNow(c.nowMs);
    BidInput input;
    c.bid(input);
    const BidOutcome outcome = f.engine->submitBid(input);

    const QString code = outcome.rejection ? rejectionCodeName(outcome.rejection->code) : QString();
    QCOMPARE(code, c.expectedCode);
    if (c.expectedCode.isEmpty()) {
        QCOMPARE(outcome.kind, BidOutcome::Kind::Accepted);
    } else if (c.expectedCode == QLatin1String("needs_review")) {
        QCOMPARE(outcome.kind, BidOutcome::Kind::PendingReview);
    } else {
        QCOMPARE(outcome.kind, BidOutcome::Kind::Rejected);
        QVERIFY2(!outcome.rejection->message.isEmpty(), "a rejection must say why in words");
    }
    QCOMPARE(f.leaderName(), c.expectedLeader);
    if (c.expectedEndMs)
        QCOMPARE(f.engine->auctions()[0].endUtcMs, c.expectedEndMs);

    // The verdict is durable and journaled exactly as reported.
    const auto stored = f.store->bidBySource(input.source, input.sourceId).value();
    QVERIFY(stored);
    QCOMPARE(stored->rejection ? rejectionCodeName(stored->rejection->code) : QString(), code);
}

void TestBidRules::duplicateIsIgnoredNotRejudged()
{
    EngineFixture f;
    f.at(kDay1Open);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"), 0, QStringLiteral("42")).kind,
             BidOutcome::Kind::Accepted);
    const std::int64_t seqBefore = f.engine->lastSeq();
    // Same post again (a poller seeing it twice), even with different text: ignored.
    const BidOutcome again =
        f.bid(QStringLiteral("alice"), QStringLiteral("bid 5"), 0, QStringLiteral("42"));
    QCOMPARE(again.kind, BidOutcome::Kind::Duplicate);
    QCOMPARE(rejectionCodeName(again.rejection->code), QStringLiteral("duplicate"));
    QCOMPARE(f.engine->lastSeq(), seqBefore);
    QCOMPARE(f.engine->leaderBid(0)->amount, eth("1"));
    QCOMPARE(f.store->bidCount().value(), 1);
    // Within one group-commit batch too.
    BidInput a;
    a.source = QStringLiteral("test");
    a.sourceId = QStringLiteral("77");
    a.bidderId = QStringLiteral("bob");
    a.text = QStringLiteral("bid 2");
    const QList<BidOutcome> batch = f.engine->submitBids({a, a});
    QCOMPARE(batch[0].kind, BidOutcome::Kind::Accepted);
    QCOMPARE(batch[1].kind, BidOutcome::Kind::Duplicate);
}

void TestBidRules::minimumNextBidFollowsTheLeader()
{
    EngineFixture f;
    f.at(kDay1Open);
    QCOMPARE(f.engine->minimumNextBid(0), eth("0.01"));
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 2"));
    QCOMPARE(f.engine->minimumNextBid(0), eth("2.1"));
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 0.01")); // rejected: nothing changes
    QCOMPARE(f.engine->minimumNextBid(0), eth("2.1"));
}

QTEST_GUILESS_MAIN(TestBidRules)
#include "tst_bidrules.moc"
