#include "MarathonConfig.h"

#include "JsonDuplicateKeys.h"
#include "RegularFile.h"
#include "Schedule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace sb::auction {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcMarathonConfig, "sb.auction.config")

// Beyond these an operator's value is a typo rather than a plan.
constexpr int kMaxDays = 366;
constexpr int kMaxLotsPerDay = 24;
constexpr int kMaxMinRaisePercent = 1000;
constexpr std::int64_t kMsPerMinute = 60 * 1000;
constexpr std::int64_t kMsPerDay = 24 * 60 * kMsPerMinute;
constexpr std::int64_t kMinWindowMs = kMsPerMinute;
constexpr std::int64_t kMaxTimeBufferMs = kMsPerDay;
constexpr std::int64_t kMaxGraceMs = 10 * kMsPerMinute;
constexpr int kMaxAccountAgeDays = 3650;
constexpr int kMinReviewMultiple = 2;
// Seconds fields larger than this would overflow int64 milliseconds long before meaning anything.
constexpr double kMaxJsonSeconds = 1e12;

constexpr QLatin1String kName("name");
constexpr QLatin1String kFirstDay("first_day");
constexpr QLatin1String kDays("days");
constexpr QLatin1String kWindowStart("window_start");
constexpr QLatin1String kWindowEnd("window_end");
constexpr QLatin1String kTimeZone("time_zone");
constexpr QLatin1String kLotsPerDay("lots_per_day");
constexpr QLatin1String kLots("lots");
constexpr QLatin1String kReserve("reserve_eth");
constexpr QLatin1String kMinRaisePercent("min_raise_percent");
constexpr QLatin1String kMinRaiseAbsolute("min_raise_eth");
constexpr QLatin1String kTimeBuffer("time_buffer_s");
constexpr QLatin1String kMaxExtension("max_extension_s");
constexpr QLatin1String kGrace("grace_s");
constexpr QLatin1String kMinAccountAge("min_account_age_days");
constexpr QLatin1String kBlocklist("blocklist");
constexpr QLatin1String kRequireLinkedWallet("require_linked_wallet");
constexpr QLatin1String kReviewCeiling("review_ceiling_eth");
constexpr QLatin1String kReviewMultiple("review_multiple");
constexpr QLatin1String kHashtag("hashtag");

constexpr QLatin1String kLotTitle("title");
constexpr QLatin1String kLotArtist("artist");
constexpr QLatin1String kLotTokenId("token_id");
constexpr QLatin1String kLotImage("image");
constexpr QLatin1String kLotDescription("description");
constexpr QLatin1String kLotTokenUri("token_uri");

