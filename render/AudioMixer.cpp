#include "AudioMixer.h"

#include "FfmpegHandles.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcAudio, "sb.render.audio")

namespace sb::render {

namespace {} // namespace

void SilentSource::read(float* interleaved, int frames)
{
    std::fill(interleaved, interleaved + std::size_t(frames) * kAudioChannels, 0.0f);
}

// --- AudioFileSource ---------------------------------------------------------------------------

struct AudioFileSource::Private
{
    QString path;
    bool loop = true;
    std::unique_ptr<AVFormatContext, InputContextDeleter> format;
    std::unique_ptr<AVCodecContext, CodecContextDeleter> decoder;
    std::unique_ptr<SwrContext, SwrDeleter> resampler;
    std::unique_ptr<AVFrame, FrameDeleter> frame;
    std::unique_ptr<AVPacket, AVPacketDeleter> packet;
    int streamIndex = -1;
    std::deque<float> pending; // resampled, not yet played
    QString error;
    std::atomic<bool> finished{false};
    std::atomic<int> loops{0};
    bool sawSamplesSinceRestart = false;

    bool decodeMore(); // false at the end (after looping when enabled) or on error
    void resample(const AVFrame* input);
    void fail(const QString& message);
};

void AudioFileSource::Private::fail(const QString& message)
{
    error = message;
    finished = true;
    qCWarning(lcAudio).noquote() << message;
}

AudioFileSource::AudioFileSource(QString path, bool loop) : d(std::make_unique<Private>())
{
    d->path = std::move(path);
    d->loop = loop;
}

AudioFileSource::~AudioFileSource() = default;

QString AudioFileSource::name() const
{
    return d->path;
}

QString AudioFileSource::errorString() const
{
    return d->error;
}

bool AudioFileSource::isFinished() const
{
    return d->finished;
}

int AudioFileSource::loopCount() const
{
    return d->loops;
}

std::shared_ptr<AudioFileSource> AudioFileSource::openBed(const QString& path, double levelDb,
                                                          QString* error)
{
    auto bed = std::make_shared<AudioFileSource>(path, true);
    if (!bed->open()) {
        if (error)
            *error = bed->errorString();
        return nullptr;
    }
    bed->setGain(float(std::pow(10.0, levelDb / 20.0)));
    bed->setDucksUnderKey(true);
    return bed;
}

bool AudioFileSource::open()
{
    AVFormatContext* format = nullptr;
    int ret = avformat_open_input(&format, d->path.toUtf8().constData(), nullptr, nullptr);
    if (ret < 0) {
        d->fail(QStringLiteral("Cannot open the audio file %1: %2").arg(d->path, avErrorText(ret)));
        return false;
    }
    d->format.reset(format);
    if ((ret = avformat_find_stream_info(format, nullptr)) < 0) {
        d->fail(QStringLiteral("Cannot read the audio file %1: %2").arg(d->path, avErrorText(ret)));
        return false;
    }
    const AVCodec* codec = nullptr;
    d->streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
    if (d->streamIndex < 0 || !codec) {
        d->fail(QStringLiteral("The file %1 has no audio that FFmpeg can decode.").arg(d->path));
        return false;
    }
    d->decoder.reset(avcodec_alloc_context3(codec));
    avcodec_parameters_to_context(d->decoder.get(), format->streams[d->streamIndex]->codecpar);
    if ((ret = avcodec_open2(d->decoder.get(), codec, nullptr)) < 0) {
        d->fail(QStringLiteral("Cannot decode the audio of %1: %2").arg(d->path, avErrorText(ret)));
        return false;
    }
    AVChannelLayout outLayout;
    av_channel_layout_default(&outLayout, kAudioChannels);
    AVChannelLayout inLayout;
    if (d->decoder->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&inLayout, d->decoder->ch_layout.nb_channels);
    else
        av_channel_layout_copy(&inLayout, &d->decoder->ch_layout);
    SwrContext* swr = nullptr;
    ret = swr_alloc_set_opts2(&swr, &outLayout, AV_SAMPLE_FMT_FLT, kAudioSampleRate, &inLayout,
                              d->decoder->sample_fmt, d->decoder->sample_rate, 0, nullptr);
    av_channel_layout_uninit(&inLayout);
    av_channel_layout_uninit(&outLayout);
    if (ret >= 0)
        ret = swr_init(swr);
    d->resampler.reset(swr);
    if (ret < 0) {
        d->fail(QStringLiteral("Cannot resample the audio of %1 to 48 kHz stereo: %2")
                    .arg(d->path, avErrorText(ret)));
        return false;
    }
    d->frame.reset(av_frame_alloc());
    d->packet.reset(av_packet_alloc());
    qCInfo(lcAudio).noquote() << QStringLiteral("Audio file %1: %2, %3 Hz, %4 channels%5")
                                     .arg(d->path, QString::fromUtf8(codec->name))
                                     .arg(d->decoder->sample_rate)
                                     .arg(d->decoder->ch_layout.nb_channels)
                                     .arg(d->loop ? QStringLiteral(", looping") : QString());
    return true;
}

void AudioFileSource::Private::resample(const AVFrame* input)
{
    const int maxOut = swr_get_out_samples(resampler.get(), input ? input->nb_samples : 0);
    if (maxOut <= 0)
        return;
    std::vector<float> out(std::size_t(maxOut) * kAudioChannels);
    auto* outData = reinterpret_cast<std::uint8_t*>(out.data());
    const int got =
        swr_convert(resampler.get(), &outData, maxOut,
                    input ? const_cast<const std::uint8_t**>(input->extended_data) : nullptr,
                    input ? input->nb_samples : 0);
    if (got > 0) {
        pending.insert(pending.end(), out.begin(), out.begin() + std::size_t(got) * kAudioChannels);
        sawSamplesSinceRestart = true;
    }
}

bool AudioFileSource::Private::decodeMore()
{
    for (;;) {
        int ret = avcodec_receive_frame(decoder.get(), frame.get());
        if (ret >= 0) {
            resample(frame.get());
            av_frame_unref(frame.get());
            return true;
        }
        if (ret == AVERROR_EOF) {
            resample(nullptr); // the resampler's tail
            if (!loop || !sawSamplesSinceRestart) {
                finished = true;
                return false;
            }
            ret = av_seek_frame(format.get(), streamIndex, 0, AVSEEK_FLAG_BACKWARD);
            if (ret < 0) {
                fail(QStringLiteral("Cannot loop the audio file %1: %2")
                         .arg(path, avErrorText(ret)));
                return false;
            }
            avcodec_flush_buffers(decoder.get());
            sawSamplesSinceRestart = false;
            ++loops;
            continue;
        }
        if (ret != AVERROR(EAGAIN)) {
            fail(QStringLiteral("Decoding %1 failed: %2").arg(path, avErrorText(ret)));
            return false;
        }
        ret = av_read_frame(format.get(), packet.get());
        if (ret == AVERROR_EOF) {
            avcodec_send_packet(decoder.get(), nullptr);
            continue;
        }
        if (ret < 0) {
            fail(QStringLiteral("Reading %1 failed: %2").arg(path, avErrorText(ret)));
            return false;
        }
        if (packet->stream_index == streamIndex)
            avcodec_send_packet(decoder.get(), packet.get());
        av_packet_unref(packet.get());
    }
}

void AudioFileSource::read(float* interleaved, int frames)
{
    const std::size_t wanted = std::size_t(frames) * kAudioChannels;
    while (d->decoder && !d->finished && d->pending.size() < wanted) {
        if (!d->decodeMore())
            break;
    }
    const std::size_t available = std::min(wanted, d->pending.size());
    std::copy_n(d->pending.begin(), available, interleaved);
    d->pending.erase(d->pending.begin(), d->pending.begin() + std::ptrdiff_t(available));
    std::fill(interleaved + available, interleaved + wanted, 0.0f);
}

// --- PcmInputSource ----------------------------------------------------------------------------

PcmInputSource::PcmInputSource(QString name, int maxBufferedMs)
    : m_name(std::move(name)), m_maxSamples(std::size_t(std::max(1, maxBufferedMs)) *
                                            kAudioSampleRate / 1000 * kAudioChannels)
{}

void PcmInputSource::push(const float* interleaved, int frames)
{
    std::lock_guard lock(m_mutex);
    m_samples.insert(m_samples.end(), interleaved,
                     interleaved + std::size_t(frames) * kAudioChannels);
    if (m_samples.size() > m_maxSamples) {
        m_samples.erase(m_samples.begin(),
                        m_samples.begin() + std::ptrdiff_t(m_samples.size() - m_maxSamples));
    }
}

int PcmInputSource::bufferedFrames() const
{
    std::lock_guard lock(m_mutex);
    return int(m_samples.size() / kAudioChannels);
}

std::int64_t PcmInputSource::underrunFrames() const
{
    std::lock_guard lock(m_mutex);
    return m_underrunFrames;
}

void PcmInputSource::read(float* interleaved, int frames)
{
    const std::size_t wanted = std::size_t(frames) * kAudioChannels;
    std::lock_guard lock(m_mutex);
    const std::size_t available = std::min(wanted, m_samples.size());
    std::copy_n(m_samples.begin(), available, interleaved);
    m_samples.erase(m_samples.begin(), m_samples.begin() + std::ptrdiff_t(available));
    std::fill(interleaved + available, interleaved + wanted, 0.0f);
    m_underrunFrames += std::int64_t(wanted - available) / kAudioChannels;
}

// --- AudioMixer --------------------------------------------------------------------------------

AudioMixer::AudioMixer() = default;
AudioMixer::~AudioMixer() = default;

void AudioMixer::addSource(std::shared_ptr<AudioSource> source)
{
    if (!source)
        return;
    std::lock_guard lock(m_mutex);
    m_sources.push_back(std::move(source));
}

void AudioMixer::removeSource(const std::shared_ptr<AudioSource>& source)
{
    std::lock_guard lock(m_mutex);
    std::erase(m_sources, source);
}

void AudioMixer::clearSources()
{
    std::lock_guard lock(m_mutex);
    m_sources.clear();
}

int AudioMixer::sourceCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_sources.size());
}

