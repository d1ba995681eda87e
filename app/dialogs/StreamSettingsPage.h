#pragma once
// The Stream page of the settings dialog: where the stream goes. Lists the destinations (name,
// server URL, enabled, whether a stream key is kept) and adds, edits and removes them; nothing
// reaches StudioSettings until apply(). Stream keys are written only through
// StudioSettings::startSettingStreamKey(); when no keychain is reachable the page says so and asks
// the user whether to keep the key for this session only, never falling back silently. Every
// keychain call is asynchronous: the page shows "checking…" until a key's state is known, and
// apply() reports when the keychain has answered.

#include "StudioSettings.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>

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

    // Shows the destinations as StudioSettings has them, dropping edits not yet applied; each
    // key's state is read from the keychain in the background.
    void reload();
    // Problems with the destinations as listed (a bad URL read from the file), one sentence each.
    QStringList validationErrors() const;
    // Writes the removals, additions, edits and new keys to the settings (not to the file), then
    // calls done with a sentence per failure (none: all was written); what failed stays pending
    // for a retry. Destinations are written at once, keys when the keychain answers; done runs
    // inside the call only when there was no key to write. The page must not be edited until then.
    void apply(std::function<void(const QStringList& problems)> done);

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
        Checking,   // asked the keychain, no answer yet
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
    using Step = std::function<void(std::function<void()> next)>;
    // Runs the steps one after the other, each when the previous one called next.
    static void runSteps(std::shared_ptr<QList<Step>> steps, std::function<void()> finished);
    // Stores the row's pendingKey, asking about a session-only key when there is no keychain;
    // next() when that is over.
    void storePendingKey(int index, std::shared_ptr<QStringList> problems,
                         std::function<void()> next);
    void keyStored(int index, const sb::studio::StreamKeyResult& stored, QStringList* problems);
    static KeyState keyState(const sb::studio::StreamKeyResult& read);
    QString keyText(const Row& row) const;

    sb::studio::StudioSettings* m_settings = nullptr;
    QuestionHook m_askUser;
    QList<Row> m_rows;
    QStringList m_removedIds;      // destinations removed from the list, still in the settings
    QString m_keychainProblem;     // why no keychain is reachable; empty when one is
    QStringList m_droppedKeyNames; // destinations whose key the user chose not to keep
    bool m_refreshing = false;
    int m_reloads = 0; // a key state read for an earlier reload() is dropped

    QTableWidget* m_table = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_keychainNote = nullptr;
};

} // namespace sb::app
