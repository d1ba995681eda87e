// X API v2 as the studio reads it, without the auction: pages of posts in either field spelling
// with their authors and edit histories, lookups where some posts are gone, answers that cannot be
// used (truncated, malformed, a post without an id), the rate-limit headers and problem JSON; the
// poll scheduler that never spends more than X says is left and waits out a 429; and the libcurl
// client talking real HTTP to a server on loopback, or saying why it could not.

#include "FakeXServer.h"
#include "HttpClient.h"
#include "XApi.h"
#include "XPollScheduler.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;

namespace {

HttpResponse ok(const QByteArray& body, QHash<QByteArray, QByteArray> headers = {})
{
    HttpResponse r;
    r.status = 200;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

HttpResponse status(int code, std::optional<int> remaining = {}, std::optional<qint64> resetS = {})
{
    HttpResponse r;
    r.status = code;
    if (remaining)
        r.headers.insert("x-rate-limit-remaining", QByteArray::number(*remaining));
    if (resetS)
        r.headers.insert("x-rate-limit-reset", QByteArray::number(*resetS));
    return r;
}

const QByteArray kPage =
    "{ \"data\": [ {\"id\": \"1860000000000000012\", \"text\": \"@sothebais bid 0.5"
    " ETH\", \"author_id\": \"7\", \"conversation_id\": \"1860000000000000001\","
    " \"created_at\": \"2026-03-01T12:03:04.000Z\", \"edit_history_tweet_ids\":"
    " [\"1860000000000000010\", \"1860000000000000012\"]}, {\"id\":"
    " \"1860000000000000011\", \"text\": \"gm\", \"author_id\": \"8\","
    " \"conversation_id\": \"1860000000000000001\", \"created_at\":"
    " \"2026-03-01T12:02:00.000Z\", \"edit_history_tweet_ids\":"
    " [\"1860000000000000011\"]} ], \"includes\": {\"users\": [ {\"id\": \"7\","
    " \"username\": \"alice\", \"name\": \"Alice\", \"created_at\":"
    " \"2020-01-02T03:04:05.000Z\"} ]}, \"meta\": {\"newest_id\":"
    " \"1860000000000000012\", \"oldest_id\": \"1860000000000000011\","
    " \"result_count\": 2, \"next_token\": \"b26v89c19zqg8o3fo7\"} }";

// Answers as X gives them, one per case below.
const QByteArray kEmptyTimeline = "{\"meta\":{\"result_count\":0}}";
const QByteArray kLookupWithGone =
    "{ \"data\": [{\"id\": \"5\", \"text\": \"bid 1 ETH\", \"author_id\": \"7\","
    " \"edit_history_tweet_ids\": [\"5\"]}], \"errors\": [{\"value\": \"6\","
    " \"detail\": \"Could not find tweet with ids: [6].\", \"title\": \"Not Found"
    " Error\", \"resource_type\": \"tweet\", \"parameter\": \"ids\","
    " \"resource_id\": \"6\", \"type\":"
    " \"https://api.twitter.com/2/problems/resource-not-found\"}]}";
const QByteArray kTruncated = "{\"data\":[{\"id\":\"18600000";
const QByteArray kDataNotAList = "{\"data\": \"nope\"}";
const QByteArray kPostWithoutId =
    "{\"data\":[{\"id\":\"5\",\"text\":\"bid 1 ETH\"},{\"text\":\"bid 2 ETH\"}]}";
const QByteArray kNumericId = "{\"data\":[{\"id\":1860000000000000012,\"text\":\"x\"}]}";
const QByteArray kTooManyRequests = "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many"
                                    " Requests\",\"status\":429}";

} // namespace

class TestXApi : public QObject
{
    Q_OBJECT

private slots:
    void readsAPageOfPosts();
    void readsTheNewFieldSpelling();
    void aLookupSaysWhichPostsAreGone();
    void answersThatCannotBeUsedAreErrors();
    void failuresAreSaidInWords();
    void requestsAskForWhatABidNeeds();
    void schedulerNeverSpendsMoreThanIsLeft();
    void schedulerWaitsOutA429AndBacksOffAfterFailures();
    void schedulerKeepsAReserveForTheClose();
    void schedulerPagesARoundWithoutTheCadence();
    void clientTalksHttpToARealServer();
    void clientSaysWhyItGotNoAnswer();
};

void TestXApi::readsAPageOfPosts()
{
    const XPage page = XApi::parsePage(ok(kPage));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.posts.size(), 2);
    const XPost& bid = page.posts.at(0);
    QCOMPARE(bid.id, QStringLiteral("1860000000000000012"));
    QCOMPARE(bid.firstId, QStringLiteral("1860000000000000010")); // an edit keeps its first id
    QCOMPARE(bid.username, QStringLiteral("alice"));
    QCOMPARE(bid.authorId, QStringLiteral("7"));
    QCOMPARE(bid.conversationId, QStringLiteral("1860000000000000001"));
    QCOMPARE(bid.createdMs,
             QDateTime(QDate(2026, 3, 1), QTime(12, 3, 4), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(*bid.authorCreatedMs,
             QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC).toMSecsSinceEpoch());
    // An author X did not expand: no name, no age (the age rule then rejects, never guesses).
    QVERIFY(page.posts.at(1).username.isEmpty());
    QVERIFY(!page.posts.at(1).authorCreatedMs);
    QCOMPARE(page.meta.nextToken, QStringLiteral("b26v89c19zqg8o3fo7"));
    QCOMPARE(page.meta.newestId, QStringLiteral("1860000000000000012"));
    QCOMPARE(page.meta.resultCount, 2);
}

void TestXApi::readsTheNewFieldSpelling()
{
    QByteArray renamed = kPage;
    renamed.replace("edit_history_tweet_ids", "edit_history_post_ids");
    const XPage page = XApi::parsePage(ok(renamed));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.posts.at(0).firstId, QStringLiteral("1860000000000000010"));
    // An empty timeline: no data at all, only meta.
    const XPage empty = XApi::parsePage(ok(kEmptyTimeline));
    QVERIFY(empty.error.isEmpty());
    QVERIFY(empty.posts.isEmpty());
    QVERIFY(empty.meta.nextToken.isEmpty());
}

