#include "RtmpOutput.h"

#include "FfmpegHandles.h"
#include "FfmpegLog.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
}

#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

Q_LOGGING_CATEGORY(lcRtmp, "sb.render.rtmp")

namespace sb::render {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kAudioAheadUs = 1'000'000; // audio waits this long at most for video

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

} // namespace

QString redactStreamUrl(const QString& url)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return QStringLiteral("(invalid URL)");
    QString redacted = parsed.scheme() + QStringLiteral("://");
    // A key may be put where the user name goes, so the whole user info is hidden.
    if (!parsed.userInfo().isEmpty())
        redacted += QStringLiteral("****@");
    const QString host = parsed.host(QUrl::FullyEncoded);
    redacted += host.contains(QLatin1Char(':')) ? u'[' + host + u']' : host;
    if (parsed.port() >= 0)
        redacted += u':' + QString::number(parsed.port());
    // The path as written: a percent-encoded '/' or '?' stays inside the last segment, which the
    // server reads as the stream key once decoded, so none of it may show.
    QString path = parsed.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0 && slash + 1 < path.size())
        path = path.left(slash + 1) + QStringLiteral("****");
    redacted += path;
    if (parsed.hasQuery())
        redacted += QStringLiteral("?****");
    return redacted;
}

struct RtmpOutput::Private
{
    RtmpOutputSettings settings;
    QString redactedUrl;
    EncodedStreams streams;
    std::thread thread;

    mutable std::mutex mutex; // guards everything below up to the atomics
    std::condition_variable wake;
    std::deque<EncodedPacket> video;
    std::deque<EncodedPacket> audio;
    bool started = false;
    bool stopRequested = false;
    bool sessionStarted = false; // the current connection has sent its first keyframe
    bool dropToKeyframe = false; // congestion: dropping video until the next keyframe
    bool everLive = false;
    std::int64_t newestVideoUs = std::numeric_limits<std::int64_t>::min(); // pushed, incl. dropped
    OutputStats stats;
    BitrateMeter meter;
    std::int64_t bytesBeforeSession = 0;

    // The interrupt callback aborts a blocking connect or write at these deadlines.
    AVIOInterruptCB interrupt{};
    std::atomic<std::int64_t> operationDeadlineNs{kNoDeadline};
    std::atomic<std::int64_t> stopDeadlineNs{kNoDeadline};
    std::atomic<bool> abortNow{false};

    OutputContextPtr muxer; // writer thread only
    // Added to every timestamp so the first session starts at or after 0 and later sessions
    // continue on the same timeline (FFmpeg would shift each session on its own).
    std::int64_t timestampOffsetUs = -1;
    int videoIndex = -1;
    int audioIndex = -1;

    static int interruptCallback(void* opaque);
    void run();
    bool connect(QString* error);
    bool sendLoop(QString* error); // false: connection lost; true: stopped and drained
    void closeSession(bool writeTrailer);
    void resetMuxer(); // closing sends RTMP messages too: bounded like any write
    bool write(const EncodedPacket& packet, QString* error);
    bool takeNext(EncodedPacket* packet); // waits; false when stopping with nothing left
    void setState(OutputState state, const QString& error = QString());
    QString describe(int avError) const;
    QString explainOpenFailure(int avError, const QList<FfmpegLogLine>& log) const;
    void dropQueuedVideo(bool keepKeyframes);
    void trimPending();
    bool waitRetry(int delayMs);
};

int RtmpOutput::Private::interruptCallback(void* opaque)
{
    const auto* d = static_cast<const Private*>(opaque);
    if (d->abortNow.load())
        return 1;
    const std::int64_t now = nowNs();
    return now > d->operationDeadlineNs.load() || now > d->stopDeadlineNs.load() ? 1 : 0;
}

