#include "VideoFileSource.h"

#include "FfmpegHandles.h"
#include "RegularFile.h"

#include "MediaTypes.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>

namespace sb::render {

Q_LOGGING_CATEGORY(lcVideoSource, "sb.render.video")

namespace {

// Further than this ahead of the shown frame, seeking beats decoding every frame in between.
constexpr std::int64_t kSeekThresholdMs = 2000;
// Reading is bounded so that a stalled file (a network mount, a file still being written) can
// never hold the scene loader or the render thread, and so never a stop: opening and probing
// get this long, each frame's reads and seeks this long.
constexpr std::int64_t kOpenTimeoutMs = 5000;
constexpr std::int64_t kFrameTimeoutMs = 500;

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

struct VideoFileSource::Decoder
{
    std::unique_ptr<AVFormatContext, InputContextDeleter> format;
    std::unique_ptr<AVCodecContext, CodecContextDeleter> codec;
    std::unique_ptr<AVPacket, AVPacketDeleter> packet{av_packet_alloc()};
    std::unique_ptr<AVFrame, FrameDeleter> shown{av_frame_alloc()};
    std::unique_ptr<AVFrame, FrameDeleter> pending{av_frame_alloc()};
    std::unique_ptr<SwsContext, SwsDeleter> scaler;
    int streamIndex = -1;
    AVRational timeBase{1, 1000};
    std::int64_t startPts = 0;
    std::int64_t durationMs = 0;
    std::int64_t shownMs = -1;
    std::int64_t pendingMs = 0;
    std::int64_t lastFrameEndMs = 0;
    bool hasPending = false;
    bool draining = false;
    bool endOfFile = false;
    bool timedOut = false; // the last read hit its deadline; try again next frame
    int decodedFrames = 0;
    std::int64_t deadlineMs = 0; // FFmpeg's blocking reads give up after this

    static int interrupted(void* opaque)
    {
        return steadyNowMs() > static_cast<const Decoder*>(opaque)->deadlineMs ? 1 : 0;
    }
    void allowMs(std::int64_t ms) { deadlineMs = steadyNowMs() + ms; }

    std::int64_t frameTimeMs(const AVFrame* frame) const
    {
        std::int64_t pts = frame->best_effort_timestamp;
        if (pts == AV_NOPTS_VALUE)
            pts = frame->pts;
        if (pts == AV_NOPTS_VALUE)
            return lastFrameEndMs;
        return av_rescale_q(pts - startPts, timeBase, AVRational{1, 1000});
    }

    // Next decoded frame into `pending`; false at the end of the file or on an error.
    bool decodeNext()
    {
        while (!endOfFile) {
            const int received = avcodec_receive_frame(codec.get(), pending.get());
            if (received == 0) {
                ++decodedFrames;
                pendingMs = frameTimeMs(pending.get());
                const std::int64_t frameDurationMs =
                    av_rescale_q(std::max<std::int64_t>(pending->pkt_duration, 1), timeBase,
                                 AVRational{1, 1000});
                lastFrameEndMs = std::max(lastFrameEndMs, pendingMs + frameDurationMs);
                hasPending = true;
                return true;
            }
            if (received != AVERROR(EAGAIN)) {
                if (received != AVERROR_EOF)
                    qCWarning(lcVideoSource).noquote() << "decode error:" << avErrorText(received);
                endOfFile = true;
                break;
            }
            if (draining) {
                endOfFile = true;
                break;
            }
            const int read = av_read_frame(format.get(), packet.get());
            if (read == AVERROR_EXIT) {
                timedOut = true; // not the end of the file: the loop length must stay right
                return false;
            }
            if (read < 0) {
                draining = true;
                avcodec_send_packet(codec.get(), nullptr);
                continue;
            }
            if (packet->stream_index == streamIndex) {
                const int sent = avcodec_send_packet(codec.get(), packet.get());
                if (sent < 0 && sent != AVERROR(EAGAIN))
                    qCWarning(lcVideoSource).noquote() << "bad packet:" << avErrorText(sent);
            }
            av_packet_unref(packet.get());
        }
        if (durationMs <= 0)
            durationMs = lastFrameEndMs;
        return false;
    }

