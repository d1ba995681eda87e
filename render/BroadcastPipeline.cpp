#include "BroadcastPipeline.h"
#include "BroadcastPipelinePrivate.h"

#include "ColorConverter.h"
#include "Compositor.h"
#include "FramePacer.h"
#include "ProcessUsage.h"
#include "RenderContext.h"

#include <QLoggingCategory>
#include <QThread>

#include <chrono>

Q_LOGGING_CATEGORY(lcPipeline, "sb.render.pipeline")

namespace sb::render {

namespace {

std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Frames waiting for the encoder: about a quarter second at 30 fps. Beyond that the encoder is
// not keeping up, and a frame is skipped rather than letting the delay grow.
constexpr std::size_t kMaxEncodeQueue = 8;

} // namespace

BroadcastPipeline::BroadcastPipeline(BroadcastSettings settings, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->settings = std::move(settings);
}

BroadcastPipeline::~BroadcastPipeline()
{
    stop();
}

void BroadcastPipeline::setScene(std::unique_ptr<Scene> scene)
{
    if (!d->running) {
        d->scene = std::move(scene);
        return;
    }
    auto shared = std::make_shared<std::unique_ptr<Scene>>(std::move(scene));
    editScene([shared](Scene& current) { current = **shared; });
}

void BroadcastPipeline::editScene(std::function<void(Scene&)> change)
{
    if (!d->running) {
        change(*d->scene);
        return;
    }
    std::lock_guard lock(d->editMutex);
    d->edits.push_back(std::move(change));
}

void BroadcastPipeline::switchScene(std::unique_ptr<Scene> scene, const Transition& transition)
{
    if (!d->running) {
        d->scene = std::move(scene);
        return;
    }
    std::lock_guard lock(d->editMutex);
    d->nextScene = std::move(scene);
    d->nextTransition = transition;
    d->switching = true;
}

bool BroadcastPipeline::isSwitchingScene() const
{
    return d->switching.load();
}

void BroadcastPipeline::setPreviewShareContext(QOpenGLContext* context)
{
    d->shareContext = context;
}

ProgramPreview& BroadcastPipeline::preview()
{
    return d->preview;
}

AudioMixer& BroadcastPipeline::audioMixer()
{
    return d->mixer;
}

bool BroadcastPipeline::start(QString* error)
{
    if (d->running)
        return true;
    const BroadcastSettings& s = d->settings;
    if (s.canvas.width() % 2 || s.canvas.height() % 2 || s.canvas.width() < 16 ||
        s.canvas.width() > 1920 || s.canvas.height() > 1080) {
        *error = tr("The canvas must be between 16×16 and 1920×1080 with even sides; %1×%2 is not.")
                     .arg(s.canvas.width())
                     .arg(s.canvas.height());
        return false;
    }
    if (s.fps < 1 || s.fps > 60) {
        *error = tr("The frame rate must be between 1 and 60; %1 is not.").arg(s.fps);
        return false;
    }

    d->context = std::make_unique<RenderContext>(d->shareContext);
    if (!d->context->create()) {
        *error = d->context->errorString();
        d->context.reset();
        return false;
    }
    bool hasOutputs = false;
    {
        std::lock_guard lock(d->outputsMutex);
        hasOutputs = !d->outputs.empty();
    }
    if (hasOutputs && !d->startEncoder(error)) {
        d->context.reset();
        return false;
    }
    qCInfo(lcPipeline).noquote() << "rendering with" << d->context->description() << "encoding with"
                                 << (hasOutputs ? d->video->encoderName()
                                                : QStringLiteral("nothing yet"));

    d->stopRendering = false;
    d->startedNs = steadyNowNs();
    d->lastStatsNs = d->startedNs;
    d->lastStatsCpuNs = ProcessUsage::now().cpuTimeNs;
    d->guiThread = QThread::currentThread();
    d->renderThread = QThread::create([this] { d->renderLoop(); });
    d->renderThread->setObjectName(QStringLiteral("sb-render"));
    d->context->moveToThread(d->renderThread);
    d->running = true;
    d->renderThread->start(QThread::HighPriority);
    return true;
}

void BroadcastPipeline::stop()
{
    d->joinFinishing(); // a recording being finalized is never cut off
    if (!d->running)
        return;
    d->running = false;
    d->stopRendering = true;
    d->renderThread->wait();
    delete d->renderThread;
    d->renderThread = nullptr;
    d->stopEncoder();
    {
        std::lock_guard lock(d->outputsMutex);
        for (auto& slot : d->outputs)
            slot.output->stop();
    }
    d->context.reset(); // on the GUI thread, where its surface lives
}

bool BroadcastPipeline::Private::startEncoder(QString* error)
{
    // Restarted within the few ms the previous session's encoder still flushes: its thread
    // shares the queue and the mixer, so this one starts after it.
    waitForDrainedEncoder();
    const BroadcastSettings& s = settings;
    VideoEncoderSettings videoSettings;
    videoSettings.width = s.canvas.width();
    videoSettings.height = s.canvas.height();
    videoSettings.fps = s.fps;
    videoSettings.bitrateKbps = s.videoBitrateKbps;
    videoSettings.keyframeIntervalSeconds = s.keyframeIntervalSeconds;
    videoSettings.preset = s.preset;
    videoSettings.profile = s.profile;
    videoSettings.encoder = s.videoEncoder;
    videoSettings.inputFormat = PixelFormat::Nv12;
    video = std::make_unique<VideoEncoder>(videoSettings);
    if (!video->open()) {
        *error = video->errorString();
        video.reset();
        return false;
    }
    audio = std::make_unique<AudioEncoder>(AudioEncoderSettings{s.audioBitrateKbps});
    if (!audio->open()) {
        *error = audio->errorString();
        video.reset();
        audio.reset();
        return false;
    }
    lastEncoderName = video->encoderName();
    video->setPacketCallback([this](const EncodedPacket& p) { onPacket(p); });
    video->setFrameRecycler([this](RawVideoFrame&& frame) {
        std::lock_guard lock(encodeMutex);
        if (usedFrames.size() < kMaxEncodeQueue)
            usedFrames.push_back(std::move(frame));
    });
    audio->setPacketCallback([this](const EncodedPacket& p) { onPacket(p); });

    EncodedStreams streams;
    streams.video = video->codecParameters();
    streams.videoTimeBase = video->timeBase();
    streams.videoFrameRate = video->frameRate();
    streams.audio = audio->codecParameters();
    streams.audioTimeBase = audio->timeBase();
    {
        std::lock_guard lock(outputsMutex);
        for (auto& slot : outputs)
            slot.output->start(streams);
    }
    // Each encoding session starts its own timeline at frame 0 (the render thread rebases).
    mixer.setNextFrame(0);
    {
        std::lock_guard lock(encodeMutex);
        encodeQueue.clear();
        encodeStop = false;
    }
    encodeThread = std::thread([this, v = video.get(), a = audio.get()] { encodeLoop(*v, *a); });
    encoding = true;
    return true;
}

void BroadcastPipeline::Private::stopEncoder()
{
    if (!encodeThread.joinable())
        return;
    encoding = false;
    {
        std::lock_guard lock(encodeMutex);
        encodeStop = true;
    }
    encodeWake.notify_all();
    encodeThread.join();
    video.reset();
    audio.reset();
}

BroadcastPipeline::Private::RetiredEncoder BroadcastPipeline::Private::retireEncoder()
{
    encoding = false;
    {
        std::lock_guard lock(encodeMutex);
        encodeStop = true;
    }
    {
        std::lock_guard lock(drainMutex);
        encoderDraining = true;
    }
    encodeWake.notify_all();
    return {std::move(encodeThread), std::move(video), std::move(audio)};
}

void BroadcastPipeline::Private::waitForDrainedEncoder()
{
    std::unique_lock lock(drainMutex);
    drainDone.wait(lock, [this] { return !encoderDraining; });
}

void BroadcastPipeline::Private::renderLoop()
{
    if (!context->makeCurrent()) {
        qCWarning(lcPipeline) << "cannot make the OpenGL context current on the render thread";
        context->moveToThread(guiThread);
        return;
    }
    {
        Compositor compositor(*context, settings.canvas);
        ColorConverter converter(*context, settings.canvas, PixelFormat::Nv12, 3);
        if (!compositor.isValid() || !converter.isValid()) {
            const QString message =
                !compositor.isValid() ? compositor.errorString() : converter.errorString();
            qCWarning(lcPipeline).noquote() << "cannot render:" << message;
            QMetaObject::invokeMethod(
                q, [this, message] { emit q->fatalError(message); }, Qt::QueuedConnection);
            stopRendering = true;
        }
        // Only a preview in the same share group can sample the ring: headless runs skip the copy.
        if (shareContext)
            preview.create(context->functions(), settings.canvas);
        FramePacer pacer(settings.fps);
        pacer.start(steadyNowNs());
        std::int64_t sessionStart = -1; // render index of the encoding session's frame 0
        // Frames submitted but not read back yet, with how many slots after each were missed.
        std::deque<std::pair<std::int64_t, std::int64_t>> inFlight;
        const auto deliver = [&](std::vector<RawVideoFrame> frames) {
            for (RawVideoFrame& frame : frames) {
                if (sessionStart < 0 || frame.frameIndex < sessionStart) {
                    converter.recycle(std::move(frame)); // from before this session
                    continue;
                }
                frame.frameIndex -= sessionStart;
                std::int64_t repeats = 0;
                while (!inFlight.empty() &&
                       inFlight.front().first <= frame.frameIndex + sessionStart) {
                    if (inFlight.front().first == frame.frameIndex + sessionStart)
                        repeats = inFlight.front().second;
                    inFlight.pop_front();
                }
                // Slots that passed while we were late get this picture again: the timeline
                // and the audio stay continuous.
                std::vector<RawVideoFrame> copies;
                for (std::int64_t r = 1; r <= repeats; ++r) {
                    copies.push_back(frame);
                    copies.back().frameIndex = frame.frameIndex + r;
                }
                enqueueForEncoding(std::move(frame));
                for (RawVideoFrame& copy : copies)
                    enqueueForEncoding(std::move(copy));
            }
        };

        std::int64_t index = 0;
        bool convertedPrevious = false;
        std::unique_ptr<Scene> incoming; // the target of the running transition
        while (!stopRendering.load()) {
            std::vector<std::function<void(Scene&)>> pending;
            {
                std::lock_guard lock(editMutex);
                pending.swap(edits);
                if (nextScene) {
                    incoming = std::move(nextScene);
                    compositor.startTransition(incoming.get(), nextTransition);
                }
            }
            for (auto& change : pending)
                change(*scene);
            {
                std::vector<RawVideoFrame> used;
                {
                    std::lock_guard lock(encodeMutex);
                    used.swap(usedFrames);
                }
                for (RawVideoFrame& frame : used)
                    converter.recycle(std::move(frame));
            }

            const std::int64_t began = steadyNowNs();
            const std::int64_t sceneMs = (pacer.frameTimeNs(index) - pacer.startNs()) / 1'000'000;
            const GLuint program = compositor.render(*scene, sceneMs);
            if (incoming && !compositor.transitionActive()) {
                scene = std::move(incoming); // the transition is over: the target is the program
                std::lock_guard lock(editMutex);
                switching = nextScene != nullptr;
            }
            preview.publish(program, index,
                            compositor.lastRenderChangedEverything()
                                ? nullptr
                                : &compositor.lastChangedRects());
            const bool encodingNow = encoding.load();
            if (encodingNow && sessionStart < 0) {
                sessionStart = index;
                inFlight.clear();
            } else if (!encodingNow) {
                sessionStart = -1;
            }
            if (encodingNow) {
                // The converter's planes hold the last frame it was given: when that was the
                // frame before this one, only what the compositor redrew is converted again.
                const bool whole = !convertedPrevious || compositor.lastRenderChangedEverything();
                converter.submit(program, index, whole ? nullptr : &compositor.lastChangedRects());
                inFlight.emplace_back(index, 0);
            }
            convertedPrevious = encodingNow;
            {
                std::lock_guard lock(grabMutex);
                if (grabRequested) {
                    grabbed = compositor.readBackRgba();
                    grabRequested = false;
                    grabDone.notify_all();
                }
            }
            deliver(converter.poll());
            const std::int64_t finished = steadyNowNs();
            framesRendered.fetch_add(1);
            const std::int64_t previous = renderNsAverage.load();
            renderNsAverage.store(previous == 0 ? finished - began
                                                : previous + (finished - began - previous) / 16);

            const FramePacer::Next next = pacer.after(index, finished);
            if (next.repeated > 0) {
                if (!inFlight.empty() && inFlight.back().first == index)
                    inFlight.back().second = next.repeated;
                framesMissed.fetch_add(next.repeated);
            }
            if (next.waitNs > 0)
                std::this_thread::sleep_for(std::chrono::nanoseconds(next.waitNs));
            index = next.frameIndex;
        }
        deliver(converter.drain());
        preview.destroy();
    }
    {
        std::lock_guard lock(grabMutex);
        grabRequested = false;
        grabDone.notify_all();
    }
    context->doneCurrent();
    context->moveToThread(guiThread);
}

void BroadcastPipeline::Private::enqueueForEncoding(RawVideoFrame frame)
{
    {
        std::lock_guard lock(encodeMutex);
        if (encodeQueue.size() >= kMaxEncodeQueue) {
            framesSkipped.fetch_add(1);
            // A frame due to be a keyframe takes the place of the newest waiting one, so a
            // lagging encoder never stretches the keyframe interval the ingest was promised.
            const int gop = std::max(1, settings.fps * settings.keyframeIntervalSeconds);
            if (!isKeyframeGridIndex(frame.frameIndex, gop) ||
                isKeyframeGridIndex(encodeQueue.back().frameIndex, gop))
                return;
            encodeQueue.back() = std::move(frame);
            return;
        }
        encodeQueue.push_back(std::move(frame));
    }
    encodeWake.notify_one();
}

void BroadcastPipeline::Private::encodeLoop(VideoEncoder& videoEncoder, AudioEncoder& audioEncoder)
{
    const int fps = settings.fps;
    for (;;) {
        RawVideoFrame frame;
        {
            std::unique_lock lock(encodeMutex);
            encodeWake.wait(lock, [&] { return encodeStop || !encodeQueue.empty(); });
            if (encodeQueue.empty())
                break;
            frame = std::move(encodeQueue.front());
            encodeQueue.pop_front();
        }
        if (encodeObserver)
            encodeObserver(frame);
        const std::int64_t frameIndex = frame.frameIndex;
        // The frame's memory comes back through the recycler (startEncoder).
        if (!videoEncoder.encode(std::move(frame)))
            qCWarning(lcPipeline).noquote()
                << "video encoding failed:" << videoEncoder.errorString();
        // Audio follows the video timeline: everything up to the end of this frame's slot.
        const std::int64_t audioUntil = (frameIndex + 1) * kAudioSampleRate / fps;
        if (audioUntil > mixer.nextFrame()) {
            const AudioBlock block = mixer.mix(int(audioUntil - mixer.nextFrame()));
            if (!audioEncoder.encode(block))
                qCWarning(lcPipeline).noquote()
                    << "audio encoding failed:" << audioEncoder.errorString();
        }
        framesEncoded.fetch_add(1);
    }
    videoEncoder.flush();
    audioEncoder.flush();
}

void BroadcastPipeline::setEncodeObserver(std::function<void(const RawVideoFrame&)> observer)
{
    d->encodeObserver = std::move(observer);
}

BroadcastStats BroadcastPipeline::stats() const
{
    BroadcastStats s;
    s.framesRendered = d->framesRendered.load();
    s.framesMissed = d->framesMissed.load();
    s.framesSkipped = d->framesSkipped.load();
    s.framesEncoded = d->framesEncoded.load();
    s.averageRenderMs = double(d->renderNsAverage.load()) / 1e6;
    const ProcessUsage usage = ProcessUsage::now();
    s.cpuTimeMs = usage.cpuTimeNs / 1'000'000;
    s.memoryMb = double(usage.residentBytes) / (1024.0 * 1024.0);
    s.peakMemoryMb = double(usage.peakResidentBytes) / (1024.0 * 1024.0);
    {
        std::lock_guard lock(d->statsMutex);
        const std::int64_t now = steadyNowNs();
        const std::int64_t elapsed = now - d->lastStatsNs;
        if (elapsed >= 250'000'000) {
            d->lastFps = double(s.framesRendered - d->lastStatsFrames) * 1e9 / double(elapsed);
            d->lastCpuPercent =
                double(usage.cpuTimeNs - d->lastStatsCpuNs) * 100.0 / double(elapsed);
            d->lastStatsNs = now;
            d->lastStatsFrames = s.framesRendered;
            d->lastStatsCpuNs = usage.cpuTimeNs;
        }
        s.fps = d->lastFps;
        s.cpuPercent = d->lastCpuPercent;
        s.uptimeMs = d->startedNs ? (now - d->startedNs) / 1'000'000 : 0;
    }
    s.videoEncoder = d->lastEncoderName;
    const AudioMeter::Reading audio = d->mixer.meter().reading();
    s.audioMomentaryLufs = audio.momentaryLufs;
    s.audioPeakDbfs = audio.peakDbfs;
    std::lock_guard lock(d->outputsMutex);
    for (const auto& slot : d->outputs)
        s.outputs.append(slot.output->stats());
    return s;
}

QImage BroadcastPipeline::grabProgram()
{
    if (!d->running)
        return {};
    std::unique_lock lock(d->grabMutex);
    d->grabRequested = true;
    d->grabDone.wait_for(lock, std::chrono::seconds(2), [&] { return !d->grabRequested; });
    return d->grabbed;
}

} // namespace sb::render
