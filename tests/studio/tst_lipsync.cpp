// Lip sync and the word-by-word caption, as a viewer sees them: the host's mouth drawn at a given
// position of the voice's audio clock is the mouth shape scheduled there (each of the nine shapes
// its own drawing, rest when she is silent), and the caption of a spoken line shows the words
// heard so far — none before the voice starts, all of them once it has finished.

#include "AuctionSnapshot.h"
#include "HostCaption.h"
#include "HostOverlay.h"
#include "HostPuppet.h"
#include "SpeechPlayer.h"

#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace sb::studio;
using sb::integrations::tts::MouthShape;
using sb::integrations::tts::SpeechPlayer;
using sb::integrations::tts::SpeechResult;
using sb::integrations::tts::Viseme;
using sb::integrations::tts::WordMark;

namespace {

constexpr QSize kPanelSize(384, 360);
constexpr std::int64_t kStartMs = 66 * 15'152; // on a 66 ms step of the calm host
const QString kLine = QStringLiteral("Sold to vault vera for two ETH");

const QList<MouthShape> kAllShapes{
    MouthShape::Closed,  MouthShape::SlightlyOpen, MouthShape::Open, MouthShape::Wide,
    MouthShape::Rounded, MouthShape::Puckered,     MouthShape::FV,   MouthShape::L,
    MouthShape::Rest};

// A second of "speech" whose mouth shapes and words are known: each shape for 100 ms.
SpeechResult knownLine()
{
    SpeechResult line;
    line.samples.assign(48000 * 2, 0.1f);
    int at = 0;
    for (MouthShape shape : kAllShapes) {
        if (shape == MouthShape::Rest)
            continue;
        line.visemes.append(Viseme{shape, at, at + 100, at});
        at += 100;
    }
    line.visemes.append(Viseme{MouthShape::SlightlyOpen, at, 1000, at});
    const QStringList words = kLine.split(QLatin1Char(' '));
    int charStart = 0;
    for (int i = 0; i < words.size(); ++i) {
        line.words.append(WordMark{i, charStart, int(words[i].size()), i * 150});
        charStart += int(words[i].size()) + 1;
    }
    return line;
}

QImage paintOverlay(const HostOverlay& overlay, std::int64_t nowMs)
{
    QImage image(kPanelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    AuctionSnapshot snapshot;
    snapshot.nowUtcMs = nowMs;
    QPainter p(&image);
    overlay.paint(p, kPanelSize, snapshot);
    return image;
}

// The puppet as the overlay places it, with `shape` for a mouth.
QImage paintPuppet(const HostPuppet& puppet, std::int64_t timeMs, MouthShape shape)
{
    QImage image(kPanelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    puppet.paint(p, HostOverlay::puppetArea(kPanelSize), HostMood::Neutral, timeMs,
                 shape != MouthShape::Rest, 0, shape);
    return image;
}

QRect mouthRect()
{
    return HostPuppet::designToTarget(HostOverlay::puppetArea(kPanelSize))
        .mapRect(HostPuppet::mouthArea())
        .toAlignedRect()
        .adjusted(-2, -4, 2, 4);
}

int differingPixels(const QImage& a, const QImage& b, const QRect& region)
{
    int count = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                    std::abs(qBlue(p) - qBlue(q)) + std::abs(qAlpha(p) - qAlpha(q)) >
                24)
                ++count;
        }
    }
    return count;
}

// Dark pixels (the caption's ink, and its outline) in the caption's area that the same host
// without a caption (`quiet`) does not have.
int inkPixels(const QImage& image, const QImage& quiet)
{
    const QRect area = HostOverlay::captionArea(kPanelSize).toAlignedRect();
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (p != quiet.pixel(x, y) && qAlpha(p) > 200 && qGray(p) < 90)
                ++count;
        }
    }
    return count;
}

int differingPixelsOfCaption(const QImage& a, const QImage& b)
{
    return differingPixels(a, b, HostOverlay::captionArea(kPanelSize).toAlignedRect());
}

// The voice as the mixer plays it: pulls `ms` of audio (the clock moves).
void play(SpeechPlayer& player, int ms)
{
    std::vector<float> block(std::size_t(ms) * 48 * 2);
    player.read(block.data(), ms * 48);
}

} // namespace

class TestLipSync : public QObject
{
    Q_OBJECT

private slots:
    void everyShapeIsItsOwnDrawing();
    void theMouthIsTheShapeScheduledAtTheAudioPosition();
    void theCaptionFollowsTheWords();
    void aStillClockIsNoVoice();
};

void TestLipSync::everyShapeIsItsOwnDrawing()
{
    const HostPuppet puppet(HostOverlay::puppetArea(kPanelSize).size().toSize());
    QList<QImage> mouths;
    for (MouthShape shape : kAllShapes)
        mouths.append(paintPuppet(puppet, 5000, shape));
    for (int a = 0; a < mouths.size(); ++a) {
        for (int b = a + 1; b < mouths.size(); ++b) {
            const int changed = differingPixels(mouths[a], mouths[b], mouthRect());
            QVERIFY2(changed > 25,
                     qPrintable(QStringLiteral("%1 vs %2: %3 pixels")
                                    .arg(sb::integrations::tts::mouthShapeLetter(kAllShapes[a]))
                                    .arg(sb::integrations::tts::mouthShapeLetter(kAllShapes[b]))
                                    .arg(changed)));
        }
    }
}

