#include "SettlementDock.h"

#include "AuctionEngine.h"
#include "EngineThread.h"
#include "MarathonSession.h"
#include "SettlementModel.h"
#include "WalletAddress.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace sb::app {

using sb::auction::ActionResult;
using sb::auction::AuctionEngine;
using sb::auction::MarathonSession;
using sb::studio::SettlementModel;
using Override = SettlementModel::Override;

namespace {
const QString kActor = QStringLiteral("operator");
}

SettlementDock::SettlementDock(QWidget* parent) : QDockWidget(tr("Settlement"), parent)
{
    setObjectName(QStringLiteral("SettlementDock"));
    m_model = new SettlementModel(this);
    m_openLink = [](const QUrl& url) { QDesktopServices::openUrl(url); };
    m_prompt = [this](const QString& title, const QString& label) {
        return QInputDialog::getText(this, title, label).trimmed();
    };
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Settlement"), question) == QMessageBox::Yes;
    };

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    m_driver = new QLabel(tr("Settlement on Shape is off (Settings → Shape)."));
    m_driver->setObjectName(QStringLiteral("settlementDriverLabel"));
    m_driver->setWordWrap(true);
    layout->addWidget(m_driver);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("settlementTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 2);

    m_next = new QLabel;
    m_next->setObjectName(QStringLiteral("settlementNextLabel"));
    m_next->setWordWrap(true);
    layout->addWidget(m_next);

    m_transactions = new QTableWidget(0, 4);
    m_transactions->setObjectName(QStringLiteral("settlementTransactions"));
    m_transactions->setHorizontalHeaderLabels(
        {tr("Step"), tr("State"), tr("Transaction"), tr("Problem")});
    m_transactions->verticalHeader()->hide();
    m_transactions->horizontalHeader()->setStretchLastSection(true);
    m_transactions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_transactions, 1);
    connect(m_transactions, &QTableWidget::cellActivated, this, [this](int row, int) {
        const QString url = m_transactions->item(row, 2)
                                ? m_transactions->item(row, 2)->data(Qt::UserRole).toString()
                                : QString();
        if (!url.isEmpty())
            m_openLink(QUrl(url));
    });

    const auto button = [](const QString& text, const QString& name) {
        auto* b = new QPushButton(text);
        b->setObjectName(name);
        return b;
    };
    m_setWallet = button(tr("Set wallet…"), QStringLiteral("settlementSetWalletButton"));
    m_retry = button(tr("Retry"), QStringLiteral("settlementRetryButton"));
    m_skip = button(tr("Skip buyer…"), QStringLiteral("settlementSkipButton"));
    m_cancel = button(tr("Cancel…"), QStringLiteral("settlementCancelButton"));
    m_markSettled = button(tr("Mark settled…"), QStringLiteral("settlementMarkSettledButton"));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_setWallet, m_retry, m_skip, m_cancel, m_markSettled})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("settlementResultLabel"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    setWidget(body);

    connect(m_setWallet, &QPushButton::clicked, this, &SettlementDock::setWallet);
    connect(m_retry, &QPushButton::clicked, this, &SettlementDock::retry);
    connect(m_skip, &QPushButton::clicked, this, &SettlementDock::skipBuyer);
    connect(m_cancel, &QPushButton::clicked, this, &SettlementDock::cancelSettlement);
    connect(m_markSettled, &QPushButton::clicked, this, &SettlementDock::markSettled);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SettlementDock::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SettlementDock::showSelected);

    // The countdowns move with the marathon's clock.
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        if (m_session)
            m_model->setNowUtcMs(m_session->clock().nowUtcMs());
    });
    m_countdown->start();
    showSelected();
}

void SettlementDock::setSession(sb::auction::EngineThread* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &sb::auction::EngineThread::eventsCommitted, this,
                &SettlementDock::refresh);
    refresh();
}

void SettlementDock::setChainId(std::uint64_t chainId)
{
    m_chainId = chainId;
    refresh();
}

void SettlementDock::setDriverStatus(const QString& status)
{
    m_driver->setText(status);
}

void SettlementDock::refresh()
{
    const int selected = selectedAuction();
    QList<sb::auction::Settlement> settlements;
    QList<sb::auction::ChainTransaction> transactions;
    if (m_session) {
        const auto& view = m_session->view();
        settlements = view.settlements.values();
        for (const auto& list : view.settlementTransactions)
            transactions += list;
        m_model->setNowUtcMs(m_session->clock().nowUtcMs());
    }
    m_model->setSettlements(settlements, transactions, m_chainId);
    if (selected >= 0)
        selectAuction(selected);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(m_model->rowCount() - 1); // the latest one
}

void SettlementDock::selectAuction(int auctionIndex)
{
    const int row = m_model->rowOf(auctionIndex);
    if (row >= 0)
        m_table->selectRow(row);
}

