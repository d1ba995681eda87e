// The host character: the mood rules on a virtual clock, and the puppet, its caption and the
// overlay painted to images, asserting what a viewer would notice (the face changes, the eyes
// close for a blink, the bubble appears and goes).

#include "AuctionEvent.h"
#include "AuctionSnapshot.h"
#include "HostCaption.h"
#include "HostMood.h"
#include "HostMoodMachine.h"
#include "HostOverlay.h"
#include "HostPuppet.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace sb::studio;
using sb::auction::AuctionEvent;

namespace {

constexpr QSize kPanelSize(384, 360);

// "bid.accepted 250" or "bid.accepted 250@1" (amount in gwei, auction index after @).
AuctionEvent eventFrom(const QString& spec)
{
    AuctionEvent e;
    const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    e.type = parts.value(0);
    if (parts.size() > 1) {
        const QStringList amount = parts[1].split(QLatin1Char('@'));
        e.payload.insert(QStringLiteral("amount_gwei"), amount[0].toLongLong());
        e.payload.insert(QStringLiteral("auction"), amount.value(1, QStringLiteral("0")).toInt());
        e.payload.insert(QStringLiteral("bid_id"), 1);
    } else {
        e.payload.insert(QStringLiteral("auction"), 0);
    }
    if (parts.contains(QStringLiteral("recomputed")))
        e.payload.insert(QStringLiteral("recomputed"), true);
    return e;
}

QImage paintPuppet(const HostPuppet& puppet, HostMood mood, std::int64_t timeMs, bool talking)
{
    QImage image(puppet.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    puppet.paint(p, QRectF(QPointF(0, 0), QSizeF(puppet.size())), mood, timeMs, talking);
    return image;
}

QImage paintOverlay(const HostOverlay& overlay, std::int64_t nowMs, QSize size = kPanelSize)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    AuctionSnapshot snapshot;
    snapshot.nowUtcMs = nowMs;
    QPainter p(&image);
    overlay.paint(p, size, snapshot);
    return image;
}

QRect pixelRect(const QRectF& designRect, QSize size)
{
    return HostPuppet::designToTarget(QRectF(QPointF(0, 0), QSizeF(size)))
        .mapRect(designRect)
        .toAlignedRect()
        .intersected(QRect(QPoint(0, 0), size));
}

// Pixels of `region` whose colour differs noticeably between the two pictures.
int differingPixels(const QImage& a, const QImage& b, const QRect& region)
{
    int count = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            const QRgb pa = a.pixel(x, y);
            const QRgb pb = b.pixel(x, y);
            const int d = std::abs(qRed(pa) - qRed(pb)) + std::abs(qGreen(pa) - qGreen(pb)) +
                          std::abs(qBlue(pa) - qBlue(pb)) + std::abs(qAlpha(pa) - qAlpha(pb));
            if (d > 48)
                ++count;
        }
    }
    return count;
}

// Eye whites: near-white, opaque pixels.
int whitePixels(const QImage& image, const QRect& region)
{
    int count = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qAlpha(p) > 240 && qRed(p) > 245 && qGreen(p) > 245 && qBlue(p) > 245)
                ++count;
        }
    }
    return count;
}

// The first row from the top with an opaque pixel in column `x`.
int topOfPicture(const QImage& image, int x)
{
    for (int y = 0; y < image.height(); ++y) {
        if (qAlpha(image.pixel(x, y)) > 128)
            return y;
    }
    return -1;
}

// A time with the eyes open, away from any blink.
std::int64_t openEyesTime(std::int64_t around)
{
    std::int64_t t = around;
    while (HostPuppet::eyeStateAt(t) != HostPuppet::EyeState::Open ||
           HostPuppet::eyeStateAt(t + 300) != HostPuppet::EyeState::Open)
        t += 50;
    return t;
}

} // namespace

