#include "HttpClient.h"

#include <curl/curl.h>

#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcHttp, "sb.http")

namespace sb::integrations {

namespace {

struct CurlGlobal
{
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

void ensureCurlGlobal()
{
    static CurlGlobal global; // once, before the first handle, on whichever thread comes first
}

struct EasyDeleter
{
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct ListDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// What a transport failure means to a user; the URL is left out (it may carry a query).
QString describe(CURLcode code, const char* detail)
{
    QString what;
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        what = QStringLiteral("the host name could not be resolved");
        break;
    case CURLE_COULDNT_CONNECT:
        what = QStringLiteral("the connection was refused");
        break;
    case CURLE_OPERATION_TIMEDOUT:
        what = QStringLiteral("no complete answer in time");
        break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
        what = QStringLiteral("the TLS handshake failed");
        break;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        what = QStringLiteral("the connection was cut");
        break;
    default:
        what = QString::fromUtf8(curl_easy_strerror(code));
        break;
    }
    if (detail && *detail)
        what += QStringLiteral(" (%1)").arg(QString::fromUtf8(detail).trimmed());
    return what;
}

} // namespace

struct HttpClient::Worker
{
    using Clock = std::chrono::steady_clock;

    // Shared between the owner's thread (cancelStream) and the worker.
    struct StreamControl
    {
        std::atomic<bool> cancelled{false};
        std::atomic<bool> counted{true}; // still in openStreams()
    };

    struct Transfer
    {
        HttpRequest request;
        std::function<void(const HttpResponse&)> done;
        QPointer<QObject> context;
        bool guarded = false;
        std::unique_ptr<CURL, EasyDeleter> easy;
        std::unique_ptr<curl_slist, ListDeleter> headers;
        HttpResponse response;
        bool tooLarge = false;
        char errorBuffer[CURL_ERROR_SIZE] = {};
        // A stream (openStream): its pieces go to the handlers as they arrive.
        Worker* worker = nullptr;
        StreamId streamId = 0;
        std::shared_ptr<HttpStreamHandlers> handlers;
        std::shared_ptr<StreamControl> control;
        int idleTimeoutMs = 0;
        Clock::time_point lastByte;
        bool startedSaid = false;
        bool idle = false; // ended for want of bytes
    };

    explicit Worker(HttpClient* owner) : owner(owner)
    {
        ensureCurlGlobal();
        multi = curl_multi_init();
        thread = std::thread([this] { run(); });
    }

    ~Worker()
    {
        stopping = true;
        curl_multi_wakeup(multi);
        thread.join();
        for (auto& [easy, transfer] : running)
            curl_multi_remove_handle(multi, easy);
        running.clear();
        curl_multi_cleanup(multi);
    }

    static size_t onBody(char* data, size_t size, size_t count, void* user)
    {
        auto* transfer = static_cast<Transfer*>(user);
        const qsizetype bytes = qsizetype(size * count);
        if (transfer->handlers) {
            transfer->lastByte = Clock::now();
            if (transfer->worker->streamingBody(*transfer)) {
                transfer->worker->deliver(
                    *transfer, [handlers = transfer->handlers, piece = QByteArray(data, bytes)] {
                        if (handlers->received)
                            handlers->received(piece);
                    });
                return size * count;
            }
            // An error's body (a problem JSON) is kept for `ended`, within the same limit.
        }
        if (transfer->response.body.size() + bytes > transfer->request.maxBodyBytes) {
            transfer->tooLarge = true; // a lying or broken server: memory is not its to fill
            return 0;
        }
        transfer->response.body.append(data, bytes);
        return size * count;
    }

    static size_t onHeader(char* data, size_t size, size_t count, void* user)
    {
        const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
        auto* transfer = static_cast<Transfer*>(user);
        if (line.startsWith("HTTP/"))
            transfer->response.headers.clear(); // a new response (after a 100 or a redirect)
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            transfer->response.headers.insert(line.left(colon).trimmed().toLower(),
                                              line.mid(colon + 1).trimmed());
        if (transfer->handlers) {
            transfer->lastByte = Clock::now();
            long status = 0;
            curl_easy_getinfo(transfer->easy.get(), CURLINFO_RESPONSE_CODE, &status);
            if (line.isEmpty() && status >= 200 && !transfer->startedSaid) {
                transfer->startedSaid = true; // the headers of the final answer are in
                HttpResponse head;
                head.status = int(status);
                head.headers = transfer->response.headers;
                transfer->worker->deliver(*transfer, [handlers = transfer->handlers, head] {
                    if (handlers->started)
                        handlers->started(head);
                });
            }
        }
        return size * count;
    }

    // Whether a stream's body goes to its handlers piece by piece: a 2xx answer's does.
    bool streamingBody(const Transfer& t) const
    {
        long status = 0;
        curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
        return status >= 200 && status < 300;
    }