RtmpOutput::RtmpOutput(RtmpOutputSettings settings) : d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
    d->redactedUrl = redactStreamUrl(d->settings.url);
    if (d->settings.name.isEmpty())
        d->settings.name = d->redactedUrl;
    d->stats.name = d->settings.name;
    d->interrupt.callback = &Private::interruptCallback;
    d->interrupt.opaque = d.get();
}

RtmpOutput::~RtmpOutput()
{
    stop();
}

QString RtmpOutput::name() const
{
    return d->settings.name;
}

const RtmpOutputSettings& RtmpOutput::settings() const
{
    return d->settings;
}

int RtmpOutput::retryDelayMs(const RtmpOutputSettings& s, int attempt, double jitter01)
{
    const double base = s.firstRetryDelayMs * std::pow(s.retryBackoff, std::max(0, attempt));
    const double capped = std::min(base, double(s.maxRetryDelayMs));
    const double jittered = capped * (1.0 + s.retryJitter * std::clamp(jitter01, 0.0, 1.0));
    return int(std::min(jittered, double(s.maxRetryDelayMs)));
}

void RtmpOutput::Private::setState(OutputState state, const QString& error)
{
    std::lock_guard lock(mutex);
    if (!error.isEmpty())
        stats.lastError = error;
    if (stats.state == state)
        return;
    stats.state = state;
    qCInfo(lcRtmp).noquote() << QStringLiteral("%1 (%2): %3%4")
                                    .arg(settings.name, redactedUrl, outputStateName(state),
                                         error.isEmpty() ? QString()
                                                         : QStringLiteral(": ") + error);
}

void RtmpOutput::start(const EncodedStreams& streams)
{
    {
        std::lock_guard lock(d->mutex);
        if (d->started)
            return;
        d->started = true;
        d->streams = streams;
        d->stats.state = OutputState::Connecting;
    }
    const QString scheme = QUrl(d->settings.url).scheme().toLower();
    if (scheme != QLatin1String("rtmp") && scheme != QLatin1String("rtmps")) {
        d->setState(OutputState::Failed,
                    QStringLiteral("%1: not an rtmp:// or rtmps:// URL").arg(d->redactedUrl));
        return;
    }
    if (!streams.video) {
        d->setState(OutputState::Failed, QStringLiteral("No video stream to send."));
        return;
    }
    qCInfo(lcRtmp).noquote()
        << QStringLiteral("%1: connecting to %2").arg(d->settings.name, d->redactedUrl);
    d->thread = std::thread([this] { d->run(); });
}

void RtmpOutput::Private::dropQueuedVideo(bool keepKeyframes)
{
    const auto before = video.size();
    std::erase_if(
        video, [keepKeyframes](const EncodedPacket& p) { return !(keepKeyframes && p.keyframe); });
    stats.droppedFrames += std::int64_t(before - video.size());
}

// While the first connection is made, keep at most maxPendingMs of video, starting at a keyframe.
void RtmpOutput::Private::trimPending()
{
    if (video.size() < 2 ||
        (video.back().dtsUs() - video.front().dtsUs()) / 1000 <= settings.maxPendingMs)
        return;
    auto keyframe = std::find_if(video.rbegin(), video.rend() - 1,
                                 [](const EncodedPacket& p) { return p.keyframe; });
    if (keyframe == video.rend() - 1)
        return;
    const auto first = std::prev(keyframe.base());
    stats.droppedFrames += std::int64_t(first - video.begin());
    video.erase(video.begin(), first);
    const std::int64_t startUs = video.front().dtsUs();
    std::erase_if(audio, [startUs](const EncodedPacket& p) { return p.dtsUs() < startUs; });
}