class TestHost : public QObject
{
    Q_OBJECT

private slots:
    void moodNames();
    void moodTransitions_data();
    void moodTransitions();
    void operatorMoodHoldsThenExpires();
    void winnerEndsOperatorMood();
    void moodChangeTimeIsScheduledTime();

    void puppetMoodsLookDifferent();
    void puppetBlinks();
    void blinksAreThreeToSixSecondsApart();
    void puppetBreathes();
    void puppetTalks();
    void puppetPaintIsDeterministic();
    void puppetScalesToOtherSizes();

    void captionWrapsAndElides();
    void sayShowsCaptionThenItGoes();
    void overlayShowsMoodFromEvents();
    void overlayPaintsWhileEventsArrive();
    void calmHostRepaintsAtHalfTheFrameRate();
    void writeArtifacts();
};

void TestHost::moodNames()
{
    for (HostMood mood : allHostMoods()) {
        QCOMPARE(hostMoodFromName(hostMoodName(mood)), std::optional<HostMood>(mood));
        QVERIFY(!hostMoodDisplayName(mood).isEmpty());
    }
    QCOMPARE(hostMoodFromName(u" Triumphant "), std::optional<HostMood>(HostMood::Triumphant));
    QCOMPARE(hostMoodFromName(u"angry"), std::nullopt);
    QCOMPARE(allHostMoods().size(), 7);
}

void TestHost::moodTransitions_data()
{
    // events: "time type [amount[@auction]]" separated by ";"; expect: "time mood" pairs.
    QTest::addColumn<QString>("events");
    QTest::addColumn<QString>("expect");

    QTest::newRow("accepted bid: excited, happy, neutral after ~5 s")
        << "0 day.opened; 1000 bid.accepted 100; 1000 auction.leader 100"
        << "999 neutral; 1000 excited; 1599 excited; 1600 happy; 6599 happy; 6600 neutral";
    QTest::newRow("rejected bid: concerned")
        << "0 day.opened; 1000 bid.rejected 50"
        << "1000 excited; 1600 concerned; 5599 concerned; 5600 neutral";
    QTest::newRow("bid held for review: thoughtful while judged")
        << "0 day.opened; 1000 bid.review 50"
        << "1000 excited; 1600 thoughtful; 5600 neutral";
    QTest::newRow("big jump (2x the leader): surprised, then happy")
        << "0 day.opened; 1000 bid.accepted 100; 1000 auction.leader 100;"
           "10000 bid.accepted 200; 10000 auction.outbid 100; 10000 auction.leader 200"
        << "10000 excited; 10600 surprised; 13599 surprised; 13600 happy; 18600 neutral";
    QTest::newRow("ordinary raise is not a surprise")
        << "0 day.opened; 1000 bid.accepted 100; 1000 auction.leader 100;"
           "10000 bid.accepted 199; 10000 auction.leader 199"
        << "10600 happy; 15600 neutral";
    QTest::newRow("first bid has nothing to jump from")
        << "0 day.opened; 1000 bid.accepted 900000; 1000 auction.leader 900000"
        << "1600 happy";
    QTest::newRow("a new auction starts without a leader")
        << "0 day.opened; 1000 bid.accepted 100@0; 1000 auction.leader 100@0;"
           "9000 day.opened; 10000 bid.accepted 500@1; 10000 auction.leader 500@1"
        << "10600 happy";
    QTest::newRow("leader without its bid event still pleases")
        << "0 day.opened; 1000 auction.leader 100"
        << "1000 happy; 6000 neutral";
    QTest::newRow("recomputed leader is not celebrated")
        << "0 day.opened; 1000 bid.accepted 100; 1000 auction.leader 100;"
           "20000 auction.leader 80 recomputed"
        << "20000 neutral; 20700 neutral";
    QTest::newRow("winner: triumphant for 15 s")
        << "0 day.opened; 1000 bid.accepted 100; 1000 auction.leader 100; 30000 auction.winner"
        << "30000 triumphant; 44999 triumphant; 45000 neutral";
    QTest::newRow("late rejected bid does not spoil the win")
        << "0 day.opened; 30000 auction.winner; 31000 bid.rejected 10"
        << "31000 triumphant; 32000 triumphant";
    QTest::newRow("quiet open auction: thoughtful after a minute")
        << "0 day.opened; 1000 bid.accepted 100; 1000 auction.leader 100"
        << "6600 neutral; 60999 neutral; 61000 thoughtful; 200000 thoughtful";
    QTest::newRow("a bid wakes the thoughtful host")
        << "0 day.opened; 70000 bid.accepted 100; 70000 auction.leader 100"
        << "60000 thoughtful; 70000 excited; 70600 happy";
    QTest::newRow("paused auction: quiet is not thoughtful") << "0 day.opened; 100 day.paused"
                                                             << "100000 neutral";
    QTest::newRow("closed auction: quiet is not thoughtful")
        << "0 day.opened; 10000 auction.winner; 10000 day.completed"
        << "25000 neutral; 300000 neutral";
}

