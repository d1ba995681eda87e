#include "U256.h"

#include "Hex.h"

#include <QtGlobal>

#include <algorithm>
#include <limits>

namespace sb::integrations::shape {

namespace {

constexpr int kLimbs = 8;
constexpr std::uint32_t kWeiPerGwei = 1'000'000'000;

} // namespace

std::optional<U256> U256::weiFromGwei(std::int64_t gwei)
{
    if (gwei < 0)
        return std::nullopt;
    // At most (2^63 - 1) × 10^9 < 2^93: always fits.
    return fromUint64(std::uint64_t(gwei)).checkedMul(kWeiPerGwei);
}

U256 U256::max()
{
    U256 result;
    result.m_limbs.fill(0xffffffffu);
    return result;
}

std::optional<U256> U256::fromDecimal(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    U256 result;
    for (const QChar c : text) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return std::nullopt;
        const std::optional<U256> shifted = result.checkedMul(10);
        if (!shifted)
            return std::nullopt;
        const std::optional<U256> next = shifted->checkedAdd(fromUint64(c.unicode() - u'0'));
        if (!next)
            return std::nullopt;
        result = *next;
    }
    return result;
}

std::optional<U256> U256::fromHex(QStringView text)
{
    if (text.size() < 3 || text.at(0) != u'0' || (text.at(1) != u'x' && text.at(1) != u'X'))
        return std::nullopt;
    QStringView digits = text.mid(2);
    for (const QChar c : digits) {
        if (hexDigitValue(c) < 0)
            return std::nullopt;
    }
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.mid(1);
    if (digits.size() > 64)
        return std::nullopt;
    U256 result;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const qsizetype fromRight = digits.size() - 1 - i;
        result.m_limbs[fromRight / 8] |= std::uint32_t(hexDigitValue(digits.at(i)))
                                         << (fromRight % 8 * 4);
    }
    return result;
}

std::optional<U256> U256::fromBigEndian(QByteArrayView bytes)
{
    if (bytes.size() > 32)
        return std::nullopt;
    U256 result;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const qsizetype fromRight = bytes.size() - 1 - i;
        result.m_limbs[fromRight / 4] |= std::uint32_t(std::uint8_t(bytes.at(i)))
                                         << (fromRight % 4 * 8);
    }
    return result;
}

QString U256::toDecimal() const
{
    if (isZero())
        return QStringLiteral("0");
    QString reversed;
    U256 rest = *this;
    while (!rest.isZero()) {
        const auto [quotient, digit] = rest.divMod(10);
        reversed.append(QChar(u'0' + digit));
        rest = quotient;
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

QString U256::toHex() const
{
    const QByteArray bytes = toBigEndianMinimal();
    if (bytes.isEmpty())
        return QStringLiteral("0x0");
    QByteArray digits = bytes.toHex();
    if (digits.startsWith('0'))
        digits.remove(0, 1);
    return QStringLiteral("0x") + QString::fromLatin1(digits);
}

QByteArray U256::toWord() const
{
    QByteArray word(32, '\0');
    for (int i = 0; i < 32; ++i)
        word[31 - i] = char(m_limbs[i / 4] >> (i % 4 * 8));
    return word;
}

QByteArray U256::toBigEndianMinimal() const
{
    QByteArray word = toWord();
    qsizetype zeros = 0;
    while (zeros < word.size() && word.at(zeros) == '\0')
        ++zeros;
    return word.mid(zeros);
}

std::optional<std::uint64_t> U256::toUint64() const
{
    for (int i = 2; i < kLimbs; ++i) {
        if (m_limbs[i] != 0)
            return std::nullopt;
    }
    return std::uint64_t(m_limbs[1]) << 32 | m_limbs[0];
}

std::optional<sb::auction::Gwei> U256::toWholeGwei() const
{
    const auto [gwei, remainder] = divMod(kWeiPerGwei);
    const std::optional<std::uint64_t> small = gwei.toUint64();
    if (remainder != 0 || !small ||
        *small > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return sb::auction::Gwei::fromGwei(std::int64_t(*small));
}

std::strong_ordering operator<=>(const U256& a, const U256& b)
{
    for (int i = kLimbs - 1; i >= 0; --i) {
        if (a.m_limbs[i] != b.m_limbs[i])
            return a.m_limbs[i] <=> b.m_limbs[i];
    }
    return std::strong_ordering::equal;
}

std::optional<U256> U256::checkedAdd(const U256& other) const
{
    U256 sum;
    std::uint64_t carry = 0;
    for (int i = 0; i < kLimbs; ++i) {
        const std::uint64_t limb = std::uint64_t(m_limbs[i]) + other.m_limbs[i] + carry;
        sum.m_limbs[i] = std::uint32_t(limb);
        carry = limb >> 32;
    }
    if (carry != 0)
        return std::nullopt;
    return sum;
}

std::optional<U256> U256::checkedSub(const U256& other) const
{
    if (*this < other)
        return std::nullopt;
    U256 difference;
    std::int64_t borrow = 0;
    for (int i = 0; i < kLimbs; ++i) {
        std::int64_t limb = std::int64_t(m_limbs[i]) - other.m_limbs[i] - borrow;
        borrow = limb < 0 ? 1 : 0;
        if (limb < 0)
            limb += std::int64_t(1) << 32;
        difference.m_limbs[i] = std::uint32_t(limb);
    }
    return difference;
}

std::optional<U256> U256::checkedMul(const U256& other) const
{
    // Schoolbook over twice the limbs; anything landing in the upper half is an overflow.
    std::array<std::uint32_t, 2 * kLimbs> wide{};
    for (int i = 0; i < kLimbs; ++i) {
        std::uint64_t carry = 0;
        for (int j = 0; j < kLimbs; ++j) {
            const std::uint64_t cell =
                std::uint64_t(m_limbs[i]) * other.m_limbs[j] + wide[i + j] + carry;
            wide[i + j] = std::uint32_t(cell);
            carry = cell >> 32;
        }
        wide[i + kLimbs] = std::uint32_t(carry);
    }
    for (int i = kLimbs; i < 2 * kLimbs; ++i) {
        if (wide[i] != 0)
            return std::nullopt;
    }
    U256 product;
    std::copy(wide.begin(), wide.begin() + kLimbs, product.m_limbs.begin());
    return product;
}

std::pair<U256, std::uint32_t> U256::divMod(std::uint32_t divisor) const
{
    Q_ASSERT(divisor != 0);
    U256 quotient;
    std::uint64_t remainder = 0;
    for (int i = kLimbs - 1; i >= 0; --i) {
        const std::uint64_t current = remainder << 32 | m_limbs[i];
        quotient.m_limbs[i] = std::uint32_t(current / divisor);
        remainder = current % divisor;
    }
    return {quotient, std::uint32_t(remainder)};
}

} // namespace sb::integrations::shape
