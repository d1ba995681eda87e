#include "StudioController.h"

#include "AuctionStateModel.h"
#include "AudioMixer.h"
#include "CsvExporter.h"
#include "DemoMarathon.h"
#include "HostOverlay.h"
#include "HostVoice.h"
#include "RecordingOutput.h"
#include "RtmpOutput.h"
#include "Scene.h"
#include "SceneBuilder.h"
#include "SceneCollection.h"
#include "ShowScene.h"
#include "SqlThreadGuard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

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
    // The thread that makes the studio is the window's: it never waits on SQLite.
    SqlThreadGuard::forbid(QThread::currentThread());
}

StudioController::~StudioController()
{
    shutdown();
    if (m_exportThread)
        m_exportThread->wait(); // a file half written would look like a finished export
    SqlThreadGuard::forbid(nullptr);
}

QString StudioController::databasePath() const
{
    return m_session ? m_session->options().dbPath : QString();
}

QString StudioController::backupDirectory() const
{
    return m_session ? m_session->options().backupDir : QString();
}

HostOverlay& StudioController::host()
{
    return m_show->host();
}

bool StudioController::open(QString* error)
{
    QDir().mkpath(m_dataDir);
    const QString real = QDir(m_dataDir).filePath(QStringLiteral("marathon.db"));
    const bool hasReal = QFileInfo::exists(real);
    if (hasReal) {
        m_session = openSession(real, false, nullptr, error);
        if (!m_session)
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
        m_session = openSession(demo, true, nullptr, error);
        if (!m_session)
            return false;
    }
    m_demo = !hasReal;

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

    // The overlays, the builder and the host, wired as headless wires them (ShowScene).
    m_show =
        std::make_unique<ShowScene>(*m_session, m_demo, QDir(QFileInfo(scenesPath).absolutePath()));
    m_session->start();
    m_simulatedBidders = m_demo;
    m_show->start(30);
    return true;
}

