// X from a terminal, as on a server: `x login --paste` signs in (the address the browser was sent
// to pasted back), `x status` says so without ever printing a token, and `--headless --x` reads
// the replies to the auction's post as bids and prints their verdicts in the journal. The real
// binary, a server that speaks X on loopback (FakeXServer), and a real Secret Service on a private
// D-Bus session (keyring-test.sh).

#include "CliTestSupport.h"
#include "FakeXServer.h"
#include "HttpClient.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>

#include <algorithm>

using namespace sb::test;
using sb::integrations::HttpClient;
using sb::integrations::HttpRequest;
using sb::integrations::HttpResponse;

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestXHeadless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statusBeforeSigningIn();
    void signInFromATerminalThenReadBidsFromReplies();
    void aKillMidPollAndMidPostLosesAndRepeatsNothing();

private:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = operatorEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        return env;
    }
    QStringList xOptions() const
    {
        return {QStringLiteral("--client-id"),
                m_server.clientId,
                QStringLiteral("--api"),
                m_server.baseUrl(),
                QStringLiteral("--authorize-url"),
                m_server.baseUrl() + QStringLiteral("/i/oauth2/authorize"),
                QStringLiteral("--port"),
                QString::number(m_port)};
    }

    QTemporaryDir m_home;
    FakeXServer m_server;
    int m_port = freePort();
};

void TestXHeadless::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_server.redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_port);
    QVERIFY(m_server.start());
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        const QByteArray ci = qgetenv("CI").toLower();
        if (ci == "true" || ci == "1")
            QFAIL("no private Secret Service in CI: run through keyring-test.sh");
        QSKIP("no Secret Service here (run through keyring-test.sh)");
    }
}

void TestXHeadless::statusBeforeSigningIn()
{
    QProcess status;
    status.setProcessEnvironment(environment());
    status.start(studioBinary(), {QStringLiteral("x"), QStringLiteral("status")});
    QVERIFY(status.waitForFinished(kCommandMs));
    QCOMPARE(status.exitCode(), 1);
    const QJsonObject state = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
    QCOMPARE(state.value(QStringLiteral("signed_in")).toBool(true), false);
}

