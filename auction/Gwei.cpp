#include "Gwei.h"

#include <limits>

namespace sb::auction {

namespace {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();

// Only ASCII digits are money: QChar::isDigit() would also take Arabic-Indic and other scripts.
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int digitValue(QChar c)
{
    return c.unicode() - u'0';
}

bool isAllAsciiDigits(QStringView text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

// The part before the decimal point: plain digits ("1000"), or thousands separated by commas in
// groups of exactly three ("1,000"). A grouped number may not start with 0: "0,500" is far more
// likely a European 0.5 than five hundred.
bool isWellFormedIntegerPart(QStringView integerPart)
{
    if (!integerPart.contains(u','))
        return isAllAsciiDigits(integerPart);

    qsizetype groupStart = 0;
    bool firstGroup = true;
    while (groupStart <= integerPart.size()) {
        qsizetype comma = integerPart.indexOf(u',', groupStart);
        if (comma < 0)
            comma = integerPart.size();
        const QStringView group = integerPart.sliced(groupStart, comma - groupStart);
        if (!isAllAsciiDigits(group))
            return false;
        if (firstGroup) {
            if (group.isEmpty() || group.size() > 3 || group.front() == u'0')
                return false;
        } else if (group.size() != 3) {
            return false;
        }
        firstGroup = false;
        groupStart = comma + 1;
    }
    return true;
}

Gwei::ParseResult parseError(Gwei::ParseError error)
{
    return {std::nullopt, error};
}

// Shared by parseEth (9 decimals, 10^9 gwei per unit) and parseGwei (no decimals, 1 per unit).
// Everything is integer arithmetic with overflow checked before it could happen.
Gwei::ParseResult parseDecimal(QStringView text, int maxDecimals)
{
    text = text.trimmed();
    const qsizetype dot = text.indexOf(u'.');
    const QStringView integerPart = dot < 0 ? text : text.first(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.sliced(dot + 1);

    // A second '.', a sign, an exponent, a space or a non-ASCII digit all land here.
    if ((integerPart.isEmpty() && fraction.isEmpty()) || !isWellFormedIntegerPart(integerPart) ||
        !isAllAsciiDigits(fraction))
        return parseError(Gwei::ParseError::BadNumber);
    if (fraction.size() > maxDecimals)
        return parseError(Gwei::ParseError::TooPrecise);

    std::int64_t whole = 0;
    for (const QChar c : integerPart) {
        if (c == u',')
            continue;
        const int digit = digitValue(c);
        if (whole > (kInt64Max - digit) / 10)
            return parseError(Gwei::ParseError::Overflow);
        whole = whole * 10 + digit;
    }

    std::int64_t unitScale = 1;
    for (int i = 0; i < maxDecimals; ++i)
        unitScale *= 10;
    // At most maxDecimals (<= 18) digits, so this cannot overflow.
    std::int64_t fractionAmount = 0;
    for (const QChar c : fraction)
        fractionAmount = fractionAmount * 10 + digitValue(c);
    for (qsizetype i = fraction.size(); i < maxDecimals; ++i)
        fractionAmount *= 10;

    if (whole > (kInt64Max - fractionAmount) / unitScale)
        return parseError(Gwei::ParseError::Overflow);
    const std::int64_t total = whole * unitScale + fractionAmount;
    if (total == 0)
        return parseError(Gwei::ParseError::BadNumber);
    return {Gwei::fromGwei(total), std::nullopt};
}

QString groupThousands(const QString& digits)
{
    QString grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped.append(u',');
        grouped.append(digits.at(i));
    }
    return grouped;
}

} // namespace

Gwei::ParseResult Gwei::parseEth(QStringView text)
{
    return parseDecimal(text, kMaxEthDecimals);
}

Gwei::ParseResult Gwei::parseGwei(QStringView text)
{
    return parseDecimal(text, 0);
}

Gwei::ParseResult Gwei::parseInUnit(QStringView text, int gweiExponent)
{
    Q_ASSERT(gweiExponent >= -18 && gweiExponent <= 18);
    if (gweiExponent >= 0)
        return parseDecimal(text, gweiExponent);

    // Below a gwei: a whole number of units whose last -gweiExponent digits must be zeros. Work
    // on the digits, so "10,000,000,000,000,000,000 wei" (10 ETH) does not overflow on the way.
    const ParseResult asWhole = parseDecimal(text, 0);
    if (!asWhole.ok() && asWhole.error != ParseError::Overflow)
        return asWhole; // malformed, zero, or written with decimals
    text = text.trimmed();
    if (text.endsWith(u'.'))
        text.chop(1); // "12." is 12, as for ETH
    QString digits = text.toString();
    digits.remove(u',');
    const qsizetype unitDigits = -gweiExponent;
    if (digits.size() <= unitDigits)
        return parseError(ParseError::TooPrecise);
    for (const QChar c : digits.last(unitDigits)) {
        if (c != u'0')
            return parseError(ParseError::TooPrecise);
    }
    digits.chop(unitDigits);
    return parseDecimal(digits, 0);
}

QString Gwei::toDecimalString() const
{
    // Work on the magnitude in unsigned arithmetic so that INT64_MIN has a positive counterpart.
    const bool negative = m_gwei < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(m_gwei)
                                             : static_cast<std::uint64_t>(m_gwei);
    const auto perEth = static_cast<std::uint64_t>(kGweiPerEth);

    QString text;
    if (negative)
        text.append(u'-');
    text.append(groupThousands(QString::number(magnitude / perEth)));

    const std::uint64_t fraction = magnitude % perEth;
    if (fraction != 0) {
        QString decimals = QString::number(fraction).rightJustified(kMaxEthDecimals, u'0');
        while (decimals.endsWith(u'0'))
            decimals.chop(1);
        text.append(u'.');
        text.append(decimals);
    }
    return text;
}

QString Gwei::toEthString() const
{
    return toDecimalString() + QStringLiteral(" ETH");
}

std::optional<Gwei> Gwei::checkedAdd(Gwei other) const
{
    const std::int64_t a = m_gwei;
    const std::int64_t b = other.m_gwei;
    if ((b > 0 && a > kInt64Max - b) || (b < 0 && a < kInt64Min - b))
        return std::nullopt;
    return Gwei(a + b);
}

std::optional<Gwei> Gwei::checkedMultiply(std::int64_t factor) const
{
    const std::int64_t a = m_gwei;
    const std::int64_t b = factor;
    if (a == 0 || b == 0)
        return Gwei();
    // Each sign combination compares against the bound it could cross, using division that
    // itself cannot overflow (CERT INT32-C).
    if (a > 0) {
        if (b > 0 ? a > kInt64Max / b : b < kInt64Min / a)
            return std::nullopt;
    } else {
        if (b > 0 ? a < kInt64Min / b : b < kInt64Max / a)
            return std::nullopt;
    }
    return Gwei(a * b);
}

Gwei Gwei::percentCeil(int percent) const
{
    // A minimum raise is never negative: a non-positive amount or percent asks for no raise.
    if (m_gwei <= 0 || percent <= 0)
        return Gwei();
    // ceil((100q + r) × p / 100) = q × p + ceil(r × p / 100); r × p < 100 × 2^31 always fits.
    const std::int64_t hundreds = m_gwei / 100;
    const std::int64_t remainder = m_gwei % 100;
    const std::int64_t remainderPart = (remainder * percent + 99) / 100;
    // Above 100 % the true result can exceed int64; saturating keeps "no bid can reach it" true.
    const std::optional<Gwei> wholePart = Gwei(hundreds).checkedMultiply(percent);
    if (!wholePart)
        return Gwei(kInt64Max);
    return wholePart->checkedAdd(Gwei(remainderPart)).value_or(Gwei(kInt64Max));
}

} // namespace sb::auction
