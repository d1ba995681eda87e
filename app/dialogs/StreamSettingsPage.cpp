#include "StreamSettingsPage.h"

#include "DestinationDialog.h"
#include "SecretStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcStreamSettings, "sb.app.settings.stream")

namespace sb::app {

using sb::integrations::SecretStore;
using sb::studio::Destination;
using sb::studio::KeyStorage;
using sb::studio::StudioSettings;

namespace {

enum Column
{
    NameColumn,
    UrlColumn,
    EnabledColumn,
    KeyColumn,
    ColumnCount
};

} // namespace

StreamSettingsPage::StreamSettingsPage(StudioSettings* settings, QWidget* parent)
    : QWidget(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("streamPage"));
    m_askUser = [this](const QString& question) {
        // On the window, not the page: the dialog disables its pages while keys are being saved,
        // and a message box on a disabled parent could not be answered.
        return QMessageBox::question(window(), tr("No Keychain"), question,
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    buildUi();
    // Asked once up front, so the page can say before the user types a key that it cannot be
    // kept in a keychain.
    m_settings->secretStore()->startProbe(this, [this](const SecretStore::Result& probe) {
        m_keychainProblem = probe.ok() ? QString() : probe.error;
        updateKeychainNote();
    });
    reload();
}

void StreamSettingsPage::buildUi()
{
    auto* intro = new QLabel(tr("Where the stream is sent. Only enabled destinations are used; "
                                "stream keys are kept in the system keychain."));
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("destinationsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Server URL"), tr("Enabled"), tr("Stream key")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_refreshing || item->column() != EnabledColumn || item->row() >= m_rows.size())
            return;
        Row& row = m_rows[item->row()];
        const bool enabled = item->checkState() == Qt::Checked;
        if (row.destination.enabled == enabled)
            return;
        row.destination.enabled = enabled;
        row.modified = true;
        emit changed();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StreamSettingsPage::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &StreamSettingsPage::editDestination);