void RtmpOutput::push(const EncodedPacket& packet)
{
    if (!packet.packet)
        return;
    std::lock_guard lock(d->mutex);
    const OutputState state = d->stats.state;
    if (!d->started || d->stopRequested || state == OutputState::Failed ||
        state == OutputState::Stopped)
        return;
    if (packet.stream == EncodedPacket::Stream::Audio) {
        // Audio is never dropped for congestion; between connections there is nowhere to send it.
        if (state == OutputState::Reconnecting)
            return;
        d->audio.push_back(packet);
        d->wake.notify_one();
        return;
    }

    const std::int64_t dtsUs = packet.dtsUs();
    d->newestVideoUs = std::max(d->newestVideoUs, dtsUs);
    if (state == OutputState::Reconnecting) {
        ++d->stats.droppedFrames; // the next connection resumes at a keyframe
        return;
    }
    if (state == OutputState::Connecting) {
        d->video.push_back(packet);
        d->trimPending();
        d->wake.notify_one();
        return;
    }

    const std::int64_t queuedMs = d->video.empty() ? 0 : (dtsUs - d->video.front().dtsUs()) / 1000;
    if (d->dropToKeyframe) {
        if (!packet.keyframe) {
            ++d->stats.droppedFrames;
            return;
        }
        d->dropToKeyframe = false;
    }
    if (queuedMs > d->settings.dropToKeyframeAboveMs) {
        d->dropQueuedVideo(true);
        if (!packet.keyframe) {
            d->dropToKeyframe = true;
            ++d->stats.droppedFrames;
            qCInfo(lcRtmp).noquote()
                << QStringLiteral("%1: %2 ms of video queued; dropping video until the next "
                                  "keyframe (%3 dropped so far)")
                       .arg(d->settings.name)
                       .arg(queuedMs)
                       .arg(d->stats.droppedFrames);
            return;
        }
    } else if (queuedMs > d->settings.dropNonReferenceAboveMs && packet.disposable) {
        ++d->stats.droppedFrames;
        return;
    }
    d->video.push_back(packet);
    d->wake.notify_one();
}

bool RtmpOutput::Private::takeNext(EncodedPacket* packet)
{
    std::unique_lock lock(mutex);
    for (;;) {
        if (!sessionStarted) {
            // A connection starts with a keyframe, and no audio from before it.
            while (!video.empty() && !video.front().keyframe) {
                video.pop_front();
                ++stats.droppedFrames;
            }
            if (!video.empty()) {
                const std::int64_t startUs = video.front().dtsUs();
                std::erase_if(audio,
                              [startUs](const EncodedPacket& p) { return p.dtsUs() < startUs; });
                sessionStarted = true;
                *packet = video.front();
                video.pop_front();
                return true;
            }
            while (audio.size() > 1 && audio.back().dtsUs() - audio.front().dtsUs() > kAudioAheadUs)
                audio.pop_front();
        } else {
            const bool audioReady =
                !audio.empty() &&
                (audio.front().dtsUs() <= newestVideoUs ||
                 audio.back().dtsUs() - audio.front().dtsUs() > kAudioAheadUs || stopRequested);
            const bool takeVideo =
                !video.empty() && (!audioReady || video.front().dtsUs() <= audio.front().dtsUs());
            if (takeVideo || audioReady) {
                std::deque<EncodedPacket>& queue = takeVideo ? video : audio;
                *packet = std::move(queue.front());
                queue.pop_front();
                stats.queuedMs =
                    video.empty() ? 0 : (video.back().dtsUs() - video.front().dtsUs()) / 1000;
                return true;
            }
        }
        if (stopRequested)
            return false;
        wake.wait_for(lock, std::chrono::milliseconds(200));
    }
}

QString RtmpOutput::Private::describe(int avError) const
{
    if (avError == AVERROR_EXIT) {
        if (abortNow || nowNs() > stopDeadlineNs)
            return QStringLiteral("%1: stopped").arg(redactedUrl);
        return QStringLiteral("%1: no response (timed out)").arg(redactedUrl);
    }
    return QStringLiteral("%1: %2").arg(redactedUrl, avErrorText(avError));
}