void TestXHeadless::signInFromATerminalThenReadBidsFromReplies()
{
    // x login --paste: the address to open is printed; the browser (here: an HTTP GET) is
    // redirected by X; that address is pasted back on stdin.
    QProcess login;
    login.setProcessEnvironment(environment());
    login.start(studioBinary(), QStringList{QStringLiteral("x"), QStringLiteral("login"),
                                            QStringLiteral("--paste")} +
                                    xOptions());
    QVERIFY(login.waitForStarted());
    QString authorizeUrl;
    QString printed;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     printed += QString::fromUtf8(login.readAllStandardOutput());
                     for (const QString& line : linesOf(printed)) {
                         if (line.startsWith(m_server.baseUrl()))
                             authorizeUrl = line;
                     }
                     return !authorizeUrl.isEmpty();
                 },
                 kCommandMs),
             qPrintable(printed));
    HttpClient http;
    std::optional<HttpResponse> consent;
    HttpRequest visit;
    visit.url = authorizeUrl;
    http.send(visit, nullptr, [&](const HttpResponse& r) { consent = r; });
    QVERIFY(QTest::qWaitFor([&] { return consent.has_value(); }, kCommandMs));
    QCOMPARE(consent->status, 302);
    login.write(consent->header("location") + '\n');
    // The event loop runs while waiting: the token exchange goes to the server in this process.
    QVERIFY(QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, kCommandMs));
    printed += QString::fromUtf8(login.readAllStandardOutput());
    const QString errors = QString::fromUtf8(login.readAllStandardError());
    QVERIFY2(login.exitCode() == 0, qPrintable(printed + errors));
    QVERIFY2(printed.contains(QLatin1String("Signed in to X as @sothebais")), qPrintable(printed));
    const QString token = m_server.lastIssuedAccessToken;
    QVERIFY(!token.isEmpty());
    QVERIFY(!printed.contains(token) && !errors.contains(token));
    // The settings were kept (x.ini), never the token.
    QFile ini(m_home.filePath(QStringLiteral("config/SothebAIs/sothebais-studio/x.ini")));
    QVERIFY2(ini.open(QIODevice::ReadOnly), qPrintable(ini.fileName()));
    const QByteArray iniText = ini.readAll();
    QVERIFY(iniText.contains(m_server.clientId.toUtf8()));
    QVERIFY(!iniText.contains(token.toUtf8()));

    QProcess status;
    status.setProcessEnvironment(environment());
    status.start(studioBinary(), QStringList{QStringLiteral("x"), QStringLiteral("status")});
    QVERIFY(status.waitForFinished(kCommandMs));
    const QByteArray statusText = status.readAllStandardOutput();
    QCOMPARE(status.exitCode(), 0);
    const QJsonObject state = QJsonDocument::fromJson(statusText).object();
    QVERIFY(state.value(QStringLiteral("signed_in")).toBool());
    QCOMPARE(state.value(QStringLiteral("username")).toString(), m_server.accountUsername);
    QVERIFY(!statusText.contains(token.toUtf8()));

    // Headless with --x: a marathon on the real clock, its first auction's post on X, replies.
    const QString thread = QStringLiteral("1850000000000000000");
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    m_server.addUser({QStringLiteral("501"), QStringLiteral("alice"), now - 400LL * 86'400'000});
    m_server.addUser({QStringLiteral("502"), QStringLiteral("bob"), now - 5LL * 86'400'000});
    FakeXServer::Post reply;
    reply.conversationId = thread;
    reply.authorId = QStringLiteral("501");
    reply.text = QStringLiteral("@sothebais bid 0.5 ETH");
    reply.createdMs = now - 2000;
    m_server.addPost(reply);
    reply.authorId = QStringLiteral("502"); // a five-day-old account: refused by the age rule
    reply.text = QStringLiteral("@sothebais bid 0.7 ETH");
    reply.createdMs = now - 1000;
    m_server.addPost(reply);

    const QString config = m_home.filePath(QStringLiteral("marathon.json"));
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(realClockConfig(QStringLiteral("X marathon")));
    }
    QProcess headless;
    headless.setProcessEnvironment(environment());
    headless.start(studioBinary(),
                   {QStringLiteral("--headless"), QStringLiteral("--db"),
                    m_home.filePath(QStringLiteral("marathon.db")), QStringLiteral("--config"),
                    config, QStringLiteral("--x"), QStringLiteral("--x-post"),
                    QStringLiteral("1=https://x.com/sothebais/status/") + thread});
    QVERIFY(headless.waitForStarted());
    QJsonObject accepted;
    QJsonObject rejected;
    QString journal;
    const bool heard = QTest::qWaitFor(
        [&] {
            journal += QString::fromUtf8(headless.readAllStandardOutput());
            for (const QString& line : linesOf(journal)) {
                const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
                const QString type = event.value(QStringLiteral("type")).toString();
                if (type == QLatin1String("bid.accepted"))
                    accepted = event.value(QStringLiteral("payload")).toObject();
                else if (type == QLatin1String("bid.rejected"))
                    rejected = event.value(QStringLiteral("payload")).toObject();
            }
            return !accepted.isEmpty() && !rejected.isEmpty();
        },
        kMarathonMs);
    const QString headlessErrors = QString::fromUtf8(headless.readAllStandardError());
    if (headless.processId() > 0) // 0 once it has ended: kill(0) would signal the test's own group
        ::kill(pid_t(headless.processId()), SIGTERM);
    QVERIFY(QTest::qWaitFor([&] { return headless.state() == QProcess::NotRunning; }, kCommandMs));
    QVERIFY2(heard, qPrintable(journal + headlessErrors));
    QCOMPARE(headless.exitCode(), 0);
    QCOMPARE(accepted.value(QStringLiteral("bidder")).toString(), QStringLiteral("@alice"));
    QCOMPARE(accepted.value(QStringLiteral("amount_gwei")).toInteger(), 500'000'000);
    QCOMPARE(rejected.value(QStringLiteral("bidder")).toString(), QStringLiteral("@bob"));
    QCOMPARE(rejected.value(QStringLiteral("code")).toString(), QStringLiteral("account_too_new"));
    QVERIFY2(headlessErrors.contains(QLatin1String("X: signed in as @sothebais")),
             qPrintable(headlessErrors));
    QVERIFY(!journal.contains(token) && !headlessErrors.contains(token));
}