void TestHost::moodTransitions()
{
    QFETCH(QString, events);
    QFETCH(QString, expect);

    struct Step
    {
        std::int64_t timeMs;
        QString event;   // empty for a check
        HostMood mood{}; // for a check
    };
    QList<Step> steps;
    for (const QString& spec : events.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString s = spec.trimmed();
        const qsizetype space = s.indexOf(QLatin1Char(' '));
        steps.append({s.left(space).toLongLong(), s.mid(space + 1)});
    }
    for (const QString& spec : expect.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList parts = spec.trimmed().split(QLatin1Char(' '));
        const std::optional<HostMood> mood = hostMoodFromName(parts.value(1));
        QVERIFY2(mood, qPrintable(spec));
        steps.append({parts[0].toLongLong(), QString(), *mood});
    }
    // Events before checks at the same instant: a check reads the state after that moment.
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        return a.timeMs < b.timeMs ||
               (a.timeMs == b.timeMs && !a.event.isEmpty() && b.event.isEmpty());
    });

    HostMoodMachine machine;
    for (const Step& step : steps) {
        if (!step.event.isEmpty()) {
            machine.onEvent(eventFrom(step.event), step.timeMs);
            continue;
        }
        machine.tick(step.timeMs);
        QVERIFY2(machine.mood() == step.mood,
                 qPrintable(QStringLiteral("at %1 ms: %2, expected %3")
                                .arg(step.timeMs)
                                .arg(hostMoodName(machine.mood()), hostMoodName(step.mood))));
    }
}

void TestHost::operatorMoodHoldsThenExpires()
{
    HostMoodMachine machine;
    machine.onEvent(eventFrom(QStringLiteral("day.opened")), 0);
    machine.setMood(HostMood::Concerned, 1000);
    QCOMPARE(machine.mood(), HostMood::Concerned);
    QVERIFY(machine.isOverridden());

    // Bids do not move the operator's mood...
    machine.onEvent(eventFrom(QStringLiteral("bid.accepted 100")), 2000);
    machine.onEvent(eventFrom(QStringLiteral("auction.leader 100")), 2000);
    machine.tick(2700);
    QCOMPARE(machine.mood(), HostMood::Concerned);
    machine.tick(1000 + HostMoodMachine::kOverrideMs - 1);
    QCOMPARE(machine.mood(), HostMood::Concerned);
    // ...until it expires.
    machine.tick(1000 + HostMoodMachine::kOverrideMs);
    QCOMPARE(machine.mood(), HostMood::Neutral);
    QVERIFY(!machine.isOverridden());
    QCOMPARE(machine.moodSinceMs(), 1000 + HostMoodMachine::kOverrideMs);

    machine.setMood(HostMood::Happy, 30000);
    machine.clearOverride(31000);
    QCOMPARE(machine.mood(), HostMood::Neutral);
}

