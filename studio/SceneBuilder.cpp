#include "SceneBuilder.h"

#include "AuctionStateModel.h"
#include "HostOverlay.h"
#include "PaintedSource.h"
#include "Scene.h"
#include "SceneJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb::studio {

using namespace sb::render;

SceneBuilder::SceneBuilder(AuctionStateModel& model, QDir baseDir)
    : m_model(model), m_baseDir(std::move(baseDir)), m_host(std::make_shared<HostOverlay>())
{}

SceneBuilder::~SceneBuilder() = default;

bool SceneBuilder::makeEntry(const SceneSource& source, Entry* entry, QString* problem)
{
    entry->kind = source.kind;
    entry->settings = source.settings;
    std::shared_ptr<Overlay> overlay;
    if (source.kind == QLatin1String("host"))
        overlay = m_host;
    else if (overlayKinds().contains(source.kind))
        overlay = std::shared_ptr<Overlay>(createOverlay(source.kind).release());
    if (overlay) {
        const OverlayStyle style = OverlayStyle::fromJson(source.settings, overlay->defaultStyle());
        overlay->setStyle(style);
        entry->overlay = overlay;
        AuctionStateModel* model = &m_model;
        Overlay* raw = overlay.get();
        entry->painted = std::make_shared<PaintedSource>(
            style.geometry.size(), [model, raw](QPainter& painter, QSize size) {
                raw->paint(painter, size, *model->snapshot());
            });
        entry->source = entry->painted;
        return true;
    }
    // The pipeline's own kinds: one layer parsed the way --scene files are.
    QJsonObject layer = source.settings;
    layer.insert(QStringLiteral("id"), source.id);
    layer.insert(QStringLiteral("type"), source.kind);
    const QJsonObject json{{QStringLiteral("layers"), QJsonArray{layer}}};
    const auto description =
        SceneJson::parse(QJsonDocument(json).toJson(QJsonDocument::Compact), m_baseDir, problem);
    if (!description || description->scene.layers().empty())
        return false;
    entry->layerTemplate = description->scene.layers().front();
    entry->source = entry->layerTemplate.source;
    return true;
}

std::unique_ptr<Scene> SceneBuilder::build(const SceneData& data, QStringList* problems)
{
    auto scene = std::make_unique<Scene>();
    scene->setBackground(data.background);
    for (const SceneSource& source : data.sources) {
        const QString key = data.name + QLatin1Char('/') + source.id;
        auto it = m_entries.find(key);
        if (it != m_entries.end() && it->kind == source.kind && it->settings != source.settings &&
            it->overlay) {
            // A restyled overlay keeps its state; only its look and size change.
            const OverlayStyle style =
                OverlayStyle::fromJson(source.settings, it->overlay->defaultStyle());
            it->overlay->setStyle(style);
            it->painted->setSize(style.geometry.size());
            it->settings = source.settings;
        } else if (it == m_entries.end() || it->kind != source.kind ||
                   it->settings != source.settings) {
            Entry entry;
            QString problem;
            if (!makeEntry(source, &entry, &problem)) {
                problems->append(QCoreApplication::translate("sb::studio::SceneBuilder",
                                                             "\"%1\" is not shown: %2")
                                     .arg(source.name, problem));
                m_entries.remove(key);
                continue;
            }
            it = m_entries.insert(key, std::move(entry));
        }
        Layer layer;
        if (it->overlay) {
            const OverlayStyle style = it->overlay->style();
            layer.kind = LayerKind::Painted;
            layer.transform.x = style.geometry.x();
            layer.transform.y = style.geometry.y();
        } else {
            layer = it->layerTemplate;
        }
        layer.id = source.id;
        layer.source = it->source;
        layer.visible = source.visible;
        layer.opacity = source.opacity * (it->overlay ? 1.0 : it->layerTemplate.opacity);
        scene->addLayer(std::move(layer));
    }
    return scene;
}

std::shared_ptr<Overlay> SceneBuilder::overlay(const QString& sceneName,
                                               const QString& sourceId) const
{
    const auto it = m_entries.constFind(sceneName + QLatin1Char('/') + sourceId);
    return it == m_entries.constEnd() ? nullptr : it->overlay;
}

void SceneBuilder::markAllDirty()
{
    const std::shared_ptr<const AuctionSnapshot> snapshot = m_model.snapshot();
    for (Entry& entry : m_entries) {
        if (!entry.painted)
            continue;
        // Compared with what was last asked for, on this thread: the repaint that request caused
        // reads a snapshot at least as new, so a picture whose key did not move is already right.
        QString key = entry.overlay->pictureKey(*snapshot);
        if (!key.isEmpty() && key == entry.pictureKey)
            continue;
        entry.pictureKey = std::move(key);
        entry.painted->markDirty();
    }
}

void SceneBuilder::tick(bool newSecond)
{
    const std::shared_ptr<const AuctionSnapshot> snapshot = m_model.snapshot();
    // Asked once per overlay and tick: the host is one overlay shown by every scene's host
    // source, and says whether its picture moved since it was last asked.
    QHash<const Overlay*, bool> animating;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (!entry.painted)
            continue;
        auto known = animating.constFind(entry.overlay.get());
        if (known == animating.constEnd())
            known = animating.insert(entry.overlay.get(), entry.overlay->isAnimating(*snapshot));
        if (*known || (newSecond && entry.overlay->ticksEverySecond()))
            entry.painted->markDirty();
    }
}

} // namespace sb::studio
