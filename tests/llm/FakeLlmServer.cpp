#include "FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

FakeLlmServer::FakeLlmServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool FakeLlmServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeLlmServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort());
}

QByteArray FakeLlmServer::lastHeader(const QByteArray& lowerCaseName) const
{
    for (const QByteArray& line : m_lastHead.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerCaseName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray FakeLlmServer::event(const QString& content)
{
    const QJsonObject chunk{
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{
             {QStringLiteral("index"), 0},
             {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), content}}}}}}};
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

void FakeLlmServer::readRequest(QTcpSocket* socket)
{
    if (socket->property("answered").toBool())
        return;
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArray head = buffer.left(headEnd);
    qsizetype length = 0;
    for (const QByteArray& line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return;
    socket->setProperty("answered", true);
    ++m_requests;
    m_lastHead = head;
    m_lastPath = head.split(' ').value(1);
    m_lastBody = buffer.mid(headEnd + 4, length);
    answer(socket);
}

void FakeLlmServer::answer(QTcpSocket* socket)
{
    const Reply& reply = m_reply;
    if (reply.status != 200) {
        socket->write("HTTP/1.1 " + QByteArray::number(reply.status) +
                      " Error\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n" +
                      reply.body);
        socket->disconnectFromHost();
        return;
    }
    socket->write(QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n") +
                  (reply.chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n") +
                  "\r\n");
    if (reply.stall)
        return; // the client's deadline ends it
    QByteArray events = reply.body;
    for (const QString& delta : reply.deltas)
        events += event(delta);
    writeBody(socket, events);
    if (reply.holdOpen)
        return; // the client's deadline ends it
    if (reply.floodBytes > 0) {
        socket->setProperty("flooded", qint64(0));
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { flood(socket); });
        flood(socket);
        return;
    }
    if (reply.done)
        writeBody(socket, "data: [DONE]\n\n");
    if (reply.chunked)
        socket->write("0\r\n\r\n");
    socket->disconnectFromHost();
}

void FakeLlmServer::writeBody(QTcpSocket* socket, const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_reply.chunked)
        socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    else
        socket->write(bytes);
}

// A little at a time, so that the server never holds the flood in memory either.
void FakeLlmServer::flood(QTcpSocket* socket)
{
    qint64 sent = socket->property("flooded").toLongLong();
    static const QByteArray piece = [] {
        QByteArray bytes;
        while (bytes.size() < 64 * 1024)
            bytes += event(QStringLiteral("going "));
        return bytes;
    }();
    while (sent < m_reply.floodBytes && socket->bytesToWrite() < 256 * 1024 &&
           socket->state() == QAbstractSocket::ConnectedState) {
        writeBody(socket, piece);
        sent += piece.size();
    }
    socket->setProperty("flooded", sent);
    if (sent >= m_reply.floodBytes && socket->state() == QAbstractSocket::ConnectedState &&
        socket->property("floodEnded").isNull()) {
        socket->setProperty("floodEnded", true);
        writeBody(socket, "data: [DONE]\n\n");
        if (m_reply.chunked)
            socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
    }
}