void TestHost::winnerEndsOperatorMood()
{
    HostMoodMachine machine;
    machine.setMood(HostMood::Thoughtful, 1000);
    machine.onEvent(eventFrom(QStringLiteral("auction.winner 100")), 2000);
    QCOMPARE(machine.mood(), HostMood::Triumphant);
    QVERIFY(!machine.isOverridden());
}

void TestHost::moodChangeTimeIsScheduledTime()
{
    // However late the GUI ticks, the change is dated when it was due: the puppet's entrance
    // animation and any later rule start from the same instant on every run.
    HostMoodMachine machine;
    machine.onEvent(eventFrom(QStringLiteral("bid.accepted 100")), 1000);
    QCOMPARE(machine.moodSinceMs(), 1000);
    QCOMPARE(machine.moodUntilMs(), 1000 + HostMoodMachine::kExcitedMs);
    machine.tick(4000);
    QCOMPARE(machine.mood(), HostMood::Happy);
    QCOMPARE(machine.moodSinceMs(), 1000 + HostMoodMachine::kExcitedMs);
}

void TestHost::puppetMoodsLookDifferent()
{
    const HostPuppet puppet(kPanelSize);
    const std::int64_t t = openEyesTime(1000);
    QMap<HostMood, QImage> faces;
    for (HostMood mood : allHostMoods())
        faces.insert(mood, paintPuppet(puppet, mood, t, false));
    // The expression reads from the mouth and the brows: each pair of moods differs there.
    const QRect mouth = pixelRect(HostPuppet::mouthArea(), kPanelSize);
    const QRect eyesAndBrows =
        pixelRect(HostPuppet::eyesArea().united(HostPuppet::browsArea()), kPanelSize);
    for (HostMood a : allHostMoods()) {
        for (HostMood b : allHostMoods()) {
            if (a >= b)
                continue;
            const int changed = differingPixels(faces[a], faces[b], mouth) +
                                differingPixels(faces[a], faces[b], eyesAndBrows);
            QVERIFY2(changed > 60, qPrintable(QStringLiteral("%1 vs %2: %3 pixels")
                                                  .arg(hostMoodName(a), hostMoodName(b))
                                                  .arg(changed)));
        }
    }
}