// Empty (not set yet) or scheme:rest without white space; the chain stores it as written.
bool tokenUriOk(const QString& uri)
{
    static const QRegularExpression form(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$"));
    return uri.isEmpty() || form.match(uri).hasMatch();
}

bool isKnownZone(const QString& zoneId)
{
    return !zoneId.isEmpty() && QTimeZone(zoneId.toUtf8()).isValid();
}

QJsonObject lotToJson(const Lot& lot)
{
    return QJsonObject{{kLotTitle, lot.title},
                       {kLotArtist, lot.artist},
                       {kLotTokenId, lot.tokenId},
                       {kLotImage, lot.imagePath},
                       {kLotDescription, lot.description},
                       {kLotTokenUri, lot.tokenUri}};
}

// Milliseconds as the seconds a person writes: whole seconds stay integers in the file.
QJsonValue secondsToJson(std::int64_t ms)
{
    if (ms % 1000 == 0)
        return QJsonValue(qint64(ms / 1000));
    return QJsonValue(double(ms) / 1000.0);
}

// JSON has no money type and doubles would round, so amounts are decimal ETH strings. Commas are
// left out: the file is for machines first, and parseEth reads either form.
QString amountToJson(Gwei amount)
{
    return amount.toDecimalString().remove(u',');
}

QJsonValue timeToJson(QTime time)
{
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    if (time.msec() != 0)
        return time.toString(u"HH:mm:ss.zzz");
    if (time.second() != 0)
        return time.toString(u"HH:mm:ss");
    return time.toString(u"HH:mm");
}

// parseEth refuses zero because nobody bids nothing, but a config may hold zero (no absolute
// minimum raise), so "0", "0.0" and ".000" are read here.
bool isZeroAmount(QStringView text)
{
    bool sawDigit = false;
    bool sawDot = false;
    for (QChar c : text) {
        if (c == u'0') {
            sawDigit = true;
        } else if (c == u'.' && !sawDot) {
            sawDot = true;
        } else {
            return false;
        }
    }
    return sawDigit;
}

// How a JSON value reads in an error sentence: the value itself when it is short.
QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        constexpr qsizetype kMaxShown = 40;
        QString text = value.toString();
        if (text.size() > kMaxShown)
            text = text.left(kMaxShown) + u'…';
        return u'"' + text + u'"';
    }
    case QJsonValue::Double: {
        // Whole numbers as written ("10000000000", not "1e+10") while a double holds them exactly.
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 1e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return QCoreApplication::translate("MarathonConfig", "a list");
    case QJsonValue::Object:
        return QCoreApplication::translate("MarathonConfig", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("MarathonConfig", "nothing");
}

// Sentences for values of the wrong kind; %1 is the key, %2 the value found.
constexpr const char* kNotText =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be text in quotes, not %2.");
constexpr const char* kNotBool =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be true or false, not %2.");
constexpr const char* kNotWholeNumber =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be a whole number, not %2.");
constexpr const char* kNotSeconds =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be a number of seconds, not %2.");
constexpr const char* kOutOfRange =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" is out of range: %2.");
constexpr const char* kNotQuotedAmount = QT_TRANSLATE_NOOP(
    "MarathonConfig", "\"%1\" must be an ETH amount in quotes, such as \"0.01\", not %2.");
constexpr const char* kNotAmount =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" is not an ETH amount: %2; write it like \"0.01\".");
constexpr const char* kTooPrecise = QT_TRANSLATE_NOOP(
    "MarathonConfig",
    "\"%1\" has more than 9 decimals: %2; the smallest amount is 1 gwei (0.000000001 ETH).");
constexpr const char* kNotDate =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be a date such as \"2026-11-01\", not %2.");
constexpr const char* kNotTime =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be a time such as \"20:00\", not %2.");
constexpr const char* kNotList =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be a list, not %2.");
constexpr const char* kNotLot =
    QT_TRANSLATE_NOOP("MarathonConfig", "\"%1\" must be an object with a title, not %2.");

// Reads typed values out of one JSON object, turning each problem into a sentence that names the
// key as the operator wrote it ("days", "lots[2].title"). A missing key leaves the target alone.
class JsonReader
{
public:
    JsonReader(const QJsonObject& object, QString prefix, QStringList* errors)
        : m_object(object), m_prefix(std::move(prefix)), m_errors(errors)
    {}

    bool ok() const { return m_ok; }

