#include "FakeVtubeStudio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QWebSocket>

namespace sb::test {

using namespace Qt::StringLiterals;

FakeVtubeStudio::FakeVtubeStudio(QObject* parent)
    : QObject(parent), m_server(u"fake VTube Studio"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakeVtubeStudio::onNewConnection);
}

FakeVtubeStudio::~FakeVtubeStudio()
{
    stopListening();
}

bool FakeVtubeStudio::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void FakeVtubeStudio::stopListening()
{
    m_server.close();
    const auto clients = m_clients;
    m_clients.clear();
    for (QWebSocket* client : clients) {
        client->disconnect(this);
        client->close();
        client->deleteLater();
    }
}

QUrl FakeVtubeStudio::url() const
{
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_port));
}

QList<QJsonObject> FakeVtubeStudio::receivedOfType(const QString& messageType) const
{
    QList<QJsonObject> found;
    for (const QJsonObject& message : received)
        if (message.value(u"messageType"_s).toString() == messageType)
            found << message;
    return found;
}

QList<double> FakeVtubeStudio::mouthValues() const
{
    QList<double> values;
    for (const QJsonObject& message : receivedOfType(u"InjectParameterDataRequest"_s)) {
        const QJsonArray parameters =
            message.value(u"data"_s).toObject().value(u"parameterValues"_s).toArray();
        for (const QJsonValue& parameter : parameters)
            if (parameter.toObject().value(u"id"_s).toString() == "MouthOpen"_L1)
                values << parameter.toObject().value(u"value"_s).toDouble();
    }
    return values;
}

void FakeVtubeStudio::onNewConnection()
{
    while (QWebSocket* client = m_server.nextPendingConnection()) {
        ++connectionCount;
        m_clients << client;
        connect(client, &QWebSocket::textMessageReceived, this,
                [this, client](const QString& text) { onMessage(client, text); });
        connect(client, &QWebSocket::disconnected, this, [this, client] {
            m_clients.removeAll(client);
            client->deleteLater();
        });
    }
}

void FakeVtubeStudio::onMessage(QWebSocket* client, const QString& text)
{
    const QJsonObject request = QJsonDocument::fromJson(text.toUtf8()).object();
    received << request;
    const QString type = request.value(u"messageType"_s).toString();
    const QJsonObject data = request.value(u"data"_s).toObject();
    if (request.value(u"apiName"_s).toString() != "VTubeStudioPublicAPI"_L1 ||
        request.value(u"apiVersion"_s).toString() != "1.0"_L1) {
        reply(client, request, u"APIError"_s,
              {{u"errorID"_s, 1}, {u"message"_s, u"not a VTube Studio API request"_s}});
    } else if (type == "AuthenticationTokenRequest"_L1) {
        if (!approveTokens) {
            reply(client, request, u"APIError"_s,
                  {{u"errorID"_s, 50},
                   {u"message"_s, u"User has denied API access for your plugin."_s}});
            return;
        }
        const QString token = u"vts-token-"_s + QUuid::createUuid().toString(QUuid::Id128);
        issuedTokens << token;
        validTokens << token;
        reply(client, request, u"AuthenticationTokenResponse"_s,
              {{u"authenticationToken"_s, token}});
    } else if (type == "AuthenticationRequest"_L1) {
        if (silentOnSignIn)
            return;
        if (floodBytes > 0)
            client->sendTextMessage(QString(floodBytes, u'x'));
        const bool ok = !rejectEveryToken &&
                        validTokens.contains(data.value(u"authenticationToken"_s).toString());
        reply(client, request, u"AuthenticationResponse"_s,
              {{u"authenticated"_s, ok},
               {u"reason"_s, ok ? u"Token valid. The plugin is authenticated."_s
                                : u"Token invalid. The plugin is not authenticated."_s}});
    } else if (type == "InjectParameterDataRequest"_L1) {
        reply(client, request, u"InjectParameterDataResponse"_s, {});
    } else if (type == "HotkeyTriggerRequest"_L1) {
        reply(client, request, u"HotkeyTriggerResponse"_s,
              {{u"hotkeyID"_s, data.value(u"hotkeyID"_s)}});
    }
}

void FakeVtubeStudio::reply(QWebSocket* client, const QJsonObject& request,
                            const QString& messageType, const QJsonObject& data)
{
    const QJsonObject message{{u"apiName"_s, u"VTubeStudioPublicAPI"_s},
                              {u"apiVersion"_s, u"1.0"_s},
                              {u"timestamp"_s, 0},
                              {u"requestID"_s, request.value(u"requestID"_s)},
                              {u"messageType"_s, messageType},
                              {u"data"_s, data}};
    client->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace sb::test