void TestLipSync::theMouthIsTheShapeScheduledAtTheAudioPosition()
{
    const auto player = std::make_shared<SpeechPlayer>();
    HostOverlay overlay;
    overlay.setSpeech(player);
    const HostPuppet puppet(HostOverlay::puppetArea(kPanelSize).size().toSize());
    std::int64_t now = kStartMs;
    overlay.tick(now);
    QVERIFY(!overlay.voiceLook(now).synced); // not seen moving yet
    play(*player, 100);                      // the stream is running: the clock moves
    overlay.tick(now);
    QVERIFY(overlay.voiceLook(now).synced);
    QCOMPARE(overlay.voiceLook(now).mouth, MouthShape::Rest);

    const auto mouthMatches = [&](MouthShape expected) {
        const QImage drawn = paintOverlay(overlay, now);
        const QImage reference = paintPuppet(puppet, now, expected);
        int best = -1, bestDiff = std::numeric_limits<int>::max();
        for (MouthShape shape : kAllShapes) {
            const int diff = differingPixels(drawn, paintPuppet(puppet, now, shape), mouthRect());
            if (diff < bestDiff) {
                bestDiff = diff;
                best = int(shape);
            }
        }
        return best == int(expected) && differingPixels(drawn, reference, mouthRect()) == 0;
    };
    // Silent: at rest (the calm host is drawn at 66 ms steps, so `now` is on one).
    now = kStartMs + 66 * 10;
    play(*player, 660);
    overlay.tick(now);
    QVERIFY(mouthMatches(MouthShape::Rest));

    player->enqueue(1, knownLine());
    // Through the line, 50 ms into each 100 ms shape; the engine's clock moves with it.
    int lineMs = 0;
    for (int i = 0; i < 8; ++i) {
        const int target = i * 100 + 50;
        play(*player, target - lineMs);
        now += target - lineMs;
        lineMs = target;
        overlay.tick(now);
        const MouthShape expected = kAllShapes[i];
        QCOMPARE(overlay.voiceLook(now).mouth, expected);
        QVERIFY(overlay.voiceLook(now).speaking);
        QVERIFY2(mouthMatches(expected),
                 qPrintable(sb::integrations::tts::mouthShapeLetter(expected)));
    }
    // The line is over: rest again.
    play(*player, 1000 - lineMs + 40);
    now += 1000 - lineMs + 40;
    overlay.tick(now);
    QCOMPARE(overlay.voiceLook(now).speaking, false);
    now += 66 - now % 66;
    QVERIFY(mouthMatches(MouthShape::Rest));
}

void TestLipSync::theCaptionFollowsTheWords()
{
    const auto player = std::make_shared<SpeechPlayer>();
    HostOverlay overlay, quiet; // the same host, one of them without a caption
    overlay.setSpeech(player);
    quiet.setSpeech(player);
    std::int64_t now = kStartMs;
    overlay.tick(now);
    quiet.tick(now);
    const auto advance = [&](int ms) {
        play(*player, ms);
        now += ms;
        overlay.tick(now);
        quiet.tick(now);
    };
    const auto ink = [&](std::int64_t at) {
        return inkPixels(paintOverlay(overlay, at), paintOverlay(quiet, at));
    };
    advance(100);

    // Said, but the voice is still being synthesized: no bubble yet.
    overlay.say(kLine, now, 1);
    QVERIFY(overlay.voiceLook(now).captionHidden);
    QCOMPARE(differingPixelsOfCaption(paintOverlay(overlay, now), paintOverlay(quiet, now)), 0);
    advance(120);
    QVERIFY(!overlay.caption().isEmpty());

    player->enqueue(1, knownLine());
    // Word by word: "Sold", then "Sold to vault", then every word.
    QList<int> inks;
    int lineMs = 0;
    for (const int at : {60, 320, 900}) {
        advance(at - lineMs);
        lineMs = at;
        const HostOverlay::VoiceLook look = overlay.voiceLook(now);
        QVERIFY(!look.captionHidden);
        if (at == 60)
            QCOMPARE(look.revealChars, 4); // "Sold"
        if (at == 320)
            QCOMPARE(look.revealChars, 13); // "Sold to vault"
        // Seen after the bubble's pop-in (the voice's position is what counts, not the time).
        inks.append(ink(now + HostCaption::kAppearMs));
    }
    QVERIFY2(inks[0] > 0 && inks[0] < inks[1] && inks[1] < inks[2],
             qPrintable(QStringLiteral("%1 %2 %3").arg(inks[0]).arg(inks[1]).arg(inks[2])));

    // Finished: the whole line stays up a moment after the voice, then goes.
    advance(1000 - lineMs + 100);
    QCOMPARE(overlay.voiceLook(now).revealChars, -1);
    QVERIFY(!overlay.voiceLook(now).captionHidden);
    QVERIFY2(ink(now) >= inks[2], qPrintable(QString::number(ink(now))));
    for (int i = 0; i < 10; ++i)
        advance(500);
    QVERIFY(overlay.caption().isEmpty());
}

void TestLipSync::aStillClockIsNoVoice()
{
    // Nothing mixes (no stream): after kStalledVoiceMs the host is as without a voice — the
    // caption shows whole and the mouth moves with it.
    const auto player = std::make_shared<SpeechPlayer>();
    HostOverlay overlay;
    overlay.setSpeech(player);
    std::int64_t now = kStartMs;
    overlay.tick(now);
    overlay.tick(now + HostOverlay::kStalledVoiceMs + 1);
    now += HostOverlay::kStalledVoiceMs + 1;
    overlay.say(kLine, now, 1);
    player->enqueue(1, knownLine());
    overlay.tick(now + 400);
    const HostOverlay::VoiceLook look = overlay.voiceLook(now + 400);
    QVERIFY(!look.synced);
    QVERIFY(!look.captionHidden);
    QVERIFY(!overlay.caption().isEmpty());
    QVERIFY(overlay.caption().isTalking(now + 400));
}

QTEST_MAIN(TestLipSync)
#include "tst_lipsync.moc"