    // A misspelt key would otherwise silently keep a default, which for money is a trap. Keys
    // starting with '_' are left for comments, which JSON lacks.
    void rejectKeysMissingFrom(const QJsonObject& known)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!known.contains(it.key()) && !it.key().startsWith(u'_'))
                fail(QCoreApplication::translate("MarathonConfig",
                                                 "Unknown key \"%1\": check its spelling.")
                         .arg(m_prefix + it.key()));
        }
    }

    template <typename U>
    using Converter = std::optional<U> (JsonReader::*)(const QString& name, const QJsonValue&);

    // `convert` turns a present value into the target's type or reports why it cannot.
    template <typename T, typename U> void read(QLatin1String key, T& out, Converter<U> convert)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return;
        if (std::optional<U> converted = (this->*convert)(m_prefix + key, value))
            out = std::move(*converted);
    }

    // For settings that may be unset: null, which toJson writes for them, unsets them.
    template <typename T, typename U>
    void readNullable(QLatin1String key, T& out, Converter<U> convert)
    {
        if (m_object.value(key).isNull())
            out = T();
        else
            read(key, out, convert);
    }

    std::optional<QString> text(const QString& name, const QJsonValue& value)
    {
        if (!value.isString())
            return reject(kNotText, name, value);
        return value.toString();
    }

    std::optional<bool> boolean(const QString& name, const QJsonValue& value)
    {
        if (!value.isBool())
            return reject(kNotBool, name, value);
        return value.toBool();
    }

    std::optional<int> wholeNumber(const QString& name, const QJsonValue& value)
    {
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number)
            return reject(kNotWholeNumber, name, value);
        if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
            return reject(kOutOfRange, name, value);
        return int(number);
    }

    // The file speaks seconds, the config milliseconds.
    std::optional<std::int64_t> milliseconds(const QString& name, const QJsonValue& value)
    {
        if (!value.isDouble())
            return reject(kNotSeconds, name, value);
        if (std::abs(value.toDouble()) > kMaxJsonSeconds)
            return reject(kOutOfRange, name, value);
        return std::llround(value.toDouble() * 1000.0);
    }

    std::optional<Gwei> amount(const QString& name, const QJsonValue& value)
    {
        // A JSON number would already have been rounded to a double by the parser.
        if (!value.isString())
            return reject(kNotQuotedAmount, name, value);
        // A sign is read here so that a negative draft round-trips; validate() refuses it.
        const QString text = value.toString().trimmed();
        const bool negative = text.startsWith(u'-');
        const QStringView digits = QStringView(text).sliced(negative ? 1 : 0);
        if (isZeroAmount(digits))
            return Gwei();
        const Gwei::ParseResult parsed = Gwei::parseEth(digits);
        if (parsed.ok())
            return negative ? Gwei::fromGwei(-parsed.amount->gwei()) : *parsed.amount;
        switch (parsed.error.value_or(Gwei::ParseError::BadNumber)) {
        case Gwei::ParseError::TooPrecise:
            return reject(kTooPrecise, name, value);
        case Gwei::ParseError::Overflow:
            return reject(kOutOfRange, name, value);
        case Gwei::ParseError::BadNumber:
            break;
        }
        return reject(kNotAmount, name, value);
    }

    std::optional<QDate> date(const QString& name, const QJsonValue& value)
    {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        if (!value.isString() || !date.isValid())
            return reject(kNotDate, name, value);
        return date;
    }

    std::optional<QTime> time(const QString& name, const QJsonValue& value)
    {
        for (QStringView format : {u"HH:mm", u"HH:mm:ss", u"HH:mm:ss.zzz"}) {
            const QTime time = QTime::fromString(value.toString(), format);
            if (value.isString() && time.isValid())
                return time;
        }
        return reject(kNotTime, name, value);
    }

    std::optional<QString> zone(const QString& name, const QJsonValue& value)
    {
        if (!value.isString())
            return reject(kNotText, name, value);
        if (!isKnownZone(value.toString())) {
            fail(QCoreApplication::translate("MarathonConfig",
                                             "\"%1\" is \"%2\", which is not a known time zone: "
                                             "use an IANA id such as America/New_York.")
                     .arg(name, value.toString()));
            return std::nullopt;
        }
        return value.toString();
    }

    std::optional<QStringList> textList(const QString& name, const QJsonValue& value)
    {
        if (!value.isArray())
            return reject(kNotList, name, value);
        QStringList list;
        bool listOk = true;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const std::optional<QString> item = text(itemName(name, i), array.at(i));
            listOk = listOk && item;
            list.append(item.value_or(QString()));
        }
        return listOk ? std::optional(list) : std::nullopt;
    }

    std::optional<QList<Lot>> lots(const QString& name, const QJsonValue& value)
    {
        if (!value.isArray())
            return reject(kNotList, name, value);
        QList<Lot> lots;
        bool listOk = true;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject()) {
                listOk = false;
                reject(kNotLot, itemName(name, i), array.at(i));
                continue;
            }
            JsonReader lotReader(array.at(i).toObject(), itemName(name, i) + u'.', m_errors);
            lotReader.rejectKeysMissingFrom(lotToJson(Lot()));
            Lot lot;
            lotReader.read(kLotTitle, lot.title, &JsonReader::text);
            lotReader.read(kLotArtist, lot.artist, &JsonReader::text);
            lotReader.read(kLotTokenId, lot.tokenId, &JsonReader::text);
            lotReader.read(kLotImage, lot.imagePath, &JsonReader::text);
            lotReader.read(kLotDescription, lot.description, &JsonReader::text);
            lotReader.read(kLotTokenUri, lot.tokenUri, &JsonReader::text);
            listOk = listOk && lotReader.ok();
            m_ok = m_ok && lotReader.ok();
            lots.append(lot);
        }
        return listOk ? std::optional(lots) : std::nullopt;
    }

