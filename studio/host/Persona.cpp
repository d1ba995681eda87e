#include "Persona.h"

#include "JsonDuplicateKeys.h"
#include "RegularFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

// Outside any namespace, as Qt's resource initializer requires; calling it also keeps the
// embedded file linked in from the static library.
static void initPersonaResources()
{
    Q_INIT_RESOURCE(host_persona);
}

namespace sb::studio {

using sb::auction::Result;

namespace {

// A string or a list of strings; nullopt (with `error` set) for anything else.
std::optional<QStringList> stringOrList(const QJsonValue& value, const QString& key, QString* error)
{
    if (value.isString())
        return QStringList{value.toString()};
    if (value.isArray()) {
        QStringList out;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString()) {
                *error = QCoreApplication::translate("Persona", "\"%1[%2]\" must be text.")
                             .arg(key)
                             .arg(i);
                return std::nullopt;
            }
            out.append(array[i].toString());
        }
        return out;
    }
    *error =
        QCoreApplication::translate("Persona", "\"%1\" must be text or a list of texts.").arg(key);
    return std::nullopt;
}

// An optional key holding a string or a list; absent gives an empty list.
bool readList(const QJsonObject& object, const QString& key, const QString& where, QStringList* out,
              QString* error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const auto list = stringOrList(value, where, error);
    if (!list)
        return false;
    *out = *list;
    return true;
}

bool readMessages(const QJsonValue& value, Persona* persona, QString* error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = QCoreApplication::translate(
            "Persona", "\"messageExamples\" must be a list of conversations.");
        return false;
    }
    const QJsonArray conversations = value.toArray();
    for (qsizetype c = 0; c < conversations.size(); ++c) {
        const QString where = QStringLiteral("messageExamples[%1]").arg(c);
        if (!conversations[c].isArray()) {
            *error = QCoreApplication::translate("Persona", "\"%1\" must be a list of messages.")
                         .arg(where);
            return false;
        }
        QList<PersonaMessage> conversation;
        const QJsonArray messages = conversations[c].toArray();
        for (qsizetype m = 0; m < messages.size(); ++m) {
            const QString at = QStringLiteral("%1[%2]").arg(where).arg(m);
            const QJsonObject message = messages[m].toObject();
            // Current shape names the speaker "name", the legacy one "user".
            const QJsonValue speaker = message.contains(QStringLiteral("name"))
                                           ? message.value(QStringLiteral("name"))
                                           : message.value(QStringLiteral("user"));
            if (!messages[m].isObject() || !speaker.isString()) {
                *error = QCoreApplication::translate(
                             "Persona", "\"%1\" needs \"name\" (or the older \"user\") as text.")
                             .arg(at);
                return false;
            }
            const QJsonValue text =
                message.value(QStringLiteral("content")).toObject().value(QStringLiteral("text"));
            if (!text.isString()) {
                *error = QCoreApplication::translate("Persona", "\"%1.content.text\" must be text.")
                             .arg(at);
                return false;
            }
            conversation.append({speaker.toString(), text.toString()});
        }
        persona->messageExamples.append(conversation);
    }
    return true;
}

bool readTemplates(const QJsonValue& value, Persona* persona, QString* error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject()) {
        *error =
            QCoreApplication::translate("Persona", "\"templates\" must be an object of texts.");
        return false;
    }
    const QJsonObject templates = value.toObject();
    for (auto it = templates.begin(); it != templates.end(); ++it) {
        // ElizaOS templates are strings; a list here would not load in ElizaOS either.
        if (!it.value().isString()) {
            *error = QCoreApplication::translate(
                         "Persona",
                         "\"templates.%1\" must be text (several lines go on separate lines).")
                         .arg(it.key());
            return false;
        }
        persona->templates.insert(it.key(), it.value().toString());
    }
    return true;
}

} // namespace

