// Money is exact: parsing, formatting and checked arithmetic of gwei amounts.

#include "Gwei.h"

#include <QTest>

#include <limits>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kEth = kGweiPerEth;

// Failures print the error by name instead of an enum value.
QString errorName(const std::optional<Gwei::ParseError>& error)
{
    if (!error)
        return QString();
    switch (*error) {
    case Gwei::ParseError::BadNumber:
        return u"BadNumber"_s;
    case Gwei::ParseError::TooPrecise:
        return u"TooPrecise"_s;
    case Gwei::ParseError::Overflow:
        return u"Overflow"_s;
    }
    return u"?"_s;
}

// Checks one parse result against a row: an exact amount, or exactly the named error.
void verifyParse(const Gwei::ParseResult& result, qint64 expectedGwei, const QString& expectedError)
{
    QCOMPARE(result.amount.has_value(), !result.error.has_value());
    QCOMPARE(errorName(result.error), expectedError);
    if (expectedError.isEmpty())
        QCOMPARE(result.amount->gwei(), expectedGwei);
}

} // namespace

class TestGwei : public QObject
{
    Q_OBJECT

private slots:
    void parseEth_data();
    void parseEth();
    void parseGwei_data();
    void parseGwei();
    void parseInUnit_data();
    void parseInUnit();
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
    void checkedAdd_data();
    void checkedAdd();
    void checkedMultiply_data();
    void checkedMultiply();
    void percentCeil_data();
    void percentCeil();
    void ordering();
};

void TestGwei::parseEth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("gwei");
    QTest::addColumn<QString>("error"); // empty: accepted

    QTest::newRow("fraction") << u"0.5"_s << 500'000'000LL << QString();
    QTest::newRow("fraction without leading zero") << u".5"_s << 500'000'000LL << QString();
    QTest::newRow("trailing point") << u"12."_s << 12 * kEth << QString();
    QTest::newRow("whole") << u"1"_s << kEth << QString();
    QTest::newRow("leading zeros") << u"007"_s << 7 * kEth << QString();
    QTest::newRow("thousands with fraction") << u"1,000.5"_s << 1'000'500'000'000LL << QString();
    QTest::newRow("millions") << u"1,000,000"_s << 1'000'000 * kEth << QString();
    QTest::newRow("thousands ungrouped") << u"1000"_s << 1'000 * kEth << QString();
    QTest::newRow("one gwei") << u"0.000000001"_s << 1LL << QString();
    QTest::newRow("nine decimals") << u"0.123456789"_s << 123'456'789LL << QString();
    QTest::newRow("nine decimals trailing zeros") << u"0.100000000"_s << 100'000'000LL << QString();
    QTest::newRow("surrounding spaces") << u" 0.5 "_s << 500'000'000LL << QString();
    QTest::newRow("int64 max grouped") << u"9,223,372,036.854775807"_s << kMax << QString();
    QTest::newRow("int64 max plain") << u"9223372036.854775807"_s << kMax << QString();

    QTest::newRow("empty") << QString() << 0LL << u"BadNumber"_s;
    QTest::newRow("space only") << u" "_s << 0LL << u"BadNumber"_s;
    QTest::newRow("point only") << u"."_s << 0LL << u"BadNumber"_s;
    QTest::newRow("zero") << u"0"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("zero with decimals") << u"0.000"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("european decimal comma") << u"0,5"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("grouped from zero") << u"0,500"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("group of two") << u"1,00"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("group of four") << u"1,0000"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("first group of four") << u"1000,000"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("leading comma") << u",500"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("trailing comma") << u"1,"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("comma in fraction") << u"1.500,5"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("two points") << u"1.2.3"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("exponent") << u"1e2"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("upper exponent") << u"1E2"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("minus") << u"-1"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("plus") << u"+1"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("inner space") << u"1 000"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("hex") << u"0x10"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("full-width digit") << u"\uFF11"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("arabic-indic digit") << u"\u0663"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("ten decimals") << u"0.1234567891"_s << 0LL << u"TooPrecise"_s;
    QTest::newRow("ten decimals trailing zero") << u"0.1000000000"_s << 0LL << u"TooPrecise"_s;
    QTest::newRow("below one gwei") << u"0.0000000001"_s << 0LL << u"TooPrecise"_s;
    QTest::newRow("one gwei over max") << u"9223372036.854775808"_s << 0LL << u"Overflow"_s;
    QTest::newRow("whole over max") << u"9,223,372,037"_s << 0LL << u"Overflow"_s;
    QTest::newRow("digits over int64") << u"99999999999999999999"_s << 0LL << u"Overflow"_s;
}