private:
    static QString itemName(const QString& name, qsizetype index)
    {
        return u"%1[%2]"_s.arg(name).arg(index);
    }

    void fail(const QString& sentence)
    {
        m_ok = false;
        if (m_errors)
            m_errors->append(sentence);
    }

    std::nullopt_t reject(const char* sentence, const QString& name, const QJsonValue& value)
    {
        fail(QCoreApplication::translate("MarathonConfig", sentence).arg(name, describe(value)));
        return std::nullopt;
    }

    QJsonObject m_object;
    QString m_prefix;
    QStringList* m_errors = nullptr;
    bool m_ok = true;
};

} // namespace

QStringList MarathonConfig::validate() const
{
    QStringList problems;

    if (name.trimmed().isEmpty())
        problems << QCoreApplication::translate("MarathonConfig", "The marathon needs a name.");
    if (!firstDay.isValid())
        problems << QCoreApplication::translate("MarathonConfig",
                                                "The marathon needs a first day.");
    const bool daysOk = days >= 1 && days <= kMaxDays;
    if (!daysOk)
        problems << QCoreApplication::translate("MarathonConfig", "Days must be between 1 and %1.")
                        .arg(kMaxDays);

    const bool zoneOk = isKnownZone(timeZone);
    if (timeZone.isEmpty())
        problems << QCoreApplication::translate(
            "MarathonConfig",
            "The marathon needs a time zone: use an IANA id such as America/New_York.");
    else if (!zoneOk)
        problems << QCoreApplication::translate(
                        "MarathonConfig",
                        "Unknown time zone \"%1\": use an IANA id such as America/New_York.")
                        .arg(timeZone);

    bool windowOk = windowStart.isValid() && windowEnd.isValid();
    if (!windowStart.isValid())
        problems << QCoreApplication::translate("MarathonConfig",
                                                "The window needs a valid start time.");
    if (!windowEnd.isValid())
        problems << QCoreApplication::translate("MarathonConfig",
                                                "The window needs a valid end time.");
    if (windowOk && windowStart == windowEnd) {
        // A 24-hour window would leave no time to declare a winner before the next day opens.
        windowOk = false;
        problems << QCoreApplication::translate(
            "MarathonConfig", "The window cannot start and end at the same time; to run past "
                              "midnight, end it earlier than it starts (such as 22:00 to 02:00).");
    } else if (windowOk) {
        // An end at or before the start is on the next local day, so the wall-clock length is
        // always under a day and consecutive days cannot overlap except through DST, below.
        std::int64_t lengthMs = windowStart.msecsTo(windowEnd);
        if (lengthMs <= 0)
            lengthMs += kMsPerDay;
        if (lengthMs < kMinWindowMs) {
            windowOk = false;
            problems << QCoreApplication::translate("MarathonConfig",
                                                    "The window must last at least 1 minute.");
        }
    }

    const bool lotsPerDayOk = lotsPerDay >= 1 && lotsPerDay <= kMaxLotsPerDay;
    if (!lotsPerDayOk)
        problems << QCoreApplication::translate("MarathonConfig",
                                                "Lots per day must be between 1 and %1.")
                        .arg(kMaxLotsPerDay);

    // Only a schedule that is otherwise sound can show what the clock changes do to it.
    if (firstDay.isValid() && daysOk && zoneOk && windowOk && lotsPerDayOk) {
        QString scheduleError;
        if (!Schedule::compute(*this, &scheduleError))
            problems << scheduleError;
    }

    if (daysOk && lotsPerDayOk && !lots.isEmpty() && lots.size() != days * lotsPerDay)
        problems << QCoreApplication::translate(
                        "MarathonConfig",
                        "There are %1 lots but there must be %2 (days × lots per day = %3 × %4), "
                        "or none while drafting.")
                        .arg(lots.size())
                        .arg(days * lotsPerDay)
                        .arg(days)
                        .arg(lotsPerDay);
    for (qsizetype i = 0; i < lots.size(); ++i) {
        if (lots.at(i).title.trimmed().isEmpty())
            problems << QCoreApplication::translate("MarathonConfig", "Lot %1 needs a title.")
                            .arg(i + 1);
        if (!tokenUriOk(lots.at(i).tokenUri))
            problems << QCoreApplication::translate(
                            "MarathonConfig",
                            "Lot %1's token URI must be a URI such as ipfs://… or https://…, "
                            "without spaces.")
                            .arg(i + 1);
    }

    if (reserve <= Gwei())
        problems << QCoreApplication::translate("MarathonConfig",
                                                "The reserve price must be more than 0 ETH.");
    const bool percentOk = minRaisePercent >= 0 && minRaisePercent <= kMaxMinRaisePercent;
    if (!percentOk)
        problems << QCoreApplication::translate(
                        "MarathonConfig", "The minimum raise percentage must be between 0 and %1.")
                        .arg(kMaxMinRaisePercent);
    const bool absoluteOk = minRaiseAbsolute >= Gwei();
    if (!absoluteOk)
        problems << QCoreApplication::translate("MarathonConfig",
                                                "The minimum raise amount cannot be negative.");
    if (percentOk && absoluteOk && minRaisePercent == 0 && minRaiseAbsolute == Gwei())
        problems << QCoreApplication::translate(
            "MarathonConfig", "The minimum raise needs a percentage or an amount above 0, or a "
                              "bid could simply repeat the leader's amount.");

    if (timeBufferMs < 0 || timeBufferMs > kMaxTimeBufferMs)
        problems << QCoreApplication::translate(
            "MarathonConfig", "The anti-sniping time buffer must be between 0 and 24 hours.");
    if (maxExtensionMs && *maxExtensionMs <= 0)
        problems << QCoreApplication::translate(
            "MarathonConfig", "The cap on time extensions must be more than 0 when it is set.");
    if (graceMs < 0 || graceMs > kMaxGraceMs)
        problems << QCoreApplication::translate(
            "MarathonConfig", "The grace period for late bids must be between 0 and 10 minutes.");

    if (minAccountAgeDays < 0 || minAccountAgeDays > kMaxAccountAgeDays)
        problems << QCoreApplication::translate(
                        "MarathonConfig", "The minimum account age must be between 0 and %1 days.")
                        .arg(kMaxAccountAgeDays);
    if (reviewMultiple != 0 && reviewMultiple < kMinReviewMultiple)
        problems << QCoreApplication::translate(
                        "MarathonConfig", "The review multiple must be 0 (off) or at least %1.")
                        .arg(kMinReviewMultiple);
    if (reviewCeiling && *reviewCeiling <= reserve)
        problems << QCoreApplication::translate(
                        "MarathonConfig",
                        "The review ceiling (%1) must be above the reserve price (%2).")
                        .arg(reviewCeiling->toEthString(), reserve.toEthString());

    if (!hashtag.isEmpty()) {
        const bool hasSpace =
            std::any_of(hashtag.cbegin(), hashtag.cend(), [](QChar c) { return c.isSpace(); });
        if (!hashtag.startsWith(u'#') || hashtag.size() < 2 || hasSpace)
            problems << QCoreApplication::translate(
                "MarathonConfig",
                "The hashtag must start with # and contain no spaces, such as #SothebAIs.");
    }

    return problems;
}

