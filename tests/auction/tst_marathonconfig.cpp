// The marathon config as an operator meets it: the defaults from the design, one readable sentence
// per mistake, JSON that round-trips exactly, and files that fail loudly.

#include "MarathonConfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <limits>

using namespace sb::auction;
using namespace Qt::StringLiterals;

using Mutation = std::function<void(MarathonConfig&)>;

namespace {

Gwei eth(const char* decimal)
{
    return *Gwei::parseEth(QString::fromLatin1(decimal)).amount;
}

Lot titled(const QString& title)
{
    Lot lot;
    lot.title = title;
    return lot;
}

// A config an operator could start today: 3 days, one lot a day, every rule at its default.
MarathonConfig validConfig()
{
    MarathonConfig config;
    config.name = u"SothebAIs November"_s;
    config.firstDay = QDate(2026, 11, 1);
    config.days = 3;
    for (int i = 1; i <= 3; ++i)
        config.lots.append(Lot{u"Piece %1"_s.arg(i), u"Ada"_s, QString::number(i),
                               u"art/%1.png"_s.arg(i), u"Day %1's work"_s.arg(i),
                               u"ipfs://bafybeigdyrzt/%1.json"_s.arg(i)});
    return config;
}

// Everything set away from its default, to prove each key travels.
MarathonConfig fullConfig()
{
    MarathonConfig config = validConfig();
    config.name = u"Ünïcode “marathon” 🎨"_s;
    config.firstDay = QDate(2027, 2, 28);
    config.days = 2;
    config.windowStart = QTime(22, 15);
    config.windowEnd = QTime(1, 45);
    config.timeZone = u"Europe/London"_s;
    config.lotsPerDay = 2;
    config.lots.clear();
    for (int i = 0; i < 4; ++i)
        config.lots.append(Lot{u"Lot %1"_s.arg(i), u"Artist"_s, u"0x%1"_s.arg(i),
                               u"https://x/%1"_s.arg(i), u"line one\nline \"two\""_s,
                               u"ar://tx%1"_s.arg(i)});
    config.reserve = eth("1000.5");
    config.minRaisePercent = 12;
    config.minRaiseAbsolute = Gwei::fromGwei(1);
    config.timeBufferMs = 90'000;
    config.maxExtensionMs = 3'600'000;
    config.graceMs = 1'500;
    config.minAccountAgeDays = 0;
    config.blocklist = {u"@spammer"_s, u"12345"_s};
    config.requireLinkedWallet = true;
    config.reviewCeiling = eth("5000");
    config.reviewMultiple = 0;
    config.hashtag = u"#SothebAIs"_s;
    return config;
}

QJsonObject parseObject(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test itself: %s", qPrintable(error.errorString()));
    return document.object();
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

} // namespace

class TestMarathonConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsFollowTheDesign();
    void defaultConfigNeedsNameAndDay();
    void validConfigHasNoProblems();

    void oneProblem_data();
    void oneProblem();
    void accepted_data();
    void accepted();
    void problemsAreAllReported();

    void toJsonShape();
    void roundTrip_data();
    void roundTrip();
    void readsWhatAnOperatorWrites();
    void missingKeysKeepDefaults();
    void nullMeansNotSet();
    void zeroAndGroupedAmounts();
    void underscoreKeysAreComments();
    void typeError_data();
    void typeError();
    void typeErrorsAreAllReported();

    void saveAndLoad();
    void saveReplacesAtomically();
    void saveFailsInMissingFolder();
    void loadMissingFile();
    void loadMalformedJson_data();
    void loadMalformedJson();
    void loadNotAnObject();
    void loadRefusesDuplicateKeys_data();
    void loadRefusesDuplicateKeys();
    void loadReportsTypeErrors();
};

void TestMarathonConfig::initTestCase()
{
    // The file tests fail on purpose; their log lines would only bury real output.
    QLoggingCategory::setFilterRules(u"sb.auction.config.warning=false"_s);
}

void TestMarathonConfig::defaultsFollowTheDesign()
{
    const MarathonConfig config;
    QCOMPARE(config.days, 30);
    QCOMPARE(config.windowStart, QTime(12, 0));
    QCOMPARE(config.windowEnd, QTime(20, 0));
    QCOMPARE(config.timeZone, u"America/New_York"_s);
    QCOMPARE(config.lotsPerDay, 1);
    QCOMPARE(config.reserve, eth("0.01"));
    QCOMPARE(config.minRaisePercent, 5);
    QCOMPARE(config.minRaiseAbsolute, eth("0.001"));
    QCOMPARE(config.timeBufferMs, std::int64_t(5 * 60 * 1000));
    QVERIFY(!config.maxExtensionMs);
    QCOMPARE(config.graceMs, std::int64_t(20 * 1000));
    QCOMPARE(config.minAccountAgeDays, 30);
    QVERIFY(!config.requireLinkedWallet);
    QVERIFY(!config.reviewCeiling);
    QCOMPARE(config.reviewMultiple, 10);
    QVERIFY(config.hashtag.isEmpty());
}

