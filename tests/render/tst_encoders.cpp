// The encoders and the mixer on synthetic input: H.264 keyframe cadence and bitrate, the hardware
// fallback, AAC framing, mixing, looping files; and the RTMP output's pure helpers (backoff,
// URL redaction).

#include "AudioEncoder.h"
#include "AudioMixer.h"
#include "RtmpOutput.h"
#include "VideoEncoder.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
}

using namespace sb::render;

namespace {

// A moving diagonal gradient with a bouncing block: enough motion to make the encoder work.
RawVideoFrame makeFrame(int width, int height, std::int64_t index, PixelFormat format)
{
    RawVideoFrame frame;
    frame.width = width;
    frame.height = height;
    frame.format = format;
    frame.frameIndex = index;
    frame.data.resize(RawVideoFrame::byteSize(width, height));
    std::uint8_t* y = frame.data.data();
    const int shift = int(index * 4);
    const int blockX = int((index * 13) % (width - 64));
    const int blockY = int((index * 7) % (height - 64));
    for (int row = 0; row < height; ++row) {
        for (int col = 0; col < width; ++col) {
            const bool inBlock =
                col >= blockX && col < blockX + 64 && row >= blockY && row < blockY + 64;
            y[row * width + col] = inBlock ? 235 : std::uint8_t(16 + ((col + row + shift) % 200));
        }
    }
    std::uint8_t* chroma = y + std::size_t(width) * height;
    const std::size_t chromaBytes = std::size_t(width) * height / 2;
    for (std::size_t i = 0; i < chromaBytes; ++i)
        chroma[i] = std::uint8_t(128 + int((i / 64 + std::size_t(index)) % 32) - 16);
    return frame;
}

// Decodes an H.264 stream (packets as the encoder gave them) and returns, for each frame index,
// the PSNR in dB of the decoded picture against the NV12 frame the test made for that index
// (luma and both chroma planes together); -1 where a frame did not come out.
std::vector<double> decodedPsnr(const AVCodecParameters& parameters,
                                const std::vector<std::shared_ptr<const AVPacket>>& packets,
                                int count)
{
    std::vector<double> psnr(std::size_t(count), -1.0);
    const AVCodec* codec = avcodec_find_decoder(AV_CODEC_ID_H264);
    AVCodecContext* ctx = codec ? avcodec_alloc_context3(codec) : nullptr;
    if (!ctx || avcodec_parameters_to_context(ctx, &parameters) < 0 ||
        avcodec_open2(ctx, codec, nullptr) < 0) {
        avcodec_free_context(&ctx);
        return psnr;
    }
    AVFrame* picture = av_frame_alloc();
    const auto receive = [&] {
        while (avcodec_receive_frame(ctx, picture) >= 0) {
            const std::int64_t index = picture->pts;
            if (index < 0 || index >= count || picture->format != AV_PIX_FMT_YUV420P)
                continue;
            const RawVideoFrame source =
                makeFrame(picture->width, picture->height, index, PixelFormat::Nv12);
            const std::uint8_t* y = source.data.data();
            const std::uint8_t* uv = y + std::size_t(source.width) * source.height;
            double squares = 0;
            std::size_t samples = 0;
            const auto add = [&](int a, int b) {
                squares += double(a - b) * double(a - b);
                ++samples;
            };
            for (int row = 0; row < picture->height; ++row)
                for (int col = 0; col < picture->width; ++col)
                    add(picture->data[0][row * picture->linesize[0] + col],
                        y[row * source.width + col]);
            for (int row = 0; row < picture->height / 2; ++row)
                for (int col = 0; col < picture->width / 2; ++col) {
                    add(picture->data[1][row * picture->linesize[1] + col],
                        uv[row * source.width + 2 * col]);
                    add(picture->data[2][row * picture->linesize[2] + col],
                        uv[row * source.width + 2 * col + 1]);
                }
            const double mse = squares / double(samples);
            psnr[std::size_t(index)] = mse == 0 ? 99.0 : 10 * std::log10(255.0 * 255.0 / mse);
        }
    };
    for (const std::shared_ptr<const AVPacket>& packet : packets) {
        if (avcodec_send_packet(ctx, packet.get()) >= 0)
            receive();
    }
    avcodec_send_packet(ctx, nullptr);
    receive();
    av_frame_free(&picture);
    avcodec_free_context(&ctx);
    return psnr;
}

void writeWav(const QString& path, int sampleRate, int channels, int frames, float amplitude)
{
    QByteArray pcm;
    for (int i = 0; i < frames; ++i) {
        const double t = double(i) / sampleRate;
        const auto value =
            std::int16_t(amplitude * 32767 * std::sin(2 * std::numbers::pi * 440 * t));
        for (int c = 0; c < channels; ++c)
            pcm.append(reinterpret_cast<const char*>(&value), 2);
    }
    QByteArray wav;
    auto put32 = [&wav](std::uint32_t v) { wav.append(reinterpret_cast<const char*>(&v), 4); };
    auto put16 = [&wav](std::uint16_t v) { wav.append(reinterpret_cast<const char*>(&v), 2); };
    wav.append("RIFF");
    put32(std::uint32_t(36 + pcm.size()));
    wav.append("WAVEfmt ");
    put32(16);
    put16(1);
    put16(std::uint16_t(channels));
    put32(std::uint32_t(sampleRate));
    put32(std::uint32_t(sampleRate * channels * 2));
    put16(std::uint16_t(channels * 2));
    put16(16);
    wav.append("data");
    put32(std::uint32_t(pcm.size()));
    wav.append(pcm);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(wav);
}

class ConstantSource final : public AudioSource
{
public:
    explicit ConstantSource(float value) : m_value(value) {}
    QString name() const override { return QStringLiteral("constant"); }
    void read(float* interleaved, int frames) override
    {
        std::fill(interleaved, interleaved + std::size_t(frames) * kAudioChannels, m_value);
    }

private:
    float m_value;
};

} // namespace

