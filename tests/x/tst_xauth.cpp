// Signing in to X as the studio does it: PKCE (S256) against a server that checks the verifier,
// the browser's redirect caught by the one-shot loopback listener (or pasted back on a server),
// a forged redirect refused, single-use refresh tokens rotated with the new pair in the keychain
// before it is used, a refused refresh that asks to sign in again, sign-out that revokes and
// forgets — and the token never in a log line. The keychain is a real Secret Service on a private
// D-Bus session (keyring-test.sh).

#include "FakeXServer.h"
#include "HttpClient.h"
#include "KeychainCheck.h"
#include "SecretStore.h"
#include "XAuth.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;

namespace {

QStringList g_log; // every message the studio logged during the suite

void collect(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

HttpResponse fetch(HttpClient& http, const QString& url)
{
    std::optional<HttpResponse> answer;
    HttpRequest request;
    request.url = url;
    http.send(request, nullptr, [&](const HttpResponse& r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10'000))
        return {}; // status 0: no answer
    return answer.value_or(HttpResponse());
}

} // namespace

class TestXAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void challengeIsS256();
    void signsInThroughTheBrowsersRedirect();
    void aForgedRedirectIsRefused();
    void aPastedRedirectSignsInOnAServer();
    void refreshRotatesTheSingleUseToken();
    void aRefreshByAnotherStudioIsAdopted();
    void aRefreshXCouldNotAnswerKeepsTheSignIn();
    void aTokenThatExpiresAtOnceIsNotRefreshedInALoop();
    void signOutRevokesAndForgets();
    void theTokenIsNeverLogged();

private:
    struct World
    {
        World()
        {
            server.redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(port);
            QVERIFY(server.start());
            settings.clientId = server.clientId;
            settings.callbackPort = port;
            settings.authorizeUrl = server.baseUrl() + QStringLiteral("/i/oauth2/authorize");
            settings.apiBaseUrl = server.baseUrl();
            auth = std::make_unique<XAuth>(http, keychain, settings);
        }
        // The browser: follows X's redirect to wherever it points.
        void browse(const QString& authorizeUrl)
        {
            const HttpResponse consent = fetch(http, authorizeUrl);
            QCOMPARE(consent.status, 302);
            redirect = QString::fromLatin1(consent.header("location"));
            QVERIFY(redirect.startsWith(server.redirectUri));
        }
        void signIn()
        {
            QString error;
            const QString url = auth->beginSignIn(&error);
            QVERIFY2(!url.isEmpty(), qPrintable(error));
            browse(url);
            const HttpResponse page = fetch(http, redirect);
            QCOMPARE(page.status, 200);
            QVERIFY(page.body.contains("Signed in to X"));
            QTRY_COMPARE(auth->state(), XAuth::State::SignedIn);
        }
        int port = freePort();
        FakeXServer server;
        HttpClient http;
        SecretStore keychain{QStringLiteral("SothebAIs Studio tests ") +
                             QUuid::createUuid().toString(QUuid::WithoutBraces)};
        XAuthSettings settings;
        std::unique_ptr<XAuth> auth;
        QString redirect;
    };
};

void TestXAuth::initTestCase()
{
    qInstallMessageHandler(collect);
    SB_REQUIRE_KEYCHAIN();
}

void TestXAuth::challengeIsS256()
{
    // base64url(SHA-256(verifier)) without padding, as another implementation (Python's
    // hashlib and base64.urlsafe_b64encode) computes it for the same verifier.
    const QString challenge =
        XAuth::codeChallenge(QStringLiteral("dBjftJeZ4CVP-mJ92K9qfsPkBVm4FEz1MJ6u3tDjq9w"));
    QCOMPARE(challenge, QStringLiteral("a9v6ubyKJxzwAPYQmPnbbd0LjR1stnL2CHqC1Md02pY"));
    QCOMPARE(challenge.size(), 43);
    QVERIFY(!challenge.contains(u'=') && !challenge.contains(u'+') && !challenge.contains(u'/'));
}

void TestXAuth::signsInThroughTheBrowsersRedirect()
{
    World w;
    w.auth->load();
    QTRY_COMPARE(w.auth->state(), XAuth::State::SignedOut); // nothing in the keychain yet
    w.signIn();
    QCOMPARE(w.auth->username(), w.server.accountUsername);
    QCOMPARE(w.auth->userId(), w.server.accountId);
    QCOMPARE(w.auth->accessToken(), w.server.lastIssuedAccessToken);
    QVERIFY(w.auth->expiresAtUtcMs() > QDateTime::currentMSecsSinceEpoch() + 7000'000);
    // The listener answered once and is gone: the port is free again.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, quint16(w.port)));
    again.close();

    // Kept in the keychain only: a new start of the studio is signed in from there.
    XAuth restarted(w.http, w.keychain, w.settings);
    restarted.load();
    QTRY_COMPARE(restarted.state(), XAuth::State::SignedIn);
    QCOMPARE(restarted.accessToken(), w.auth->accessToken());
    QCOMPARE(restarted.username(), w.server.accountUsername);
}

void TestXAuth::aForgedRedirectIsRefused()
{
    World w;
    QString error;
    const QString url = w.auth->beginSignIn(&error, false);
    QVERIFY(!url.isEmpty());
    w.browse(url);
    QSignalSpy failed(w.auth.get(), &XAuth::signInFailed);
    QString forged = w.redirect;
    forged.replace(QRegularExpression(QStringLiteral("state=[^&]*")),
                   QStringLiteral("state=someone-elses"));
    w.auth->completeSignIn(forged);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("state")));
    QCOMPARE(w.auth->state(), XAuth::State::SignedOut);
    QCOMPARE(w.server.tokenRequests, 0); // the code was never sent anywhere
    // The user said no at X: said so.
    w.auth->beginSignIn(&error, false);
    w.auth->completeSignIn(w.settings.redirectUri() + QStringLiteral("?error=access_denied"));
    QCOMPARE(failed.size(), 2);
    QVERIFY(failed.last().first().toString().contains(QLatin1String("access_denied")));
}

void TestXAuth::aPastedRedirectSignsInOnAServer()
{
    World w;
    QString error;
    const QString url = w.auth->beginSignIn(&error, false); // no listener: a headless server
    QVERIFY2(url.contains(QLatin1String("code_challenge_method=S256")), qPrintable(url));
    QVERIFY(url.contains(
        QLatin1String("scope=tweet.read%20tweet.write%20users.read%20offline.access")));
    w.browse(url);
    w.auth->completeSignIn(w.redirect);
    QTRY_COMPARE(w.auth->state(), XAuth::State::SignedIn);
    // The same code twice is refused by X: a sign-in is one exchange.
    QSignalSpy failed(w.auth.get(), &XAuth::signInFailed);
    w.auth->completeSignIn(w.redirect);
    QCOMPARE(failed.size(), 1);
}

void TestXAuth::refreshRotatesTheSingleUseToken()
{
    World w;
    w.signIn();
    const QString first = w.auth->accessToken();
    const QString storedBefore = w.keychain.read(QString(XAuth::kKeychainKey)).value_or(QString());
    w.auth->refresh();
    QTRY_VERIFY(w.auth->accessToken() != first);
    QCOMPARE(w.auth->accessToken(), w.server.lastIssuedAccessToken);
    // The new pair is what the keychain holds: a studio started now uses it.
    const std::optional<XTokens> stored =
        XTokens::fromJson(w.keychain.read(QString(XAuth::kKeychainKey)).value_or(QString()));
    QVERIFY(stored);
    QCOMPARE(stored->accessToken, w.auth->accessToken());
    QVERIFY(stored->refreshToken != XTokens::fromJson(storedBefore)->refreshToken);

    // A copy that still holds the old pair (a crash before the keychain was written, in a
    // design that wrote it later) finds its refresh token spent: it asks to sign in again.
    QVERIFY(w.keychain.write(QString(XAuth::kKeychainKey), storedBefore));
    XAuth stale(w.http, w.keychain, w.settings);
    stale.load();
    QTRY_COMPARE(stale.state(), XAuth::State::SignedIn);
    QSignalSpy failed(&stale, &XAuth::signInFailed);
    stale.refresh();
    QTRY_COMPARE(stale.state(), XAuth::State::SignedOut);
    QCOMPARE(w.server.refusedRefreshes, 1);
    QVERIFY(stale.signInNeeded().contains(QLatin1String("Sign in to X again")));
    QCOMPARE(failed.size(), 1);
}

void TestXAuth::aRefreshXCouldNotAnswerKeepsTheSignIn()
{
    // A 503 from X's token endpoint says nothing about the refresh token: the studio stays
    // signed in on the access token it has, and the same refresh token works the next time.
    World w;
    w.signIn();
    const QString first = w.auth->accessToken();
    QSignalSpy failed(w.auth.get(), &XAuth::signInFailed);
    w.server.tokenOutages = 1;
    const int requestsBefore = w.server.tokenRequests;
    w.auth->refresh();
    QTRY_COMPARE(w.server.tokenRequests, requestsBefore + 1);
    QTest::qWait(200); // the answer handled
    QCOMPARE(w.auth->state(), XAuth::State::SignedIn);
    QCOMPARE(w.auth->accessToken(), first);
    QCOMPARE(failed.size(), 0);
    w.auth->refresh();
    QTRY_VERIFY(w.auth->accessToken() != first);
    QCOMPARE(w.auth->state(), XAuth::State::SignedIn);
    QCOMPARE(w.server.refusedRefreshes, 0);
}

void TestXAuth::aTokenThatExpiresAtOnceIsNotRefreshedInALoop()
{
    // X (or something in its place) says the new token lives 0 s: it is refreshed once, then
    // not again for at least 30 s, not on every answer (each a keychain write).
    World w;
    w.signIn();
    w.server.accessTokenSeconds = 0;
    const QString first = w.auth->accessToken();
    const int requestsBefore = w.server.tokenRequests;
    w.auth->refresh();
    QTRY_VERIFY(w.auth->accessToken() != first);
    QTest::qWait(1500);
    QCOMPARE(w.server.tokenRequests, requestsBefore + 1);
    QCOMPARE(w.auth->state(), XAuth::State::SignedIn);
}

void TestXAuth::aRefreshByAnotherStudioIsAdopted()
{
    // The window and headless signed in on the same keychain: one refreshes first and spends the
    // single-use refresh token; the other's refresh is refused, and it takes the kept pair
    // instead of asking to sign in again.
    World w;
    w.signIn();
    XAuth other(w.http, w.keychain, w.settings);
    other.load();
    QTRY_COMPARE(other.state(), XAuth::State::SignedIn);
    const QString first = w.auth->accessToken();
    w.auth->refresh();
    QTRY_VERIFY(w.auth->accessToken() != first);
    QSignalSpy failed(&other, &XAuth::signInFailed);
    other.refresh();
    QTRY_COMPARE(other.accessToken(), w.auth->accessToken());
    QCOMPARE(other.state(), XAuth::State::SignedIn);
    QCOMPARE(w.server.refusedRefreshes, 1);
    QCOMPARE(failed.size(), 0);
}

void TestXAuth::signOutRevokesAndForgets()
{
    World w;
    w.signIn();
    const QString token = w.auth->accessToken();
    w.auth->signOut();
    QCOMPARE(w.auth->state(), XAuth::State::SignedOut);
    QVERIFY(w.auth->accessToken().isEmpty());
    // X no longer takes the token, and the keychain no longer has it.
    HttpRequest me;
    me.url = w.server.baseUrl() + QStringLiteral("/2/users/me");
    me.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
    QTRY_VERIFY([&] {
        std::optional<HttpResponse> answer;
        w.http.send(me, nullptr, [&](const HttpResponse& r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
            return false;
        return answer && answer->status == 401;
    }());
    QTRY_VERIFY(!w.keychain.read(QString(XAuth::kKeychainKey)).has_value());
}

void TestXAuth::theTokenIsNeverLogged()
{
    World w;
    w.signIn();
    w.auth->refresh();
    QTRY_COMPARE(w.auth->accessToken(), w.server.lastIssuedAccessToken);
    const QString token = w.auth->accessToken();
    for (const QString& line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(token), "an access token was logged");
        QVERIFY2(!line.contains(QLatin1String("refresh_token=")), "a refresh token was logged");
    }
}

QTEST_GUILESS_MAIN(TestXAuth)
#include "tst_xauth.moc"
