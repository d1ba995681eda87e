#pragma once
// The last step before a line is said: with an LLM configured (Settings → Host), the director's
// template line is given to the LLM (integrations/llm, LineWriter) with the persona and the line's
// facts as data, and its reply is said instead when it is short, clean, passes the blocklist and
// still states the facts (the amount as the engine wrote it, the bidder's safe handle); otherwise,
// and on any failure or deadline, the template line is said at once. Without an LLM — the normal
// case — every line passes straight through, inside compose(). Operator lines always do.
//
// A line that waited for the LLM and is stale by then (the director's staleMs, on the engine
// clock) is dropped, as the director drops one that waited in its queue. lastLlmResult() says in
// words what became of the last line the LLM was asked for, for the Host dock.

#include "HostLine.h"
#include "LineFilter.h"
#include "LlmSettings.h"
#include "Persona.h"

#include <QList>
#include <QObject>

#include <cstdint>
#include <functional>
#include <memory>

namespace sb::integrations {
class HttpClient;
}
namespace sb::integrations::llm {
class LineWriter;
struct LineRequest;
} // namespace sb::integrations::llm

namespace sb::studio {

class LineComposer : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<std::int64_t()>; // the engine clock, UTC ms

    explicit LineComposer(Clock nowMs, QObject* parent = nullptr);
    ~LineComposer() override;

    // Not configured (no base URL or model): no LLM. A new setting applies from the next line.
    void setLlmSettings(const sb::integrations::llm::LlmSettings& settings);
    sb::integrations::llm::LlmSettings llmSettings() const { return m_llm; }
    bool llmConfigured() const { return m_llm.configured(); }
    void setPersona(const Persona& persona) { m_persona = persona; }
    void setFilter(const LineFilter& filter) { m_filter = filter; }
    void setStaleMs(std::int64_t staleMs) { m_staleMs = staleMs; }

    // A line from the director; lineReady() follows (at once without an LLM) or lineDropped().
    void compose(const HostLine& line);
    // Drops the lines waiting for the LLM (mute); a reply still on its way is ignored.
    void cancel(const QString& why);
    int waiting() const { return int(m_waiting.size()); }

    // "Template line: timed out waiting for the first word (1500 ms)", "LLM line used", or empty
    // before the LLM was asked anything.
    QString lastLlmResult() const { return m_lastResult; }

    // The request the LLM gets for `line` (the persona and the facts as data).
    static sb::integrations::llm::LineRequest requestFor(const Persona& persona,
                                                         const HostLine& line);

signals:
    // The line to say (caption, voice, journal): the LLM's, or the template's.
    void lineReady(const sb::studio::HostLine& line);
    void lineDropped(sb::studio::HostLineKind kind, const QString& why);
    void llmResultChanged(const QString& words);

private:
    void makeWriter();
    void written(const QString& text, bool fromLlm, const QString& why);
    void setResult(const QString& words);

    Clock m_now;
    sb::integrations::llm::LlmSettings m_llm;
    Persona m_persona;
    LineFilter m_filter;
    std::int64_t m_staleMs = 10'000;
    std::unique_ptr<sb::integrations::HttpClient> m_http; // made when an LLM is first configured
    std::unique_ptr<sb::integrations::llm::LineWriter> m_writer;
    QList<HostLine> m_waiting; // asked of the writer, in order: it answers each once, in turn
    QString m_lastResult;
};

} // namespace sb::studio