void TestMarathonConfig::defaultConfigNeedsNameAndDay()
{
    // Everything else has a sensible default; only what the operator must decide is missing.
    QCOMPARE(MarathonConfig().validate(),
             (QStringList{u"The marathon needs a name."_s, u"The marathon needs a first day."_s}));
}

void TestMarathonConfig::validConfigHasNoProblems()
{
    QCOMPARE(validConfig().validate(), QStringList());
    QCOMPARE(fullConfig().validate(), QStringList());
}

void TestMarathonConfig::oneProblem_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char* name, const QString& expected, Mutation mutate) {
        QTest::newRow(name) << mutate << expected;
    };

    row("no name", u"The marathon needs a name."_s, [](MarathonConfig& c) { c.name.clear(); });
    row("blank name", u"The marathon needs a name."_s,
        [](MarathonConfig& c) { c.name = u"  \t"_s; });
    row("no first day", u"The marathon needs a first day."_s,
        [](MarathonConfig& c) { c.firstDay = QDate(); });
    row("zero days", u"Days must be between 1 and 366."_s, [](MarathonConfig& c) {
        c.days = 0;
        c.lots.clear();
    });
    row("367 days", u"Days must be between 1 and 366."_s, [](MarathonConfig& c) {
        c.days = 367;
        c.lots.clear();
    });
    row("unknown zone",
        u"Unknown time zone \"Mars/Olympus\": use an IANA id such as America/New_York."_s,
        [](MarathonConfig& c) { c.timeZone = u"Mars/Olympus"_s; });
    row("no zone", u"The marathon needs a time zone: use an IANA id such as America/New_York."_s,
        [](MarathonConfig& c) { c.timeZone.clear(); });
    row("no start time", u"The window needs a valid start time."_s,
        [](MarathonConfig& c) { c.windowStart = QTime(); });
    row("no end time", u"The window needs a valid end time."_s,
        [](MarathonConfig& c) { c.windowEnd = QTime(); });
    row("start equals end",
        u"The window cannot start and end at the same time; to run past midnight, end it earlier "
        "than it starts (such as 22:00 to 02:00)."_s,
        [](MarathonConfig& c) { c.windowStart = c.windowEnd = QTime(12, 0); });
    row("window under a minute", u"The window must last at least 1 minute."_s,
        [](MarathonConfig& c) {
            c.windowStart = QTime(12, 0);
            c.windowEnd = QTime(12, 0, 59);
        });
    row("gap pushes the end past the next start",
        u"On 2026-03-08 the window would start before the previous day's window ends because the "
        "clocks change; shorten the window."_s,
        [](MarathonConfig& c) {
            c.firstDay = QDate(2026, 3, 7);
            c.windowStart = QTime(3, 0);
            c.windowEnd = QTime(2, 30);
        });
    row("gap swallows the window",
        u"On 2026-03-08 the window would last less than a minute because the clocks change that "
        "night; move the window's start or end away from the change."_s,
        [](MarathonConfig& c) {
            c.firstDay = QDate(2026, 3, 7);
            c.windowStart = QTime(2, 30);
            c.windowEnd = QTime(3, 15);
        });
    row("zero lots per day", u"Lots per day must be between 1 and 24."_s, [](MarathonConfig& c) {
        c.lotsPerDay = 0;
        c.lots.clear();
    });
    row("25 lots per day", u"Lots per day must be between 1 and 24."_s, [](MarathonConfig& c) {
        c.lotsPerDay = 25;
        c.lots.clear();
    });
    row("too few lots",
        u"There are 2 lots but there must be 3 (days × lots per day = 3 × 1), "
        "or none while drafting."_s,
        [](MarathonConfig& c) { c.lots.removeLast(); });
    row("too many lots",
        u"There are 4 lots but there must be 3 (days × lots per day = 3 × 1), "
        "or none while drafting."_s,
        [](MarathonConfig& c) { c.lots.append(titled(u"Extra"_s)); });
    row("lots per day changes the count",
        u"There are 3 lots but there must be 6 (days × lots per day = 3 × 2), "
        "or none while drafting."_s,
        [](MarathonConfig& c) { c.lotsPerDay = 2; });
    row("lot without title", u"Lot 2 needs a title."_s,
        [](MarathonConfig& c) { c.lots[1].title = u" "_s; });
    row("token URI with a space",
        u"Lot 2's token URI must be a URI such as ipfs://… or https://…, without spaces."_s,
        [](MarathonConfig& c) { c.lots[1].tokenUri = u"ipfs://bafy /2.json"_s; });
    row("token URI without a scheme",
        u"Lot 3's token URI must be a URI such as ipfs://… or https://…, without spaces."_s,
        [](MarathonConfig& c) { c.lots[2].tokenUri = u"bafy/3.json"_s; });
    row("zero reserve", u"The reserve price must be more than 0 ETH."_s,
        [](MarathonConfig& c) { c.reserve = Gwei(); });
    row("negative reserve", u"The reserve price must be more than 0 ETH."_s,
        [](MarathonConfig& c) { c.reserve = Gwei::fromGwei(-1); });
    row("negative percent", u"The minimum raise percentage must be between 0 and 1000."_s,
        [](MarathonConfig& c) { c.minRaisePercent = -1; });
    row("percent above 1000", u"The minimum raise percentage must be between 0 and 1000."_s,
        [](MarathonConfig& c) { c.minRaisePercent = 1001; });
    row("negative minimum raise", u"The minimum raise amount cannot be negative."_s,
        [](MarathonConfig& c) { c.minRaiseAbsolute = Gwei::fromGwei(-1); });
    row("no minimum raise at all",
        u"The minimum raise needs a percentage or an amount above 0, or a bid could simply repeat "
        "the leader's amount."_s,
        [](MarathonConfig& c) {
            c.minRaisePercent = 0;
            c.minRaiseAbsolute = Gwei();
        });
    row("negative time buffer", u"The anti-sniping time buffer must be between 0 and 24 hours."_s,
        [](MarathonConfig& c) { c.timeBufferMs = -1; });
    row("time buffer over a day", u"The anti-sniping time buffer must be between 0 and 24 hours."_s,
        [](MarathonConfig& c) { c.timeBufferMs = 86'400'001; });
    row("zero extension cap", u"The cap on time extensions must be more than 0 when it is set."_s,
        [](MarathonConfig& c) { c.maxExtensionMs = 0; });
    row("negative grace", u"The grace period for late bids must be between 0 and 10 minutes."_s,
        [](MarathonConfig& c) { c.graceMs = -1; });
    row("grace over ten minutes",
        u"The grace period for late bids must be between 0 and 10 minutes."_s,
        [](MarathonConfig& c) { c.graceMs = 600'001; });
    row("negative account age", u"The minimum account age must be between 0 and 3650 days."_s,
        [](MarathonConfig& c) { c.minAccountAgeDays = -1; });
    row("account age over ten years", u"The minimum account age must be between 0 and 3650 days."_s,
        [](MarathonConfig& c) { c.minAccountAgeDays = 3651; });
    row("review multiple 1", u"The review multiple must be 0 (off) or at least 2."_s,
        [](MarathonConfig& c) { c.reviewMultiple = 1; });
    row("negative review multiple", u"The review multiple must be 0 (off) or at least 2."_s,
        [](MarathonConfig& c) { c.reviewMultiple = -3; });
    row("review ceiling at the reserve",
        u"The review ceiling (0.01 ETH) must be above the reserve price (0.01 ETH)."_s,
        [](MarathonConfig& c) { c.reviewCeiling = c.reserve; });
    row("review ceiling below the reserve",
        u"The review ceiling (0.005 ETH) must be above the reserve price (0.01 ETH)."_s,
        [](MarathonConfig& c) { c.reviewCeiling = eth("0.005"); });
    const QString hashtagSentence =
        u"The hashtag must start with # and contain no spaces, such as #SothebAIs."_s;
    row("hashtag without #", hashtagSentence,
        [](MarathonConfig& c) { c.hashtag = u"SothebAIs"_s; });
    row("hashtag with a space", hashtagSentence,
        [](MarathonConfig& c) { c.hashtag = u"#Sotheb AIs"_s; });
    row("hashtag that is only #", hashtagSentence, [](MarathonConfig& c) { c.hashtag = u"#"_s; });
}

void TestMarathonConfig::oneProblem()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, expected);
    MarathonConfig config = validConfig();
    mutate(config);
    QCOMPARE(config.validate(), QStringList{expected});
}

