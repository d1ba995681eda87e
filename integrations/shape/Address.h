#pragma once
// An account on the chain: 20 bytes. Written and read in the EIP-55 mixed-case form that bidders
// link (auction/WalletAddress does the checksum; this type adds the bytes, and the address of a
// public key for the studio's own signing key).

#include "AuctionResult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <compare>
#include <cstdint>
#include <optional>

namespace sb::integrations::shape {

using sb::auction::Result;

class Address
{
public:
    static constexpr qsizetype kSize = 20;

    constexpr Address() = default;                                 // the zero address
    static std::optional<Address> fromBytes(QByteArrayView bytes); // exactly 20 bytes
    // "0x" + 40 hex digits, its checksum checked when the letters are mixed case
    // (WalletAddress::checksummed), or why not.
    static Result<Address> fromString(const QString& text);
    // The last 20 bytes of the Keccak-256 of the public key's 64 bytes (x ‖ y); takes the
    // uncompressed SEC1 form (65 bytes starting 0x04) or the 64 bytes alone.
    static std::optional<Address> fromPublicKey(QByteArrayView uncompressed);

    QByteArray bytes() const;
    // "0x" + 40 hex digits in EIP-55 case.
    QString toChecksummed() const;
    bool isZero() const { return *this == Address(); }

    friend auto operator<=>(const Address&, const Address&) = default;

private:
    std::array<std::uint8_t, kSize> m_bytes{};
};

} // namespace sb::integrations::shape
