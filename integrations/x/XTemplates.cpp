#include "XTemplates.h"

#include "XText.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace sb::integrations::x {

using namespace Qt::StringLiterals;

namespace {

struct Kind
{
    const char* name;
    const char* label;
    const char* defaultText;
    const char* variables; // separated by spaces
};

// Defaults stay short and free of URLs: a URL costs far more under pay-per-use, and the
// variables still have room for long titles and names within 280.
const Kind kKinds[] = {
    {"open", QT_TRANSLATE_NOOP("XTemplates", "Auction post (the window opens)"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Day {day}, lot {lot}: “{title}” by {artist}. Reserve {reserve}, ends "
                       "{end_time}. To bid, reply: bid {minimum} {hashtag}"),
     "day lot title artist reserve minimum end_time hashtag handle"},
    {"accepted", QT_TRANSLATE_NOOP("XTemplates", "Reply to an accepted bid"),
     QT_TRANSLATE_NOOP(
         "XTemplates",
         "Bid of {amount} accepted: you lead lot {lot}. Next bid: {minimum} or more."),
     "bidder amount minimum lot end_time hashtag"},
    {"rejected", QT_TRANSLATE_NOOP("XTemplates", "Reply to a rejected bid"),
     QT_TRANSLATE_NOOP("XTemplates", "Bid not accepted: {reason}"),
     "bidder amount reason minimum lot"},
    {"leader", QT_TRANSLATE_NOOP("XTemplates", "Thread: a new leader"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "New leader on lot {lot}: {bidder} with {amount}. Next bid: {minimum} or "
                       "more. {hashtag}"),
     "bidder amount minimum lot end_time hashtag"},
    {"extended", QT_TRANSLATE_NOOP("XTemplates", "Thread: a late bid extends the auction"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "A late bid extends lot {lot} by {minutes} min. It now ends {end_time}. "
                       "{hashtag}"),
     "bidder amount minutes end_time lot hashtag"},
    {"last_minutes", QT_TRANSLATE_NOOP("XTemplates", "Thread: the last minutes"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "{minutes} minutes left on lot {lot}. Leading bid: {amount}. Next bid: "
                       "{minimum} or more. {hashtag}"),
     "minutes amount minimum bidder lot end_time hashtag"},
    {"winner", QT_TRANSLATE_NOOP("XTemplates", "Thread: the winner"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Sold! Lot {lot}, “{title}” by {artist}, goes to {bidder} for {amount}. "
                       "{hashtag}"),
     "bidder amount lot title artist day hashtag"},
    {"settlement", QT_TRANSLATE_NOOP("XTemplates", "Reply to the winner: how to settle"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Congratulations! Lot {lot} is yours for {amount}. Its settlement on Shape "
                       "goes to {wallet}."),
     "bidder amount lot title wallet deadline"},
    {"settlement_wallet", QT_TRANSLATE_NOOP("XTemplates", "Reply to the buyer: link a wallet"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Lot {lot} is yours for {amount}! To receive it on Shape, reply with your "
                       "address: wallet 0x… before {deadline}."),
     "bidder amount lot title deadline"},
    {"settlement_reserved", QT_TRANSLATE_NOOP("XTemplates", "Reply to the buyer: how to pay"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Lot {lot} is reserved for {wallet}: pay {amount} with claim() to "
                       "{contract} on Shape before {deadline}; token #{token} is minted to you."),
     "bidder amount lot title wallet contract deadline token"},
    {"settlement_reassigned", QT_TRANSLATE_NOOP("XTemplates", "Thread: the runner-up's turn"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Lot {lot} was not paid in time. It now goes to {bidder} for {amount}, to "
                       "settle before {deadline}. {hashtag}"),
     "bidder amount lot title deadline hashtag"},
    {"settlement_paid", QT_TRANSLATE_NOOP("XTemplates", "Thread: paid and minted"),
     QT_TRANSLATE_NOOP("XTemplates", "Paid ✓ — token #{token} minted to {wallet}. {hashtag}"),
     "bidder amount lot title wallet token hashtag"},
    {"summary", QT_TRANSLATE_NOOP("XTemplates", "Thread: a summary of many bids"),
     QT_TRANSLATE_NOOP("XTemplates",
                       "Lot {lot}: {accepted_count} bids accepted, {rejected_count} not "
                       "({below_minimum_count} below the minimum). Leader: {bidder} with {amount}. "
                       "Next bid: {minimum} or more. {hashtag}"),
     "accepted_count rejected_count below_minimum_count bidder amount minimum lot end_time "
     "hashtag"},
    {"no_winner", QT_TRANSLATE_NOOP("XTemplates", "Thread: no winner"),
     QT_TRANSLATE_NOOP("XTemplates", "Lot {lot}, “{title}”, closed without a valid bid. {hashtag}"),
     "lot title artist reserve day hashtag"},
};

struct Variable
{
    const char* name;
    const char* description;
    int typicalWidth; // in characters of weight 1, for validate()
};

const Variable kVariables[] = {
    {"day", QT_TRANSLATE_NOOP("XTemplates", "The marathon day's number (1, 2, …)."), 2},
    {"lot", QT_TRANSLATE_NOOP("XTemplates", "The lot's number in the day (1, 2, …)."), 2},
    {"title", QT_TRANSLATE_NOOP("XTemplates", "The artwork's title."), 40},
    {"artist", QT_TRANSLATE_NOOP("XTemplates", "The artist's name."), 20},
    {"reserve", QT_TRANSLATE_NOOP("XTemplates", "The reserve price, e.g. 0.01 ETH."), 10},
    {"minimum", QT_TRANSLATE_NOOP("XTemplates", "The least the next bid may be, e.g. 0.0525 ETH."),
     10},
    {"amount",
     QT_TRANSLATE_NOOP("XTemplates", "The bid's amount; in thread posts, the leading bid's."), 10},
    {"bidder",
     QT_TRANSLATE_NOOP("XTemplates",
                       "The bidder's X username with @ (“a bidder” when it is not a username)."),
     16},
    {"reason", QT_TRANSLATE_NOOP("XTemplates", "Why the bid was not accepted, in a sentence."), 60},
    {"end_time",
     QT_TRANSLATE_NOOP("XTemplates", "When the auction ends, in the marathon's time zone."), 20},
    {"minutes",
     QT_TRANSLATE_NOOP("XTemplates", "Minutes left before the end, or added by an extension."), 2},
    {"hashtag", QT_TRANSLATE_NOOP("XTemplates", "The marathon's hashtag, with #."), 16},
    {"handle", QT_TRANSLATE_NOOP("XTemplates", "The studio's X account, with @."), 16},
    {"wallet",
     QT_TRANSLATE_NOOP("XTemplates", "The wallet the winner linked (\"wallet 0x…\"), where the "
                                     "lot is minted; if none, how to link one."),
     42},
    {"deadline", QT_TRANSLATE_NOOP("XTemplates", "When the winner's time to settle runs out."), 20},
    {"contract",
     QT_TRANSLATE_NOOP("XTemplates", "The auction house contract on Shape that the buyer pays."),
     42},
    {"token", QT_TRANSLATE_NOOP("XTemplates", "The lot's token number on Shape (1, 2, …)."), 3},
    {"accepted_count",
     QT_TRANSLATE_NOOP("XTemplates", "How many bids were accepted since the last summary."), 3},
    {"rejected_count",
     QT_TRANSLATE_NOOP("XTemplates", "How many bids were not accepted since the last summary."), 3},
    {"below_minimum_count",
     QT_TRANSLATE_NOOP("XTemplates",
                       "How many of those were below the reserve or the minimum raise."),
     3},
};

QString translate(const char* text)
{
    return QCoreApplication::translate("XTemplates", text);
}

const Kind* findKind(const QString& name)
{
    const auto it = std::find_if(std::begin(kKinds), std::end(kKinds),
                                 [&](const Kind& k) { return name == QLatin1String(k.name); });
    return it == std::end(kKinds) ? nullptr : &*it;
}

const Variable* findVariable(const QString& name)
{
    const auto it = std::find_if(std::begin(kVariables), std::end(kVariables),
                                 [&](const Variable& v) { return name == QLatin1String(v.name); });
    return it == std::end(kVariables) ? nullptr : &*it;
}

bool isAccountVariable(const QString& name)
{
    return name == u"bidder" || name == u"handle";
}

bool isAtSign(QChar c)
{
    return c == u'@' || c == QChar(0xFF20); // X reads the full-width ＠ as a mention too
}

// Line breaks, control characters and the bidi controls that could turn the rest of the post
// around: a value is one stretch of plain text.
QString plainValue(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value.normalized(QString::NormalizationForm_C)) {
        const char16_t u = c.unicode();
        const bool bidi = u == 0x061C || u == 0x200E || u == 0x200F ||
                          (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            out += u' ';
        else if (!bidi)
            out += c;
    }
    return out.simplified();
}

// What may stand for {name}: see XTemplates::render.
QString cleanValue(const QString& name, const QString& raw, bool allowUrls)
{
    QString value = plainValue(raw);
    if (isAccountVariable(name)) {
        if (!value.isEmpty() && isAtSign(value.front()))
            value.remove(0, 1);
        const QString username = safeUsername(value);
        if (!username.isEmpty())
            return u'@' + username;
        return name == u"bidder" ? QCoreApplication::translate("XTemplates", "a bidder")
                                 : QString();
    }
    value.removeIf(isAtSign);
    if (!allowUrls)
        value = removeUrls(value);
    value = value.simplified();
    if (name == u"hashtag" && !value.isEmpty() && !value.startsWith(u'#'))
        value.prepend(u'#');
    return value;
}

// Runs of spaces become one, lines are trimmed, at most one empty line stays between two.
QString tidy(const QString& text)
{
    QStringList lines = text.split(u'\n');
    for (QString& line : lines)
        line = line.simplified();
    QString out = lines.join(u'\n');
    static const QRegularExpression blankLines(QStringLiteral("\n{3,}"));
    out.replace(blankLines, QStringLiteral("\n\n"));
    return out.trimmed();
}

// `text` with its {variables} replaced; the names that `kind` does not have are left as written
// and listed in *unknown. No URL removal, no fitting.
QString substitute(const QString& text, const QString& kind, const QHash<QString, QString>& vars,
                   bool allowUrls, QStringList* unknown)
{
    static const QRegularExpression token(QStringLiteral(R"(\{([A-Za-z0-9_]+)\})"));
    const QStringList allowed = XTemplates::variables(kind);
    QString out;
    qsizetype at = 0;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).sliced(at, match.capturedStart() - at);
        at = match.capturedEnd();
        const QString name = match.captured(1);
        if (!allowed.contains(name)) {
            if (!unknown->contains(match.captured()))
                unknown->append(match.captured());
            out += match.captured();
            continue;
        }
        // Only {bidder} and {handle} may follow an "@": any other value after one would name
        // an account. They carry their own "@".
        while (!out.isEmpty() && isAtSign(out.back()))
            out.chop(1);
        out += cleanValue(name, vars.value(name), allowUrls);
    }
    out += QStringView(text).sliced(at);
    return out;
}

