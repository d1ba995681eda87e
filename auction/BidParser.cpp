#include "BidParser.h"

#include <QList>

#include <algorithm>
#include <vector>

namespace sb::auction {

namespace {

// Zero-width and bidi controls are invisible, so a bidder cannot tell they are there and they must
// not split or hide a number ("0.\u200B5", "\u202E5.0 ETH").
bool isInvisibleControl(char16_t c)
{
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF // zero-width
           || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x061C; // bidi
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiWordChar(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_';
}

// A character that glues onto a number to make it part of a word ("lot3", "3rd", "0x1f").
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'_';
}

bool isNumberChar(QChar c)
{
    return isAsciiDigit(c) || c == u'.' || c == u',';
}

// Anything that reads as a sign right before a number: "-1", "+1", "−1" (U+2212), "–1".
bool isSignChar(QChar c)
{
    return c == u'+' || c == u'\u2212' || c.category() == QChar::Punctuation_Dash;
}

bool isCurrencySymbol(QChar c)
{
    return c.category() == QChar::Symbol_Currency; // $ € £ ¥ ₿ ...
}

bool startsWithCaseInsensitive(QStringView text, qsizetype at, QStringView prefix)
{
    return text.sliced(at).startsWith(prefix, Qt::CaseInsensitive);
}

// A bare domain with a path ("foo.com/x", "opensea.io/assets/1"): labels of letters, digits and
// '-' separated by dots, the last one all letters, then '/'. Without the path too many ordinary
// sentences ("0.5 ETH.Nice") would look like domains. Returns the end of the host, or -1.
qsizetype bareDomainHostEnd(QStringView text, qsizetype begin)
{
    const auto isLabelChar = [](QChar c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == u'-';
    };
    qsizetype i = begin;
    int labels = 0;
    bool lastLabelIsTld = false;
    while (i < text.size() && isLabelChar(text[i])) {
        const qsizetype labelBegin = i;
        bool allLetters = true;
        while (i < text.size() && isLabelChar(text[i])) {
            allLetters = allLetters && isAsciiLetter(text[i]);
            ++i;
        }
        ++labels;
        lastLabelIsTld = allLetters && i - labelBegin >= 2;
        if (i + 1 < text.size() && text[i] == u'.' && isLabelChar(text[i + 1]))
            ++i;
        else
            break;
    }
    if (labels >= 2 && lastLabelIsTld && i < text.size() && text[i] == u'/')
        return i;
    return -1;
}

qsizetype skipToWhitespace(QStringView text, qsizetype i)
{
    while (i < text.size() && !text[i].isSpace())
        ++i;
    return i;
}

// The end of an @mention, #hashtag, $cashtag or URL that starts at `i`, or `i` if none does.
qsizetype ignoredSpanEnd(QStringView text, qsizetype i)
{
    const QChar c = text[i];
    const auto runEnd = [&](qsizetype from, auto belongs) {
        while (from < text.size() && belongs(text[from]))
            ++from;
        return from;
    };
    const auto spanOrNothing = [&](qsizetype end) { return end > i + 1 ? end : i; };

    if (c == u'@')
        return spanOrNothing(runEnd(i + 1, isAsciiWordChar));
    if (c == u'#')
        return spanOrNothing(runEnd(i + 1, isWordChar));
    // "$ETH" is a cashtag; "$500" is dollars and is left for the scanner to reject.
    if (c == u'$' && i + 1 < text.size() && isAsciiLetter(text[i + 1]))
        return runEnd(i + 1, isAsciiWordChar);

    const bool atWordStart = i == 0 || !isWordChar(text[i - 1]);
    if (!atWordStart)
        return i;
    if (startsWithCaseInsensitive(text, i, u"http://") ||
        startsWithCaseInsensitive(text, i, u"https://") ||
        startsWithCaseInsensitive(text, i, u"www."))
        return skipToWhitespace(text, i);
    // Not from the middle of a host ("a.foo.com/x" is found from 'a').
    if (isAsciiWordChar(c) && (i == 0 || (text[i - 1] != u'.' && text[i - 1] != u'-'))) {
        const qsizetype hostEnd = bareDomainHostEnd(text, i);
        if (hostEnd >= 0)
            return skipToWhitespace(text, hostEnd);
    }
    return i;
}

// Marks what the amount scanner must not read (rule 2): @mentions, #hashtags, $cashtags, URLs.
std::vector<bool> ignoredSpans(QStringView text)
{
    std::vector<bool> ignored(static_cast<std::size_t>(text.size()), false);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype end = ignoredSpanEnd(text, i);
        if (end == i) {
            ++i;
            continue;
        }
        for (; i < end; ++i)
            ignored[static_cast<std::size_t>(i)] = true;
    }
    return ignored;
}

// What a word next to a number says about the number.
enum class WordMeaning
{
    Nothing,
    Unit,     // an Ethereum denomination we convert exactly: "ETH", "gwei", "finney", "wei"
    Currency, // a currency we do not take: "USD", "sol", "WETH", "dollars", "mETH"
    Ticker,   // an upper-case word that looks like a ticker: "DOGE"
};

struct WordReading
{
    WordMeaning meaning = WordMeaning::Nothing;
    int gweiExponent = 0; // for a Unit: one of it is 10^gweiExponent gwei
};

// The Ethereum denominations, by the names the ecosystem uses for them, each converted exactly.
// Abbreviations such as "mETH", "kETH" or "µETH" are not here on purpose: mETH and cbETH are
// tokens of their own, so an abbreviated unit is refused rather than guessed.
struct EtherUnit
{
    QStringView name; // case-folded
    int gweiExponent;
};
constexpr EtherUnit kEtherUnits[] = {
    {u"eth", 9},     {u"ether", 9},      {u"\u03BE", 9}, // ξ, the fold of Ξ
    {u"wei", -9},    {u"kwei", -6},      {u"babbage", -6},   {u"femtoether", -6},
    {u"mwei", -3},   {u"lovelace", -3},  {u"picoether", -3}, {u"gwei", 0},
    {u"shannon", 0}, {u"nanoether", 0},  {u"szabo", 3},      {u"microether", 3},
    {u"finney", 6},  {u"milliether", 6}, {u"millieth", 6},   {u"kether", 12},
};

WordReading meaningOfWord(QStringView word)
{
    const QString folded = word.toString().toCaseFolded();
    for (const EtherUnit& unit : kEtherUnits) {
        if (folded == unit.name)
            return {WordMeaning::Unit, unit.gweiExponent};
    }

    static constexpr QStringView kCurrencies[] = {
        u"usd",  u"usdc",  u"usdt",  u"dai",  u"weth",  u"steth", u"sol",    u"btc",
        u"wbtc", u"sats",  u"eur",   u"euro", u"euros", u"gbp",   u"dollar", u"dollars",
        u"buck", u"bucks", u"matic", u"pol",  u"bnb",   u"doge",  u"pepe",   u"grand",
    };
    for (const QStringView currency : kCurrencies) {
        if (folded == currency)
            return {WordMeaning::Currency};
    }
    // Any other word that names ether or wei with a prefix ("meth", "ueth", "cbeth", "teraeth",
    // "gigawei", "µether") is a unit we do not know: never read it as plain ETH.
    if (folded.size() > 3 && folded.size() <= 16 &&
        (folded.endsWith(u"eth") || folded.endsWith(u"ether") || folded.endsWith(u"wei")))
        return {WordMeaning::Currency};

    if (word.size() < 2 || word.size() > 5)
        return {};
    for (const QChar c : word) {
        if (c < u'A' || c > u'Z')
            return {};
    }
    // Upper-case words that follow numbers in shouted posts and are not currencies.
    static constexpr QStringView kNotTickers[] = {
        u"AM",   u"PM",  u"UTC", u"GMT",  u"ET",    u"EST",  u"EDT",  u"PT",    u"PST",  u"PDT",
        u"CET",  u"BST", u"NFT", u"NFTS", u"OF",    u"OK",   u"OR",   u"AND",   u"FOR",  u"TO",
        u"AT",   u"IN",  u"ON",  u"IS",   u"IT",    u"MY",   u"NOW",  u"PLS",   u"PLZ",  u"LFG",
        u"GM",   u"GN",  u"LOL", u"WOW",  u"YES",   u"MORE", u"MAX",  u"MIN",   u"MINS", u"SEC",
        u"SECS", u"HR",  u"HRS", u"HOUR", u"HOURS", u"DAY",  u"DAYS", u"TIMES", u"LEFT",
    };
    for (const QStringView notTicker : kNotTickers) {
        if (word == notTicker)
            return {};
    }
    return {WordMeaning::Ticker};
}

// One number the post may be bidding with, and what it amounts to.
struct Candidate
{
    std::optional<Gwei> amount;
    std::optional<RejectionCode> error;
    QString identity; // equal for "the same amount twice"
    // A bare number before a ticker-like word ("3 APES"): only counts when nothing else does.
    bool weak = false;
};

// The text as viewers see it (what normalize() gives), and where in it an invisible control
// stood next to a number: such a number is refused, since the control can make it display as
// something else ("1\u202E5" displays as "51", "\u202E5.0 ETH" as "HTE 0.5").
struct ScannedText
{
    QString text;
    std::vector<qsizetype> hiddenAt; // a control stood just before text[i] (i == size: at the end)
    // Where a right-to-left embedding, override or isolate is in force: it reorders what follows
    // until it is closed ("\u202Ebid 5.0 ETH" displays as "HTE 0.5 dib"), however far away.
    std::vector<std::pair<qsizetype, qsizetype>> reversed; // [begin, end)
};

class AmountScanner
{
public:
    explicit AmountScanner(const ScannedText& scanned)
        : m_text(scanned.text), m_ignored(ignoredSpans(scanned.text)), m_hidden(scanned.hiddenAt),
          m_reversed(scanned.reversed)
    {}

