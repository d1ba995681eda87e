#include "HostLine.h"

namespace sb::studio {

QString lineKindKey(HostLineKind kind)
{
    switch (kind) {
    case HostLineKind::WindowOpen:
        return QStringLiteral("window_open");
    case HostLineKind::FirstBid:
        return QStringLiteral("first_bid");
    case HostLineKind::NewLeader:
        return QStringLiteral("new_leader");
    case HostLineKind::Outbid:
        return QStringLiteral("outbid");
    case HostLineKind::BigJump:
        return QStringLiteral("big_jump");
    case HostLineKind::Burst:
        return QStringLiteral("burst");
    case HostLineKind::Extension:
        return QStringLiteral("extension");
    case HostLineKind::LastMinute:
        return QStringLiteral("last_minute");
    case HostLineKind::Paused:
        return QStringLiteral("paused");
    case HostLineKind::Resumed:
        return QStringLiteral("resumed");
    case HostLineKind::Winner:
        return QStringLiteral("winner");
    case HostLineKind::SettlementPaid:
        return QStringLiteral("settlement_paid");
    case HostLineKind::BetweenAuctions:
        return QStringLiteral("between_auctions");
    case HostLineKind::Idle:
        return QStringLiteral("idle");
    case HostLineKind::Operator:
        return QStringLiteral("operator");
    }
    return QStringLiteral("idle");
}

HostLinePriority priorityOf(HostLineKind kind)
{
    switch (kind) {
    case HostLineKind::Operator:
        return HostLinePriority::Operator;
    case HostLineKind::Winner:
        return HostLinePriority::Winner;
    case HostLineKind::Extension:
        return HostLinePriority::Extension;
    case HostLineKind::FirstBid:
    case HostLineKind::NewLeader:
    case HostLineKind::Outbid:
    case HostLineKind::BigJump:
    case HostLineKind::Burst:
        return HostLinePriority::Leader;
    default:
        return HostLinePriority::Other;
    }
}

QJsonObject HostLine::toJournalPayload() const
{
    return {{QStringLiteral("text"), text},
            {QStringLiteral("kind"), lineKindKey(kind)},
            {QStringLiteral("priority"), int(priority)},
            {QStringLiteral("created_ms"), qint64(createdMs)}};
}

} // namespace sb::studio
