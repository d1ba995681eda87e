#include "StatsDock.h"

#include "PlainTextLabels.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::app {

using namespace sb::render;

QString outputStateText(OutputState state)
{
    switch (state) {
    case OutputState::Stopped:
        return StatsDock::tr("Stopped");
    case OutputState::Connecting:
        return StatsDock::tr("Connecting");
    case OutputState::Live:
        return StatsDock::tr("Live");
    case OutputState::Reconnecting:
        return StatsDock::tr("Reconnecting");
    case OutputState::Failed:
        return StatsDock::tr("Failed");
    }
    return {};
}

QString audioMeterText(double momentaryLufs, double peakDbfs)
{
    // Below -70 LUFS nothing a viewer hears: say so rather than print a meaningless figure.
    if (momentaryLufs <= -70.0 && peakDbfs <= -70.0)
        return StatsDock::tr("silence");
    return StatsDock::tr("%1 LUFS, peak %2 dBFS")
        .arg(std::max(momentaryLufs, -70.0), 0, 'f', 1)
        .arg(std::max(peakDbfs, -70.0), 0, 'f', 1);
}

StatsDock::StatsDock(QWidget* parent) : QDockWidget(tr("Stats"), parent)
{
    setObjectName(QStringLiteral("StatsDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    auto* form = new QFormLayout;
    const auto label = [body](const char* name) {
        auto* l = new QLabel(QStringLiteral("—"), body);
        l->setObjectName(QLatin1String(name));
        return l;
    };
    m_fps = label("fpsValue");
    m_render = label("renderValue");
    m_missed = label("missedValue");
    m_skipped = label("skippedValue");
    m_cpu = label("cpuValue");
    m_memory = label("memoryValue");
    m_encoder = label("encoderValue");
    m_audio = label("audioValue");
    form->addRow(tr("FPS:"), m_fps);
    form->addRow(tr("Average time to render a frame:"), m_render);
    form->addRow(tr("Frames missed due to rendering lag:"), m_missed);
    form->addRow(tr("Frames skipped due to encoding lag:"), m_skipped);
    form->addRow(tr("CPU usage:"), m_cpu);
    form->addRow(tr("Memory usage:"), m_memory);
    form->addRow(tr("Video encoder:"), m_encoder);
    form->addRow(tr("Program audio (momentary):"), m_audio);
    layout->addLayout(form);
    m_outputs = new QTableWidget(0, 6, body);
    m_outputs->setObjectName(QStringLiteral("outputsTable"));
    m_outputs->setHorizontalHeaderLabels({tr("Output"), tr("Status"), tr("Bitrate"),
                                          tr("Data sent"), tr("Dropped frames"), tr("Reconnects")});
    m_outputs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_outputs->verticalHeader()->hide();
    m_outputs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_outputs, 1);
    setWidget(body);
}

void StatsDock::showStats(const BroadcastStats& s)
{
    m_fps->setText(QString::number(s.fps, 'f', 2));
    m_render->setText(tr("%1 ms").arg(s.averageRenderMs, 0, 'f', 1));
    const auto ofTotal = [](std::int64_t part, std::int64_t total) {
        return tr("%1 / %2 (%3 %)")
            .arg(part)
            .arg(total)
            .arg(total > 0 ? 100.0 * double(part) / double(total) : 0.0, 0, 'f', 1);
    };
    m_missed->setText(ofTotal(s.framesMissed, s.framesRendered + s.framesMissed));
    m_skipped->setText(ofTotal(s.framesSkipped, s.framesEncoded + s.framesSkipped));
    m_cpu->setText(tr("%1 %").arg(s.cpuPercent, 0, 'f', 1));
    m_memory->setText(tr("%1 MB").arg(s.memoryMb, 0, 'f', 1));
    m_encoder->setText(s.videoEncoder.isEmpty() ? tr("idle (not streaming or recording)")
                                                : s.videoEncoder);
    m_audio->setText(audioMeterText(s.audioMomentaryLufs, s.audioPeakDbfs));
    m_outputs->setRowCount(int(s.outputs.size()));
    for (int row = 0; row < s.outputs.size(); ++row) {
        const OutputStats& o = s.outputs.at(row);
        const QStringList cells{o.name,
                                outputStateText(o.state),
                                tr("%1 kb/s").arg(o.bitrateKbps, 0, 'f', 0),
                                tr("%1 MB").arg(double(o.bytesWritten) / 1e6, 0, 'f', 1),
                                QString::number(o.droppedFrames),
                                QString::number(o.reconnects)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == 1 && !o.lastError.isEmpty())
                item->setToolTip(plainToolTip(o.lastError));
            m_outputs->setItem(row, column, item);
        }
    }
}

} // namespace sb::app
