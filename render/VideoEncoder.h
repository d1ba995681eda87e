#pragma once
// Turns the compositor's NV12/I420 frames into H.264 packets, once for every output. Picks a
// hardware encoder when one works ("auto": nvenc, vaapi, qsv, videotoolbox, amf) and falls back to
// x264 otherwise; constant bitrate with a fixed keyframe interval, as streaming ingests expect.

#include "MediaTypes.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>

namespace sb::render {

struct VideoEncoderSettings
{
    int width = 1280;
    int height = 720;
    int fps = 30;
    int bitrateKbps = 2500;
    int keyframeIntervalSeconds = 2;
    QString preset = QStringLiteral("veryfast");
    QString profile = QStringLiteral("high");
    // "auto" | "libx264" | "h264_nvenc" | "h264_vaapi" | "h264_qsv" | "h264_videotoolbox" |
    // "h264_amf"
    QString encoder = QStringLiteral("auto");
    PixelFormat inputFormat = PixelFormat::Nv12; // frames of the other layout are repacked

    int keyframeIntervalFrames() const
    {
        return fps * keyframeIntervalSeconds > 0 ? fps * keyframeIntervalSeconds : 1;
    }
};

// Keyframes sit on a fixed grid of frame indices (0, gop, 2·gop, …) rather than every gop-th
// frame sent, so a frame skipped for encode lag never stretches a GOP past the interval. The
// frame on the grid is the one the pipeline never skips.
inline bool isKeyframeGridIndex(std::int64_t frameIndex, int keyframeIntervalFrames)
{
    return keyframeIntervalFrames <= 1 || frameIndex % keyframeIntervalFrames == 0;
}

class VideoEncoder
{
public:
    using PacketCallback = std::function<void(const EncodedPacket&)>;

    explicit VideoEncoder(VideoEncoderSettings settings);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Opens the configured encoder (probing hardware ones for "auto"). False with errorString().
    bool open();
    bool isOpen() const;
    QString errorString() const;

    // Called on the encoding thread for every packet, in decode order.
    void setPacketCallback(PacketCallback callback);

    // pts = frame.frameIndex (time base 1/fps). False with errorString() on an encoder error.
    bool encode(const RawVideoFrame& frame);
    // The same, handing the frame over: x264 reads its planes where they are (it copies the
    // picture into a frame of its own before the call returns) instead of from a copy. The
    // frame goes to the recycler once the encoder lets go of it (for x264, within this call).
    bool encode(RawVideoFrame&& frame);
    using FrameRecycler = std::function<void(RawVideoFrame&&)>;
    void setFrameRecycler(FrameRecycler recycler);
    // Drains the delayed frames at the end of the stream; encode() must not be called after it.
    bool flush();

    QString encoderName() const;    // the encoder actually opened, e.g. "libx264"
    QStringList probeNotes() const; // why each skipped hardware encoder was skipped
    const VideoEncoderSettings& settings() const;
    std::shared_ptr<const AVCodecParameters> codecParameters() const; // valid after open()
    AVRational timeBase() const;                                      // {1, fps}
    AVRational frameRate() const;                                     // {fps, 1}

    // The hardware H.264 encoders that open on this machine (probed once, then cached).
    static QStringList availableHardwareEncoders();
    // Whether the H.264 packet holds only non-reference slices (nal_ref_idc == 0).
    static bool isNonReferenceH264(const AVPacket& packet);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sb::render
