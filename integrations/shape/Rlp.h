#pragma once
// Recursive Length Prefix, the chain's serialization of transactions: an item is a byte string or
// a list of items. Encoding is canonical by construction; decoding is strict (yellow paper,
// appendix B): lengths in their shortest form, a single byte below 0x80 as itself, no length with
// a leading zero, no bytes after the item, and lists nested at most kRlpMaxDepth deep, so a hostile
// node's answer cannot be read two ways or exhaust the stack.

#include "AuctionResult.h"
#include "U256.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <vector>

namespace sb::integrations::shape {

using sb::auction::Result;

// A transaction is 2 deep (its access list 4); a bit of room beyond that, no more.
inline constexpr int kRlpMaxDepth = 16;

class RlpItem
{
public:
    RlpItem() = default; // the empty string, which is also the integer 0
    static RlpItem fromBytes(QByteArray bytes);
    // An integer: big-endian without leading zeros; 0 is the empty string.
    static RlpItem fromUint(const U256& value);
    static RlpItem fromUint(std::uint64_t value) { return fromUint(U256::fromUint64(value)); }
    static RlpItem fromList(std::vector<RlpItem> items);

    bool isList() const { return m_isList; }
    // The string's bytes (empty for a list).
    const QByteArray& bytes() const { return m_bytes; }
    // The list's items (empty for a string).
    const std::vector<RlpItem>& items() const { return m_items; }

    // The string as an integer: at most 32 bytes, no leading zero byte (0 is the empty string).
    Result<U256> toUint() const;
    Result<std::uint64_t> toUint64() const;

    friend bool operator==(const RlpItem&, const RlpItem&) = default;

private:
    bool m_isList = false;
    QByteArray m_bytes;
    std::vector<RlpItem> m_items;
};

QByteArray rlpEncode(const RlpItem& item);
// Exactly one item filling all of `data`, or why not (with the byte offset where it went wrong).
Result<RlpItem> rlpDecode(QByteArrayView data, int maxDepth = kRlpMaxDepth);

} // namespace sb::integrations::shape
