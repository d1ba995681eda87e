#pragma once
// The last gate before the voice and the caption: a line that contains a blocked term is not
// said. The check sees through the usual disguises: Unicode NFKC (full-width and styled letters),
// zero-width and bidi control characters, case, leetspeak (0→o, 1→i or l, 3→e, 4→a, 5→s, 7→t,
// @→a, $→s) and letters spaced or dotted apart ("b.a.d"). A term of four letters or more is
// found inside words too; a shorter one only as a whole word, so "ass" does not block "glass".
// A term may be several words ("ignore previous instructions").

#include <QString>
#include <QStringList>

namespace sb::studio {

class LineFilter
{
public:
    // A filter with defaultTerms().
    LineFilter();
    explicit LineFilter(const QStringList& terms);

    // Phrases an injected instruction or a link would need; the operator adds their own words.
    static QStringList defaultTerms();

    QStringList terms() const { return m_terms; }
    void setTerms(const QStringList& terms);

    // The first blocked term `text` contains, as configured; empty when the line is clean.
    QString blockedTerm(const QString& text) const;
    bool allows(const QString& text) const { return blockedTerm(text).isEmpty(); }

    // `text` as the filter reads it: NFKC, no zero-width or bidi marks, case-folded, with the
    // leetspeak digit `one` ('i' or 'l') for 1. Exposed for the tests.
    static QString normalized(const QString& text, QChar one = u'i');

private:
    struct Term
    {
        QString configured;
        QStringList words; // normalized, letters only; one variant per reading of "1"
        bool inWords = false;
    };

    QStringList m_terms;
    QList<Term> m_compiled;
};

} // namespace sb::studio