    // Queues `call` to the owner's thread, where it runs unless the stream was cancelled or its
    // context is gone by then.
    template <typename Call> void deliver(const Transfer& t, Call call)
    {
        QMetaObject::invokeMethod(
            owner,
            [call = std::move(call), control = t.control, context = t.context,
             guarded = t.guarded] {
                if (control->cancelled.load() || (guarded && !context))
                    return;
                call();
            },
            Qt::QueuedConnection);
    }

    void releaseStream(StreamControl& control)
    {
        if (control.counted.exchange(false))
            openStreams.fetch_sub(1);
    }

    void start(std::unique_ptr<Transfer> t)
    {
        t->easy.reset(curl_easy_init());
        CURL* easy = t->easy.get();
        const QByteArray url = t->request.url.toUtf8();
        curl_easy_setopt(easy, CURLOPT_URL, url.constData()); // libcurl copies strings
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        // A stream has no end to wait for: only its idle timeout ends it.
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, t->handlers ? 0L : long(t->request.timeoutMs));
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(t->request.connectTimeoutMs));
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->errorBuffer);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Worker::onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, t.get());
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Worker::onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, t.get());
        curl_easy_setopt(easy, CURLOPT_PRIVATE, t.get());
        if (t->request.method == "GET") {
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, t->request.method.constData());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, long(t->request.body.size()));
            curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, t->request.body.constData());
        }
        curl_slist* list = nullptr;
        for (const auto& [name, value] : std::as_const(t->request.headers))
            list = curl_slist_append(list, (name + ": " + value).constData());
        // An empty Expect: a POST goes at once instead of waiting a second for "100 Continue".
        list = curl_slist_append(list, "Expect:");
        t->headers.reset(list);
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, list);
        t->lastByte = Clock::now();
        curl_multi_add_handle(multi, easy);
        running.emplace(easy, std::move(t));
    }

    void finishStream(std::unique_ptr<Transfer> t, CURLcode code)
    {
        long status = 0;
        curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &status);
        t->response.status = int(status);
        if (t->idle) {
            t->response.error = QStringLiteral("no byte for %1 ms").arg(t->idleTimeoutMs);
        } else if (t->tooLarge) {
            t->response.body.clear();
            t->response.error = QStringLiteral("the answer was larger than %1 MB")
                                    .arg(t->request.maxBodyBytes / (1024 * 1024.0), 0, 'g', 3);
        } else if (code != CURLE_OK) {
            t->response.error = describe(code, t->errorBuffer);
        }
        if (!t->response.error.isEmpty())
            qCDebug(lcHttp).noquote() << "stream ended:" << t->response.error; // no URL, headers
        releaseStream(*t->control);
        // Its id is forgotten on the owner's thread, so that a cancelStream() before this runs
        // still keeps `ended` from running.
        QMetaObject::invokeMethod(
            owner,
            [this, handlers = t->handlers, control = t->control, id = t->streamId,
             context = t->context, guarded = t->guarded,
             end = std::make_shared<HttpResponse>(std::move(t->response))] {
                forgetStream(id);
                if (control->cancelled.load() || (guarded && !context))
                    return;
                if (handlers->ended)
                    handlers->ended(*end);
            },
            Qt::QueuedConnection);
    }

    void forgetStream(StreamId id)
    {
        std::lock_guard lock(mutex);
        controls.erase(id);
    }

    // Streams cancelled by their owner, and streams silent for longer than they allow, end here.
    void sweepStreams()
    {
        const Clock::time_point now = Clock::now();
        std::vector<CURL*> cancelled;
        std::vector<CURL*> silent;
        for (const auto& [easy, t] : running) {
            if (!t->handlers)
                continue;
            if (t->control->cancelled.load())
                cancelled.push_back(easy);
            else if (now - t->lastByte > std::chrono::milliseconds(t->idleTimeoutMs))
                silent.push_back(easy);
        }
        for (CURL* easy : cancelled) {
            auto found = running.find(easy);
            curl_multi_remove_handle(multi, easy);
            releaseStream(*found->second->control);
            running.erase(found);
        }
        for (CURL* easy : silent) {
            running.at(easy)->idle = true;
            finish(easy, CURLE_OPERATION_TIMEDOUT);
        }
    }

    // How long the worker may wait for network activity before a stream's idle timeout is due.
    long pollTimeoutMs() const
    {
        long wait = 1000;
        const Clock::time_point now = Clock::now();
        for (const auto& [easy, t] : running) {
            if (!t->handlers)
                continue;
            const auto due = t->lastByte + std::chrono::milliseconds(t->idleTimeoutMs) - now;
            const long dueMs =
                long(std::chrono::duration_cast<std::chrono::milliseconds>(due).count()) + 1;
            wait = std::clamp(dueMs, 0L, wait);
        }
        return wait;
    }

    void finish(CURL* easy, CURLcode code)
    {
        auto found = running.find(easy);
        if (found == running.end())
            return;
        std::unique_ptr<Transfer> t = std::move(found->second);
        running.erase(found);
        curl_multi_remove_handle(multi, easy);
        if (t->handlers) {
            finishStream(std::move(t), code);
            return;
        }
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        t->response.status = int(status);
        if (t->tooLarge) {
            t->response.body.clear();
            t->response.error = QStringLiteral("the answer was larger than %1 MB")
                                    .arg(t->request.maxBodyBytes / (1024 * 1024.0), 0, 'g', 3);
        } else if (code != CURLE_OK) {
            t->response.error = describe(code, t->errorBuffer);
            qCDebug(lcHttp).noquote()
                << t->request.method << "failed:" << t->response.error; // no URL, no headers
        }
        inFlight.fetch_sub(1);
        auto answer = std::make_shared<HttpResponse>(std::move(t->response));
        QMetaObject::invokeMethod(
            owner,
            [answer, done = std::move(t->done), context = t->context, guarded = t->guarded] {
                if (done && (!guarded || context))
                    done(*answer);
            },
            Qt::QueuedConnection);
    }

    void run()
    {
        while (!stopping) {
            std::deque<std::unique_ptr<Transfer>> fresh;
            {
                std::lock_guard lock(mutex);
                fresh.swap(queue);
            }
            for (auto& t : fresh) {
                if (t->control && t->control->cancelled.load()) {
                    releaseStream(*t->control); // cancelled before it started
                    continue;
                }
                start(std::move(t));
            }
            int stillRunning = 0;
            curl_multi_perform(multi, &stillRunning);
            int left = 0;
            while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
                if (message->msg == CURLMSG_DONE)
                    finish(message->easy_handle, message->data.result);
            }
            sweepStreams();
            curl_multi_poll(multi, nullptr, 0, int(pollTimeoutMs()), nullptr);
        }
    }

    HttpClient* owner;
    CURLM* multi = nullptr;
    std::thread thread;
    std::atomic<bool> stopping{false};
    std::atomic<int> inFlight{0};
    std::atomic<int> openStreams{0};
    std::atomic<StreamId> lastStreamId{0};
    std::mutex mutex;
    std::deque<std::unique_ptr<Transfer>> queue;                  // guarded by mutex
    std::unordered_map<StreamId, std::shared_ptr<StreamControl>> controls; // guarded by mutex
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> running; // the worker's own
};

