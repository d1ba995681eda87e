#include "Hex.h"

namespace sb::integrations::shape {

QString toHex(QByteArrayView bytes)
{
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toByteArray().toHex());
}

std::optional<QByteArray> fromHex(QStringView text)
{
    if (text.size() < 2 || text.at(0) != u'0' || (text.at(1) != u'x' && text.at(1) != u'X'))
        return std::nullopt;
    const QStringView digits = text.mid(2);
    if (digits.size() % 2 != 0)
        return std::nullopt;
    QByteArray bytes;
    bytes.reserve(digits.size() / 2);
    for (qsizetype i = 0; i < digits.size(); i += 2) {
        const int high = hexDigitValue(digits.at(i));
        const int low = hexDigitValue(digits.at(i + 1));
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes.append(char(high << 4 | low));
    }
    return bytes;
}

int hexDigitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace sb::integrations::shape
