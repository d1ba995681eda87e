#include "SceneCollection.h"

#include "RegularFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUndoCommand>

namespace sb::studio {

namespace {

constexpr int kFormat = 1;
constexpr int kSceneEditId = 0x5b01;

} // namespace

// One scene before and after an edit.
class SceneEditCommand final : public QUndoCommand
{
public:
    SceneEditCommand(SceneCollection* collection, int scene, SceneData before, SceneData after,
                     const QString& text, QString mergeKey)
        : QUndoCommand(text), m_collection(collection), m_scene(scene), m_before(std::move(before)),
          m_after(std::move(after)), m_mergeKey(std::move(mergeKey))
    {}
    void undo() override { m_collection->replaceScene(m_scene, m_before); }
    void redo() override { m_collection->replaceScene(m_scene, m_after); }
    int id() const override { return kSceneEditId; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const SceneEditCommand*>(other);
        if (m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey || next->m_scene != m_scene)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    SceneCollection* m_collection;
    int m_scene;
    SceneData m_before;
    SceneData m_after;
    QString m_mergeKey;
};

// The list of scenes before and after adding or removing one.
class SceneListCommand final : public QUndoCommand
{
public:
    SceneListCommand(SceneCollection* collection, QList<SceneData> before, int currentBefore,
                     QList<SceneData> after, int currentAfter, const QString& text)
        : QUndoCommand(text), m_collection(collection), m_before(std::move(before)),
          m_after(std::move(after)), m_currentBefore(currentBefore), m_currentAfter(currentAfter)
    {}
    void undo() override { m_collection->replaceScenes(m_before, m_currentBefore); }
    void redo() override { m_collection->replaceScenes(m_after, m_currentAfter); }

private:
    SceneCollection* m_collection;
    QList<SceneData> m_before;
    QList<SceneData> m_after;
    int m_currentBefore;
    int m_currentAfter;
};

QJsonObject SceneSource::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("visible"), visible},
                       {QStringLiteral("locked"), locked},
                       {QStringLiteral("opacity"), opacity},
                       {QStringLiteral("settings"), settings}};
}

std::optional<SceneSource> SceneSource::fromJson(const QJsonObject& json, QString* error)
{
    SceneSource s;
    s.id = json.value(QStringLiteral("id")).toString();
    s.kind = json.value(QStringLiteral("kind")).toString();
    if (s.id.isEmpty() || s.kind.isEmpty()) {
        *error = QCoreApplication::translate("sb::studio::SceneCollection",
                                             "A source needs an \"id\" and a \"kind\".");
        return std::nullopt;
    }
    s.name = json.value(QStringLiteral("name")).toString(s.id);
    s.visible = json.value(QStringLiteral("visible")).toBool(true);
    s.locked = json.value(QStringLiteral("locked")).toBool(false);
    s.opacity = std::clamp(json.value(QStringLiteral("opacity")).toDouble(1.0), 0.0, 1.0);
    s.settings = json.value(QStringLiteral("settings")).toObject();
    return s;
}

int SceneData::indexOf(const QString& sourceId) const
{
    for (int i = 0; i < sources.size(); ++i) {
        if (sources.at(i).id == sourceId)
            return i;
    }
    return -1;
}

QJsonObject SceneData::toJson() const
{
    QJsonArray list;
    for (const SceneSource& s : sources)
        list.append(s.toJson());
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("background"), background.name(QColor::HexRgb)},
                       {QStringLiteral("sources"), list}};
}

std::optional<SceneData> SceneData::fromJson(const QJsonObject& json, QString* error)
{
    SceneData scene;
    scene.name = json.value(QStringLiteral("name")).toString();
    if (scene.name.isEmpty()) {
        *error =
            QCoreApplication::translate("sb::studio::SceneCollection", "Every scene needs a name.");
        return std::nullopt;
    }
    const QColor background =
        QColor::fromString(json.value(QStringLiteral("background")).toString());
    if (background.isValid())
        scene.background = background;
    for (const QJsonValue& value : json.value(QStringLiteral("sources")).toArray()) {
        QString sourceError;
        const auto source = SceneSource::fromJson(value.toObject(), &sourceError);
        if (!source) {
            *error = QCoreApplication::translate("sb::studio::SceneCollection", "Scene \"%1\": %2")
                         .arg(scene.name, sourceError);
            return std::nullopt;
        }
        if (scene.indexOf(source->id) >= 0) {
            *error = QCoreApplication::translate("sb::studio::SceneCollection",
                                                 "Scene \"%1\" has two sources with the id \"%2\".")
                         .arg(scene.name, source->id);
            return std::nullopt;
        }
        scene.sources.append(*source);
    }
    return scene;
}

