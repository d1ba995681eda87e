#include "RecordingOutput.h"

#include "FfmpegHandles.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcRecording, "sb.render.recording")

namespace sb::render {

RecordingOutputSettings RecordingOutputSettings::forFile(const QString& path)
{
    const QFileInfo file(path);
    RecordingOutputSettings settings;
    const bool mp4 = file.suffix().compare(QLatin1String("mp4"), Qt::CaseInsensitive) == 0;
    settings.path =
        mp4 ? file.absolutePath() + u'/' + file.completeBaseName() + QStringLiteral(".mkv")
            : file.absoluteFilePath();
    settings.remuxToMp4 = mp4;
    return settings;
}

bool RecordingOutputSettings::canCreateFile(QString* reason) const
{
    const QFileInfo file(path);
    if (file.exists() && !file.isFile()) {
        *reason = QStringLiteral("it is not a regular file");
        return false;
    }
    QFile probe(path);
    const bool existed = file.exists();
    if (!probe.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *reason = probe.errorString();
        return false;
    }
    probe.close();
    if (!existed)
        probe.remove(); // a recording stopped before its first frame leaves no file
    return true;
}

namespace {

QString mp4PathFor(const QString& path)
{
    const QFileInfo info(path);
    return info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".mp4");
}

} // namespace

struct RecordingOutput::Private
{
    RecordingOutputSettings settings;
    EncodedStreams streams;
    std::thread thread;

    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<EncodedPacket> queue;
    bool started = false;
    bool stopRequested = false;
    bool dropToKeyframe = false;
    OutputStats stats;
    BitrateMeter meter;
    QString finalPath;

    OutputContextPtr muxer; // writer thread only
    int videoIndex = -1;
    int audioIndex = -1;

    void run();
    bool open(QString* error);
    bool write(const EncodedPacket& packet, QString* error);
    void fail(const QString& error);
    void setState(OutputState state);
    std::int64_t queuedVideoMs() const; // with mutex held
};

RecordingOutput::RecordingOutput(RecordingOutputSettings settings) : d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
    d->stats.name = d->settings.name;
    d->finalPath = d->settings.path;
}

RecordingOutput::~RecordingOutput()
{
    stop();
}

QString RecordingOutput::name() const
{
    return d->settings.name;
}

QString RecordingOutput::finalPath() const
{
    std::lock_guard lock(d->mutex);
    return d->finalPath;
}

void RecordingOutput::Private::setState(OutputState state)
{
    std::lock_guard lock(mutex);
    if (stats.state == state)
        return;
    stats.state = state;
    qCInfo(lcRecording).noquote()
        << QStringLiteral("%1 (%2): %3").arg(settings.name, settings.path, outputStateName(state));
}

void RecordingOutput::Private::fail(const QString& error)
{
    qCWarning(lcRecording).noquote() << QStringLiteral("%1: %2").arg(settings.name, error);
    std::lock_guard lock(mutex);
    stats.state = OutputState::Failed;
    stats.lastError = error;
    queue.clear();
}

std::int64_t RecordingOutput::Private::queuedVideoMs() const
{
    std::int64_t first = 0;
    std::int64_t last = 0;
    bool any = false;
    for (const EncodedPacket& p : queue) {
        if (p.stream != EncodedPacket::Stream::Video)
            continue;
        last = p.dtsUs();
        if (!any)
            first = last;
        any = true;
    }
    return (last - first) / 1000;
}

void RecordingOutput::start(const EncodedStreams& streams)
{
    {
        std::lock_guard lock(d->mutex);
        if (d->started)
            return;
        d->started = true;
        d->streams = streams;
        d->stats.state = OutputState::Connecting;
    }
    d->thread = std::thread([this] { d->run(); });
}

void RecordingOutput::push(const EncodedPacket& packet)
{
    if (!packet.packet)
        return;
    std::lock_guard lock(d->mutex);
    if (!d->started || d->stopRequested || d->stats.state == OutputState::Failed)
        return;
    if (packet.stream == EncodedPacket::Stream::Video) {
        if (d->dropToKeyframe && !packet.keyframe) {
            ++d->stats.droppedFrames;
            return;
        }
        d->dropToKeyframe = false;
        if (!packet.keyframe && d->queuedVideoMs() > d->settings.maxQueuedMs) {
            d->dropToKeyframe = true;
            ++d->stats.droppedFrames;
            qCWarning(lcRecording).noquote()
                << QStringLiteral("%1: the disk is not keeping up (%2 ms queued); dropping video "
                                  "until the next keyframe")
                       .arg(d->settings.name)
                       .arg(d->queuedVideoMs());
            return;
        }
    }
    d->queue.push_back(packet);
    d->wake.notify_one();
}

