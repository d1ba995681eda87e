#pragma once
// The Hotkeys page of the settings dialog: one row per action (StudioSettings::hotkeyActions())
// with the key sequence that triggers it. A sequence used by two actions is marked on both rows
// and reported in a sentence (the dialog shows it at its foot and keeps OK disabled), because
// StudioSettings::setHotkey() would refuse it.

#include <QHash>
#include <QKeySequence>
#include <QMap>
#include <QStringList>
#include <QWidget>

class QKeySequenceEdit;
class QTableWidget;

namespace sb::app {

class HotkeysSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit HotkeysSettingsPage(QWidget* parent = nullptr);

    // action id -> sequence; an empty sequence means "not assigned".
    QMap<QString, QKeySequence> hotkeys() const;
    void setHotkeys(const QMap<QString, QKeySequence>& hotkeys);
    // One sentence per sequence that more than one action uses; empty when there is none.
    QStringList validationErrors() const;

signals:
    void changed();

private:
    void markDuplicates();

    QTableWidget* m_table = nullptr;
    QHash<QString, QKeySequenceEdit*> m_edits; // action id -> its editor
    bool m_loading = false;
};

} // namespace sb::app
