#pragma once
// The studio's signing key (the operator's hot key on Shape): 32 secret bytes and the address they
// control. The secret never leaves this object except into libsecp256k1: there is no accessor, no
// QDebug operator and no string form, it is never logged, it cannot be copied (only moved, which
// wipes the source), and its memory is zeroed when the key goes away. Signatures are ECDSA over
// secp256k1 with RFC 6979 nonces, low S (EIP-2), and the recovery id Ethereum calls yParity.

#include "Address.h"
#include "AuctionResult.h"
#include "U256.h"

#include <QByteArrayView>
#include <QStringView>

#include <array>
#include <cstdint>

namespace sb::integrations::shape {

using sb::auction::Result;

struct Signature
{
    U256 r;
    U256 s;
    std::uint8_t yParity = 0; // 0 or 1: which of the two points with x = r signed

    friend bool operator==(const Signature&, const Signature&) = default;
};

class Secp256k1Key
{
public:
    static constexpr qsizetype kSecretSize = 32;

    // From the 32 secret bytes; refuses zero and anything not below the curve order.
    static Result<Secp256k1Key> fromSecret(QByteArrayView secret);
    // From 64 hex digits, with or without "0x" (as keychains and dev tools hold it). The error
    // never quotes the text.
    static Result<Secp256k1Key> fromHex(QStringView text);

    Secp256k1Key(Secp256k1Key&& other) noexcept;
    Secp256k1Key& operator=(Secp256k1Key&& other) noexcept;
    Secp256k1Key(const Secp256k1Key&) = delete;
    Secp256k1Key& operator=(const Secp256k1Key&) = delete;
    ~Secp256k1Key();

    const Address& address() const { return m_address; }

    // The signature of a 32-byte hash (never of a message: hashing is the caller's format).
    Result<Signature> sign(QByteArrayView hash32) const;

    // The address whose key made `signature` over `hash32`; refuses a high S (EIP-2), a yParity
    // other than 0 or 1, and an r or s of zero or not below the curve order.
    static Result<Address> recoverAddress(QByteArrayView hash32, const Signature& signature);

private:
    Secp256k1Key() = default;
    void wipe() noexcept;

    std::array<std::uint8_t, kSecretSize> m_secret{};
    Address m_address;
};

} // namespace sb::integrations::shape