void TestMarathonConfig::accepted_data()
{
    QTest::addColumn<Mutation>("mutate");

    QTest::newRow("window crossing midnight") << Mutation([](MarathonConfig& c) {
        c.windowStart = QTime(22, 0);
        c.windowEnd = QTime(2, 0);
    });
    QTest::newRow("window ending at midnight") << Mutation([](MarathonConfig& c) {
        c.windowStart = QTime(20, 0);
        c.windowEnd = QTime(0, 0);
    });
    QTest::newRow("one-minute window") << Mutation([](MarathonConfig& c) {
        c.windowStart = QTime(12, 0);
        c.windowEnd = QTime(12, 1);
    });
    QTest::newRow("23 h 59 min window") << Mutation([](MarathonConfig& c) {
        c.windowStart = QTime(12, 0);
        c.windowEnd = QTime(11, 59);
    });
    QTest::newRow("start in the spring-forward gap") << Mutation([](MarathonConfig& c) {
        c.firstDay = QDate(2026, 3, 7);
        c.windowStart = QTime(2, 30);
        c.windowEnd = QTime(10, 0);
    });
    QTest::newRow("drafting without lots") << Mutation([](MarathonConfig& c) { c.lots.clear(); });
    QTest::newRow("lot without token URI")
        << Mutation([](MarathonConfig& c) { c.lots[0].tokenUri.clear(); });
    QTest::newRow("https token URI") << Mutation(
        [](MarathonConfig& c) { c.lots[0].tokenUri = u"https://example.org/meta/1.json"_s; });
    QTest::newRow("24 lots a day for 366 days") << Mutation([](MarathonConfig& c) {
        c.days = 366;
        c.lotsPerDay = 24;
        c.lots = QList<Lot>(366 * 24, titled(u"Untitled"_s));
    });
    QTest::newRow("percent only") << Mutation(
        [](MarathonConfig& c) { c.minRaiseAbsolute = Gwei(); });
    QTest::newRow("absolute only") << Mutation([](MarathonConfig& c) { c.minRaisePercent = 0; });
    QTest::newRow("limits") << Mutation([](MarathonConfig& c) {
        c.minRaisePercent = 1000;
        c.timeBufferMs = 86'400'000;
        c.graceMs = 600'000;
        c.minAccountAgeDays = 3650;
        c.reviewMultiple = 2;
    });
    QTest::newRow("all zero that may be zero") << Mutation([](MarathonConfig& c) {
        c.timeBufferMs = 0;
        c.graceMs = 0;
        c.minAccountAgeDays = 0;
        c.reviewMultiple = 0;
    });
    QTest::newRow("extension cap and review ceiling") << Mutation([](MarathonConfig& c) {
        c.maxExtensionMs = 1;
        c.reviewCeiling = eth("0.010000001");
    });
    QTest::newRow("hashtag") << Mutation([](MarathonConfig& c) { c.hashtag = u"#Sotheb_AIs"_s; });
    QTest::newRow("utc zone") << Mutation([](MarathonConfig& c) { c.timeZone = u"UTC"_s; });
}

