#pragma once
// Every bid of the marathon (or of one auction) as the Bids dock shows it. Kept in memory and
// updated from the engine's committed events, so a dock over 10k+ bids never queries per row;
// what it needs from the store is read on the engine's thread and arrives by queued call.

#include "AuctionEvent.h"
#include "AuctionTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace sb::auction {
class EngineThread;
}

namespace sb::studio {

class BidsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SourceColumn,
        BidderColumn,
        AmountColumn,
        StatusColumn,
        ReasonColumn,
        WalletColumn, // the wallet the bidder linked ("wallet 0x…"), for the settlement
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // exact values: gwei for Amount, ms for Time, text otherwise
        BidIdRole,
        StatusRole, // int(sb::auction::BidStatus), for filtering on the status alone
    };

    explicit BidsTableModel(sb::auction::EngineThread& engine, QObject* parent = nullptr);

    // Only this auction's bids, or all of them (nullopt). Reloads.
    void setAuctionFilter(std::optional<int> auctionIndex);
    std::optional<int> auctionFilter() const { return m_auctionFilter; }
    // Reads every bid again from the store (one query on the engine's thread); the rows change
    // when it is back (loaded()).
    void reload();

    qint64 bidId(int row) const; // 0 outside the rows
    std::optional<sb::auction::BidRecord> bidAt(int row) const;
    int rowOfBid(qint64 bidId) const; // -1 when not shown

    static QString statusText(sb::auction::BidStatus status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // The bids could not be read (a damaged database): the table shows none rather than some.
    void readFailed(const QString& reason);
    // The rows a reload asked for are shown.
    void loaded();

private:
    void onEventsCommitted(const QList<sb::auction::AuctionEvent>& events);
    void merge(QList<sb::auction::BidRecord> bids);
    bool accepts(const sb::auction::BidRecord& bid) const;
    QVariant displayData(const sb::auction::BidRecord& bid, int column) const;
    void rebuildIndex();

    sb::auction::EngineThread& m_engine;
    std::uint64_t m_generation = 0; // reads made before the last reload are dropped
    std::optional<int> m_auctionFilter;
    QList<sb::auction::BidRecord> m_bids; // oldest first, as the store returns them
    QHash<qint64, int> m_rowById;
};

} // namespace sb::studio
