#include "HotkeysSettingsPage.h"

#include "StudioSettings.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::app {

using sb::studio::StudioSettings;

namespace {

const QColor kProblemColor(0xc6, 0x28, 0x28);

// The actions that share a sequence, for each sequence that more than one action uses, in the
// order the page lists the actions.
QList<QPair<QKeySequence, QStringList>> duplicates(const QMap<QString, QKeySequence>& hotkeys)
{
    QList<QPair<QKeySequence, QStringList>> shared;
    for (const QString& action : StudioSettings::hotkeyActions()) {
        const QKeySequence sequence = hotkeys.value(action);
        if (sequence.isEmpty())
            continue;
        auto it = std::find_if(shared.begin(), shared.end(),
                               [&](const auto& entry) { return entry.first == sequence; });
        if (it == shared.end())
            shared.append({sequence, {action}});
        else
            it->second << action;
    }
    shared.removeIf([](const auto& entry) { return entry.second.size() < 2; });
    return shared;
}

} // namespace

HotkeysSettingsPage::HotkeysSettingsPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("hotkeysPage"));
    const QStringList actions = StudioSettings::hotkeyActions();

    m_table = new QTableWidget(int(actions.size()), 2);
    m_table->setObjectName(QStringLiteral("hotkeysTable"));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Hotkey")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < actions.size(); ++row) {
        const QString& action = actions.at(row);
        auto* name = new QTableWidgetItem(StudioSettings::hotkeyActionName(action));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, name);
        auto* edit = new QKeySequenceEdit;
        edit->setObjectName(QStringLiteral("hotkeyEdit_") + action);
        edit->setClearButtonEnabled(true);
        edit->setAccessibleName(StudioSettings::hotkeyActionName(action));
        connect(edit, &QKeySequenceEdit::keySequenceChanged, this, [this] {
            markDuplicates();
            if (!m_loading)
                emit changed();
        });
        m_table->setCellWidget(row, 1, edit);
        m_edits.insert(action, edit);
    }
    m_table->resizeRowsToContents();

    auto* resetButton = new QPushButton(tr("Reset to &Defaults"));
    resetButton->setObjectName(QStringLiteral("resetHotkeysButton"));
    connect(resetButton, &QPushButton::clicked, this, [this] {
        setHotkeys(StudioSettings::defaultHotkeys());
        emit changed();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(resetButton);

    auto* intro = new QLabel(tr("Click a hotkey and press the keys to assign; the clear button "
                                "leaves the action without one."));
    intro->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

QMap<QString, QKeySequence> HotkeysSettingsPage::hotkeys() const
{
    QMap<QString, QKeySequence> hotkeys;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        hotkeys.insert(it.key(), it.value()->keySequence());
    return hotkeys;
}

void HotkeysSettingsPage::setHotkeys(const QMap<QString, QKeySequence>& hotkeys)
{
    m_loading = true;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        it.value()->setKeySequence(hotkeys.value(it.key()));
    m_loading = false;
    markDuplicates();
}

QStringList HotkeysSettingsPage::validationErrors() const
{
    QStringList problems;
    for (const auto& [sequence, actions] : duplicates(hotkeys())) {
        QStringList names;
        for (const QString& action : actions)
            names << tr("“%1”").arg(StudioSettings::hotkeyActionName(action));
        problems << tr("%1 is the hotkey of more than one action: %2. Give each its own.")
                        .arg(sequence.toString(QKeySequence::NativeText), names.join(tr(" and ")));
    }
    return problems;
}

void HotkeysSettingsPage::markDuplicates()
{
    QStringList shared;
    for (const auto& entry : duplicates(hotkeys()))
        shared << entry.second;
    const QStringList actions = StudioSettings::hotkeyActions();
    for (int row = 0; row < actions.size(); ++row) {
        const bool duplicate = shared.contains(actions.at(row));
        QTableWidgetItem* name = m_table->item(row, 0);
        name->setForeground(duplicate ? QBrush(kProblemColor) : QBrush());
        name->setToolTip(duplicate ? tr("Another action has the same hotkey.") : QString());
    }
}

} // namespace sb::app