void TestMarathonConfig::accepted()
{
    QFETCH(Mutation, mutate);
    MarathonConfig config = validConfig();
    mutate(config);
    QCOMPARE(config.validate(), QStringList());
}

void TestMarathonConfig::problemsAreAllReported()
{
    MarathonConfig config = validConfig();
    config.name.clear();
    config.days = 0;
    config.reserve = Gwei();
    config.hashtag = u"nohash"_s;
    const QStringList problems = config.validate();
    QCOMPARE(problems.size(), 4);
    QCOMPARE(problems[0], u"The marathon needs a name."_s);
    QCOMPARE(problems[1], u"Days must be between 1 and 366."_s);
    QCOMPARE(problems[2], u"The reserve price must be more than 0 ETH."_s);
    QVERIFY(problems[3].startsWith(u"The hashtag"_s));
}

void TestMarathonConfig::toJsonShape()
{
    const QJsonObject json = validConfig().toJson();
    QCOMPARE(json.value(u"name"_s).toString(), u"SothebAIs November"_s);
    QCOMPARE(json.value(u"first_day"_s).toString(), u"2026-11-01"_s);
    QCOMPARE(json.value(u"days"_s).toInt(), 3);
    QCOMPARE(json.value(u"window_start"_s).toString(), u"12:00"_s);
    QCOMPARE(json.value(u"window_end"_s).toString(), u"20:00"_s);
    QCOMPARE(json.value(u"time_zone"_s).toString(), u"America/New_York"_s);
    QCOMPARE(json.value(u"lots_per_day"_s).toInt(), 1);
    QCOMPARE(json.value(u"reserve_eth"_s).toString(), u"0.01"_s);
    QCOMPARE(json.value(u"min_raise_percent"_s).toInt(), 5);
    QCOMPARE(json.value(u"min_raise_eth"_s).toString(), u"0.001"_s);
    QCOMPARE(json.value(u"time_buffer_s"_s).toInt(), 300);
    QVERIFY(json.value(u"max_extension_s"_s).isNull());
    QCOMPARE(json.value(u"grace_s"_s).toInt(), 20);
    QCOMPARE(json.value(u"min_account_age_days"_s).toInt(), 30);
    QCOMPARE(json.value(u"blocklist"_s).toArray(), QJsonArray());
    QCOMPARE(json.value(u"require_linked_wallet"_s).toBool(true), false);
    QVERIFY(json.value(u"review_ceiling_eth"_s).isNull());
    QCOMPARE(json.value(u"review_multiple"_s).toInt(), 10);
    QCOMPARE(json.value(u"hashtag"_s).toString(), QString());
    QCOMPARE(json.size(), 20);

    const QJsonObject lot = json.value(u"lots"_s).toArray().at(1).toObject();
    QCOMPARE(lot, (QJsonObject{{u"title"_s, u"Piece 2"_s},
                               {u"artist"_s, u"Ada"_s},
                               {u"token_id"_s, u"2"_s},
                               {u"image"_s, u"art/2.png"_s},
                               {u"description"_s, u"Day 2's work"_s},
                               {u"token_uri"_s, u"ipfs://bafybeigdyrzt/2.json"_s}}));

    // Big amounts are written without thousands separators, seconds as whole numbers when whole.
    const QJsonObject full = fullConfig().toJson();
    QCOMPARE(full.value(u"reserve_eth"_s).toString(), u"1000.5"_s);
    QCOMPARE(full.value(u"min_raise_eth"_s).toString(), u"0.000000001"_s);
    QCOMPARE(full.value(u"review_ceiling_eth"_s).toString(), u"5000"_s);
    QCOMPARE(full.value(u"grace_s"_s).toDouble(), 1.5);
    QCOMPARE(full.value(u"max_extension_s"_s).toInt(), 3600);
    QCOMPARE(full.value(u"window_end"_s).toString(), u"01:45"_s);
}