QHash<QString, QString> typicalValues()
{
    QHash<QString, QString> values;
    for (const Variable& v : kVariables) {
        const QString name = QLatin1String(v.name);
        values.insert(name, isAccountVariable(name) ? QString(v.typicalWidth - 1, u'x')
                                                    : QString(v.typicalWidth, u'x'));
    }
    return values;
}

} // namespace

QString XTemplates::text(const QString& kind) const
{
    const QString own = overrides.value(kind);
    return own.trimmed().isEmpty() ? defaultText(kind) : own;
}

QString XTemplates::defaultText(const QString& kind)
{
    const Kind* k = findKind(kind);
    return k ? translate(k->defaultText) : QString();
}

QStringList XTemplates::kinds()
{
    QStringList names;
    for (const Kind& k : kKinds)
        names << QLatin1String(k.name);
    return names;
}

QString XTemplates::kindLabel(const QString& kind)
{
    const Kind* k = findKind(kind);
    return k ? translate(k->label) : kind;
}

QStringList XTemplates::variables(const QString& kind)
{
    const Kind* k = findKind(kind);
    return k ? QString::fromLatin1(k->variables).split(u' ', Qt::SkipEmptyParts) : QStringList();
}

QString XTemplates::describe(const QString& variable)
{
    const Variable* v = findVariable(variable);
    return v ? translate(v->description) : QString();
}