SceneCollection::SceneCollection(QObject* parent) : QObject(parent)
{
    QString error;
    loadJson(defaultJson(), &error);
    m_autosaveTimer.setSingleShot(true);
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] {
        QString saveError;
        if (!save(m_autosavePath, &saveError))
            emit autosaveFailed(saveError);
    });
}

QJsonObject SceneCollection::defaultJson()
{
    const auto source = [](const char* id, const char* kind, const QString& name,
                           QJsonObject settings = {}, bool visible = true) {
        return SceneSource{QLatin1String(id),  QLatin1String(kind), name, visible, false, 1.0,
                           std::move(settings)}
            .toJson();
    };
    const auto text = [](const QString& value, int size, int x, int y) {
        return QJsonObject{{QStringLiteral("text"), value},
                           {QStringLiteral("font"), QStringLiteral("DejaVu Sans")},
                           {QStringLiteral("size"), size},
                           {QStringLiteral("color"), QStringLiteral("#f5c542")},
                           {QStringLiteral("outline_color"), QStringLiteral("#000000")},
                           {QStringLiteral("outline_width"), 2},
                           {QStringLiteral("x"), x},
                           {QStringLiteral("y"), y}};
    };
    // The artwork ends above the "How to bid" strip (HowToBidOverlay's default place); a
    // collection saved before the strip existed keeps its full-height lot card and no strip.
    const QJsonObject lotAboveHowToBid{{QStringLiteral("x"), 0},
                                       {QStringLiteral("y"), 0},
                                       {QStringLiteral("width"), 896},
                                       {QStringLiteral("height"), 560}};
    const QJsonArray auction{
        source("lot", "lot_card",
               QCoreApplication::translate("sb::studio::SceneCollection", "Artwork"),
               lotAboveHowToBid),
        source("how_to_bid", "how_to_bid",
               QCoreApplication::translate("sb::studio::SceneCollection", "How to bid")),
        source("host", "host", QCoreApplication::translate("sb::studio::SceneCollection", "Host")),
        source("feed", "bid_feed",
               QCoreApplication::translate("sb::studio::SceneCollection", "Bid feed")),
        source("bar", "auction_bar",
               QCoreApplication::translate("sb::studio::SceneCollection", "Auction bar")),
        source("schedule", "schedule_card",
               QCoreApplication::translate("sb::studio::SceneCollection", "Schedule card")),
        source("paused", "paused_card",
               QCoreApplication::translate("sb::studio::SceneCollection", "Paused card")),
        source("sold", "sold_banner",
               QCoreApplication::translate("sb::studio::SceneCollection", "SOLD banner")),
    };
    const QJsonArray between{
        source("schedule", "schedule_card",
               QCoreApplication::translate("sb::studio::SceneCollection", "Schedule card")),
        source("leaderboard", "leaderboard",
               QCoreApplication::translate("sb::studio::SceneCollection", "Leaderboard")),
        source("host", "host", QCoreApplication::translate("sb::studio::SceneCollection", "Host")),
    };
    const QJsonArray brb{
        source(
            "title", "text", QCoreApplication::translate("sb::studio::SceneCollection", "Title"),
            text(QCoreApplication::translate("sb::studio::SceneCollection", "We'll be right back"),
                 64, 200, 300)),
        source("host", "host", QCoreApplication::translate("sb::studio::SceneCollection", "Host")),
    };
    const auto scene = [](const QString& name, const QJsonArray& sources) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("background"), QStringLiteral("#140c1c")},
                           {QStringLiteral("sources"), sources}};
    };
    return QJsonObject{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("name"),
         QCoreApplication::translate("sb::studio::SceneCollection", "Default")},
        {QStringLiteral("canvas"),
         QJsonObject{{QStringLiteral("width"), 1280}, {QStringLiteral("height"), 720}}},
        {QStringLiteral("current_scene"),
         QCoreApplication::translate("sb::studio::SceneCollection", "Auction")},
        {QStringLiteral("scenes"),
         QJsonArray{
             scene(QCoreApplication::translate("sb::studio::SceneCollection", "Auction"), auction),
             scene(QCoreApplication::translate("sb::studio::SceneCollection", "Between auctions"),
                   between),
             scene(QCoreApplication::translate("sb::studio::SceneCollection", "Be right back"),
                   brb)}},
    };
}

void SceneCollection::setCurrentScene(int index)
{
    if (index < 0 || index >= m_scenes.size() || index == m_current)
        return;
    m_current = index;
    emit currentSceneChanged(index);
    scheduleAutosave();
}

