#pragma once
// A 256-bit unsigned integer, the size of every EVM word: wei amounts, gas prices, token ids,
// signature scalars. Exact integer arithmetic only (money is never floating point), and every
// operation that could wrap says so by returning nullopt instead. The auction counts in gwei
// (auction/Gwei.h); wei = gwei × 10^9 exists only here, at the chain boundary.

#include "Gwei.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <utility>

namespace sb::integrations::shape {

class U256
{
public:
    constexpr U256() = default;
    static constexpr U256 fromUint64(std::uint64_t value)
    {
        U256 result;
        result.m_limbs[0] = std::uint32_t(value);
        result.m_limbs[1] = std::uint32_t(value >> 32);
        return result;
    }
    // Wei for an amount of gwei (× 10^9, exact); nullopt for a negative amount.
    static std::optional<U256> weiFromGwei(std::int64_t gwei);
    static std::optional<U256> weiFromGwei(sb::auction::Gwei amount)
    {
        return weiFromGwei(amount.gwei());
    }
    static U256 max();

    // Plain decimal digits ("0", "12345"; no sign, separators or exponent); nullopt when it is
    // not one or does not fit in 256 bits.
    static std::optional<U256> fromDecimal(QStringView text);
    // "0x" and 1 to 64 significant hex digits, either case (JSON-RPC quantities and whole words).
    static std::optional<U256> fromHex(QStringView text);
    // At most 32 big-endian bytes (leading zero bytes are allowed here; RLP's strictness about
    // them lives in Rlp).
    static std::optional<U256> fromBigEndian(QByteArrayView bytes);

    QString toDecimal() const;
    // "0x" + minimal lower-case hex digits, "0x0" for zero: a JSON-RPC quantity.
    QString toHex() const;
    // Big-endian without leading zero bytes; empty for zero (RLP's integers).
    QByteArray toBigEndianMinimal() const;
    // Exactly 32 big-endian bytes (an ABI word).
    QByteArray toWord() const;
    std::optional<std::uint64_t> toUint64() const;
    // The amount in gwei when this many wei is a whole number of gwei that fits the auction's
    // int64; nullopt otherwise.
    std::optional<sb::auction::Gwei> toWholeGwei() const;

    bool isZero() const { return *this == U256(); }
    friend bool operator==(const U256&, const U256&) = default;
    friend std::strong_ordering operator<=>(const U256& a, const U256& b);

    std::optional<U256> checkedAdd(const U256& other) const;
    std::optional<U256> checkedSub(const U256& other) const;
    std::optional<U256> checkedMul(const U256& other) const;
    std::optional<U256> checkedMul(std::uint64_t factor) const
    {
        return checkedMul(fromUint64(factor));
    }
    // (quotient, remainder) of the division by a non-zero 32-bit divisor.
    std::pair<U256, std::uint32_t> divMod(std::uint32_t divisor) const;

private:
    // Little-endian 32-bit limbs: products and carries fit in std::uint64_t on every compiler.
    std::array<std::uint32_t, 8> m_limbs{};
};

} // namespace sb::integrations::shape
