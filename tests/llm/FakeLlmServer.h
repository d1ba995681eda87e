#pragma once
// An OpenAI-compatible chat-completions server for the tests, on a free loopback port: it answers
// each POST with the reply the test set, as server-sent events (close-delimited or chunked),
// a stall, a flood, or an error, and keeps what it was sent.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

class FakeLlmServer : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        int status = 200;
        QStringList deltas;    // each sent as one `data:` event of choices[0].delta.content
        bool done = true;      // `data: [DONE]` at the end
        bool chunked = false;  // Transfer-Encoding: chunked, else the connection's close ends it
        bool stall = false;    // the headers, then nothing
        bool holdOpen = false; // the deltas, then nothing (no [DONE], no end)
        QByteArray body;       // sent as is instead of events (an error's JSON)
        qint64 floodBytes = 0; // this many bytes of deltas after the others, written as the
                               // client reads them
    };

    explicit FakeLlmServer(QObject* parent = nullptr);
    bool listen();
    QString baseUrl() const; // http://127.0.0.1:<port>/v1

    void setReply(const Reply& reply) { m_reply = reply; }
    int requests() const { return m_requests; }
    const QByteArray& lastPath() const { return m_lastPath; }
    const QByteArray& lastBody() const { return m_lastBody; }
    QByteArray lastHeader(const QByteArray& lowerCaseName) const;

    static QByteArray event(const QString& content);

private:
    void readRequest(QTcpSocket* socket);
    void answer(QTcpSocket* socket);
    void writeBody(QTcpSocket* socket, const QByteArray& bytes);
    void flood(QTcpSocket* socket);

    QTcpServer m_server;
    Reply m_reply;
    int m_requests = 0;
    QByteArray m_lastPath;
    QByteArray m_lastHead;
    QByteArray m_lastBody;
};
