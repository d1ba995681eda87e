#pragma once
// One RTMP/RTMPS destination (X Live, Twitch, YouTube, a local nginx-rtmp): FLV over its own
// connection, on its own thread and queue. It reconnects on its own with a growing delay, resumes
// at the next keyframe with timestamps continuing, and under congestion drops video the way OBS
// does (non-reference frames first, then everything up to the next keyframe; never audio or
// keyframes). The stream key is part of the URL and never appears in logs or errors.

#include "Output.h"

#include <QString>

#include <memory>

namespace sb::render {

struct RtmpOutputSettings
{
    QString name;                // shown in the stats dock, e.g. "X Live"
    QString url;                 // rtmp://host[:port]/app/streamKey or rtmps://...
    int connectTimeoutMs = 5000; // TCP connect + RTMP handshake + publish
    int writeTimeoutMs = 10000;  // a write without progress this long: connection lost
    int firstRetryDelayMs = 2000;
    double retryBackoff = 1.5; // each next delay ×1.5 ...
    double retryJitter = 0.1;  // ... plus up to 10 %
    int maxRetryDelayMs = 30000;
    int maxRetries = 25;               // then Failed with the last error
    int dropNonReferenceAboveMs = 700; // queued video above this: drop disposable frames
    int dropToKeyframeAboveMs = 900;   // above this: drop all video until the next keyframe
    int maxPendingMs = 3000;           // video kept while the first connection is being made
    int sendBufferBytes = -1;          // socket send buffer, -1 = the system's
    int stopTimeoutMs = 3000;          // stop(): longest wait to send what is queued
};

class RtmpOutput final : public Output
{
public:
    explicit RtmpOutput(RtmpOutputSettings settings);
    ~RtmpOutput() override; // stops

    QString name() const override;
    void start(const EncodedStreams& streams) override;
    void push(const EncodedPacket& packet) override;
    void stop() override;
    OutputStats stats() const override;

    const RtmpOutputSettings& settings() const;
    // The wait before retry number `attempt` (0-based); jitter01 in [0, 1) picks the jitter.
    static int retryDelayMs(const RtmpOutputSettings& settings, int attempt, double jitter01);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The URL as it may be shown: the last path segment (the stream key, as written, so a
// percent-encoded "/" or "?" in it is hidden too), the query and any user info are "****".
QString redactStreamUrl(const QString& url);

} // namespace sb::render
