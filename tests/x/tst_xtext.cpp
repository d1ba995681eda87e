// The text of the studio's posts as X will take it: lengths counted as X counts them (280 ASCII
// characters fit and 281 do not, CJK and emoji count 2, a URL 23 however long), shortening that
// never goes past 280 whatever the text holds and never breaks a character, a URL or a mention,
// and templates that keep a bidder's words and third parties' names out of every post.

#include "XTemplates.h"
#include "XText.h"

#include <QTest>

using namespace sb::integrations::x;
using namespace Qt::StringLiterals;

namespace {

bool hasBrokenSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text[i + 1].isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

QString repeated(const QString& piece, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

// Long but real values: what a marathon may well have.
QHash<QString, QString> longValues()
{
    return {
        {u"day"_s, u"30"_s},
        {u"lot"_s, u"12"_s},
        {u"title"_s, u"The Quiet Hours Before the Storm, Seen From the Old Lighthouse"_s},
        {u"artist"_s, u"Anna-Maria Villanueva Sørensen"_s},
        {u"reserve"_s, u"0.01 ETH"_s},
        {u"minimum"_s, u"12.3456789 ETH"_s},
        {u"amount"_s, u"11.75813228 ETH"_s},
        {u"bidder"_s, u"abcdefghijklmno"_s},
        {u"reason"_s,
         u"The bid must be at least 12.3456789 ETH: 5 % above the leading bid of 11.75813228 ETH."_s},
        {u"end_time"_s, u"Sat, Mar 14, 9:00 PM EDT"_s},
        {u"deadline"_s, u"Mon, Mar 16, 9:00 PM EDT"_s},
        {u"minutes"_s, u"15"_s},
        {u"hashtag"_s, u"#SothebAIsMarathon2026"_s},
        {u"handle"_s, u"SothebAIsStudio"_s},
        {u"wallet"_s, u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s},
        {u"accepted_count"_s, u"1240"_s},
        {u"rejected_count"_s, u"3127"_s},
        {u"below_minimum_count"_s, u"2980"_s},
    };
}

} // namespace

class TestXText : public QObject
{
    Q_OBJECT

private slots:
    void asciiFitsAt280();
    void cjkAndEmojiCountTwo();
    void weightOneRangesCountOne();
    void urlCounts23();
    void normalizedFirst();
    void fitToLengthNeverExceeds_data();
    void fitToLengthNeverExceeds();
    void fitToLengthDropsWholeUrlsAndMentions();
    void urlsAreFoundAndRemoved();
    void onlyUsernamesAreSafe();

