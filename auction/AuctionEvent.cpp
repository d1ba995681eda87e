#include "AuctionEvent.h"

#include "UtcTime.h"

#include <QDateTime>
#include <QJsonDocument>

namespace sb::auction {

QJsonObject AuctionEvent::toJson() const
{
    QJsonObject json{
        {QStringLiteral("seq"), qint64(seq)},
        {QStringLiteral("time_utc"), isoUtc(timeUtcMs)},
        {QStringLiteral("type"), type},
        {QStringLiteral("payload"), payload},
    };
    if (day)
        json.insert(QStringLiteral("day"), *day);
    return json;
}

QString AuctionEvent::toJsonLine() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

} // namespace sb::auction
