#include "VtsBridge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcVts, "sb.vtubestudio")

namespace sb::integrations::vtubestudio {

using namespace Qt::StringLiterals;

namespace {

// Whole seconds for the dock, rounded up so that "retrying in 0 s" never shows.
int secondsFor(int delayMs)
{
    return qMax(1, (delayMs + 999) / 1000);
}

} // namespace

VtsBridge::VtsBridge(VtsTokenStore& tokens, VtsTimerSource* timers, QObject* parent)
    : QObject(parent), m_tokens(tokens),
      m_ownTimers(timers ? nullptr : std::make_unique<QtTimerSource>()),
      m_timers(timers ? *timers : *m_ownTimers)
{
    m_stateText = tr("Off");
}

VtsBridge::~VtsBridge()
{
    // As stop(), without telling anyone: the receivers may be going away too.
    m_running = false;
    for (VtsTimer timer :
         {VtsTimer::KeepAlive, VtsTimer::Retry, VtsTimer::Flush, VtsTimer::Handshake})
        m_timers.disarm(timer);
    closeSocket();
}

void VtsBridge::setSettings(const VtsSettings& settings)
{
    const bool reconnect = m_running && (settings.url != m_settings.url ||
                                         settings.pluginName != m_settings.pluginName ||
                                         settings.pluginDeveloper != m_settings.pluginDeveloper);
    m_settings = settings;
    // Before the token was read, the load's answer connects with the new settings.
    if (reconnect && m_tokenLoaded) {
        m_nextRetryMs = m_settings.firstRetryMs;
        m_timers.disarm(VtsTimer::Retry);
        m_retryDelayMs = 0;
        connectSocket();
    }
}

void VtsBridge::start()
{
    if (m_running)
        return;
    m_running = true;
    m_nextRetryMs = m_settings.firstRetryMs;
    if (m_tokenLoaded) {
        connectSocket();
        return;
    }
    setState(VtsState::Connecting, tr("Reading the VTube Studio plugin token"));
    m_tokens.startLoad(this, [this](std::optional<QString> token, QString error) {
        m_tokenLoaded = true;
        if (token)
            m_token = *token;
        if (!error.isEmpty())
            qCWarning(lcVts) << "could not read the plugin token, asking VTube Studio for one:"
                             << error;
        if (m_running && !m_socket)
            connectSocket();
    });
}

void VtsBridge::stop()
{
    m_running = false;
    m_timers.disarm(VtsTimer::KeepAlive);
    m_timers.disarm(VtsTimer::Flush);
    m_timers.disarm(VtsTimer::Retry);
    m_timers.disarm(VtsTimer::Handshake);
    m_retryDelayMs = 0;
    closeSocket();
    setState(VtsState::Off, tr("Off"));
}

void VtsBridge::connectSocket()
{
    closeSocket();
    m_timers.disarm(VtsTimer::KeepAlive);
    m_timers.disarm(VtsTimer::Flush);
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket* socket = m_socket.get();
    connect(socket, &QWebSocket::connected, this, &VtsBridge::onConnected);
    // VTube Studio's answers are a few KiB; a larger one (a hostile or broken server, possibly on
    // another machine of the LAN) closes the connection instead of filling memory on the GUI
    // thread.
    socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    connect(socket, &QWebSocket::textMessageReceived, this, &VtsBridge::onMessage);
    connect(socket, &QWebSocket::disconnected, this, [this] { onConnectionLost(u"closed"_s); });
    // Qt 6.4 names it error(); errorOccurred() came with 6.5.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] { onConnectionLost(socket->errorString()); });
    setState(VtsState::Connecting,
             tr("Connecting to VTube Studio at %1").arg(m_settings.url.toDisplayString()));
    m_timers.arm(VtsTimer::Handshake, m_settings.handshakeTimeoutMs, [this] {
        onConnectionLost(
            u"no WebSocket handshake within %1 ms"_s.arg(m_settings.handshakeTimeoutMs));
    });
    socket->open(m_settings.url);
}

void VtsBridge::closeSocket()
{
    if (!m_socket)
        return;
    // We may be inside one of its signals: detach it now, delete it from the event loop.
    m_timers.disarm(VtsTimer::Handshake);
    QWebSocket* socket = m_socket.release();
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_pending.clear();
}

void VtsBridge::onConnected()
{
    m_timers.disarm(VtsTimer::Handshake);
    m_renewedToken = false;
    m_lastMood.clear();
    qCInfo(lcVts) << "connected to VTube Studio at" << m_settings.url.toDisplayString();
    if (m_token.isEmpty())
        requestToken();
    else
        authenticate();
}

void VtsBridge::requestToken()
{
    setState(VtsState::WaitingForApproval,
             tr("Waiting for approval in VTube Studio: allow the plugin “%1” there")
                 .arg(m_settings.pluginName));
    send(Request::Token, u"AuthenticationTokenRequest"_s,
         {{u"pluginName"_s, m_settings.pluginName},
          {u"pluginDeveloper"_s, m_settings.pluginDeveloper}});
}

void VtsBridge::authenticate()
{
    setState(VtsState::Authenticating, tr("Signing in to VTube Studio"));
    // An answer is due at once (only the token request waits for the user): a server that says
    // nothing is given up on like a silent handshake, and tried again.
    m_timers.arm(VtsTimer::Handshake, m_settings.handshakeTimeoutMs, [this] {
        onConnectionLost(
            u"no answer to the sign-in within %1 ms"_s.arg(m_settings.handshakeTimeoutMs));
    });
    send(Request::Authenticate, u"AuthenticationRequest"_s,
         {{u"pluginName"_s, m_settings.pluginName},
          {u"pluginDeveloper"_s, m_settings.pluginDeveloper},
          {u"authenticationToken"_s, m_token}});
}

void VtsBridge::onMessage(const QString& text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"messageType"_s).toString();
    const QJsonObject data = message.value(u"data"_s).toObject();
    const auto pending = m_pending.find(message.value(u"requestID"_s).toString());
    std::optional<Request> request;
    if (pending != m_pending.end()) {
        request = *pending;
        m_pending.erase(pending);
    }