    void everyKindHasADefault();
    void openPostSaysHowToBid();
    void defaultsFitWithLongValues();
    void hostileBidderNeverReachesThePost();
    void valuesCannotMentionOrLink();
    void urlsRemovedUnlessAllowed();
    void validateCatchesMistakes();
    void unknownVariableStaysAndIsReported();
};

void TestXText::asciiFitsAt280()
{
    const QString fits(280, u'a');
    const QString over(281, u'a');
    QCOMPARE(weightedLength(fits), 280);
    QCOMPARE(weightedLength(over), 281);
    QVERIFY(weightedLength(fits) <= kMaxWeightedLength);
    QVERIFY(weightedLength(over) > kMaxWeightedLength);
    QCOMPARE(fitToLength(fits), fits);
    const QString cut = fitToLength(over);
    QVERIFY(cut.endsWith(u'…'));
    QVERIFY(weightedLength(cut) <= 280);
    QCOMPARE(weightedLength(cut), 280); // 278 letters and "…", which counts 2
}

void TestXText::cjkAndEmojiCountTwo()
{
    QCOMPARE(weightedLength(repeated(u"漢"_s, 140)), 280);
    QCOMPARE(weightedLength(repeated(u"漢"_s, 141)), 282);
    QCOMPARE(weightedLength(u"한"_s), 2);
    QCOMPARE(weightedLength(u"😀"_s), 2);
    QCOMPARE(weightedLength(u"👍🏽"_s), 2);               // with a skin tone
    QCOMPARE(weightedLength(u"👨\u200D👩\u200D👧\u200D👦"_s), 2); // a family: one emoji
    QCOMPARE(weightedLength(u"🇺🇸"_s), 2);                     // a flag
    QCOMPARE(weightedLength(u"1\uFE0F\u20E3"_s), 2);          // a keycap
    QCOMPARE(weightedLength(u"❤\uFE0F"_s), 2);
    QCOMPARE(weightedLength(u"bid 1 ETH 🔥🔥"_s), 10 + 2 + 2);
}

void TestXText::weightOneRangesCountOne()
{
    QCOMPARE(weightedLength(u"Ünïcödé Ελληνικά русский"_s), 24);
    QCOMPARE(weightedLength(u"—“”‘’"_s), 5);  // U+2010–U+201F
    QCOMPARE(weightedLength(u"′″"_s), 2);     // U+2032–U+2037
    QCOMPARE(weightedLength(u"…"_s), 2);      // U+2026 is outside the ranges
    QCOMPARE(weightedLength(u"\u200F"_s), 2); // a right-to-left mark too
    QCOMPARE(weightedLength(QString()), 0);
}

void TestXText::urlCounts23()
{
    const QString longUrl = u"https://example.com/"_s + QString(500, u'p');
    QCOMPARE(weightedLength(longUrl), 23);
    QCOMPARE(weightedLength(u"http://x.co"_s), 23);
    QCOMPARE(weightedLength(u"see https://x.co/a."_s), 4 + 23 + 1);
    QCOMPARE(weightedLength(u"example.com"_s), 23);
    QCOMPARE(weightedLength(u"go to www.example.jp now"_s), 6 + 23 + 4);
    QCOMPARE(weightedLength(u"t.co/abc"_s), 23);
    QCOMPARE(weightedLength(u"example.jp"_s), 10); // a country code needs a path or a subdomain
    QCOMPARE(weightedLength(u"bid 0.25 ETH, e.g. now"_s), 22);
    QCOMPARE(weightedLength(u"two https://a.example/x https://b.example/y"_s), 4 + 23 + 1 + 23);
}

void TestXText::normalizedFirst()
{
    QCOMPARE(weightedLength(u"e\u0301"_s), 1);
    QCOMPARE(fitToLength(u"cafe\u0301"_s), u"café"_s);
    QCOMPARE(weightedLength(QString(280, u'e').replace(0, 1, u"e\u0301"_s)), 280);
}

void TestXText::fitToLengthNeverExceeds_data()
{
    QTest::addColumn<QString>("text");
    const QString url = u"https://example.com/"_s + QString(300, u'u');
    QTest::newRow("long URLs") << repeated(url + u' ', 20);
    QTest::newRow("text then URLs") << QString(250, u'a') + u' ' + url + u' ' + url;
    QTest::newRow("300 emoji") << repeated(u"😀"_s, 300);
    QTest::newRow("300 families") << repeated(u"👨\u200D👩\u200D👧\u200D👦"_s, 300);
    QTest::newRow("odd emoji") << u"a"_s + repeated(u"😀"_s, 200);
    QTest::newRow("combining marks") << u"a"_s + QString(600, QChar(0x0336)) + u" tail"_s;
    QTest::newRow("many marked letters") << repeated(u"Z\u0336\u0337\u0338"_s, 200);
    QTest::newRow("RTL marks") << repeated(u"\u202Eabc\u200F\u202C "_s, 100);
    QTest::newRow("CJK") << repeated(u"漢字"_s, 200);
    QTest::newRow("mentions") << repeated(u"@abcdefghijklmno "_s, 40);
    QTest::newRow("hashtags") << repeated(u"#SothebAIsMarathon "_s, 40);
    QTest::newRow("domains") << repeated(u"example.community "_s, 40);
    QTest::newRow("lone surrogates") << repeated(QString(QChar(0xD83D)) + u'x', 300);
}

void TestXText::fitToLengthNeverExceeds()
{
    QFETCH(QString, text);
    QVERIFY(weightedLength(text) > 280);
    const QString cut = fitToLength(text);
    QVERIFY2(weightedLength(cut) <= 280, qPrintable(QString::number(weightedLength(cut))));
    QVERIFY(cut.endsWith(u'…'));
    if (!hasBrokenSurrogate(text))
        QVERIFY(!hasBrokenSurrogate(cut));
    QCOMPARE(fitToLength(cut), cut); // once it fits, it stays as it is
    QVERIFY(weightedLength(fitToLength(text, 100)) <= 100);
}

void TestXText::fitToLengthDropsWholeUrlsAndMentions()
{
    const QString url = u"https://example.com/abcdef"_s;
    const QString withUrl = QString(270, u'a') + u' ' + url;
    QCOMPARE(fitToLength(withUrl), QString(270, u'a') + u"…"_s);

    const QString withMention = QString(270, u'a') + u" @abcdefghijklmno"_s;
    QCOMPARE(fitToLength(withMention), QString(270, u'a') + u"…"_s);

    // A URL that fits is kept whole.
    const QString fitting = QString(200, u'a') + u' ' + url + u' ' + QString(100, u'b');
    const QString cut = fitToLength(fitting);
    QVERIFY(cut.contains(url));
    QVERIFY(weightedLength(cut) <= 280);

    // 139 emoji and "…": 280; the 140th would make 282.
    const QString emoji = fitToLength(repeated(u"😀"_s, 300));
    QCOMPARE(emoji, repeated(u"😀"_s, 139) + u"…"_s);
}

void TestXText::urlsAreFoundAndRemoved()
{
    QVERIFY(containsUrl(u"see https://x.co/a"_s));
    QVERIFY(containsUrl(u"evil.com"_s));
    QVERIFY(containsUrl(u"HTTPS://EXAMPLE.ORG"_s));
    QVERIFY(!containsUrl(u"bid 0.25 ETH"_s));
    QVERIFY(!containsUrl(u"e.g. i.e. U.S.A."_s));
    QCOMPARE(removeUrls(u"bid 0.5 ETH https://evil.example/x please"_s), u"bid 0.5 ETH please"_s);
    QCOMPARE(removeUrls(u"https://x.co/a first"_s), u"first"_s);
    QCOMPARE(removeUrls(u"visit evil.com."_s), u"visit."_s);
    QCOMPARE(removeUrls(u"no links here"_s), u"no links here"_s);
    // Taking one URL out must not leave another made of what was around it.
    const QString joined = removeUrls(u"evilhttps://a.example/.com"_s);
    QVERIFY2(!containsUrl(joined), qPrintable(joined));
    QVERIFY(!containsUrl(removeUrls(u"ev https://x.co il.com"_s)));
}

void TestXText::onlyUsernamesAreSafe()
{
    QCOMPARE(safeUsername(u"alice_01"_s), u"alice_01"_s);
    QCOMPARE(safeUsername(u"abcdefghijklmno"_s), u"abcdefghijklmno"_s);
    QCOMPARE(safeUsername(u"abcdefghijklmnop"_s), QString()); // 16
    QCOMPARE(safeUsername(u"alice\n"_s), QString());
    QCOMPARE(safeUsername(u"@alice"_s), QString());
    QCOMPARE(safeUsername(u"Élodie"_s), QString());
    QCOMPARE(safeUsername(u"Alice Smith"_s), QString());
    QCOMPARE(safeUsername(QString()), QString());
    QCOMPARE(safeUsername(u"evil https://x.co/a @victim\n"_s), QString());
}

void TestXText::everyKindHasADefault()
{
    QCOMPARE(XTemplates::kinds(),
             (QStringList{u"open"_s, u"accepted"_s, u"rejected"_s, u"leader"_s, u"extended"_s,
                          u"last_minutes"_s, u"winner"_s, u"settlement"_s, u"settlement_wallet"_s,
                          u"settlement_reserved"_s, u"settlement_reassigned"_s,
                          u"settlement_paid"_s, u"summary"_s, u"no_winner"_s}));
    for (const QString& kind : XTemplates::kinds()) {
        const QString text = XTemplates::defaultText(kind);
        QVERIFY2(!text.isEmpty(), qPrintable(kind));
        QVERIFY2(!containsUrl(text), qPrintable(kind));
        QVERIFY2(XTemplates::validate(kind, text).isEmpty(),
                 qPrintable(kind + u": "_s + XTemplates::validate(kind, text)));
        QVERIFY(!XTemplates::kindLabel(kind).isEmpty());
        QVERIFY(!XTemplates::variables(kind).isEmpty());
        for (const QString& variable : XTemplates::variables(kind))
            QVERIFY2(!XTemplates::describe(variable).isEmpty(), qPrintable(variable));
    }
    QCOMPARE(XTemplates().text(u"open"_s), XTemplates::defaultText(u"open"_s));
    const XTemplates blank{{{u"open"_s, u"  "_s}}};
    QCOMPARE(blank.text(u"open"_s), XTemplates::defaultText(u"open"_s));
    const XTemplates own{{{u"open"_s, u"Lot {lot}"_s}}};
    QCOMPARE(own.text(u"open"_s), u"Lot {lot}"_s);
}

void TestXText::openPostSaysHowToBid()
{
    QString error;
    const QString post = XTemplates().render(u"open"_s,
                                             {{u"day"_s, u"3"_s},
                                              {u"lot"_s, u"1"_s},
                                              {u"title"_s, u"Dawn"_s},
                                              {u"artist"_s, u"Ada"_s},
                                              {u"reserve"_s, u"0.25 ETH"_s},
                                              {u"minimum"_s, u"0.25 ETH"_s},
                                              {u"end_time"_s, u"9:00 PM EDT"_s},
                                              {u"hashtag"_s, u"SothebAIs"_s}},
                                             false, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(post.contains(u"reply: bid 0.25 ETH #SothebAIs"_s), qPrintable(post));
    QVERIFY(post.contains(u"lot 1"_s));
    QVERIFY(post.contains(u"Ada"_s));
    QVERIFY(post.contains(u"Reserve 0.25 ETH"_s));
    QVERIFY(!post.contains(u'\n'));
    QVERIFY(!post.contains(u'{'));
}

void TestXText::defaultsFitWithLongValues()
{
    const XTemplates templates;
    const QHash<QString, QString> values = longValues();
    for (const QString& kind : XTemplates::kinds()) {
        QString error;
        const QString post = templates.render(kind, values, false, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(weightedLength(post) <= 280,
                 qPrintable(kind + u": "_s + QString::number(weightedLength(post))));
        // Nothing was cut: every variable's value is there whole.
        QVERIFY2(!post.endsWith(u'…'), qPrintable(post));
        for (const QString& variable : XTemplates::variables(kind)) {
            if (!XTemplates::defaultText(kind).contains(u'{' + variable + u'}'))
                continue;
            const QString value = variable == u"bidder" || variable == u"handle"
                                      ? u'@' + values.value(variable)
                                      : values.value(variable);
            QVERIFY2(post.contains(value), qPrintable(kind + u": "_s + post));
        }
    }
}

void TestXText::hostileBidderNeverReachesThePost()
{
    const QString hostile = u"evil https://x.co/a @victim\n"_s;
    QHash<QString, QString> values = longValues();
    values.insert(u"bidder"_s, hostile);
    const XTemplates templates{{{u"accepted"_s, u"{bidder}: {amount} accepted."_s},
                                {u"rejected"_s, u"@{bidder} {reason}"_s}}};
    for (const QString& kind : XTemplates::kinds()) {
        const QString post = templates.render(kind, values, false);
        for (const QString& part : {u"evil"_s, u"x.co"_s, u"victim"_s, u"\n"_s, u"@@"_s})
            QVERIFY2(!post.contains(part), qPrintable(kind + u": "_s + post));
        QVERIFY2(!containsUrl(post), qPrintable(post));
        if (templates.text(kind).contains(u"{bidder}"_s))
            QVERIFY2(post.contains(u"a bidder"_s), qPrintable(post));
    }
    // A real username is named, once, with its @.
    values.insert(u"bidder"_s, u"@alice_01"_s);
    QCOMPARE(templates.render(u"rejected"_s, values, false).count(u"@alice_01"_s), 1);
}

void TestXText::valuesCannotMentionOrLink()
{
    QHash<QString, QString> values = longValues();
    values.insert(u"title"_s, u"Nice @victim https://evil.example/x\nline two evil.com"_s);
    values.insert(u"artist"_s, u"\u202EAda＠other"_s);
    const XTemplates templates{{{u"winner"_s, u"Sold to {bidder}: {title} by @{artist}"_s}}};
    const QString post = templates.render(u"winner"_s, values, false);
    QCOMPARE(post, u"Sold to @abcdefghijklmno: Nice victim line two by Adaother"_s);
    for (const QString& kind : XTemplates::kinds()) {
        const QString rendered = XTemplates().render(kind, values, false);
        QVERIFY2(!rendered.contains(u"@victim"_s), qPrintable(rendered));
        QVERIFY2(!containsUrl(rendered), qPrintable(rendered));
        QVERIFY2(!rendered.contains(u'\n'), qPrintable(rendered));
        QVERIFY(!rendered.contains(QChar(0x202E)));
    }
}

void TestXText::urlsRemovedUnlessAllowed()
{
    const XTemplates templates{
        {{u"open"_s, u"Lot {lot} https://studio.example/lot/{lot} {title}"_s}}};
    const QHash<QString, QString> values{{u"lot"_s, u"3"_s},
                                         {u"title"_s, u"Dawn (see https://art.example/dawn)"_s}};
    const QString without = templates.render(u"open"_s, values, false);
    QCOMPARE(without, u"Lot 3 Dawn (see)"_s);
    const QString with = templates.render(u"open"_s, values, true);
    QVERIFY2(with.contains(u"https://studio.example/lot/3"_s), qPrintable(with));
    QVERIFY(with.contains(u"https://art.example/dawn"_s));
}

void TestXText::validateCatchesMistakes()
{
    QVERIFY(XTemplates::validate(u"open"_s, u"Lot {lot} by {artist}"_s).isEmpty());
    const QString unknown = XTemplates::validate(u"open"_s, u"Lot {nope}"_s);
    QVERIFY(unknown.contains(u"{nope}"_s));
    QVERIFY(unknown.contains(u"{lot}"_s)); // says what may be used instead
    // {wallet} is a variable, but not one the auction's post has.
    QVERIFY(XTemplates::validate(u"open"_s, u"Pay {wallet}"_s).contains(u"{wallet}"_s));
    QVERIFY(!XTemplates::validate(u"open"_s, u"  \n "_s).isEmpty());
    QVERIFY(!XTemplates::validate(u"open"_s, QString(281, u'a')).isEmpty());
    // 250 characters fit alone, not with a typical title after them.
    QVERIFY(XTemplates::validate(u"open"_s, QString(250, u'a')).isEmpty());
    QVERIFY(!XTemplates::validate(u"open"_s, QString(250, u'a') + u" {title}"_s).isEmpty());
    QVERIFY(!XTemplates::validate(u"nope"_s, u"text"_s).isEmpty());
}

void TestXText::unknownVariableStaysAndIsReported()
{
    const XTemplates templates{{{u"leader"_s, u"{bidder} leads {nope}"_s}}};
    QString error;
    const QString post = templates.render(u"leader"_s, {{u"bidder"_s, u"alice"_s}}, false, &error);
    QCOMPARE(post, u"@alice leads {nope}"_s);
    QVERIFY(error.contains(u"{nope}"_s));
    templates.render(u"nope"_s, {}, false, &error);
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestXText)
#include "tst_xtext.moc"
