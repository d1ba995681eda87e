#pragma once
// Exact money for the auction: an amount of gwei in a signed 64-bit integer (1 ETH = 10^9 gwei).
// No floating point ever touches money; conversion to wei happens only at the chain boundary.

#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <optional>

namespace sb::auction {

inline constexpr std::int64_t kGweiPerEth = 1'000'000'000;
inline constexpr int kMaxEthDecimals = 9;

class Gwei
{
public:
    // Why a decimal string could not become an amount.
    enum class ParseError
    {
        BadNumber,  // not a plain positive decimal: signs, exponents, bad separators, zero, empty
        TooPrecise, // more than 9 decimals of ETH
        Overflow,   // does not fit in int64 gwei
    };

    // Defined after the class: std::optional<Gwei> needs Gwei complete.
    struct ParseResult;

    constexpr Gwei() = default;
    static constexpr Gwei fromGwei(std::int64_t gwei) { return Gwei(gwei); }
    static constexpr Gwei fromEth(std::int64_t eth) { return Gwei(eth * kGweiPerEth); }

    // Parses an ETH amount written as a decimal: "0.5", ".5", "12.", "1,000.5" (thousands
    // separators only in groups of three). Zero is BadNumber: nobody bids nothing.
    static ParseResult parseEth(QStringView text);
    // Parses a whole number of gwei with the same grammar ("500", "1,500"); gwei is the smallest
    // unit, so any written decimal ("1.5", even "1.0") is TooPrecise.
    static ParseResult parseGwei(QStringView text);
    // Parses an amount written in a unit worth 10^gweiExponent gwei (-9 for wei, 6 for finney,
    // 9 for ETH), exactly: an amount that is not a whole number of gwei is TooPrecise. A unit
    // smaller than a gwei takes no decimals at all ("1.5 wei" is TooPrecise, like "1.5 gwei").
    static ParseResult parseInUnit(QStringView text, int gweiExponent);

    constexpr std::int64_t gwei() const { return m_gwei; }

    // "0.5 ETH", "1,000.000000001 ETH", "0 ETH": thousands grouped, trailing zeros dropped.
    QString toEthString() const;
    // The same without the unit: "0.5", "1,000.000000001".
    QString toDecimalString() const;

    constexpr auto operator<=>(const Gwei&) const = default;

    // Checked arithmetic: nullopt on int64 overflow.
    std::optional<Gwei> checkedAdd(Gwei other) const;
    std::optional<Gwei> checkedMultiply(std::int64_t factor) const;
    // ceil(this × percent / 100) without overflow for any non-negative amount and percent <= 10^6.
    Gwei percentCeil(int percent) const;

private:
    constexpr explicit Gwei(std::int64_t gwei) : m_gwei(gwei) {}
    std::int64_t m_gwei = 0;
};

struct Gwei::ParseResult
{
    std::optional<Gwei> amount;
    std::optional<ParseError> error;
    bool ok() const { return amount.has_value(); }
};

} // namespace sb::auction