bool RecordingOutput::Private::open(QString* error)
{
    const QByteArray path = settings.path.toUtf8();
    AVFormatContext* raw = nullptr;
    int ret = avformat_alloc_output_context2(&raw, nullptr, "matroska", path.constData());
    if (ret < 0 || !raw) {
        *error = QStringLiteral("Cannot create the Matroska muxer: %1").arg(avErrorText(ret));
        return false;
    }
    muxer.reset(raw);
    muxer->flush_packets = 1;
    if (!streams.video) {
        *error = QStringLiteral("No video stream to record.");
        return false;
    }
    AVStream* video = avformat_new_stream(muxer.get(), nullptr);
    avcodec_parameters_copy(video->codecpar, streams.video.get());
    video->codecpar->codec_tag = 0;
    video->time_base = streams.videoTimeBase;
    video->avg_frame_rate = streams.videoFrameRate;
    videoIndex = video->index;
    if (streams.audio) {
        AVStream* audio = avformat_new_stream(muxer.get(), nullptr);
        avcodec_parameters_copy(audio->codecpar, streams.audio.get());
        audio->codecpar->codec_tag = 0;
        audio->time_base = streams.audioTimeBase;
        audioIndex = audio->index;
    }
    ret = avio_open2(&muxer->pb, path.constData(), AVIO_FLAG_WRITE, nullptr, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("Cannot create the recording %1: %2")
                     .arg(settings.path, avErrorText(ret));
        return false;
    }
    AVDictionary* options = nullptr;
    av_dict_set_int(&options, "cluster_time_limit", settings.clusterMs, 0);
    av_dict_set_int(&options, "cluster_size_limit", 4 * 1024 * 1024, 0);
    ret = avformat_write_header(muxer.get(), &options);
    av_dict_free(&options);
    if (ret >= 0) {
        avio_flush(muxer->pb);
        ret = muxer->pb->error;
    }
    if (ret < 0) {
        *error = QStringLiteral("Cannot write the recording %1: %2")
                     .arg(settings.path, avErrorText(ret));
        return false;
    }
    return true;
}

bool RecordingOutput::Private::write(const EncodedPacket& encoded, QString* error)
{
    const bool isVideo = encoded.stream == EncodedPacket::Stream::Video;
    const int index = isVideo ? videoIndex : audioIndex;
    if (index < 0)
        return true;
    AVPacket* packet = av_packet_clone(encoded.packet.get());
    packet->stream_index = index;
    av_packet_rescale_ts(packet, encoded.timeBase, muxer->streams[index]->time_base);
    int ret = av_interleaved_write_frame(muxer.get(), packet); // takes the reference
    av_packet_free(&packet);
    if (ret >= 0 && muxer->pb->error < 0)
        ret = muxer->pb->error;
    if (ret < 0) {
        *error = QStringLiteral("Writing the recording %1 failed: %2")
                     .arg(settings.path, avErrorText(ret));
        return false;
    }
    std::lock_guard lock(mutex);
    if (isVideo) {
        ++stats.framesWritten;
        stats.keyframesWritten += encoded.keyframe ? 1 : 0;
    } else {
        ++stats.audioPacketsWritten;
    }
    stats.bytesWritten = avio_tell(muxer->pb);
    meter.record(stats.bytesWritten);
    return true;
}

void RecordingOutput::Private::run()
{
    QString error;
    if (!open(&error)) {
        muxer.reset();
        fail(error);
        return;
    }
    setState(OutputState::Live);
    for (;;) {
        EncodedPacket packet;
        {
            std::unique_lock lock(mutex);
            wake.wait(lock, [this] { return stopRequested || !queue.empty(); });
            if (queue.empty())
                break; // stop requested and everything written
            packet = std::move(queue.front());
            queue.pop_front();
        }
        if (!write(packet, &error)) {
            muxer.reset(); // no trailer: the disk refuses more bytes
            fail(error);
            return;
        }
    }
    std::int64_t framesWritten = 0;
    {
        std::lock_guard lock(mutex);
        framesWritten = stats.framesWritten;
    }
    if (framesWritten == 0) {
        // Stopped before the first frame: a header alone is a file no player opens. Nothing
        // is left behind, and the user is told why there is no recording.
        muxer.reset();
        QFile::remove(settings.path);
        const QString note =
            QStringLiteral("nothing was recorded (stopped before the first frame); %1 removed")
                .arg(settings.path);
        qCWarning(lcRecording).noquote() << QStringLiteral("%1: %2").arg(settings.name, note);
        std::lock_guard lock(mutex);
        stats.lastError = note;
        finalPath.clear();
        return;
    }
    int ret = av_write_trailer(muxer.get());
    if (ret >= 0 && muxer->pb->error < 0)
        ret = muxer->pb->error;
    muxer.reset();
    if (ret < 0) {
        fail(QStringLiteral("Finishing the recording %1 failed: %2")
                 .arg(settings.path, avErrorText(ret)));
        return;
    }
    qCInfo(lcRecording).noquote() << QStringLiteral("%1: finished %2 (%3 bytes, %4 video frames)")
                                         .arg(settings.name, settings.path)
                                         .arg(stats.bytesWritten)
                                         .arg(stats.framesWritten);
    if (!settings.remuxToMp4)
        return;
    const QString mp4 = mp4PathFor(settings.path);
    if (!RecordingOutput::remuxToMp4(settings.path, mp4, &error)) {
        qCWarning(lcRecording).noquote()
            << QStringLiteral("%1: %2; keeping %3").arg(settings.name, error, settings.path);
        std::lock_guard lock(mutex);
        stats.lastError = error;
        return;
    }
    if (!settings.keepMkvAfterRemux)
        QFile::remove(settings.path);
    std::lock_guard lock(mutex);
    finalPath = mp4;
}

