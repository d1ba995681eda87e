#pragma once
// The bridge to VTube Studio, for streamers who bring their own Live2D model: it connects to
// VTube Studio's public API over a WebSocket, asks once for a plugin token (the user approves it in
// VTube Studio; the token goes to a VtsTokenStore, the keychain in the studio), authenticates each
// session with it, moves the model's mouth (the MouthOpen parameter) with the host's voice and
// triggers a hotkey per host mood. It is optional and must never disturb the stream: a refused or
// lost connection retries quietly with backoff, nothing blocks, and the dock reads stateText().
// Lives on the thread that creates it (the GUI thread in the studio); feed it by queued signals.

#include "VtsTimerSource.h"
#include "VtsTokenStore.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QWebSocket;

namespace sb::integrations::vtubestudio {

struct VtsSettings
{
    QUrl url = QUrl(QStringLiteral("ws://localhost:8001"));
    QString pluginName = QStringLiteral("SothebAIs Studio");
    QString pluginDeveloper = QStringLiteral("SothebAIs");
    QMap<QString, QString> moodHotkeys; // host mood ("excited") -> VTube Studio hotkey ID
    // VTube Studio lets an injected parameter go after about a second without one.
    int keepAliveMs = 500;
    int maxInjectionsPerSecond = 60;
    int firstRetryMs = 1'000; // then doubled per failed attempt, up to maxRetryMs
    int maxRetryMs = 30'000;
    // After the user denied the token request: ask again this much later, not at once.
    int deniedRetryMs = 60'000;
    // A port that accepts but never completes the WebSocket handshake counts as not running.
    int handshakeTimeoutMs = 10'000;

    bool operator==(const VtsSettings&) const = default;
};

enum class VtsState
{
    Off,                // stopped
    Connecting,         // opening the WebSocket
    WaitingForApproval, // the token request is on screen in VTube Studio
    Authenticating,     // sending the stored token
    Connected,          // authenticated: injecting and triggering hotkeys
    Denied,             // the user denied the token request; asks again after deniedRetryMs
    Retrying,           // not reachable (not running, closed); reconnects after a backoff
};

class VtsBridge : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 kMaxMessageBytes = 1 << 20; // larger: the connection is closed
    // `tokens` and `timers` must outlive the bridge; without `timers` it uses Qt timers.
    explicit VtsBridge(VtsTokenStore& tokens, VtsTimerSource* timers = nullptr,
                       QObject* parent = nullptr);
    ~VtsBridge() override;

    VtsSettings settings() const { return m_settings; }
    // Takes effect at once; a new URL or plugin identity reconnects.
    void setSettings(const VtsSettings& settings);

    void start();
    void stop();

    VtsState state() const { return m_state; }
    // For the dock: "Connected as plugin “SothebAIs Studio”", "Waiting for approval in VTube
    // Studio", "VTube Studio not running — retrying in 4 s", ...
    QString stateText() const { return m_stateText; }
    // The delay of the pending reconnect or token request, 0 when none is pending.
    int retryDelayMs() const { return m_retryDelayMs; }

public slots:
    // The host's mouth, 0 (closed) .. 1 (open), from the voice while it speaks (every frame).
    // Values outside the range are clamped; sent at most maxInjectionsPerSecond, newest first.
    void setMouthOpen(double openness);
    // Triggers the hotkey mapped to the host's mood; an unmapped mood does nothing.
    void setMood(const QString& mood);

signals:
    void stateChanged(sb::integrations::vtubestudio::VtsState state, const QString& text);

private:
    enum class Request
    {
        Token,
        Authenticate,
        Inject,
        Hotkey,
    };

    void connectSocket();
    void openSocket();
    void onConnected();
    void onMessage(const QString& text);
    void onConnectionLost(const QString& why);
    void requestToken();
    void authenticate();
    void onTokenReceived(const QString& token);
    void onTokenRefused(int errorId, const QString& message);
    void onAuthenticated(bool authenticated, const QString& reason);
    void scheduleRetry(int delayMs, VtsState state, const QString& why);
    void retry();
    void inject(double openness);
    void onKeepAlive();
    void send(Request kind, const QString& messageType, const QJsonObject& data);
    void setState(VtsState state, const QString& text);
    void closeSocket();

    VtsTokenStore& m_tokens;
    std::unique_ptr<VtsTimerSource> m_ownTimers;
    VtsTimerSource& m_timers;
    VtsSettings m_settings;
    std::unique_ptr<QWebSocket> m_socket;

    VtsState m_state = VtsState::Off;
    QString m_stateText;
    bool m_running = false;
    bool m_tokenLoaded = false;  // the store was asked once this run
    QString m_token;             // never logged
    bool m_renewedToken = false; // this session already replaced a rejected token
    int m_nextRetryMs = 0;       // the backoff for the next failed attempt
    int m_retryDelayMs = 0;
    QHash<QString, Request> m_pending; // requestID -> what it asked
    quint64 m_nextRequestId = 1;
    qint64 m_lastInjectionMs = -1;
    double m_heldMouth = -1; // the newest value the rate limit held back; < 0 when none
    QString m_lastMood;
};

} // namespace sb::integrations::vtubestudio