std::unique_ptr<EngineThread> StudioController::openSession(const QString& path, bool demo,
                                                            const MarathonConfig* config,
                                                            QString* error)
{
    MarathonSessionOptions options;
    options.dbPath = path;
    options.demo = demo;
    // Only a real marathon is backed up (hourly, as headless: <db>.backups, on its clock); the
    // demo is made fresh on every start.
    options.backupDir = demo ? QString() : path + QStringLiteral(".backups");
    options.tickIntervalMs = 100;
    options.demoIdleLeadMs = kDemoLeadMs;
    options.demoBidIntervalMs = demo ? kDemoBidIntervalMs : 0;
    auto session = std::make_unique<EngineThread>(options);
    const auto makeClock = [this, demo](AuctionStore& store, QString* clockError) {
        if (demo)
            return MarathonSession::demoClock(store, 1, clockError);
        return m_marathonClock ? m_marathonClock() : std::unique_ptr<Clock>(new SystemClock);
    };
    const auto makeConfig = [config](const Clock& clock, QString*) {
        // The demo opens at once: its first window started a few minutes ago.
        return std::optional<MarathonConfig>(
            config
                ? *config
                : DemoMarathon::config(clock.nowUtcMs() - 210'000, kDemoDays, kDemoWindowMinutes));
    };
    if (!session->open(makeClock, makeConfig, nullptr, error))
        return nullptr;
    EngineThread* raw = session.get();
    connect(raw, &EngineThread::problem, this, &StudioController::problem);
    connect(raw, &EngineThread::idleSkipped, this, [this] {
        if (m_show)
            m_show->state().refresh();
    });
    qCInfo(lcStudio).noquote() << (demo ? "demo marathon in" : "marathon in") << path;
    return session;
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
    // The demo runs on until the real marathon is open (another file, another lock); if that
    // fails nothing changed.
    const bool realExisted = QFileInfo::exists(real);
    std::unique_ptr<EngineThread> session = openSession(real, false, &config, error);
    if (!session) {
        // Only what this attempt made: a file that was there (perhaps another process's
        // marathon, which is why it could not be opened) is never deleted.
        if (!realExisted) {
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(real + QLatin1String(suffix));
        }
        return false;
    }
    emit marathonAboutToBeReplaced();
    // The engine is replaced under the overlays: park them on the new one before the old goes.
    std::unique_ptr<EngineThread> old = std::exchange(m_session, std::move(session));
    m_demo = false;
    m_show->setEngine(*m_session, false);
    old->stop();
    old.reset();
    m_session->start();
    m_simulatedBidders = false;
    emit marathonReplaced();
    return true;
}

bool StudioController::startPipeline(const BroadcastSettings& settings, QOpenGLContext* share,
                                     QString* error)
{
    m_broadcastSettings = settings;
    m_shareContext = share;
    m_pipeline = std::make_unique<BroadcastPipeline>(settings);
    m_show->attachAudio(m_pipeline->audioMixer()); // the host's voice and the show's sounds
    m_pipeline->setPreviewShareContext(share);
    QStringList problems;
    m_pipeline->setScene(m_show->build(m_scenes->current(), &problems));
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
    if (m_show)
        m_show->stop();
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
    if (m_session)
        m_session->stop();
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
    // Each destination closes on a thread of its own (one that never answers can take seconds):
    // the window goes on at once.
    for (Output* output : std::as_const(m_streamOutputs))
        m_pipeline->detachOutputInBackground(output, this, [this] { emit outputFinished(); });
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
    if (QString why; !recording.canCreateFile(&why)) {
        *error = tr("Cannot record to %1: %2.").arg(QDir::toNativeSeparators(path), why);
        return false;
    }
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
    // Finalized (and remuxed to MP4) on a thread of its own; recordingFinished() says when the
    // file at recordingPath() is complete.
    m_finishingRecording = true;
    m_pipeline->detachOutputInBackground(m_recording, this, [this] {
        m_finishingRecording = false;
        emit outputFinished();
        emit recordingFinished(m_recordingPath);
    });
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
        m_pipeline->switchScene(m_show->build(m_scenes->current(), &problems), fade);
        if (!problems.isEmpty())
            emit sceneProblems(problems);
    }
    emit m_scenes->currentSceneChanged(index);
}

void StudioController::applyScene()
{
    if (!m_pipeline || !m_show)
        return;
    QStringList problems;
    m_pipeline->setScene(m_show->build(m_scenes->current(), &problems));
    if (!problems.isEmpty())
        emit sceneProblems(problems);
}

BidInput StudioController::manualBid(const QString& bidder, const QString& text) const
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
    input.accountCreatedMs = clock().nowUtcMs() - std::int64_t(10) * 365 * 86'400'000;
    input.hasLinkedWallet = true;
    return input;
}

void StudioController::submitManualBid(const QString& bidder, const QString& text, QObject* context,
                                       std::function<void(const BidOutcome&)> done)
{
    m_session->submitBids({manualBid(bidder, text)}, context,
                          [done = std::move(done)](const QList<BidOutcome>& outcomes) {
                              if (done)
                                  done(outcomes.constFirst());
                          });
}

void StudioController::setSimulatedBidders(bool on)
{
    m_simulatedBidders = on && m_demo;
    m_session->post([on](MarathonSession& session) { session.setSimulatedBidders(on); });
}

void StudioController::runHousekeeping()
{
    m_session->post([](MarathonSession& session) { session.runHousekeeping(); });
}

void StudioController::exportCsv(const QString& directory)
{
    if (m_exportThread) {
        emit exportFinished(false, tr("An export is already being written."));
        return;
    }
    // A read-only connection of its own (WAL lets it read beside the engine): a large marathon
    // takes seconds to write out, and neither the bids nor the window wait for it.
    const QString dbPath = databasePath();
    auto outcome = std::make_shared<std::pair<bool, QString>>(false, QString());
    m_exportThread.reset(QThread::create([dbPath, directory, outcome] {
        AuctionStore reader;
        QString why;
        bool ok = reader.openReadOnly(dbPath, &why);
        if (ok)
            ok = CsvExporter::exportAll(reader, directory, &why);
        *outcome = {ok, why};
    }));
    connect(m_exportThread.get(), &QThread::finished, this, [this, directory, outcome] {
        m_exportThread->wait();
        m_exportThread.reset();
        emit exportFinished(outcome->first,
                            outcome->first ? tr("Bids and results exported to %1").arg(directory)
                                           : outcome->second);
    });
    m_exportThread->start(QThread::LowPriority);
}

} // namespace sb::studio
