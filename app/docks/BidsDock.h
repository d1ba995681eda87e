#pragma once
// The operator's view of the bids: a sortable, filterable table over BidsTableModel and the
// actions on the selected bid (invalidate, approve or reject a bid in review, export CSV). The
// dock decides nothing: it asks for a reason and a confirmation, then emits a request that the
// main window carries out through the engine and answers with a message box.

#include <QDockWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace sb::studio {
class BidsTableModel;
}

namespace sb::app {

class BidsDock : public QDockWidget
{
    Q_OBJECT

public:
    // Asks the operator for a reason; nullopt when they cancel. Replaceable for tests.
    using ReasonPrompt =
        std::function<std::optional<QString>(const QString& title, const QString& label)>;
    // Asks where to export; empty when they cancel. Replaceable for tests.
    using DirectoryPrompt = std::function<QString()>;

    explicit BidsDock(QWidget* parent = nullptr);

    // The dock does not own the model; it may be null until a marathon is loaded.
    void setModel(sb::studio::BidsTableModel* model);
    sb::studio::BidsTableModel* model() const { return m_model; }

    // Off in tests: no yes/no confirmation before a request is emitted.
    void setConfirmations(bool enabled) { m_confirmations = enabled; }
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }
    void setDirectoryPrompt(DirectoryPrompt prompt) { m_directoryPrompt = std::move(prompt); }

    // The selected bid's id, or 0.
    qint64 selectedBidId() const;
    // Selects the row of this bid (in the current sort and filter); false when it is not shown.
    bool selectBid(qint64 bidId);

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filterEdit; }
    QComboBox* statusCombo() const { return m_statusCombo; }
    QAction* invalidateAction() const { return m_invalidateAction; }
    QAction* approveAction() const { return m_approveAction; }
    QAction* rejectAction() const { return m_rejectAction; }
    QAction* exportAction() const { return m_exportAction; }

signals:
    void invalidateRequested(qint64 bidId, const QString& reason);
    void approveRequested(qint64 bidId);
    void rejectRequested(qint64 bidId, const QString& reason);
    void exportRequested(const QString& directory);

private:
    void invalidateSelected();
    void approveSelected();
    void rejectSelected();
    void exportCsv();
    void applyStatusFilter();
    void updateActions();
    bool confirm(const QString& title, const QString& question);
    std::optional<QString> askReason(const QString& title, const QString& label);
    int selectedSourceRow() const;

    sb::studio::BidsTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_statusProxy = nullptr; // status combo
    QSortFilterProxyModel* m_textProxy = nullptr;   // filter text, and sorting
    QTableView* m_table = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QComboBox* m_statusCombo = nullptr;
    QAction* m_invalidateAction = nullptr;
    QAction* m_approveAction = nullptr;
    QAction* m_rejectAction = nullptr;
    QAction* m_exportAction = nullptr;
    bool m_confirmations = true;
    ReasonPrompt m_reasonPrompt;
    DirectoryPrompt m_directoryPrompt;
};

} // namespace sb::app
