#pragma once
// The broadcast: a render thread composes the program scene at the exact output rate, converts it
// to NV12 on the GPU and reads it back asynchronously; an encode thread turns video and the audio
// mix into H.264 and AAC once, and every output (RTMP destinations, a recording) gets the same
// packets on its own queue. A slow output never stalls the encoder; a slow encoder never stalls
// the renderer (its frames are skipped and counted).

#include "BroadcastStats.h"
#include "MediaTypes.h"
#include "Output.h"
#include "Transition.h"

#include <QImage>
#include <QObject>
#include <QOpenGLContext>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

namespace sb::render {

class AudioMixer;
class ProgramPreview;
class Scene;

struct BroadcastSettings
{
    QSize canvas{1280, 720};
    int fps = 30;
    int videoBitrateKbps = 2500;
    int keyframeIntervalSeconds = 2;
    QString videoEncoder = QStringLiteral("auto"); // or libx264, h264_nvenc, h264_vaapi, ...
    QString preset = QStringLiteral("veryfast");
    QString profile = QStringLiteral("high");
    int audioBitrateKbps = 160;
};

class BroadcastPipeline : public QObject
{
    Q_OBJECT

public:
    explicit BroadcastPipeline(BroadcastSettings settings, QObject* parent = nullptr);
    ~BroadcastPipeline() override; // stops

    // The scene is owned by the pipeline and lives on the render thread from start() on;
    // change it only through editScene(), which runs the change between two frames.
    void setScene(std::unique_ptr<Scene> scene);
    void editScene(std::function<void(Scene&)> change);
    // Makes `scene` the program scene through a transition (cut, fade, slide); edits made with
    // editScene() meanwhile apply to the outgoing scene until the transition ends.
    void switchScene(std::unique_ptr<Scene> scene, const Transition& transition);
    // True from switchScene() until the new scene is the program.
    bool isSwitchingScene() const;
    void addOutput(std::unique_ptr<Output> output); // before start()
    // While running: starts the output, and the encoder when it is the first one. False with
    // *error when the encoder cannot open (the output is dropped).
    bool attachOutput(std::unique_ptr<Output> output, QString* error);
    // Stops the output (a recording is finalized) and forgets it; the encoder stops with the last.
    void detachOutput(Output* output);
    // The same, but the output is stopped (its queue flushed, its connection closed, a
    // recording finalized and remuxed) on a thread of its own, and so is the encoder's flush
    // when it was the last output, so the caller's thread — the window's — never waits for
    // either; `finished` runs on `context`'s thread afterwards. stop() and the destructor wait
    // for outputs still finishing.
    void detachOutputInBackground(Output* output, QObject* context, std::function<void()> finished);
    int finishingOutputs() const;
    int outputCount() const;
    AudioMixer& audioMixer();

    // Before start(): the context a preview widget renders with (same share group), so it can
    // sample the program picture that preview() publishes every frame.
    void setPreviewShareContext(QOpenGLContext* context);
    ProgramPreview& preview();

    // From the GUI thread: creates the GL context and starts the threads. False with *error when
    // OpenGL or the encoder cannot start.
    bool start(QString* error);
    // Drains the encoder and stops every output (recordings are finalized). Idempotent.
    void stop();

    // Called on the encode thread with every frame just before it is encoded (benchmarks and
    // tests look at what the encoder is given). Set it while nothing is attached.
    void setEncodeObserver(std::function<void(const RawVideoFrame&)> observer);

    BroadcastStats stats() const;
    // The last program frame as RGBA (for screenshots); slow, not for every frame.
    QImage grabProgram();

signals:
    void fatalError(const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sb::render
