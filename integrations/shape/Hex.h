#pragma once
// Bytes as JSON-RPC and explorers spell them: "0x" and two hex digits per byte.

#include <QByteArray>
#include <QByteArrayView>
#include <QChar>
#include <QString>
#include <QStringView>

#include <optional>

namespace sb::integrations::shape {

// "0x" followed by two lower-case hex digits per byte ("0x" alone for no bytes).
QString toHex(QByteArrayView bytes);
// The bytes of "0x" + an even number of hex digits (either case); nullopt for anything else, so a
// truncated or mistyped value is never half read.
std::optional<QByteArray> fromHex(QStringView text);
// 0–15 for a hex digit of either case, -1 for any other character.
int hexDigitValue(QChar c);

} // namespace sb::integrations::shape
