#include "VideoEncoder.h"

#include "FfmpegHandles.h"
#include "FfmpegLog.h"

extern "C" {
#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcVideo, "sb.render.video")

namespace sb::render {

namespace {

const char* const kHardwareEncoders[] = {"h264_nvenc", "h264_vaapi", "h264_qsv",
                                         "h264_videotoolbox", "h264_amf"};

bool supportsPixelFormat(const AVCodec* codec, AVPixelFormat format)
{
    if (!codec->pix_fmts)
        return true;
    for (const AVPixelFormat* p = codec->pix_fmts; *p != AV_PIX_FMT_NONE; ++p) {
        if (*p == format)
            return true;
    }
    return false;
}

// Sets an encoder's private option when it has one; encoders differ in what they accept.
void setPrivateOption(AVCodecContext* ctx, const char* key, const QString& value)
{
    const int ret = av_opt_set(ctx->priv_data, key, value.toUtf8().constData(), 0);
    if (ret < 0) {
        qCDebug(lcVideo) << ctx->codec->name << "ignores option" << key << "=" << value << ":"
                         << avErrorText(ret);
    }
}

QString nvencPreset(const QString& preset)
{
    if (preset.size() == 2 && preset.startsWith(QLatin1Char('p')))
        return preset;
    if (preset == QLatin1String("ultrafast") || preset == QLatin1String("superfast"))
        return QStringLiteral("p1");
    if (preset == QLatin1String("veryfast") || preset == QLatin1String("faster"))
        return QStringLiteral("p2");
    if (preset == QLatin1String("fast") || preset == QLatin1String("medium"))
        return QStringLiteral("p4");
    return QStringLiteral("p5");
}

bool isFastX264Preset(const QString& preset)
{
    return preset == QLatin1String("ultrafast") || preset == QLatin1String("superfast") ||
           preset == QLatin1String("veryfast");
}

// One core encodes 1280×720 at 30 fps with veryfast in about a quarter of its time (8 ms a frame
// on bench_window's 2-core Xeon), so one frame thread does up to that rate with the fast presets;
// a bigger or faster picture, or a slower preset, gets one per core. One thread instead of two
// holds ~10 MB less at 720p, and its picture is as good or better (PSNR +0.5 dB on the default
// show, -0.02 dB on a hard clip, at 2500 kbps).
int x264FrameThreads(const VideoEncoderSettings& settings, int cores)
{
    const std::int64_t pixelsPerSecond =
        std::int64_t(settings.width) * settings.height * settings.fps;
    if (isFastX264Preset(settings.preset) && pixelsPerSecond <= std::int64_t(1280) * 720 * 30)
        return 1;
    return cores;
}

// A frame handed to the encoder, owned by the buffer that FFmpeg counts references to.
struct HandedFrame
{
    RawVideoFrame frame;
    std::shared_ptr<const VideoEncoder::FrameRecycler> recycler;

    static void release(void* opaque, std::uint8_t*)
    {
        auto* handed = static_cast<HandedFrame*>(opaque);
        if (handed->recycler && *handed->recycler)
            (*handed->recycler)(std::move(handed->frame));
        delete handed;
    }
};

void copyPlane(std::uint8_t* dst, int dstStride, const std::uint8_t* src, int srcStride,
               int bytesPerRow, int rows)
{
    av_image_copy_plane(dst, dstStride, src, srcStride, bytesPerRow, rows);
}

} // namespace

struct VideoEncoder::Private
{
    VideoEncoderSettings settings;
    PacketCallback callback;
    std::shared_ptr<const FrameRecycler> recycler;
    CodecContextPtr ctx;
    FramePtr swFrame; // allocated on the first copy
    FramePtr handedFrame;
    BufferRefPtr hwDevice;
    BufferRefPtr hwFrames;
    AVPixelFormat swFormat = AV_PIX_FMT_NV12;
    std::shared_ptr<const AVCodecParameters> parameters;
    QString error;
    QStringList probeNotes;
    bool flushed = false;
    std::int64_t lastKeyframeSlot = -1; // grid slot (pts / gop) of the last forced keyframe

    bool tryOpen(const QString& name, QString* why);
    bool setUpHardwareFrames(const AVCodec* codec, QString* why);
    bool checkFrame(const RawVideoFrame& frame);
    bool fillSoftwareFrame(const RawVideoFrame& frame);
    bool sendHanded(RawVideoFrame&& frame);
    bool sendFrame(AVFrame* frame);
    bool drain();
};

bool VideoEncoder::Private::setUpHardwareFrames(const AVCodec* codec, QString* why)
{
    AVHWDeviceType deviceType = AV_HWDEVICE_TYPE_NONE;
    AVPixelFormat hwFormat = AV_PIX_FMT_NONE;
    if (supportsPixelFormat(codec, AV_PIX_FMT_VAAPI) && codec->pix_fmts) {
        deviceType = AV_HWDEVICE_TYPE_VAAPI;
        hwFormat = AV_PIX_FMT_VAAPI;
    } else if (codec->pix_fmts && supportsPixelFormat(codec, AV_PIX_FMT_QSV) &&
               !supportsPixelFormat(codec, AV_PIX_FMT_NV12)) {
        deviceType = AV_HWDEVICE_TYPE_QSV;
        hwFormat = AV_PIX_FMT_QSV;
    }
    if (deviceType == AV_HWDEVICE_TYPE_NONE)
        return true; // takes frames from system memory

    AVBufferRef* device = nullptr;
    int ret = av_hwdevice_ctx_create(&device, deviceType, nullptr, nullptr, 0);
    if (ret < 0) {
        *why = QStringLiteral("cannot create a %1 device: %2")
                   .arg(QString::fromUtf8(av_hwdevice_get_type_name(deviceType)), avErrorText(ret));
        return false;
    }
    hwDevice.reset(device);
    hwFrames.reset(av_hwframe_ctx_alloc(hwDevice.get()));
    if (!hwFrames) {
        *why = QStringLiteral("out of memory for hardware frames");
        return false;
    }
    auto* frames = reinterpret_cast<AVHWFramesContext*>(hwFrames->data);
    frames->format = hwFormat;
    frames->sw_format = AV_PIX_FMT_NV12;
    frames->width = settings.width;
    frames->height = settings.height;
    frames->initial_pool_size = 20;
    ret = av_hwframe_ctx_init(hwFrames.get());
    if (ret < 0) {
        *why = QStringLiteral("cannot allocate hardware frames: %1").arg(avErrorText(ret));
        return false;
    }
    ctx->hw_frames_ctx = av_buffer_ref(hwFrames.get());
    ctx->pix_fmt = hwFormat;
    swFormat = AV_PIX_FMT_NV12;
    return true;
}

bool VideoEncoder::Private::tryOpen(const QString& name, QString* why)
{
    const AVCodec* codec = avcodec_find_encoder_by_name(name.toUtf8().constData());
    if (!codec) {
        *why = QStringLiteral("not built into this FFmpeg");
        return false;
    }
    ctx.reset(avcodec_alloc_context3(codec));
    hwDevice.reset();
    hwFrames.reset();
    if (!ctx) {
        *why = QStringLiteral("out of memory");
        return false;
    }
    const int fps = settings.fps;
    const int gop = settings.keyframeIntervalFrames();
    const std::int64_t bitrate = std::int64_t(settings.bitrateKbps) * 1000;
    ctx->width = settings.width;
    ctx->height = settings.height;
    ctx->time_base = AVRational{1, fps};
    ctx->framerate = AVRational{fps, 1};
    ctx->sample_aspect_ratio = AVRational{1, 1};
    ctx->gop_size = gop;
    ctx->keyint_min = gop;
    ctx->bit_rate = bitrate;
    ctx->rc_max_rate = bitrate;
    ctx->rc_buffer_size = int(bitrate); // one second of VBV, as OBS does for CBR
    ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ctx->colorspace = AVCOL_SPC_BT709;
    ctx->color_primaries = AVCOL_PRI_BT709;
    ctx->color_trc = AVCOL_TRC_BT709;
    ctx->color_range = AVCOL_RANGE_MPEG;
    ctx->profile = FF_PROFILE_H264_HIGH;

    const AVPixelFormat wanted =
        settings.inputFormat == PixelFormat::Nv12 ? AV_PIX_FMT_NV12 : AV_PIX_FMT_YUV420P;
    const AVPixelFormat other = wanted == AV_PIX_FMT_NV12 ? AV_PIX_FMT_YUV420P : AV_PIX_FMT_NV12;
    swFormat = supportsPixelFormat(codec, wanted) ? wanted : other;
    ctx->pix_fmt = swFormat;

    if (name == QLatin1String("libx264")) {
        setPrivateOption(ctx.get(), "preset", settings.preset);
        setPrivateOption(ctx.get(), "profile", settings.profile);
        // Keyframes only on the interval (ingests want a fixed GOP) and strict CBR with filler.
        QString params = QStringLiteral("scenecut=0:nal-hrd=cbr:force-cfr=1");
        // x264's automatic choice is 1.5 frame threads per core and a lookahead thread with its
        // own frame buffer. On a small machine, where the renderer and the window share the
        // cores, it gets as many frame threads as the picture needs and the lookahead on them:
        // each frame thread holds frames of its own, and every one beyond the first narrows the
        // motion search.
        const int cores = QThread::idealThreadCount();
        if (cores >= 1 && cores <= 4)
            params += QStringLiteral(":threads=%1:sync-lookahead=0")
                          .arg(x264FrameThreads(settings, cores));
        // veryfast looks 10 frames ahead, and x264 holds each of them (~3 MB at 720p) until it
        // is encoded. 5 frames: 16 MB less while streaming 720p and 167 ms less delay, for a
        // picture 0.08 dB (PSNR) below on a hard clip at 2500 kbps; on the default show, whose
        // picture is mostly still, it stays above 54 dB.
        // A B-frame that other B-frames refer to (b-pyramid) keeps one more reference picture
        // with its half-pel planes: 11 MB at 720p, for 0.07 dB (PSNR) on the default show at
        // 2500 kbps and nothing measurable on a hard clip. The encoder's memory goes first.
        if (settings.preset == QLatin1String("veryfast"))
            params += QStringLiteral(":rc-lookahead=5:b-pyramid=none");
        // On a small machine veryfast's sub-pixel refinement (subme 2) is a quarter of the
        // encoder's time. subme 1 at 2500 kbps, 720p30: 27 % less CPU and the same picture on
        // the default show (PSNR -0.02 dB, SSIM +0.00001); on a hard clip (testsrc2) 35 % less
        // CPU for -0.42 dB. A machine with more cores keeps veryfast whole.
        if (settings.preset == QLatin1String("veryfast") && cores >= 1 && cores <= 4)
            params += QStringLiteral(":subme=1");
        setPrivateOption(ctx.get(), "x264-params", params);
        setPrivateOption(ctx.get(), "forced-idr", QStringLiteral("1"));
    } else if (name == QLatin1String("h264_nvenc")) {
        setPrivateOption(ctx.get(), "preset", nvencPreset(settings.preset));
        setPrivateOption(ctx.get(), "profile", settings.profile);
        setPrivateOption(ctx.get(), "rc", QStringLiteral("cbr"));
        setPrivateOption(ctx.get(), "no-scenecut", QStringLiteral("1"));
        setPrivateOption(ctx.get(), "strict_gop", QStringLiteral("1"));
        setPrivateOption(ctx.get(), "forced-idr", QStringLiteral("1"));
    } else if (name == QLatin1String("h264_vaapi")) {
        setPrivateOption(ctx.get(), "rc_mode", QStringLiteral("CBR"));
    } else if (name == QLatin1String("h264_qsv")) {
        setPrivateOption(ctx.get(), "preset", settings.preset);
        setPrivateOption(ctx.get(), "profile", settings.profile);
        ctx->rc_min_rate = bitrate;
    } else if (name == QLatin1String("h264_videotoolbox")) {
        setPrivateOption(ctx.get(), "profile", settings.profile);
        setPrivateOption(ctx.get(), "realtime", QStringLiteral("1"));
    } else if (name == QLatin1String("h264_amf")) {
        setPrivateOption(ctx.get(), "usage", QStringLiteral("lowlatency"));
        setPrivateOption(ctx.get(), "profile", settings.profile);
        setPrivateOption(ctx.get(), "rc", QStringLiteral("cbr"));
        setPrivateOption(ctx.get(), "quality", QStringLiteral("speed"));
    }

    QList<FfmpegLogLine> captured;
    int ret = 0;
    {
        ScopedFfmpegLogCapture capture(&captured);
        if (!setUpHardwareFrames(codec, why)) {
            if (!captured.isEmpty())
                *why += QStringLiteral(" (") + textsOf(captured).join(QStringLiteral("; ")) +
                        QLatin1Char(')');
            ctx.reset();
            return false;
        }
        ret = avcodec_open2(ctx.get(), codec, nullptr);
    }
    const QStringList logLines = textsOf(captured);
    if (ret < 0) {
        *why = logLines.isEmpty() ? avErrorText(ret) : logLines.join(QStringLiteral("; "));
        ctx.reset();
        hwFrames.reset();
        hwDevice.reset();
        return false;
    }
    return true;
}

VideoEncoder::VideoEncoder(VideoEncoderSettings settings) : d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
}

VideoEncoder::~VideoEncoder() = default;

bool VideoEncoder::open()
{
    const VideoEncoderSettings& s = d->settings;
    if (s.width <= 0 || s.height <= 0 || s.width % 2 || s.height % 2 || s.fps <= 0 ||
        s.bitrateKbps <= 0 || s.keyframeIntervalSeconds <= 0) {
        d->error =
            QStringLiteral("Invalid video settings: %1×%2 at %3 fps, %4 kbps, keyframe every "
                           "%5 s (sizes must be even and positive).")
                .arg(s.width)
                .arg(s.height)
                .arg(s.fps)
                .arg(s.bitrateKbps)
                .arg(s.keyframeIntervalSeconds);
        qCWarning(lcVideo).noquote() << d->error;
        return false;
    }

    d->probeNotes.clear();
    QString why;
    if (s.encoder == QLatin1String("auto")) {
        for (const char* name : kHardwareEncoders) {
            const QString encoder = QString::fromLatin1(name);
            if (d->tryOpen(encoder, &why))
                break;
            d->probeNotes.append(QStringLiteral("%1: not available: %2").arg(encoder, why));
        }
        if (!d->ctx) {
            if (!d->tryOpen(QStringLiteral("libx264"), &why)) {
                d->error = QStringLiteral("Cannot open the H.264 encoder libx264: %1").arg(why);
                qCWarning(lcVideo).noquote() << d->error;
                return false;
            }
            qCInfo(lcVideo).noquote()
                << d->probeNotes.join(QStringLiteral("; ")) + QStringLiteral("; using libx264");
        }
    } else if (!d->tryOpen(s.encoder, &why)) {
        d->error = QStringLiteral("Cannot open the H.264 encoder %1: %2").arg(s.encoder, why);
        qCWarning(lcVideo).noquote() << d->error;
        return false;
    }

    d->swFrame.reset();
    d->handedFrame.reset(av_frame_alloc());
    if (!d->handedFrame) {
        d->error = QStringLiteral("Cannot allocate a video frame: out of memory");
        d->ctx.reset();
        return false;
    }

    AVCodecParameters* parameters = avcodec_parameters_alloc();
    avcodec_parameters_from_context(parameters, d->ctx.get());
    parameters->format = d->swFormat; // muxers describe the frames, not the GPU surface
    d->parameters.reset(parameters, CodecParametersDeleter{});
    d->flushed = false;
    qCInfo(lcVideo).noquote() << QStringLiteral("Video encoder %1 open: %2×%3 at %4 fps, %5 kbps "
                                                "CBR, keyframe every %6 s, input %7")
                                     .arg(encoderName())
                                     .arg(s.width)
                                     .arg(s.height)
                                     .arg(s.fps)
                                     .arg(s.bitrateKbps)
                                     .arg(s.keyframeIntervalSeconds)
                                     .arg(QString::fromUtf8(av_get_pix_fmt_name(d->swFormat)));
    return true;
}

bool VideoEncoder::isOpen() const
{
    return d->ctx != nullptr;
}

QString VideoEncoder::errorString() const
{
    return d->error;
}

void VideoEncoder::setPacketCallback(PacketCallback callback)
{
    d->callback = std::move(callback);
}

bool VideoEncoder::Private::checkFrame(const RawVideoFrame& frame)
{
    if (frame.width != settings.width || frame.height != settings.height ||
        frame.data.size() < RawVideoFrame::byteSize(frame.width, frame.height)) {
        error = QStringLiteral("Video frame %1 is %2×%3 (%4 bytes); the encoder expects %5×%6.")
                    .arg(frame.frameIndex)
                    .arg(frame.width)
                    .arg(frame.height)
                    .arg(frame.data.size())
                    .arg(settings.width)
                    .arg(settings.height);
        return false;
    }
    return true;
}

bool VideoEncoder::Private::fillSoftwareFrame(const RawVideoFrame& frame)
{
    if (!checkFrame(frame))
        return false;
    if (!swFrame) {
        FramePtr allocated(av_frame_alloc());
        if (!allocated) {
            error = QStringLiteral("Cannot allocate a video frame: out of memory");
            return false;
        }
        allocated->format = swFormat;
        allocated->width = settings.width;
        allocated->height = settings.height;
        if (const int ret = av_frame_get_buffer(allocated.get(), 0); ret < 0) {
            error = QStringLiteral("Cannot allocate a video frame: %1").arg(avErrorText(ret));
            return false;
        }
        swFrame = std::move(allocated);
    }
    if (const int ret = av_frame_make_writable(swFrame.get()); ret < 0) {
        error = QStringLiteral("Cannot reuse the video frame buffer: %1").arg(avErrorText(ret));
        return false;
    }
    AVFrame* f = swFrame.get();
    const int w = frame.width;
    const int h = frame.height;
    copyPlane(f->data[0], f->linesize[0], frame.plane(0), frame.stride(0), w, h);
    const bool srcNv12 = frame.format == PixelFormat::Nv12;
    const bool dstNv12 = swFormat == AV_PIX_FMT_NV12;
    if (srcNv12 && dstNv12) {
        copyPlane(f->data[1], f->linesize[1], frame.plane(1), frame.stride(1), w, h / 2);
    } else if (!srcNv12 && !dstNv12) {
        copyPlane(f->data[1], f->linesize[1], frame.plane(1), frame.stride(1), w / 2, h / 2);
        copyPlane(f->data[2], f->linesize[2], frame.plane(2), frame.stride(2), w / 2, h / 2);
    } else if (srcNv12) { // NV12 -> I420
        for (int y = 0; y < h / 2; ++y) {
            const std::uint8_t* uv = frame.plane(1) + std::size_t(y) * frame.stride(1);
            std::uint8_t* u = f->data[1] + std::size_t(y) * f->linesize[1];
            std::uint8_t* v = f->data[2] + std::size_t(y) * f->linesize[2];
            for (int x = 0; x < w / 2; ++x) {
                u[x] = uv[2 * x];
                v[x] = uv[2 * x + 1];
            }
        }
    } else { // I420 -> NV12
        for (int y = 0; y < h / 2; ++y) {
            const std::uint8_t* u = frame.plane(1) + std::size_t(y) * frame.stride(1);
            const std::uint8_t* v = frame.plane(2) + std::size_t(y) * frame.stride(2);
            std::uint8_t* uv = f->data[1] + std::size_t(y) * f->linesize[1];
            for (int x = 0; x < w / 2; ++x) {
                uv[2 * x] = u[x];
                uv[2 * x + 1] = v[x];
            }
        }
    }
    f->pts = frame.frameIndex;
    return true;
}

bool VideoEncoder::encode(const RawVideoFrame& frame)
{
    if (!d->ctx || d->flushed) {
        d->error = QStringLiteral("The video encoder is not open.");
        return false;
    }
    if (!d->fillSoftwareFrame(frame)) {
        qCWarning(lcVideo).noquote() << d->error;
        return false;
    }
    if (!d->hwFrames)
        return d->sendFrame(d->swFrame.get());

    FramePtr hwFrame(av_frame_alloc());
    int ret = av_hwframe_get_buffer(d->hwFrames.get(), hwFrame.get(), 0);
    if (ret >= 0)
        ret = av_hwframe_transfer_data(hwFrame.get(), d->swFrame.get(), 0);
    if (ret < 0) {
        d->error = QStringLiteral("Cannot upload frame %1 to the %2 encoder: %3")
                       .arg(frame.frameIndex)
                       .arg(encoderName(), avErrorText(ret));
        qCWarning(lcVideo).noquote() << d->error;
        return false;
    }
    hwFrame->pts = frame.frameIndex;
    return d->sendFrame(hwFrame.get());
}

bool VideoEncoder::Private::sendHanded(RawVideoFrame&& frame)
{
    if (!checkFrame(frame))
        return false;
    const int w = frame.width;
    const int h = frame.height;
    const std::int64_t index = frame.frameIndex;
    auto* handed = new HandedFrame{std::move(frame), recycler};
    AVBufferRef* buffer = av_buffer_create(handed->frame.data.data(), handed->frame.data.size(),
                                           &HandedFrame::release, handed, 0);
    if (!buffer) {
        delete handed;
        error = QStringLiteral("Cannot hand frame %1 to the encoder: out of memory").arg(index);
        return false;
    }
    AVFrame* f = handedFrame.get();
    f->buf[0] = buffer; // the frame's only reference: unref releases it unless the encoder kept one
    f->format = swFormat;
    f->width = w;
    f->height = h;
    f->data[0] = buffer->data;
    f->linesize[0] = w;
    f->data[1] = buffer->data + std::size_t(w) * h;
    f->linesize[1] = w;
    f->pts = index;
    const bool sent = sendFrame(f);
    av_frame_unref(f);
    return sent;
}

bool VideoEncoder::encode(RawVideoFrame&& frame)
{
    if (!d->ctx || d->flushed) {
        d->error = QStringLiteral("The video encoder is not open.");
        return false;
    }
    // x264 copies the picture into a frame of its own before it returns (FFmpeg's wrapper hands
    // it the planes), so it can read them where they are. Other encoders may keep a frame for
    // later, or want it uploaded or aligned: they get the copy encode() makes.
    const bool handOver = !d->hwFrames && d->swFormat == AV_PIX_FMT_NV12 &&
                          frame.format == PixelFormat::Nv12 &&
                          qstrcmp(d->ctx->codec->name, "libx264") == 0;
    if (handOver) {
        if (d->sendHanded(std::move(frame)))
            return true;
        qCWarning(lcVideo).noquote() << d->error;
        return false;
    }
    const bool encoded = encode(static_cast<const RawVideoFrame&>(frame));
    if (d->recycler && *d->recycler)
        (*d->recycler)(std::move(frame));
    return encoded;
}

void VideoEncoder::setFrameRecycler(FrameRecycler recycler)
{
    d->recycler = std::make_shared<const FrameRecycler>(std::move(recycler));
}

bool VideoEncoder::Private::sendFrame(AVFrame* frame)
{
    if (frame) {
        // The first frame of each grid slot is forced to an IDR: encoders count frames, and a
        // skipped frame would otherwise push every later keyframe one frame further apart.
        const std::int64_t slot = frame->pts / settings.keyframeIntervalFrames();
        frame->pict_type = slot != lastKeyframeSlot ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
        lastKeyframeSlot = slot;
    }
    const int ret = avcodec_send_frame(ctx.get(), frame);
    if (ret < 0 && ret != AVERROR_EOF) {
        error = QStringLiteral("The %1 encoder rejected a frame: %2")
                    .arg(QString::fromUtf8(ctx->codec->name), avErrorText(ret));
        qCWarning(lcVideo).noquote() << error;
        return false;
    }
    return drain();
}

bool VideoEncoder::Private::drain()
{
    for (;;) {
        std::unique_ptr<AVPacket, AVPacketDeleter> packet(av_packet_alloc());
        const int ret = avcodec_receive_packet(ctx.get(), packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret < 0) {
            error = QStringLiteral("The %1 encoder failed: %2")
                        .arg(QString::fromUtf8(ctx->codec->name), avErrorText(ret));
            qCWarning(lcVideo).noquote() << error;
            return false;
        }
        packet->time_base = ctx->time_base;
        EncodedPacket encoded;
        encoded.stream = EncodedPacket::Stream::Video;
        encoded.timeBase = ctx->time_base;
        encoded.keyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;
        // FFmpeg 5.1's libx264 wrapper does not set AV_PKT_FLAG_DISPOSABLE; the slice headers say.
        encoded.disposable = !encoded.keyframe && ((packet->flags & AV_PKT_FLAG_DISPOSABLE) ||
                                                   VideoEncoder::isNonReferenceH264(*packet));
        encoded.packet = PacketPtr(packet.release(), AVPacketDeleter{});
        if (callback)
            callback(encoded);
    }
}

bool VideoEncoder::flush()
{
    if (!d->ctx)
        return false;
    if (d->flushed)
        return true;
    d->flushed = true;
    return d->sendFrame(nullptr);
}

QString VideoEncoder::encoderName() const
{
    return d->ctx ? QString::fromUtf8(d->ctx->codec->name) : QString();
}

QStringList VideoEncoder::probeNotes() const
{
    return d->probeNotes;
}

const VideoEncoderSettings& VideoEncoder::settings() const
{
    return d->settings;
}

std::shared_ptr<const AVCodecParameters> VideoEncoder::codecParameters() const
{
    return d->parameters;
}

AVRational VideoEncoder::timeBase() const
{
    return AVRational{1, d->settings.fps};
}

AVRational VideoEncoder::frameRate() const
{
    return AVRational{d->settings.fps, 1};
}

QStringList VideoEncoder::availableHardwareEncoders()
{
    static const QStringList available = [] {
        QStringList names;
        for (const char* name : kHardwareEncoders) {
            VideoEncoderSettings settings;
            settings.encoder = QString::fromLatin1(name);
            Private probe;
            probe.settings = settings;
            QString why;
            if (probe.tryOpen(settings.encoder, &why))
                names.append(settings.encoder);
            else
                qCDebug(lcVideo).noquote() << settings.encoder << "not available:" << why;
        }
        return names;
    }();
    return available;
}

bool VideoEncoder::isNonReferenceH264(const AVPacket& packet)
{
    const std::uint8_t* data = packet.data;
    const int size = packet.size;
    if (!data || size < 5)
        return false;
    bool sawSlice = false;
    auto inspect = [&sawSlice](std::uint8_t header) {
        const int type = header & 0x1f;
        if (type == 1 || type == 5) {
            sawSlice = true;
            return ((header >> 5) & 3) == 0;
        }
        return true;
    };
    const bool annexB = (data[0] == 0 && data[1] == 0 && data[2] == 1) ||
                        (data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] == 1);
    if (annexB) {
        for (int i = 0; i + 3 < size; ++i) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                if (!inspect(data[i + 3]))
                    return false;
                i += 2;
            }
        }
    } else { // 4-byte big-endian length prefixes (AVCC)
        int pos = 0;
        while (pos + 4 < size) {
            const std::uint32_t length = (std::uint32_t(data[pos]) << 24) |
                                         (std::uint32_t(data[pos + 1]) << 16) |
                                         (std::uint32_t(data[pos + 2]) << 8) | data[pos + 3];
            if (length == 0 || length > std::uint32_t(size - pos - 4))
                break;
            if (!inspect(data[pos + 4]))
                return false;
            pos += 4 + int(length);
        }
    }
    return sawSlice;
}

} // namespace sb::render
