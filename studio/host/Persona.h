#pragma once
// The host's character, read from an ElizaOS character file (JSON), both the current shape
// ({"name", "content"} examples) and the legacy one ({"user", "content"} examples, "lore" folded
// into the bio). Our own per-event line templates live in `templates`, as ElizaOS keeps them:
// one string per key. A key "line.<kind>" (e.g. "line.new_leader") holds that kind's lines, one
// per text line ("\n" between them); see LineTemplates.h for the kinds and their {slots}.
//
// A file that cannot be used is refused whole with a sentence naming the key; the caller keeps
// the persona it had (PersonaHolder does exactly that).

#include "AuctionResult.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sb::studio {

struct PersonaMessage
{
    QString speaker; // "name" (current shape) or "user" (legacy shape)
    QString text;    // content.text

    bool operator==(const PersonaMessage&) const = default;
};

struct Persona
{
    QString name;
    QStringList bio; // a string bio is one entry; legacy "lore" entries are appended
    QString system;
    QStringList adjectives;
    QStringList topics;
    QStringList styleAll;
    QStringList styleChat;
    QStringList stylePost;
    QList<QList<PersonaMessage>> messageExamples; // conversations
    QStringList postExamples;
    QMap<QString, QString> templates;

    // The non-empty, trimmed text lines of templates[key]; empty when the key is absent.
    QStringList templateLines(const QString& key) const;

    bool operator==(const Persona&) const = default;

    // Parses a character file. Fails with a sentence naming the key at fault (or the JSON error,
    // or the key given twice) and builds nothing.
    static sb::auction::Result<Persona> fromJson(const QByteArray& json);
    static sb::auction::Result<Persona> fromFile(const QString& path);
    static constexpr qint64 kMaxFileBytes = 1024 * 1024; // a character file is a few KB
    // The character the project ships (resources/host/default-persona.json, embedded).
    static Persona builtIn();
};

// The persona in use: a load that fails leaves it as it was.
class PersonaHolder
{
public:
    PersonaHolder() : m_persona(Persona::builtIn()) {}
    const Persona& persona() const { return m_persona; }
    // true when the file replaced the persona; otherwise why it was refused (the current one
    // stays).
    [[nodiscard]] sb::auction::Result<bool> load(const QByteArray& json);

private:
    Persona m_persona;
};

} // namespace sb::studio