// SIGKILL while a page of search is on its way and while a reply is being posted (X made the
// post; its answer never arrived), then a restart on the same marathon: every reply is judged
// once, every verdict is posted once, none is lost.
void TestXHeadless::aKillMidPollAndMidPostLosesAndRepeatsNothing()
{
    const QString thread = QStringLiteral("1860000000000000000");
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    QStringList bids;
    for (int i = 0; i < 6; ++i) {
        const QString id = QString::number(601 + i);
        m_server.addUser({id, QStringLiteral("bidder%1").arg(i), now - 400LL * 86'400'000});
        FakeXServer::Post reply;
        reply.conversationId = thread;
        reply.authorId = id;
        reply.text = QStringLiteral("@sothebais bid %1 ETH").arg(1 + i);
        reply.createdMs = now - 6000 + i * 500;
        bids.append(m_server.addPost(reply));
    }
    const int postsBefore = int(m_server.created().size());
    m_server.slowMs = 120'000; // an answer that never comes in time
    m_server.addFaults(FakeXServer::Endpoint::Create, {FakeXServer::Fault::Slow});
    m_server.addFaults(FakeXServer::Endpoint::Search, {FakeXServer::Fault::Slow});
    const int searchesBefore = m_server.requests(FakeXServer::Endpoint::Search);

    const QString config = m_home.filePath(QStringLiteral("killed.json"));
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(realClockConfig(QStringLiteral("Killed marathon")));
    }
    const QString db = m_home.filePath(QStringLiteral("killed.db"));
    const QStringList arguments{QStringLiteral("--headless"),
                                QStringLiteral("--db"),
                                db,
                                QStringLiteral("--config"),
                                config,
                                QStringLiteral("--x"),
                                QStringLiteral("--x-post"),
                                QStringLiteral("1=") + thread};
    QProcess first;
    first.setProcessEnvironment(environment());
    first.start(studioBinary(), arguments);
    QVERIFY(first.waitForStarted());
    const bool midPost = QTest::qWaitFor(
        [&] {
            return m_server.created().size() == postsBefore + 1 &&
                   m_server.requests(FakeXServer::Endpoint::Search) > searchesBefore;
        },
        kMarathonMs);
    if (first.processId() > 0) // 0 once it has ended: kill(0) would signal the test's own group
        ::kill(pid_t(first.processId()), SIGKILL);
    QVERIFY(QTest::qWaitFor([&] { return first.state() == QProcess::NotRunning; }, kCommandMs));
    QVERIFY2(midPost, qPrintable(QString::fromUtf8(first.readAllStandardError())));

    QProcess second;
    second.setProcessEnvironment(environment());
    second.start(studioBinary(), arguments);
    QVERIFY(second.waitForStarted());
    const auto repliesTo = [&](const QString& post) {
        int n = 0;
        for (const FakeXServer::Created& c : m_server.created())
            n += c.inReplyTo == post;
        return n;
    };
    const bool answered = QTest::qWaitFor(
        [&] {
            return std::all_of(bids.cbegin(), bids.cend(),
                               [&](const QString& b) { return repliesTo(b) >= 1; });
        },
        kMarathonMs);
    QTest::qWait(1000);         // a second go at anything would have gone by now
    if (second.processId() > 0) // 0 once it has ended: kill(0) would signal the test's own group
        ::kill(pid_t(second.processId()), SIGTERM);
    QVERIFY(QTest::qWaitFor([&] { return second.state() == QProcess::NotRunning; }, kCommandMs));
    QVERIFY2(answered, qPrintable(QString::fromUtf8(second.readAllStandardError())));
    for (const QString& b : bids)
        QCOMPARE(repliesTo(b), 1);
    for (const FakeXServer::Created& c : m_server.created())
        QCOMPARE(m_server.createdWithText(c.text), 1);
    QVERIFY(m_server.duplicatesRefused() >= 1); // the post made before the kill was sent again

    // Each reply was judged once: one bid per post, one verdict per post in the journal.
    {
        QSqlDatabase sql =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("killed"));
        sql.setDatabaseName(db);
        sql.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(sql.open());
        QSqlQuery q(sql);
        // (The earlier test's replies, in another thread, are read from the mentions too.)
        const QString ours = u'\'' + bids.join(QStringLiteral("','")) + u'\'';
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT source_id) FROM bids"
                                      " WHERE source='x' AND source_id IN (%1)")
                           .arg(ours)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), int(bids.size()));
        QCOMPARE(q.value(1).toInt(), int(bids.size()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE type IN"
                                      " ('bid.accepted','bid.rejected','bid.review')"
                                      " AND json_extract(payload, '$.source_id') IN (%1)")
                           .arg(ours)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), int(bids.size()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("killed"));
}

QTEST_GUILESS_MAIN(TestXHeadless)
#include "tst_xheadless.moc"
