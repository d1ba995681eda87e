#include "Outbox.h"

#include <array>
#include <utility>

namespace sb::auction {

namespace {

constexpr std::array<std::pair<OutboxState, QLatin1StringView>, 6> kStateNames{{
    {OutboxState::Queued, QLatin1StringView("queued")},
    {OutboxState::Sending, QLatin1StringView("sending")},
    {OutboxState::Sent, QLatin1StringView("sent")},
    {OutboxState::Failed, QLatin1StringView("failed")},
    {OutboxState::Skipped, QLatin1StringView("skipped")},
    {OutboxState::Collapsed, QLatin1StringView("collapsed")},
}};

// Sooner first; a kind not listed goes last.
constexpr std::array<QLatin1StringView, 14> kByPriority{
    OutboxKind::Open,
    OutboxKind::Winner,
    OutboxKind::NoWinner,
    OutboxKind::Settlement,
    OutboxKind::SettlementWallet,
    OutboxKind::SettlementReserved,
    OutboxKind::SettlementReassigned,
    OutboxKind::SettlementPaid,
    OutboxKind::Extended,
    OutboxKind::LastMinutes,
    OutboxKind::Summary,
    OutboxKind::Leader,
    OutboxKind::Accepted,
    OutboxKind::Rejected,
};

} // namespace

QString outboxStateName(OutboxState state)
{
    for (const auto& [value, name] : kStateNames) {
        if (value == state)
            return QString(name);
    }
    return {};
}

std::optional<OutboxState> outboxStateFromName(QStringView name)
{
    for (const auto& [value, stateName] : kStateNames) {
        if (name == stateName)
            return value;
    }
    return std::nullopt;
}

int outboxPriority(QStringView kind)
{
    for (std::size_t i = 0; i < kByPriority.size(); ++i) {
        if (kind == kByPriority[i])
            return int(i);
    }
    return int(kByPriority.size());
}

bool outboxAboutSettlement(QStringView kind)
{
    return kind == OutboxKind::Settlement || kind == OutboxKind::SettlementWallet ||
           kind == OutboxKind::SettlementReserved || kind == OutboxKind::SettlementReassigned ||
           kind == OutboxKind::SettlementPaid;
}

bool outboxCollapsible(QStringView kind)
{
    return kind == OutboxKind::Accepted || kind == OutboxKind::Rejected ||
           kind == OutboxKind::Leader || kind == OutboxKind::Extended;
}

} // namespace sb::auction