bool SceneCollection::pushSceneEdit(int scene, const SceneData& after, const QString& text,
                                    const QString& mergeKey)
{
    if (scene < 0 || scene >= m_scenes.size())
        return false;
    if (m_scenes.at(scene) == after)
        return true;
    m_undo.push(new SceneEditCommand(this, scene, m_scenes.at(scene), after, text, mergeKey));
    return true;
}

bool SceneCollection::addScene(const QString& name)
{
    if (name.trimmed().isEmpty())
        return false;
    for (const SceneData& s : m_scenes) {
        if (s.name == name)
            return false;
    }
    QList<SceneData> after = m_scenes;
    SceneData scene;
    scene.name = name;
    after.append(scene);
    m_undo.push(new SceneListCommand(this, m_scenes, m_current, after, int(after.size()) - 1,
                                     tr("Add scene \"%1\"").arg(name)));
    return true;
}

bool SceneCollection::removeScene(int index)
{
    if (index < 0 || index >= m_scenes.size() || m_scenes.size() == 1)
        return false;
    QList<SceneData> after = m_scenes;
    const QString name = after.takeAt(index).name;
    const int current =
        std::min(m_current > index ? m_current - 1 : m_current, int(after.size()) - 1);
    m_undo.push(new SceneListCommand(this, m_scenes, m_current, after, current,
                                     tr("Remove scene \"%1\"").arg(name)));
    return true;
}

bool SceneCollection::renameScene(int index, const QString& name)
{
    if (index < 0 || index >= m_scenes.size() || name.trimmed().isEmpty())
        return false;
    for (int i = 0; i < m_scenes.size(); ++i) {
        if (i != index && m_scenes.at(i).name == name)
            return false;
    }
    SceneData after = m_scenes.at(index);
    after.name = name;
    return pushSceneEdit(index, after, tr("Rename scene to \"%1\"").arg(name));
}

QString SceneCollection::addSource(int scene, SceneSource source)
{
    if (scene < 0 || scene >= m_scenes.size() || source.kind.isEmpty())
        return {};
    SceneData after = m_scenes.at(scene);
    QString base = source.id.isEmpty() ? source.kind : source.id;
    QString id = base;
    for (int n = 2; after.indexOf(id) >= 0; ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    source.id = id;
    if (source.name.isEmpty())
        source.name = id;
    const QString name = source.name;
    after.sources.append(std::move(source));
    pushSceneEdit(scene, after, tr("Add \"%1\"").arg(name));
    return id;
}

bool SceneCollection::removeSource(int scene, const QString& id)
{
    if (scene < 0 || scene >= m_scenes.size())
        return false;
    SceneData after = m_scenes.at(scene);
    const int i = after.indexOf(id);
    if (i < 0 || after.sources.at(i).locked)
        return false;
    const QString name = after.sources.takeAt(i).name;
    return pushSceneEdit(scene, after, tr("Remove \"%1\"").arg(name));
}

bool SceneCollection::moveSource(int scene, const QString& id, int newIndex)
{
    if (scene < 0 || scene >= m_scenes.size())
        return false;
    SceneData after = m_scenes.at(scene);
    const int i = after.indexOf(id);
    if (i < 0 || after.sources.at(i).locked)
        return false;
    newIndex = std::clamp(newIndex, 0, int(after.sources.size()) - 1);
    after.sources.move(i, newIndex);
    return pushSceneEdit(scene, after, tr("Move \"%1\"").arg(after.sources.at(newIndex).name));
}

bool SceneCollection::editSource(int scene, const QString& id, bool evenIfLocked,
                                 const std::function<QString(SceneSource&)>& edit,
                                 const QString& mergeKey)
{
    if (scene < 0 || scene >= m_scenes.size())
        return false;
    SceneData after = m_scenes.at(scene);
    const int i = after.indexOf(id);
    if (i < 0 || (after.sources.at(i).locked && !evenIfLocked))
        return false;
    const QString text = edit(after.sources[i]);
    return pushSceneEdit(scene, after, text, mergeKey);
}

bool SceneCollection::setSourceVisible(int scene, const QString& id, bool visible)
{
    return editSource(scene, id, true, [&](SceneSource& source) {
        source.visible = visible;
        return (visible ? tr("Show \"%1\"") : tr("Hide \"%1\"")).arg(source.name);
    });
}

bool SceneCollection::setSourceLocked(int scene, const QString& id, bool locked)
{
    return editSource(scene, id, true, [&](SceneSource& source) {
        source.locked = locked;
        return (locked ? tr("Lock \"%1\"") : tr("Unlock \"%1\"")).arg(source.name);
    });
}

bool SceneCollection::renameSource(int scene, const QString& id, const QString& name)
{
    if (name.trimmed().isEmpty())
        return false;
    return editSource(scene, id, true, [&](SceneSource& source) {
        source.name = name;
        return tr("Rename to \"%1\"").arg(name);
    });
}

bool SceneCollection::setSourceOpacity(int scene, const QString& id, double opacity)
{
    return editSource(
        scene, id, false,
        [&](SceneSource& source) {
            source.opacity = std::clamp(opacity, 0.0, 1.0);
            return tr("Opacity of \"%1\"").arg(source.name);
        },
        id + QStringLiteral("/opacity"));
}

bool SceneCollection::setSourceSettings(int scene, const QString& id, const QJsonObject& settings,
                                        const QString& mergeKey)
{
    return editSource(
        scene, id, false,
        [&](SceneSource& source) {
            source.settings = settings;
            return tr("Edit \"%1\"").arg(source.name);
        },
        mergeKey.isEmpty() ? QString() : id + QLatin1Char('/') + mergeKey);
}

void SceneCollection::replaceScene(int index, const SceneData& data)
{
    m_scenes[index] = data;
    emit sceneChanged(index);
    scheduleAutosave();
}

void SceneCollection::replaceScenes(const QList<SceneData>& scenes, int current)
{
    m_scenes = scenes;
    m_current = std::clamp(current, 0, int(m_scenes.size()) - 1);
    emit scenesChanged();
    emit currentSceneChanged(m_current);
    scheduleAutosave();
}

QJsonObject SceneCollection::toJson() const
{
    QJsonArray scenes;
    for (const SceneData& s : m_scenes)
        scenes.append(s.toJson());
    return QJsonObject{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("name"), m_name},
        {QStringLiteral("canvas"), QJsonObject{{QStringLiteral("width"), m_canvas.width()},
                                               {QStringLiteral("height"), m_canvas.height()}}},
        {QStringLiteral("current_scene"), m_scenes.isEmpty() ? QString() : current().name},
        {QStringLiteral("scenes"), scenes},
    };
}

