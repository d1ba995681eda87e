#pragma once
// A server for the chain client's tests that speaks HTTP on loopback (a free port) but is not a
// healthy node: it sends one fixed answer to every request (garbage, an HTTP error, a JSON-RPC
// answer to another id), or nothing at all, or plays a node through `node`.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace shapetest {

class FakeRpcServer : public QTcpServer
{
public:
    QByteArray answer; // whole HTTP response; empty: never answers
    // When set, answers each whole request with the JSON-RPC object it returns (its id copied).
    std::function<QJsonObject(const QString& method, const QJsonArray& params)> node;

    FakeRpcServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    if (!node) {
                        if (!answer.isEmpty())
                            socket->write(answer);
                        return;
                    }
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    const QJsonObject request =
                        QJsonDocument::fromJson(buffer->mid(end + 4)).object();
                    if (end < 0 || request.isEmpty())
                        return; // not all of it yet
                    QJsonObject reply = node(request.value(QLatin1String("method")).toString(),
                                             request.value(QLatin1String("params")).toArray());
                    reply.insert(QStringLiteral("jsonrpc"), QStringLiteral("2.0"));
                    reply.insert(QStringLiteral("id"), request.value(QLatin1String("id")));
                    socket->write(http("200 OK", QJsonDocument(reply).toJson()));
                    buffer->clear();
                });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    static QByteArray http(const QByteArray& status, const QByteArray& body)
    {
        return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }
};

} // namespace shapetest