void TestMarathonConfig::roundTrip_data()
{
    QTest::addColumn<MarathonConfig>("config");

    QTest::newRow("defaults") << MarathonConfig();
    QTest::newRow("valid") << validConfig();
    QTest::newRow("everything set") << fullConfig();

    MarathonConfig seconds = validConfig();
    seconds.windowStart = QTime(9, 30, 15);
    seconds.windowEnd = QTime(17, 0, 0, 250);
    seconds.timeBufferMs = 1;
    seconds.graceMs = 123'456;
    QTest::newRow("seconds and milliseconds") << seconds;

    MarathonConfig extremes = validConfig();
    extremes.reserve = Gwei::fromGwei(std::numeric_limits<std::int64_t>::max());
    extremes.minRaiseAbsolute = Gwei();
    extremes.reviewCeiling = Gwei::fromGwei(1);
    QTest::newRow("largest amount, zero, one gwei") << extremes;

    // A draft that does not validate is still saved and read back as it was.
    MarathonConfig invalid;
    invalid.firstDay = QDate();
    invalid.windowStart = QTime();
    invalid.days = -4;
    invalid.minRaiseAbsolute = Gwei::fromGwei(-1'500'000'000);
    invalid.timeBufferMs = -2'500;
    invalid.maxExtensionMs = 0;
    invalid.lots = {Lot{}};
    QTest::newRow("invalid draft") << invalid;
}

void TestMarathonConfig::roundTrip()
{
    QFETCH(MarathonConfig, config);
    // Through text as well, because that is how the database and files hold it.
    const QByteArray text = QJsonDocument(config.toJson()).toJson();
    QStringList errors;
    const std::optional<MarathonConfig> back =
        MarathonConfig::fromJson(QJsonDocument::fromJson(text).object(), &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(back);
    QVERIFY(*back == config);
    QCOMPARE(back->toJson(), config.toJson());
}

void TestMarathonConfig::readsWhatAnOperatorWrites()
{
    const QJsonObject json = parseObject(R"({
        "name": "SothebAIs November",
        "first_day": "2026-11-01",
        "days": 2,
        "window_start": "22:00",
        "window_end": "02:00",
        "time_zone": "Australia/Sydney",
        "lots_per_day": 1,
        "lots": [
            {"title": "Dawn", "artist": "Ada", "token_id": "1", "image": "dawn.png"},
            {"title": "Dusk"}
        ],
        "reserve_eth": "0.05",
        "min_raise_percent": 10,
        "min_raise_eth": "0.0025",
        "time_buffer_s": 120,
        "max_extension_s": 1800,
        "grace_s": 30,
        "min_account_age_days": 90,
        "blocklist": ["@troll", "99"],
        "require_linked_wallet": true,
        "review_ceiling_eth": "25",
        "review_multiple": 20,
        "hashtag": "#SothebAIs"
    })");
    QStringList errors;
    const std::optional<MarathonConfig> config = MarathonConfig::fromJson(json, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    QCOMPARE(config->name, u"SothebAIs November"_s);
    QCOMPARE(config->firstDay, QDate(2026, 11, 1));
    QCOMPARE(config->days, 2);
    QCOMPARE(config->windowStart, QTime(22, 0));
    QCOMPARE(config->windowEnd, QTime(2, 0));
    QCOMPARE(config->timeZone, u"Australia/Sydney"_s);
    QCOMPARE(config->lots.size(), 2);
    QCOMPARE(config->lots[0],
             (Lot{u"Dawn"_s, u"Ada"_s, u"1"_s, u"dawn.png"_s, QString(), QString()}));
    QCOMPARE(config->lots[1].title, u"Dusk"_s);
    QVERIFY(config->lots[1].artist.isEmpty());
    QCOMPARE(config->reserve.gwei(), std::int64_t(50'000'000));
    QCOMPARE(config->minRaisePercent, 10);
    QCOMPARE(config->minRaiseAbsolute.gwei(), std::int64_t(2'500'000));
    QCOMPARE(config->timeBufferMs, std::int64_t(120'000));
    QCOMPARE(config->maxExtensionMs, std::optional<std::int64_t>(1'800'000));
    QCOMPARE(config->graceMs, std::int64_t(30'000));
    QCOMPARE(config->minAccountAgeDays, 90);
    QCOMPARE(config->blocklist, (QStringList{u"@troll"_s, u"99"_s}));
    QVERIFY(config->requireLinkedWallet);
    QCOMPARE(config->reviewCeiling, std::optional<Gwei>(Gwei::fromEth(25)));
    QCOMPARE(config->reviewMultiple, 20);
    QCOMPARE(config->hashtag, u"#SothebAIs"_s);
    QCOMPARE(config->validate(), QStringList());
}

void TestMarathonConfig::missingKeysKeepDefaults()
{
    QStringList errors;
    const std::optional<MarathonConfig> empty = MarathonConfig::fromJson(QJsonObject(), &errors);
    QVERIFY(empty);
    QVERIFY(*empty == MarathonConfig());

    const std::optional<MarathonConfig> named =
        MarathonConfig::fromJson(QJsonObject{{u"name"_s, u"Only a name"_s}}, &errors);
    QVERIFY(named);
    MarathonConfig expected;
    expected.name = u"Only a name"_s;
    QVERIFY(*named == expected);
    QCOMPARE(errors, QStringList());
}

void TestMarathonConfig::nullMeansNotSet()
{
    MarathonConfig withOptionals = fullConfig();
    QJsonObject json = withOptionals.toJson();
    json.insert(u"max_extension_s"_s, QJsonValue::Null);
    json.insert(u"review_ceiling_eth"_s, QJsonValue::Null);
    json.insert(u"first_day"_s, QJsonValue::Null);
    const std::optional<MarathonConfig> config = MarathonConfig::fromJson(json, nullptr);
    QVERIFY(config);
    QVERIFY(!config->maxExtensionMs);
    QVERIFY(!config->reviewCeiling);
    QVERIFY(!config->firstDay.isValid());
    QCOMPARE(config->reserve, withOptionals.reserve);
}

void TestMarathonConfig::zeroAndGroupedAmounts()
{
    for (const QString& zero : {u"0"_s, u"0.0"_s, u".000"_s, u"00"_s, u"0."_s}) {
        const auto config =
            MarathonConfig::fromJson(QJsonObject{{u"min_raise_eth"_s, zero}}, nullptr);
        QVERIFY2(config, qPrintable(zero));
        QCOMPARE(config->minRaiseAbsolute, Gwei());
    }
    const auto grouped =
        MarathonConfig::fromJson(QJsonObject{{u"reserve_eth"_s, u"1,000.5"_s}}, nullptr);
    QVERIFY(grouped);
    QCOMPARE(grouped->reserve, Gwei::fromGwei(1'000'500'000'000));
}

void TestMarathonConfig::underscoreKeysAreComments()
{
    QStringList errors;
    const auto config =
        MarathonConfig::fromJson(parseObject(R"({"_comment": "ask Ada before changing", "days": 7,
                        "lots": [{"title": "x", "_note": "placeholder"}]})"),
                                 &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    QCOMPARE(config->days, 7);
}

void TestMarathonConfig::typeError_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("days as a word") << QByteArray(R"({"days": "thirty"})")
                                    << u"\"days\" must be a whole number, not \"thirty\"."_s;
    QTest::newRow("days as a fraction")
        << QByteArray(R"({"days": 30.5})") << u"\"days\" must be a whole number, not 30.5."_s;
    QTest::newRow("days out of range")
        << QByteArray(R"({"days": 1e10})") << u"\"days\" is out of range: 10000000000."_s;
    QTest::newRow("lots per day as bool")
        << QByteArray(R"({"lots_per_day": true})")
        << u"\"lots_per_day\" must be a whole number, not true."_s;
    QTest::newRow("name as number")
        << QByteArray(R"({"name": 5})") << u"\"name\" must be text in quotes, not 5."_s;
    QTest::newRow("hashtag null") << QByteArray(R"({"hashtag": null})")
                                  << u"\"hashtag\" must be text in quotes, not null."_s;
    QTest::newRow("impossible date")
        << QByteArray(R"({"first_day": "2026-02-30"})")
        << u"\"first_day\" must be a date such as \"2026-11-01\", not \"2026-02-30\"."_s;
    QTest::newRow("date in words")
        << QByteArray(R"({"first_day": "next Monday"})")
        << u"\"first_day\" must be a date such as \"2026-11-01\", not \"next Monday\"."_s;
    QTest::newRow("impossible time")
        << QByteArray(R"({"window_start": "25:00"})")
        << u"\"window_start\" must be a time such as \"20:00\", not \"25:00\"."_s;
    QTest::newRow("time as number")
        << QByteArray(R"({"window_end": 20})")
        << u"\"window_end\" must be a time such as \"20:00\", not 20."_s;
    QTest::newRow("unknown zone")
        << QByteArray(R"({"time_zone": "Mars/Olympus"})")
        << u"\"time_zone\" is \"Mars/Olympus\", which is not a known time zone: use an IANA id "
           "such as America/New_York."_s;
    QTest::newRow("zone as list") << QByteArray(R"({"time_zone": ["UTC"]})")
                                  << u"\"time_zone\" must be text in quotes, not a list."_s;
    QTest::newRow("amount as number")
        << QByteArray(R"({"reserve_eth": 0.01})")
        << u"\"reserve_eth\" must be an ETH amount in quotes, such as \"0.01\", not 0.01."_s;
    QTest::newRow("amount in words")
        << QByteArray(R"({"reserve_eth": "a lot"})")
        << u"\"reserve_eth\" is not an ETH amount: \"a lot\"; write it like \"0.01\"."_s;
    QTest::newRow("amount with exponent")
        << QByteArray(R"({"min_raise_eth": "1e-3"})")
        << u"\"min_raise_eth\" is not an ETH amount: \"1e-3\"; write it like \"0.01\"."_s;
    QTest::newRow("amount below a gwei")
        << QByteArray(R"({"reserve_eth": "0.0000000001"})")
        << u"\"reserve_eth\" has more than 9 decimals: \"0.0000000001\"; the smallest amount is "
           "1 gwei (0.000000001 ETH)."_s;
    QTest::newRow("amount too large")
        << QByteArray(R"({"review_ceiling_eth": "99999999999"})")
        << u"\"review_ceiling_eth\" is out of range: \"99999999999\"."_s;
    QTest::newRow("ceiling as number")
        << QByteArray(R"({"review_ceiling_eth": 5})")
        << u"\"review_ceiling_eth\" must be an ETH amount in quotes, such as \"0.01\", not 5."_s;
    QTest::newRow("seconds as text")
        << QByteArray(R"({"time_buffer_s": "300"})")
        << u"\"time_buffer_s\" must be a number of seconds, not \"300\"."_s;
    QTest::newRow("extension cap as word")
        << QByteArray(R"({"max_extension_s": "none"})")
        << u"\"max_extension_s\" must be a number of seconds, not \"none\"."_s;
    QTest::newRow("absurd grace") << QByteArray(R"({"grace_s": 1e300})")
                                  << u"\"grace_s\" is out of range: 1e+300."_s;
    QTest::newRow("wallet as yes")
        << QByteArray(R"({"require_linked_wallet": "yes"})")
        << u"\"require_linked_wallet\" must be true or false, not \"yes\"."_s;
    QTest::newRow("blocklist as text") << QByteArray(R"({"blocklist": "@troll"})")
                                       << u"\"blocklist\" must be a list, not \"@troll\"."_s;
    QTest::newRow("blocklist with a number")
        << QByteArray(R"({"blocklist": ["@troll", 99]})")
        << u"\"blocklist[1]\" must be text in quotes, not 99."_s;
    QTest::newRow("lots as object") << QByteArray(R"({"lots": {"title": "x"}})")
                                    << u"\"lots\" must be a list, not an object."_s;
    QTest::newRow("lot as text")
        << QByteArray(R"({"lots": ["Mona Lisa"]})")
        << u"\"lots[0]\" must be an object with a title, not \"Mona Lisa\"."_s;
    QTest::newRow("lot title as number")
        << QByteArray(R"({"lots": [{"title": "ok"}, {"title": 7}]})")
        << u"\"lots[1].title\" must be text in quotes, not 7."_s;
    QTest::newRow("misspelt lot key") << QByteArray(R"({"lots": [{"titel": "x"}]})")
                                      << u"Unknown key \"lots[0].titel\": check its spelling."_s;
    QTest::newRow("misspelt key") << QByteArray(R"({"reserve": "0.02"})")
                                  << u"Unknown key \"reserve\": check its spelling."_s;
    QTest::newRow("long value is shortened")
        << QByteArray(R"({"days": "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"})")
        << u"\"days\" must be a whole number, not \"abcdefghijklmnopqrstuvwxyzabcdefghijklmn…\"."_s;
}

void TestMarathonConfig::typeError()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QStringList errors;
    QVERIFY(!MarathonConfig::fromJson(parseObject(json), &errors));
    QCOMPARE(errors, QStringList{expected});
    QVERIFY(!MarathonConfig::fromJson(parseObject(json), nullptr)); // errors are optional
}

void TestMarathonConfig::typeErrorsAreAllReported()
{
    QStringList errors{u"an earlier error stays"_s};
    QVERIFY(!MarathonConfig::fromJson(
        parseObject(R"({"days": "thirty", "first_day": "soon", "reserve_eth": "-"})"), &errors));
    QCOMPARE(errors.size(), 4);
    QCOMPARE(errors[0], u"an earlier error stays"_s);
    QVERIFY(errors[1].startsWith(u"\"first_day\""_s));
    QVERIFY(errors[2].startsWith(u"\"days\""_s));
    QVERIFY(errors[3].startsWith(u"\"reserve_eth\""_s));
}

void TestMarathonConfig::saveAndLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"marathon.json"_s);
    QString error;
    QVERIFY(fullConfig().saveFile(path, &error));
    QVERIFY(error.isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("\n    \"days\": 2,\n"), text.constData()); // pretty-printed for people

    QStringList errors;
    const std::optional<MarathonConfig> loaded = MarathonConfig::loadFile(path, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(loaded);
    QVERIFY(*loaded == fullConfig());
}

void TestMarathonConfig::saveReplacesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"marathon.json"_s);
    writeFile(path, "old contents");
    QVERIFY(validConfig().saveFile(path, nullptr));
    // Only the config itself is left: no temporary file next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"marathon.json"_s});
    const auto loaded = MarathonConfig::loadFile(path, nullptr);
    QVERIFY(loaded);
    QVERIFY(*loaded == validConfig());
}

void TestMarathonConfig::saveFailsInMissingFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"no/such/folder/marathon.json"_s);
    QString error;
    QVERIFY(!validConfig().saveFile(path, &error));
    QVERIFY2(error.startsWith(
                 u"Cannot write the marathon file \"%1\": "_s.arg(QDir::toNativeSeparators(path))),
             qPrintable(error));
    QVERIFY(error.size() > u"Cannot write the marathon file \"%1\": ."_s.arg(path).size());
    QVERIFY(!QFile::exists(path));
}

