#pragma once
// The Settlement dock's table: one row per auction being settled on Shape (auction/Settlement.h)
// — who is buying (the winner, or the runner-up whose turn it is), their wallet, the price, the
// stage, the time left to pay — and, per row, its transactions with their state and the
// explorer's page. It also says the next action in words and which operator overrides make sense
// in the stage. It only shows what it is given (the engine's view); it changes nothing itself.

#include "Settlement.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>

namespace sb::studio {

class SettlementModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AuctionColumn,
        BuyerColumn,
        WalletColumn,
        PriceColumn,
        StageColumn,
        DeadlineColumn,
        NextColumn,
        ColumnCount
    };
    enum Role
    {
        AuctionIndexRole = Qt::UserRole, // int
        StageNameRole,                   // "reserved", ...
    };

    // The operator's overrides (the engine's, through EngineThread::post, actor "operator").
    enum class Override
    {
        SetWallet,
        Retry,
        SkipBuyer,
        Cancel,
        MarkSettled,
    };

    // A transaction as a row of the details list.
    struct TransactionRow
    {
        QString step; // "reserve", "reassign", "cancel"
        int turn = 0;
        QString state;       // "sent", "included", ...
        QString hash;        // 0x + 64 hex digits
        QString explorerUrl; // empty for a chain without a known explorer
        QString error;
    };

    explicit SettlementModel(QObject* parent = nullptr);

    // Replaces what is shown (rows by auction). `chainId` picks the explorer.
    void setSettlements(const QList<sb::auction::Settlement>& settlements,
                        const QList<sb::auction::ChainTransaction>& transactions,
                        std::uint64_t chainId);
    // The clock the countdowns are written against (the marathon's); refreshes that column.
    void setNowUtcMs(std::int64_t nowUtcMs);

    int rowOf(int auctionIndex) const; // -1 when not shown
    sb::auction::Settlement settlementAt(int row) const;
    QList<TransactionRow> transactionsAt(int row) const;

    // Words for the operator.
    static QString stageText(sb::auction::SettlementStage stage);
    static QString nextAction(const sb::auction::Settlement& settlement);
    static QString countdownText(std::int64_t deadlineUtcMs, std::int64_t nowUtcMs);
    static bool overrideAllowed(Override what, sb::auction::SettlementStage stage);
    // "0xAB…CD": enough of an address to tell it apart on screen.
    static QString shortAddress(const QString& address);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<sb::auction::Settlement> m_settlements;
    QHash<int, QList<TransactionRow>> m_transactions; // auction index -> rows, in stored order
    std::int64_t m_nowUtcMs = 0;
};

} // namespace sb::studio
