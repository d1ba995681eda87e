#pragma once
// `--headless` with --scene/--stream/--record: composes a scene and broadcasts it without a
// window — to any number of RTMP/RTMPS destinations and a recording — printing stats as JSON lines
// with --stats. With --demo the demo marathon's state is drawn as text layers (the real overlays
// come with the studio window).

#include "BroadcastPipeline.h"

#include <QObject>
#include <QSize>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace sb::auction {
class AuctionEngine;
}
namespace sb::render {
class TextSource;
}

namespace sb::app {

struct BroadcastOptions
{
    QString scenePath;   // JSON scene; empty: the built-in one
    QStringList streams; // rtmp:// or rtmps:// URLs, the key as the last path segment
    // --stream-key-file: one per stream, in order; readStreamKeys() appends each key to its URL
    // (a key on the command line is readable by every local user in /proc/PID/cmdline).
    QStringList streamKeyFiles;
    QString recordPath; // .mkv (remuxed to .mp4 on stop when it ends in .mp4)
    int durationS = 0;  // 0: until stopped
    QSize size{1280, 720};
    int fps = 30;
    int bitrateKbps = 2500;
    QString encoder = QStringLiteral("auto");
    bool printStats = false;

    bool wanted() const
    {
        return !scenePath.isEmpty() || !streams.isEmpty() || !recordPath.isEmpty();
    }
};

class HeadlessBroadcast : public QObject
{
    Q_OBJECT

public:
    // `engine` (may be null) is the demo marathon to show; it must outlive this object.
    HeadlessBroadcast(BroadcastOptions options, const sb::auction::AuctionEngine* engine,
                      QObject* parent = nullptr);
    ~HeadlessBroadcast() override;

    // Reads each --stream-key-file and appends its key to the --stream URL of the same rank.
    // False with a one-line *error (a missing, unreadable, empty or odd file; counts that differ).
    static bool readStreamKeys(BroadcastOptions* options, QString* error);

    bool start(QString* error);
    void stop();

signals:
    void durationReached();
    void failed(); // the pipeline cannot go on (said on stderr)

private:
    bool buildScene(QString* error);
    void addDemoLayers();
    void refreshTexts();
    void reportStats();

    BroadcastOptions m_options;
    const sb::auction::AuctionEngine* m_engine;
    std::unique_ptr<sb::render::BroadcastPipeline> m_pipeline;
    struct TemplatedText
    {
        std::shared_ptr<sb::render::TextSource> source;
        QString textTemplate; // "{time}" is replaced by the time of day every second
    };
    std::vector<TemplatedText> m_clockTexts;
    std::shared_ptr<sb::render::TextSource> m_demoHeadline;
    std::shared_ptr<sb::render::TextSource> m_demoBid;
    std::shared_ptr<sb::render::TextSource> m_demoClock;
    std::shared_ptr<sb::render::TextSource> m_demoFeed;
    QStringList m_feedLines;
    QTimer m_secondTimer;
    QTimer m_durationTimer;
    QList<int> m_lastStates; // per output, to say when one changes
    bool m_running = false;
};

} // namespace sb::app