    if (type == "AuthenticationTokenResponse"_L1) {
        const QString token = data.value(u"authenticationToken"_s).toString();
        if (token.isEmpty())
            onTokenRefused(-1, u"the answer held no token"_s);
        else
            onTokenReceived(token);
    } else if (type == "AuthenticationResponse"_L1) {
        onAuthenticated(data.value(u"authenticated"_s).toBool(),
                        data.value(u"reason"_s).toString());
    } else if (type == "APIError"_L1) {
        const int errorId = data.value(u"errorID"_s).toInt(-1);
        const QString why = data.value(u"message"_s).toString();
        if (request == Request::Token)
            onTokenRefused(errorId, why);
        else if (request == Request::Authenticate)
            onAuthenticated(false, why);
        else if (request == Request::Hotkey)
            qCWarning(lcVts) << "VTube Studio did not trigger the mood's hotkey (error" << errorId
                             << "):" << why;
        else
            qCDebug(lcVts) << "VTube Studio error" << errorId << why;
    } else if (type.isEmpty()) {
        qCDebug(lcVts) << "ignored a message that is not a VTube Studio API message";
    }
}

void VtsBridge::onTokenReceived(const QString& token)
{
    m_token = token;
    m_tokens.startSave(token, this, [](QString error) {
        if (!error.isEmpty())
            qCWarning(lcVts) << "the plugin token was not saved, VTube Studio will ask again "
                                "next time:"
                             << error;
    });
    authenticate();
}

void VtsBridge::onTokenRefused(int errorId, const QString& message)
{
    qCInfo(lcVts) << "VTube Studio refused the token request (error" << errorId << "):" << message;
    closeSocket();
    scheduleRetry(m_settings.deniedRetryMs, VtsState::Denied,
                  tr("VTube Studio denied the plugin access; asking again in %1 s"));
}

void VtsBridge::onAuthenticated(bool authenticated, const QString& reason)
{
    m_timers.disarm(VtsTimer::Handshake);
    if (authenticated) {
        m_nextRetryMs = m_settings.firstRetryMs;
        setState(VtsState::Connected, tr("Connected as plugin “%1”").arg(m_settings.pluginName));
        m_lastInjectionMs = -1;
        m_heldMouth = -1;
        inject(0.0); // the mouth starts closed, and the keep-alive beat with it
        return;
    }
    qCInfo(lcVts) << "VTube Studio did not accept the plugin token:" << reason;
    if (!m_renewedToken) {
        // A token the user revoked in VTube Studio: ask for a new one, once per session.
        m_renewedToken = true;
        m_token.clear();
        m_tokens.startForget(this, [](QString error) {
            if (!error.isEmpty())
                qCWarning(lcVts) << "could not remove the old plugin token:" << error;
        });
        requestToken();
        return;
    }
    closeSocket();
    const int delay = m_nextRetryMs;
    m_nextRetryMs = qMin(m_nextRetryMs * 2, m_settings.maxRetryMs);
    scheduleRetry(delay, VtsState::Retrying,
                  tr("VTube Studio did not accept the plugin token; retrying in %1 s"));
}

