#include "SettlementModel.h"

#include "AuctionSnapshot.h"
#include "ShapeSettings.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace sb::studio {

using sb::auction::ChainTransaction;
using sb::auction::Settlement;
using sb::auction::SettlementStage;

SettlementModel::SettlementModel(QObject* parent) : QAbstractTableModel(parent) {}

void SettlementModel::setSettlements(const QList<Settlement>& settlements,
                                     const QList<ChainTransaction>& transactions,
                                     std::uint64_t chainId)
{
    beginResetModel();
    m_settlements = settlements;
    std::sort(
        m_settlements.begin(), m_settlements.end(),
        [](const Settlement& a, const Settlement& b) { return a.auctionIndex < b.auctionIndex; });
    m_transactions.clear();
    for (const ChainTransaction& tx : transactions) {
        TransactionRow row;
        row.step = tx.step;
        row.turn = tx.turn;
        row.state = sb::auction::chainTxStateName(tx.state);
        row.hash = tx.hash.isEmpty() ? QString()
                                     : QStringLiteral("0x") + QString::fromLatin1(tx.hash.toHex());
        row.explorerUrl = ShapeSettings::explorerTxUrl(tx.chainId ? tx.chainId : chainId, row.hash);
        row.error = tx.error;
        m_transactions[tx.auctionIndex].append(row);
    }
    endResetModel();
}

void SettlementModel::setNowUtcMs(std::int64_t nowUtcMs)
{
    if (m_nowUtcMs == nowUtcMs)
        return;
    m_nowUtcMs = nowUtcMs;
    if (!m_settlements.isEmpty())
        emit dataChanged(index(0, DeadlineColumn), index(rowCount() - 1, DeadlineColumn));
}

int SettlementModel::rowOf(int auctionIndex) const
{
    for (int row = 0; row < m_settlements.size(); ++row)
        if (m_settlements.at(row).auctionIndex == auctionIndex)
            return row;
    return -1;
}

Settlement SettlementModel::settlementAt(int row) const
{
    return row >= 0 && row < m_settlements.size() ? m_settlements.at(row) : Settlement();
}

QList<SettlementModel::TransactionRow> SettlementModel::transactionsAt(int row) const
{
    if (row < 0 || row >= m_settlements.size())
        return {};
    return m_transactions.value(m_settlements.at(row).auctionIndex);
}

QString SettlementModel::stageText(SettlementStage stage)
{
    switch (stage) {
    case SettlementStage::AwaitingWallet:
        return tr("Awaiting wallet");
    case SettlementStage::ToReserve:
        return tr("To reserve");
    case SettlementStage::Reserving:
        return tr("Reserving");
    case SettlementStage::Reserved:
        return tr("Awaiting payment");
    case SettlementStage::ToCancel:
        return tr("To cancel");
    case SettlementStage::Cancelling:
        return tr("Cancelling");
    case SettlementStage::Paid:
        return tr("Paid");
    case SettlementStage::Completed:
        return tr("Completed");
    case SettlementStage::Unsold:
        return tr("Unsold");
    case SettlementStage::Failed:
        return tr("Needs you");
    }
    return QString();
}

QString SettlementModel::shortAddress(const QString& address)
{
    return formatShortAddress(address);
}

QString SettlementModel::nextAction(const Settlement& s)
{
    const QString buyer = s.bidderName.isEmpty() ? tr("the buyer") : s.bidderName;
    switch (s.stage) {
    case SettlementStage::AwaitingWallet:
        return tr("Waiting for %1 to link a wallet (asked on X). Set it by hand if they sent it "
                  "another way, or skip them.")
            .arg(buyer);
    case SettlementStage::ToReserve:
        return tr("The reservation for %1 is being signed and sent.").arg(buyer);
    case SettlementStage::Reserving:
        return tr("Waiting for the reservation to be included in a block.");
    case SettlementStage::Reserved:
        return tr("Waiting for %1 to pay %2 to the contract before the deadline.")
            .arg(buyer, s.price.toEthString());
    case SettlementStage::ToCancel:
        return tr("Nobody left to pay: the reservation is being cancelled on chain.");
    case SettlementStage::Cancelling:
        return tr("Waiting for the cancellation to be included in a block.");
    case SettlementStage::Paid:
        return tr("Paid: waiting for the mint to be confirmed.");
    case SettlementStage::Completed:
        return tr("Done: token #%1 minted to %2.")
            .arg(Settlement::auctionIdOf(s.auctionIndex))
            .arg(shortAddress(s.paidByAddress.isEmpty() ? s.buyerAddress : s.paidByAddress));
    case SettlementStage::Unsold:
        return tr("Done: nobody paid; the lot is unsold.");
    case SettlementStage::Failed:
        return tr("Needs you: %1 Retry, skip the buyer or cancel.")
            .arg(s.error.isEmpty() ? tr("a step failed.") : s.error);
    }
    return QString();
}