void RecordingOutput::stop()
{
    {
        std::lock_guard lock(d->mutex);
        if (!d->started || d->stopRequested)
            return;
        d->stopRequested = true;
        d->wake.notify_all();
    }
    if (d->thread.joinable())
        d->thread.join();
    std::lock_guard lock(d->mutex);
    if (d->stats.state != OutputState::Failed)
        d->stats.state = OutputState::Stopped;
}

OutputStats RecordingOutput::stats() const
{
    std::lock_guard lock(d->mutex);
    OutputStats copy = d->stats;
    copy.bitrateKbps = d->meter.kbps();
    copy.queuedMs = d->queuedVideoMs();
    return copy;
}

bool RecordingOutput::remuxToMp4(const QString& inputPath, const QString& mp4Path, QString* error)
{
    const QByteArray in = inputPath.toUtf8();
    const QByteArray out = mp4Path.toUtf8();
    AVFormatContext* rawInput = nullptr;
    int ret = avformat_open_input(&rawInput, in.constData(), nullptr, nullptr);
    if (ret < 0) {
        *error =
            QStringLiteral("Remux to MP4: cannot open %1: %2").arg(inputPath, avErrorText(ret));
        return false;
    }
    std::unique_ptr<AVFormatContext, InputContextDeleter> input(rawInput);
    if ((ret = avformat_find_stream_info(input.get(), nullptr)) < 0) {
        *error =
            QStringLiteral("Remux to MP4: cannot read %1: %2").arg(inputPath, avErrorText(ret));
        return false;
    }
    AVFormatContext* rawOutput = nullptr;
    avformat_alloc_output_context2(&rawOutput, nullptr, "mp4", out.constData());
    if (!rawOutput) {
        *error = QStringLiteral("Remux to MP4: no MP4 muxer in this FFmpeg.");
        return false;
    }
    OutputContextPtr output(rawOutput);
    std::vector<int> mapping(input->nb_streams, -1);
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVCodecParameters* par = input->streams[i]->codecpar;
        if (par->codec_type != AVMEDIA_TYPE_VIDEO && par->codec_type != AVMEDIA_TYPE_AUDIO)
            continue;
        AVStream* stream = avformat_new_stream(output.get(), nullptr);
        avcodec_parameters_copy(stream->codecpar, par);
        stream->codecpar->codec_tag = 0;
        stream->time_base = input->streams[i]->time_base;
        mapping[i] = stream->index;
    }
    auto failWith = [&](const QString& what, int code) {
        *error = QStringLiteral("Remux to MP4: %1 %2: %3").arg(what, mp4Path, avErrorText(code));
        output.reset();
        QFile::remove(mp4Path);
        return false;
    };
    if ((ret = avio_open2(&output->pb, out.constData(), AVIO_FLAG_WRITE, nullptr, nullptr)) < 0)
        return failWith(QStringLiteral("cannot create"), ret);
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    ret = avformat_write_header(output.get(), &options);
    av_dict_free(&options);
    if (ret < 0)
        return failWith(QStringLiteral("cannot start"), ret);
    std::unique_ptr<AVPacket, AVPacketDeleter> packet(av_packet_alloc());
    while ((ret = av_read_frame(input.get(), packet.get())) >= 0) {
        const int target = mapping[packet->stream_index];
        if (target < 0) {
            av_packet_unref(packet.get());
            continue;
        }
        av_packet_rescale_ts(packet.get(), input->streams[packet->stream_index]->time_base,
                             output->streams[target]->time_base);
        packet->stream_index = target;
        packet->pos = -1;
        if ((ret = av_interleaved_write_frame(output.get(), packet.get())) < 0)
            return failWith(QStringLiteral("cannot write"), ret);
    }
    if (ret != AVERROR_EOF)
        return failWith(QStringLiteral("cannot read the source of"), ret);
    if ((ret = av_write_trailer(output.get())) < 0)
        return failWith(QStringLiteral("cannot finish"), ret);
    output.reset();
    qCInfo(lcRecording).noquote() << QStringLiteral("Remuxed %1 to %2").arg(inputPath, mp4Path);
    return true;
}

} // namespace sb::render
