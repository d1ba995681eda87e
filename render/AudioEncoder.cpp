#include "AudioEncoder.h"

#include "FfmpegHandles.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <QLoggingCategory>

#include <vector>

Q_LOGGING_CATEGORY(lcAudioEncoder, "sb.render.audio.encoder")

namespace sb::render {

namespace {} // namespace

struct AudioEncoder::Private
{
    AudioEncoderSettings settings;
    PacketCallback callback;
    std::unique_ptr<AVCodecContext, CodecContextDeleter> ctx;
    std::unique_ptr<AVFrame, FrameDeleter> frame;
    std::shared_ptr<const AVCodecParameters> parameters;
    std::vector<float> pending; // interleaved, not yet a full frame
    std::int64_t nextPts = 0;   // in samples
    bool havePts = false;
    bool flushed = false;
    QString error;

    bool encodeFrame(const float* interleaved, int frames);
    bool drain();
};

AudioEncoder::AudioEncoder(AudioEncoderSettings settings) : d(std::make_unique<Private>())
{
    d->settings = settings;
}

AudioEncoder::~AudioEncoder() = default;

bool AudioEncoder::open()
{
    const AVCodec* codec = avcodec_find_encoder_by_name("aac");
    if (!codec) {
        d->error = QStringLiteral("This FFmpeg has no AAC encoder.");
        qCWarning(lcAudioEncoder).noquote() << d->error;
        return false;
    }
    d->ctx.reset(avcodec_alloc_context3(codec));
    AVCodecContext* c = d->ctx.get();
    c->sample_rate = kAudioSampleRate;
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    av_channel_layout_default(&c->ch_layout, kAudioChannels);
    c->bit_rate = std::int64_t(d->settings.bitrateKbps) * 1000;
    c->time_base = AVRational{1, kAudioSampleRate};
    c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    c->profile = FF_PROFILE_AAC_LOW;
    // FFmpeg 5.1's default quantizer search (twoloop) took 1.8 ms of CPU per 33 ms of the host's
    // speech here, the fast search 0.9 ms; the encoder's author found fast the better-sounding
    // of the two at high bitrates like ours (FFmpeg commit fcb681ac, which made it the default
    // for a while).
    av_opt_set(c->priv_data, "aac_coder", "fast", 0);
    if (const int ret = avcodec_open2(c, codec, nullptr); ret < 0) {
        d->error = QStringLiteral("Cannot open the AAC encoder at %1 kbps: %2")
                       .arg(d->settings.bitrateKbps)
                       .arg(avErrorText(ret));
        qCWarning(lcAudioEncoder).noquote() << d->error;
        d->ctx.reset();
        return false;
    }
    d->frame.reset(av_frame_alloc());
    d->frame->format = c->sample_fmt;
    d->frame->nb_samples = c->frame_size;
    d->frame->sample_rate = kAudioSampleRate;
    av_channel_layout_copy(&d->frame->ch_layout, &c->ch_layout);
    if (const int ret = av_frame_get_buffer(d->frame.get(), 0); ret < 0) {
        d->error = QStringLiteral("Cannot allocate an audio frame: %1").arg(avErrorText(ret));
        d->ctx.reset();
        return false;
    }
    AVCodecParameters* parameters = avcodec_parameters_alloc();
    avcodec_parameters_from_context(parameters, c);
    d->parameters.reset(parameters, CodecParametersDeleter{});
    qCInfo(lcAudioEncoder).noquote()
        << QStringLiteral("Audio encoder aac open: 48 kHz stereo, %1 kbps, %2-sample frames")
               .arg(d->settings.bitrateKbps)
               .arg(c->frame_size);
    return true;
}

QString AudioEncoder::errorString() const
{
    return d->error;
}

void AudioEncoder::setPacketCallback(PacketCallback callback)
{
    d->callback = std::move(callback);
}

int AudioEncoder::frameSize() const
{
    return d->ctx ? d->ctx->frame_size : 1024;
}

std::shared_ptr<const AVCodecParameters> AudioEncoder::codecParameters() const
{
    return d->parameters;
}

bool AudioEncoder::encode(const AudioBlock& block)
{
    if (!d->ctx || d->flushed) {
        d->error = QStringLiteral("The audio encoder is not open.");
        return false;
    }
    if (!d->havePts) {
        d->nextPts = block.firstFrame;
        d->havePts = true;
    }
    d->pending.insert(d->pending.end(), block.samples.begin(), block.samples.end());
    const int frameSize = d->ctx->frame_size;
    const std::size_t frameSamples = std::size_t(frameSize) * kAudioChannels;
    std::size_t consumed = 0;
    bool ok = true;
    while (ok && d->pending.size() - consumed >= frameSamples) {
        ok = d->encodeFrame(d->pending.data() + consumed, frameSize);
        consumed += frameSamples;
    }
    d->pending.erase(d->pending.begin(), d->pending.begin() + std::ptrdiff_t(consumed));
    return ok;
}

bool AudioEncoder::Private::encodeFrame(const float* interleaved, int frames)
{
    if (const int ret = av_frame_make_writable(frame.get()); ret < 0) {
        error = QStringLiteral("Cannot reuse the audio frame: %1").arg(avErrorText(ret));
        return false;
    }
    auto* left = reinterpret_cast<float*>(frame->data[0]);
    auto* right = reinterpret_cast<float*>(frame->data[1]);
    const int size = ctx->frame_size;
    for (int i = 0; i < size; ++i) {
        left[i] = i < frames ? interleaved[2 * i] : 0.0f;
        right[i] = i < frames ? interleaved[2 * i + 1] : 0.0f;
    }
    frame->nb_samples = size;
    frame->pts = nextPts;
    nextPts += size;
    if (const int ret = avcodec_send_frame(ctx.get(), frame.get()); ret < 0) {
        error = QStringLiteral("The AAC encoder rejected a frame: %1").arg(avErrorText(ret));
        qCWarning(lcAudioEncoder).noquote() << error;
        return false;
    }
    return drain();
}

bool AudioEncoder::Private::drain()
{
    for (;;) {
        std::unique_ptr<AVPacket, AVPacketDeleter> packet(av_packet_alloc());
        const int ret = avcodec_receive_packet(ctx.get(), packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret < 0) {
            error = QStringLiteral("The AAC encoder failed: %1").arg(avErrorText(ret));
            qCWarning(lcAudioEncoder).noquote() << error;
            return false;
        }
        packet->time_base = ctx->time_base;
        EncodedPacket encoded;
        encoded.stream = EncodedPacket::Stream::Audio;
        encoded.timeBase = ctx->time_base;
        encoded.keyframe = true; // every AAC frame decodes on its own
        encoded.packet = PacketPtr(packet.release(), AVPacketDeleter{});
        if (callback)
            callback(encoded);
    }
}

bool AudioEncoder::flush()
{
    if (!d->ctx)
        return false;
    if (d->flushed)
        return true;
    bool ok = true;
    if (!d->pending.empty())
        ok = d->encodeFrame(d->pending.data(), int(d->pending.size() / kAudioChannels));
    d->pending.clear();
    d->flushed = true;
    if (const int ret = avcodec_send_frame(d->ctx.get(), nullptr); ret < 0 && ret != AVERROR_EOF)
        return false;
    return d->drain() && ok;
}

} // namespace sb::render
