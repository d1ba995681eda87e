#include "LineCleaner.h"

#include <QRegularExpression>

namespace sb::integrations::llm {

namespace {

// Links, with a scheme, "www." or a domain with a path or a common top-level domain.
const QRegularExpression& linkPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?:[a-z][a-z0-9+.-]*://|www\.)\S*)"
                       R"(|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*)"
                       R"(|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|xyz|gg|ly|co|ai|app)"
                       R"(|me|tv|link|site|info|biz|ru|to|cc|shop|club|live|fun|top)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

bool isBasicPunctuation(char32_t c)
{
    switch (c) {
    case '.':
    case ',':
    case '!':
    case '?':
    case '\'':
    case '"':
    case '-':
    case ':':
    case ';':
    case '(':
    case ')':
    case '%':
    case '_':
    case '&':
    case U'\u2019':
    case U'\u2014':
    case U'\u2013':
        return true;
    default:
        return false;
    }
}

// Letters, digits, marks on a letter, spaces and basic punctuation; everything else (markup,
// emoji, symbols, control and format characters) becomes a space.
QString keepPlainCharacters(const QString& text)
{
    QString kept;
    kept.reserve(text.size());
    bool afterLetter = false;
    for (const char32_t c : text.toUcs4()) {
        const bool variationSelector =
            (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
        if (QChar::isLetterOrNumber(c) || isBasicPunctuation(c)) {
            kept.append(QString::fromUcs4(&c, 1));
            afterLetter = QChar::isLetter(c);
        } else if (QChar::isMark(c) && afterLetter && !variationSelector) {
            kept.append(QString::fromUcs4(&c, 1)); // an accent on the letter before it
        } else {
            kept.append(QLatin1Char(' '));
            afterLetter = false;
        }
    }
    return kept;
}

// Cut at the last word boundary within `maxChars`, without a dangling comma or dash.
QString capAtWord(const QString& line, int maxChars)
{
    if (line.size() <= maxChars)
        return line;
    QString cut = line.left(maxChars + 1);
    const qsizetype space = cut.lastIndexOf(QLatin1Char(' '));
    cut = space > 0 ? cut.left(space) : line.left(maxChars);
    while (!cut.isEmpty() && QStringLiteral(",;:-(&\u2014\u2013").contains(cut.back()))
        cut.chop(1);
    return cut.trimmed();
}

} // namespace

CleanedLine cleanLine(const QString& reply, const QString& bidder, int maxChars)
{
    CleanedLine result;
    QString line = reply.normalized(QString::NormalizationForm_C);
    if (line.contains(linkPattern())) {
        result.hadLink = true;
        line.replace(linkPattern(), QStringLiteral(" "));
    }
    // @handles: the given bidder's stays as the bare handle; nobody else is named.
    static const QRegularExpression mention(QStringLiteral(R"(@(\w+))"));
    QString unmentioned;
    qsizetype from = 0;
    for (auto it = mention.globalMatch(line); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        unmentioned += line.mid(from, match.capturedStart() - from);
        if (!bidder.isEmpty() && match.captured(1).compare(bidder, Qt::CaseInsensitive) == 0)
            unmentioned += bidder;
        from = match.capturedEnd();
    }
    unmentioned += line.mid(from);
    // Hashtags go whole ("lot #3" keeps its number).
    static const QRegularExpression hashtag(QStringLiteral(R"(#[^\W\d_]\w*)"));
    unmentioned.replace(hashtag, QStringLiteral(" "));

    // HTML tags go whole; underscores only inside a word (handles), not as _emphasis_.
    static const QRegularExpression tag(QStringLiteral(R"(</?[a-z][^<>]{0,40}>)"),
                                        QRegularExpression::CaseInsensitiveOption);
    unmentioned.replace(tag, QStringLiteral(" "));
    static const QRegularExpression looseUnderscore(
        QStringLiteral(R"((?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))"));
    unmentioned.replace(looseUnderscore, QStringLiteral(" "));

    line = keepPlainCharacters(unmentioned).simplified(); // newlines and runs of spaces: one space
    static const QRegularExpression spaceBeforePunctuation(QStringLiteral(R"(\s+([.,!?;:]))"));
    line.replace(spaceBeforePunctuation, QStringLiteral("\\1"));
    static const QRegularExpression emptyBrackets(QStringLiteral(R"(\(\s*\))"));
    line.replace(emptyBrackets, QString());
    line = line.simplified();
    // Leading punctuation left by what was removed, and quotes around the whole line.
    while (!line.isEmpty() && QStringLiteral(".,;:-!?)").contains(line.front()))
        line.remove(0, 1);
    line = line.trimmed();
    if (line.size() >= 2 && line.front() == QLatin1Char('"') && line.back() == QLatin1Char('"'))
        line = line.mid(1, line.size() - 2).trimmed();
    // What was taken out can join a link back together ("evil .com/win" loses its slash and the
    // space before the dot): the line as it would be said is looked at again.
    if (line.contains(linkPattern())) {
        result.hadLink = true;
        line.replace(linkPattern(), QStringLiteral(" "));
        line = line.simplified();
    }
    result.text = capAtWord(line, maxChars);
    return result;
}

bool statesAmount(const QString& line, const QString& amount)
{
    if (amount.isEmpty())
        return false;
    // The whole amount: "10.8 ETH" does not state "0.8 ETH", nor "1 ETH" "11 ETH".
    const QRegularExpression exact(
        QStringLiteral("(?<![\\d.,])%1(?![\\w])").arg(QRegularExpression::escape(amount)));
    return line.contains(exact);
}

bool namesBidder(const QString& line, const QString& bidder)
{
    if (bidder.isEmpty())
        return true;
    // The whole handle, not a longer one that starts with it.
    const QRegularExpression word(
        QStringLiteral("(?<![\\w])%1(?![\\w])").arg(QRegularExpression::escape(bidder)));
    return line.contains(word);
}

} // namespace sb::integrations::llm