// FFmpeg answers EIO for an unknown host, a failed TLS handshake and a server hanging up on the
// publish request alike; what its log said tells them apart.
QString RtmpOutput::Private::explainOpenFailure(int avError, const QList<FfmpegLogLine>& log) const
{
    if (avError == AVERROR_EXIT && !abortNow && nowNs() <= stopDeadlineNs)
        return QStringLiteral("%1: no answer within %2 s")
            .arg(redactedUrl)
            .arg(settings.connectTimeoutMs / 1000.0);
    bool transportFailed = false; // TCP or TLS never came up: no RTMP was spoken
    QString unresolved;
    QString tlsProblem;
    for (const FfmpegLogLine& line : log) {
        if (line.text.startsWith(QLatin1String("Cannot open connection")))
            transportFailed = true;
        else if (line.context == QLatin1String("tcp") &&
                 line.text.startsWith(QLatin1String("Failed to resolve hostname")))
            unresolved = line.text.section(QStringLiteral(": "), -1);
        else if (line.context == QLatin1String("tls") && tlsProblem.isEmpty())
            tlsProblem = line.text;
    }
    const QString host = QUrl(settings.url).host();
    if (!unresolved.isEmpty())
        return QStringLiteral("%1: cannot resolve host %2 (%3)").arg(redactedUrl, host, unresolved);
    if (transportFailed && !tlsProblem.isEmpty())
        return QStringLiteral("%1: TLS handshake failed (%2); is it an RTMPS server on that port?")
            .arg(redactedUrl, tlsProblem);
    if (avError == AVERROR(EIO) && !transportFailed) {
        // The server took the connection and then hung up on the publish request: that is how
        // ingest servers (nginx-rtmp's on_publish, the platforms) refuse a stream key.
        return QStringLiteral("%1: the server refused to publish the stream (%2); check the "
                              "stream key")
            .arg(redactedUrl, avErrorText(avError));
    }
    return describe(avError);
}

