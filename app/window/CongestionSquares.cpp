#include "CongestionSquares.h"

#include "StatsDock.h"

#include <QPainter>
#include <QStringList>

#include <algorithm>

namespace sb::app {

using sb::render::OutputState;
using sb::render::OutputStats;

CongestionSquares::CongestionSquares(QWidget* parent) : QWidget(parent)
{
    setFixedHeight(14);
}

void CongestionSquares::setOutputs(const QList<OutputStats>& outputs)
{
    m_outputs = outputs;
    setFixedWidth(int(std::max<qsizetype>(1, outputs.size())) * 18);
    QStringList tips;
    for (const OutputStats& o : outputs)
        tips << QStringLiteral("%1: %2").arg(o.name, outputStateText(o.state));
    setToolTip(tips.join(u'\n'));
    update();
}

void CongestionSquares::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    for (int i = 0; i < m_outputs.size(); ++i) {
        const OutputStats& o = m_outputs.at(i);
        QColor color(120, 120, 120);
        if (o.state == OutputState::Live)
            color = o.queuedMs > 700 ? QColor(230, 190, 40) : QColor(60, 190, 90);
        else if (o.state == OutputState::Connecting)
            color = QColor(230, 190, 40);
        else if (o.state == OutputState::Reconnecting || o.state == OutputState::Failed)
            color = QColor(210, 60, 50);
        painter.fillRect(QRect(i * 18 + 2, 1, 12, 12), color);
    }
}

} // namespace sb::app