    QList<Candidate> candidates() const
    {
        QList<Candidate> found;
        qsizetype i = 0;
        while (i < m_text.size()) {
            if (isIgnored(i) || !isNumberChar(m_text[i])) {
                ++i;
                continue;
            }
            qsizetype runEnd = i;
            while (runEnd < m_text.size() && !isIgnored(runEnd) && isNumberChar(m_text[runEnd]))
                ++runEnd;
            i = scanNumberRun(i, runEnd, found);
        }
        return found;
    }

private:
    enum class Left
    {
        Nothing,
        Xi,
        BidKeyword,
        Currency,
        Glued
    };
    enum class Right
    {
        Nothing,
        Unit,
        Currency,
        Ticker,
        Percent,
        Glued
    };
    struct RightSide
    {
        Right kind = Right::Nothing;
        int gweiExponent = 0; // for a Unit
        bool operator==(Right other) const { return kind == other; }
    };
    static constexpr int kEthExponent = 9;

    bool isIgnored(qsizetype i) const { return m_ignored[static_cast<std::size_t>(i)]; }

    // An invisible control stood inside the number [begin, end) or right at either end of it.
    bool controlTouches(qsizetype begin, qsizetype end) const
    {
        return std::any_of(m_hidden.cbegin(), m_hidden.cend(),
                           [&](qsizetype at) { return at >= begin && at <= end; }) ||
               std::any_of(m_reversed.cbegin(), m_reversed.cend(), [&](const auto& range) {
                   return begin < range.second && end > range.first;
               });
    }