QString SettlementModel::countdownText(std::int64_t deadlineUtcMs, std::int64_t nowUtcMs)
{
    if (deadlineUtcMs <= 0)
        return QString();
    const std::int64_t left = deadlineUtcMs - nowUtcMs;
    if (left <= 0)
        return tr("passed");
    const std::int64_t minutes = (left + 59'999) / 60'000; // a started minute counts
    if (minutes < 60)
        return tr("%1 min left").arg(minutes);
    return tr("%1 h %2 min left").arg(minutes / 60).arg(minutes % 60);
}

bool SettlementModel::overrideAllowed(Override what, SettlementStage stage)
{
    if (sb::auction::settlementIsFinal(stage))
        return false;
    switch (what) {
    case Override::SetWallet:
        return stage == SettlementStage::AwaitingWallet || stage == SettlementStage::ToReserve ||
               stage == SettlementStage::Failed;
    case Override::Retry:
        return stage == SettlementStage::Failed;
    case Override::SkipBuyer:
        return stage == SettlementStage::AwaitingWallet || stage == SettlementStage::ToReserve ||
               stage == SettlementStage::Reserved || stage == SettlementStage::Failed;
    case Override::Cancel:
        return stage != SettlementStage::Paid && stage != SettlementStage::ToCancel &&
               stage != SettlementStage::Cancelling;
    case Override::MarkSettled:
        return true;
    }
    return false;
}

int SettlementModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_settlements.size());
}

int SettlementModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SettlementModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_settlements.size())
        return {};
    const Settlement& s = m_settlements.at(index.row());
    if (role == AuctionIndexRole)
        return s.auctionIndex;
    if (role == StageNameRole)
        return sb::auction::settlementStageName(s.stage);
    if (role == Qt::ForegroundRole && index.column() == StageColumn) {
        if (s.stage == SettlementStage::Failed)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (s.stage == SettlementStage::Completed)
            return QBrush(QColor(0x1e, 0x84, 0x49));
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == WalletColumn)
            return s.buyerAddress;
        if (index.column() == NextColumn || index.column() == StageColumn)
            return nextAction(s);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case AuctionColumn:
        return tr("#%1").arg(s.auctionIndex + 1);
    case BuyerColumn:
        return s.turn == 0 ? s.bidderName : tr("%1 (runner-up %2)").arg(s.bidderName).arg(s.turn);
    case WalletColumn:
        return s.buyerAddress.isEmpty() ? tr("not linked") : shortAddress(s.buyerAddress);
    case PriceColumn:
        return s.price.toEthString();
    case StageColumn:
        return stageText(s.stage);
    case DeadlineColumn:
        if (sb::auction::settlementIsFinal(s.stage) || s.stage == SettlementStage::Paid)
            return QString();
        return countdownText(s.deadlineUtcMs, m_nowUtcMs);
    case NextColumn:
        return nextAction(s);
    }
    return {};
}

QVariant SettlementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AuctionColumn:
        return tr("Auction");
    case BuyerColumn:
        return tr("Buyer");
    case WalletColumn:
        return tr("Wallet");
    case PriceColumn:
        return tr("Price");
    case StageColumn:
        return tr("Stage");
    case DeadlineColumn:
        return tr("Time to pay");
    case NextColumn:
        return tr("Next");
    }
    return {};
}

} // namespace sb::studio
