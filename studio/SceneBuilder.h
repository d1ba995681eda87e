#pragma once
// Turns a scene of the collection into the render thread's Scene: the pipeline's own kinds
// (colour, image, text, video) through SceneJson, the overlays and the host as painted layers
// that paint the auction snapshot. Sources are kept between builds, so an edit does not reload
// an image or restart a video, and an overlay keeps its animation state.

#include "Overlay.h"
#include "SceneCollection.h"

#include "Layer.h"

#include <QDir>
#include <QHash>

#include <functional>
#include <memory>

namespace sb::render {
class LayerSource;
class PaintedSource;
class Scene;
} // namespace sb::render

namespace sb::studio {

class AuctionStateModel;
class HostOverlay;

class SceneBuilder
{
public:
    // Relative paths in sources resolve against baseDir (the collection's folder).
    SceneBuilder(AuctionStateModel& model, QDir baseDir);
    ~SceneBuilder();

    // A source that cannot be built (a missing file) is left out and named in *problems.
    std::unique_ptr<sb::render::Scene> build(const SceneData& scene, QStringList* problems);

    // The host character every "host" source shows (one character, whatever the scene).
    HostOverlay& host() { return *m_host; }
    // The overlay drawn for a source of the last builds, or null.
    std::shared_ptr<Overlay> overlay(const QString& sceneName, const QString& sourceId) const;

    // GUI thread: repaint overlays after the auction changed (all whose picture may differ), or
    // as time passes (the ones animating, and on a new second the ones showing a countdown).
    void markAllDirty();
    void tick(bool newSecond);

private:
    struct Entry
    {
        QString kind;
        QJsonObject settings;
        std::shared_ptr<Overlay> overlay; // for overlay kinds
        std::shared_ptr<sb::render::PaintedSource> painted;
        QString pictureKey; // the overlay's pictureKey() at the last repaint asked for
        std::shared_ptr<sb::render::LayerSource> source; // what the layer shows
        sb::render::Layer layerTemplate;                 // for the pipeline's kinds
    };
    bool makeEntry(const SceneSource& source, Entry* entry, QString* problem);

    AuctionStateModel& m_model;
    QDir m_baseDir;
    std::shared_ptr<HostOverlay> m_host;
    QHash<QString, Entry> m_entries; // "scene/source id"
};

} // namespace sb::studio