    // Start of the run of letters that ends at `end`.
    qsizetype letterRunBegin(qsizetype end) const
    {
        qsizetype begin = end;
        while (begin > 0 && !isIgnored(begin - 1) && m_text[begin - 1].isLetter())
            --begin;
        return begin;
    }

    qsizetype letterRunEnd(qsizetype begin) const
    {
        qsizetype end = begin;
        while (end < m_text.size() && !isIgnored(end) && m_text[end].isLetter())
            ++end;
        return end;
    }

    // A word stands alone when nothing word-like (or ignored, like "#lot") touches it.
    bool isWordBoundary(qsizetype i) const
    {
        return i < 0 || i >= m_text.size() || (!isIgnored(i) && !isWordChar(m_text[i]));
    }

    // Returns where scanning continues. Adds at most one candidate.
    qsizetype scanNumberRun(qsizetype runBegin, qsizetype runEnd, QList<Candidate>& found) const
    {
        // Digits glued to a mention, hashtag or URL ("#1,000", "@bob2.5") belong to it.
        if (runBegin > 0 && isIgnored(runBegin - 1))
            return runEnd;

        qsizetype begin = runBegin;
        qsizetype end = runEnd;
        // Leading punctuation is sentence, not number: "yes,0.5", "wait...5". One '.' right
        // before a digit is a decimal point (".5").
        const bool ellipsis =
            end - begin >= 2 && m_text[begin] == u'.' && m_text[begin + 1] == u'.';
        while (begin < end &&
               (m_text[begin] == u',' || (m_text[begin] == u'.' && ellipsis) ||
                (m_text[begin] == u'.' && begin + 1 < end && !isAsciiDigit(m_text[begin + 1])))) {
            ++begin;
        }
        // Trailing punctuation too: "bid 0.5.", "1,000, please", "0.5...". A lone final '.' is a
        // decimal point ("12." is 12) unless the number already has one.
        for (;;) {
            if (end > begin && m_text[end - 1] == u',') {
                --end;
            } else if (end > begin && m_text[end - 1] == u'.' &&
                       m_text.sliced(begin, end - begin).count(u'.') > 1) {
                --end;
            } else {
                break;
            }
        }
        bool hasDigit = false;
        for (qsizetype k = begin; k < end; ++k)
            hasDigit = hasDigit || isAsciiDigit(m_text[k]);
        if (!hasDigit)
            return runEnd;

        // An exponent ("1e2", "1E-3") makes the number bad, not a number followed by a word.
        if (end < m_text.size() && !isIgnored(end) &&
            (m_text[end] == u'e' || m_text[end] == u'E')) {
            qsizetype k = end + 1;
            if (k < m_text.size() && (m_text[k] == u'+' || m_text[k] == u'-'))
                ++k;
            if (k < m_text.size() && isAsciiDigit(m_text[k])) {
                while (k < m_text.size() && isAsciiDigit(m_text[k]))
                    ++k;
                end = k;
            }
        }
        const qsizetype next = std::max(end, runEnd);

        bool hasSign = false;
        qsizetype leftEdge = begin;
        if (leftEdge > 0 && !isIgnored(leftEdge - 1) && isSignChar(m_text[leftEdge - 1])) {
            hasSign = true;
            --leftEdge;
        }
        const Left left = leftOf(leftEdge, hasSign);
        const RightSide right = rightOf(end);
        if (left == Left::Glued || right == Right::Glued || right == Right::Percent)
            return next;

        std::optional<int> gweiExponent; // unset: a currency we do not take
        bool weak = false;
        if (left == Left::Currency || right == Right::Currency) {
            gweiExponent.reset();
        } else if (right == Right::Unit) {
            gweiExponent = right.gweiExponent;
        } else if (right == Right::Ticker) {
            // "bid 5 DOGE" is surely a bid in DOGE; "1 OF 1" in a shouted post surely is not.
            weak = left == Left::Nothing;
        } else if (left == Left::Xi || left == Left::BidKeyword) {
            gweiExponent = kEthExponent;
        } else {
            return next; // a bare number: "lot 3", "10:30"
        }

        const QStringView number = m_text.sliced(begin, end - begin);
        Candidate candidate;
        candidate.weak = weak;
        if (!gweiExponent) {
            candidate.error = RejectionCode::UnsupportedCurrency;
        } else if (hasSign || controlTouches(begin, end)) {
            candidate.error = RejectionCode::BadNumber;
        } else {
            const Gwei::ParseResult parsed = Gwei::parseInUnit(number, *gweiExponent);
            if (parsed.ok()) {
                candidate.amount = parsed.amount;
            } else if (parsed.error == Gwei::ParseError::TooPrecise) {
                candidate.error = RejectionCode::TooPrecise;
            } else {
                // Overflow is past 9.2 billion ETH: not a number anyone can bid.
                candidate.error = RejectionCode::BadNumber;
            }
        }
        if (candidate.amount) {
            candidate.identity = QString::number(candidate.amount->gwei());
        } else {
            candidate.identity = rejectionCodeName(*candidate.error) + u':' + number.toString();
        }
        found.append(candidate);
        return next;
    }

