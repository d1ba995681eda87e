#include "ChatStreamReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb::integrations::llm {

ChatStreamReader::ChatStreamReader(qsizetype maxTextChars, qsizetype maxLineBytes)
    : m_maxTextChars(maxTextChars), m_maxLineBytes(maxLineBytes)
{}

void ChatStreamReader::feed(QByteArrayView bytes)
{
    m_bytesRead += bytes.size();
    while (!bytes.isEmpty() && !m_done && !m_full) {
        const qsizetype newline = bytes.indexOf('\n');
        const QByteArrayView piece = newline < 0 ? bytes : bytes.first(newline);
        if (!m_lineTooLong) {
            if (m_line.size() + piece.size() > m_maxLineBytes) {
                m_lineTooLong = true; // no chunk is this long; drop it rather than hold it
                m_line.clear();
            } else {
                m_line.append(piece);
            }
        }
        if (newline < 0)
            return;
        if (!m_lineTooLong)
            readLine(m_line);
        m_line.clear();
        m_lineTooLong = false;
        bytes = bytes.sliced(newline + 1);
    }
}

void ChatStreamReader::finish()
{
    if (!m_lineTooLong && !m_line.isEmpty() && !m_done && !m_full)
        readLine(m_line);
    m_line.clear();
    if (!m_sawData && !m_plain.isEmpty())
        readCompletion(m_plain, false);
    m_plain.clear();
}

void ChatStreamReader::readLine(QByteArrayView line)
{
    line = line.trimmed(); // "\r\n" endings and the optional space after "data:"
    if (!line.startsWith("data:")) {
        // Comments (":"), event: and id: lines are not text; a plain JSON answer is kept whole.
        if (!m_sawData && m_plain.size() + line.size() < m_maxLineBytes)
            m_plain.append(line.data(), line.size()).append('\n');
        return;
    }
    m_sawData = true;
    m_plain.clear();
    const QByteArrayView payload = line.sliced(5).trimmed();
    if (payload == "[DONE]") {
        m_done = true;
        return;
    }
    readCompletion(payload.toByteArray(), true);
}

void ChatStreamReader::readCompletion(const QByteArray& json, bool streamed)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    if (object.contains(QStringLiteral("error"))) {
        const QJsonValue error = object.value(QStringLiteral("error"));
        m_error = error.isObject() ? error.toObject().value(QStringLiteral("message")).toString()
                                   : error.toString();
        if (m_error.isEmpty())
            m_error = QStringLiteral("an error without a message");
        return;
    }
    const QJsonObject choice = object.value(QStringLiteral("choices")).toArray().first().toObject();
    const QString piece = choice.value(QLatin1String(streamed ? "delta" : "message"))
                              .toObject()
                              .value(QStringLiteral("content"))
                              .toString();
    m_text += piece.left(m_maxTextChars - m_text.size());
    if (m_text.size() >= m_maxTextChars)
        m_full = true;
}

} // namespace sb::integrations::llm