void TestGwei::parseEth()
{
    QFETCH(QString, text);
    QFETCH(qint64, gwei);
    QFETCH(QString, error);
    verifyParse(Gwei::parseEth(text), gwei, error);
}

void TestGwei::parseGwei_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("gwei");
    QTest::addColumn<QString>("error");

    QTest::newRow("whole") << u"500"_s << 500LL << QString();
    QTest::newRow("grouped") << u"1,500"_s << 1'500LL << QString();
    QTest::newRow("trailing point") << u"12."_s << 12LL << QString();
    QTest::newRow("int64 max") << u"9223372036854775807"_s << kMax << QString();
    QTest::newRow("fraction") << u"1.5"_s << 0LL << u"TooPrecise"_s;
    QTest::newRow("zero fraction is still a decimal") << u"1.0"_s << 0LL << u"TooPrecise"_s;
    QTest::newRow("zero") << u"0"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("bad group") << u"1,50"_s << 0LL << u"BadNumber"_s;
    QTest::newRow("over int64") << u"9223372036854775808"_s << 0LL << u"Overflow"_s;
}

void TestGwei::parseGwei()
{
    QFETCH(QString, text);
    QFETCH(qint64, gwei);
    QFETCH(QString, error);
    verifyParse(Gwei::parseGwei(text), gwei, error);
}

void TestGwei::parseInUnit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<qint64>("gwei");
    QTest::addColumn<QString>("error");

    QTest::newRow("wei, whole gwei") << u"1000000000"_s << -9 << 1LL << QString();
    QTest::newRow("wei grouped") << u"2,000,000,000"_s << -9 << 2LL << QString();
    QTest::newRow("wei trailing point") << u"3000000000."_s << -9 << 3LL << QString();
    QTest::newRow("wei past int64 digits")
        << u"10000000000000000000"_s << -9 << 10'000'000'000LL << QString();
    QTest::newRow("1000 wei") << u"1000"_s << -9 << 0LL << u"TooPrecise"_s;
    QTest::newRow("wei remainder") << u"1000000001"_s << -9 << 0LL << u"TooPrecise"_s;
    QTest::newRow("wei decimal") << u"1000000000.5"_s << -9 << 0LL << u"TooPrecise"_s;
    QTest::newRow("wei zero") << u"0"_s << -9 << 0LL << u"BadNumber"_s;
    QTest::newRow("wei bad group") << u"1,0000000000"_s << -9 << 0LL << u"BadNumber"_s;
    QTest::newRow("wei overflow after scaling")
        << u"9223372036854775808000000000"_s << -9 << 0LL << u"Overflow"_s;
    QTest::newRow("kwei") << u"7000000"_s << -6 << 7LL << QString();
    QTest::newRow("mwei") << u"7000"_s << -3 << 7LL << QString();
    QTest::newRow("gwei") << u"7"_s << 0 << 7LL << QString();
    QTest::newRow("szabo") << u"1.5"_s << 3 << 1'500LL << QString();
    QTest::newRow("szabo too precise") << u"0.0005"_s << 3 << 0LL << u"TooPrecise"_s;
    QTest::newRow("finney") << u"5"_s << 6 << 5'000'000LL << QString();
    QTest::newRow("eth") << u"0.5"_s << 9 << 500'000'000LL << QString();
    QTest::newRow("kether") << u"0.000000000001"_s << 12 << 1LL << QString();
}