    // What stands before the number (or its sign) at `edge`.
    Left leftOf(qsizetype edge, bool hasSign) const
    {
        if (edge > 0 && !isIgnored(edge - 1) && isWordChar(m_text[edge - 1])) {
            const qsizetype wordBegin = letterRunBegin(edge);
            if (wordBegin < edge && isWordBoundary(wordBegin - 1)) {
                const Left keyword = keywordOf(m_text.sliced(wordBegin, edge - wordBegin), true);
                if (keyword != Left::Nothing)
                    return keyword; // "Ξ0.5", "bid0.5", "bid-1"
            }
            // "lot3", "v2.5", and "2-1" is a range, read as the signed "-1".
            return hasSign ? Left::Nothing : Left::Glued;
        }

        qsizetype i = edge;
        while (i > 0 && !isIgnored(i - 1) && m_text[i - 1].isSpace())
            --i;
        bool colon = false;
        if (i > 0 && !isIgnored(i - 1) && m_text[i - 1] == u':') {
            colon = true; // "bid: 0.5"
            --i;
            while (i > 0 && !isIgnored(i - 1) && m_text[i - 1].isSpace())
                --i;
        }
        if (i == 0 || isIgnored(i - 1))
            return Left::Nothing;
        if (!colon && isCurrencySymbol(m_text[i - 1]))
            return Left::Currency; // "$500", "€ 20"
        const qsizetype wordBegin = letterRunBegin(i);
        if (wordBegin == i || !isWordBoundary(wordBegin - 1) || !isWordBoundary(i))
            return Left::Nothing;
        return keywordOf(m_text.sliced(wordBegin, i - wordBegin), !colon);
    }