void TestXApi::aLookupSaysWhichPostsAreGone()
{
    const XPage page = XApi::parsePage(ok(kLookupWithGone));
    QVERIFY(page.error.isEmpty());
    QCOMPARE(page.posts.size(), 1);
    QCOMPARE(page.notFound, QStringList{QStringLiteral("6")});
}

void TestXApi::answersThatCannotBeUsedAreErrors()
{
    QVERIFY(!XApi::parsePage(ok(kTruncated)).error.isEmpty()); // truncated
    QVERIFY(!XApi::parsePage(ok("<html>upstream error</html>")).error.isEmpty());
    QVERIFY(!XApi::parsePage(ok(kDataNotAList)).error.isEmpty());
    // One post without an id spoils the page: nothing of it is taken (it is read again).
    const XPage noId = XApi::parsePage(ok(kPostWithoutId));
    QVERIFY(!noId.error.isEmpty());
    QVERIFY(noId.posts.isEmpty());
    // Ids are strings: a number would have lost digits on the way.
    QVERIFY(!XApi::parsePage(ok(kNumericId)).error.isEmpty());
    // Without an author (or with one given as a number) a post could be the studio's own reply:
    // the page is not taken. Nor is an id that is not decimal digits (it could not be ordered).
    for (const QByteArray& body :
         {QByteArray(R"({"data":[{"id":"5","text":"@sothebais bid 5 ETH"}]})"),
          QByteArray(R"({"data":[{"id":"5","text":"bid 5 ETH","author_id":4242}]})"),
          QByteArray(R"({"data":[{"id":"zzzz","text":"bid 5 ETH","author_id":"7"}]})"),
          QByteArray(R"({"data":[{"id":"99999999999999999999","text":"x","author_id":"7"}]})")}) {
        const XPage page = XApi::parsePage(ok(body));
        QVERIFY2(!page.error.isEmpty(), body.constData());
        QVERIFY(page.posts.isEmpty());
    }
}

