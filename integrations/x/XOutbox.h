#pragma once
// The studio's voice on X: posts the marathon's outbox (auction/Outbox.h) one at a time, sooner
// kinds first (the auction's post at window open, then the winner, then extensions, then verdict
// replies), within the posting limits X's answers report (the 15-minute user window and the
// 24-hour user and app windows) and with a few posts always kept back for the open and the
// winner. When more replies are due than that budget allows, they are folded into one summary
// post in the auction's thread instead of being dropped. Each post's text is fixed in the
// database before it is sent, so a post whose answer never came is sent again with the same
// text: X's duplicate refusal then proves it went out, and its id is found on the account's
// timeline — never posted twice, never lost. A reply X refuses because its author never engaged
// the account goes to the auction's thread ("@bidder …"), and that author is remembered.

#include "XApi.h"

#include "Outbox.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace sb::auction {
class EngineThread;
}

namespace sb::integrations::x {

struct XOutboxOptions
{
    QString apiBaseUrl = QString(XApi::kDefaultBaseUrl);
    QString accountUserId;
    QString accountUsername; // {handle}
    bool allowUrls = false;
    QMap<QString, QString> templates;   // the operator's texts (XTemplates); absent: the default
    int reserve = 3;                    // posts kept back for the open, the winner, settlement
    int assumedLimit = 100;             // X's documented 15-minute window, until an answer says
    std::int64_t minIntervalMs = 1'000; // between two posts
    std::int64_t lastMinutesLeadMs = 5 * 60'000; // "5 minutes left" in the auction's thread
    int tickMs = 200;
    // A 429 without a reset, or with one already past (X's clock and this machine's disagree):
    // posting waits this long rather than trying again at once.
    std::int64_t unknownResetWaitMs = 60'000;
    std::int64_t postPriceMicroUsd = 15'000; // pay-per-use, for the estimate shown
};

class XOutbox : public QObject
{
    Q_OBJECT

public:
    using TokenProvider = std::function<QString()>;

    struct Status
    {
        std::optional<int> remaining; // posts X still allows (the tightest window)
        std::optional<std::int64_t> resetUtcMs;
        QString lastResult;             // of the last post, in words
        QString waitingFor;             // "" while posting freely
        int sent = 0;                   // since start
        int collapsed = 0;              // replies folded into summaries since start
        std::int64_t spentMicroUsd = 0; // what the posts sent since start cost, estimated
    };

    XOutbox(sb::auction::EngineThread& session, HttpClient& http, TokenProvider token,
            XOutboxOptions options, QObject* parent = nullptr);
    ~XOutbox() override;

    void start();
    // Answers on their way are dropped; their posts stay "sending" and go again (same text).
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    Status status() const { return m_status; }

signals:
    void stateChanged();
    void posted(const sb::auction::OutboxItem& item);
    void problem(const QString& message);
    void tokenRefused();

private:
    struct Pick;
    void tick();
    void queueLastMinutes(std::int64_t nowMs);
    void send(const sb::auction::OutboxItem& item, const QString& inReplyTo);
    void onAnswer(sb::auction::OutboxItem item, const HttpResponse& response);
    void findSent(sb::auction::OutboxItem item);
    void save(const sb::auction::OutboxItem& item, const QString& result);
    void blockFor(std::int64_t ms, const QString& why);
    int budget(std::int64_t nowMs) const;

    sb::auction::EngineThread& m_session;
    HttpClient& m_http;
    TokenProvider m_token;
    XOutboxOptions m_options;
    XApi m_api;
    QTimer m_timer;
    bool m_busy = false;
    bool m_paceTimerArmed = false;
    std::int64_t m_blockedUntilMs = 0;
    std::int64_t m_backoffMs = 0;
    std::int64_t m_lastSentMs = 0;
    QSet<int> m_lastMinutesQueued;
    Status m_status;
};

} // namespace sb::integrations::x