    static Left keywordOf(QStringView word, bool xiAllowed)
    {
        const QString folded = word.toString().toCaseFolded();
        if (folded == u"bid")
            return Left::BidKeyword; // also "!bid": '!' is not a word character
        if (xiAllowed && folded == u"\u03BE")
            return Left::Xi;
        return Left::Nothing;
    }

    // What follows the number that ends at `end`.
    RightSide rightOf(qsizetype end) const
    {
        if (end >= m_text.size() || isIgnored(end))
            return {Right::Nothing};
        const QChar adjacent = m_text[end];
        if (adjacent == u'%')
            return {Right::Percent};
        if (isWordChar(adjacent)) {
            // "0.5eth" takes its unit; "3rd", "10k", "2x" are words, not amounts.
            const qsizetype wordEnd = letterRunEnd(end);
            if (wordEnd == end || !isWordBoundary(wordEnd))
                return {Right::Glued};
            const RightSide meaning = rightMeaning(m_text.sliced(end, wordEnd - end));
            return meaning == Right::Nothing ? RightSide{Right::Glued} : meaning;
        }

        qsizetype i = end;
        while (i < m_text.size() && !isIgnored(i) && m_text[i].isSpace())
            ++i;
        if (i >= m_text.size() || isIgnored(i))
            return {Right::Nothing}; // "0.5 $ETH", "0.5 #ETH": tags are ignored, units too
        if (isCurrencySymbol(m_text[i]))
            return {Right::Currency}; // "500$", "20 €"
        if (i > end && m_text[i] == u'%')
            return {Right::Percent};
        const qsizetype wordEnd = letterRunEnd(i);
        if (wordEnd == i || !isWordBoundary(wordEnd))
            return {Right::Nothing};
        return rightMeaning(m_text.sliced(i, wordEnd - i));
    }

    static RightSide rightMeaning(QStringView word)
    {
        const WordReading reading = meaningOfWord(word);
        switch (reading.meaning) {
        case WordMeaning::Unit:
            return {Right::Unit, reading.gweiExponent};
        case WordMeaning::Currency:
            return {Right::Currency};
        case WordMeaning::Ticker:
            return {Right::Ticker};
        case WordMeaning::Nothing:
            break;
        }
        return {Right::Nothing};
    }