void VtsBridge::onConnectionLost(const QString& why)
{
    if (!m_socket)
        return; // already handled: errorOccurred and disconnected both report a loss
    const bool wasOpen = m_state != VtsState::Connecting;
    if (wasOpen)
        qCInfo(lcVts) << "lost the connection to VTube Studio:" << why;
    else
        qCDebug(lcVts) << "VTube Studio not reachable:" << why;
    closeSocket();
    const int delay = m_nextRetryMs;
    m_nextRetryMs = qMin(m_nextRetryMs * 2, m_settings.maxRetryMs);
    scheduleRetry(delay, VtsState::Retrying,
                  wasOpen ? tr("Lost the connection to VTube Studio; retrying in %1 s")
                          : tr("VTube Studio not running; retrying in %1 s"));
}

void VtsBridge::scheduleRetry(int delayMs, VtsState state, const QString& textWithSeconds)
{
    m_timers.disarm(VtsTimer::KeepAlive);
    m_timers.disarm(VtsTimer::Flush);
    m_retryDelayMs = delayMs;
    setState(state, textWithSeconds.arg(secondsFor(delayMs)));
    m_timers.arm(VtsTimer::Retry, delayMs, [this] { retry(); });
}

void VtsBridge::retry()
{
    m_retryDelayMs = 0;
    if (m_running)
        connectSocket();
}

void VtsBridge::setMouthOpen(double openness)
{
    if (m_state != VtsState::Connected)
        return;
    const double value = std::isfinite(openness) ? std::clamp(openness, 0.0, 1.0) : 0.0;
    const int rate = qMax(1, m_settings.maxInjectionsPerSecond);
    const qint64 minGapMs = (1000 + rate - 1) / rate;
    const qint64 sinceMs = m_timers.nowMs() - m_lastInjectionMs;
    if (m_lastInjectionMs < 0 || sinceMs >= minGapMs) {
        m_heldMouth = -1;
        m_timers.disarm(VtsTimer::Flush);
        inject(value);
        return;
    }
    // Too soon after the last one: keep the newest value and send it when the gap has passed.
    const bool flushArmed = m_heldMouth >= 0;
    m_heldMouth = value;
    if (!flushArmed)
        m_timers.arm(VtsTimer::Flush, int(minGapMs - sinceMs), [this] {
            const double held = m_heldMouth;
            m_heldMouth = -1;
            if (held >= 0 && m_state == VtsState::Connected)
                inject(held);
        });
}

void VtsBridge::inject(double openness)
{
    send(Request::Inject, u"InjectParameterDataRequest"_s,
         {{u"faceFound"_s, false},
          {u"mode"_s, u"set"_s},
          {u"parameterValues"_s,
           QJsonArray{QJsonObject{{u"id"_s, u"MouthOpen"_s}, {u"value"_s, openness}}}}});
    m_lastInjectionMs = m_timers.nowMs();
    m_timers.arm(VtsTimer::KeepAlive, m_settings.keepAliveMs, [this] { onKeepAlive(); });
}

void VtsBridge::onKeepAlive()
{
    // Nothing was sent for keepAliveMs, so the voice is silent: hold the mouth closed.
    if (m_state == VtsState::Connected)
        inject(0.0);
}

void VtsBridge::setMood(const QString& mood)
{
    if (m_state != VtsState::Connected || mood == m_lastMood)
        return;
    const QString hotkey = m_settings.moodHotkeys.value(mood);
    if (hotkey.isEmpty())
        return;
    // Expression hotkeys toggle in VTube Studio: the same mood twice would switch it off.
    m_lastMood = mood;
    send(Request::Hotkey, u"HotkeyTriggerRequest"_s, {{u"hotkeyID"_s, hotkey}});
}

void VtsBridge::send(Request kind, const QString& messageType, const QJsonObject& data)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const QString requestId = u"sb-%1"_s.arg(m_nextRequestId++);
    // Injections are fire-and-forget; their answers are not waited for.
    if (kind != Request::Inject)
        m_pending.insert(requestId, kind);
    const QJsonObject message{{u"apiName"_s, u"VTubeStudioPublicAPI"_s},
                              {u"apiVersion"_s, u"1.0"_s},
                              {u"requestID"_s, requestId},
                              {u"messageType"_s, messageType},
                              {u"data"_s, data}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void VtsBridge::setState(VtsState state, const QString& text)
{
    if (state == m_state && text == m_stateText)
        return;
    m_state = state;
    m_stateText = text;
    emit stateChanged(state, text);
}

} // namespace sb::integrations::vtubestudio
