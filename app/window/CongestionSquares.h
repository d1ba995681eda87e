#pragma once
// The status bar's destinations at a glance: one square each, coloured like OBS's: green live,
// yellow congested (over 0.7 s queued) or connecting, red reconnecting or failed, grey stopped.

#include "BroadcastStats.h"

#include <QList>
#include <QWidget>

namespace sb::app {

class CongestionSquares : public QWidget
{
public:
    explicit CongestionSquares(QWidget* parent);
    void setOutputs(const QList<sb::render::OutputStats>& outputs);

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QList<sb::render::OutputStats> m_outputs;
};

} // namespace sb::app
