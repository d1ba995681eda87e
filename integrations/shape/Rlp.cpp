#include "Rlp.h"

namespace sb::integrations::shape {

namespace {

constexpr std::uint8_t kShortStringBase = 0x80; // 0x80 + length, for 0–55 bytes
constexpr std::uint8_t kLongStringBase = 0xb7;  // 0xb7 + length of the length
constexpr std::uint8_t kShortListBase = 0xc0;
constexpr std::uint8_t kLongListBase = 0xf7;
constexpr qsizetype kShortMaxLength = 55;

QByteArray lengthPrefix(qsizetype length, std::uint8_t shortBase, std::uint8_t longBase)
{
    if (length <= kShortMaxLength)
        return QByteArray(1, char(shortBase + length));
    const QByteArray lengthBytes = U256::fromUint64(std::uint64_t(length)).toBigEndianMinimal();
    return char(longBase + lengthBytes.size()) + lengthBytes;
}

void encodeInto(const RlpItem& item, QByteArray& out)
{
    if (!item.isList()) {
        const QByteArray& bytes = item.bytes();
        if (bytes.size() == 1 && std::uint8_t(bytes.at(0)) < kShortStringBase) {
            out.append(bytes);
            return;
        }
        out.append(lengthPrefix(bytes.size(), kShortStringBase, kLongStringBase));
        out.append(bytes);
        return;
    }
    QByteArray payload;
    for (const RlpItem& child : item.items())
        encodeInto(child, payload);
    out.append(lengthPrefix(payload.size(), kShortListBase, kLongListBase));
    out.append(payload);
}

Result<RlpItem> failAt(qsizetype offset, const QString& why)
{
    return Result<RlpItem>::failure(QStringLiteral("RLP, byte %1: %2").arg(offset).arg(why));
}

class Decoder
{
public:
    Decoder(QByteArrayView data, int maxDepth) : m_data(data), m_maxDepth(maxDepth) {}

    // The item starting at `pos`, which must end by `end`; `pos` moves past it.
    Result<RlpItem> item(qsizetype& pos, qsizetype end, int depth)
    {
        const qsizetype start = pos;
        if (pos >= end)
            return failAt(start, QStringLiteral("an item was expected, the input ended"));
        const std::uint8_t prefix = std::uint8_t(m_data.at(pos++));
        if (prefix < kShortStringBase)
            return RlpItem::fromBytes(QByteArray(1, char(prefix)));

        const bool isList = prefix >= kShortListBase;
        const std::uint8_t shortBase = isList ? kShortListBase : kShortStringBase;
        const std::uint8_t longBase = isList ? kLongListBase : kLongStringBase;
        qsizetype length = 0;
        if (prefix <= longBase) {
            length = prefix - shortBase;
        } else {
            const int lengthOfLength = prefix - longBase;
            if (lengthOfLength > end - pos)
                return failAt(start, QStringLiteral("the length runs past the end"));
            if (m_data.at(pos) == '\0')
                return failAt(start, QStringLiteral("a length with a leading zero byte"));
            std::uint64_t declared = 0;
            for (int i = 0; i < lengthOfLength; ++i) {
                if (declared > (std::uint64_t(1) << 55)) // longer than any input could be
                    return failAt(start, QStringLiteral("a length beyond the input"));
                declared = declared << 8 | std::uint8_t(m_data.at(pos++));
            }
            if (declared <= std::uint64_t(kShortMaxLength))
                return failAt(start,
                              QStringLiteral("a length of %1 in the long form").arg(declared));
            if (declared > std::uint64_t(end - pos))
                return failAt(start,
                              QStringLiteral("a length of %1 runs past the end").arg(declared));
            length = qsizetype(declared);
        }
        if (length > end - pos)
            return failAt(start, QStringLiteral("a length of %1 runs past the end").arg(length));

        if (!isList) {
            if (length == 1 && std::uint8_t(m_data.at(pos)) < kShortStringBase)
                return failAt(start, QStringLiteral("a single byte below 0x80 must stand alone"));
            const QByteArray bytes = m_data.sliced(pos, length).toByteArray();
            pos += length;
            return RlpItem::fromBytes(bytes);
        }
        if (depth >= m_maxDepth)
            return failAt(start, QStringLiteral("lists nested deeper than %1").arg(m_maxDepth));
        const qsizetype listEnd = pos + length;
        std::vector<RlpItem> items;
        while (pos < listEnd) {
            Result<RlpItem> child = item(pos, listEnd, depth + 1);
            if (!child)
                return child;
            items.push_back(std::move(child).value());
        }
        return RlpItem::fromList(std::move(items));
    }

private:
    QByteArrayView m_data;
    int m_maxDepth;
};

} // namespace

RlpItem RlpItem::fromBytes(QByteArray bytes)
{
    RlpItem item;
    item.m_bytes = std::move(bytes);
    return item;
}

RlpItem RlpItem::fromUint(const U256& value)
{
    return fromBytes(value.toBigEndianMinimal());
}

RlpItem RlpItem::fromList(std::vector<RlpItem> items)
{
    RlpItem item;
    item.m_isList = true;
    item.m_items = std::move(items);
    return item;
}

Result<U256> RlpItem::toUint() const
{
    if (m_isList)
        return Result<U256>::failure(QStringLiteral("RLP: a list where an integer was expected"));
    if (!m_bytes.isEmpty() && m_bytes.at(0) == '\0')
        return Result<U256>::failure(QStringLiteral("RLP: an integer with a leading zero byte"));
    const std::optional<U256> value = U256::fromBigEndian(m_bytes);
    if (!value)
        return Result<U256>::failure(QStringLiteral("RLP: an integer wider than 256 bits"));
    return *value;
}

Result<std::uint64_t> RlpItem::toUint64() const
{
    const Result<U256> wide = toUint();
    if (!wide)
        return Result<std::uint64_t>::failure(wide.error());
    const std::optional<std::uint64_t> value = wide->toUint64();
    if (!value)
        return Result<std::uint64_t>::failure(QStringLiteral("RLP: an integer wider than 64 bits"));
    return *value;
}

QByteArray rlpEncode(const RlpItem& item)
{
    QByteArray out;
    encodeInto(item, out);
    return out;
}

Result<RlpItem> rlpDecode(QByteArrayView data, int maxDepth)
{
    Decoder decoder(data, maxDepth);
    qsizetype pos = 0;
    Result<RlpItem> item = decoder.item(pos, data.size(), 0);
    if (item && pos != data.size())
        return failAt(pos, QStringLiteral("%1 bytes after the item").arg(data.size() - pos));
    return item;
}

} // namespace sb::integrations::shape
