#include "StudioController.h"

#include "AuctionStateModel.h"
#include "BackupManager.h"
#include "DemoMarathon.h"
#include "HostOverlay.h"
#include "RecordingOutput.h"
#include "RtmpOutput.h"
#include "Scene.h"
#include "SceneBuilder.h"
#include "SceneCollection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

namespace sb::studio {

Q_LOGGING_CATEGORY(lcStudio, "sb.studio")

using namespace sb::auction;
using namespace sb::render;

namespace {

std::int64_t steadyMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed() + 1;
}

constexpr int kDemoDays = 30;
constexpr int kDemoWindowMinutes = 10;
constexpr std::int64_t kDemoLeadMs = 60'000; // the schedule card shows for a minute between
constexpr int kDemoBidIntervalMs = 2500;
constexpr int kTransitionMs = 300;

} // namespace

StudioController::StudioController(QString dataDir, QObject* parent)
    : QObject(parent), m_dataDir(std::move(dataDir))
{
    m_engineTimer.setInterval(100);
    connect(&m_engineTimer, &QTimer::timeout, this, &StudioController::onEngineTick);
    m_frameTimer.setInterval(33);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &StudioController::onFrameTick);
    m_bidTimer.setInterval(kDemoBidIntervalMs);
    connect(&m_bidTimer, &QTimer::timeout, this, &StudioController::onBidTimer);
    // Once a second, as headless: subscriber cursors, and the hourly backup when one is due.
    m_housekeepingTimer.setInterval(1000);
    connect(&m_housekeepingTimer, &QTimer::timeout, this, &StudioController::runHousekeeping);
}

StudioController::~StudioController()
{
    shutdown();
}

QString StudioController::databasePath() const
{
    return m_store.path();
}

QString StudioController::backupDirectory() const
{
    return m_backups ? m_backups->directory() : QString();
}

HostOverlay& StudioController::host()
{
    return m_builder->host();
}

bool StudioController::open(QString* error)
{
    QDir().mkpath(m_dataDir);
    const QString real = QDir(m_dataDir).filePath(QStringLiteral("marathon.db"));
    const bool hasReal = QFileInfo::exists(real);
    if (hasReal) {
        if (!openStore(real, false, nullptr, error))
            return false;
    } else {
        // A fresh demo on every start: the preview is alive at once and nothing is mistaken for
        // a real marathon.
        const QString demo = QDir(m_dataDir).filePath(QStringLiteral("demo.db"));
        {
            // Another studio on this data folder runs its demo on the file: never delete it.
            MarathonLock owner;
            if (!owner.tryLock(demo, error))
                return false;
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(demo + QLatin1String(suffix));
        }
        if (!openStore(demo, true, nullptr, error))
            return false;
    }

    m_scenes = std::make_unique<SceneCollection>();
    const QString scenesPath = QDir(m_dataDir).filePath(QStringLiteral("scenes/default.json"));
    QString sceneError;
    if (QFileInfo::exists(scenesPath) && !m_scenes->load(scenesPath, &sceneError)) {
        // A broken collection is kept aside, not overwritten: the operator may want it back.
        const QString aside = scenesPath + QStringLiteral(".broken");
        QFile::remove(aside);
        QFile::rename(scenesPath, aside);
        emit problem(
            tr("%1 The default scenes are used; the file was kept as %2.").arg(sceneError, aside));
    }
    m_scenes->setAutosavePath(scenesPath);
    // A full disk or a read-only folder: the operator hears of it; the scenes stay in memory.
    connect(m_scenes.get(), &SceneCollection::autosaveFailed, this, &StudioController::problem);
    connect(m_scenes.get(), &SceneCollection::sceneChanged, this, [this](int index) {
        if (index == m_scenes->currentScene())
            applyScene();
    });
    connect(m_scenes.get(), &SceneCollection::scenesChanged, this, &StudioController::applyScene);

    m_state = std::make_unique<AuctionStateModel>(*m_engine, m_demo);
    m_builder =
        std::make_unique<SceneBuilder>(*m_state, QDir(QFileInfo(scenesPath).absolutePath()));
    connect(m_state.get(), &AuctionStateModel::changed, this,
            [this] { m_builder->markAllDirty(); });
    // A host that starts in the middle of an auction knows it is open (and may grow thoughtful).
    m_builder->host().setAuctionOpen(m_state->snapshot()->isLive(), m_clock->nowUtcMs());

    m_engineTimer.start();
    m_frameTimer.start();
    m_housekeepingTimer.start();
    return true;
}

