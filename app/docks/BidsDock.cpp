#include "BidsDock.h"

#include "AuctionTypes.h"
#include "BidsTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace sb::app {

using sb::auction::BidStatus;
using sb::studio::BidsTableModel;

namespace {

constexpr int kAllStatuses = -1;

} // namespace

BidsDock::BidsDock(QWidget* parent) : QDockWidget(tr("Bids"), parent)
{
    setObjectName(QStringLiteral("BidsDock"));

    m_filterEdit = new QLineEdit;
    m_filterEdit->setObjectName(QStringLiteral("bidsFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by bidder or text"));
    m_filterEdit->setClearButtonEnabled(true);

    m_statusCombo = new QComboBox;
    m_statusCombo->setObjectName(QStringLiteral("bidsStatusCombo"));
    m_statusCombo->addItem(tr("All"), kAllStatuses);
    for (const BidStatus status : {BidStatus::Accepted, BidStatus::Rejected,
                                   BidStatus::PendingReview, BidStatus::Invalidated})
        m_statusCombo->addItem(BidsTableModel::statusText(status), int(status));

    m_statusProxy = new QSortFilterProxyModel(this);
    m_statusProxy->setFilterRole(BidsTableModel::StatusRole);
    m_statusProxy->setFilterKeyColumn(BidsTableModel::StatusColumn);
    m_textProxy = new QSortFilterProxyModel(this);
    m_textProxy->setSourceModel(m_statusProxy);
    m_textProxy->setFilterKeyColumn(-1);
    m_textProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Amounts sort as exact gwei and times as instants, not as the text they display.
    m_textProxy->setSortRole(BidsTableModel::SortRole);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("bidsTable"));
    m_table->setModel(m_textProxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BidsTableModel::TimeColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_invalidateAction = new QAction(tr("Invalidate…"), this);
    m_invalidateAction->setObjectName(QStringLiteral("invalidateBidAction"));
    m_invalidateAction->setToolTip(tr("Invalidate the selected accepted bid; the leader becomes "
                                      "the highest remaining valid bid"));
    m_approveAction = new QAction(tr("Approve"), this);
    m_approveAction->setObjectName(QStringLiteral("approveBidAction"));
    m_approveAction->setToolTip(tr("Approve the selected bid in review; it is judged at the "
                                   "time it was posted"));
    m_rejectAction = new QAction(tr("Reject…"), this);
    m_rejectAction->setObjectName(QStringLiteral("rejectBidAction"));
    m_rejectAction->setToolTip(tr("Reject the selected bid in review"));
    m_exportAction = new QAction(tr("Export CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportBidsAction"));
    m_exportAction->setToolTip(tr("Write bids.csv and results.csv to a folder"));
    m_table->addActions({m_invalidateAction, m_approveAction, m_rejectAction});

    auto* toolBar = new QToolBar;
    toolBar->setObjectName(QStringLiteral("bidsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addActions({m_invalidateAction, m_approveAction, m_rejectAction});
    toolBar->addSeparator();
    toolBar->addAction(m_exportAction);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_filterEdit, 1);
    filters->addWidget(m_statusCombo);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(toolBar);
    layout->addWidget(m_table, 1);
    setWidget(content);

    connect(m_filterEdit, &QLineEdit::textChanged, m_textProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &BidsDock::applyStatusFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BidsDock::updateActions);
    connect(m_textProxy, &QAbstractItemModel::dataChanged, this, &BidsDock::updateActions);
    connect(m_textProxy, &QAbstractItemModel::modelReset, this, &BidsDock::updateActions);
    connect(m_textProxy, &QAbstractItemModel::layoutChanged, this, &BidsDock::updateActions);
    connect(m_invalidateAction, &QAction::triggered, this, &BidsDock::invalidateSelected);
    connect(m_approveAction, &QAction::triggered, this, &BidsDock::approveSelected);
    connect(m_rejectAction, &QAction::triggered, this, &BidsDock::rejectSelected);
    connect(m_exportAction, &QAction::triggered, this, &BidsDock::exportCsv);
    updateActions();
}

void BidsDock::setModel(BidsTableModel* model)
{
    m_model = model;
    m_statusProxy->setSourceModel(model);
    updateActions();
}

void BidsDock::applyStatusFilter()
{
    const int status = m_statusCombo->currentData().toInt();
    if (status == kAllStatuses)
        m_statusProxy->setFilterRegularExpression(QRegularExpression());
    else
        m_statusProxy->setFilterRegularExpression(
            QRegularExpression(QStringLiteral("^%1$").arg(status)));
    updateActions();
}

int BidsDock::selectedSourceRow() const
{
    if (!m_model)
        return -1;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    const QModelIndex source = m_statusProxy->mapToSource(m_textProxy->mapToSource(rows.first()));
    return source.isValid() ? source.row() : -1;
}

qint64 BidsDock::selectedBidId() const
{
    return m_model ? m_model->bidId(selectedSourceRow()) : 0;
}

bool BidsDock::selectBid(qint64 bidId)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOfBid(bidId);
    if (row < 0)
        return false;
    const QModelIndex shown =
        m_textProxy->mapFromSource(m_statusProxy->mapFromSource(m_model->index(row, 0)));
    if (!shown.isValid())
        return false;
    m_table->selectRow(shown.row());
    m_table->scrollTo(shown);
    return true;
}

