#include "EventLogDock.h"

#include "DeadLetterModel.h"
#include "EventLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sb::app {

using sb::studio::DeadLetterModel;
using sb::studio::EventLogModel;

namespace {

QTableView* makeTable(const QString& objectName)
{
    auto* table = new QTableView;
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString typeLabel(const QString& prefix)
{
    if (prefix == QLatin1String("marathon."))
        return EventLogDock::tr("Marathon");
    if (prefix == QLatin1String("day."))
        return EventLogDock::tr("Days");
    if (prefix == QLatin1String("bid."))
        return EventLogDock::tr("Bids");
    if (prefix == QLatin1String("auction."))
        return EventLogDock::tr("Leaders, extensions, winners");
    if (prefix == QLatin1String("operator."))
        return EventLogDock::tr("Operator actions");
    if (prefix == QLatin1String("dispatcher."))
        return EventLogDock::tr("Deliveries");
    return prefix;
}

} // namespace

EventLogDock::EventLogDock(QWidget* parent) : QDockWidget(tr("Event log"), parent)
{
    setObjectName(QStringLiteral("EventLogDock"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("eventLogTabs"));
    m_tabs->addTab(createJournalTab(), tr("Journal"));
    m_tabs->addTab(createDeadLetterTab(), tr("Dead letters"));
    setWidget(m_tabs);
}

QWidget* EventLogDock::createJournalTab()
{
    m_typeCombo = new QComboBox;
    m_typeCombo->setObjectName(QStringLiteral("eventTypeCombo"));
    m_typeCombo->addItem(tr("All types"), QString());
    for (const QString& prefix : EventLogModel::knownTypePrefixes())
        m_typeCombo->addItem(typeLabel(prefix), prefix);

    m_levelCombo = new QComboBox;
    m_levelCombo->setObjectName(QStringLiteral("eventLevelCombo"));
    m_levelCombo->addItem(tr("All levels"), int(EventLogModel::Level::Info));
    m_levelCombo->addItem(tr("Warnings and errors"), int(EventLogModel::Level::Warning));
    m_levelCombo->addItem(tr("Errors only"), int(EventLogModel::Level::Error));

    m_searchEdit = new QLineEdit;
    m_searchEdit->setObjectName(QStringLiteral("eventSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search the summaries"));
    m_searchEdit->setClearButtonEnabled(true);

    m_followCheck = new QCheckBox(tr("Follow newest"));
    m_followCheck->setObjectName(QStringLiteral("eventFollowCheck"));
    m_followCheck->setChecked(true);

    m_eventTable = makeTable(QStringLiteral("eventTable"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_typeCombo);
    filters->addWidget(m_levelCombo);
    filters->addWidget(m_searchEdit, 1);
    filters->addWidget(m_followCheck);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_eventTable, 1);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &EventLogDock::applyFilters);
    connect(m_followCheck, &QCheckBox::toggled, this, &EventLogDock::followNewest);
    return tab;
}

QWidget* EventLogDock::createDeadLetterTab()
{
    m_deadLetterTable = makeTable(QStringLiteral("deadLetterTable"));
    m_redriveButton = new QPushButton(tr("Re-drive"));
    m_redriveButton->setObjectName(QStringLiteral("redriveButton"));
    m_redriveButton->setToolTip(tr("Deliver the selected event to its subscriber again now"));
    m_refreshButton = new QPushButton(tr("Refresh"));
    m_refreshButton->setObjectName(QStringLiteral("refreshDeadLettersButton"));
    m_redriveResult = new QLabel;
    m_redriveResult->setObjectName(QStringLiteral("redriveResultLabel"));
    m_redriveResult->setWordWrap(true);
    m_redriveResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_redriveButton);
    buttons->addWidget(m_refreshButton);
    buttons->addStretch(1);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_deadLetterTable, 1);
    layout->addWidget(m_redriveResult);
    layout->addLayout(buttons);

    connect(m_redriveButton, &QPushButton::clicked, this, &EventLogDock::redriveSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        if (m_deadLetterModel)
            m_deadLetterModel->refresh();
    });
    updateDeadLetterTab();
    return tab;
}

