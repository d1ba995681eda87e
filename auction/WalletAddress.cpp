#include "WalletAddress.h"

#include "BidParser.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>

namespace sb::auction {

std::optional<QString> WalletAddress::checksummed(const QString& text, QString* why)
{
    static const QRegularExpression shape(QStringLiteral("^0[xX]([0-9a-fA-F]{40})$"));
    const QRegularExpressionMatch match = shape.match(text.trimmed());
    if (!match.hasMatch()) {
        if (why)
            *why = QCoreApplication::translate("WalletAddress",
                                               "\"%1\" is not an address (0x and 40 hex digits).")
                       .arg(text.trimmed().left(60));
        return std::nullopt;
    }
    const QString hex = match.captured(1);
    const QString lower = hex.toLower();
    // EIP-55: a letter is upper case where the Keccak-256 of the lower-case hex has a nibble ≥ 8.
    const QByteArray hash =
        QCryptographicHash::hash(lower.toLatin1(), QCryptographicHash::Keccak_256).toHex();
    QString result = QStringLiteral("0x");
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower.at(i);
        const char h = hash.at(i); // a hex digit of the hash
        const int nibble = h <= '9' ? h - '0' : h - 'a' + 10;
        result.append(c.isLetter() && nibble >= 8 ? c.toUpper() : c);
    }
    const bool mixed = hex != lower && hex != hex.toUpper();
    if (mixed && result.mid(2) != hex) {
        if (why)
            *why = QCoreApplication::translate(
                       "WalletAddress",
                       "%1 does not match its checksum (EIP-55): a letter's case is wrong, so the "
                       "address may be mistyped.")
                       .arg(QStringLiteral("0x") + hex);
        return std::nullopt;
    }
    return result;
}

std::optional<QString> WalletAddress::linkIn(const QString& postText, QString* why)
{
    static const QRegularExpression link(QStringLiteral("(?:^|\\W)wallet\\s*:?\\s+(0[xX]\\w+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = link.match(BidParser::normalize(postText));
    if (!match.hasMatch())
        return std::nullopt;
    return checksummed(match.captured(1), why);
}

} // namespace sb::auction