void BidsDock::updateActions()
{
    const auto bid = m_model ? m_model->bidAt(selectedSourceRow()) : std::nullopt;
    m_invalidateAction->setEnabled(bid && bid->status == BidStatus::Accepted);
    const bool inReview = bid && bid->status == BidStatus::PendingReview;
    m_approveAction->setEnabled(inReview);
    m_rejectAction->setEnabled(inReview);
    m_exportAction->setEnabled(m_model != nullptr);
}

bool BidsDock::confirm(const QString& title, const QString& question)
{
    if (!m_confirmations)
        return true;
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

std::optional<QString> BidsDock::askReason(const QString& title, const QString& label)
{
    if (m_reasonPrompt)
        return m_reasonPrompt(title, label);
    // The engine refuses an empty reason; ask again rather than send one it will refuse.
    for (;;) {
        bool ok = false;
        const QString reason =
            QInputDialog::getText(this, title, label, QLineEdit::Normal, {}, &ok).trimmed();
        if (!ok)
            return std::nullopt;
        if (!reason.isEmpty())
            return reason;
    }
}

void BidsDock::invalidateSelected()
{
    const auto bid = m_model ? m_model->bidAt(selectedSourceRow()) : std::nullopt;
    if (!bid || bid->status != BidStatus::Accepted)
        return;
    const auto reason =
        askReason(tr("Invalidate bid"),
                  tr("Why is %1's bid of %2 invalid? The reason is kept in the audit journal.")
                      .arg(bid->bidderName, bid->amount.toEthString()));
    if (!reason || reason->trimmed().isEmpty())
        return;
    if (!confirm(tr("Invalidate bid"),
                 tr("Invalidate %1's bid of %2? If it leads, the highest remaining valid bid "
                    "takes the lead; the end time does not change.")
                     .arg(bid->bidderName, bid->amount.toEthString())))
        return;
    emit invalidateRequested(bid->id, reason->trimmed());
}

void BidsDock::approveSelected()
{
    const auto bid = m_model ? m_model->bidAt(selectedSourceRow()) : std::nullopt;
    if (!bid || bid->status != BidStatus::PendingReview)
        return;
    if (!confirm(tr("Approve bid"), tr("Approve %1's bid of %2? It is judged against the "
                                       "auction as it stands, at the time it was posted.")
                                        .arg(bid->bidderName, bid->amount.toEthString())))
        return;
    emit approveRequested(bid->id);
}

void BidsDock::rejectSelected()
{
    const auto bid = m_model ? m_model->bidAt(selectedSourceRow()) : std::nullopt;
    if (!bid || bid->status != BidStatus::PendingReview)
        return;
    const auto reason =
        askReason(tr("Reject bid"), tr("Why is %1's bid of %2 rejected? The bidder may read it.")
                                        .arg(bid->bidderName, bid->amount.toEthString()));
    if (!reason || reason->trimmed().isEmpty())
        return;
    emit rejectRequested(bid->id, reason->trimmed());
}

void BidsDock::exportCsv()
{
    const QString directory =
        m_directoryPrompt ? m_directoryPrompt()
                          : QFileDialog::getExistingDirectory(
                                this, tr("Export bids and results (bids.csv, results.csv)"));
    if (!directory.isEmpty())
        emit exportRequested(directory);
}

} // namespace sb::app
