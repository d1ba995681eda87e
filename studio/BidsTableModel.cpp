#include "BidsTableModel.h"

#include "BidParser.h"
#include "EngineThread.h"
#include "UtcTime.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace sb::studio {

using sb::auction::AuctionEvent;
using sb::auction::BidRecord;
using sb::auction::BidStatus;
using sb::auction::Result;
namespace EventType = sb::auction::EventType;

namespace {

// Past this many changed bids in one commit, one query for all is cheaper than one per bid.
constexpr int kIncrementalLimit = 256;

QString localTimeText(std::int64_t utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

BidsTableModel::BidsTableModel(sb::auction::EngineThread& engine, QObject* parent)
    : QAbstractTableModel(parent), m_engine(engine)
{
    connect(&m_engine, &sb::auction::EngineThread::eventsCommitted, this,
            &BidsTableModel::onEventsCommitted);
    reload();
}

void BidsTableModel::setAuctionFilter(std::optional<int> auctionIndex)
{
    if (m_auctionFilter == auctionIndex)
        return;
    m_auctionFilter = auctionIndex;
    reload();
}

void BidsTableModel::reload()
{
    const std::uint64_t generation = ++m_generation;
    const std::optional<int> filter = m_auctionFilter;
    m_engine.post(
        [filter](sb::auction::MarathonSession& session) { return session.store().bids(filter); },
        this,
        [this, generation](Result<QList<BidRecord>> read) {
            if (generation != m_generation)
                return; // another reload is on its way
            beginResetModel();
            m_bids.clear();
            if (read)
                m_bids = std::move(*read);
            else
                emit readFailed(read.error()); // an empty table, and the reason, not a partial one
            rebuildIndex();
            endResetModel();
            emit loaded();
        });
}

void BidsTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_bids.size());
    for (int row = 0; row < m_bids.size(); ++row)
        m_rowById.insert(m_bids.at(row).id, row);
}

bool BidsTableModel::accepts(const BidRecord& bid) const
{
    return !m_auctionFilter || bid.auctionIndex == *m_auctionFilter;
}

void BidsTableModel::onEventsCommitted(const QList<AuctionEvent>& events)
{
    QList<qint64> changed;
    QSet<qint64> seen;
    for (const AuctionEvent& event : events) {
        // A linked wallet shows on every row of that bidder (the view already has it).
        if (event.type == EventType::WalletLinked && !m_bids.isEmpty())
            emit dataChanged(index(0, WalletColumn), index(int(m_bids.size()) - 1, WalletColumn));
        // An invalidation moves the lead and may change other rows' meaning: read everything.
        if (event.type == EventType::BidInvalidated) {
            reload();
            return;
        }
        if (event.type != EventType::BidAccepted && event.type != EventType::BidRejected &&
            event.type != EventType::BidReview)
            continue;
        const qint64 id = event.payload.value(QStringLiteral("bid_id")).toInteger();
        if (id > 0 && !seen.contains(id)) {
            seen.insert(id);
            changed.append(id);
        }
    }
    if (changed.isEmpty())
        return;
    if (changed.size() > kIncrementalLimit) {
        reload();
        return;
    }
    const std::uint64_t generation = m_generation;
    struct Read
    {
        QList<BidRecord> bids;
        QString error;
    };
    m_engine.post(
        [changed](sb::auction::MarathonSession& session) {
            Read read;
            for (const qint64 id : changed) {
                Result<std::optional<BidRecord>> bid = session.store().bid(id);
                if (!bid)
                    read.error = bid.error();
                else if (*bid)
                    read.bids.append(std::move(**bid));
            }
            return read;
        },
        this,
        [this, generation](Read read) {
            if (generation != m_generation)
                return; // a reload after these events brings them too
            if (!read.error.isEmpty())
                emit readFailed(read.error);
            merge(std::move(read.bids));
        });
}

void BidsTableModel::merge(QList<BidRecord> bids)
{
    QList<BidRecord> added;
    for (BidRecord& bid : bids) {
        if (!accepts(bid))
            continue;
        const auto existing = m_rowById.constFind(bid.id);
        if (existing == m_rowById.cend()) {
            added.append(std::move(bid));
            continue;
        }
        const int row = *existing;
        m_bids[row] = std::move(bid);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (added.isEmpty())
        return;
    std::sort(added.begin(), added.end(),
              [](const BidRecord& a, const BidRecord& b) { return a.id < b.id; });
    const int first = int(m_bids.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (BidRecord& bid : added) {
        m_rowById.insert(bid.id, int(m_bids.size()));
        m_bids.append(std::move(bid));
    }
    endInsertRows();
}

qint64 BidsTableModel::bidId(int row) const
{
    return row >= 0 && row < m_bids.size() ? m_bids.at(row).id : 0;
}

std::optional<BidRecord> BidsTableModel::bidAt(int row) const
{
    if (row < 0 || row >= m_bids.size())
        return std::nullopt;
    return m_bids.at(row);
}

int BidsTableModel::rowOfBid(qint64 bidId) const
{
    return m_rowById.value(bidId, -1);
}

QString BidsTableModel::statusText(BidStatus status)
{
    switch (status) {
    case BidStatus::Accepted:
        return tr("Accepted");
    case BidStatus::Rejected:
        return tr("Rejected");
    case BidStatus::PendingReview:
        return tr("In review");
    case BidStatus::Invalidated:
        return tr("Invalidated");
    }
    return {};
}

int BidsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_bids.size());
}

int BidsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BidsTableModel::displayData(const BidRecord& bid, int column) const
{
    switch (column) {
    case TimeColumn:
        return localTimeText(bid.receivedTimeMs);
    case SourceColumn:
        return bid.source;
    case BidderColumn:
        return sb::auction::BidParser::visibleText(bid.bidderName);
    case AmountColumn:
        // A post without a valid amount bid nothing: "—", as the bid feed shows it, not "0 ETH".
        return bid.amount.gwei() > 0 ? bid.amount.toEthString() : QStringLiteral("\u2014");
    case StatusColumn:
        return statusText(bid.status);
    case ReasonColumn:
        // The operator's note explains the later decision; the rejection, the engine's verdict.
        if (bid.status == BidStatus::Invalidated || !bid.rejection)
            return bid.note;
        return bid.rejection->message;
    case WalletColumn:
        return m_engine.view().wallets.value(bid.bidderId).address;
    default:
        return {};
    }
}

QVariant BidsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_bids.size())
        return {};
    const BidRecord& bid = m_bids.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(bid, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return tr("Received %1 (posted %2)")
                .arg(sb::auction::isoUtc(bid.receivedTimeMs),
                     sb::auction::isoUtc(bid.sourceTimeMs));
        if (index.column() == AmountColumn)
            return tr("%1 gwei").arg(bid.amount.gwei());
        if (index.column() == ReasonColumn && bid.rejection)
            return sb::auction::rejectionCodeName(bid.rejection->code);
        if (index.column() == BidderColumn)
            return sb::auction::BidParser::visibleText(bid.text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (index.column() == AmountColumn)
            return qint64(bid.amount.gwei());
        if (index.column() == TimeColumn)
            return qint64(bid.receivedTimeMs);
        return displayData(bid, index.column());
    case BidIdRole:
        return qint64(bid.id);
    case StatusRole:
        return int(bid.status);
    default:
        return {};
    }
}

QVariant BidsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case BidderColumn:
        return tr("Bidder");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    case ReasonColumn:
        return tr("Reason");
    case WalletColumn:
        return tr("Wallet");
    default:
        return {};
    }
}

} // namespace sb::studio
