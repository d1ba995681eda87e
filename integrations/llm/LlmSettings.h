#pragma once
// Where the host's optional LLM lives and how long a line may wait for it (Settings → Host).
// No base URL means no LLM: the template lines are the normal case.

#include <QString>

namespace sb::integrations::llm {

struct LlmSettings
{
    QString baseUrl; // up to and including the API version, e.g. http://localhost:11434/v1
    QString model;   // e.g. llama3.2:3b
    QString apiKey;  // from the keychain, given by the caller; sent as a bearer token, never logged
    // No first word by then: the template line. Until HttpClient streams a POST (its openStream()
    // is GET only) the reply arrives whole, so this bounds the connection and totalDeadlineMs the
    // rest; see LineWriter.h.
    int firstTokenDeadlineMs = 1500;
    int totalDeadlineMs = 6000; // no finished line by then: the template line
    int maxChars = 160;         // the spoken line's length cap, cut at a word boundary

    bool configured() const { return !baseUrl.trimmed().isEmpty() && !model.trimmed().isEmpty(); }
    bool operator==(const LlmSettings&) const = default;
};

} // namespace sb::integrations::llm
