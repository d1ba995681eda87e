#pragma once
// The texts of the studio's posts on X, one per kind of post ("open", "accepted", …: stable
// lower-case names used in the database and x.ini), each with a translated default, the
// {variables} it may use, and the operator's own text when x.ini has one. render() fills in the
// variables so that nothing a bidder wrote reaches a post: a bidder is only ever an X username,
// no value can mention an account or carry a URL, and the result fits X's 280.

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sb::integrations::x {

struct XTemplates
{
    // Kind → the operator's text (XSettings::templates). A kind that is absent, or blank, uses
    // the default.
    QMap<QString, QString> overrides;

    // The text render() would use for `kind`: the operator's, else the default.
    QString text(const QString& kind) const;
    // The translated default text of `kind`; empty for a kind that does not exist.
    static QString defaultText(const QString& kind);
    // Every kind, in the order a post about one auction usually comes.
    static QStringList kinds();
    // What `kind` is, in words for the Settings page ("Reply to an accepted bid").
    static QString kindLabel(const QString& kind);
    // The variables `kind` may use, as names without braces ("lot", "title", …).
    static QStringList variables(const QString& kind);
    // One translated line about `variable` (a name without braces).
    static QString describe(const QString& variable);

    // The post for `kind` with each {variable} replaced by its value from `vars` (missing:
    // empty). Values are cleaned first: `bidder` and `handle` become "@username" only when they
    // are X usernames (else "a bidder" and nothing); other values lose newlines, control and
    // bidi characters and every "@", and their URLs unless `allowUrls`. Then the whole text
    // loses its URLs unless `allowUrls`, its runs of spaces, and whatever is past 280 (ending
    // in "…"). A {name} that is not a variable of `kind` stays as written and *error says so;
    // an unknown kind gives an empty text and *error.
    QString render(const QString& kind, const QHash<QString, QString>& vars, bool allowUrls,
                   QString* error = nullptr) const;

    // Empty when `text` can be used for `kind`, else a sentence: the kind does not exist, the
    // text is empty, it names a {variable} the kind does not have, or with its variables at
    // typical widths (a 40-character title, a 15-character username, …) it is longer than X's
    // 280.
    static QString validate(const QString& kind, const QString& text);
    // The weighted length of `text` for `kind` with its variables at those typical widths.
    static int typicalLength(const QString& kind, const QString& text);
};

} // namespace sb::integrations::x
