#pragma once
// The show bound to one marathon: the auction state the overlays paint, the scene builder that
// turns a collection's scene into the render thread's Scene, and the host character, which hears
// every committed event (its moods) and is ticked with the overlays as frames pass. The window
// and headless broadcasting wire these pieces the same way through this class, so the program
// they compose from the same collection and the same engine state is the same picture.

#include "SceneCollection.h"

#include <QDir>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace sb::auction {
class EngineThread;
}
namespace sb::render {
class Scene;
}

namespace sb::studio {

class AuctionStateModel;
class HostOverlay;
class HostVoice;
class LineDirector;
class SceneBuilder;

class ShowScene : public QObject
{
    Q_OBJECT

public:
    // `engine` must outlive this object or be replaced with setEngine() first. Relative paths in
    // the collection's sources resolve against baseDir (the collection's folder). `demo` labels
    // the overlays as a demo.
    ShowScene(sb::auction::EngineThread& engine, bool demo, QDir baseDir,
              QObject* parent = nullptr);
    ~ShowScene() override;

    // Follows another engine (the demo replaced by a real marathon); overlays and host stay.
    void setEngine(sb::auction::EngineThread& engine, bool demo);

    // A source that cannot be built (a missing file) is left out and named in *problems.
    std::unique_ptr<sb::render::Scene> build(const SceneData& scene, QStringList* problems);

    // What passes with a frame: the snapshot's clock, the host's mood timers, and the overlays
    // that animate or count down are repainted.
    void tick();
    // Runs tick() at the output's frame rate until stop().
    void start(int fps = 30);
    void stop();

    AuctionStateModel& state() { return *m_state; }
    SceneBuilder& builder() { return *m_builder; }
    HostOverlay& host();
    // The host's lines (persona templates, one speech queue): each goes to her caption and to
    // the journal (host.line).
    LineDirector& lines() { return *m_lines; }
    // Her voice: the source to add to the pipeline's audio mixer; it speaks each line.
    HostVoice& voice() { return *m_voice; }

private:
    void bindHost();

    sb::auction::EngineThread* m_engine;
    std::unique_ptr<AuctionStateModel> m_state;
    std::unique_ptr<SceneBuilder> m_builder;
    std::unique_ptr<LineDirector> m_lines;
    std::unique_ptr<HostVoice> m_voice;
    QMetaObject::Connection m_hostEvents;
    QTimer m_frameTimer;
};

} // namespace sb::studio