    QStringView m_text;
    std::vector<bool> m_ignored;
    const std::vector<qsizetype>& m_hidden;
    const std::vector<std::pair<qsizetype, qsizetype>>& m_reversed;
};

BidParseResult rejected(RejectionCode code)
{
    return {std::nullopt, BidRejection::of(code)};
}

// normalize(), remembering where each invisible control stood that touched a number. Segments
// between controls are normalized one by one to find those places; the text itself is exactly
// normalize()'s, so what is judged is what viewers are shown.
ScannedText textForScanning(const QString& text)
{
    ScannedText scanned;
    scanned.text = BidParser::normalize(text);
    // Nearly every post has no invisible control: nothing more to find (this is the bid path).
    if (std::none_of(text.cbegin(), text.cend(),
                     [](QChar c) { return isInvisibleControl(c.unicode()); }))
        return scanned;
    // A byte order mark that opens the text is an encoding artefact, not something put there.
    const QStringView body =
        QStringView(text).startsWith(u'\uFEFF') ? QStringView(text).sliced(1) : QStringView(text);
    std::vector<qsizetype> controls;
    qsizetype position = 0;
    QString segment;
    // Open directional initiators, innermost last: true for an isolate (closed by U+2069), false
    // for an embedding or override (closed by U+202C); and whether each reads right to left.
    std::vector<std::pair<bool, bool>> open;
    qsizetype reversedFrom = -1;
    const auto anyRightToLeft = [&] {
        return std::any_of(open.cbegin(), open.cend(), [](const auto& o) { return o.second; });
    };
    for (const QChar c : body) {
        if (!isInvisibleControl(c.unicode())) {
            segment.append(c);
            continue;
        }
        position += segment.normalized(QString::NormalizationForm_KC).size();
        segment.clear();
        controls.push_back(position);
        const bool wasReversed = anyRightToLeft();
        switch (c.unicode()) {
        case 0x202A: // LRE
        case 0x202D: // LRO
            open.emplace_back(false, false);
            break;
        case 0x202B: // RLE
        case 0x202E: // RLO
            open.emplace_back(false, true);
            break;
        case 0x2066: // LRI
            open.emplace_back(true, false);
            break;
        case 0x2067: // RLI
        case 0x2068: // FSI: its direction comes from the text; assume the worst
            open.emplace_back(true, true);
            break;
        case 0x202C: // PDF closes the innermost embedding or override, not an isolate
            if (!open.empty() && !open.back().first)
                open.pop_back();
            break;
        case 0x2069: // PDI closes the innermost isolate and whatever was opened inside it
            while (!open.empty()) {
                const bool isolate = open.back().first;
                open.pop_back();
                if (isolate)
                    break;
            }
            break;
        default:
            break;
        }
        const bool isReversed = anyRightToLeft();
        if (!wasReversed && isReversed)
            reversedFrom = position;
        else if (wasReversed && !isReversed)
            scanned.reversed.emplace_back(reversedFrom, position);
    }
    if (anyRightToLeft()) // open to the end of the post (the paragraph)
        scanned.reversed.emplace_back(reversedFrom, scanned.text.size());
    const QString& visible = scanned.text;
    for (const qsizetype at : controls) {
        // A control in a word ("E\u200BTH") or between words changes nothing a reader sees.
        const qsizetype clamped = std::min(at, visible.size());
        const bool before = clamped > 0 && isNumberChar(visible[clamped - 1]);
        const bool after = clamped < visible.size() && isNumberChar(visible[clamped]);
        if (before || after)
            scanned.hiddenAt.push_back(clamped);
    }
    return scanned;
}

} // namespace

QString BidParser::normalize(const QString& text)
{
    QString visible;
    visible.reserve(text.size());
    for (const QChar c : text) {
        if (!isInvisibleControl(c.unicode()))
            visible.append(c);
    }
    // Removed first so NFKC sees the characters the reader saw, e.g. "０\u200B.５" as "０.５".
    return visible.normalized(QString::NormalizationForm_KC);
}

QString BidParser::visibleText(const QString& text)
{
    QString visible;
    visible.reserve(text.size());
    for (const QChar c : text) {
        if (isInvisibleControl(c.unicode()))
            continue;
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            visible.append(u' ');
        else
            visible.append(c);
    }
    return visible;
}

QString BidParser::withoutInvisibleControls(const QString& text)
{
    QString visible;
    visible.reserve(text.size());
    for (const QChar c : text) {
        if (!isInvisibleControl(c.unicode()))
            visible.append(c);
    }
    return visible;
}

BidParseResult BidParser::parse(const QString& text)
{
    const ScannedText scanned = textForScanning(text);
    const QList<Candidate> candidates = AmountScanner(scanned).candidates();

    QList<const Candidate*> distinct;
    bool anyWeak = false;
    for (const Candidate& candidate : candidates) {
        if (candidate.weak) {
            anyWeak = true;
            continue;
        }
        const bool seen = std::any_of(distinct.cbegin(), distinct.cend(), [&](const Candidate* c) {
            return c->identity == candidate.identity;
        });
        if (!seen)
            distinct.append(&candidate);
    }

    if (distinct.isEmpty())
        return rejected(anyWeak ? RejectionCode::UnsupportedCurrency : RejectionCode::NoAmount);
    // "0.5 ETH (~$1,500)" counts too: the bidder must say one amount we can take, and only it.
    if (distinct.size() > 1)
        return rejected(RejectionCode::AmbiguousAmount);
    const Candidate& only = *distinct.front();
    if (only.amount)
        return {only.amount, std::nullopt};
    return rejected(*only.error);
}

} // namespace sb::auction
