#pragma once
// The streamer's scenes: named scenes, each an ordered list of sources (bottom first), saved as a
// JSON "scene collection" in the app data folder, autosaved a moment after every edit, importable
// and exportable. Every edit goes through the undo stack; switching scenes is not an edit.
//
//   {"format": 1, "name": "Default", "canvas": {"width": 1280, "height": 720},
//    "current_scene": "Auction",
//    "scenes": [{"name": "Auction", "background": "#140c1c",
//                "sources": [{"id": "lot", "kind": "lot_card", "name": "Artwork",
//                             "visible": true, "locked": false, "opacity": 1,
//                             "settings": {...}}]}]}
//
// "settings" holds what the kind needs: an overlay's style (OverlayStyle::toJson), or for the
// pipeline's own kinds ("color", "image", "text", "video") the layer keys of SceneJson.

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <optional>

namespace sb::studio {

struct SceneSource
{
    QString id; // unique within its scene
    QString kind;
    QString name;
    bool visible = true;
    bool locked = false; // a locked source cannot be moved or edited
    double opacity = 1.0;
    QJsonObject settings;

    QJsonObject toJson() const;
    static std::optional<SceneSource> fromJson(const QJsonObject& json, QString* error);
    friend bool operator==(const SceneSource&, const SceneSource&) = default;
};

struct SceneData
{
    QString name;
    QColor background{0x14, 0x0c, 0x1c};
    QList<SceneSource> sources; // bottom first

    int indexOf(const QString& sourceId) const;
    QJsonObject toJson() const;
    static std::optional<SceneData> fromJson(const QJsonObject& json, QString* error);
    friend bool operator==(const SceneData&, const SceneData&) = default;
};

class SceneCollection : public QObject
{
    Q_OBJECT

public:
    explicit SceneCollection(QObject* parent = nullptr);

    // The collection a first start gets: the layout of DESIGN.md ("Auction"), a "Starting soon"
    // scene and a "Be right back" scene.
    static QJsonObject defaultJson();

    QString name() const { return m_name; }
    QSize canvas() const { return m_canvas; }
    int sceneCount() const { return int(m_scenes.size()); }
    const SceneData& scene(int index) const { return m_scenes.at(index); }
    int currentScene() const { return m_current; }
    const SceneData& current() const { return m_scenes.at(m_current); }
    void setCurrentScene(int index);

    // Undoable edits. They return false (and change nothing) for an unknown scene or source, a
    // locked source, or a name that is taken.
    bool addScene(const QString& name);
    bool removeScene(int index); // the last scene cannot be removed
    bool renameScene(int index, const QString& name);
    // Adds on top; the id is made unique. Returns the id, or an empty string.
    QString addSource(int scene, SceneSource source);
    bool removeSource(int scene, const QString& id);
    bool moveSource(int scene, const QString& id, int newIndex);
    bool setSourceVisible(int scene, const QString& id, bool visible);
    bool setSourceLocked(int scene, const QString& id, bool locked); // allowed while locked
    bool renameSource(int scene, const QString& id, const QString& name);
    bool setSourceOpacity(int scene, const QString& id, double opacity);
    // Edits that share a non-empty mergeKey in a row become one undo step (a slider drag).
    bool setSourceSettings(int scene, const QString& id, const QJsonObject& settings,
                           const QString& mergeKey = {});

    QUndoStack* undoStack() { return &m_undo; }

    QJsonObject toJson() const;
    bool loadJson(const QJsonObject& json, QString* error); // replaces everything, clears undo
    bool load(const QString& path, QString* error); // a regular file of at most kMaxFileBytes
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
    bool save(const QString& path, QString* error) const; // atomic (QSaveFile)
    bool importFrom(const QString& path, QString* error) { return load(path, error); }
    bool exportTo(const QString& path, QString* error) const { return save(path, error); }

    // After each edit the collection is written here (debounced by autosaveDelayMs).
    void setAutosavePath(const QString& path, int autosaveDelayMs = 1000);
    QString autosavePath() const { return m_autosavePath; }
    bool flushAutosave(QString* error); // writes now if an autosave is pending

signals:
    void sceneChanged(int index); // a scene's content or name changed
    void scenesChanged();         // scenes added, removed or reloaded
    void currentSceneChanged(int index);
    void autosaveFailed(const QString& error);

private:
    friend class SceneEditCommand;
    friend class SceneListCommand;
    void replaceScene(int index, const SceneData& data); // no undo; used by the commands
    void replaceScenes(const QList<SceneData>& scenes, int current);
    bool pushSceneEdit(int scene, const SceneData& after, const QString& text,
                       const QString& mergeKey = {});
    // One source of a copy of the scene changed by `edit` (which returns the undo text), pushed
    // as one step. False for an unknown scene or source, or a locked one unless evenIfLocked.
    bool editSource(int scene, const QString& id, bool evenIfLocked,
                    const std::function<QString(SceneSource&)>& edit, const QString& mergeKey = {});
    void scheduleAutosave();

    QString m_name = QStringLiteral("Default");
    QSize m_canvas{1280, 720};
    QList<SceneData> m_scenes;
    int m_current = 0;
    QUndoStack m_undo;
    QString m_autosavePath;
    QTimer m_autosaveTimer;
};

} // namespace sb::studio
