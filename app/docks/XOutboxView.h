#pragma once
// The X dock's outbox: what the studio has posted on X, is about to post, and could not — each
// post's kind, state, text, and its link once sent or its reason once failed — with the sender's
// budget and what it waits for. A failed (or queued) post can be tried again or skipped; both
// are operator actions in the audit journal. It reads the marathon through the engine's thread.

#include "Outbox.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace sb::auction {
class EngineThread;
}
namespace sb::integrations::x {
class XConnection;
}

namespace sb::app {

class XOutboxView : public QWidget
{
    Q_OBJECT

public:
    explicit XOutboxView(QWidget* parent = nullptr);

    void setConnection(sb::integrations::x::XConnection* connection,
                       sb::auction::EngineThread* session);

    QTableWidget* table() const { return m_table; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* skipButton() const { return m_skip; }
    const QList<sb::auction::OutboxItem>& items() const { return m_items; }

public slots:
    // Reads the newest posts again (soon: many events in a row cause one read).
    void refreshSoon();

signals:
    void refreshed(); // the table shows what the database held at the last read

private:
    void read();
    void showItems(const QList<sb::auction::OutboxItem>& items);
    void act(bool retry);
    void updateButtons();

    sb::integrations::x::XConnection* m_connection = nullptr;
    sb::auction::EngineThread* m_session = nullptr;
    QList<sb::auction::OutboxItem> m_items;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_skip = nullptr;
    QTimer* m_soon = nullptr;
    bool m_reading = false;
};

} // namespace sb::app
