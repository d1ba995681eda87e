#pragma once
// Outbound HTTP for the integrations (DESIGN.md: libcurl multi on a worker thread; results come
// back as queued calls). Any number of requests run at once on one worker thread; each answer
// reaches the thread that made the client, never the caller's stack. Request headers (which
// carry bearer tokens) are never logged. A stream (openStream) is a long-lived request whose body
// is handed over piece by piece as it arrives, such as X's filtered stream (a GET) or an LLM's
// streamed reply (a POST).

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
    int timeoutMs = 15'000;                    // the whole exchange
    int connectTimeoutMs = 5'000;              // the TCP (and TLS) handshake
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

// What a stream calls back with, each on the client's thread, in this order.
struct HttpStreamHandlers
{
    // The status and headers once they are in (body empty). Not called when no answer came.
    std::function<void(const HttpResponse& head)> started;
    // Each piece of a 2xx body as it arrives (keep-alive bytes included).
    std::function<void(const QByteArray& bytes)> received;
    // The end, once: `error` says why the transfer stopped (cut, refused, idle too long), empty
    // when the server closed it. After a non-2xx status the body (a problem JSON) is here and
    // was not passed to `received`.
    std::function<void(const HttpResponse& end)> ended;
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

    using StreamId = quint64;
    // Any thread. A request (its method and body as given) with no limit on its length
    // (request.timeoutMs and maxBodyBytes are ignored: the handler stops what it does not want)
    // that ends with an error once `idleTimeoutMs` pass without a byte. The handlers run on this
    // object's thread unless `context` (when not null) is gone by then.
    StreamId openStream(HttpRequest request, int idleTimeoutMs, QObject* context,
                        HttpStreamHandlers handlers);
    // This object's thread: ends the stream; none of its handlers runs after this returns.
    void cancelStream(StreamId id);
    // Streams opened and not ended nor cancelled.
    int openStreams() const;

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};

} // namespace sb::integrations
