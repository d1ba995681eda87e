#pragma once
// A VTube Studio for the tests: a WebSocket server on loopback that speaks the public API's
// authentication, parameter injection and hotkeys, records what it was sent, and can deny the
// token request, forget the tokens it issued, or go away and come back on the same port.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QWebSocketServer>

class QWebSocket;

namespace sb::test {

class FakeVtubeStudio : public QObject
{
    Q_OBJECT

public:
    explicit FakeVtubeStudio(QObject* parent = nullptr);
    ~FakeVtubeStudio() override;

    // Listens on 127.0.0.1: a free port the first time, the same one after stopListening().
    bool listen();
    // VTube Studio quits: every client is closed and the port refuses connections.
    void stopListening();
    QUrl url() const;

    // What the user answers to the next token requests.
    bool approveTokens = true;
    // Tokens this VTube Studio accepts (the ones it issued, unless forgotten).
    QSet<QString> validTokens;
    // A VTube Studio that accepts no token at all, not even one it just issued.
    bool rejectEveryToken = false;
    // A VTube Studio that never answers the sign-in (AuthenticationRequest).
    bool silentOnSignIn = false;
    // Sends every client this many bytes of text at once after the sign-in (0: none).
    int floodBytes = 0;
    QStringList issuedTokens;

    // Every message received, in order, and those of one type.
    QList<QJsonObject> received;
    QList<QJsonObject> receivedOfType(const QString& messageType) const;
    // The MouthOpen values injected, in order.
    QList<double> mouthValues() const;
    int connectionCount = 0;
    int openClients() const { return int(m_clients.size()); }

private:
    void onNewConnection();
    void onMessage(QWebSocket* client, const QString& text);
    void reply(QWebSocket* client, const QJsonObject& request, const QString& messageType,
               const QJsonObject& data);

    QWebSocketServer m_server;
    quint16 m_port = 0;
    QList<QWebSocket*> m_clients;
};

} // namespace sb::test
