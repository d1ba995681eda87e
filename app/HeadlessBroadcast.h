#pragma once
// `--headless` with --scene/--scenes/--stream/--record: composes a scene and broadcasts it without
// a window — to any number of RTMP/RTMPS destinations and a recording — printing stats as JSON
// lines with --stats. With a marathon (--demo, --db) it broadcasts the show the window does: the
// current scene of a scene collection (the data folder's, or --scenes FILE), its overlays and the
// host bound to the marathon's session. --scene FILE composes a plain render scene instead.

#include "BroadcastPipeline.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace sb::auction {
class EngineThread;
}
namespace sb::render {
class Scene;
class TextSource;
} // namespace sb::render
namespace sb::studio {
class SceneCollection;
class ShowScene;
} // namespace sb::studio

namespace sb::app {

struct BroadcastOptions
{
    QString scenePath; // --scene: a plain render scene (JSON); empty: the show, or a title card
    // --scenes: a scene collection as the window saves and exports it; empty: the data folder's
    // scenes/default.json, else the default collection. Used with a marathon only.
    QString scenesPath;
    QString dataDir;           // the studio's data folder, as for the window
    bool demoMarathon = false; // the marathon is the labelled demo: the overlays say so
    QStringList streams;       // rtmp:// or rtmps:// URLs, the key as the last path segment
    // --stream-key-file: one per stream, in order; readStreamKeys() appends each key to its URL
    // (a key on the command line is readable by every local user in /proc/PID/cmdline).
    QStringList streamKeyFiles;
    QString recordPath; // .mkv (remuxed to .mp4 on stop when it ends in .mp4)
    // --music: a music bed (any audio file FFmpeg reads), looped at -6 dB; it ducks by 10 dB
    // while the host speaks.
    QString musicPath;
    static constexpr int kMusicLevelDb = -6;
    int durationS = 0; // 0: until stopped
    QSize size{1280, 720};
    int fps = 30;
    int bitrateKbps = 2500;
    QString encoder = QStringLiteral("auto");
    bool printStats = false;

    bool wanted() const
    {
        return !scenePath.isEmpty() || !scenesPath.isEmpty() || !streams.isEmpty() ||
               !recordPath.isEmpty();
    }
};

class HeadlessBroadcast : public QObject
{
    Q_OBJECT

public:
    // `engine` (may be null) is the marathon whose show is broadcast; it must outlive this object.
    HeadlessBroadcast(BroadcastOptions options, sb::auction::EngineThread* engine,
                      QObject* parent = nullptr);
    ~HeadlessBroadcast() override;

    // Reads each --stream-key-file and appends its key to the --stream URL of the same rank.
    // False with a one-line *error (a missing, unreadable, empty or odd file; counts that differ).
    static bool readStreamKeys(BroadcastOptions* options, QString* error);

    bool start(QString* error);
    void stop();
    // After stop(): the recording failed on the way (a full disk, a file-size limit), so the
    // file holds only what was written before; the run then ends with exit code 1.
    bool recordingFailed() const { return m_recordingFailed; }

    // The show bound to the marathon, while the program composes one (for tests); else null.
    sb::studio::ShowScene* show() { return m_show.get(); }
    sb::render::BroadcastStats stats() const;
    QImage grabProgram(); // the last program frame, upright (for tests)

signals:
    void durationReached();
    void failed(); // the pipeline cannot go on (said on stderr)

private:
    bool buildScene(QString* error);
    std::unique_ptr<sb::render::Scene> buildShow(QString* error);
    bool loadCollection(QString* error);
    void refreshTexts();
    void reportStats();

    BroadcastOptions m_options;
    sb::auction::EngineThread* m_engine;
    std::unique_ptr<sb::studio::SceneCollection> m_collection;
    QString m_collectionDir; // where its relative media paths resolve
    std::unique_ptr<sb::studio::ShowScene> m_show;
    std::unique_ptr<sb::render::BroadcastPipeline> m_pipeline;
    struct TemplatedText
    {
        std::shared_ptr<sb::render::TextSource> source;
        QString textTemplate; // "{time}" is replaced by the time of day every second
    };
    std::vector<TemplatedText> m_clockTexts;
    QTimer m_secondTimer;
    QTimer m_durationTimer;
    QElapsedTimer m_durationClock;
    QList<int> m_lastStates; // per output, to say when one changes
    bool m_running = false;
    QString m_recordingName; // the recording's output, among the stats' outputs
    bool m_recordingFailed = false;
};

} // namespace sb::app
