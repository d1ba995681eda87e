// What headless broadcasting composes is the window's show: for one engine on a frozen virtual
// clock and the window's own scene collection (with an edit the operator made), the program frame
// headless renders matches the window's pixel for pixel (within rounding), shows the edited
// auction bar, and the host in both has the same mood after the same bids. The frames go to the
// artifacts folder for a person to look at.

#include "AuctionBarOverlay.h"
#include "AuctionStateModel.h"
#include "DemoMarathon.h"
#include "HeadlessBroadcast.h"
#include "HostOverlay.h"
#include "LineDirector.h"
#include "RenderContext.h"
#include "SceneBuilder.h"
#include "SceneCollection.h"
#include "SessionFixture.h"
#include "ShowScene.h"
#include "StudioController.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace sb::app;
using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;

namespace {

QString artifactsDir()
{
    const QString dir = qEnvironmentVariableIsSet("SB_ARTIFACTS_DIR")
                            ? qEnvironmentVariable("SB_ARTIFACTS_DIR")
                            : QDir::current().filePath(QStringLiteral("artifacts"));
    QDir().mkpath(dir);
    return dir;
}

// A frame rendered after everything done so far (two frames later than now).
QImage frameAfterNow(const std::function<sb::render::BroadcastStats()>& stats,
                     const std::function<QImage()>& grab)
{
    const std::int64_t rendered = stats().framesRendered;
    waitUntil([&] { return stats().framesRendered >= rendered + 3; });
    return grab().convertToFormat(QImage::Format_RGB32);
}

struct Difference
{
    double mean = 0; // mean absolute difference per channel (0..255)
    int worst = 0;   // the largest difference of one channel
};

Difference difference(const QImage& a, const QImage& b, const QRect& rect)
{
    Difference d;
    double sum = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            for (const int delta :
                 {qRed(p) - qRed(q), qGreen(p) - qGreen(q), qBlue(p) - qBlue(q)}) {
                sum += std::abs(delta);
                d.worst = std::max(d.worst, std::abs(delta));
            }
        }
    }
    d.mean = sum / (3.0 * rect.width() * rect.height());
    return d;
}

QColor meanColor(const QImage& image, const QRect& rect)
{
    double r = 0, g = 0, b = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            r += qRed(p);
            g += qGreen(p);
            b += qBlue(p);
        }
    }
    const double n = double(rect.width()) * rect.height();
    return QColor(int(r / n), int(g / n), int(b / n));
}

} // namespace

class TestHeadlessShow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headlessComposesTheWindowsProgram();
};

void TestHeadlessShow::initTestCase()
{
    // The window's settings and data stay in the test's folders; never the user's.
    static QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
}