class TestEncoders : public QObject
{
    Q_OBJECT

private slots:
    void x264KeyframesAndBitrate();
    void skippedFramesNeverStretchTheKeyframeInterval();
    void x264AcceptsI420();
    void x264ReadsHandedFramesInPlace();
    void autoFallsBackToX264();
    void nonReferenceDetection();
    void aacFramesAndContinuousPts();
    void mixerSumsAndLimits();
    void mixerSilentWithoutSources();
    void pcmInputUnderrunIsSilence();
    void fileSourceLoopsAndResamples();
    void retryScheduleGrowsAndCaps();
    void streamKeyIsRedacted();
};

void TestEncoders::x264KeyframesAndBitrate()
{
    VideoEncoderSettings settings;
    settings.encoder = QStringLiteral("libx264");
    settings.bitrateKbps = 2500;
    VideoEncoder encoder(settings);
    QVERIFY2(encoder.open(), qPrintable(encoder.errorString()));
    QCOMPARE(encoder.encoderName(), QStringLiteral("libx264"));
    QVERIFY(encoder.codecParameters());
    QVERIFY(encoder.codecParameters()->extradata_size > 0); // global header for FLV/MKV
    QCOMPARE(encoder.codecParameters()->width, 1280);

    std::vector<EncodedPacket> packets;
    encoder.setPacketCallback([&packets](const EncodedPacket& p) { packets.push_back(p); });
    constexpr int kFrames = 300; // 10 s at 30 fps
    for (int i = 0; i < kFrames; ++i)
        QVERIFY2(encoder.encode(makeFrame(1280, 720, i, PixelFormat::Nv12)),
                 qPrintable(encoder.errorString()));
    QVERIFY(encoder.flush());
    QCOMPARE(int(packets.size()), kFrames);

    std::int64_t bytes = 0;
    QList<std::int64_t> keyframePts;
    int disposable = 0;
    int flaggedByFfmpeg = 0;
    for (const EncodedPacket& p : packets) {
        flaggedByFfmpeg += (p.packet->flags & AV_PKT_FLAG_DISPOSABLE) ? 1 : 0;
        QCOMPARE(p.stream, EncodedPacket::Stream::Video);
        bytes += p.packet->size;
        if (p.keyframe)
            keyframePts.append(p.packet->pts);
        if (p.disposable) {
            ++disposable;
            QVERIFY(!p.keyframe);
        }
    }
    QCOMPARE(keyframePts, (QList<std::int64_t>{0, 60, 120, 180, 240}));
    const double expected = 2500.0 * 1000 / 8 * 10;
    qInfo("x264: %lld bytes for 10 s (%.0f kbps), %d disposable of %d packets (%d flagged by "
          "FFmpeg)",
          qlonglong(bytes), double(bytes) * 8 / 10 / 1000, disposable, kFrames, flaggedByFfmpeg);
    QVERIFY2(std::abs(double(bytes) - expected) < 0.3 * expected,
             qPrintable(QStringLiteral("%1 bytes, expected about %2").arg(bytes).arg(expected)));
    QVERIFY(disposable > 0); // veryfast uses B-frames; the non-reference ones are disposable
}

