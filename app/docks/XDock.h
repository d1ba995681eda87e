#pragma once
// The X dock: who the studio is signed in as (Sign in opens the browser at X's authorize page;
// the one-shot listener takes the answer), the app's client id, the running auction's post on X
// (whose replies are its bids), and each intake source: whether it is used and why not, its last
// result, the rate limit left and its reset, what it has vouched for, and the posts read; below,
// this month's reads and their pay-per-use cost against the month's budget, and whether nearing
// it slowed polling. It shows an XConnection; it talks to no server itself.

#include <QDockWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QUrl;

namespace sb::auction {
class EngineThread;
}
namespace sb::integrations::x {
class XConnection;
}

namespace sb::app {

class XOutboxView;

class XDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit XDock(QWidget* parent = nullptr);

    // The connection and session it shows (null: none, e.g. while the marathon is replaced).
    void setConnection(sb::integrations::x::XConnection* connection,
                       sb::auction::EngineThread* session);
    // How Sign in opens the browser (tests watch it instead of a real browser opening).
    void setBrowserOpener(std::function<void(const QUrl&)> open)
    {
        m_openBrowser = std::move(open);
    }

    QLabel* accountLabel() const { return m_account; }
    QPushButton* signInButton() const { return m_signIn; }
    QPushButton* signOutButton() const { return m_signOut; }
    QLineEdit* clientIdEdit() const { return m_clientId; }
    QLineEdit* postEdit() const { return m_post; }
    QPushButton* setPostButton() const { return m_setPost; }
    QTableWidget* sourcesTable() const { return m_sources; }
    QLabel* resultLabel() const { return m_result; }
    XOutboxView* outboxView() const { return m_outbox; }
    QLabel* costLabel() const { return m_cost; }
    QLabel* budgetLabel() const { return m_budget; } // hidden while within the budget

public slots:
    void refresh();

signals:
    void clientIdChanged(const QString& clientId); // the window saves it to x.ini

private:
    void signIn();
    void setPost();

    sb::integrations::x::XConnection* m_connection = nullptr;
    sb::auction::EngineThread* m_session = nullptr;
    std::function<void(const QUrl&)> m_openBrowser;
    QLabel* m_account = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_signOut = nullptr;
    QLineEdit* m_clientId = nullptr;
    QLabel* m_link = nullptr;
    QLineEdit* m_post = nullptr;
    QPushButton* m_setPost = nullptr;
    QTableWidget* m_sources = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_budget = nullptr;
    QLabel* m_result = nullptr;
    XOutboxView* m_outbox = nullptr;
};

} // namespace sb::app
