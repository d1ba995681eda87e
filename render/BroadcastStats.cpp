#include "BroadcastStats.h"

#include <QJsonArray>

#include <cmath>

namespace sb::render {

namespace {
double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}
} // namespace

QJsonObject BroadcastStats::toJson() const
{
    QJsonArray outputList;
    for (const OutputStats& o : outputs) {
        QJsonObject out{
            {QStringLiteral("name"), o.name},
            {QStringLiteral("status"), outputStateName(o.state)},
            {QStringLiteral("bitrate_kbps"), rounded(o.bitrateKbps, 1)},
            {QStringLiteral("bytes"), qint64(o.bytesWritten)},
            {QStringLiteral("frames"), qint64(o.framesWritten)},
            {QStringLiteral("dropped_frames"), qint64(o.droppedFrames)},
            {QStringLiteral("reconnects"), o.reconnects},
            {QStringLiteral("queued_ms"), qint64(o.queuedMs)},
        };
        if (!o.lastError.isEmpty())
            out.insert(QStringLiteral("last_error"), o.lastError);
        outputList.append(out);
    }
    return {
        {QStringLiteral("fps"), rounded(fps, 2)},
        {QStringLiteral("average_render_ms"), rounded(averageRenderMs, 2)},
        {QStringLiteral("frames_rendered"), qint64(framesRendered)},
        {QStringLiteral("frames_missed_render_lag"), qint64(framesMissed)},
        {QStringLiteral("frames_skipped_encode_lag"), qint64(framesSkipped)},
        {QStringLiteral("frames_encoded"), qint64(framesEncoded)},
        {QStringLiteral("cpu_percent"), rounded(cpuPercent, 1)},
        {QStringLiteral("cpu_time_ms"), qint64(cpuTimeMs)},
        {QStringLiteral("memory_mb"), rounded(memoryMb, 1)},
        {QStringLiteral("peak_memory_mb"), rounded(peakMemoryMb, 1)},
        {QStringLiteral("uptime_ms"), qint64(uptimeMs)},
        {QStringLiteral("video_encoder"), videoEncoder},
        {QStringLiteral("audio_momentary_lufs"), rounded(audioMomentaryLufs, 1)},
        {QStringLiteral("audio_peak_dbfs"), rounded(audioPeakDbfs, 1)},
        {QStringLiteral("outputs"), outputList},
    };
}

} // namespace sb::render