void TestHeadlessShow::headlessComposesTheWindowsProgram()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("studio"));
    // The window's studio, with a real marathon on a clock that moves only when told: every
    // overlay and the host (blinking, breathing, entries sliding in) paint the same instant.
    const std::int64_t start =
        QDateTime(QDate(2026, 3, 1), QTime(11, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    VirtualClock* clock = nullptr;
    StudioController studio(dataDir);
    studio.setMarathonClockFactory([&clock, start] {
        auto made = std::make_unique<VirtualClock>(start);
        clock = made.get();
        return made;
    });
    QString error;
    QVERIFY2(studio.open(&error), qPrintable(error));
    QVERIFY2(studio.createMarathon(DemoMarathon::config(start, 3, 10), &error), qPrintable(error));
    QVERIFY(clock);
    // What the host says depends on when each show started listening (headless joins an auction
    // already open): the lines are tst_hostlines' subject; here both hosts keep quiet, the
    // window's from before the window opens (its line would still be spoken when the frame is
    // grabbed: the caption follows the voice on the audio clock, not the marathon's).
    studio.hostLines().setMuted(true);
    // The first window opens two minutes after the start.
    clock->setNow(start + 3 * 60'000);
    QVERIFY(studio.session().wait([](MarathonSession& s) { return s.engine().tick(); }).ok);
    QVERIFY(waitUntil([&] { return studio.state().snapshot()->isLive(); }));

    // The operator restyles the auction bar in the window; the collection is saved as it would
    // be a moment later.
    SceneCollection& scenes = studio.scenes();
    const int auction = scenes.currentScene();
    const int bar = scenes.current().indexOf(QStringLiteral("bar"));
    QVERIFY(bar >= 0);
    QJsonObject barStyle = scenes.current().sources[bar].settings;
    barStyle.insert(QStringLiteral("background"), QStringLiteral("#ffd0203c"));
    QVERIFY(scenes.setSourceSettings(auction, QStringLiteral("bar"), barStyle));
    QVERIFY2(scenes.flushAutosave(&error), qPrintable(error));
    QVERIFY(QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("scenes/default.json"))));

    sb::render::BroadcastSettings video;
    video.canvas = QSize(1280, 720);
    video.fps = 30;
    QVERIFY2(studio.startPipeline(video, nullptr, &error), qPrintable(error));

    // Headless on the same data folder and the same engine, as `--headless --data-dir` runs it.
    BroadcastOptions options;
    options.dataDir = dataDir;
    HeadlessBroadcast headless(options, &studio.session());
    QVERIFY2(headless.start(&error), qPrintable(error));
    QVERIFY(headless.show());
    headless.show()->lines().setMuted(true);

    // Bids, the way every bid comes in; both hosts hear them at the same virtual instants.
    // The verdict comes back after the events it caused have reached both shows.
    const auto place = [&studio](const QString& who, const QString& amount) {
        return verdictOf([&](QObject* context, auto done) {
            studio.submitManualBid(who, amount, context, done);
        });
    };
    QCOMPARE(place(QStringLiteral("alice"), QStringLiteral("0.05 ETH")).kind,
             BidOutcome::Kind::Accepted);
    clock->advance(1500);
    QCOMPARE(place(QStringLiteral("bob"), QStringLiteral("0.2 ETH")).kind,
             BidOutcome::Kind::Accepted);
    clock->advance(700);

    const HostMood mood = studio.host().mood();
    QCOMPARE(headless.show()->host().mood(), mood);
    QVERIFY2(mood != HostMood::Neutral, "the host reacts to the bids");

    // The bid feed is read after the bid's events arrive (its own round trip to the engine):
    // both shows hold both bids before their frames are compared.
    const auto feedHasBoth = [](AuctionStateModel& state) {
        return state.snapshot()->feed.size() == 2;
    };
    QVERIFY(waitUntil(
        [&] { return feedHasBoth(studio.state()) && feedHasBoth(headless.show()->state()); }));

    const QImage window = frameAfterNow([&] { return studio.stats(); },
                                        [&] { return studio.pipeline()->grabProgram(); });
    const QImage show =
        frameAfterNow([&] { return headless.stats(); }, [&] { return headless.grabProgram(); });
    window.save(QDir(artifactsDir()).filePath(QStringLiteral("headlessshow-window.png")));
    show.save(QDir(artifactsDir()).filePath(QStringLiteral("headlessshow-headless.png")));
    QCOMPARE(show.size(), QSize(1280, 720));
    QCOMPARE(window.size(), show.size());

    // The same picture: text, overlays and host within rounding.
    const Difference whole = difference(window, show, show.rect());
    QVERIFY2(whole.mean < 0.5 && whole.worst <= 16,
             qPrintable(QStringLiteral("mean %1, worst %2").arg(whole.mean).arg(whole.worst)));

    // And the picture is the show: the bar in the operator's colour, the host in its panel.
    const QRect barRect = headless.show()
                              ->builder()
                              .overlay(scenes.current().name, QStringLiteral("bar"))
                              ->style()
                              .geometry;
    const QColor barColor = meanColor(show, barRect.adjusted(8, 12, -8, -8));
    QVERIFY2(barColor.red() > barColor.green() + 60 && barColor.red() > barColor.blue() + 40,
             qPrintable(barColor.name()));
    const QRect hostRect = headless.show()->host().style().geometry;
    const QColor background = meanColor(show, QRect(0, 0, 4, 4));
    const QColor hostColor = meanColor(show, hostRect.adjusted(40, 40, -40, -40));
    QVERIFY2(std::abs(hostColor.lightness() - background.lightness()) > 20,
             qPrintable(hostColor.name() + QLatin1Char(' ') + background.name()));

    headless.stop();
    studio.shutdown();
}

int main(int argc, char* argv[])
{
    // As the app does before it broadcasts.
    sb::render::RenderContext::prepareProcess();
    QGuiApplication app(argc, argv);
    TestHeadlessShow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_headlessshow.moc"