bool RtmpOutput::Private::connect(QString* error)
{
    // RFC 6761: names under .invalid never resolve, and resolvers should say so without asking
    // the network (the tests use one to be sure nothing leaves the machine).
    const QString host = QUrl(settings.url).host();
    if (host.compare(QLatin1String("invalid"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".invalid"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("%1: cannot resolve host %2 (names under .invalid never resolve)")
                     .arg(redactedUrl, host);
        return false;
    }
    AVFormatContext* raw = nullptr;
    const QByteArray url = settings.url.toUtf8();
    int ret = avformat_alloc_output_context2(&raw, nullptr, "flv", url.constData());
    if (ret < 0 || !raw) {
        *error = QStringLiteral("Cannot create the FLV muxer: %1").arg(avErrorText(ret));
        return false;
    }
    muxer.reset(raw);
    muxer->interrupt_callback = interrupt;
    muxer->flush_packets = 1; // live: every packet goes out now, not when a buffer fills

    AVStream* videoStream = avformat_new_stream(muxer.get(), nullptr);
    avcodec_parameters_copy(videoStream->codecpar, streams.video.get());
    videoStream->codecpar->codec_tag = 0;
    videoStream->time_base = streams.videoTimeBase;
    videoStream->avg_frame_rate = streams.videoFrameRate;
    videoIndex = videoStream->index;
    audioIndex = -1;
    if (streams.audio) {
        AVStream* audioStream = avformat_new_stream(muxer.get(), nullptr);
        avcodec_parameters_copy(audioStream->codecpar, streams.audio.get());
        audioStream->codecpar->codec_tag = 0;
        audioStream->time_base = streams.audioTimeBase;
        audioIndex = audioStream->index;
    }

    AVDictionary* options = nullptr;
    av_dict_set_int(&options, "rw_timeout", std::int64_t(settings.writeTimeoutMs) * 1000, 0);
    av_dict_set(&options, "tcp_nodelay", "1", 0);
    if (settings.sendBufferBytes > 0)
        av_dict_set_int(&options, "send_buffer_size", settings.sendBufferBytes, 0);
    std::unique_ptr<AVDictionary, DictionaryDeleter> optionsOwner;
    operationDeadlineNs = nowNs() + std::int64_t(settings.connectTimeoutMs) * 1'000'000;
    QList<FfmpegLogLine> log; // why a connection failed is only in FFmpeg's log
    {
        ScopedFfmpegLogCapture capture(&log);
        ret = avio_open2(&muxer->pb, url.constData(), AVIO_FLAG_WRITE, &muxer->interrupt_callback,
                         &options);
    }
    optionsOwner.reset(options);
    if (ret < 0) {
        operationDeadlineNs = kNoDeadline;
        *error = explainOpenFailure(ret, log);
        resetMuxer();
        return false;
    }
    AVDictionary* muxOptions = nullptr;
    av_dict_set(&muxOptions, "flvflags", "no_duration_filesize", 0);
    ret = avformat_write_header(muxer.get(), &muxOptions);
    av_dict_free(&muxOptions);
    operationDeadlineNs = kNoDeadline;
    if (ret < 0) {
        *error = describe(ret);
        resetMuxer();
        return false;
    }
    return true;
}

bool RtmpOutput::Private::write(const EncodedPacket& encoded, QString* error)
{
    const bool isVideo = encoded.stream == EncodedPacket::Stream::Video;
    const int index = isVideo ? videoIndex : audioIndex;
    if (index < 0)
        return true;
    std::unique_ptr<AVPacket, AVPacketDeleter> packet(av_packet_clone(encoded.packet.get()));
    packet->stream_index = index;
    const AVRational timeBase = muxer->streams[index]->time_base;
    av_packet_rescale_ts(packet.get(), encoded.timeBase, timeBase);
    if (timestampOffsetUs < 0) // the first packet ever written: a keyframe, the smallest dts
        timestampOffsetUs = std::max<std::int64_t>(0, -encoded.dtsUs());
    const std::int64_t offset =
        av_rescale_q_rnd(timestampOffsetUs, AVRational{1, 1000000}, timeBase, AV_ROUND_UP);
    packet->dts += offset;
    packet->pts += offset;
    operationDeadlineNs = nowNs() + std::int64_t(settings.writeTimeoutMs) * 1'000'000;
    int ret = av_write_frame(muxer.get(), packet.get());
    operationDeadlineNs = kNoDeadline;
    if (ret >= 0 && muxer->pb->error < 0)
        ret = muxer->pb->error;
    if (ret < 0) {
        *error = describe(ret);
        return false;
    }
    std::lock_guard lock(mutex);
    if (isVideo) {
        ++stats.framesWritten;
        stats.keyframesWritten += encoded.keyframe ? 1 : 0;
    } else {
        ++stats.audioPacketsWritten;
    }
    stats.bytesWritten = bytesBeforeSession + avio_tell(muxer->pb);
    meter.record(stats.bytesWritten);
    return true;
}

bool RtmpOutput::Private::sendLoop(QString* error)
{
    EncodedPacket packet;
    while (takeNext(&packet)) {
        if (!write(packet, error))
            return false;
    }
    return true;
}

void RtmpOutput::Private::closeSession(bool writeTrailer)
{
    if (!muxer)
        return;
    if (writeTrailer && muxer->pb) {
        operationDeadlineNs = nowNs() + std::int64_t(settings.writeTimeoutMs) * 1'000'000;
        av_write_trailer(muxer.get());
        operationDeadlineNs = kNoDeadline;
    }
    {
        std::lock_guard lock(mutex);
        if (muxer->pb)
            bytesBeforeSession += avio_tell(muxer->pb);
    }
    resetMuxer();
}

void RtmpOutput::Private::resetMuxer()
{
    operationDeadlineNs =
        nowNs() + std::int64_t(std::min(settings.writeTimeoutMs, 1000)) * 1'000'000;
    muxer.reset();
    operationDeadlineNs = kNoDeadline;
}

bool RtmpOutput::Private::waitRetry(int delayMs)
{
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, std::chrono::milliseconds(delayMs),
                          [this] { return stopRequested; });
}

void RtmpOutput::Private::run()
{
    std::mt19937 random(std::random_device{}());
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    int retries = 0;
    QString error;
    for (;;) {
        if (connect(&error)) {
            {
                std::lock_guard lock(mutex);
                if (everLive) {
                    // Resume at the next keyframe; what queued meanwhile is stale.
                    ++stats.reconnects;
                    dropQueuedVideo(false);
                    audio.clear();
                }
                everLive = true;
                sessionStarted = false;
                dropToKeyframe = false;
            }
            retries = 0;
            setState(OutputState::Live);
            const bool drained = sendLoop(&error);
            {
                std::lock_guard lock(mutex);
                if (drained || stopRequested) {
                    stats.queuedMs = 0;
                }
            }
            if (drained) {
                closeSession(true);
                break;
            }
            closeSession(false);
            std::unique_lock lock(mutex);
            if (stopRequested)
                break;
            lock.unlock();
            qCWarning(lcRtmp).noquote()
                << QStringLiteral("%1: connection lost: %2").arg(settings.name, error);
        } else {
            std::unique_lock lock(mutex);
            if (stopRequested)
                break;
            lock.unlock();
            qCWarning(lcRtmp).noquote() << QStringLiteral("%1: cannot connect: %2 (retry %3 of %4)")
                                               .arg(settings.name, error)
                                               .arg(retries + 1)
                                               .arg(settings.maxRetries);
        }
        if (retries >= settings.maxRetries) {
            setState(OutputState::Failed,
                     QStringLiteral("%1 (gave up after %2 retries)").arg(error).arg(retries));
            std::lock_guard lock(mutex);
            video.clear();
            audio.clear();
            return;
        }
        {
            std::lock_guard lock(mutex);
            dropQueuedVideo(false);
            audio.clear();
        }
        setState(OutputState::Reconnecting, error);
        const int delayMs = RtmpOutput::retryDelayMs(settings, retries, jitter(random));
        ++retries;
        qCInfo(lcRtmp).noquote()
            << QStringLiteral("%1: retrying in %2 ms").arg(settings.name).arg(delayMs);
        if (!waitRetry(delayMs))
            break;
    }
    setState(OutputState::Stopped);
}

void RtmpOutput::stop()
{
    {
        std::lock_guard lock(d->mutex);
        if (!d->started || d->stopRequested)
            return;
        d->stopRequested = true;
        d->stopDeadlineNs = nowNs() + std::int64_t(d->settings.stopTimeoutMs) * 1'000'000;
        // Not connected: nothing to finish, abort the connection attempt at once.
        if (d->stats.state != OutputState::Live)
            d->abortNow = true;
        d->wake.notify_all();
    }
    if (d->thread.joinable())
        d->thread.join();
    std::lock_guard lock(d->mutex);
    if (d->stats.state != OutputState::Failed)
        d->stats.state = OutputState::Stopped;
    d->video.clear();
    d->audio.clear();
    qCInfo(lcRtmp).noquote() << QStringLiteral("%1: stopped after %2 bytes, %3 frames, %4 dropped, "
                                               "%5 reconnects")
                                    .arg(d->settings.name)
                                    .arg(d->stats.bytesWritten)
                                    .arg(d->stats.framesWritten)
                                    .arg(d->stats.droppedFrames)
                                    .arg(d->stats.reconnects);
}

OutputStats RtmpOutput::stats() const
{
    std::lock_guard lock(d->mutex);
    OutputStats copy = d->stats;
    copy.bitrateKbps = d->meter.kbps();
    if (!d->video.empty())
        copy.queuedMs = (d->video.back().dtsUs() - d->video.front().dtsUs()) / 1000;
    else
        copy.queuedMs = 0;
    return copy;
}

} // namespace sb::render
