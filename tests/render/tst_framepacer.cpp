// Frame pacing on a virtual monotonic clock: exact frame times with no drift, waits, and frames
// missed to render lag counted while the timeline stays continuous.

#include "FramePacer.h"

#include <QTest>

using sb::render::FramePacer;

class TestFramePacer : public QObject
{
    Q_OBJECT

private slots:
    void frameTimesAreExactForNtscRates();
    void waitsForTheNextSlot();
    void lateFrameInItsOwnSlotIsNotMissed();
    void framesWhoseSlotPassedAreRepeated();
    void anHourAt30FpsHasNoDrift();
};

void TestFramePacer::frameTimesAreExactForNtscRates()
{
    FramePacer pacer(30000, 1001);
    pacer.start(0);
    QCOMPARE(pacer.frameTimeNs(0), 0);
    QCOMPARE(pacer.frameTimeNs(30), 1'001'000'000); // 30 frames of 29.97 fps = 1.001 s
    QCOMPARE(pacer.frameTimeNs(1), 33'366'666);
}

void TestFramePacer::waitsForTheNextSlot()
{
    FramePacer pacer(30);
    pacer.start(1'000);
    const FramePacer::Next next = pacer.after(0, 1'000 + 10'000'000); // frame 0 took 10 ms
    QCOMPARE(next.frameIndex, 1);
    QCOMPARE(next.repeated, 0);
    QCOMPARE(next.waitNs, 33'333'333 - 10'000'000);
}

void TestFramePacer::lateFrameInItsOwnSlotIsNotMissed()
{
    FramePacer pacer(30);
    pacer.start(0);
    // Frame 0 took 40 ms: frame 1's slot (33.3–66.7 ms) is still open.
    const FramePacer::Next next = pacer.after(0, 40'000'000);
    QCOMPARE(next.frameIndex, 1);
    QCOMPARE(next.repeated, 0);
    QCOMPARE(next.waitNs, 0);
}

void TestFramePacer::framesWhoseSlotPassedAreRepeated()
{
    FramePacer pacer(30);
    pacer.start(0);
    // Frame 0 took 110 ms: slots 1 and 2 passed, we are in slot 3.
    const FramePacer::Next next = pacer.after(0, 110'000'000);
    QCOMPARE(next.frameIndex, 3);
    QCOMPARE(next.repeated, 2);
    QCOMPARE(next.waitNs, 0);
}

void TestFramePacer::anHourAt30FpsHasNoDrift()
{
    FramePacer pacer(30);
    pacer.start(5);
    QCOMPARE(pacer.frameTimeNs(30 * 3600), 5 + 3600LL * 1'000'000'000);
    const FramePacer::Next next = pacer.after(30 * 3600 - 1, pacer.frameTimeNs(30 * 3600) - 1);
    QCOMPARE(next.frameIndex, 30 * 3600);
    QCOMPARE(next.waitNs, 1);
}

QTEST_GUILESS_MAIN(TestFramePacer)
#include "tst_framepacer.moc"