int SettlementDock::selectedAuction() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_model->data(rows.first(), SettlementModel::AuctionIndexRole).toInt();
}

void SettlementDock::showSelected()
{
    const int row = m_model->rowOf(selectedAuction());
    const bool any = row >= 0;
    const sb::auction::Settlement s = m_model->settlementAt(row);
    m_next->setText(any ? SettlementModel::nextAction(s)
                        : tr("No auction is being settled on Shape."));
    const auto allowed = [&](Override o) {
        return any && m_session && SettlementModel::overrideAllowed(o, s.stage);
    };
    m_setWallet->setEnabled(allowed(Override::SetWallet));
    m_retry->setEnabled(allowed(Override::Retry));
    m_skip->setEnabled(allowed(Override::SkipBuyer));
    m_cancel->setEnabled(allowed(Override::Cancel));
    m_markSettled->setEnabled(allowed(Override::MarkSettled));

    const auto txs = m_model->transactionsAt(row);
    m_transactions->setRowCount(int(txs.size()));
    for (int i = 0; i < txs.size(); ++i) {
        const auto& tx = txs.at(i);
        m_transactions->setItem(
            i, 0,
            new QTableWidgetItem(tx.turn == 0 ? tx.step
                                              : tr("%1 (turn %2)").arg(tx.step).arg(tx.turn)));
        m_transactions->setItem(i, 1, new QTableWidgetItem(tx.state));
        auto* hash = new QTableWidgetItem(tx.hash);
        hash->setData(Qt::UserRole, tx.explorerUrl);
        hash->setToolTip(tx.explorerUrl.isEmpty() ? tr("No explorer for this chain.")
                                                  : tr("Open %1").arg(tx.explorerUrl));
        if (!tx.explorerUrl.isEmpty()) {
            QFont font = hash->font();
            font.setUnderline(true);
            hash->setFont(font);
        }
        m_transactions->setItem(i, 2, hash);
        m_transactions->setItem(i, 3, new QTableWidgetItem(tx.error));
    }
}

void SettlementDock::act(std::function<ActionResult(AuctionEngine&)> action, const QString& success)
{
    if (!m_session)
        return;
    m_session->post(
        [action = std::move(action)](MarathonSession& session) { return action(session.engine()); },
        this,
        [this, success](const ActionResult& r) {
            m_result->setText(r.ok ? success : r.error);
            emit overrideDone(r.ok, r.ok ? success : r.error);
        });
}

void SettlementDock::setWallet()
{
    const int auction = selectedAuction();
    if (auction < 0)
        return;
    const QString text = m_prompt(tr("Set the buyer's wallet"),
                                  tr("The buyer's address on Shape (0x…), as they sent it:"));
    if (text.isEmpty())
        return;
    QString why;
    const auto address = sb::auction::WalletAddress::checksummed(text, &why);
    if (!address) {
        m_result->setText(why);
        emit overrideDone(false, why);
        return;
    }
    act([auction,
         a = *address](AuctionEngine& e) { return e.setSettlementWallet(auction, a, kActor); },
        tr("Wallet set."));
}

void SettlementDock::retry()
{
    const int auction = selectedAuction();
    if (auction >= 0)
        act([auction](AuctionEngine& e) { return e.retrySettlement(auction, kActor); },
            tr("Retrying."));
}

void SettlementDock::skipBuyer()
{
    const int auction = selectedAuction();
    if (auction < 0)
        return;
    const QString reason = m_prompt(tr("Skip this buyer"),
                                    tr("Why (kept in the audit journal)? The next highest bidder "
                                       "gets their turn."));
    if (reason.isEmpty())
        return;
    act([auction,
         reason](AuctionEngine& e) { return e.skipSettlementBuyer(auction, reason, kActor); },
        tr("Skipped; the next buyer's turn."));
}

void SettlementDock::cancelSettlement()
{
    const int auction = selectedAuction();
    if (auction < 0)
        return;
    const QString reason = m_prompt(tr("Cancel the settlement"),
                                    tr("Why (kept in the audit journal)? Nobody else gets a turn; "
                                       "the lot ends unsold."));
    if (reason.isEmpty())
        return;
    act([auction, reason](AuctionEngine& e) { return e.cancelSettlement(auction, reason, kActor); },
        tr("Cancelled."));
}

void SettlementDock::markSettled()
{
    const int auction = selectedAuction();
    if (auction < 0 ||
        !m_confirm(tr("Mark this auction as settled by hand (paid and delivered off chain)?")))
        return;
    const QString note = tr("settled by hand");
    act([auction, note](AuctionEngine& e) { return e.markSettled(auction, note, kActor); },
        tr("Marked settled."));
}

} // namespace sb::app
