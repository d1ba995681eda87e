// The host's persona: ElizaOS character files in the current and the legacy shape, a broken file
// refused with the key named (the persona in use stays), duplicate keys, files that are not
// regular files or too large refused without waiting on them, and the shipped one.

#include "HostLine.h"
#include "LineFilter.h"
#include "Persona.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sb::studio;
using namespace Qt::StringLiterals;

class TestPersona : public QObject
{
    Q_OBJECT

private slots:
    void currentShape();
    void legacyShape();
    void templatesAreOneStringPerKey();
    void brokenFilesNameTheKey_data();
    void brokenFilesNameTheKey();
    void duplicateKeyRefused();
    void failedLoadKeepsThePersona();
    void onlyARegularFileOfAFewKbIsRead_data();
    void onlyARegularFileOfAFewKbIsRead();
    void shippedPersonaLoadsWithLinesForEveryKind();
};

void TestPersona::currentShape()
{
    const QByteArray json = R"({
        "name": "Test Host", "bio": "One bio line.", "system": "Be brief.",
        "adjectives": ["dry"], "topics": ["art"],
        "style": {"all": ["short"], "chat": "kind", "post": ["tidy"]},
        "messageExamples": [[{"name": "{{user1}}", "content": {"text": "hi"}},
                             {"name": "Test Host", "content": {"text": "hello"}}]],
        "postExamples": ["Sold!"],
        "templates": {"line.winner": "Sold to {bidder}!\nGone, to {bidder}!"}
    })";
    const auto persona = Persona::fromJson(json);
    QVERIFY2(persona.ok(), qPrintable(persona.error()));
    QCOMPARE(persona->name, QStringLiteral("Test Host"));
    QCOMPARE(persona->bio, QStringList{QStringLiteral("One bio line.")});
    QCOMPARE(persona->system, QStringLiteral("Be brief."));
    QCOMPARE(persona->styleChat, QStringList{QStringLiteral("kind")});
    QCOMPARE(persona->messageExamples.size(), 1);
    QCOMPARE(persona->messageExamples[0][1], (PersonaMessage{u"Test Host"_s, u"hello"_s}));
    QCOMPARE(persona->postExamples, QStringList{QStringLiteral("Sold!")});
    QCOMPARE(persona->templateLines(QStringLiteral("line.winner")).size(), 2);
}

void TestPersona::legacyShape()
{
    const QByteArray json = R"({
        "name": "Old Host", "bio": ["First.", "Second."], "lore": ["Once upon a time."],
        "messageExamples": [[{"user": "{{user1}}", "content": {"text": "hey"}},
                             {"user": "Old Host", "content": {"text": "welcome"}}]]
    })";
    const auto persona = Persona::fromJson(json);
    QVERIFY2(persona.ok(), qPrintable(persona.error()));
    QCOMPARE(persona->bio, (QStringList{u"First."_s, u"Second."_s, u"Once upon a time."_s}));
    QCOMPARE(persona->messageExamples[0][0], (PersonaMessage{u"{{user1}}"_s, u"hey"_s}));
    QCOMPARE(persona->messageExamples[0][1].speaker, QStringLiteral("Old Host"));
}

void TestPersona::templatesAreOneStringPerKey()
{
    const auto persona = Persona::fromJson(
        R"({"name": "H", "bio": "b", "templates": {"line.idle": "  a  \n\n b \n"}})");
    QVERIFY(persona.ok());
    QCOMPARE(persona->templateLines(QStringLiteral("line.idle")), (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(persona->templateLines(QStringLiteral("line.winner")).isEmpty());
}

void TestPersona::brokenFilesNameTheKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("named");
    QTest::newRow("no name") << QByteArray(R"({"bio": "b"})") << u"\"name\""_s;
    QTest::newRow("no bio") << QByteArray(R"({"name": "H"})") << u"\"bio\""_s;
    QTest::newRow("bio number") << QByteArray(R"({"name": "H", "bio": 3})") << u"\"bio\""_s;
    QTest::newRow("lore item") << QByteArray(R"({"name": "H", "bio": "b", "lore": ["x", 1]})")
                               << u"\"lore[1]\""_s;
    QTest::newRow("style") << QByteArray(R"({"name": "H", "bio": "b", "style": {"chat": 2}})")
                           << u"\"style.chat\""_s;
    QTest::newRow("template list")
        << QByteArray(R"({"name": "H", "bio": "b", "templates": {"line.idle": ["a", "b"]}})")
        << u"\"templates.line.idle\""_s;
    QTest::newRow("example text")
        << QByteArray(R"({"name": "H", "bio": "b", "messageExamples": [[{"name": "u",
                         "content": {"txt": "x"}}]]})")
        << u"\"messageExamples[0][0].content.text\""_s;
    QTest::newRow("example speaker")
        << QByteArray(R"({"name": "H", "bio": "b", "messageExamples": [[{"content": {}}]]})")
        << u"\"messageExamples[0][0]\""_s;
    QTest::newRow("not json") << QByteArray("{\"name\": ") << u"not valid JSON"_s;
}