bool SceneCollection::loadJson(const QJsonObject& json, QString* error)
{
    const int format = json.value(QStringLiteral("format")).toInt(0);
    if (format != kFormat) {
        *error = tr("This scene collection has format %1; this version reads format %2.")
                     .arg(format)
                     .arg(kFormat);
        return false;
    }
    QList<SceneData> scenes;
    for (const QJsonValue& value : json.value(QStringLiteral("scenes")).toArray()) {
        const auto scene = SceneData::fromJson(value.toObject(), error);
        if (!scene)
            return false;
        scenes.append(*scene);
    }
    if (scenes.isEmpty()) {
        *error = tr("A scene collection needs at least one scene.");
        return false;
    }
    const QJsonObject canvas = json.value(QStringLiteral("canvas")).toObject();
    const QSize size(canvas.value(QStringLiteral("width")).toInt(1280),
                     canvas.value(QStringLiteral("height")).toInt(720));
    if (size.width() < 16 || size.height() < 16 || size.width() > 1920 || size.height() > 1080) {
        *error = tr("The canvas %1×%2 is outside 16×16 to 1920×1080.")
                     .arg(size.width())
                     .arg(size.height());
        return false;
    }
    const QString currentName = json.value(QStringLiteral("current_scene")).toString();
    int current = 0;
    for (int i = 0; i < scenes.size(); ++i) {
        if (scenes.at(i).name == currentName)
            current = i;
    }
    m_name = json.value(QStringLiteral("name")).toString(m_name);
    m_canvas = size;
    m_undo.clear();
    m_scenes = scenes;
    m_current = current;
    emit scenesChanged();
    emit currentSceneChanged(m_current);
    return true;
}

bool SceneCollection::load(const QString& path, QString* error)
{
    QByteArray json;
    if (QString why; !sb::readRegularFile(path, kMaxFileBytes, &json, &why)) {
        *error = tr("Cannot open the scene collection: %1").arg(why);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = tr("%1 is not a scene collection: %2").arg(path, parseError.errorString());
        return false;
    }
    if (!loadJson(doc.object(), error)) {
        *error = tr("%1: %2").arg(path, *error);
        return false;
    }
    scheduleAutosave();
    return true;
}

bool SceneCollection::save(const QString& path, QString* error) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        *error = tr("Cannot save the scene collection to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SceneCollection::setAutosavePath(const QString& path, int autosaveDelayMs)
{
    m_autosavePath = path;
    m_autosaveTimer.setInterval(autosaveDelayMs);
}

void SceneCollection::scheduleAutosave()
{
    if (!m_autosavePath.isEmpty())
        m_autosaveTimer.start();
}

bool SceneCollection::flushAutosave(QString* error)
{
    if (!m_autosaveTimer.isActive())
        return true;
    m_autosaveTimer.stop();
    return save(m_autosavePath, error);
}

} // namespace sb::studio
