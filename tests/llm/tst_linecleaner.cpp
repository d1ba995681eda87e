// The reply reader and the cleaning on their own: SSE split anywhere, [DONE], an error inside the
// stream, an endless line, a plain JSON answer; markup, emoji, links and other people's @handles
// out, one line within the cap at a word boundary, and the facts it must still state.

#include "ChatStreamReader.h"
#include "LineCleaner.h"

#include <QTest>

using namespace sb::integrations::llm;

namespace {

QByteArray sseEvent(const char* content)
{
    return QByteArray(R"(data: {"choices":[{"index":0,"delta":{"content":")") + content +
           "\"},\"finish_reason\":null}]}\r\n\r\n";
}

} // namespace

class TestLineCleaner : public QObject
{
    Q_OBJECT

private slots:
    void readerJoinsDeltasSplitAnywhere()
    {
        const QByteArray body =
            ": keep-alive\n\n" +
            QByteArray(R"(data: {"choices":[{"delta":{"role":"assistant"}}]})") + "\n\n" +
            sseEvent("Sold ") + sseEvent("at 0.8 ETH \xc3\xa9") + "data: [DONE]\n\n" +
            sseEvent("after the end");
        for (int step = 1; step <= 7; ++step) {
            ChatStreamReader reader(1000);
            for (qsizetype at = 0; at < body.size(); at += step)
                reader.feed(
                    QByteArrayView(body).sliced(at, std::min<qsizetype>(step, body.size() - at)));
            reader.finish();
            QCOMPARE(reader.text(), QStringLiteral("Sold at 0.8 ETH \u00e9"));
            QVERIFY(reader.done());
            QVERIFY(reader.error().isEmpty());
        }
    }

    void readerTakesALastLineWithoutNewline()
    {
        ChatStreamReader reader(1000);
        reader.feed(sseEvent("one ") + sseEvent("two").trimmed());
        QCOMPARE(reader.text(), QStringLiteral("one "));
        reader.finish();
        QCOMPARE(reader.text(), QStringLiteral("one two"));
        QVERIFY(!reader.done());
    }