void TestGwei::parseInUnit()
{
    QFETCH(QString, text);
    QFETCH(int, exponent);
    QFETCH(qint64, gwei);
    QFETCH(QString, error);
    verifyParse(Gwei::parseInUnit(text, exponent), gwei, error);
}

void TestGwei::format_data()
{
    QTest::addColumn<qint64>("gwei");
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QString>("eth");

    QTest::newRow("zero") << 0LL << u"0"_s << u"0 ETH"_s;
    QTest::newRow("one gwei") << 1LL << u"0.000000001"_s << u"0.000000001 ETH"_s;
    QTest::newRow("half") << 500'000'000LL << u"0.5"_s << u"0.5 ETH"_s;
    QTest::newRow("tenth") << 100'000'000LL << u"0.1"_s << u"0.1 ETH"_s;
    QTest::newRow("one") << kEth << u"1"_s << u"1 ETH"_s;
    QTest::newRow("hundreds") << 999 * kEth << u"999"_s << u"999 ETH"_s;
    QTest::newRow("thousand and a gwei")
        << 1'000'000'000'001LL << u"1,000.000000001"_s << u"1,000.000000001 ETH"_s;
    QTest::newRow("grouped with fraction")
        << 1'234'500'000'000LL << u"1,234.5"_s << u"1,234.5 ETH"_s;
    QTest::newRow("millions") << 123'456'789'012'345'678LL << u"123,456,789.012345678"_s
                              << u"123,456,789.012345678 ETH"_s;
    QTest::newRow("int64 max") << kMax << u"9,223,372,036.854775807"_s
                               << u"9,223,372,036.854775807 ETH"_s;
    QTest::newRow("negative") << -500'000'000LL << u"-0.5"_s << u"-0.5 ETH"_s;
    QTest::newRow("negative whole") << -kEth << u"-1"_s << u"-1 ETH"_s;
    QTest::newRow("int64 min") << kMin << u"-9,223,372,036.854775808"_s
                               << u"-9,223,372,036.854775808 ETH"_s;
}

void TestGwei::format()
{
    QFETCH(qint64, gwei);
    QFETCH(QString, decimal);
    QFETCH(QString, eth);
    QCOMPARE(Gwei::fromGwei(gwei).toDecimalString(), decimal);
    QCOMPARE(Gwei::fromGwei(gwei).toEthString(), eth);
}

void TestGwei::roundTrip_data()
{
    QTest::addColumn<qint64>("gwei");

    QTest::newRow("one gwei") << 1LL;
    QTest::newRow("999 gwei") << 999LL;
    QTest::newRow("just under one") << 999'999'999LL;
    QTest::newRow("half") << 500'000'000LL;
    QTest::newRow("one") << kEth;
    QTest::newRow("thousand and a gwei") << 1'000'000'000'001LL;
    QTest::newRow("billion eth") << 1'000'000'000 * kEth;
    QTest::newRow("every digit") << 123'456'789'012'345'678LL;
    QTest::newRow("int64 max") << kMax;
}

void TestGwei::roundTrip()
{
    QFETCH(qint64, gwei);
    const Gwei amount = Gwei::fromGwei(gwei);
    const Gwei::ParseResult parsed = Gwei::parseEth(amount.toDecimalString());
    QVERIFY2(parsed.ok(), qPrintable(amount.toDecimalString()));
    QCOMPARE(parsed.amount->gwei(), gwei);
}

void TestGwei::checkedAdd_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("sum");

    QTest::newRow("small") << 1LL << 2LL << true << 3LL;
    QTest::newRow("mixed signs") << -5LL << 3LL << true << -2LL;
    QTest::newRow("max plus zero") << kMax << 0LL << true << kMax;
    QTest::newRow("min plus max") << kMin << kMax << true << -1LL;
    QTest::newRow("max plus one") << kMax << 1LL << false << 0LL;
    QTest::newRow("one plus max") << 1LL << kMax << false << 0LL;
    QTest::newRow("min minus one") << kMin << -1LL << false << 0LL;
    QTest::newRow("max plus max") << kMax << kMax << false << 0LL;
}