void TestMarathonConfig::loadMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing.json"_s);
    QStringList errors;
    QVERIFY(!MarathonConfig::loadFile(path, &errors));
    QCOMPARE(errors, QStringList{u"The marathon file \"%1\" does not exist."_s.arg(
                         QDir::toNativeSeparators(path))});
}

void TestMarathonConfig::loadRefusesDuplicateKeys_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("line");

    // Which of the two would win is invisible to the operator: neither does.
    QTest::newRow("reserve twice")
        << QByteArray("{\n  \"reserve_eth\": \"0.01\",\n  \"reserve_eth\": \"10\"\n}\n")
        << u"reserve_eth"_s << u"the marathon"_s << 3;
    QTest::newRow("escaped spelling of the same key")
        << QByteArray("{\"days\": 3, \"d\\u0061ys\": 30}") << u"days"_s << u"the marathon"_s << 1;
    QTest::newRow("inside a lot")
        << QByteArray("{\"lots\": [{\"title\": \"A\"},\n {\"title\": \"B\", \"title\": \"C\"}]}")
        << u"title"_s << u"lots[1]"_s << 2;
}

void TestMarathonConfig::loadRefusesDuplicateKeys()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, key);
    QFETCH(QString, where);
    QFETCH(int, line);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"twice.json"_s);
    writeFile(path, content);
    QStringList errors;
    QVERIFY(!MarathonConfig::loadFile(path, &errors));
    QCOMPARE(errors, QStringList{u"The marathon file \"%1\" gives \"%2\" twice (in %3, line %4); "
                                 "keep only one."_s.arg(QDir::toNativeSeparators(path), key, where)
                                     .arg(line)});
}