bool StudioController::openStore(const QString& path, bool demo, const MarathonConfig* config,
                                 QString* error)
{
    if (!m_store.open(path, error))
        return false;
    m_demo = demo;
    if (demo) {
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        auto clock = std::make_unique<ScaledClock>(now, now, 1);
        m_demoClock = clock.get();
        m_clock = std::move(clock);
    } else {
        m_demoClock = nullptr;
        m_clock = m_marathonClock ? m_marathonClock() : std::make_unique<SystemClock>();
    }
    m_engine = std::make_unique<AuctionEngine>(m_store, *m_clock);
    m_dispatcher = std::make_unique<EventDispatcher>(m_store, *m_clock);
    connect(m_engine.get(), &AuctionEngine::eventsCommitted, m_dispatcher.get(),
            &EventDispatcher::onEventsCommitted);
    connect(m_engine.get(), &AuctionEngine::eventsCommitted, this,
            [this](const QList<AuctionEvent>& events) {
                if (!m_builder)
                    return;
                for (const AuctionEvent& event : events)
                    m_builder->host().onEvent(event, m_clock->nowUtcMs());
            });

    QString loadError;
    if (m_store.loadMarathon(&loadError)) {
        const ActionResult loaded = m_engine->load();
        if (!loaded.ok) {
            *error = loaded.error;
            return false;
        }
    } else if (!loadError.isEmpty()) {
        *error = loadError;
        return false;
    } else {
        // Open at once: the demo's first window started a minute or two ago.
        const MarathonConfig made = config ? *config
                                           : DemoMarathon::config(m_clock->nowUtcMs() - 210'000,
                                                                  kDemoDays, kDemoWindowMinutes);
        const ActionResult created = m_engine->createMarathon(made);
        if (!created.ok) {
            *error = created.error;
            return false;
        }
    }
    m_backupError.clear();
    if (demo) {
        // Only a real marathon is backed up: the demo is made fresh on every start.
        m_backups.reset();
        m_bidders = std::make_unique<SimulatedBidders>(QRandomGenerator::global()->generate());
        m_bidTimer.start();
    } else {
        // Hourly, with headless's retention and folder (<db>.backups), on the marathon's clock.
        m_backups =
            std::make_unique<BackupManager>(m_store, *m_clock, path + QStringLiteral(".backups"));
        m_bidders.reset();
        m_bidTimer.stop();
    }
    qCInfo(lcStudio).noquote() << (demo ? "demo marathon in" : "marathon in") << path;
    return true;
}

void StudioController::closeStore()
{
    m_bidTimer.stop();
    if (m_dispatcher) {
        m_dispatcher->pump();
        QString error;
        m_dispatcher->saveCursors(&error);
    }
    m_backups.reset();
    m_dispatcher.reset();
    m_engine.reset();
    m_store.close();
}

bool StudioController::createMarathon(const MarathonConfig& config, QString* error)
{
    const QStringList problems = config.validate();
    if (!problems.isEmpty()) {
        *error = problems.join(u' ');
        return false;
    }
    const QString real = QDir(m_dataDir).filePath(QStringLiteral("marathon.db"));
    if (QFileInfo::exists(real) && !m_demo) {
        *error =
            tr("A marathon already runs from %1; it is never replaced from the studio.").arg(real);
        return false;
    }
    // The engine is replaced under the overlays: park them on the new one before the old goes.
    std::unique_ptr<AuctionEngine> oldEngine = std::move(m_engine);
    std::unique_ptr<EventDispatcher> oldDispatcher = std::move(m_dispatcher);
    std::unique_ptr<Clock> oldClock = std::move(m_clock);
    const QString demoPath = m_store.path();
    const bool realExisted = QFileInfo::exists(real);
    m_backups.reset();
    m_bidTimer.stop();
    m_store.close();
    if (!openStore(real, false, &config, error)) {
        m_store.close();
        // Only what this attempt made: a file that was there (perhaps another process's
        // marathon, which is why it could not be opened) is never deleted.
        if (!realExisted) {
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(real + QLatin1String(suffix));
        }
        // Back to the demo as it was: its engine still holds its state; the file is reopened.
        QString reopenError;
        if (!m_store.open(demoPath, &reopenError))
            emit problem(reopenError);
        m_engine = std::move(oldEngine);
        m_dispatcher = std::move(oldDispatcher);
        m_clock = std::move(oldClock);
        m_demo = true;
        m_demoClock = dynamic_cast<ScaledClock*>(m_clock.get());
        if (m_bidders)
            m_bidTimer.start();
        return false;
    }
    m_state->setEngine(*m_engine, false);
    oldDispatcher.reset();
    oldEngine.reset();
    emit marathonReplaced();
    return true;
}