void TestHost::puppetBlinks()
{
    const HostPuppet puppet(kPanelSize);
    const std::int64_t blink = HostPuppet::nextBlinkStartMs(10'000);
    QCOMPARE(HostPuppet::eyeStateAt(blink - 1), HostPuppet::EyeState::Open);
    QCOMPARE(HostPuppet::eyeStateAt(blink + 10), HostPuppet::EyeState::Half);
    QCOMPARE(HostPuppet::eyeStateAt(blink + 60), HostPuppet::EyeState::Closed);
    QCOMPARE(HostPuppet::eyeStateAt(blink + HostPuppet::kBlinkMs), HostPuppet::EyeState::Open);

    const QRect eyes = pixelRect(HostPuppet::eyesArea(), kPanelSize);
    const QImage open = paintPuppet(puppet, HostMood::Neutral, blink - 1, false);
    const QImage closed = paintPuppet(puppet, HostMood::Neutral, blink + 60, false);
    // Open eyes show their whites; closed ones are a line of lashes.
    QVERIFY2(whitePixels(open, eyes) > 150, qPrintable(QString::number(whitePixels(open, eyes))));
    QCOMPARE(whitePixels(closed, eyes), 0);
}

void TestHost::blinksAreThreeToSixSecondsApart()
{
    std::int64_t previous = HostPuppet::nextBlinkStartMs(0);
    for (int i = 0; i < 200; ++i) {
        const std::int64_t next = HostPuppet::nextBlinkStartMs(previous + 1);
        QVERIFY2(next - previous >= 3000 && next - previous <= 6000,
                 qPrintable(QString::number(next - previous)));
        previous = next;
    }
}

void TestHost::puppetBreathes()
{
    const HostPuppet puppet(kPanelSize);
    // Half a breath apart: in and out.
    const std::int64_t in = 1000;
    const std::int64_t out = in + HostPuppet::kBreathPeriodMs / 2;
    QVERIFY(HostPuppet::breathAt(in) > 0.99);
    QVERIFY(HostPuppet::breathAt(out) < -0.99);
    const QImage a = paintPuppet(puppet, HostMood::Neutral, in, false);
    const QImage b = paintPuppet(puppet, HostMood::Neutral, out, false);
    const int top = topOfPicture(a, kPanelSize.width() / 2);
    QVERIFY(top > 0);
    QVERIFY2(topOfPicture(b, kPanelSize.width() / 2) > top,
             "breathing in lifts the head above where it is breathing out");
    QVERIFY(differingPixels(a, b, QRect(QPoint(0, 0), kPanelSize)) > 200);
}

void TestHost::puppetTalks()
{
    const HostPuppet puppet(kPanelSize);
    std::int64_t t = 2000;
    while (HostPuppet::mouthStateAt(t, true) != HostPuppet::MouthState::Open)
        t += HostPuppet::kSyllableMs;
    QCOMPARE(HostPuppet::mouthStateAt(t, false), HostPuppet::MouthState::Closed);
    const QRect mouth = pixelRect(HostPuppet::mouthArea(), kPanelSize);
    const QImage silent = paintPuppet(puppet, HostMood::Neutral, t, false);
    const QImage talking = paintPuppet(puppet, HostMood::Neutral, t, true);
    QVERIFY(differingPixels(silent, talking, mouth) > 40);

    // Over a second of talking the mouth takes every shape, not one frozen pose.
    QSet<int> shapes;
    for (std::int64_t s = 0; s < 1000; s += HostPuppet::kSyllableMs)
        shapes.insert(int(HostPuppet::mouthStateAt(5000 + s, true)));
    QCOMPARE(shapes.size(), 3);
}

void TestHost::puppetPaintIsDeterministic()
{
    const HostPuppet a(kPanelSize);
    const HostPuppet b(kPanelSize);
    for (HostMood mood : {HostMood::Neutral, HostMood::Triumphant, HostMood::Thoughtful}) {
        for (std::int64_t t : {0LL, 1234LL, 98765LL}) {
            QCOMPARE(paintPuppet(a, mood, t, true), paintPuppet(b, mood, t, true));
            QCOMPARE(paintPuppet(a, mood, t, false), paintPuppet(a, mood, t, false));
        }
    }
}

void TestHost::puppetScalesToOtherSizes()
{
    // Rendered at 384×360 but shown at 192×180: a smaller copy, not a crop.
    const HostPuppet puppet(kPanelSize);
    QImage small(QSize(192, 180), QImage::Format_ARGB32_Premultiplied);
    small.fill(Qt::transparent);
    {
        QPainter p(&small);
        puppet.paint(p, QRectF(0, 0, 192, 180), HostMood::Happy, 1000, false);
    }
    const QImage big = paintPuppet(puppet, HostMood::Happy, 1000, false);
    const QImage shrunk = big.scaled(small.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QVERIFY(differingPixels(small, shrunk, small.rect()) < small.width() * small.height() / 50);
}

void TestHost::captionWrapsAndElides()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(20);
    const QString shortLine = QStringLiteral("Going once!");
    QCOMPARE(HostCaption::wrapLines(shortLine, font, 300), QStringList{shortLine});

    const QString longLine =
        QStringLiteral("Ladies and gentlemen, we have a new leader at two point five ether, and "
                       "the clock has been extended by five minutes, so do not go anywhere, the "
                       "night is young and the art is magnificent!");
    const QStringList lines = HostCaption::wrapLines(longLine, font, 300);
    QCOMPARE(lines.size(), HostCaption::kMaxLines);
    QVERIFY(lines.last().endsWith(QChar(0x2026)));
    const QFontMetricsF metrics(font);
    for (const QString& line : lines)
        QVERIFY2(metrics.horizontalAdvance(line) <= 300.5, qPrintable(line));

    // Longer lines stay longer, within bounds.
    QVERIFY(HostCaption::displayDurationMs(longLine) > HostCaption::displayDurationMs(shortLine));
    QVERIFY(HostCaption::talkDurationMs(QStringLiteral("Hi")) >= HostCaption::kMinTalkMs);
    QVERIFY(HostCaption::talkDurationMs(longLine.repeated(5)) <= HostCaption::kMaxTalkMs);
}

void TestHost::sayShowsCaptionThenItGoes()
{
    HostOverlay overlay;
    HostOverlay silent;
    const QString line = QStringLiteral("A new leader at 2.5 ETH! Who will go higher?");
    const std::int64_t start = openEyesTime(10'000);
    overlay.say(line, start);
    const std::int64_t until = start + HostCaption::displayDurationMs(line);

    const QRectF area = HostOverlay::captionArea(kPanelSize);
    // The bubble sits at the bottom of the caption area: its lower strip must change.
    const QRect strip = QRectF(area.left(), area.bottom() - 24, area.width(), 20).toRect();
    const std::int64_t shown = start + 500;
    QVERIFY(overlay.caption().isTalking(shown));
    QVERIFY(differingPixels(paintOverlay(overlay, shown), paintOverlay(silent, shown), strip) >
            strip.width() * 10);
    // The mouth moves while the line is said.
    QSet<QByteArray> mouths;
    const QRect mouth =
        pixelRect(HostPuppet::mouthArea(), HostOverlay::puppetArea(kPanelSize).size().toSize())
            .translated(HostOverlay::puppetArea(kPanelSize).topLeft().toPoint());
    for (std::int64_t t = shown; t < shown + 1000; t += HostPuppet::kSyllableMs) {
        const QImage frame = paintOverlay(overlay, t).copy(mouth);
        mouths.insert(
            QByteArray(reinterpret_cast<const char*>(frame.constBits()), frame.sizeInBytes()));
    }
    QVERIFY(mouths.size() > 2);

    // Gone after its time: the picture is the silent host's again.
    const QImage after = paintOverlay(overlay, until);
    QCOMPARE(after, paintOverlay(silent, until));
    QVERIFY(!overlay.caption().isVisible(until));
    overlay.tick(until);
    QVERIFY(overlay.caption().isEmpty());

    overlay.say(line, until);
    overlay.say(QString(), until + 10);
    QVERIFY(!overlay.caption().isVisible(until + 10));
}

void TestHost::calmHostRepaintsAtHalfTheFrameRate()
{
    // Ticked at 30 fps, the calm host asks for about 15 repaints a second; talking, every frame.
    HostOverlay overlay;
    const auto repaintsInASecond = [&](std::int64_t from) {
        int repaints = 0;
        for (std::int64_t t = from; t < from + 1000; t += 33) {
            AuctionSnapshot s;
            s.nowUtcMs = t;
            repaints += overlay.isAnimating(s) ? 1 : 0;
        }
        return repaints;
    };
    const int calm = repaintsInASecond(100'000);
    QVERIFY2(calm >= 13 && calm <= 17, qPrintable(QString::number(calm)));
    overlay.say(QStringLiteral("Do I hear two ETH? Anyone at all, for this fine piece?"), 200'000);
    QCOMPARE(repaintsInASecond(200'000), 31);
    // The same picture whenever in a calm step it is painted.
    HostOverlay other;
    const std::int64_t step = 300'000 - 300'000 % HostOverlay::kCalmFrameMs;
    QCOMPARE(paintOverlay(overlay, step + 1),
             paintOverlay(other, step + HostOverlay::kCalmFrameMs - 1));
}

void TestHost::overlayShowsMoodFromEvents()
{
    HostOverlay overlay;
    QCOMPARE(overlay.kind(), QStringLiteral("host"));
    QVERIFY(!overlay.displayName().isEmpty());
    QCOMPARE(overlay.defaultStyle().geometry, QRect(896, 0, 384, 360));
    QVERIFY(overlay.isAnimating(AuctionSnapshot()));

    HostOverlay calm;
    const std::int64_t t = openEyesTime(20'000);
    overlay.onEvent(eventFrom(QStringLiteral("bid.accepted 100")), t);
    overlay.onEvent(eventFrom(QStringLiteral("auction.leader 100")), t);
    // The render thread's frame may be ahead of the GUI's tick: the picture still shows the
    // mood due at its own time.
    const std::int64_t frame = t + 1000;
    QCOMPARE(overlay.mood(), HostMood::Excited);
    const QRect face = pixelRect(HostPuppet::mouthArea(), kPanelSize).adjusted(-20, -60, 20, 0);
    QVERIFY(differingPixels(paintOverlay(overlay, frame), paintOverlay(calm, frame), face) > 60);
    overlay.tick(frame);
    QCOMPARE(overlay.mood(), HostMood::Happy);
    QCOMPARE(paintOverlay(overlay, frame), paintOverlay(overlay, frame));

    overlay.setMood(HostMood::Concerned, frame);
    QCOMPARE(overlay.mood(), HostMood::Concerned);
    QVERIFY(overlay.moodMachine().isOverridden());
}

void TestHost::overlayPaintsWhileEventsArrive()
{
    // The GUI thread feeds the host while the render thread paints: no tearing, no crash.
    HostOverlay overlay;
    std::atomic<bool> done{false};
    std::thread feeder([&] {
        std::int64_t t = 0;
        while (!done.load()) {
            overlay.onEvent(eventFrom(QStringLiteral("bid.accepted 100")), t);
            overlay.say(QStringLiteral("Bid!"), t);
            overlay.tick(t += 100);
        }
    });
    for (int i = 0; i < 10; ++i)
        QVERIFY(!paintOverlay(overlay, i * 33).isNull());
    done = true;
    feeder.join();
}

void TestHost::writeArtifacts()
{
    const QString dir = qEnvironmentVariable("SB_ARTIFACTS_DIR");
    if (dir.isEmpty())
        QSKIP("SB_ARTIFACTS_DIR not set");
    QVERIFY(QDir().mkpath(dir));
    const std::int64_t t = openEyesTime(1000);
    QImage sheet(QSize(kPanelSize.width() * 4, kPanelSize.height() * 2), QImage::Format_ARGB32);
    sheet.fill(QColor(60, 70, 90));
    int i = 0;
    for (HostMood mood : allHostMoods()) {
        HostOverlay overlay;
        overlay.setMood(mood, t);
        const QImage image = paintOverlay(overlay, t);
        QVERIFY(
            image.save(QDir(dir).filePath(QStringLiteral("host_%1.png").arg(hostMoodName(mood)))));
        QPainter(&sheet).drawImage(
            QPoint((i % 4) * kPanelSize.width(), (i / 4) * kPanelSize.height()), image);
        ++i;
    }
    HostOverlay talking;
    talking.say(QStringLiteral("We have a new leader at 2.5 ETH! Going once… do I hear three? The "
                               "clock is extended, stay with me, this one is a masterpiece!"),
                t);
    const QImage caption = paintOverlay(talking, t + 600);
    QVERIFY(caption.save(QDir(dir).filePath(QStringLiteral("host_caption.png"))));
    QPainter(&sheet).drawImage(QPoint(3 * kPanelSize.width(), kPanelSize.height()), caption);
    QVERIFY(sheet.save(QDir(dir).filePath(QStringLiteral("host_sheet.png"))));
}

QTEST_MAIN(TestHost)
#include "tst_host.moc"
