#pragma once
// BroadcastPipeline's state, shared by its two files: BroadcastPipeline.cpp (start and stop, the
// render and encode threads) and BroadcastPipelineOutputs.cpp (outputs added and taken off while
// it runs, and the packets fed to them).

#include "AudioEncoder.h"
#include "AudioMixer.h"
#include "BroadcastPipeline.h"
#include "ProgramPreview.h"
#include "RenderContext.h"
#include "Scene.h"
#include "VideoEncoder.h"

#include <QImage>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class QOpenGLContext;
class QThread;

namespace sb::render {

struct BroadcastPipeline::Private
{
    BroadcastPipeline* q = nullptr;
    BroadcastSettings settings;
    std::unique_ptr<Scene> scene = std::make_unique<Scene>();
    std::mutex editMutex;
    std::vector<std::function<void(Scene&)>> edits;
    std::unique_ptr<Scene> nextScene; // waiting to start its transition
    Transition nextTransition;
    std::atomic<bool> switching{false};
    std::mutex finishingMutex;
    std::vector<std::thread> finishing; // outputs being stopped in the background
    std::atomic<int> finishingCount{0};
    void joinFinishing();
    // Removes the output from those fed (stopping the encoder first when it is the last one).
    std::unique_ptr<Output> takeOutput(Output* output);
    struct OutputSlot
    {
        std::unique_ptr<Output> output;
        bool joined = false; // has had its first video keyframe; nothing is sent before it
    };
    mutable std::mutex outputsMutex;
    std::vector<OutputSlot> outputs;
    // The last output taken off while the encoder flushes its delayed frames into it on a
    // finishing thread (x264's lookahead holds ~40 ms of work at 720p: not the window's to wait).
    Output* drainingOutput = nullptr;
    bool drainingJoined = false;
    AudioMixer mixer;
    QOpenGLContext* shareContext = nullptr;
    ProgramPreview preview;
    QString lastEncoderName;
    std::function<void(const RawVideoFrame&)> encodeObserver;

    std::unique_ptr<RenderContext> context;
    QThread* guiThread = nullptr;
    QThread* renderThread = nullptr;
    std::thread encodeThread;
    std::unique_ptr<VideoEncoder> video;
    std::unique_ptr<AudioEncoder> audio;
    // An encoder asked to stop, with what its thread still uses; joined off the caller's thread.
    struct RetiredEncoder
    {
        std::thread thread;
        std::unique_ptr<VideoEncoder> video;
        std::unique_ptr<AudioEncoder> audio;
    };
    RetiredEncoder retireEncoder();
    std::mutex drainMutex;
    std::condition_variable drainDone;
    bool encoderDraining = false; // a retired encoder's thread is still flushing
    void waitForDrainedEncoder();
    std::atomic<bool> stopRendering{false};
    std::atomic<bool> encoding{false}; // frames are converted and read back only while true
    bool running = false;

    std::mutex encodeMutex;
    std::condition_variable encodeWake;
    std::deque<RawVideoFrame> encodeQueue;
    bool encodeStop = false;
    // Encoded frames' buffers go back to the converter, so a 1080p stream does not map, fault in
    // and clear 3 MB of fresh memory 30 times a second.
    std::vector<RawVideoFrame> usedFrames;

    std::mutex grabMutex;
    std::condition_variable grabDone;
    bool grabRequested = false;
    QImage grabbed;

    std::atomic<std::int64_t> framesRendered{0};
    std::atomic<std::int64_t> framesMissed{0};
    std::atomic<std::int64_t> framesSkipped{0};
    std::atomic<std::int64_t> framesEncoded{0};
    std::atomic<std::int64_t> renderNsAverage{0}; // exponential moving average
    std::int64_t startedNs = 0;

    // stats() keeps its previous sample to report rates over the last interval.
    mutable std::mutex statsMutex;
    mutable std::int64_t lastStatsNs = 0;
    mutable std::int64_t lastStatsFrames = 0;
    mutable std::int64_t lastStatsCpuNs = 0;
    mutable double lastFps = 0;
    mutable double lastCpuPercent = 0;

    bool startEncoder(QString* error);
    void stopEncoder();
    void renderLoop();
    void encodeLoop(VideoEncoder& videoEncoder, AudioEncoder& audioEncoder);
    void enqueueForEncoding(RawVideoFrame frame);
    void onPacket(const EncodedPacket& packet);
};

} // namespace sb::render
