// The optional LLM in the show as the window and headless run it: Settings → Host applied to the
// ShowScene (ShowScene::applyHostSettings) sends the director's lines through the LLM, here the
// tests' OpenAI-compatible server. What the LLM says is her caption and her journaled line; a
// reply with a blocked word never is — the template line is, and the dock's words say why.

#include "FakeLlmServer.h"
#include "HostOverlay.h"
#include "LineComposer.h"
#include "LineDirector.h"
#include "SecretStore.h"
#include "SessionFixture.h"
#include "ShowScene.h"

#include <QDir>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;

class TestShowLlm : public QObject
{
    Q_OBJECT

private slots:
    void theShowSaysTheLlmsLineOrTheTemplate();
};

void TestShowLlm::theShowSaysTheLlmsLineOrTheTemplate()
{
    FakeLlmServer server;
    QVERIFY(server.listen());
    FakeLlmServer::Reply reply;
    reply.deltas = {QStringLiteral("The doors are open, "), QStringLiteral("bring your bids!")};
    server.setReply(reply);

    SessionFixture f;
    ShowScene show(*f.session, false, QDir::temp());
    show.lines().setSeed(7);
    // The tests' own keychain entries; whether a keychain answers or not, the LLM needs no key.
    sb::integrations::SecretStore secrets(QStringLiteral("SothebAIs Studio tests"));
    secrets.setTimeoutMs(2'000);
    HostSettings settings;
    settings.llmBaseUrl = server.baseUrl();
    settings.llmModel = QStringLiteral("tiny-test-model");
    settings.blockedWords = {QStringLiteral("grotesque")};
    QCOMPARE(show.applyHostSettings(settings, &secrets), QStringList());
    QVERIFY(waitUntil([&] { return show.composer().llmConfigured(); }));

    QStringList said;
    connect(&show.composer(), &LineComposer::lineReady, this,
            [&said](const HostLine& line) { said.append(line.text); });
    // The window opens: the LLM's line is her caption.
    f.at(kDay1Open);
    show.tick();
    QVERIFY(waitUntil([&] { return !said.isEmpty(); }));
    QCOMPARE(said.first(), QStringLiteral("The doors are open, bring your bids!"));
    QCOMPARE(show.host().caption().text(), said.first());
    QCOMPARE(show.composer().lastLlmResult(), QStringLiteral("LLM line used"));

    // A bid, and a reply with a blocked word (in leetspeak): the template line, not a word of it.
    reply.deltas = {QStringLiteral("vault_vera bids a gr0t3squ3 0.5 ETH")};
    server.setReply(reply);
    BidInput bid;
    bid.source = QStringLiteral("x");
    bid.sourceId = QStringLiteral("901");
    bid.bidderId = QStringLiteral("67");
    bid.bidderName = QStringLiteral("vault_vera");
    bid.text = QStringLiteral("bid 0.5 ETH");
    QCOMPARE(f.onEngine([&](AuctionEngine& e) { return e.submitBid(bid); }).kind,
             BidOutcome::Kind::Accepted);
    f.clock.advance(5'000); // past the gap between lines
    QVERIFY(waitUntil([&] {
        show.tick();
        return said.size() >= 2;
    }));
    const QString line = said.last();
    QVERIFY2(line.contains(QLatin1String("0.5 ETH")), qPrintable(line));
    QVERIFY2(!line.contains(QLatin1String("squ")), qPrintable(line));
    QCOMPARE(show.host().caption().text(), line);
    QVERIFY2(show.composer().lastLlmResult().contains(QLatin1String("blocked")),
             qPrintable(show.composer().lastLlmResult()));

    // Both are journaled as said.
    QVERIFY(waitUntil([&] { return f.eventsOfType(EventType::HostLine).size() == said.size(); }));
    const QList<AuctionEvent> journaled = f.eventsOfType(EventType::HostLine);
    for (qsizetype i = 0; i < said.size(); ++i)
        QCOMPARE(journaled.at(i).payload.value(QStringLiteral("text")).toString(), said.at(i));
}

QTEST_MAIN(TestShowLlm)
#include "tst_showllm.moc"
