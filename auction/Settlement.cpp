#include "Settlement.h"

#include <array>
#include <utility>

namespace sb::auction {

namespace {

constexpr std::array<std::pair<SettlementStage, QLatin1StringView>, 10> kStageNames{{
    {SettlementStage::AwaitingWallet, QLatin1StringView("awaiting_wallet")},
    {SettlementStage::ToReserve, QLatin1StringView("to_reserve")},
    {SettlementStage::Reserving, QLatin1StringView("reserving")},
    {SettlementStage::Reserved, QLatin1StringView("reserved")},
    {SettlementStage::ToCancel, QLatin1StringView("to_cancel")},
    {SettlementStage::Cancelling, QLatin1StringView("cancelling")},
    {SettlementStage::Paid, QLatin1StringView("paid")},
    {SettlementStage::Completed, QLatin1StringView("completed")},
    {SettlementStage::Unsold, QLatin1StringView("unsold")},
    {SettlementStage::Failed, QLatin1StringView("failed")},
}};

constexpr std::array<std::pair<ChainTxState, QLatin1StringView>, 8> kTxStateNames{{
    {ChainTxState::Signed, QLatin1StringView("signed")},
    {ChainTxState::Sent, QLatin1StringView("sent")},
    {ChainTxState::Included, QLatin1StringView("included")},
    {ChainTxState::Safe, QLatin1StringView("safe")},
    {ChainTxState::Finalized, QLatin1StringView("finalized")},
    {ChainTxState::Reverted, QLatin1StringView("reverted")},
    {ChainTxState::Replaced, QLatin1StringView("replaced")},
    {ChainTxState::Dropped, QLatin1StringView("dropped")},
}};

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, QLatin1StringView>, N>& names, Enum value)
{
    for (const auto& [v, name] : names) {
        if (v == value)
            return QString(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, QLatin1StringView>, N>& names,
                            QStringView name)
{
    for (const auto& [v, n] : names) {
        if (name == n)
            return v;
    }
    return std::nullopt;
}

} // namespace

QString settlementStageName(SettlementStage stage)
{
    return nameOf(kStageNames, stage);
}

std::optional<SettlementStage> settlementStageFromName(QStringView name)
{
    return valueOf(kStageNames, name);
}

bool settlementIsFinal(SettlementStage stage)
{
    return stage == SettlementStage::Completed || stage == SettlementStage::Unsold;
}

QString chainTxStateName(ChainTxState state)
{
    return nameOf(kTxStateNames, state);
}

std::optional<ChainTxState> chainTxStateFromName(QStringView name)
{
    return valueOf(kTxStateNames, name);
}

bool chainTxIncluded(ChainTxState state)
{
    return state == ChainTxState::Included || state == ChainTxState::Safe ||
           state == ChainTxState::Finalized;
}

bool chainTxCanBeMined(ChainTxState state)
{
    return state == ChainTxState::Signed || state == ChainTxState::Sent || chainTxIncluded(state);
}

} // namespace sb::auction
