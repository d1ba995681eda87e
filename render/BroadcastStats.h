#pragma once
// Everything the stats dock shows, in one snapshot (OBS's stats dock is the reference): frame
// rate, render time, frames missed to render lag, frames skipped to encode lag, CPU, memory,
// each output's state, bitrate, bytes, dropped frames and reconnects, and the program audio's
// meter.

#include "Output.h"

#include <QJsonObject>
#include <QList>

#include <cstdint>

namespace sb::render {

struct BroadcastStats
{
    double fps = 0;             // program frames rendered per second, recently
    double averageRenderMs = 0; // compositing + conversion, recently
    std::int64_t framesRendered = 0;
    std::int64_t framesMissed = 0;  // render lag: slot passed before the frame was drawn
    std::int64_t framesSkipped = 0; // encode lag: the encoder could not take the frame
    std::int64_t framesEncoded = 0;
    double cpuPercent = 0;      // process CPU time / wall time (100 = one core), recently
    std::int64_t cpuTimeMs = 0; // process CPU time since it started
    double memoryMb = 0;
    double peakMemoryMb = 0;
    std::int64_t uptimeMs = 0;
    QString videoEncoder;
    // The program mix as the AAC encoder gets it (AudioMeter): momentary loudness (400 ms) and
    // the last second's sample peak; -120 for silence or before anything was mixed.
    double audioMomentaryLufs = -120.0;
    double audioPeakDbfs = -120.0;
    QList<OutputStats> outputs;

    QJsonObject toJson() const;
};

} // namespace sb::render