bool StudioController::startPipeline(const BroadcastSettings& settings, QOpenGLContext* share,
                                     QString* error)
{
    m_broadcastSettings = settings;
    m_shareContext = share;
    m_pipeline = std::make_unique<BroadcastPipeline>(settings);
    m_pipeline->setPreviewShareContext(share);
    QStringList problems;
    m_pipeline->setScene(m_builder->build(m_scenes->current(), &problems));
    if (!problems.isEmpty())
        emit sceneProblems(problems);
    connect(m_pipeline.get(), &BroadcastPipeline::fatalError, this, [this](const QString& message) {
        emit problem(tr("The program cannot be rendered: %1").arg(message));
    });
    if (!m_pipeline->start(error)) {
        m_pipeline.reset();
        return false;
    }
    return true;
}

bool StudioController::applyBroadcastSettings(const BroadcastSettings& settings, QString* error)
{
    if (isStreaming() || isRecording()) {
        *error = tr("Stop streaming and recording before changing the video settings.");
        return false;
    }
    if (m_pipeline) {
        m_pipeline->stop();
        m_pipeline.reset();
        return startPipeline(settings, m_shareContext, error);
    }
    m_broadcastSettings = settings;
    return true;
}

void StudioController::shutdown()
{
    m_engineTimer.stop();
    m_frameTimer.stop();
    m_housekeepingTimer.stop();
    if (m_pipeline) {
        stopStreaming();
        stopRecording();
        m_pipeline->stop();
        m_pipeline.reset();
    }
    if (m_scenes) {
        QString error;
        if (!m_scenes->flushAutosave(&error))
            qCWarning(lcStudio).noquote() << error;
    }
    if (m_engine)
        closeStore();
}

bool StudioController::startStreaming(const QList<StreamDestination>& destinations, QString* error)
{
    if (!m_pipeline) {
        *error = tr("The program is not rendering.");
        return false;
    }
    if (isStreaming())
        return true;
    if (destinations.isEmpty()) {
        *error = tr("No destination is enabled: add one in Settings → Stream.");
        return false;
    }
    for (const StreamDestination& destination : destinations) {
        if (!destination.url.startsWith(QLatin1String("rtmp://")) &&
            !destination.url.startsWith(QLatin1String("rtmps://"))) {
            *error = tr("\"%1\" is not an rtmp:// or rtmps:// address.").arg(destination.name);
            return false;
        }
    }
    for (const StreamDestination& destination : destinations) {
        RtmpOutputSettings rtmp;
        rtmp.name = destination.name;
        rtmp.url = destination.url;
        auto output = std::make_unique<RtmpOutput>(rtmp);
        Output* raw = output.get();
        if (!m_pipeline->attachOutput(std::move(output), error)) {
            stopStreaming();
            return false;
        }
        m_streamOutputs.append(raw);
    }
    if (m_liveSinceMs == 0)
        m_liveSinceMs = steadyMs();
    emit streamingChanged(true);
    return true;
}

void StudioController::stopStreaming()
{
    if (m_streamOutputs.isEmpty())
        return;
    for (Output* output : std::as_const(m_streamOutputs))
        m_pipeline->detachOutput(output);
    m_streamOutputs.clear();
    m_liveSinceMs = 0;
    emit streamingChanged(false);
}

bool StudioController::startRecording(const QString& path, QString* error)
{
    if (!m_pipeline) {
        *error = tr("The program is not rendering.");
        return false;
    }
    if (isRecording())
        return true;
    const QFileInfo file(path);
    if (!file.absoluteDir().exists() && !QDir().mkpath(file.absolutePath())) {
        *error = tr("Cannot create the recording folder %1.").arg(file.absolutePath());
        return false;
    }
    const RecordingOutputSettings recording = RecordingOutputSettings::forFile(path);
    auto output = std::make_unique<RecordingOutput>(recording);
    Output* raw = output.get();
    if (!m_pipeline->attachOutput(std::move(output), error))
        return false;
    m_recording = raw;
    m_recordingPath = file.absoluteFilePath();
    emit recordingChanged(true);
    return true;
}

void StudioController::stopRecording()
{
    if (!m_recording)
        return;
    m_pipeline->detachOutput(m_recording); // finalizes (and remuxes) before returning
    m_recording = nullptr;
    emit recordingChanged(false);
}

BroadcastStats StudioController::stats() const
{
    return m_pipeline ? m_pipeline->stats() : BroadcastStats{};
}

