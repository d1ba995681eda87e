#pragma once
// What the OpenGL suites (tst_compositor, tst_redraw, tst_colorconverter) share: layers made in
// one line, pixel comparisons with a tolerance, rendering a scene once, running a tool. Run
// under xvfb-run with QT_QPA_PLATFORM=xcb: they need a real GL context.

#include "Compositor.h"
#include "RenderContext.h"
#include "Scene.h"
#include "SolidColorSource.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

namespace sb::render::test {

inline const QSize kCanvas(160, 90);

inline Layer makeLayer(const QString& id, std::shared_ptr<LayerSource> source, double x = 0.0,
                       double y = 0.0)
{
    Layer layer;
    layer.id = id;
    layer.source = std::move(source);
    layer.transform.x = x;
    layer.transform.y = y;
    return layer;
}

inline Layer colorLayer(const QString& id, const QColor& color, QRect rect)
{
    Layer layer =
        makeLayer(id, std::make_shared<SolidColorSource>(color, rect.size()), rect.x(), rect.y());
    layer.kind = LayerKind::Color;
    return layer;
}

inline bool isNear(QColor actual, QColor expected, int tolerance)
{
    return std::abs(actual.red() - expected.red()) <= tolerance &&
           std::abs(actual.green() - expected.green()) <= tolerance &&
           std::abs(actual.blue() - expected.blue()) <= tolerance;
}

inline QByteArray describe(QColor actual, QColor expected, QPoint at)
{
    return QStringLiteral("pixel (%1,%2) is %3, expected %4")
        .arg(at.x())
        .arg(at.y())
        .arg(actual.name(), expected.name())
        .toUtf8();
}

#define COMPARE_PIXEL(image, x, y, expected, tolerance)                                            \
    do {                                                                                           \
        const QColor actual_ = (image).pixelColor((x), (y));                                       \
        QVERIFY2(isNear(actual_, (expected), (tolerance)),                                         \
                 describe(actual_, (expected), QPoint((x), (y))).constData());                     \
    } while (false)

// Renders a scene once with a fresh compositor and reads the frame back, top row first.
inline QImage renderOnce(RenderContext& context, const Scene& scene, std::int64_t timeMs = 0,
                         QSize canvas = kCanvas)
{
    Compositor compositor(context, canvas);
    if (!compositor.isValid())
        qWarning().noquote() << compositor.errorString();
    compositor.render(scene, timeMs);
    return compositor.readBackRgba();
}

// Runs a tool to completion: empty when it worked, else what went wrong.
inline QString runTool(const QString& program, const QStringList& arguments)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return QStringLiteral("%1 is not installed").arg(program);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QStringLiteral("%1 failed: %2")
            .arg(program, QString::fromLocal8Bit(process.readAll()));
    return {};
}

} // namespace sb::render::test