HttpClient::HttpClient(QObject* parent) : QObject(parent), m_worker(std::make_unique<Worker>(this))
{}

HttpClient::~HttpClient() = default;

void HttpClient::send(HttpRequest request, QObject* context,
                      std::function<void(const HttpResponse&)> done)
{
    auto t = std::make_unique<Worker::Transfer>();
    t->request = std::move(request);
    t->done = std::move(done);
    t->context = context;
    t->guarded = context != nullptr;
    m_worker->inFlight.fetch_add(1);
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->queue.push_back(std::move(t));
    }
    curl_multi_wakeup(m_worker->multi);
}

int HttpClient::inFlight() const
{
    return m_worker->inFlight.load();
}

HttpClient::StreamId HttpClient::openStream(HttpRequest request, int idleTimeoutMs,
                                            QObject* context, HttpStreamHandlers handlers)
{
    auto t = std::make_unique<Worker::Transfer>();
    t->request = std::move(request); // a GET unless the caller says otherwise (a POST with a body)
    t->context = context;
    t->guarded = context != nullptr;
    t->worker = m_worker.get();
    t->streamId = ++m_worker->lastStreamId;
    t->handlers = std::make_shared<HttpStreamHandlers>(std::move(handlers));
    t->control = std::make_shared<Worker::StreamControl>();
    t->idleTimeoutMs = std::max(1, idleTimeoutMs);
    const StreamId id = t->streamId;
    m_worker->openStreams.fetch_add(1);
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->controls.emplace(id, t->control);
        m_worker->queue.push_back(std::move(t));
    }
    curl_multi_wakeup(m_worker->multi);
    return id;
}

void HttpClient::cancelStream(StreamId id)
{
    std::shared_ptr<Worker::StreamControl> control;
    {
        std::lock_guard lock(m_worker->mutex);
        const auto found = m_worker->controls.find(id);
        if (found == m_worker->controls.end())
            return; // ended already (its end is delivered, or dropped below)
        control = found->second;
        m_worker->controls.erase(found);
    }
    control->cancelled = true; // what is queued for it is dropped on this thread
    m_worker->releaseStream(*control);
    curl_multi_wakeup(m_worker->multi);
}

int HttpClient::openStreams() const
{
    return m_worker->openStreams.load();
}

} // namespace sb::integrations
