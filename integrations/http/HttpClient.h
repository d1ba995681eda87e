#pragma once
// Outbound HTTP for the integrations (DESIGN.md: libcurl multi on a worker thread; results come
// back as queued calls). Any number of requests run at once on one worker thread; each answer
// reaches the thread that made the client, never the caller's stack. Request headers (which
// carry bearer tokens) are never logged.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

namespace sb::integrations {

struct HttpRequest
{
    QByteArray method = "GET";
    QString url;
    QList<QPair<QByteArray, QByteArray>> headers; // sent as given; never logged
    QByteArray body;
    int timeoutMs = 15'000;       // the whole exchange
    int connectTimeoutMs = 5'000; // the TCP (and TLS) handshake
    qsizetype maxBodyBytes = 32 * 1024 * 1024; // a server that sends more is cut off
};

struct HttpResponse
{
    int status = 0;                        // 0: no HTTP answer (see error)
    QHash<QByteArray, QByteArray> headers; // lower-case names; the last one of a name wins
    QByteArray body;
    QString error; // transport failure in words (refused, timed out, TLS), empty otherwise

    bool ok() const { return error.isEmpty() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray& lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override; // cancels what is in flight; no callback runs after it

    // Any thread. `done` runs on this object's thread with the answer, unless `context` (when
    // not null) is gone by then.
    void send(HttpRequest request, QObject* context, std::function<void(const HttpResponse&)> done);

    // Requests started and not yet answered.
    int inFlight() const;

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};

} // namespace sb::integrations