void TestEncoders::skippedFramesNeverStretchTheKeyframeInterval()
{
    // A lagging encoder skips frames. Skips inside a GOP (10..14, 130) must not push the next
    // keyframe later; when the grid frame itself is missing (60), the next frame sent takes it.
    VideoEncoderSettings settings;
    settings.encoder = QStringLiteral("libx264");
    settings.width = 320;
    settings.height = 180;
    VideoEncoder encoder(settings);
    QVERIFY2(encoder.open(), qPrintable(encoder.errorString()));
    QList<std::int64_t> keyframePts;
    encoder.setPacketCallback([&keyframePts](const EncodedPacket& p) {
        if (p.keyframe)
            keyframePts.append(p.packet->pts);
    });
    for (int i = 0; i < 200; ++i) {
        if ((i >= 10 && i < 15) || i == 60 || i == 130)
            continue;
        QVERIFY2(encoder.encode(makeFrame(320, 180, i, PixelFormat::Nv12)),
                 qPrintable(encoder.errorString()));
    }
    QVERIFY(encoder.flush());
    QCOMPARE(keyframePts, (QList<std::int64_t>{0, 61, 120, 180}));
    QVERIFY(isKeyframeGridIndex(120, settings.keyframeIntervalFrames()));
    QVERIFY(!isKeyframeGridIndex(121, settings.keyframeIntervalFrames()));
}

void TestEncoders::x264AcceptsI420()
{
    VideoEncoderSettings settings;
    settings.encoder = QStringLiteral("libx264");
    settings.width = 640;
    settings.height = 360;
    settings.inputFormat = PixelFormat::I420;
    VideoEncoder encoder(settings);
    QVERIFY2(encoder.open(), qPrintable(encoder.errorString()));
    int count = 0;
    encoder.setPacketCallback([&count](const EncodedPacket&) { ++count; });
    for (int i = 0; i < 20; ++i) {
        // Both layouts are accepted whatever the encoder was opened with.
        const auto format = i % 2 ? PixelFormat::Nv12 : PixelFormat::I420;
        QVERIFY(encoder.encode(makeFrame(640, 360, i, format)));
    }
    QVERIFY(encoder.flush());
    QCOMPARE(count, 20);
    QVERIFY(!encoder.encode(makeFrame(320, 180, 21, PixelFormat::Nv12))); // after flush
}

