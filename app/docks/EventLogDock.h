#pragma once
// The live journal for the operator: every committed event with its level, filtered by type,
// level and text, following the newest; and the dead letters, which the operator can re-drive.

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace sb::studio {
class DeadLetterModel;
class EventLogModel;
} // namespace sb::studio

namespace sb::app {

class EventLogDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit EventLogDock(QWidget* parent = nullptr);

    // Not owned; either may be null until a marathon is loaded.
    void setEventLogModel(sb::studio::EventLogModel* model);
    void setDeadLetterModel(sb::studio::DeadLetterModel* model);

    QTableView* eventTable() const { return m_eventTable; }
    QTableView* deadLetterTable() const { return m_deadLetterTable; }
    QComboBox* typeCombo() const { return m_typeCombo; }
    QComboBox* levelCombo() const { return m_levelCombo; }
    QLineEdit* searchEdit() const { return m_searchEdit; }
    QCheckBox* followCheck() const { return m_followCheck; }
    QPushButton* redriveButton() const { return m_redriveButton; }
    QLabel* redriveResultLabel() const { return m_redriveResult; }
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    // Re-drives the selected dead letter and shows the outcome under the table.
    void redriveSelected();

signals:
    void redriveFinished(bool ok, const QString& message);

private:
    QWidget* createJournalTab();
    QWidget* createDeadLetterTab();
    void applyFilters();
    void followNewest();
    void updateDeadLetterTab();

    sb::studio::EventLogModel* m_eventModel = nullptr;
    sb::studio::DeadLetterModel* m_deadLetterModel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_eventTable = nullptr;
    QComboBox* m_typeCombo = nullptr;
    QComboBox* m_levelCombo = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    QCheckBox* m_followCheck = nullptr;
    QTableView* m_deadLetterTable = nullptr;
    QPushButton* m_redriveButton = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QLabel* m_redriveResult = nullptr;
    QMetaObject::Connection m_eventRowsConnection;
    QMetaObject::Connection m_deadLetterResetConnection;
    QMetaObject::Connection m_redrivenConnection;
    QMetaObject::Connection m_redriveFailedConnection;
};

} // namespace sb::app
