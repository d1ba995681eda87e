#pragma once
// Stats as OBS shows them: FPS, average render time, frames missed (render lag) and skipped
// (encode lag), CPU and memory, and per output its status, bitrate, bytes, dropped frames and
// reconnects; and the program audio's meter (momentary loudness and peak).

#include "BroadcastStats.h"

#include <QDockWidget>

class QLabel;
class QTableWidget;

namespace sb::app {

class StatsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit StatsDock(QWidget* parent = nullptr);

public slots:
    void showStats(const sb::render::BroadcastStats& stats);

private:
    QLabel* m_fps = nullptr;
    QLabel* m_render = nullptr;
    QLabel* m_missed = nullptr;
    QLabel* m_skipped = nullptr;
    QLabel* m_cpu = nullptr;
    QLabel* m_memory = nullptr;
    QLabel* m_encoder = nullptr;
    QLabel* m_audio = nullptr;
    QTableWidget* m_outputs = nullptr;
};

// "Live", "Reconnecting", ... for the stats dock and the status bar.
QString outputStateText(sb::render::OutputState state);
// "-16.2 LUFS, peak -3.1 dBFS", or "silence", for the stats dock's audio meter.
QString audioMeterText(double momentaryLufs, double peakDbfs);

} // namespace sb::app
