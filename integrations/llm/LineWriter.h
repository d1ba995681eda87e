#pragma once
// The host's optional LLM (DESIGN.md, "The host character"): asks an OpenAI-compatible
// chat-completions server for one short line about an auction event, cleans the reply, filters
// it and checks that it still states the facts it was given; whenever anything is off (no server,
// a timeout, an error, a reply that drops the amount or carries a link) the event's template
// line is used at once, with the reason in words for the Host dock. Works on the thread that
// made it; one line at a time, a newer request replacing the one in flight.
// The reply is streamed ("stream": true, SSE through HttpClient::openStream): it is read piece by
// piece, the first word must come within the first-token deadline, the whole line within the
// total deadline, and reading stops at `data: [DONE]`, at the line's cap or past kMaxReplyBytes.

#include "LlmSettings.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace sb::integrations {
class HttpClient;
struct HttpResponse;
} // namespace sb::integrations

namespace sb::integrations::llm {

class ChatStreamReader;

// What the line is about. Only facts the studio made: never text a bidder wrote.
struct LineRequest
{
    QString personaSystem; // the persona's system prompt
    QString personaBio;    // bio (lore folded in)
    QString personaStyle;  // style.all and style.chat, one rule a line
    QString eventKind;     // e.g. "auction.leader"
    QString amount;        // as the engine formats it, e.g. "0.8 ETH"; empty when none
    QString bidder;        // the sanitized handle; empty when the event names nobody
    int lotNumber = 0;
    QString timeLeft;     // e.g. "2 min 10 s"; empty when it does not apply
    QString fallbackLine; // the template line, said whenever the LLM's is not

    bool operator==(const LineRequest&) const = default;
};

class LineWriter : public QObject
{
    Q_OBJECT

public:
    // What the reply's SSE body may hold before it is cut off: a line is a few kilobytes.
    static constexpr qsizetype kMaxReplyBytes = 64 * 1024;

    // `http` lives on this object's thread (its answers arrive there) and outlives it.
    explicit LineWriter(HttpClient* http, QObject* parent = nullptr);
    ~LineWriter() override;

    void setSettings(const LlmSettings& settings);
    const LlmSettings& settings() const { return m_settings; }

    // Whether a cleaned line may be said (the studio's blocklist); the default accepts all.
    using Filter = std::function<bool(const QString& line)>;
    void setFilter(Filter filter);

    // Answers with exactly one lineReady(), never before this returns.
    void request(const LineRequest& request);
    bool busy() const { return m_context != nullptr; }

    // The chat-completions request body for `request` (the key is not in it: it is a header).
    static QByteArray requestBody(const LlmSettings& settings, const LineRequest& request);

signals:
    // `why` is empty when the LLM's line is used or no LLM is configured, and otherwise says why
    // the template line is used.
    void lineReady(const QString& text, bool fromLlm, const QString& why);

private:
    void received(const QByteArray& bytes);
    void ended(const HttpResponse& end);
    void finishReply();
    void useTemplate(const QString& why);
    void endRequest();

    HttpClient* m_http;
    LlmSettings m_settings;
    Filter m_filter;
    LineRequest m_request;        // the one in flight
    QObject* m_context = nullptr; // alive while a request is in flight; its answer is dropped
                                  // once it is gone
    QTimer m_deadline;
    QTimer m_firstWord; // the first word must come this soon, or the template line is said
    std::unique_ptr<ChatStreamReader> m_reader;
    quint64 m_stream = 0; // the reply being read (HttpClient::StreamId), 0 when none
    int m_status = 0;
};

} // namespace sb::integrations::llm