QStringList Persona::templateLines(const QString& key) const
{
    QStringList out;
    const QStringList lines = templates.value(key).split(u'\n');
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

Result<Persona> Persona::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<Persona>::failure(
            QCoreApplication::translate("Persona",
                                        "The character file is not valid JSON (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!doc.isObject())
        return Result<Persona>::failure(QCoreApplication::translate(
            "Persona", "The character file must hold one JSON object."));
    if (const auto duplicate = sb::common::JsonDuplicateKeys::find(json)) {
        const QString key =
            duplicate->where.isEmpty() ? duplicate->key : duplicate->where + u'.' + duplicate->key;
        return Result<Persona>::failure(
            QCoreApplication::translate("Persona",
                                        "The character file gives \"%1\" twice (line %2).")
                .arg(key)
                .arg(duplicate->line));
    }
    const QJsonObject root = doc.object();
    Persona persona;
    QString error;
    const auto fail = [&] { return Result<Persona>::failure(error); };

    const QJsonValue name = root.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return Result<Persona>::failure(
            QCoreApplication::translate("Persona", "\"name\" is required and must be text."));
    persona.name = name.toString().trimmed();

    const QJsonValue bio = root.value(QStringLiteral("bio"));
    if (bio.isUndefined() || bio.isNull())
        return Result<Persona>::failure(QCoreApplication::translate(
            "Persona", "\"bio\" is required (text or a list of texts)."));
    const auto bioList = stringOrList(bio, QStringLiteral("bio"), &error);
    if (!bioList)
        return fail();
    persona.bio = *bioList;
    QStringList lore;
    if (!readList(root, QStringLiteral("lore"), QStringLiteral("lore"), &lore, &error))
        return fail();
    persona.bio.append(lore);

    const QJsonValue system = root.value(QStringLiteral("system"));
    if (!system.isUndefined() && !system.isNull() && !system.isString())
        return Result<Persona>::failure(
            QCoreApplication::translate("Persona", "\"system\" must be text."));
    persona.system = system.toString();

    const QJsonValue style = root.value(QStringLiteral("style"));
    if (!style.isUndefined() && !style.isNull() && !style.isObject())
        return Result<Persona>::failure(QCoreApplication::translate(
            "Persona", "\"style\" must be an object (all, chat, post)."));
    const QJsonObject styleObject = style.toObject();
    if (!readList(root, QStringLiteral("adjectives"), QStringLiteral("adjectives"),
                  &persona.adjectives, &error) ||
        !readList(root, QStringLiteral("topics"), QStringLiteral("topics"), &persona.topics,
                  &error) ||
        !readList(root, QStringLiteral("postExamples"), QStringLiteral("postExamples"),
                  &persona.postExamples, &error) ||
        !readList(styleObject, QStringLiteral("all"), QStringLiteral("style.all"),
                  &persona.styleAll, &error) ||
        !readList(styleObject, QStringLiteral("chat"), QStringLiteral("style.chat"),
                  &persona.styleChat, &error) ||
        !readList(styleObject, QStringLiteral("post"), QStringLiteral("style.post"),
                  &persona.stylePost, &error) ||
        !readMessages(root.value(QStringLiteral("messageExamples")), &persona, &error) ||
        !readTemplates(root.value(QStringLiteral("templates")), &persona, &error))
        return fail();
    return persona;
}

Result<Persona> Persona::fromFile(const QString& path)
{
    QByteArray json;
    if (QString why; !sb::readRegularFile(path, kMaxFileBytes, &json, &why))
        return Result<Persona>::failure(
            QCoreApplication::translate("Persona", "Cannot read the character file: %1").arg(why));
    return fromJson(json);
}

Persona Persona::builtIn()
{
    initPersonaResources();
    Result<Persona> persona = fromFile(QStringLiteral(":/sb/host/default-persona.json"));
    if (!persona)
        qFatal("The shipped persona does not load: %s", qUtf8Printable(persona.error()));
    return std::move(persona).value();
}

Result<bool> PersonaHolder::load(const QByteArray& json)
{
    Result<Persona> persona = Persona::fromJson(json);
    if (!persona)
        return Result<bool>::failure(persona.error());
    m_persona = std::move(persona).value();
    return true;
}

} // namespace sb::studio