void EventLogDock::setEventLogModel(EventLogModel* model)
{
    disconnect(m_eventRowsConnection);
    m_eventModel = model;
    m_eventTable->setModel(model);
    if (!model)
        return;
    m_eventTable->horizontalHeader()->setSectionResizeMode(EventLogModel::SummaryColumn,
                                                           QHeaderView::Stretch);
    // Queued: the view has laid out the new rows by then, so the scroll reaches the last one.
    m_eventRowsConnection = connect(model, &QAbstractItemModel::rowsInserted, this,
                                    &EventLogDock::followNewest, Qt::QueuedConnection);
    applyFilters();
    followNewest();
}

void EventLogDock::setDeadLetterModel(DeadLetterModel* model)
{
    disconnect(m_deadLetterResetConnection);
    disconnect(m_redrivenConnection);
    disconnect(m_redriveFailedConnection);
    m_deadLetterModel = model;
    m_deadLetterTable->setModel(model);
    if (model) {
        m_deadLetterTable->horizontalHeader()->setSectionResizeMode(DeadLetterModel::ErrorColumn,
                                                                    QHeaderView::Stretch);
        m_deadLetterResetConnection = connect(model, &QAbstractItemModel::modelReset, this,
                                              &EventLogDock::updateDeadLetterTab);
        connect(m_deadLetterTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &EventLogDock::updateDeadLetterTab);
        m_redrivenConnection = connect(
            model, &DeadLetterModel::redriven, this, [this](const QString& subscriber, qint64 seq) {
                const QString message =
                    tr("Event %1 was delivered to %2.").arg(QString::number(seq), subscriber);
                m_redriveResult->setText(message);
                emit redriveFinished(true, message);
            });
        m_redriveFailedConnection = connect(model, &DeadLetterModel::redriveFailed, this,
                                            [this](const QString&, qint64, const QString& error) {
                                                m_redriveResult->setText(error);
                                                emit redriveFinished(false, error);
                                            });
    }
    updateDeadLetterTab();
}

void EventLogDock::applyFilters()
{
    if (!m_eventModel)
        return;
    m_eventModel->setTypePrefix(m_typeCombo->currentData().toString());
    m_eventModel->setMinimumLevel(EventLogModel::Level(m_levelCombo->currentData().toInt()));
    m_eventModel->setSearchText(m_searchEdit->text());
    followNewest();
}

void EventLogDock::followNewest()
{
    if (m_eventModel && m_followCheck->isChecked())
        m_eventTable->scrollToBottom();
}

void EventLogDock::updateDeadLetterTab()
{
    const int count = m_deadLetterModel ? m_deadLetterModel->rowCount() : 0;
    m_tabs->setTabText(1, count > 0 ? tr("Dead letters (%1)").arg(count) : tr("Dead letters"));
    const bool selected =
        m_deadLetterTable->selectionModel() && m_deadLetterTable->selectionModel()->hasSelection();
    m_redriveButton->setEnabled(m_deadLetterModel && (selected || count == 1));
    m_refreshButton->setEnabled(m_deadLetterModel != nullptr);
}

void EventLogDock::redriveSelected()
{
    if (!m_deadLetterModel)
        return;
    int row = -1;
    if (const auto* selection = m_deadLetterTable->selectionModel();
        selection && selection->hasSelection())
        row = selection->selectedRows().value(0).row();
    else if (m_deadLetterModel->rowCount() == 1)
        row = 0; // the only one: no need to select it first
    QString error;
    // The answer comes back from the engine's thread (setDeadLetterModel connects it).
    if (!m_deadLetterModel->redrive(row, &error)) {
        m_redriveResult->setText(error);
        emit redriveFinished(false, error);
    }
}

} // namespace sb::app
