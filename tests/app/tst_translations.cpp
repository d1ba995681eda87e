// Spanish ships complete: every message of translations/sothebais_es.ts is translated and keeps its
// source's placeholders and accelerator, the .qm embedded in sb_app under :/i18n is the one built
// from that .ts, and the studio's own strings come out in Spanish once it is loaded the way
// main.cpp loads it.

#include "StudioSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString type; // "unfinished", "vanished", "obsolete", or empty when translated
    bool numerus = false;
    QStringList translations; // one, or one per plural form
};

// Reads the .ts the way lrelease does, keeping what the checks below need.
std::vector<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"Cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    std::vector<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            while (xml.readNextStartElement()) {
                if (xml.name() == "source"_L1) {
                    message.source = xml.readElementText();
                } else if (xml.name() == "comment"_L1) {
                    message.comment = xml.readElementText();
                } else if (xml.name() == "translation"_L1) {
                    message.type = xml.attributes().value("type"_L1).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement())
                            message.translations << xml.readElementText();
                    } else {
                        message.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(message);
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// %1..%99, %L1 and %n, sorted: the translation must fill in the same values as the source.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression placeholder(u"%(?:L?[0-9]{1,2}|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch& match : placeholder.globalMatch(text))
        found << match.captured();
    found.sort();
    return found;
}

int accelerators(const QString& text)
{
    static const QRegularExpression accelerator(u"&[^&\\s]"_s);
    return int(text.count(accelerator));
}

QString describe(const TsMessage& message)
{
    return u"%1: \"%2\""_s.arg(message.context, message.source);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        m_messages = readTs(QStringLiteral(SB_TS_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_messages.size() > 500, "the .ts holds far fewer messages than the studio has");
    }

    void everyMessageIsTranslated()
    {
        QStringList problems;
        for (const TsMessage& m : m_messages) {
            if (!m.type.isEmpty())
                problems << u"%1 is %2"_s.arg(describe(m), m.type);
            else if (m.translations.isEmpty() || m.translations.contains(QString()))
                problems << u"%1 has an empty translation"_s.arg(describe(m));
            else if (m.numerus && m.translations.size() != 2)
                problems << u"%1 needs the 2 Spanish plural forms, not %2"_s.arg(describe(m))
                                .arg(m.translations.size());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void translationsKeepPlaceholdersAndAccelerators()
    {
        QStringList problems;
        for (const TsMessage& m : m_messages) {
            for (const QString& translation : m.translations) {
                if (placeholders(translation) != placeholders(m.source))
                    problems << u"%1 → \"%2\" changes the placeholders"_s.arg(describe(m),
                                                                              translation);
                if (accelerators(translation) != accelerators(m.source))
                    problems << u"%1 → \"%2\" changes the accelerator"_s.arg(describe(m),
                                                                             translation);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Loaded as main.cpp does it; English has no .qm, so its source strings are shown.
    void spanishLoadsFromResources()
    {
        QTranslator spanish;
        QVERIFY(spanish.load(QLocale(u"es"_s), u"sothebais"_s, u"_"_s, u":/i18n"_s));
        QCOMPARE(spanish.language(), u"es_ES"_s);
        QTranslator english;
        QVERIFY(!english.load(QLocale(u"en"_s), u"sothebais"_s, u"_"_s, u":/i18n"_s));
    }

    // The embedded .qm was built from this .ts: no message translated in one and not the other.
    void embeddedQmMatchesTheTs()
    {
        QTranslator spanish;
        QVERIFY(spanish.load(u"sothebais_es"_s, u":/i18n"_s));
        QStringList stale;
        for (const TsMessage& m : m_messages) {
            const QByteArray context = m.context.toUtf8();
            const QByteArray source = m.source.toUtf8();
            const QByteArray comment = m.comment.toUtf8();
            for (int form = 0; form < m.translations.size(); ++form) {
                const int n = m.numerus ? form + 1 : -1; // Spanish: 1 is singular, 2 plural
                const QString got =
                    spanish.translate(context.constData(), source.constData(),
                                      comment.isEmpty() ? nullptr : comment.constData(), n);
                if (got != m.translations.at(form))
                    stale << u"%1 → \"%2\""_s.arg(describe(m), got);
            }
        }
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(u'\n')));
    }

    void studioStringsComeOutInSpanish_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("spanish");
        QTest::newRow("menu") << u"sb::app::MainWindow"_s << u"&File"_s << -1 << u"&Archivo"_s;
        QTest::newRow("go live") << u"sb::app::MainWindow"_s << u"Start Streaming"_s << -1
                                 << u"Iniciar transmisión"_s;
        QTest::newRow("manual bid")
            << u"sb::app::AuctionDock"_s << u"Submit bid"_s << -1 << u"Enviar puja"_s;
        QTest::newRow("one minute") << u"sb::app::AuctionDock"_s << u"Extended by %n minute(s)."_s
                                    << 1 << u"Prolongada 1 minuto."_s;
        QTest::newRow("minutes") << u"sb::app::AuctionDock"_s << u"Extended by %n minute(s)."_s << 5
                                 << u"Prolongada 5 minutos."_s;
        QTest::newRow("auction bar")
            << u"sb::studio::AuctionBarOverlay"_s << u"Current bid"_s << -1 << u"Puja actual"_s;
        QTest::newRow("hotkey action")
            << u"sb::studio::StudioSettings"_s << u"Start or stop streaming"_s << -1
            << u"Iniciar o detener la transmisión"_s;
        QTest::newRow("rejection") << u"BidRejection"_s << u"The auction is paused."_s << -1
                                   << u"La subasta está en pausa."_s;
        QTest::newRow("keychain") << u"sb::integrations::SecretStore"_s
                                  << u"Access to the keychain was refused."_s << -1
                                  << u"Se denegó el acceso al llavero del sistema."_s;
    }

    void studioStringsComeOutInSpanish()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, spanish);
        QTranslator translator;
        QVERIFY(translator.load(QLocale(u"es"_s), u"sothebais"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QByteArray contextUtf8 = context.toUtf8();
        const QByteArray sourceUtf8 = source.toUtf8();
        const QString got = QCoreApplication::translate(contextUtf8.constData(),
                                                        sourceUtf8.constData(), nullptr, n);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(got, spanish);
        QCOMPARE(QCoreApplication::translate(contextUtf8.constData(), sourceUtf8.constData(),
                                             nullptr, n),
                 QString(source).replace(u"%n"_s, QString::number(n)));
    }

    void settingsOfferSpanish()
    {
        const QStringList languages = sb::studio::StudioSettings::languages();
        QVERIFY(languages.contains(u"es"_s));
        QVERIFY(languages.contains(u"en"_s));
    }

private:
    std::vector<TsMessage> m_messages;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
