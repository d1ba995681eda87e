#pragma once
// The values that travel through the broadcast pipeline: raw frames from the compositor, audio
// blocks from the mixer, encoded packets from the encoders to every output. render/ knows nothing
// about auctions; these types are all it passes around.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/rational.h>
}

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace sb::render {

inline constexpr int kAudioSampleRate = 48000;
inline constexpr int kAudioChannels = 2;

enum class PixelFormat
{
    Nv12,
    I420
};

// One converted video frame in system memory (BT.709, limited range). Planes are packed one after
// another with no padding: Y (width × height), then NV12's interleaved UV or I420's U and V.
struct RawVideoFrame
{
    int width = 0;
    int height = 0;
    PixelFormat format = PixelFormat::Nv12;
    std::vector<std::uint8_t> data;
    std::int64_t frameIndex = 0; // presentation time in units of 1/fps since the stream started

    static std::size_t byteSize(int width, int height)
    {
        return std::size_t(width) * height * 3 / 2;
    }
    const std::uint8_t* plane(int index) const; // 0 = Y, 1 = UV (NV12) or U (I420), 2 = V (I420)
    int stride(int index) const;
};

// Interleaved stereo float PCM at 48 kHz.
struct AudioBlock
{
    std::vector<float> samples;  // frames × 2
    std::int64_t firstFrame = 0; // in 1/48000 s since the stream started
    int frames() const { return int(samples.size() / kAudioChannels); }
};

struct AVPacketDeleter
{
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
using PacketPtr = std::shared_ptr<const AVPacket>;

// One encoded packet, shared by every output (never copied per destination).
struct EncodedPacket
{
    enum class Stream
    {
        Video,
        Audio
    };
    Stream stream = Stream::Video;
    PacketPtr packet; // pts/dts in timeBase
    AVRational timeBase{1, 1000};
    bool keyframe = false;
    bool disposable = false; // no other frame references it: the first to drop under congestion

    std::int64_t dtsUs() const
    {
        return av_rescale_q(packet->dts, timeBase, AVRational{1, 1000000});
    }
};

struct CodecParametersDeleter
{
    void operator()(AVCodecParameters* p) const { avcodec_parameters_free(&p); }
};

// What a muxer needs before the first packet: the codecs' parameters and time bases.
struct EncodedStreams
{
    std::shared_ptr<const AVCodecParameters> video;
    AVRational videoTimeBase{1, 30};
    AVRational videoFrameRate{30, 1};
    std::shared_ptr<const AVCodecParameters> audio;
    AVRational audioTimeBase{1, kAudioSampleRate};
};

// An FFmpeg error code as a sentence.
QString avErrorText(int code);

} // namespace sb::render