QJsonObject MarathonConfig::toJson() const
{
    QJsonArray lotsJson;
    for (const Lot& lot : lots)
        lotsJson.append(lotToJson(lot));

    QJsonObject json;
    json.insert(kName, name);
    json.insert(kFirstDay, firstDay.isValid() ? QJsonValue(firstDay.toString(Qt::ISODate))
                                              : QJsonValue(QJsonValue::Null));
    json.insert(kDays, days);
    json.insert(kWindowStart, timeToJson(windowStart));
    json.insert(kWindowEnd, timeToJson(windowEnd));
    json.insert(kTimeZone, timeZone);
    json.insert(kLotsPerDay, lotsPerDay);
    json.insert(kLots, lotsJson);
    json.insert(kReserve, amountToJson(reserve));
    json.insert(kMinRaisePercent, minRaisePercent);
    json.insert(kMinRaiseAbsolute, amountToJson(minRaiseAbsolute));
    json.insert(kTimeBuffer, secondsToJson(timeBufferMs));
    json.insert(kMaxExtension,
                maxExtensionMs ? secondsToJson(*maxExtensionMs) : QJsonValue(QJsonValue::Null));
    json.insert(kGrace, secondsToJson(graceMs));
    json.insert(kMinAccountAge, minAccountAgeDays);
    json.insert(kBlocklist, QJsonArray::fromStringList(blocklist));
    json.insert(kRequireLinkedWallet, requireLinkedWallet);
    json.insert(kReviewCeiling, reviewCeiling ? QJsonValue(amountToJson(*reviewCeiling))
                                              : QJsonValue(QJsonValue::Null));
    json.insert(kReviewMultiple, reviewMultiple);
    json.insert(kHashtag, hashtag);
    return json;
}

