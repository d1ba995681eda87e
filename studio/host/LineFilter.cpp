#include "LineFilter.h"

namespace sb::studio {

namespace {

bool isInvisibleControl(char32_t c)
{
    return (c >= 0x200B && c <= 0x200F) || // zero-width space/joiners, LRM, RLM
           (c >= 0x202A && c <= 0x202E) || // bidi embeddings and overrides
           (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
           (c >= 0x2066 && c <= 0x2069) || // bidi isolates
           c == 0xFEFF || c == 0x00AD || c == 0x061C || c == 0x180E;
}

QChar unLeet(QChar c, QChar one)
{
    switch (c.unicode()) {
    case u'0':
        return u'o';
    case u'1':
        return one;
    case u'3':
        return u'e';
    case u'4':
        return u'a';
    case u'5':
        return u's';
    case u'7':
        return u't';
    case u'@':
        return u'a';
    case u'$':
        return u's';
    default:
        return c;
    }
}

// The letters-only words of a normalized text; a run of single letters ("b a d", "b.a.d") is
// read as one word, since that is how a spelled-out word is disguised.
QStringList words(const QString& normalized)
{
    QStringList raw;
    QString current;
    for (const QChar c : normalized) {
        if (c.isLetter()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            raw.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        raw.append(current);
    QStringList out;
    QString spelled;
    for (const QString& word : std::as_const(raw)) {
        if (word.size() == 1) {
            spelled.append(word);
            continue;
        }
        if (!spelled.isEmpty())
            out.append(std::exchange(spelled, QString()));
        out.append(word);
    }
    if (!spelled.isEmpty())
        out.append(spelled);
    return out;
}

QString padded(const QStringList& words)
{
    return u' ' + words.join(u' ') + u' ';
}

} // namespace

LineFilter::LineFilter() : LineFilter(defaultTerms()) {}

LineFilter::LineFilter(const QStringList& terms)
{
    setTerms(terms);
}

QStringList LineFilter::defaultTerms()
{
    return {QStringLiteral("ignore previous instructions"),
            QStringLiteral("ignore all previous instructions"), QStringLiteral("system prompt"),
            QStringLiteral("http"), QStringLiteral("www")};
}

void LineFilter::setTerms(const QStringList& terms)
{
    m_terms.clear();
    m_compiled.clear();
    for (const QString& configured : terms) {
        if (configured.trimmed().isEmpty())
            continue;
        m_terms.append(configured.trimmed());
        Term term;
        term.configured = configured.trimmed();
        for (const QChar one : {QChar(u'i'), QChar(u'l')}) {
            const QStringList termWords = words(normalized(term.configured, one));
            if (termWords.isEmpty())
                continue;
            const QString joined = termWords.join(u' ');
            if (!term.words.contains(joined))
                term.words.append(joined);
            term.inWords = term.inWords || termWords.join(QString()).size() >= 4;
        }
        if (!term.words.isEmpty())
            m_compiled.append(term);
    }
}

QString LineFilter::normalized(const QString& text, QChar one)
{
    // NFKC turns full-width and styled letters into plain ones; NFD then lets accents go, so
    // "bädword" reads as "badword".
    const QString nfkc = text.normalized(QString::NormalizationForm_KC);
    QString visible;
    visible.reserve(nfkc.size());
    for (const char32_t c : nfkc.toUcs4()) {
        if (!isInvisibleControl(c))
            visible.append(QString::fromUcs4(&c, 1));
    }
    const QString decomposed = visible.toCaseFolded().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing ||
            c.category() == QChar::Mark_SpacingCombining)
            continue;
        out.append(unLeet(c, one));
    }
    return out;
}

QString LineFilter::blockedTerm(const QString& text) const
{
    if (m_compiled.isEmpty())
        return {};
    for (const QChar one : {QChar(u'i'), QChar(u'l')}) {
        const QString line = padded(words(normalized(text, one)));
        for (const Term& term : m_compiled) {
            for (const QString& variant : term.words) {
                const bool hit =
                    term.inWords ? line.contains(variant) : line.contains(u' ' + variant + u' ');
                if (hit)
                    return term.configured;
            }
        }
    }
    return {};
}

} // namespace sb::studio