void StudioController::switchScene(int index)
{
    if (index < 0 || index >= m_scenes->sceneCount() || index == m_scenes->currentScene())
        return;
    // setCurrentScene would rebuild through applyScene; a switch goes through a fade instead.
    QSignalBlocker block(m_scenes.get());
    m_scenes->setCurrentScene(index);
    block.unblock();
    if (m_pipeline) {
        QStringList problems;
        Transition fade;
        fade.type = Transition::Type::Fade;
        fade.durationMs = kTransitionMs;
        m_pipeline->switchScene(m_builder->build(m_scenes->current(), &problems), fade);
        if (!problems.isEmpty())
            emit sceneProblems(problems);
    }
    emit m_scenes->currentSceneChanged(index);
}

void StudioController::applyScene()
{
    if (!m_pipeline || !m_builder)
        return;
    QStringList problems;
    m_pipeline->setScene(m_builder->build(m_scenes->current(), &problems));
    if (!problems.isEmpty())
        emit sceneProblems(problems);
}

BidOutcome StudioController::submitManualBid(const QString& bidder, const QString& text)
{
    BidInput input;
    input.source = QStringLiteral("manual");
    input.bidderId = QStringLiteral("manual:") + bidder.trimmed().toLower();
    input.bidderName = bidder.trimmed();
    input.text = text;
    // An amount typed by the operator skips the post grammar (no hashtag, no thread needed).
    QString amountText = text.trimmed();
    if (amountText.endsWith(QLatin1String("eth"), Qt::CaseInsensitive))
        amountText = amountText.chopped(3).trimmed();
    if (const Gwei::ParseResult parsed = Gwei::parseEth(amountText); parsed.ok())
        input.amount = parsed.amount;
    // The operator vouches for a bidder from another channel: no account age to check.
    input.accountCreatedMs = m_clock->nowUtcMs() - std::int64_t(10) * 365 * 86'400'000;
    input.hasLinkedWallet = true;
    const BidOutcome outcome = m_engine->submitBid(input);
    m_dispatcher->pump();
    return outcome;
}

void StudioController::setSimulatedBidders(bool on)
{
    if (on && m_bidders)
        m_bidTimer.start();
    else
        m_bidTimer.stop();
}

void StudioController::onEngineTick()
{
    if (!m_engine)
        return;
    const ActionResult ticked = m_engine->tick();
    if (!ticked.ok)
        emit problem(ticked.error);
    if (m_demo) {
        if (const QString settleError = DemoMarathon::settleWinners(*m_engine);
            !settleError.isEmpty())
            emit problem(settleError);
        skipDemoIdleTime();
    }
    m_dispatcher->pump();
}

void StudioController::runHousekeeping()
{
    QString error;
    if (m_dispatcher && !m_dispatcher->saveCursors(&error))
        emit problem(error);
    if (!m_backups)
        return;
    // A failed backup is retried a minute later and reported on every tick until it works (the
    // status bar keeps showing it); the marathon goes on either way.
    if (!m_backups->runIfDue(&error)) {
        if (error != m_backupError)
            qCWarning(lcStudio).noquote() << "backup of" << m_store.path() << "into"
                                          << m_backups->directory() << "failed:" << error;
        m_backupError = error;
        emit problem(tr("Backup failed: %1").arg(error));
    } else if (!m_backupError.isEmpty()) {
        qCInfo(lcStudio).noquote() << "backups into" << m_backups->directory() << "work again";
        m_backupError.clear();
    }
}

void StudioController::skipDemoIdleTime()
{
    if (!m_demoClock)
        return;
    if (const auto target =
            DemoMarathon::idleSkipTarget(*m_engine, m_clock->nowUtcMs(), kDemoLeadMs)) {
        m_demoClock->jumpTo(*target);
        m_state->refresh();
    }
}

void StudioController::onFrameTick()
{
    if (!m_state)
        return;
    const bool newSecond = m_state->advanceClock();
    m_builder->host().tick(m_clock->nowUtcMs());
    m_builder->tick(newSecond);
}

void StudioController::onBidTimer()
{
    if (!m_bidders || !m_engine)
        return;
    const auto index = m_engine->currentAuctionIndex();
    if (!index || !m_engine->auctions()[*index].isOpenForBids())
        return;
    const auto leader = m_engine->leaderBid(*index);
    m_engine->submitBid(m_bidders->nextBid(leader ? std::optional(leader->amount) : std::nullopt,
                                           m_engine->minimumNextBid(*index), m_clock->nowUtcMs()));
    m_dispatcher->pump();
}

} // namespace sb::studio
