#pragma once
// The Settlement dock: each won auction's settlement on Shape (SettlementModel over the engine's
// view) — buyer, wallet, price, stage, time left to pay — and for the selected one its
// transactions with their state and explorer link, the next action in words, and the operator's
// overrides (set wallet, retry, skip buyer, cancel, mark settled), each queued to the engine's
// thread with actor "operator" and audited there. A line at the top says what the chain driver
// is doing (or why it is not running). It talks to no chain itself.

#include <QDockWidget>
#include <QString>

#include <cstdint>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;
class QUrl;

namespace sb::auction {
class AuctionEngine;
class EngineThread;
struct ActionResult;
} // namespace sb::auction

namespace sb::studio {
class SettlementModel;
}

namespace sb::app {

class SettlementDock : public QDockWidget
{
    Q_OBJECT

public:
    // Asks the operator for a line of text (a wallet, a reason); empty: cancelled.
    using TextPrompt = std::function<QString(const QString& title, const QString& label)>;
    using Confirm = std::function<bool(const QString& question)>;

    explicit SettlementDock(QWidget* parent = nullptr);

    // The session it shows and acts on (null: none, while the marathon is replaced), and the
    // chain its explorer links are for.
    void setSession(sb::auction::EngineThread* session);
    void setChainId(std::uint64_t chainId);
    // What the chain driver says about itself ("Watching chain 11011 from 0xAB…CD", or why not).
    void setDriverStatus(const QString& status);

    void setTextPrompt(TextPrompt prompt) { m_prompt = std::move(prompt); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setLinkOpener(std::function<void(const QUrl&)> open) { m_openLink = std::move(open); }

    sb::studio::SettlementModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QTableWidget* transactionsTable() const { return m_transactions; }
    QLabel* driverLabel() const { return m_driver; }
    QLabel* nextLabel() const { return m_next; }
    QLabel* resultLabel() const { return m_result; }
    QPushButton* setWalletButton() const { return m_setWallet; }
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* skipButton() const { return m_skip; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* markSettledButton() const { return m_markSettled; }

    // Selects the auction's row (tests, and the window when an auction is won).
    void selectAuction(int auctionIndex);

public slots:
    void refresh();

signals:
    // An override finished: ok, and the engine's sentence when it refused.
    void overrideDone(bool ok, const QString& message);

private:
    void selectionChanged();
    void showSelected();
    int selectedAuction() const; // -1 when none
    void act(std::function<sb::auction::ActionResult(sb::auction::AuctionEngine&)> action,
             const QString& success);
    void setWallet();
    void retry();
    void skipBuyer();
    void cancelSettlement();
    void markSettled();

    sb::auction::EngineThread* m_session = nullptr;
    std::uint64_t m_chainId = 0;
    sb::studio::SettlementModel* m_model = nullptr;
    TextPrompt m_prompt;
    Confirm m_confirm;
    std::function<void(const QUrl&)> m_openLink;
    QTimer* m_countdown = nullptr;

    QLabel* m_driver = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_next = nullptr;
    QTableWidget* m_transactions = nullptr;
    QPushButton* m_setWallet = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_skip = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_markSettled = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace sb::app