void TestMarathonConfig::loadMalformedJson_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // Line and column come from Qt's offset, which sometimes points just past the culprit.
    QTest::newRow("empty file") << QByteArray() << 1 << 1;
    QTest::newRow("trailing comma") << QByteArray("{\n  \"days\": 3,\n}\n") << 3 << 2;
    QTest::newRow("unquoted value") << QByteArray("{\"name\": SothebAIs}") << 1 << 10;
    QTest::newRow("cut short") << QByteArray("{\n  \"lots\": [\n    {\"title\": \"x\"") << 3 << 18;
}

void TestMarathonConfig::loadMalformedJson()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"broken.json"_s);
    writeFile(path, content);

    // The sentence carries Qt's own diagnosis and where it happened.
    QJsonParseError expected;
    QJsonDocument::fromJson(content, &expected);
    QVERIFY(expected.error != QJsonParseError::NoError);

    QStringList errors;
    QVERIFY(!MarathonConfig::loadFile(path, &errors));
    QCOMPARE(
        errors,
        QStringList{u"The marathon file \"%1\" is not valid JSON: %2 at line %3, column %4 "
                    "(offset %5)."_s.arg(QDir::toNativeSeparators(path), expected.errorString())
                        .arg(line)
                        .arg(column)
                        .arg(expected.offset)});
}

void TestMarathonConfig::loadNotAnObject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"list.json"_s);
    writeFile(path, "[1, 2, 3]");
    QStringList errors;
    QVERIFY(!MarathonConfig::loadFile(path, &errors));
    QCOMPARE(errors, QStringList{u"The marathon file \"%1\" must hold one JSON object, between { "
                                 "and }."_s.arg(QDir::toNativeSeparators(path))});
}

void TestMarathonConfig::loadReportsTypeErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"typo.json"_s);
    writeFile(path, R"({"name": "x", "days": "thirty", "grace_s": true})");
    QStringList errors;
    QVERIFY(!MarathonConfig::loadFile(path, &errors));
    QCOMPARE(errors, (QStringList{u"\"days\" must be a whole number, not \"thirty\"."_s,
                                  u"\"grace_s\" must be a number of seconds, not true."_s}));
}

QTEST_GUILESS_MAIN(TestMarathonConfig)
#include "tst_marathonconfig.moc"