void TestPersona::brokenFilesNameTheKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, named);
    const auto persona = Persona::fromJson(json);
    QVERIFY(!persona.ok());
    QVERIFY2(persona.error().contains(named), qPrintable(persona.error()));
}

void TestPersona::duplicateKeyRefused()
{
    const auto persona = Persona::fromJson(
        "{\"name\": \"H\", \"bio\": \"b\",\n \"templates\": {\"line.idle\": \"a\",\n"
        " \"line.idle\": \"b\"}}");
    QVERIFY(!persona.ok());
    QVERIFY2(persona.error().contains(QStringLiteral("\"templates.line.idle\" twice")),
             qPrintable(persona.error()));
    QVERIFY2(persona.error().contains(QStringLiteral("line 3")), qPrintable(persona.error()));
}

void TestPersona::failedLoadKeepsThePersona()
{
    PersonaHolder holder;
    const Persona shipped = holder.persona();
    const auto bad = holder.load(R"({"name": "H", "bio": 7})");
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().contains(QStringLiteral("\"bio\"")));
    QCOMPARE(holder.persona(), shipped);
    QVERIFY(holder.load(R"({"name": "New", "bio": "b"})").ok());
    QCOMPARE(holder.persona().name, QStringLiteral("New"));
}

void TestPersona::shippedPersonaLoadsWithLinesForEveryKind()
{
    const Persona persona = Persona::builtIn();
    QVERIFY(!persona.name.isEmpty());
    QVERIFY(persona.bio.size() >= 3); // bio and lore
    const LineFilter filter;
    for (int k = int(HostLineKind::WindowOpen); k < int(HostLineKind::Operator); ++k) {
        const QString key = QStringLiteral("line.") + lineKindKey(HostLineKind(k));
        const QStringList lines = persona.templateLines(key);
        QVERIFY2(lines.size() >= 3, qPrintable(key));
        for (const QString& line : lines)
            QVERIFY2(filter.allows(line), qPrintable(line));
    }
}

void TestPersona::onlyARegularFileOfAFewKbIsRead_data()
{
    // A FIFO nobody writes to used to block the caller forever (the Settings dialog's GUI thread,
    // or headless at its start); /dev/zero never ended.
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says");
    QTest::newRow("a FIFO") << u"{dir}/persona.fifo"_s << u"FIFO"_s;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << u"a device"_s;
    QTest::newRow("a folder") << u"{dir}"_s << u"a folder"_s;
    QTest::newRow("two megabytes") << u"{dir}/big.json"_s << u"at most"_s;
}

void TestPersona::onlyARegularFileOfAFewKbIsRead()
{
    QFETCH(QString, path);
    QFETCH(QString, says);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    path.replace(u"{dir}"_s, dir.path());
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"persona.fifo"_s)).constData(), 0600), 0);
    {
        QFile big(dir.filePath(u"big.json"_s));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(R"({"name": "Big", "bio": ")" + QByteArray(2 * 1024 * 1024, 'a') + R"("})");
    }
    const auto persona = Persona::fromFile(path);
    QVERIFY(!persona.ok());
    QVERIFY2(persona.error().contains(says), qPrintable(persona.error()));
    QVERIFY2(persona.error().contains(path), qPrintable(persona.error()));
}

QTEST_GUILESS_MAIN(TestPersona)
#include "tst_persona.moc"