void TestGwei::checkedAdd()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, fits);
    QFETCH(qint64, sum);
    const std::optional<Gwei> result = Gwei::fromGwei(a).checkedAdd(Gwei::fromGwei(b));
    QCOMPARE(result.has_value(), fits);
    if (fits)
        QCOMPARE(result->gwei(), sum);
}

void TestGwei::checkedMultiply_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("product");

    QTest::newRow("ten times half") << 500'000'000LL << 10LL << true << 5 * kEth;
    QTest::newRow("zero times max") << 0LL << kMax << true << 0LL;
    QTest::newRow("max times zero") << kMax << 0LL << true << 0LL;
    QTest::newRow("max times one") << kMax << 1LL << true << kMax;
    QTest::newRow("max times minus one") << kMax << -1LL << true << -kMax;
    QTest::newRow("negatives") << -3LL << -3LL << true << 9LL;
    QTest::newRow("tenth of max times ten")
        << kMax / 10 << 10LL << true << 9'223'372'036'854'775'800LL;
    QTest::newRow("half of min times two") << kMin / 2 << 2LL << true << kMin;
    QTest::newRow("just over max") << kMax / 10 + 1 << 10LL << false << 0LL;
    QTest::newRow("max times two") << kMax << 2LL << false << 0LL;
    QTest::newRow("min times minus one") << kMin << -1LL << false << 0LL;
    QTest::newRow("minus one times min") << -1LL << kMin << false << 0LL;
    QTest::newRow("min times two") << kMin << 2LL << false << 0LL;
    QTest::newRow("two times min") << 2LL << kMin << false << 0LL;
}

void TestGwei::checkedMultiply()
{
    QFETCH(qint64, amount);
    QFETCH(qint64, factor);
    QFETCH(bool, fits);
    QFETCH(qint64, product);
    const std::optional<Gwei> result = Gwei::fromGwei(amount).checkedMultiply(factor);
    QCOMPARE(result.has_value(), fits);
    if (fits)
        QCOMPARE(result->gwei(), product);
}

void TestGwei::percentCeil_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("raise");

    QTest::newRow("5% of 100") << 100LL << 5 << 5LL;
    QTest::newRow("5% of 1 eth") << kEth << 5 << 50'000'000LL;
    QTest::newRow("rounds up from 0.05") << 1LL << 5 << 1LL;
    QTest::newRow("rounds up from 0.95") << 19LL << 5 << 1LL;
    QTest::newRow("exact 1") << 20LL << 5 << 1LL;
    QTest::newRow("rounds up from 1.05") << 21LL << 5 << 2LL;
    QTest::newRow("zero amount") << 0LL << 5 << 0LL;
    QTest::newRow("zero percent") << 100LL << 0 << 0LL;
    QTest::newRow("negative percent") << 100LL << -5 << 0LL;
    QTest::newRow("negative amount") << -100LL << 5 << 0LL;
    QTest::newRow("5% of max without overflow") << kMax << 5 << 461'168'601'842'738'791LL;
    QTest::newRow("100% of max") << kMax << 100 << kMax;
    QTest::newRow("10^6 % that fits") << kMax / 10'000 << 1'000'000 << 9'223'372'036'854'770'000LL;
    QTest::newRow("10^6 % of max saturates") << kMax << 1'000'000 << kMax;
    QTest::newRow("101% of max saturates") << kMax << 101 << kMax;
}

void TestGwei::percentCeil()
{
    QFETCH(qint64, amount);
    QFETCH(int, percent);
    QFETCH(qint64, raise);
    QCOMPARE(Gwei::fromGwei(amount).percentCeil(percent).gwei(), raise);
}

void TestGwei::ordering()
{
    QVERIFY(Gwei::fromGwei(1) < Gwei::fromGwei(2));
    QVERIFY(Gwei::fromEth(1) == Gwei::fromGwei(kEth));
    QVERIFY(Gwei::fromGwei(-1) < Gwei());
    QCOMPARE(Gwei().gwei(), 0);
}

QTEST_GUILESS_MAIN(TestGwei)
#include "tst_gwei.moc"