    m_addButton = new QPushButton(tr("&Add…"));
    m_addButton->setObjectName(QStringLiteral("addDestinationButton"));
    m_editButton = new QPushButton(tr("&Edit…"));
    m_editButton->setObjectName(QStringLiteral("editDestinationButton"));
    m_removeButton = new QPushButton(tr("&Remove"));
    m_removeButton->setObjectName(QStringLiteral("removeDestinationButton"));
    connect(m_addButton, &QPushButton::clicked, this, &StreamSettingsPage::addDestination);
    connect(m_editButton, &QPushButton::clicked, this, &StreamSettingsPage::editDestination);
    connect(m_removeButton, &QPushButton::clicked, this, &StreamSettingsPage::removeDestination);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    m_keychainNote = new QLabel;
    m_keychainNote->setObjectName(QStringLiteral("keychainNoteLabel"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setStyleSheet(QStringLiteral("color: #b26a00;"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_keychainNote);
}

void StreamSettingsPage::reload()
{
    m_rows.clear();
    m_removedIds.clear();
    const int reload = ++m_reloads;
    for (const Destination& destination : m_settings->destinations()) {
        Row row;
        row.destination = destination;
        row.keyState = KeyState::Checking;
        m_rows.append(row);
        m_settings->startReadingStreamKey(
            destination.id, this,
            [this, reload, id = destination.id](const sb::studio::StreamKeyResult& read) {
                if (reload != m_reloads)
                    return;
                for (Row& row : m_rows) {
                    if (row.destination.id == id && row.keyState == KeyState::Checking) {
                        row.keyState = keyState(read);
                        row.keyError = read.error;
                    }
                }
                refreshTable();
            });
    }
    refreshTable();
    updateKeychainNote();
}

StreamSettingsPage::KeyState StreamSettingsPage::keyState(const sb::studio::StreamKeyResult& read)
{
    // Only whether a key exists is kept; the key itself is dropped with the result.
    if (read.key)
        return read.storage == KeyStorage::SessionOnly ? KeyState::SessionOnly : KeyState::Keychain;
    return read.ok() ? KeyState::NotSet : KeyState::Unreadable;
}

QString StreamSettingsPage::keyText(const Row& row) const
{
    if (!row.pendingKey.isEmpty())
        return tr("•••••• (saved on Apply)");
    if (row.forgetKey)
        return tr("not set (on Apply)");
    switch (row.keyState) {
    case KeyState::Keychain:
        return tr("••••••");
    case KeyState::SessionOnly:
        return tr("•••••• (this session only)");
    case KeyState::Unreadable:
        return tr("not readable");
    case KeyState::Checking:
        return tr("checking…");
    case KeyState::NotSet:
        break;
    }
    return tr("not set");
}

void StreamSettingsPage::refreshTable()
{
    const int selected = currentRow();
    m_refreshing = true;
    m_table->setRowCount(int(m_rows.size()));
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows.at(i);
        const auto readOnly = [](const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            return item;
        };
        m_table->setItem(i, NameColumn, readOnly(row.destination.name));
        m_table->setItem(i, UrlColumn, readOnly(row.destination.url));
        auto* enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        enabled->setCheckState(row.destination.enabled ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(i, EnabledColumn, enabled);
        auto* key = readOnly(keyText(row));
        key->setToolTip(row.keyError);
        m_table->setItem(i, KeyColumn, key);
        const QStringList problems = StudioSettings::validationErrors(row.destination);
        for (int column = NameColumn; column <= UrlColumn; ++column) {
            m_table->item(i, column)->setToolTip(problems.join(u'\n'));
            if (!problems.isEmpty())
                m_table->item(i, column)->setForeground(QColor(0xc6, 0x28, 0x28));
        }
    }
    if (selected >= 0 && selected < m_rows.size())
        m_table->selectRow(selected);
    m_refreshing = false;
    updateButtons();
}

void StreamSettingsPage::updateButtons()
{
    const bool hasSelection = currentRow() >= 0;
    m_editButton->setEnabled(hasSelection);
    m_removeButton->setEnabled(hasSelection);
}

void StreamSettingsPage::updateKeychainNote()
{
    QStringList notes;
    if (!m_keychainProblem.isEmpty()) {
        notes << (m_settings->sessionOnlyKeysAllowed()
                      ? tr("No keychain service is available: %1 Stream keys are kept for this "
                           "session only.")
                            .arg(m_keychainProblem)
                      : tr("No keychain service is available: %1 When you enter a stream key you "
                           "will be asked whether to keep it for this session only.")
                            .arg(m_keychainProblem));
    }
    for (const QString& name : std::as_const(m_droppedKeyNames))
        notes << tr("The stream key of “%1” was not kept; edit the destination to enter it again.")
                     .arg(name);
    m_keychainNote->setText(notes.join(u'\n'));
    m_keychainNote->setVisible(!notes.isEmpty());
}

int StreamSettingsPage::currentRow() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    return ranges.isEmpty() ? -1 : ranges.first().topRow();
}

void StreamSettingsPage::addDestination()
{
    openDestinationDialog(-1);
}

void StreamSettingsPage::editDestination()
{
    if (const int row = currentRow(); row >= 0)
        openDestinationDialog(row);
}

void StreamSettingsPage::removeDestination()
{
    const int row = currentRow();
    if (row < 0)
        return;
    // Removed from the settings (with its key) on Apply, so Cancel can still bring it back.
    if (const QString id = m_rows.at(row).destination.id; !id.isEmpty())
        m_removedIds << id;
    m_rows.removeAt(row);
    refreshTable();
    emit changed();
}

void StreamSettingsPage::openDestinationDialog(int row)
{
    const bool adding = row < 0;
    const Row current = adding ? Row() : m_rows.at(row);
    const bool hasStoredKey = !current.forgetKey && (current.keyState == KeyState::Keychain ||
                                                     current.keyState == KeyState::SessionOnly);
    auto* dialog = new DestinationDialog(current.destination, hasStoredKey, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, adding, row] {
        // The dialog is window-modal, so the rows cannot have changed while it was open.
        if (!adding && row >= m_rows.size())
            return;
        Row& target = adding ? m_rows.emplace_back() : m_rows[row];
        const Destination entered = dialog->destination();
        if (entered != target.destination) {
            target.destination = entered;
            target.modified = true;
        }
        if (dialog->forgetStoredKey()) {
            target.forgetKey = true;
            target.pendingKey.clear();
        } else if (const QString key = dialog->streamKey(); !key.isEmpty()) {
            target.forgetKey = false;
            target.pendingKey = key;
        }
        refreshTable();
        m_table->selectRow(adding ? int(m_rows.size()) - 1 : row);
        emit changed();
    });
    dialog->open();
}

QStringList StreamSettingsPage::validationErrors() const
{
    QStringList problems;
    for (const Row& row : m_rows) {
        for (const QString& problem : StudioSettings::validationErrors(row.destination))
            problems << tr("Destination “%1”: %2").arg(row.destination.name, problem);
    }
    return problems;
}

void StreamSettingsPage::runSteps(std::shared_ptr<QList<Step>> steps,
                                  std::function<void()> finished)
{
    if (steps->isEmpty()) {
        finished();
        return;
    }
    const Step step = steps->takeFirst();
    step([steps, finished = std::move(finished)] { runSteps(steps, finished); });
}

void StreamSettingsPage::apply(std::function<void(const QStringList& problems)> done)
{
    auto problems = std::make_shared<QStringList>();
    auto steps = std::make_shared<QList<Step>>();
    for (const QString& id : std::as_const(m_removedIds)) {
        steps->append([this, id, problems](std::function<void()> next) {
            m_settings->startRemovingDestination(
                id, this, [problems, next](const sb::studio::StreamKeyResult& removed) {
                    if (!removed.ok())
                        *problems << removed.error;
                    next();
                });
        });
    }
    m_removedIds.clear();
    m_droppedKeyNames.clear();

    QString error;
    for (int index = 0; index < m_rows.size(); ++index) {
        Row& row = m_rows[index];
        if (row.destination.id.isEmpty()) {
            const QString id = m_settings->addDestination(row.destination, &error);
            if (id.isEmpty()) {
                *problems << tr("The destination “%1” was not added: %2")
                                 .arg(row.destination.name, error);
                continue;
            }
            row.destination.id = id;
            row.modified = false;
        } else if (row.modified) {
            if (!m_settings->updateDestination(row.destination, &error)) {
                *problems << tr("The destination “%1” was not changed: %2")
                                 .arg(row.destination.name, error);
                continue;
            }
            row.modified = false;
        }
        // The rows stay where they are until done: the dialog keeps the page still meanwhile.
        if (row.forgetKey) {
            steps->append([this, index, problems](std::function<void()> next) {
                m_settings->startRemovingStreamKey(
                    m_rows.at(index).destination.id, this,
                    [this, index, problems, next](const sb::studio::StreamKeyResult& removed) {
                        Row& row = m_rows[index];
                        if (removed.ok())
                            row.forgetKey = false;
                        else
                            *problems << tr("The stream key of “%1” could not be forgotten: %2")
                                             .arg(row.destination.name, removed.error);
                        next();
                    });
            });
        }
        if (!row.pendingKey.isEmpty()) {
            steps->append([this, index, problems](std::function<void()> next) {
                storePendingKey(index, problems, std::move(next));
            });
        }
    }

    runSteps(steps, [this, problems, done = std::move(done)] {
        // Keys that are still pending stay in the rows for a retry, so a failed apply keeps them.
        if (problems->isEmpty())
            reload();
        else
            refreshTable();
        updateKeychainNote();
        done(*problems);
    });
}

void StreamSettingsPage::storePendingKey(int index, std::shared_ptr<QStringList> problems,
                                         std::function<void()> next)
{
    const QString id = m_rows.at(index).destination.id;
    const auto storeAgain = [this, index, problems, next] {
        m_settings->startSettingStreamKey(
            m_rows.at(index).destination.id, m_rows.at(index).pendingKey, this,
            [this, index, problems, next](const sb::studio::StreamKeyResult& stored) {
                keyStored(index, stored, problems.get());
                next();
            });
    };
    m_settings->startSettingStreamKey(
        id, m_rows.at(index).pendingKey, this,
        [this, index, id, problems, next, storeAgain](const sb::studio::StreamKeyResult& stored) {
            if (stored.ok() || stored.failure != SecretStore::Failure::Unavailable ||
                m_settings->sessionOnlyKeysAllowed()) {
                keyStored(index, stored, problems.get());
                next();
                return;
            }
            m_settings->secretStore()->startProbe(this, [this, index, id, next, storeAgain](
                                                            const SecretStore::Result& probe) {
                if (probe.ok()) {
                    // The keychain came back between the two calls: just try again.
                    storeAgain();
                    return;
                }
                m_keychainProblem = probe.error;
                Row& row = m_rows[index];
                const QString question =
                    tr("No keychain service is available: %1\n\n"
                       "Keep the stream key of “%2” for this session only? It stays in memory "
                       "until the studio quits and is never written to a file; you will have to "
                       "enter it again after a restart.\n\nIf you answer No, the key is not kept "
                       "at all.")
                        .arg(probe.error, row.destination.name);
                if (!m_askUser(question)) {
                    qCInfo(lcStreamSettings)
                        << "no keychain: the user chose not to keep the stream key of destination"
                        << id;
                    row.pendingKey.clear();
                    m_droppedKeyNames << row.destination.name;
                    next();
                    return;
                }
                m_settings->allowSessionOnlyKeys(true);
                storeAgain();
            });
        });
}

void StreamSettingsPage::keyStored(int index, const sb::studio::StreamKeyResult& stored,
                                   QStringList* problems)
{
    Row& row = m_rows[index];
    if (!stored.ok()) {
        *problems << tr("The stream key of “%1” was not saved: %2")
                         .arg(row.destination.name, stored.error);
        qCWarning(lcStreamSettings) << "the stream key of destination" << row.destination.id
                                    << "was not stored:" << stored.error;
        return;
    }
    row.pendingKey.clear();
    row.keyState =
        stored.storage == KeyStorage::SessionOnly ? KeyState::SessionOnly : KeyState::Keychain;
    row.keyError.clear();
}

} // namespace sb::app
