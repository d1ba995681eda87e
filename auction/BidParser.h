#pragma once
// The bid grammar of DESIGN.md: finds the one amount a post bids, or says exactly why it cannot.
// Pure and stateless; safe to call from any thread. Fuzzed (fuzz/BidParserFuzzer.cpp).

#include "BidRejection.h"
#include "Gwei.h"

#include <QString>

#include <optional>

namespace sb::auction {

struct BidParseResult
{
    std::optional<Gwei> amount;
    std::optional<BidRejection> rejection; // set exactly when amount is not
    bool ok() const { return amount.has_value(); }
};

class BidParser
{
public:
    // Parses the text of a post. Codes it can return: no_amount, ambiguous_amount, bad_number,
    // too_precise, unsupported_currency.
    static BidParseResult parse(const QString& text);

    // Step 1 of the grammar: NFKC, zero-width and bidi controls removed. Exposed for tests and
    // for the hashtag check, which must see the same text the amount parser saw.
    static QString normalize(const QString& text);

    // The text as it is safe to show anywhere a post or a bidder's name appears (bid feed, Bids
    // dock, exports): bidi and zero-width controls removed, so nothing displays reordered or
    // hides a character, and other control characters (line breaks, tabs, escapes) as spaces.
    // Not normalized otherwise: the reader sees what the bidder wrote.
    static QString visibleText(const QString& text);
    // Only the bidi and zero-width controls removed (line breaks and tabs kept): for exports,
    // whose format quotes those.
    static QString withoutInvisibleControls(const QString& text);
};

} // namespace sb::auction
