#pragma once
// The transactions the studio sends to Shape: EIP-1559 (type 2, in an EIP-2718 envelope). The
// signing hash is keccak256(0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
// gasLimit, to, value, data, accessList])); the raw transaction appends [yParity, r, s] to that
// list, and its hash is keccak256 of the raw bytes. Reading raw transactions back is strict for
// type 2 and recognises what is not ours (OP Stack deposits, type 0x7e, start every block; legacy
// and other types) without failing.

#include "Address.h"
#include "AuctionResult.h"
#include "Secp256k1Key.h"
#include "U256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace sb::integrations::shape {

using sb::auction::Result;

struct AccessListEntry
{
    Address address;
    std::vector<QByteArray> storageKeys; // 32 bytes each

    friend bool operator==(const AccessListEntry&, const AccessListEntry&) = default;
};

struct SignedTransaction;

struct Eip1559Transaction
{
    static constexpr std::uint8_t kType = 0x02;

    std::uint64_t chainId = 0;
    std::uint64_t nonce = 0;
    U256 maxPriorityFeePerGas; // wei
    U256 maxFeePerGas;         // wei
    std::uint64_t gasLimit = 0;
    std::optional<Address> to; // none: the transaction creates a contract
    U256 value;                // wei
    QByteArray data;
    std::vector<AccessListEntry> accessList;

    // 0x02 ‖ rlp of the nine fields: what is signed, and what the L1 fee oracle prices.
    QByteArray signingPayload() const;
    QByteArray signingHash() const;
    // Signed by `key`; the result's sender is the key's address.
    Result<SignedTransaction> sign(const Secp256k1Key& key) const;

    friend bool operator==(const Eip1559Transaction&, const Eip1559Transaction&) = default;
};

struct SignedTransaction
{
    Eip1559Transaction transaction;
    Signature signature;
    Address sender; // recovered from the signature

    // 0x02 ‖ rlp of the nine fields and yParity, r, s: what eth_sendRawTransaction takes.
    QByteArray raw() const;
    // keccak256(raw()): the id the chain and explorers use.
    QByteArray hash() const;
    // One line for logs and the operator: hash, sender, recipient, nonce, value, fees, gas.
    QString describe() const;

    friend bool operator==(const SignedTransaction&, const SignedTransaction&) = default;
};

// What a raw transaction is, by its first byte.
enum class TransactionKind
{
    Eip1559,   // 0x02: ours to read
    Deposit,   // 0x7e: an OP Stack deposit (no signature; the sequencer's or a bridge's)
    Legacy,    // an RLP list (first byte 0xc0 or above): pre-EIP-2718
    OtherType, // another EIP-2718 type (0x01 access list, 0x03 blob, 0x04 set code, ...)
    Invalid,   // 0x80–0xbf, or nothing: not a transaction
};
TransactionKind transactionKind(QByteArrayView raw);

struct DecodedTransaction
{
    TransactionKind kind = TransactionKind::Invalid;
    std::uint8_t type = 0;                    // the envelope's type byte (0 for legacy)
    std::optional<SignedTransaction> eip1559; // set for kind Eip1559
    QString note;                             // for the others: "deposit, not ours", ...
};

// A type-2 transaction with its fields and recovered sender; a deposit, a legacy or another
// type as recognised and not ours; an error only for malformed bytes (a broken type 2 included).
Result<DecodedTransaction> decodeTransaction(QByteArrayView raw);

} // namespace sb::integrations::shape