QString XTemplates::render(const QString& kind, const QHash<QString, QString>& vars, bool allowUrls,
                           QString* error) const
{
    if (!findKind(kind)) {
        if (error)
            *error = QCoreApplication::translate("XTemplates", "There is no kind of post “%1”.")
                         .arg(kind);
        return {};
    }
    QStringList unknown;
    QString out = substitute(text(kind), kind, vars, allowUrls, &unknown);
    if (!allowUrls)
        out = removeUrls(out);
    out = fitToLength(tidy(out));
    if (error) {
        *error = unknown.isEmpty()
                     ? QString()
                     : QCoreApplication::translate("XTemplates",
                                                   "The text for “%1” names %2, which is not one "
                                                   "of its variables; it stays as written.")
                           .arg(kindLabel(kind), unknown.join(u", "_s));
    }
    return out;
}

int XTemplates::typicalLength(const QString& kind, const QString& text)
{
    QStringList unknown;
    return weightedLength(tidy(substitute(text, kind, typicalValues(), true, &unknown)));
}

QString XTemplates::validate(const QString& kind, const QString& text)
{
    if (!findKind(kind))
        return QCoreApplication::translate("XTemplates", "There is no kind of post “%1”.")
            .arg(kind);
    if (text.trimmed().isEmpty())
        return QCoreApplication::translate("XTemplates", "The text is empty.");
    QStringList unknown;
    substitute(text, kind, {}, true, &unknown);
    if (!unknown.isEmpty()) {
        QStringList allowed;
        for (const QString& name : variables(kind))
            allowed << u'{' + name + u'}';
        return QCoreApplication::translate("XTemplates",
                                           "%1 is not a variable of this post; it may use %2.")
            .arg(unknown.join(u", "_s), allowed.join(u" "_s));
    }
    const int length = typicalLength(kind, text);
    if (length > kMaxWeightedLength)
        return QCoreApplication::translate("XTemplates",
                                           "With values of typical length this post counts %1 of "
                                           "the %2 characters X allows; shorten it.")
            .arg(length)
            .arg(kMaxWeightedLength);
    return {};
}

} // namespace sb::integrations::x
