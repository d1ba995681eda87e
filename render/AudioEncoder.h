#pragma once
// AAC for every output: FFmpeg's native encoder, 48 kHz stereo, constant bitrate. Takes the
// mixer's blocks of any length and encodes them in the codec's 1024-sample frames.

#include "MediaTypes.h"

#include <QString>

#include <functional>
#include <memory>

namespace sb::render {

struct AudioEncoderSettings
{
    int bitrateKbps = 160;
};

class AudioEncoder
{
public:
    using PacketCallback = std::function<void(const EncodedPacket&)>;

    explicit AudioEncoder(AudioEncoderSettings settings = {});
    ~AudioEncoder();
    AudioEncoder(const AudioEncoder&) = delete;
    AudioEncoder& operator=(const AudioEncoder&) = delete;

    bool open(); // false with errorString()
    QString errorString() const;
    void setPacketCallback(PacketCallback callback);

    // Buffers the block and encodes every complete 1024-sample frame; pts count samples.
    bool encode(const AudioBlock& block);
    // Pads the last partial frame with silence and drains the encoder.
    bool flush();

    int frameSize() const; // samples per AAC frame (1024)
    std::shared_ptr<const AVCodecParameters> codecParameters() const; // valid after open()
    AVRational timeBase() const { return AVRational{1, kAudioSampleRate}; }

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sb::render
