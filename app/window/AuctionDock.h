#pragma once
// The auction control panel: the marathon and the current auction at a glance, the engine's
// operator actions (each confirmed, each audited by the engine), and manual bid entry through the
// same path as every bid.

#include <QDockWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sb::studio {
class StudioController;
}

namespace sb::auction {
class AuctionEngine;
struct ActionResult;
} // namespace sb::auction

namespace sb::app {

class AuctionDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit AuctionDock(sb::studio::StudioController& studio, QWidget* parent = nullptr);

    // Tests answer confirmations themselves.
    void setConfirmations(bool ask) { m_confirm = ask; }
    QString lastResult() const;

public slots:
    void refresh();
    void pauseOrResume();
    void extend();
    void closeNow();
    void cancelDay();
    void markSettled();
    void submitBid();

signals:
    void newMarathonRequested();
    void actionFailed(const QString& message);

private:
    bool confirm(const QString& question);
    void report(bool ok, const QString& message);
    // Queues an operator action to the engine's thread; its answer is reported when it is back.
    void act(std::function<sb::auction::ActionResult(sb::auction::AuctionEngine&)> action,
             const QString& success);
    std::optional<int> currentAuction() const;

    sb::studio::StudioController& m_studio;
    bool m_confirm = true;
    QLabel* m_marathon = nullptr;
    QLabel* m_demoBadge = nullptr;
    QLabel* m_day = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_leader = nullptr;
    QLabel* m_timeLeft = nullptr;
    QLabel* m_minimum = nullptr;
    QPushButton* m_pause = nullptr;
    QSpinBox* m_extendMinutes = nullptr;
    QPushButton* m_extend = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_settle = nullptr;
    QPushButton* m_newMarathon = nullptr;
    QLineEdit* m_bidder = nullptr;
    QLineEdit* m_amount = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace sb::app
