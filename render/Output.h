#pragma once
// One destination of the encoded stream: an RTMP/RTMPS server or a recording file. Each output
// has its own queue and thread, so a slow or dead destination never stalls the encoder or the
// other outputs.

#include "MediaTypes.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <deque>
#include <utility>

namespace sb::render {

enum class OutputState
{
    Stopped,
    Connecting,
    Live,
    Reconnecting,
    Failed
};
// "stopped", "connecting", "live", "reconnecting", "failed"
QString outputStateName(OutputState state);

struct OutputStats
{
    QString name;
    OutputState state = OutputState::Stopped;
    std::int64_t bytesWritten = 0;
    double bitrateKbps = 0;               // over the last few seconds
    std::int64_t framesWritten = 0;       // video frames that reached the destination
    std::int64_t keyframesWritten = 0;    // of which keyframes
    std::int64_t audioPacketsWritten = 0; // AAC frames that reached the destination
    // Video frames dropped for congestion or while reconnecting.
    std::int64_t droppedFrames = 0;
    int reconnects = 0;        // connections re-established after a loss
    std::int64_t queuedMs = 0; // video waiting in this output's queue
    QString lastError;
};

// Bits per second over a sliding window (OutputStats::bitrateKbps); not thread-safe.
class BitrateMeter
{
public:
    using Clock = std::chrono::steady_clock;
    explicit BitrateMeter(std::chrono::milliseconds window = std::chrono::seconds(5));
    void record(std::int64_t totalBytes, Clock::time_point now = Clock::now());
    double kbps(Clock::time_point now = Clock::now()) const;
    void reset();

private:
    std::chrono::milliseconds m_window;
    std::deque<std::pair<Clock::time_point, std::int64_t>> m_samples;
};

class Output
{
public:
    virtual ~Output() = default;
    virtual QString name() const = 0;
    // Non-blocking: connects (or opens the file) on the output's own thread.
    virtual void start(const EncodedStreams& streams) = 0;
    // Non-blocking, from the encoder's thread; the packet is shared, not copied.
    virtual void push(const EncodedPacket& packet) = 0;
    // Writes what is queued (bounded wait), closes, and finishes (e.g. remux). Idempotent.
    virtual void stop() = 0;
    virtual OutputStats stats() const = 0;
};

} // namespace sb::render
