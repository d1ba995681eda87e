#include "ShowScene.h"

#include "AuctionStateModel.h"
#include "EngineThread.h"
#include "HostOverlay.h"
#include "HostVoice.h"
#include "LineDirector.h"
#include "Scene.h"
#include "SceneBuilder.h"

#include <algorithm>

namespace sb::studio {

using namespace sb::auction;

ShowScene::ShowScene(EngineThread& engine, bool demo, QDir baseDir, QObject* parent)
    : QObject(parent), m_engine(&engine),
      m_state(std::make_unique<AuctionStateModel>(engine, demo)),
      m_builder(std::make_unique<SceneBuilder>(*m_state, std::move(baseDir))),
      m_lines(std::make_unique<LineDirector>()), m_voice(std::make_unique<HostVoice>())
{
    // Each line the host says shows as her caption and is journaled, on the engine's thread.
    connect(m_lines.get(), &LineDirector::lineReady, this, [this](const HostLine& line) {
        host().say(line.text, m_engine->clock().nowUtcMs());
        m_voice->say(line.text);
        m_engine->post([payload = line.toJournalPayload()](MarathonSession& s) {
            if (const ActionResult r = s.engine().recordHostLine(payload); !r.ok)
                qWarning("host line not journaled: %s", qPrintable(r.error));
        });
    });
    connect(m_state.get(), &AuctionStateModel::changed, this,
            [this] { m_builder->markAllDirty(); });
    bindHost();
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &ShowScene::tick);
}

ShowScene::~ShowScene() = default;

HostOverlay& ShowScene::host()
{
    return m_builder->host();
}

void ShowScene::bindHost()
{
    disconnect(m_hostEvents);
    m_hostEvents = connect(m_engine, &EngineThread::eventsCommitted, this,
                           [this](const QList<AuctionEvent>& events) {
                               const std::int64_t now = m_engine->clock().nowUtcMs();
                               for (const AuctionEvent& event : events)
                                   host().onEvent(event, now);
                               m_lines->onEvents(events, now);
                           });
    // A host that starts in the middle of an auction knows it is open (and may grow thoughtful).
    const std::int64_t now = m_engine->clock().nowUtcMs();
    host().setAuctionOpen(m_state->snapshot()->isLive(), now);
    const EngineView& view = m_engine->view();
    const AuctionDay* open = nullptr;
    for (const AuctionDay& a : view.auctions) {
        if (view.currentAuction && a.index == *view.currentAuction && a.state == DayState::Active)
            open = &a;
    }
    if (open)
        m_lines->setOpenAuction(open->index, open->lot + 1, open->endUtcMs, now);
    else
        m_lines->setOpenAuction(-1, 0, 0, now);
}

void ShowScene::setEngine(EngineThread& engine, bool demo)
{
    m_engine = &engine;
    m_state->setEngine(engine, demo);
    bindHost();
}

std::unique_ptr<sb::render::Scene> ShowScene::build(const SceneData& scene, QStringList* problems)
{
    return m_builder->build(scene, problems);
}

void ShowScene::tick()
{
    const bool newSecond = m_state->advanceClock();
    host().tick(m_engine->clock().nowUtcMs());
    m_lines->tick(m_engine->clock().nowUtcMs());
    m_builder->tick(newSecond);
}

void ShowScene::start(int fps)
{
    m_frameTimer.start(std::max(1, 1000 / std::max(1, fps)));
}

void ShowScene::stop()
{
    m_frameTimer.stop();
}

} // namespace sb::studio