std::optional<MarathonConfig> MarathonConfig::fromJson(const QJsonObject& json, QStringList* errors)
{
    MarathonConfig config;
    JsonReader reader(json, QString(), errors);
    // The keys toJson writes are exactly the ones there are.
    reader.rejectKeysMissingFrom(MarathonConfig().toJson());
    reader.read(kName, config.name, &JsonReader::text);
    reader.readNullable(kFirstDay, config.firstDay, &JsonReader::date);
    reader.read(kDays, config.days, &JsonReader::wholeNumber);
    reader.readNullable(kWindowStart, config.windowStart, &JsonReader::time);
    reader.readNullable(kWindowEnd, config.windowEnd, &JsonReader::time);
    reader.read(kTimeZone, config.timeZone, &JsonReader::zone);
    reader.read(kLotsPerDay, config.lotsPerDay, &JsonReader::wholeNumber);
    reader.read(kLots, config.lots, &JsonReader::lots);
    reader.read(kReserve, config.reserve, &JsonReader::amount);
    reader.read(kMinRaisePercent, config.minRaisePercent, &JsonReader::wholeNumber);
    reader.read(kMinRaiseAbsolute, config.minRaiseAbsolute, &JsonReader::amount);
    reader.read(kTimeBuffer, config.timeBufferMs, &JsonReader::milliseconds);
    reader.readNullable(kMaxExtension, config.maxExtensionMs, &JsonReader::milliseconds);
    reader.read(kGrace, config.graceMs, &JsonReader::milliseconds);
    reader.read(kMinAccountAge, config.minAccountAgeDays, &JsonReader::wholeNumber);
    reader.read(kBlocklist, config.blocklist, &JsonReader::textList);
    reader.read(kRequireLinkedWallet, config.requireLinkedWallet, &JsonReader::boolean);
    reader.readNullable(kReviewCeiling, config.reviewCeiling, &JsonReader::amount);
    reader.read(kReviewMultiple, config.reviewMultiple, &JsonReader::wholeNumber);
    reader.read(kHashtag, config.hashtag, &JsonReader::text);
    if (!reader.ok())
        return std::nullopt;
    return config;
}