    void seekTo(std::int64_t timeMs)
    {
        const std::int64_t target = startPts + av_rescale_q(timeMs, AVRational{1, 1000}, timeBase);
        av_seek_frame(format.get(), streamIndex, target, AVSEEK_FLAG_BACKWARD);
        avcodec_flush_buffers(codec.get());
        draining = false;
        endOfFile = false;
        hasPending = false;
        shownMs = -1;
    }
};

VideoFileSource::VideoFileSource(const QString& path) : m_decoder(std::make_unique<Decoder>())
{
    Decoder& d = *m_decoder;
    m_error = notRegularFileProblem(path);
    if (!m_error.isEmpty()) {
        m_decoder.reset();
        return;
    }
    AVFormatContext* format = avformat_alloc_context();
    format->interrupt_callback = AVIOInterruptCB{&Decoder::interrupted, &d};
    d.allowMs(kOpenTimeoutMs);
    int result = avformat_open_input(&format, path.toUtf8().constData(), nullptr, nullptr);
    if (result < 0) { // the context was freed
        m_error = result == AVERROR_EXIT
                      ? QStringLiteral("cannot open video %1: no answer within %2 s")
                            .arg(path)
                            .arg(kOpenTimeoutMs / 1000)
                      : QStringLiteral("cannot open video %1: %2").arg(path, avErrorText(result));
        m_decoder.reset();
        return;
    }
    d.format.reset(format);
    result = avformat_find_stream_info(format, nullptr);
    if (result == AVERROR_EXIT) {
        m_error = QStringLiteral("cannot read video %1: no answer within %2 s")
                      .arg(path)
                      .arg(kOpenTimeoutMs / 1000);
        m_decoder.reset();
        return;
    }
    const AVCodec* decoder = nullptr;
    if (result >= 0)
        result = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (result < 0 || !decoder) {
        m_error =
            QStringLiteral("no playable video stream in %1: %2").arg(path, avErrorText(result));
        m_decoder.reset();
        return;
    }
    d.streamIndex = result;
    const AVStream* stream = format->streams[d.streamIndex];
    d.timeBase = stream->time_base;
    d.startPts = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    if (format->duration > 0)
        d.durationMs = av_rescale(format->duration, 1000, AV_TIME_BASE);
    d.codec.reset(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(d.codec.get(), stream->codecpar);
    result = avcodec_open2(d.codec.get(), decoder, nullptr);
    if (result < 0) {
        m_error = QStringLiteral("cannot decode %1: %2").arg(path, avErrorText(result));
        m_decoder.reset();
        return;
    }
    // Show the first picture right away (layouts need the size before the first render).
    if (d.decodeNext()) {
        std::swap(d.shown, d.pending);
        d.shownMs = d.pendingMs;
        d.hasPending = false;
        showFrame();
    }
}

VideoFileSource::~VideoFileSource() = default;

bool VideoFileSource::isValid() const
{
    return m_decoder != nullptr;
}

std::int64_t VideoFileSource::durationMs() const
{
    return m_decoder ? m_decoder->durationMs : 0;
}

int VideoFileSource::decodedFrameCount() const
{
    return m_decoder ? m_decoder->decodedFrames : 0;
}

QSize VideoFileSource::size() const
{
    return m_image.size();
}

void VideoFileSource::advanceTo(std::int64_t sceneTimeMs)
{
    if (!m_decoder)
        return;
    Decoder& d = *m_decoder;
    d.allowMs(kFrameTimeoutMs);
    d.timedOut = false;
    const auto localTime = [&d, sceneTimeMs] {
        const std::int64_t time = std::max<std::int64_t>(sceneTimeMs, 0);
        return d.durationMs > 0 ? time % d.durationMs : time;
    };
    std::int64_t local = localTime();
    if (d.shownMs >= 0 && (local < d.shownMs || local - d.shownMs > kSeekThresholdMs))
        d.seekTo(local);

    bool changed = false;
    bool loopedOnce = false;
    while (true) {
        if (!d.hasPending && !d.decodeNext()) {
            if (d.timedOut)
                break; // keep showing this frame; the file may answer next time
            // The duration may only now be known: wrap once if the time is past the end.
            const std::int64_t wrapped = localTime();
            if (!loopedOnce && wrapped != local && wrapped < d.shownMs) {
                loopedOnce = true;
                local = wrapped;
                d.seekTo(0);
                continue;
            }
            break;
        }
        if (d.shownMs >= 0 && d.pendingMs > local)
            break;
        std::swap(d.shown, d.pending);
        av_frame_unref(d.pending.get());
        d.shownMs = d.pendingMs;
        d.hasPending = false;
        changed = true;
    }
    if (changed && showFrame())
        contentChanged();
}

bool VideoFileSource::showFrame()
{
    Decoder& d = *m_decoder;
    const AVFrame* frame = d.shown.get();
    if (frame->width <= 0 || frame->height <= 0)
        return false;
    const auto sourceFormat = AVPixelFormat(frame->format);
    d.scaler.reset(sws_getCachedContext(d.scaler.release(), frame->width, frame->height,
                                        // 0xAARRGGBB words in native byte order: kUploadFormat
                                        sourceFormat, frame->width, frame->height, AV_PIX_FMT_RGB32,
                                        SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!d.scaler)
        return false;
    // Untagged HD video is BT.709 in practice; SD defaults to BT.601.
    int colorspace = frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    if (frame->colorspace == AVCOL_SPC_BT709)
        colorspace = SWS_CS_ITU709;
    else if (frame->colorspace == AVCOL_SPC_BT470BG || frame->colorspace == AVCOL_SPC_SMPTE170M)
        colorspace = SWS_CS_ITU601;
    const int fullRange = frame->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
    sws_setColorspaceDetails(d.scaler.get(), sws_getCoefficients(colorspace), fullRange,
                             sws_getCoefficients(SWS_CS_ITU709), 1, 0, 1 << 16, 1 << 16);

    const bool hasAlpha = (av_pix_fmt_desc_get(sourceFormat)->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
    m_hasAlpha = hasAlpha;
    const QSize size(frame->width, frame->height);
    // Codecs give straight alpha; the compositor blends premultiplied.
    QImage& target = hasAlpha ? m_straight : m_image;
    if (target.size() != size)
        target = QImage(size, hasAlpha ? QImage::Format_ARGB32 : kUploadFormat);
    uint8_t* destination[4] = {target.bits(), nullptr, nullptr, nullptr};
    const int destinationStride[4] = {int(target.bytesPerLine()), 0, 0, 0};
    sws_scale(d.scaler.get(), frame->data, frame->linesize, 0, frame->height, destination,
              destinationStride);
    if (hasAlpha)
        m_image = m_straight.convertToFormat(kUploadFormat);
    return true;
}

} // namespace sb::render
