#include "LineComposer.h"

#include "HttpClient.h"
#include "LineWriter.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcComposer, "sb.host.lines")

namespace sb::studio {

namespace llm = sb::integrations::llm;

LineComposer::LineComposer(Clock nowMs, QObject* parent) : QObject(parent), m_now(std::move(nowMs))
{}

LineComposer::~LineComposer()
{
    m_writer.reset(); // before the client it reads through
}

void LineComposer::setLlmSettings(const llm::LlmSettings& settings)
{
    m_llm = settings;
    if (m_writer)
        m_writer->setSettings(settings);
    if (!settings.configured())
        setResult(QString());
}

void LineComposer::makeWriter()
{
    if (!m_http)
        m_http = std::make_unique<sb::integrations::HttpClient>();
    m_writer = std::make_unique<llm::LineWriter>(m_http.get());
    m_writer->setSettings(m_llm);
    connect(m_writer.get(), &llm::LineWriter::lineReady, this, &LineComposer::written);
}

llm::LineRequest LineComposer::requestFor(const Persona& persona, const HostLine& line)
{
    llm::LineRequest request;
    request.personaSystem = persona.system;
    request.personaBio = persona.bio.join(u' ');
    request.personaStyle = (persona.styleAll + persona.styleChat).join(u'\n');
    request.eventKind = lineKindKey(line.kind);
    request.amount = line.facts.amount;
    request.bidder = line.facts.bidder;
    request.lotNumber = line.facts.lot;
    request.timeLeft = line.facts.timeLeft;
    request.fallbackLine = line.text;
    return request;
}

void LineComposer::compose(const HostLine& line)
{
    if (!m_llm.configured() || line.kind == HostLineKind::Operator) {
        emit lineReady(line);
        return;
    }
    if (!m_writer)
        makeWriter();
    // The writer checks the reply against the same blocklist as every template line.
    m_writer->setFilter([filter = m_filter](const QString& text) { return filter.allows(text); });
    m_waiting.append(line);
    m_writer->request(requestFor(m_persona, line));
}

void LineComposer::cancel(const QString& why)
{
    if (m_waiting.isEmpty())
        return;
    m_writer.reset(); // ends the request in flight: none of its answers comes after this
    for (const HostLine& line : std::exchange(m_waiting, {}))
        emit lineDropped(line.kind, why);
}

void LineComposer::written(const QString& text, bool fromLlm, const QString& why)
{
    if (m_waiting.isEmpty())
        return;
    HostLine line = m_waiting.takeFirst();
    if (fromLlm && m_filter.allows(text)) {
        line.text = text;
        setResult(tr("LLM line used"));
    } else {
        setResult(why.isEmpty() ? tr("Template line") : tr("Template line: %1").arg(why));
    }
    if (m_now() - line.createdMs > m_staleMs) {
        qCInfo(lcComposer) << "line dropped: stale after waiting for the LLM";
        emit lineDropped(line.kind, QStringLiteral("stale after waiting for the LLM"));
        return;
    }
    emit lineReady(line);
}

void LineComposer::setResult(const QString& words)
{
    if (m_lastResult == words)
        return;
    m_lastResult = words;
    emit llmResultChanged(words);
}

} // namespace sb::studio