std::optional<MarathonConfig> MarathonConfig::loadFile(const QString& path, QStringList* errors)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const auto fail = [&](const QString& sentence) -> std::optional<MarathonConfig> {
        qCWarning(lcMarathonConfig).noquote() << "loading" << shownPath << "failed:" << sentence;
        if (errors)
            errors->append(sentence);
        return std::nullopt;
    };

    if (!QFileInfo::exists(path))
        return fail(QCoreApplication::translate("MarathonConfig",
                                                "The marathon file \"%1\" does not exist.")
                        .arg(shownPath));
    QByteArray data;
    if (QString why; !sb::readRegularFile(path, kMaxFileBytes, &data, &why))
        return fail(QCoreApplication::translate("MarathonConfig",
                                                "Cannot read the marathon file \"%1\": %2.")
                        .arg(shownPath, why));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Editors show lines and columns, not byte offsets.
        const QByteArray before = data.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        return fail(QCoreApplication::translate("MarathonConfig",
                                                "The marathon file \"%1\" is not valid JSON: %2 "
                                                "at line %3, column %4 (offset %5).")
                        .arg(shownPath, parseError.errorString())
                        .arg(line)
                        .arg(column)
                        .arg(parseError.offset));
    }
    if (!document.isObject())
        return fail(QCoreApplication::translate(
                        "MarathonConfig",
                        "The marathon file \"%1\" must hold one JSON object, between { and }.")
                        .arg(shownPath));

    // QJsonDocument keeps the last of two equal keys without a word: a config with two
    // "reserve_eth" would run with whichever came second. Refuse it instead.
    if (const auto duplicate = sb::common::JsonDuplicateKeys::find(data))
        return fail(QCoreApplication::translate("MarathonConfig",
                                                "The marathon file \"%1\" gives \"%2\" twice "
                                                "(in %3, line %4); keep only one.")
                        .arg(shownPath, duplicate->key,
                             duplicate->where.isEmpty()
                                 ? QCoreApplication::translate("MarathonConfig", "the marathon")
                                 : duplicate->where)
                        .arg(duplicate->line));

    QStringList jsonErrors;
    std::optional<MarathonConfig> config = fromJson(document.object(), &jsonErrors);
    for (const QString& sentence : std::as_const(jsonErrors))
        qCWarning(lcMarathonConfig).noquote() << u"in %1: %2"_s.arg(shownPath, sentence);
    if (errors)
        errors->append(jsonErrors);
    return config;
}

bool MarathonConfig::saveFile(const QString& path, QString* error) const
{
    const QString shownPath = QDir::toNativeSeparators(path);
    // QSaveFile writes a temporary file and renames it over the old one on commit, so a crash or
    // a full disk never leaves a half-written config behind.
    QSaveFile file(path);
    const QByteArray data = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    if (written)
        return true;

    const QString sentence =
        QCoreApplication::translate("MarathonConfig", "Cannot write the marathon file \"%1\": %2.")
            .arg(shownPath, file.errorString());
    qCWarning(lcMarathonConfig).noquote() << "saving" << shownPath << "failed:" << sentence;
    if (file.isOpen())
        file.cancelWriting();
    if (error)
        *error = sentence;
    return false;
}

} // namespace sb::auction
