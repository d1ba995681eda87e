#pragma once
// The part of the Solidity contract ABI the studio's calls need: a function's selector, arguments
// of the static types uint256, address, bool and bytes32 and of the dynamic types string and
// bytes (head words, then each dynamic value's length and padded bytes at the offset its head
// gives), the words and strings of a return value, and the topics and data of an event log.
// Decoding checks every offset and length against the data it was given: a node's answer is
// read, never trusted.

#include "Address.h"
#include "AuctionResult.h"
#include "U256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace sb::integrations::shape {

using sb::auction::Result;

class AbiValue
{
public:
    enum class Type
    {
        Uint256,
        Address,
        Bool,
        Bytes32,
        String,
        Bytes,
    };

    static AbiValue uint256(const U256& value);
    static AbiValue address(const Address& value);
    static AbiValue boolean(bool value);
    // Up to 32 bytes, right-padded with zeros (as Solidity stores a bytes32).
    static AbiValue bytes32(QByteArrayView value);
    static AbiValue string(const QString& value); // as UTF-8
    static AbiValue bytes(QByteArray value);

    Type type() const { return m_type; }
    bool isDynamic() const { return m_type == Type::String || m_type == Type::Bytes; }
    // The static value's word, or the dynamic value's length word and padded bytes.
    QByteArray encoded() const;

private:
    AbiValue(Type type, QByteArray encoded) : m_type(type), m_encoded(std::move(encoded)) {}
    Type m_type;
    QByteArray m_encoded;
};

class Abi
{
public:
    static constexpr qsizetype kWordSize = 32;

    // The first 4 bytes of the Keccak-256 of a canonical signature, "transfer(address,uint256)".
    static QByteArray selector(QByteArrayView signature);
    // The arguments' encoding, without a selector.
    static QByteArray encode(const std::vector<AbiValue>& arguments);
    // Call data: selector(signature) ‖ encode(arguments).
    static QByteArray encodeCall(QByteArrayView signature, const std::vector<AbiValue>& arguments);

    // Reading a return value or an event's data; `index` counts the head's 32-byte words.
    static Result<U256> decodeUint(QByteArrayView data, int index);
    static Result<Address> decodeAddress(QByteArrayView data, int index);
    static Result<bool> decodeBool(QByteArrayView data, int index);
    static Result<QByteArray> decodeBytes32(QByteArrayView data, int index);
    // The dynamic value whose offset is in head word `index`. A string must be valid UTF-8.
    static Result<QByteArray> decodeBytes(QByteArrayView data, int index);
    static Result<QString> decodeString(QByteArrayView data, int index);

    // topic0 of an event: the full Keccak-256 of its signature,
    // "Transfer(address,address,uint256)".
    static QByteArray eventTopic(QByteArrayView signature);
    // An indexed argument as its topic, and back.
    static QByteArray topic(const Address& value);
    static QByteArray topic(const U256& value) { return value.toWord(); }
    static Result<Address> addressFromTopic(QByteArrayView topic);
    static Result<U256> uintFromTopic(QByteArrayView topic);
};

} // namespace sb::integrations::shape