void TestEncoders::x264ReadsHandedFramesInPlace()
{
    // Frames handed over are read where they are and come back to the recycler, once each and
    // untouched, before encode() returns; what x264 made of them decodes to the pictures handed,
    // as the copies made of frames passed by reference do. (Not the same bytes: on AVX-512
    // machines x264 reads memory of its own it never initialized, so two encodes of the same
    // frames can differ slightly, whichever way the frames came.)
    VideoEncoderSettings settings;
    settings.encoder = QStringLiteral("libx264");
    settings.width = 320;
    settings.height = 180;
    constexpr int kFrames = 90;
    using Packets = std::vector<std::shared_ptr<const AVPacket>>;
    std::shared_ptr<const AVCodecParameters> parameters;
    const auto encodeAll = [&settings, &parameters](bool handOver, Packets* packets,
                                                    std::vector<RawVideoFrame>* recycled) {
        VideoEncoder encoder(settings);
        if (!encoder.open())
            return false;
        parameters = encoder.codecParameters();
        encoder.setPacketCallback(
            [packets](const EncodedPacket& p) { packets->push_back(p.packet); });
        encoder.setFrameRecycler(
            [recycled](RawVideoFrame&& frame) { recycled->push_back(std::move(frame)); });
        for (int i = 0; i < kFrames; ++i) {
            RawVideoFrame frame = makeFrame(320, 180, i, PixelFormat::Nv12);
            const std::size_t before = recycled->size();
            const bool ok = handOver ? encoder.encode(std::move(frame)) : encoder.encode(frame);
            if (!ok || recycled->size() != before + (handOver ? 1 : 0))
                return false;
        }
        return encoder.flush();
    };
    Packets handed;
    Packets copied;
    std::vector<RawVideoFrame> recycled;
    std::vector<RawVideoFrame> none;
    QVERIFY(encodeAll(true, &handed, &recycled));
    const std::vector<double> handedPsnr = decodedPsnr(*parameters, handed, kFrames);
    QVERIFY(encodeAll(false, &copied, &none));
    const std::vector<double> copiedPsnr = decodedPsnr(*parameters, copied, kFrames);
    QVERIFY(none.empty()); // a frame passed by reference stays the caller's
    QCOMPARE(handed.size(), std::size_t(kFrames));
    QCOMPARE(copied.size(), std::size_t(kFrames));
    for (int i = 0; i < kFrames; ++i) {
        // A plane read from the wrong place, or a buffer recycled while x264 still read it,
        // decodes far below this.
        QVERIFY2(handedPsnr[std::size_t(i)] > 40.0,
                 qPrintable(QStringLiteral("frame %1: %2 dB").arg(i).arg(handedPsnr[i])));
        QVERIFY2(copiedPsnr[std::size_t(i)] > 40.0,
                 qPrintable(QStringLiteral("frame %1 copied: %2 dB").arg(i).arg(copiedPsnr[i])));
    }
    QCOMPARE(recycled.size(), std::size_t(kFrames));
    for (int i = 0; i < kFrames; ++i) {
        const RawVideoFrame& back = recycled[std::size_t(i)];
        QCOMPARE(back.frameIndex, std::int64_t(i));
        QVERIFY(back.data == makeFrame(320, 180, i, PixelFormat::Nv12).data);
    }
}

void TestEncoders::autoFallsBackToX264()
{
    if (!VideoEncoder::availableHardwareEncoders().isEmpty())
        QSKIP("This machine has a working hardware H.264 encoder; no fallback to observe.");
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(QStringLiteral("^h264_nvenc: not available: .+; "
                                                           "using libx264$")));
    VideoEncoderSettings settings;
    settings.encoder = QStringLiteral("auto");
    VideoEncoder encoder(settings);
    QVERIFY2(encoder.open(), qPrintable(encoder.errorString()));
    QCOMPARE(encoder.encoderName(), QStringLiteral("libx264"));
    const QStringList notes = encoder.probeNotes();
    QCOMPARE(notes.size(), 5);
    for (const QString& note : notes) {
        QVERIFY2(note.contains(QStringLiteral(": not available: ")), qPrintable(note));
        qInfo("%s", qPrintable(note));
    }
    QVERIFY(notes.first().startsWith(QStringLiteral("h264_nvenc")));
}

void TestEncoders::nonReferenceDetection()
{
    // Annex B: SPS-less slice with nal_ref_idc 0 (0x01) vs 2 (0x41); IDR (0x65).
    auto packetOf = [](QByteArray bytes) {
        std::unique_ptr<AVPacket, AVPacketDeleter> p(av_packet_alloc());
        av_new_packet(p.get(), int(bytes.size()));
        std::memcpy(p->data, bytes.constData(), std::size_t(bytes.size()));
        return p;
    };
    const QByteArray nonRef = QByteArray::fromHex("0000000101aabbccdd");
    const QByteArray ref = QByteArray::fromHex("0000000141aabbccdd");
    const QByteArray idr = QByteArray::fromHex("00000001060102030400000165aabbcc");
    const QByteArray avccNonRef = QByteArray::fromHex("0000000501aabbccdd");
    QVERIFY(VideoEncoder::isNonReferenceH264(*packetOf(nonRef)));
    QVERIFY(!VideoEncoder::isNonReferenceH264(*packetOf(ref)));
    QVERIFY(!VideoEncoder::isNonReferenceH264(*packetOf(idr)));
    QVERIFY(VideoEncoder::isNonReferenceH264(*packetOf(avccNonRef)));
}

