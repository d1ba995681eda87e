#include "Address.h"

#include "Hex.h"
#include "Keccak.h"
#include "WalletAddress.h"

#include <algorithm>

namespace sb::integrations::shape {

std::optional<Address> Address::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != kSize)
        return std::nullopt;
    Address address;
    std::copy(bytes.begin(), bytes.end(), address.m_bytes.begin());
    return address;
}

Result<Address> Address::fromString(const QString& text)
{
    QString why;
    const std::optional<QString> checked = sb::auction::WalletAddress::checksummed(text, &why);
    if (!checked)
        return Result<Address>::failure(why);
    const std::optional<QByteArray> bytes = fromHex(*checked);
    Q_ASSERT(bytes && bytes->size() == kSize); // checksummed() answers 0x + 40 hex digits
    return *fromBytes(*bytes);
}

std::optional<Address> Address::fromPublicKey(QByteArrayView uncompressed)
{
    QByteArrayView xy = uncompressed;
    if (xy.size() == 65 && xy.at(0) == '\x04')
        xy = xy.sliced(1);
    if (xy.size() != 64)
        return std::nullopt;
    return fromBytes(QByteArrayView(keccak256(xy)).sliced(32 - kSize));
}

QByteArray Address::bytes() const
{
    return QByteArray(reinterpret_cast<const char*>(m_bytes.data()), kSize);
}

QString Address::toChecksummed() const
{
    // Lower-case hex carries no checksum, so checksummed() always accepts it.
    return *sb::auction::WalletAddress::checksummed(toHex(bytes()));
}

} // namespace sb::integrations::shape