std::int64_t AudioMixer::nextFrame() const
{
    std::lock_guard lock(m_mutex);
    return m_nextFrame;
}

void AudioMixer::setNextFrame(std::int64_t frame)
{
    std::lock_guard lock(m_mutex);
    m_nextFrame = frame;
}

float AudioMixer::limit(float sample)
{
    // Linear up to the knee, then a tanh curve that approaches full scale asymptotically.
    constexpr float kKnee = 0.9f;
    const float magnitude = std::fabs(sample);
    if (magnitude <= kKnee)
        return sample;
    const float over = (magnitude - kKnee) / (1.0f - kKnee);
    const float limited = kKnee + (1.0f - kKnee) * std::tanh(over);
    return std::copysign(limited, sample);
}

void AudioMixer::setDuckingKey(std::shared_ptr<AudioSource> key, AudioDucking ducking)
{
    std::lock_guard lock(m_mutex);
    m_duckKey = std::move(key);
    m_ducking = ducking;
}

double AudioMixer::duckGainDb() const
{
    std::lock_guard lock(m_mutex);
    return 20.0 * std::log10(std::max(m_duckGain, 1e-6));
}

AudioBlock AudioMixer::mix(int frames)
{
    AudioBlock block;
    frames = std::max(0, frames);
    const std::size_t count = std::size_t(frames) * kAudioChannels;
    block.samples.assign(count, 0.0f);
    std::lock_guard lock(m_mutex);
    block.firstFrame = m_nextFrame;
    m_nextFrame += frames;
    if (m_sources.empty()) {
        m_meter.feed(block.samples.data(), frames);
        return block;
    }
    m_scratch.resize(count);

    // The key is read first, so the whole block's ducking is known before the beds are mixed:
    // the gain starts to move at the start of the block the voice starts in.
    const bool keyed =
        m_duckKey && std::find(m_sources.begin(), m_sources.end(), m_duckKey) != m_sources.end();
    if (keyed) {
        m_keyScratch.resize(count);
        m_duckKey->read(m_keyScratch.data(), frames);
        float peak = 0.0f;
        for (std::size_t i = 0; i < count; ++i)
            peak = std::max(peak, std::fabs(m_keyScratch[i]));
        const double threshold = std::pow(10.0, m_ducking.thresholdDbfs / 20.0);
        if (peak > threshold)
            m_duckHoldFrames = std::int64_t(m_ducking.holdMs) * kAudioSampleRate / 1000 + frames;
        const double target = m_duckHoldFrames > 0 ? std::pow(10.0, m_ducking.depthDb / 20.0) : 1.0;
        m_duckHoldFrames = std::max<std::int64_t>(0, m_duckHoldFrames - frames);
        const int tauMs = target < m_duckGain ? m_ducking.attackMs : m_ducking.releaseMs;
        const double coef =
            1.0 - std::exp(-1000.0 / (std::max(1, tauMs) * double(kAudioSampleRate)));
        m_duckRamp.resize(std::size_t(frames));
        for (int i = 0; i < frames; ++i) {
            m_duckGain += coef * (target - m_duckGain);
            m_duckRamp[std::size_t(i)] = float(m_duckGain);
        }
    } else {
        m_duckGain = 1.0;
        m_duckHoldFrames = 0;
    }

    for (const auto& source : m_sources) {
        const float gain = source->gain();
        if (keyed && source == m_duckKey) {
            for (std::size_t i = 0; i < count; ++i)
                block.samples[i] += m_keyScratch[i] * gain;
            continue;
        }
        source->read(m_scratch.data(), frames);
        if (keyed && source->ducksUnderKey()) {
            for (std::size_t i = 0; i < count; ++i)
                block.samples[i] += m_scratch[i] * gain * m_duckRamp[i / kAudioChannels];
        } else {
            for (std::size_t i = 0; i < count; ++i)
                block.samples[i] += m_scratch[i] * gain;
        }
    }
    for (float& sample : block.samples)
        sample = limit(sample);
    m_meter.feed(block.samples.data(), frames);
    return block;
}

} // namespace sb::render