void TestEncoders::aacFramesAndContinuousPts()
{
    AudioEncoder encoder(AudioEncoderSettings{160});
    QVERIFY2(encoder.open(), qPrintable(encoder.errorString()));
    QCOMPARE(encoder.frameSize(), 1024);
    QVERIFY(encoder.codecParameters());
    QCOMPARE(encoder.codecParameters()->sample_rate, 48000);
    QCOMPARE(encoder.codecParameters()->ch_layout.nb_channels, 2);
    QVERIFY(encoder.codecParameters()->extradata_size > 0);

    std::vector<EncodedPacket> packets;
    encoder.setPacketCallback([&packets](const EncodedPacket& p) { packets.push_back(p); });
    AudioMixer mixer;
    mixer.addSource(std::make_shared<ConstantSource>(0.1f));
    // Odd block sizes (800 = one video frame at 60 fps) must come out as 1024-sample frames.
    for (int i = 0; i < 60; ++i)
        QVERIFY(encoder.encode(mixer.mix(800)));
    QVERIFY(encoder.flush());
    QVERIFY(packets.size() >= 47);
    for (std::size_t i = 0; i < packets.size(); ++i) {
        QCOMPARE(packets[i].stream, EncodedPacket::Stream::Audio);
        QCOMPARE(packets[i].timeBase.den, 48000);
        QCOMPARE(packets[i].packet->duration, 1024);
        if (i > 0)
            QCOMPARE(packets[i].packet->pts - packets[i - 1].packet->pts, 1024);
    }
}

void TestEncoders::mixerSumsAndLimits()
{
    AudioMixer mixer;
    auto a = std::make_shared<ConstantSource>(0.25f);
    auto b = std::make_shared<ConstantSource>(0.5f);
    mixer.addSource(a);
    mixer.addSource(b);
    AudioBlock block = mixer.mix(480);
    QCOMPARE(block.frames(), 480);
    QCOMPARE(block.firstFrame, 0);
    for (float s : block.samples)
        QCOMPARE(s, 0.75f);

    b->setGain(0.5f);
    block = mixer.mix(480);
    QCOMPARE(block.firstFrame, 480);
    QCOMPARE(block.samples.front(), 0.5f);

    // Two loud sources: the sum is limited below full scale instead of wrapping or clipping hard.
    b->setGain(1.0f);
    mixer.addSource(std::make_shared<ConstantSource>(0.8f));
    block = mixer.mix(16);
    for (float s : block.samples) {
        QVERIFY(s < 1.0f);
        QVERIFY(s > 0.9f);
    }
    QCOMPARE(AudioMixer::limit(-3.0f) < -0.9f, true);
    QCOMPARE(AudioMixer::limit(0.5f), 0.5f);

    mixer.removeSource(a);
    QCOMPARE(mixer.sourceCount(), 2);
}

void TestEncoders::mixerSilentWithoutSources()
{
    AudioMixer mixer;
    const AudioBlock block = mixer.mix(1024);
    QCOMPARE(block.frames(), 1024);
    QVERIFY(
        std::all_of(block.samples.begin(), block.samples.end(), [](float s) { return s == 0; }));
    mixer.addSource(std::make_shared<SilentSource>());
    QCOMPARE(mixer.mix(10).samples, std::vector<float>(20, 0.0f));
}

void TestEncoders::pcmInputUnderrunIsSilence()
{
    auto voice = std::make_shared<PcmInputSource>(QStringLiteral("host voice"), 100);
    AudioMixer mixer;
    mixer.addSource(voice);
    const std::vector<float> pushed(200 * 2, 0.3f);
    voice->push(pushed.data(), 200);
    const AudioBlock block = mixer.mix(300);
    QCOMPARE(block.samples[0], 0.3f);
    QCOMPARE(block.samples[399], 0.3f);
    QCOMPARE(block.samples[400], 0.0f);
    QCOMPARE(voice->underrunFrames(), 100);
    // Overrun keeps only the newest 100 ms.
    const std::vector<float> many(48000 * 2, 0.1f);
    voice->push(many.data(), 48000);
    QCOMPARE(voice->bufferedFrames(), 4800);
}