void TestXApi::failuresAreSaidInWords()
{
    HttpResponse limited = status(429);
    limited.body = kTooManyRequests;
    QCOMPARE(XApi::describeFailure(limited), QStringLiteral("X answered 429: Too Many Requests"));
    HttpResponse unreachable;
    unreachable.error = QStringLiteral("the connection was refused");
    QCOMPARE(XApi::describeFailure(unreachable),
             QStringLiteral("X could not be reached: the connection was refused."));
    QCOMPARE(XApi::describeFailure(status(502)), QStringLiteral("X answered 502."));
    const XRateLimit limit = XRateLimit::fromHeaders(status(200, 17, 1'772'000'000));
    QCOMPARE(*limit.remaining, 17);
    QCOMPARE(*limit.resetUtcS, 1'772'000'000);
    QVERIFY(!limit.limit);
    // Broken or lying headers are not read: a reset past 2100 (whose milliseconds would not fit
    // in 64 bits), a negative count.
    const XRateLimit broken =
        XRateLimit::fromHeaders(status(200, -2'147'483'647 - 1, 9'223'372'036'854'775'807));
    QVERIFY(!broken.remaining);
    QVERIFY(!broken.resetUtcS);
    HttpResponse posting = status(201, 40, 1'772'000'000);
    posting.headers.insert("x-user-limit-24hour-remaining", "-5");
    posting.headers.insert("x-app-limit-24hour-remaining", "12");
    posting.headers.insert("x-app-limit-24hour-reset", "99999999999999999");
    const XRateLimit tightest = XApi::postingLimit(posting);
    QCOMPARE(*tightest.remaining, 12);
    QCOMPARE(*tightest.resetUtcS, 1'772'000'000); // the broken 24-hour reset is not taken
}

void TestXApi::requestsAskForWhatABidNeeds()
{
    const XApi api(QStringLiteral("http://127.0.0.1:9/"));
    const HttpRequest search = api.searchConversation(QStringLiteral("186"), QStringLiteral("190"),
                                                      QStringLiteral("t1"), QStringLiteral("tok"));
    QVERIFY2(search.url.startsWith(QLatin1String("http://127.0.0.1:9/2/tweets/search/recent?")),
             qPrintable(search.url));
    for (const char* part :
         {"query=conversation_id%3A186", "since_id=190", "next_token=t1", "max_results=100",
          "expansions=author_id", "user.fields=created_at%2Cusername", "edit_history_tweet_ids"})
        QVERIFY2(search.url.contains(QLatin1String(part)), part);
    QCOMPARE(search.headers.first().second, QByteArray("Bearer tok"));
    const HttpRequest mentions =
        api.mentions(QStringLiteral("4242"), {}, QStringLiteral("pg"), QStringLiteral("tok"));
    QVERIFY(mentions.url.contains(QLatin1String("/2/users/4242/mentions?")));
    QVERIFY(mentions.url.contains(QLatin1String("pagination_token=pg")));
    QVERIFY(!mentions.url.contains(QLatin1String("since_id")));
}

void TestXApi::schedulerNeverSpendsMoreThanIsLeft()
{
    XPollScheduler s(XPollCadence{1, 1, 1, 1});
    const qint64 t0 = 1'772'000'000'000;
    const qint64 resetS = t0 / 1000 + 60;
    // X says 4 are left; two go out at once: only what is left minus what is on its way.
    s.onSent(t0);
    s.onAnswer(status(200, 4, resetS), t0 + 10);
    s.onSent(t0 + 20);
    s.onSent(t0 + 21);
    s.onSent(t0 + 22);
    s.onSent(t0 + 23);
    QVERIFY(!s.mayPollNow(t0 + 30, XPhase::Grace)); // 4 in flight, 4 were left
    QCOMPARE(s.nextAllowedMs(t0 + 30, XPhase::Grace), resetS * 1000 + 1000);
    for (int i = 0; i < 4; ++i)
        s.onAnswer(status(200, 3 - i, resetS), t0 + 40);
    QCOMPARE(*s.remaining(), 0);
    QVERIFY(!s.mayPollNow(t0 + 50, XPhase::Grace));
    QVERIFY(s.waitingFor(t0 + 50).contains(QLatin1String("no requests left")));
    QVERIFY(s.mayPollNow(resetS * 1000 + 1000, XPhase::Grace)); // a new window
}

void TestXApi::schedulerWaitsOutA429AndBacksOffAfterFailures()
{
    XPollScheduler s(XPollCadence{1, 1, 1, 1});
    const qint64 t0 = 1'772'000'000'000;
    s.onSent(t0);
    s.onAnswer(status(429, 0, t0 / 1000 + 120), t0 + 5);
    QVERIFY(!s.mayPollNow(t0 + 60'000, XPhase::Closing));
    QVERIFY(s.waitingFor(t0 + 60'000).contains(QLatin1String("rate limited")));
    QVERIFY(s.mayPollNow(t0 + 121'000, XPhase::Closing));
    // A reset ten days away (a broken header) holds the source for one window, not ten days.
    XPollScheduler lied(XPollCadence{1, 1, 1, 1});
    lied.onSent(t0);
    lied.onAnswer(status(429, 0, t0 / 1000 + 10 * 86'400), t0);
    QVERIFY(!lied.mayPollNow(t0 + 14 * 60'000, XPhase::Grace));
    QVERIFY(lied.mayPollNow(t0 + 15 * 60'000 + 1000, XPhase::Grace));
    // A 429 without a reset: a whole window.
    XPollScheduler bare(XPollCadence{1, 1, 1, 1});
    bare.onSent(t0);
    bare.onAnswer(status(429), t0);
    QVERIFY(!bare.mayPollNow(t0 + 14 * 60'000, XPhase::Grace));
    // 503s and network errors: 1 s, 2 s, 4 s… then a success polls freely again.
    XPollScheduler flaky(XPollCadence{1, 1, 1, 1});
    qint64 t = t0;
    for (const qint64 expected : {1000, 2000, 4000, 8000}) {
        flaky.onSent(t);
        flaky.onAnswer(status(503), t);
        QVERIFY(!flaky.mayPollNow(t + expected - 1, XPhase::Open));
        QVERIFY(flaky.mayPollNow(t + expected, XPhase::Open));
        t += expected;
    }
    QCOMPARE(flaky.consecutiveFailures(), 4);
    flaky.onSent(t);
    flaky.onAnswer(status(200, 100, t / 1000 + 900), t);
    QCOMPARE(flaky.consecutiveFailures(), 0);
    QVERIFY(flaky.waitingFor(t).isEmpty());
}

void TestXApi::schedulerKeepsAReserveForTheClose()
{
    // 5 requests left with 10 minutes to the reset: while the auction runs they are spread and
    // the last 3 kept; in the last minutes they are all spent.
    XPollScheduler s(XPollCadence{1, 1, 1, 1});
    const qint64 t0 = 1'772'000'000'000;
    s.onSent(t0);
    s.onAnswer(status(200, 5, t0 / 1000 + 600), t0);
    const qint64 open = s.nextAllowedMs(t0, XPhase::Open);
    QVERIFY2(open >= t0 + 600'000 / 2 - 1000, qPrintable(QString::number(open - t0)));
    QVERIFY(s.mayPollNow(t0 + 1, XPhase::Closing));
    // With only the reserve left, the open auction waits for the reset; the close does not.
    s.onSent(t0 + 1);
    s.onAnswer(status(200, 3, t0 / 1000 + 600), t0 + 2);
    QVERIFY(!s.mayPollNow(t0 + 300'000, XPhase::Open));
    QVERIFY(s.mayPollNow(t0 + 10, XPhase::Grace));
}

void TestXApi::schedulerPagesARoundWithoutTheCadence()
{
    // Rounds are 5 s apart while the auction is open; the pages of one round are not: 10,000
    // replies waiting are 100 pages, read one after another within the limits.
    XPollScheduler s;
    const qint64 t0 = 1'772'000'000'000;
    s.onSent(t0);
    s.onAnswer(status(200, 400, t0 / 1000 + 900), t0 + 20);
    QVERIFY(s.mayPollNow(t0 + 30, XPhase::Open, true));
    QVERIFY(!s.mayPollNow(t0 + 30, XPhase::Open));
    s.onSent(t0 + 30, true); // the second page does not start the cadence again
    s.onAnswer(status(200, 399, t0 / 1000 + 900), t0 + 50);
    QVERIFY(s.mayPollNow(t0 + 5000, XPhase::Open));
    // A page still waits out a failure's backoff.
    s.onSent(t0 + 5000, true);
    s.onAnswer(status(503), t0 + 5010);
    QVERIFY(!s.mayPollNow(t0 + 5020, XPhase::Open, true));
}

void TestXApi::clientTalksHttpToARealServer()
{
    FakeXServer server;
    QVERIFY(server.start());
    FakeXServer::Post post;
    post.text = QStringLiteral("@sothebais bid 1 ETH");
    post.authorId = QStringLiteral("7");
    post.conversationId = QStringLiteral("1");
    post.createdMs = QDateTime::currentMSecsSinceEpoch();
    const QString kept = server.addPost(post);
    const QString gone = server.addPost(post);
    server.deletePost(gone);

    HttpClient http;
    const XApi api(server.baseUrl());
    std::optional<HttpResponse> answer;
    http.send(api.lookup({kept, gone}, server.token), nullptr,
              [&](const HttpResponse& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY2(answer->ok(), qPrintable(XApi::describeFailure(*answer)));
    QVERIFY(!answer->header("x-rate-limit-remaining").isEmpty());
    const XPage page = XApi::parsePage(*answer);
    QCOMPARE(page.posts.size(), 1);
    QCOMPARE(page.posts.first().id, kept);
    QCOMPARE(page.notFound, QStringList{gone});

    // The wrong token is refused, and the answer says so.
    answer.reset();
    http.send(api.lookup({kept}, QStringLiteral("stolen")), nullptr,
              [&](const HttpResponse& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->status, 401);

    // A context that is gone hears nothing.
    bool heard = false;
    {
        QObject context;
        http.send(api.lookup({kept}, server.token), &context,
                  [&](const HttpResponse&) { heard = true; });
    }
    QTRY_COMPARE(http.inFlight(), 0);
    QTest::qWait(50);
    QVERIFY(!heard);
}

void TestXApi::clientSaysWhyItGotNoAnswer()
{
    // A port nobody listens on (taken, then closed).
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    HttpClient http;
    std::optional<HttpResponse> answer;
    HttpRequest request;
    request.url = QStringLiteral("http://127.0.0.1:%1/2/tweets").arg(port);
    http.send(request, nullptr, [&](const HttpResponse& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->status, 0);
    QVERIFY2(answer->error.contains(QLatin1String("refused")), qPrintable(answer->error));

    // A server that accepts and never answers: the timeout, in words.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    answer.reset();
    request.url = QStringLiteral("http://127.0.0.1:%1/2/tweets").arg(silent.serverPort());
    request.timeoutMs = 300;
    http.send(request, nullptr, [&](const HttpResponse& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY2(answer->error.contains(QLatin1String("in time")), qPrintable(answer->error));

    // A server that sends far more than any answer of X: cut off, said, nothing kept.
    QTcpServer flood;
    QVERIFY(flood.listen(QHostAddress::LocalHost, 0));
    connect(&flood, &QTcpServer::newConnection, &flood, [&flood] {
        QTcpSocket* socket = flood.nextPendingConnection();
        const QByteArray body(3 * 1024 * 1024, 'x');
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) +
                      "\r\n\r\n" + body);
    });
    answer.reset();
    request.url = QStringLiteral("http://127.0.0.1:%1/2/tweets").arg(flood.serverPort());
    request.timeoutMs = 10'000;
    request.maxBodyBytes = 1024 * 1024;
    http.send(request, nullptr, [&](const HttpResponse& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY2(answer->error.contains(QLatin1String("larger than 1 MB")), qPrintable(answer->error));
    QVERIFY(answer->body.isEmpty());
    QVERIFY(!answer->ok());
}

QTEST_GUILESS_MAIN(TestXApi)
#include "tst_xapi.moc"
