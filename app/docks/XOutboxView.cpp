#include "XOutboxView.h"

#include "EngineThread.h"
#include "PlainTextLabels.h"
#include "XConnection.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace sb::app {

using sb::auction::OutboxItem;
using sb::auction::OutboxState;

namespace {

constexpr int kShown = 200;

QString postUrl(const QString& id)
{
    return QStringLiteral("https://x.com/i/web/status/%1").arg(id);
}

} // namespace

XOutboxView::XOutboxView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("xOutboxStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("xOutboxTable"));
    m_table->setHorizontalHeaderLabels({tr("Post"), tr("State"), tr("Text"), tr("Link or reason")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("Try again"));
    m_skip = new QPushButton(tr("Skip"));
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_skip);
    layout->addLayout(buttons);

    m_soon = new QTimer(this);
    m_soon->setSingleShot(true);
    m_soon->setInterval(250);
    connect(m_soon, &QTimer::timeout, this, &XOutboxView::read);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &XOutboxView::updateButtons);
    connect(m_retry, &QPushButton::clicked, this, [this] { act(true); });
    connect(m_skip, &QPushButton::clicked, this, [this] { act(false); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_items.size() && !m_items.at(row).postId.isEmpty())
            QDesktopServices::openUrl(QUrl(postUrl(m_items.at(row).postId)));
    });
    updateButtons();
}

void XOutboxView::setConnection(sb::integrations::x::XConnection* connection,
                                sb::auction::EngineThread* session)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_connection = connection;
    m_session = session;
    if (m_connection)
        connect(m_connection, &sb::integrations::x::XConnection::stateChanged, this,
                &XOutboxView::refreshSoon);
    if (m_session)
        connect(m_session, &sb::auction::EngineThread::eventsCommitted, this,
                &XOutboxView::refreshSoon);
    refreshSoon();
}

void XOutboxView::refreshSoon()
{
    if (!m_soon->isActive())
        m_soon->start();
}

void XOutboxView::read()
{
    const auto* outbox = m_connection ? m_connection->outbox() : nullptr;
    if (!outbox)
        m_status->setText(tr("Posting to X is off or not signed in: posts wait in the outbox."));
    else {
        const auto st = outbox->status();
        QStringList parts;
        parts.append(tr("Sent %1 (about %2), folded into summaries %3.")
                         .arg(st.sent)
                         .arg(sb::integrations::x::XReadBudget::usdText(st.spentMicroUsd))
                         .arg(st.collapsed));
        if (st.remaining)
            parts.append(tr("X allows %1 more posts until %2.")
                             .arg(*st.remaining)
                             .arg(st.resetUtcMs ? QDateTime::fromMSecsSinceEpoch(*st.resetUtcMs)
                                                      .toString(QStringLiteral("HH:mm"))
                                                : QStringLiteral("—")));
        if (!st.waitingFor.isEmpty())
            parts.append(st.waitingFor);
        m_status->setText(parts.join(u' '));
    }
    if (!m_session || !m_session->isOpen() || m_reading) {
        if (!m_session || !m_session->isOpen())
            showItems({});
        return;
    }
    m_reading = true;
    m_session->post(
        [](sb::auction::MarathonSession& s) {
            auto items = s.store().latestOutboxItems(kShown);
            return items ? std::move(*items) : QList<OutboxItem>();
        },
        this,
        [this](QList<OutboxItem> items) {
            m_reading = false;
            showItems(items);
        });
}

void XOutboxView::showItems(const QList<OutboxItem>& items)
{
    const std::int64_t selected = [this] {
        const int row = m_table->currentRow();
        return row >= 0 && row < m_items.size() ? m_items.at(row).id : std::int64_t(0);
    }();
    m_items = items;
    m_table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const OutboxItem& item = items.at(row);
        QString detail;
        if (item.state == OutboxState::Sent && !item.postId.isEmpty())
            detail = postUrl(item.postId);
        else if (item.state == OutboxState::Collapsed && item.collapsedInto)
            detail = tr("in summary #%1").arg(*item.collapsedInto);
        else
            detail = item.error;
        const QStringList cells{item.kind, sb::auction::outboxStateName(item.state), item.text,
                                detail};
        for (int column = 0; column < cells.size(); ++column) {
            auto* cell = new QTableWidgetItem(cells.at(column));
            cell->setToolTip(plainToolTip(cells.at(column)));
            m_table->setItem(row, column, cell);
        }
        if (item.id == selected)
            m_table->selectRow(row);
    }
    updateButtons();
    emit refreshed();
}

void XOutboxView::updateButtons()
{
    const int row = m_table->currentRow();
    const bool any = row >= 0 && row < m_items.size() && m_session;
    const OutboxState state = any ? m_items.at(row).state : OutboxState::Sent;
    m_retry->setEnabled(any && state == OutboxState::Failed);
    m_skip->setEnabled(any && (state == OutboxState::Failed || state == OutboxState::Queued));
}

void XOutboxView::act(bool retry)
{
    const int row = m_table->currentRow();
    if (!m_session || row < 0 || row >= m_items.size())
        return;
    const std::int64_t id = m_items.at(row).id;
    m_session->post(
        [id, retry](sb::auction::MarathonSession& s) {
            return retry ? s.engine().retryPost(id, QStringLiteral("operator"))
                         : s.engine().skipPost(id, QStringLiteral("operator"));
        },
        this,
        [this](const sb::auction::ActionResult& r) {
            if (!r.ok)
                m_status->setText(r.error);
            refreshSoon();
        });
}

} // namespace sb::app
