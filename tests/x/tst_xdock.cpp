// The X dock as an operator uses it: Sign in opens the browser at X's authorize page and the
// dock turns to "Signed in as @…" once X answered; pasting the auction's post sets the thread
// whose replies are bids; each source's row shows what it read; the outbox lists the studio's
// posts (a failed one can be tried again); Sign out forgets the account.
// Against FakeXServer on loopback, with the marathon session on its own thread and a real Secret
// Service (keyring-test.sh).

#include "FakeXServer.h"
#include "HttpClient.h"
#include "KeychainCheck.h"
#include "SessionFixture.h"
#include "XConnection.h"
#include "XDock.h"
#include "XOutboxView.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::app::XDock;
using sb::app::XOutboxView;
using sb::test::FakeXServer;

class TestXDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signInSetThePostAndWatchTheBidsComeIn();
};

void TestXDock::initTestCase()
{
    SB_REQUIRE_KEYCHAIN();
}

void TestXDock::signInSetThePostAndWatchTheBidsComeIn()
{
    SessionFixture f;
    FakeXServer server;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int port = probe.serverPort();
    probe.close();
    server.redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(port);
    server.now = [&f] { return f.clock.nowUtcMs(); };
    QVERIFY(server.start());

    XSettings settings;
    settings.clientId = server.clientId;
    settings.callbackPort = port;
    settings.apiBaseUrl = server.baseUrl();
    settings.authorizeUrl = server.baseUrl() + QStringLiteral("/i/oauth2/authorize");
    SecretStore keychain(QStringLiteral("SothebAIs Studio tests ") +
                         QUuid::createUuid().toString(QUuid::WithoutBraces));
    XConnection x(*f.session, settings, &keychain);
    XDock dock;
    QUrl opened;
    dock.setBrowserOpener([&](const QUrl& url) { opened = url; });
    dock.setConnection(&x, f.session.get());
    dock.show();
    x.start();
    QTRY_VERIFY(dock.accountLabel()->text().startsWith(QLatin1String("Not signed in")));
    QVERIFY(dock.signInButton()->isEnabled());
    QVERIFY(!dock.signOutButton()->isEnabled());
    QCOMPARE(dock.clientIdEdit()->text(), server.clientId);

    // Sign in: the browser opens at X, which sends it back to the studio's listener.
    dock.signInButton()->click();
    QVERIFY(opened.toString().startsWith(server.baseUrl() + QStringLiteral("/i/oauth2/authorize")));
    QCOMPARE(dock.accountLabel()->text(), QStringLiteral("Waiting for X…"));
    HttpClient browser;
    std::optional<HttpResponse> consent;
    HttpRequest visit;
    visit.url = opened.toString(QUrl::FullyEncoded);
    browser.send(visit, nullptr, [&](const HttpResponse& r) { consent = r; });
    QTRY_VERIFY(consent.has_value());
    QCOMPARE(consent->status, 302);
    std::optional<HttpResponse> back;
    visit.url = QString::fromLatin1(consent->header("location"));
    browser.send(visit, nullptr, [&](const HttpResponse& r) { back = r; });
    QTRY_COMPARE(dock.accountLabel()->text(),
                 QStringLiteral("Signed in as @sothebais (account %1)").arg(server.accountId));
    QVERIFY(dock.signOutButton()->isEnabled());

    // The auction opens and the studio posts it; X refuses the first try. The outbox shows the
    // reason, and the operator tries again.
    server.addFaults(FakeXServer::Endpoint::Create, {FakeXServer::Fault::Forbidden403});
    f.at(kDay1Open + kMinute);
    XOutboxView* outbox = dock.outboxView();
    QTRY_VERIFY(outbox->items().size() == 1 &&
                outbox->items().first().state == OutboxState::Failed);
    QCOMPARE(outbox->table()->item(0, 0)->text(), QStringLiteral("open"));
    QVERIFY(outbox->table()->item(0, 3)->text().contains(QLatin1String("403")));
    QVERIFY(!outbox->retryButton()->isEnabled());
    outbox->table()->selectRow(0);
    QVERIFY(outbox->retryButton()->isEnabled());
    QVERIFY(outbox->skipButton()->isEnabled());
    outbox->retryButton()->click();
    QTRY_VERIFY(outbox->items().size() == 1 &&
                outbox->items().first().state == OutboxState::Sent);
    QCOMPARE(server.created().size(), 1);
    QCOMPARE(outbox->table()->item(0, 3)->text(),
             QStringLiteral("https://x.com/i/web/status/") + server.created().first().id);
    QCOMPARE(f.session->view().auctions.at(0).threadId, server.created().first().id);

    // The operator pastes another post as the auction's; a reply to it is a bid.
    const QString thread = QStringLiteral("1850000000000000000");
    dock.postEdit()->setText(QStringLiteral("https://x.com/sothebais/status/%1?s=20").arg(thread));
    dock.setPostButton()->click();
    QTRY_COMPARE(f.session->view().auctions.at(0).threadId, thread);
    QVERIFY(dock.resultLabel()->text().contains(thread));
    server.addUser({QStringLiteral("501"), QStringLiteral("alice"), utcMs(2020, 1, 1, 0)});
    FakeXServer::Post reply;
    reply.conversationId = thread;
    reply.authorId = QStringLiteral("501");
    reply.text = QStringLiteral("@sothebais bid 0.5 ETH");
    reply.createdMs = kDay1Open + 30 * kSecond;
    server.addPost(reply);
    QTRY_COMPARE_WITH_TIMEOUT(f.leaderName(), QStringLiteral("@alice"), 30000); // the next poll
    QTableWidget* sources = dock.sourcesTable();
    QCOMPARE(sources->rowCount(), 2);
    QTRY_VERIFY(sources->item(0, 6) && sources->item(0, 6)->text().toInt() >= 1);
    QVERIFY(
        dock.findChild<QLabel*>(QStringLiteral("xCostLabel"))->text().contains(QLatin1String("$")));
    // The verdict is answered on X and listed (the operator's post mentions no one: the reply
    // goes to the bid, whose author mentioned the account).
    QTRY_VERIFY(outbox->items().size() == 2 &&
                outbox->items().first().state == OutboxState::Sent);
    QCOMPARE(outbox->table()->item(0, 0)->text(), QStringLiteral("accepted"));
    QTRY_VERIFY2(outbox->statusLabel()->text().startsWith(QLatin1String("Sent 2 (about $0.03)")),
                 qPrintable(outbox->statusLabel()->text())); // two posts at $0.015

    // Sign out: nothing more is read, and the dock says so.
    dock.signOutButton()->click();
    QVERIFY(dock.accountLabel()->text().startsWith(QLatin1String("Not signed in")));
    QCOMPARE(sources->rowCount(), 0);
    QVERIFY(!x.intake());
    f.session->stop();
}

QTEST_MAIN(TestXDock)
#include "tst_xdock.moc"
