#pragma once
// Reads an OpenAI-compatible chat-completions answer as it arrives: SSE `data: {json}` lines whose
// choices[0].delta.content pieces make the reply, ended by `data: [DONE]` or by the end of the
// body. A plain JSON completion (a server that ignored "stream") is read too. What it holds stays
// bounded whatever the server sends: text past the cap and an endless line are not kept.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace sb::integrations::llm {

class ChatStreamReader
{
public:
    explicit ChatStreamReader(qsizetype maxTextChars, qsizetype maxLineBytes = 64 * 1024);

    void feed(QByteArrayView bytes); // any split, across lines and UTF-8 sequences
    void finish();                   // the body ended: reads a last line without its newline

    const QString& text() const { return m_text; }
    bool done() const { return m_done; } // `data: [DONE]` came
    bool full() const { return m_full; } // the text reached its cap: no need to read on
    bool started() const { return !m_text.isEmpty(); } // the first word is in
    const QString& error() const { return m_error; }   // an error object inside the stream
    qsizetype bytesRead() const { return m_bytesRead; }

private:
    void readLine(QByteArrayView line);
    void readCompletion(const QByteArray& json, bool streamed);

    qsizetype m_maxTextChars;
    qsizetype m_maxLineBytes;
    QByteArray m_line; // the line being received
    bool m_lineTooLong = false;
    QByteArray m_plain; // the body while it has no `data:` line (a plain JSON answer)
    bool m_sawData = false;
    QString m_text;
    bool m_done = false;
    bool m_full = false;
    QString m_error;
    qsizetype m_bytesRead = 0;
};

} // namespace sb::integrations::llm
