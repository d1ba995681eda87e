#pragma once
// What an LLM's reply must become before the host may say it: one plain line of words (no markup,
// emoji, symbols, links or other people's @handles), within the length cap at a word boundary,
// that still states the facts it was asked to state. Pure functions; LineWriter uses them.

#include <QString>

namespace sb::integrations::llm {

struct CleanedLine
{
    QString text;
    bool hadLink = false; // a URL or bare domain was removed: the reply tried to send viewers away

    bool operator==(const CleanedLine&) const = default;
};

// `bidder` is the sanitized handle the reply was given (may be empty): "@bidder" stays as the
// bare handle, every other @mention is removed.
CleanedLine cleanLine(const QString& reply, const QString& bidder, int maxChars);

// Whether `line` states the amount exactly as the engine formatted it, and the bidder's handle
// when one was given.
bool statesAmount(const QString& line, const QString& amount);
bool namesBidder(const QString& line, const QString& bidder);

} // namespace sb::integrations::llm
