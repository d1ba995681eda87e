#pragma once
// The Stream page of the settings dialog: where the stream goes. Lists the destinations (name,
// server URL, enabled, whether a stream key is kept) and adds, edits and removes them; nothing
// reaches StudioSettings until apply(). Stream keys are written only through
// StudioSettings::setStreamKey(); when no keychain is reachable the page says so and asks the
// user whether to keep the key for this session only, never falling back silently.

#include "StudioSettings.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sb::app {

class StreamSettingsPage : public QWidget
{
    Q_OBJECT

public:
    // A yes/no question for the user; true means yes.
    using QuestionHook = std::function<bool(const QString& question)>;

    explicit StreamSettingsPage(sb::studio::StudioSettings* settings, QWidget* parent = nullptr);

    // Replaces the QMessageBox that asks whether to keep a key for this session only (tests).
    void setQuestionHook(QuestionHook hook) { m_askUser = std::move(hook); }

    // Shows the destinations as StudioSettings has them, dropping edits not yet applied.
    void reload();
    // Problems with the destinations as listed (a bad URL read from the file), one sentence each.
    QStringList validationErrors() const;
    // Writes the removals, additions, edits and new keys to the settings (not to the file).
    // False with a sentence per failure in *problems; what failed stays pending for a retry.
    bool apply(QStringList* problems);

signals:
    // The user changed something that apply() would write.
    void changed();

private:
    enum class KeyState
    {
        NotSet,
        Keychain,
        SessionOnly,
        Unreadable, // the keychain failed; keyError says why
    };

    // A destination as listed, with what is pending for it.
    struct Row
    {
        sb::studio::Destination destination; // id empty until apply() added it
        bool modified = false;
        KeyState keyState = KeyState::NotSet;
        QString keyError;
        QString pendingKey; // typed, not yet stored; never shown, logged or written by the page
        bool forgetKey = false;
    };

    void buildUi();
    void refreshTable();
    void updateButtons();
    void updateKeychainNote();
    int currentRow() const;
    void addDestination();
    void editDestination();
    void removeDestination();
    void openDestinationDialog(int row);
    // Stores row.pendingKey, asking about a session-only key when there is no keychain.
    bool storePendingKey(Row& row, QStringList* problems);
    KeyState readKeyState(const QString& destinationId, QString* error) const;
    QString keyText(const Row& row) const;

    sb::studio::StudioSettings* m_settings = nullptr;
    QuestionHook m_askUser;
    QList<Row> m_rows;
    QStringList m_removedIds;      // destinations removed from the list, still in the settings
    QString m_keychainProblem;     // why no keychain is reachable; empty when one is
    QStringList m_droppedKeyNames; // destinations whose key the user chose not to keep
    bool m_refreshing = false;

    QTableWidget* m_table = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_keychainNote = nullptr;
};

} // namespace sb::app
