#pragma once
// Ties the studio together without widgets: the marathon (a real one from the data folder, or a
// labelled demo with simulated bidders on first start), the auction state the overlays draw, the
// scene collection and the broadcast pipeline that previews, streams and records it. The main
// window and the tests drive the studio through this class.

#include "BroadcastPipeline.h"
#include "EngineThread.h"
#include "ShowScene.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QOpenGLContext;

namespace sb::render {
class Output;
}

namespace sb::studio {

class AuctionStateModel;
class HostOverlay;
class SceneBuilder;
class SceneCollection;

struct StreamDestination
{
    QString name;
    QString url; // with the stream key appended; never logged as is
};

class StudioController : public QObject
{
    Q_OBJECT

public:
    using ClockFactory = std::function<std::unique_ptr<sb::auction::Clock>()>;

    // dataDir holds marathon.db (a real marathon), demo.db, scenes/ and marathon.db.backups/.
    explicit StudioController(QString dataDir, QObject* parent = nullptr);
    ~StudioController() override;

    // The clock a real marathon runs on: the system clock unless this is set before open() or
    // createMarathon() (tests pass a virtual clock to see an hour pass without waiting for it).
    void setMarathonClockFactory(ClockFactory factory) { m_marathonClock = std::move(factory); }

    // Opens the real marathon when the data folder has one, else starts a fresh demo.
    bool open(QString* error);
    // Replaces the demo (or nothing) with a real marathon made from `config`.
    bool createMarathon(const sb::auction::MarathonConfig& config, QString* error);
    bool isDemo() const { return m_demo; }
    QString databasePath() const;
    // Where the hourly snapshots of a real marathon go (as headless: <db>.backups); empty for the
    // demo, which is made fresh on every start and never backed up.
    QString backupDirectory() const;

    // Starts rendering the program (the preview). `share` is the preview widget's context.
    bool startPipeline(const sb::render::BroadcastSettings& settings, QOpenGLContext* share,
                       QString* error);
    // Restarts the pipeline with new video settings (not while streaming or recording).
    bool applyBroadcastSettings(const sb::render::BroadcastSettings& settings, QString* error);
    sb::render::BroadcastSettings broadcastSettings() const { return m_broadcastSettings; }
    void shutdown(); // stops outputs and the pipeline, saves cursors; idempotent

    bool startStreaming(const QList<StreamDestination>& destinations, QString* error);
    void stopStreaming();
    bool isStreaming() const { return !m_streamOutputs.isEmpty(); }
    bool startRecording(const QString& path, QString* error); // .mkv, or .mp4 remuxed at the end
    void stopRecording();
    bool isRecording() const { return m_recording != nullptr; }
    // Stopped, but the file is still being finalized (and remuxed): see recordingFinished().
    bool isFinishingRecording() const { return m_finishingRecording; }
    QString recordingPath() const { return m_recordingPath; }
    std::int64_t liveSinceMs() const { return m_liveSinceMs; } // steady ms; 0 when not live
    sb::render::BroadcastStats stats() const;

    // Switches the program to another scene of the collection with a short fade.
    void switchScene(int index);

    // A bid typed by the operator (bids from other channels) as the engine takes it.
    sb::auction::BidInput manualBid(const QString& bidder, const QString& text) const;
    // Submits it through the intake, as every bid; `done` hears the verdict on this thread once
    // it is durable (unless `context` is gone).
    void submitManualBid(const QString& bidder, const QString& text, QObject* context,
                         std::function<void(const sb::auction::BidOutcome&)> done);

    // What the session's own timer runs once a second (as headless): saves the subscribers'
    // cursors and, for a real marathon, takes the hourly backup when one is due. Queued to the
    // engine's thread. A failure is reported through problem(); nothing stops.
    void runHousekeeping();

    // Writes bids.csv and results.csv into `directory` from a read-only connection on a thread
    // of its own; exportFinished() says how it went.
    void exportCsv(const QString& directory);

    // The demo's simulated bidders (on by default in a demo).
    void setSimulatedBidders(bool on);
    bool simulatedBidders() const { return m_simulatedBidders; }

    // The marathon session on the engine's thread (store, engine, journal, backups, intake),
    // shared with headless. The window reads its state from session().view() and queued calls.
    sb::auction::EngineThread& session() { return *m_session; }
    const sb::auction::Clock& clock() const { return m_session->clock(); }
    AuctionStateModel& state() { return m_show->state(); }
    SceneCollection& scenes() { return *m_scenes; }
    SceneBuilder& builder() { return m_show->builder(); }
    HostOverlay& host();
    LineDirector& hostLines() { return m_show->lines(); }
    // The show itself: the host's LLM, VTube Studio and Settings → Host (applyHostSettings).
    ShowScene& show() { return *m_show; }
    sb::render::BroadcastPipeline* pipeline() { return m_pipeline.get(); }

signals:
    void marathonAboutToBeReplaced(); // the new one is open; the old one stops after this
    void marathonReplaced();          // a new session: views follow session()
    void streamingChanged(bool streaming);
    void recordingChanged(bool recording);
    void recordingFinished(const QString& path); // the stopped recording's file is complete
    void outputFinished();                       // a stopped output has closed
    void problem(const QString& message);        // for the status bar and the event log
    void exportFinished(bool ok, const QString& message);
    void sceneProblems(const QStringList& problems);

private:
    std::unique_ptr<sb::auction::EngineThread>
    openSession(const QString& path, bool demo, const sb::auction::MarathonConfig* config,
                QString* error);
    void applyScene();

    QString m_dataDir;
    ClockFactory m_marathonClock;
    bool m_demo = false;
    std::unique_ptr<sb::auction::EngineThread> m_session;
    bool m_simulatedBidders = false;
    std::unique_ptr<QThread> m_exportThread;
    std::unique_ptr<ShowScene> m_show; // the overlays, builder and host bound to the engine
    std::unique_ptr<SceneCollection> m_scenes;
    sb::render::BroadcastSettings m_broadcastSettings;
    QOpenGLContext* m_shareContext = nullptr;
    std::unique_ptr<sb::render::BroadcastPipeline> m_pipeline;
    QList<sb::render::Output*> m_streamOutputs; // owned by the pipeline
    sb::render::Output* m_recording = nullptr;
    bool m_finishingRecording = false;
    QString m_recordingPath;
    std::int64_t m_liveSinceMs = 0;
};

} // namespace sb::studio