    void readerStopsAtItsCaps()
    {
        ChatStreamReader reader(10, 256);
        reader.feed("data: " + QByteArray(100'000, 'x') + "\n\n"); // an endless line is dropped
        QVERIFY(reader.text().isEmpty());
        reader.feed(sseEvent("0123456789abcdef") + sseEvent("more"));
        QCOMPARE(reader.text(), QStringLiteral("0123456789"));
        QVERIFY(reader.full());
    }

    void readerReportsAnErrorInTheStream()
    {
        ChatStreamReader reader(1000);
        reader.feed(R"(data: {"error":{"message":"context length exceeded"}})"
                    "\n\n");
        reader.finish();
        QCOMPARE(reader.error(), QStringLiteral("context length exceeded"));
    }

    void readerReadsAPlainCompletion()
    {
        ChatStreamReader reader(1000);
        reader.feed("{\"choices\": [\n{\"message\": {\"role\": \"assistant\",\n"
                    "\"content\": \"Plain 0.8 ETH\"}}]}");
        reader.finish();
        QCOMPARE(reader.text(), QStringLiteral("Plain 0.8 ETH"));
    }

    void cleanLine_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("hadLink");
        QTest::newRow("plain") << QStringLiteral("vault_vera leads at 0.8 ETH!")
                               << QStringLiteral("vault_vera leads at 0.8 ETH!") << false;
        QTest::newRow("markup") << QStringLiteral("**Bold** _move_, `vault_vera`! ~~no~~ <b>hi</b>")
                                << QStringLiteral("Bold move, vault_vera! no hi") << false;
        QTest::newRow("emoji")
            << QStringLiteral("\U0001F525\uFE0F Hot \u2764\uFE0F bid \U0001F468\u200D\U0001F469")
            << QStringLiteral("Hot bid") << false;
        QTest::newRow("newlines") << QStringLiteral("\"One\nTwo\r\n\tThree\"")
                                  << QStringLiteral("One Two Three") << false;
        QTest::newRow("url") << QStringLiteral("See https://evil.example/x?y=1 now")
                             << QStringLiteral("See now") << true;
        QTest::newRow("bare domain") << QStringLiteral("Go to evil-drop.xyz, quick")
                                     << QStringLiteral("Go to, quick") << true;
        QTest::newRow("www") << QStringLiteral("www.evil.example rocks") << QStringLiteral("rocks")
                             << true;
        QTest::newRow("mentions") << QStringLiteral("@VAULT_VERA beats @elon and @someone_else!")
                                  << QStringLiteral("vault_vera beats and!") << false;
        QTest::newRow("hashtags") << QStringLiteral("Lot #3 is hot #NFT #art")
                                  << QStringLiteral("Lot 3 is hot") << false;
        QTest::newRow("accents") << QStringLiteral("Caf\u00e9 ole\u0301, se\u00f1or")
                                 << QStringLiteral("Caf\u00e9 ol\u00e9, se\u00f1or") << false;
        // Taking out a mention, a slash or a tag must not join a link back together.
        QTest::newRow("link joined by the cleaning")
            << QStringLiteral("vault_vera leads at 0.8 ETH, claim at evil .com/win")
            << QStringLiteral("vault_vera leads at 0.8 ETH, claim at win") << true;
        QTest::newRow("link joined by a removed tag")
            << QStringLiteral("Go to evil<b></b>.com now") << QStringLiteral("Go to now") << true;
        QTest::newRow("ether sign")
            << QStringLiteral("\u039e 0.8 now") << QStringLiteral("\u039e 0.8 now") << false;
    }

    void cleanLine()
    {
        QFETCH(QString, reply);
        QFETCH(QString, line);
        QFETCH(bool, hadLink);
        const CleanedLine cleaned =
            sb::integrations::llm::cleanLine(reply, QStringLiteral("vault_vera"), 160);
        QCOMPARE(cleaned.text, line);
        QCOMPARE(cleaned.hadLink, hadLink);
    }

    void cleanLineCapsAtAWordBoundary()
    {
        const QString reply = QStringLiteral("vault_vera leads at 0.8 ETH, and the room, it roars");
        QCOMPARE(sb::integrations::llm::cleanLine(reply, {}, 32).text,
                 QStringLiteral("vault_vera leads at 0.8 ETH, and"));
        QCOMPARE(sb::integrations::llm::cleanLine(reply, {}, 31).text,
                 QStringLiteral("vault_vera leads at 0.8 ETH"));
        QCOMPARE(sb::integrations::llm::cleanLine(QStringLiteral("abcdefghij"), {}, 4).text,
                 QStringLiteral("abcd"));
    }

    void factsAreStatedExactly()
    {
        QVERIFY(statesAmount(QStringLiteral("Now 0.8 ETH!"), QStringLiteral("0.8 ETH")));
        QVERIFY(!statesAmount(QStringLiteral("Now 0.80 ETH!"), QStringLiteral("0.8 ETH")));
        QVERIFY(!statesAmount(QStringLiteral("Now 0.8 eth!"), QStringLiteral("0.8 ETH")));
        // A larger amount that ends with the fact's digits is a different amount.
        QVERIFY(!statesAmount(QStringLiteral("vault_vera leads at 10.8 ETH!"),
                              QStringLiteral("0.8 ETH")));
        QVERIFY(!statesAmount(QStringLiteral("11 ETH now"), QStringLiteral("1 ETH")));
        QVERIFY(!statesAmount(QStringLiteral("1,1 ETH now"), QStringLiteral("1 ETH")));
        QVERIFY(!statesAmount(QStringLiteral("0.8 ETHER"), QStringLiteral("0.8 ETH")));
        QVERIFY(statesAmount(QStringLiteral("(1 ETH)"), QStringLiteral("1 ETH")));
        QVERIFY(statesAmount(QStringLiteral("1 ETH."), QStringLiteral("1 ETH")));
        QVERIFY(namesBidder(QStringLiteral("vault_vera leads"), QStringLiteral("vault_vera")));
        QVERIFY(!namesBidder(QStringLiteral("vault_vera2 leads"), QStringLiteral("vault_vera")));
        QVERIFY(!namesBidder(QStringLiteral("vault leads"), QStringLiteral("vault_vera")));
        QVERIFY(namesBidder(QStringLiteral("anyone"), QString()));
    }
};

QTEST_GUILESS_MAIN(TestLineCleaner)
#include "tst_linecleaner.moc"