void TestEncoders::fileSourceLoopsAndResamples()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tone.wav"));
    writeWav(path, 44100, 1, 4410, 0.5f); // 100 ms of mono 44.1 kHz

    auto source = std::make_shared<AudioFileSource>(path, true);
    QVERIFY2(source->open(), qPrintable(source->errorString()));
    AudioMixer mixer;
    mixer.addSource(source);
    double energy = 0;
    int silentRuns = 0;
    for (int i = 0; i < 35; ++i) { // 350 ms: the 100 ms file plays 3 times and more
        const AudioBlock block = mixer.mix(480);
        double blockEnergy = 0;
        for (float s : block.samples)
            blockEnergy += double(s) * s;
        silentRuns += blockEnergy == 0 ? 1 : 0;
        energy += blockEnergy;
        // Mono becomes the same signal on both channels.
        QCOMPARE(block.samples[100], block.samples[101]);
    }
    QVERIFY(energy > 0);
    QCOMPARE(silentRuns, 0);
    QVERIFY2(source->loopCount() >= 3, qPrintable(QString::number(source->loopCount())));
    QVERIFY(!source->isFinished());

    auto once = std::make_shared<AudioFileSource>(path, false);
    QVERIFY(once->open());
    std::vector<float> buffer(9600 * 2);
    once->read(buffer.data(), 9600); // 200 ms: the second half is silence
    QVERIFY(once->isFinished());
    QCOMPARE(buffer.back(), 0.0f);

    AudioFileSource missing(dir.filePath(QStringLiteral("missing.wav")));
    QVERIFY(!missing.open());
    QVERIFY(missing.errorString().contains(QStringLiteral("missing.wav")));
}

void TestEncoders::retryScheduleGrowsAndCaps()
{
    RtmpOutputSettings settings;
    QCOMPARE(RtmpOutput::retryDelayMs(settings, 0, 0.0), 2000);
    QCOMPARE(RtmpOutput::retryDelayMs(settings, 1, 0.0), 3000);
    QCOMPARE(RtmpOutput::retryDelayMs(settings, 2, 0.0), 4500);
    QCOMPARE(RtmpOutput::retryDelayMs(settings, 1, 0.999), 3299);
    QCOMPARE(RtmpOutput::retryDelayMs(settings, 20, 0.5), 30000);
}

void TestEncoders::streamKeyIsRedacted()
{
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmp://127.0.0.1:1935/live/sk_live_abc123")),
             QStringLiteral("rtmp://127.0.0.1:1935/live/****"));
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmps://va.pscp.tv:443/x/abcdef?token=zz")),
             QStringLiteral("rtmps://va.pscp.tv:443/x/****?****"));
    // A key may sit in the user name too: the whole user info is hidden.
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmp://user:secret@host/app/key")),
             QStringLiteral("rtmp://****@host/app/****"));
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmps://KEYSECRET@host/app/key")),
             QStringLiteral("rtmps://****@host/app/****"));
    // The server decodes the segment: "PCT/SECRET?I" is one key, none of which may show.
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmp://127.0.0.1/live/PCT%2FSECRET%3FI")),
             QStringLiteral("rtmp://127.0.0.1/live/****"));
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmp://127.0.0.1/live/SECRET%2F")),
             QStringLiteral("rtmp://127.0.0.1/live/****"));
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmps://ingest.example/app/SECRET/")),
             QStringLiteral("rtmps://ingest.example/app/****"));
    QCOMPARE(redactStreamUrl(QStringLiteral("rtmp://[::1]:1935/live/SECRET")),
             QStringLiteral("rtmp://[::1]:1935/live/****"));
    QVERIFY(
        !redactStreamUrl(QStringLiteral("not a url key123")).contains(QStringLiteral("key123")));
}

QTEST_GUILESS_MAIN(TestEncoders)
#include "tst_encoders.moc"
