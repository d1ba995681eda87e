// libFuzzer target for the bid grammar: any text must give exactly one answer, a positive amount
// must survive formatting and parsing again, and nothing may crash, overflow or read out of bounds.

#include "BidParser.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace sb::auction;

namespace {

void require(bool holds, const char* invariant, const QString& text)
{
    if (holds)
        return;
    std::fprintf(stderr, "invariant broken: %s\ninput: %s\n", invariant, qUtf8Printable(text));
    std::abort();
}

bool isParserCode(RejectionCode code)
{
    switch (code) {
    case RejectionCode::NoAmount:
    case RejectionCode::AmbiguousAmount:
    case RejectionCode::BadNumber:
    case RejectionCode::TooPrecise:
    case RejectionCode::UnsupportedCurrency:
        return true;
    default:
        return false;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const BidParseResult result = BidParser::parse(text);

    require(result.amount.has_value() != result.rejection.has_value(),
            "exactly one of amount and rejection", text);
    if (result.rejection) {
        require(isParserCode(result.rejection->code), "only the grammar's codes", text);
        require(!result.rejection->message.isEmpty(), "a rejection has a sentence", text);
    }

    // An accepted amount had no invisible control at it, so the text as shown (controls removed)
    // must read the same; a refused one may read differently once its controls are gone.
    const BidParseResult renormalized = BidParser::parse(BidParser::normalize(text));
    require(!result.amount || renormalized.amount == result.amount,
            "what is shown is what was judged", text);

    if (!result.amount)
        return 0;
    const Gwei amount = *result.amount;
    require(amount > Gwei(), "an amount is positive", text);

    const QString formatted = amount.toDecimalString() + QStringLiteral(" ETH");
    const BidParseResult again = BidParser::parse(formatted);
    require(again.amount == result.amount, "the formatted amount parses back", text);
    require(amount.toEthString() == formatted, "toEthString is toDecimalString plus the unit",
            text);
    return 0;
}
