// The studio window driven as an operator would, under Xvfb with a real OpenGL context: first start
// is a labelled demo, not LIVE; the preview on screen shows the program, with safe-area guides when
// asked, and draws nothing while switched off or minimized; the wizard turns the demo into a real
// marathon; manual bids land in the Bids table, the bid feed and the rendered program frame;
// invalidating the leader changes the bar; a recording made from the window is a playable file;
// the layout survives a restart. Going live reads the stream keys from the keychain (the private
// Secret Service of tests/studio/keyring-test.sh) without holding the window: while it does not
// answer, the window goes on and Go Live says it is waiting, then tells the timeout and streams
// nothing. Screenshots of the window and of the program go to the artifacts
// folder for a person to look at.

#include "AuctionBarOverlay.h"
#include "AuctionDock.h"
#include "AuctionStateModel.h"
#include "AudioMixer.h"
#include "BidFeedOverlay.h"
#include "BidsDock.h"
#include "BidsTableModel.h"
#include "HostOverlay.h"
#include "HostVoice.h"
#include "LineComposer.h"
#include "LineDirector.h"
#include "LoopProbe.h"
#include "MainWindow.h"
#include "MarathonWizard.h"
#include "NginxRtmp.h"
#include "PlainTextLabels.h"
#include "PreviewWidget.h"
#include "SecretStore.h"
#include "ShowScene.h"
#include "SpeechPlayer.h"
#include "SqlThreadGuard.h"
#include "StudioController.h"
#include "StudioSettings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSurfaceFormat>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>
#include <QWizard>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace sb::app;
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

// Mean absolute difference of two same-sized images over `rect` (0..255).
double difference(const QImage& a, const QImage& b, const QRect& rect)
{
    double sum = 0;
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
                   std::abs(p.blue() - q.blue());
            n += 3;
        }
    }
    return n ? sum / n : 0;
}

// The program frame as a viewer sees it, with the overlay painted over the same frame for a
// given snapshot: the closer the two, the more the frame shows that snapshot.
QImage withOverlay(const QImage& program, const Overlay& overlay, const AuctionSnapshot& s)
{
    const OverlayStyle style = overlay.style();
    QImage layer(style.geometry.size(), QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    {
        QPainter p(&layer);
        p.setRenderHint(QPainter::Antialiasing);
        overlay.paint(p, layer.size(), s);
    }
    QImage out = program.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter p(&out);
    p.drawImage(style.geometry.topLeft(), layer);
    return out;
}

// What the user sees of a widget: the screen under it. The preview is a native OpenGL window,
// which QWidget::grab cannot paint; the X server's screen has it, composed with the widgets.
QImage onScreen(QWidget* widget, QRect rect = {})
{
    if (rect.isNull())
        rect = widget->rect();
    const QPoint origin = widget->mapToGlobal(rect.topLeft());
    return widget->screen()
        ->grabWindow(0, origin.x(), origin.y(), rect.width(), rect.height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

// Set by tests/studio/with-keyring.sh: this run has a private Secret Service, never the user's.
bool hasPrivateKeyring()
{
    return !qEnvironmentVariableIsEmpty("SB_TEST_KEYRING_HOME");
}

void printDialog(const QString& title, const QString& text)
{
    qInfo("dialog: %s: %s", qPrintable(title), qPrintable(text));
}

// What the window tells the user ("title: text") while this lives; then it is only printed again.
class ToldMessages
{
public:
    explicit ToldMessages(MainWindow& window) : m_window(window)
    {
        m_window.setMessageHook([this](const QString& title, const QString& text) {
            printDialog(title, text);
            lines << title + QStringLiteral(": ") + text;
            return true;
        });
    }
    ~ToldMessages()
    {
        m_window.setMessageHook([](const QString& title, const QString& text) {
            printDialog(title, text);
            return true;
        });
    }
    ToldMessages(const ToldMessages&) = delete;
    ToldMessages& operator=(const ToldMessages&) = delete;

    QStringList lines;

private:
    MainWindow& m_window;
};

template <typename Done> bool waitUntil(Done done, int ms = 15'000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStartIsALabelledDemo();
    void thePreviewShowsTheProgram();
    void safeAreaGuidesAppearOnThePreview();
    void thePreviewStopsDrawingWhenNobodyCanSeeIt();
    void wizardTurnsTheDemoIntoARealMarathon();
    void manualBidsReachTheTableTheFeedAndTheProgram();
    void invalidatingTheLeaderChangesTheBar();
    void theHostDockSetsTheMoodAndSaysALine();
    void theHostDockSaysWhatBecameOfTheLlmsLine();
    void theHostDockMutesAndSkips();
    void labelsShowTextAsTyped();
    void goingLiveStreamsToEveryEnabledDestination();
    void goingLiveWhileTheKeychainDoesNotAnswer();
    void recordingFromTheWindowIsPlayable();
    void aRecordingWhereNoFileCanBeMadeIsRefusedAtOnce();
    void layoutSurvivesARestart();
    void theWindowNeverWaitedOnSqlite();
    void cleanupTestCase();

private:
    QImage program();
    // Waits for the pipeline to render `frames` more frames.
    void letFramesPass(int frames);

    QTemporaryDir m_home;
    std::unique_ptr<StudioSettings> m_settings;
    std::unique_ptr<StudioController> m_studio;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Settings and data in the test's own folders; never the user's.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    // The keychain is the private one of keyring-test.sh; without one, none at all (keys stay in
    // this process), so the user's own keyring is never touched.
    if (!hasPrivateKeyring())
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sb-test-bus");
    m_settings = std::make_unique<StudioSettings>(m_home.filePath(QStringLiteral("settings")));
    RecordingSettings recording = m_settings->recording();
    recording.folder = m_home.filePath(QStringLiteral("recordings"));
    QVERIFY(m_settings->setRecording(recording));
    m_studio = std::make_unique<StudioController>(m_home.filePath(QStringLiteral("studio")));
    QString error;
    QVERIFY2(m_studio->open(&error), qPrintable(error));
    m_studio->setSimulatedBidders(false); // the test places every bid itself
    m_window = std::make_unique<MainWindow>(*m_studio, *m_settings);
    m_window->setMessageHook([](const QString& title, const QString& text) {
        printDialog(title, text);
        return true;
    });
    m_window->resize(1600, 960);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY2(m_window->startProgram(&error), qPrintable(error));
    QVERIFY(waitUntil([&] { return m_window->preview()->framesShown() > 0; }));
}

void TestMainWindow::letFramesPass(int frames)
{
    const std::int64_t rendered = m_studio->stats().framesRendered;
    QVERIFY(waitUntil([&] { return m_studio->stats().framesRendered >= rendered + frames; }));
}

QImage TestMainWindow::program()
{
    // Two frames later than now, so edits made so far are on screen.
    const std::int64_t rendered = m_studio->stats().framesRendered;
    waitUntil([&] { return m_studio->stats().framesRendered >= rendered + 3; });
    // The program texture is GL-upright; grabProgram turns it the right way up.
    return m_studio->pipeline()->grabProgram().convertToFormat(QImage::Format_RGB32);
}

void TestMainWindow::firstStartIsALabelledDemo()
{
    QVERIFY(m_studio->isDemo());
    QVERIFY(m_window->windowTitle().contains(QLatin1String("DEMO")));
    auto* badge = m_window->findChild<QLabel*>(QStringLiteral("demoBadge"));
    QVERIFY(badge && badge->isVisible());
    QVERIFY(m_studio->state().snapshot()->demo);
    const auto describe = [this] {
        const auto s = m_studio->state().snapshot();
        return QStringLiteral("auction %1 state %2 start %3 end %4 now %5")
            .arg(s->auctionIndex)
            .arg(int(s->dayState))
            .arg(s->startUtcMs)
            .arg(s->endUtcMs)
            .arg(s->nowUtcMs);
    };
    QTest::qWait(1000);
    QVERIFY2(m_studio->state().snapshot()->isLive(), qPrintable(describe())); // alive at once
    const QImage frame = program();
    QCOMPARE(frame.size(), QSize(1280, 720));
    frame.save(QDir(artifactsDir()).filePath(QStringLiteral("program-demo.png")));
    onScreen(m_window.get()).save(QDir(artifactsDir()).filePath(QStringLiteral("window-demo.png")));
    // Nothing is streaming, so nothing says LIVE.
    QVERIFY2(m_window->liveIndicatorText().isEmpty(), qPrintable(m_window->liveIndicatorText()));
    QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("liveLabel"))->isVisible());
}

void TestMainWindow::thePreviewShowsTheProgram()
{
    PreviewWidget* preview = m_window->preview();
    QVERIFY(preview->isDrawing());
    const QImage frame = program();
    letFramesPass(3); // drawn on screen by now
    const QRect canvas = preview->canvasRect(frame.size()).toAlignedRect().adjusted(2, 2, -2, -2);
    const QImage shown = onScreen(preview, canvas);
    shown.save(QDir(artifactsDir()).filePath(QStringLiteral("preview-on-screen.png")));
    const QImage expected =
        frame.scaled(shown.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    // Upside down is the same picture with the same colours in the wrong places.
    const QImage flipped = expected.mirrored(false, true);
    const double same = difference(shown, expected, shown.rect());
    const double wrong = difference(shown, flipped, shown.rect());
    QVERIFY2(
        same < 12 && same < 0.5 * wrong,
        qPrintable(QStringLiteral("preview vs program: %1, upside down: %2").arg(same).arg(wrong)));
}

void TestMainWindow::safeAreaGuidesAppearOnThePreview()
{
    PreviewWidget* preview = m_window->preview();
    auto* safe = m_window->findChild<QAction*>(QStringLiteral("safeAreasAction"));
    QVERIFY(safe && !safe->isChecked());
    const QRectF canvas = preview->canvasRect(QSize(1280, 720));
    // A strip across the title-safe guide's left edge (10 % in), and one beside it.
    const int guideX = int(canvas.left() + canvas.width() * 0.10);
    const QRect guide(guideX - 2, int(canvas.top() + canvas.height() * 0.3), 5,
                      int(canvas.height() * 0.4));
    const QRect beside = guide.translated(int(canvas.width() * 0.03), 0);
    letFramesPass(3);
    const QImage guideOff = onScreen(preview, guide);
    const QImage besideOff = onScreen(preview, beside);
    safe->trigger();
    QVERIFY(preview->safeAreasVisible());
    letFramesPass(3);
    const QImage guideOn = onScreen(preview, guide);
    const QImage besideOn = onScreen(preview, beside);
    onScreen(m_window.get())
        .save(QDir(artifactsDir()).filePath(QStringLiteral("window-safe-areas.png")));
    const double atGuide = difference(guideOff, guideOn, guideOff.rect());
    const double elsewhere = difference(besideOff, besideOn, besideOff.rect());
    QVERIFY2(atGuide > 8 && atGuide > 4 * elsewhere,
             qPrintable(QStringLiteral("guide strip changed by %1, the strip beside it by %2")
                            .arg(atGuide)
                            .arg(elsewhere)));
    safe->trigger();
    QVERIFY(!preview->safeAreasVisible());
}

void TestMainWindow::thePreviewStopsDrawingWhenNobodyCanSeeIt()
{
    PreviewWidget* preview = m_window->preview();
    const auto drawsWhileFramesPass = [&] {
        QTest::qWait(100); // a redraw asked for before is done
        const std::int64_t shown = preview->framesShown();
        letFramesPass(10);
        QTest::qWait(100);
        return preview->framesShown() > shown;
    };
    QVERIFY(drawsWhileFramesPass());

    // View → Preview off: a line says so, nothing is drawn, the program keeps rendering.
    auto* toggle = m_window->findChild<QAction*>(QStringLiteral("previewAction"));
    QVERIFY(toggle && toggle->isChecked());
    toggle->trigger();
    QVERIFY(!preview->isDrawing());
    QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("previewOffLabel"))->isVisible());
    QVERIFY(!drawsWhileFramesPass());
    toggle->trigger();
    QTRY_VERIFY(preview->isDrawing());
    QVERIFY(drawsWhileFramesPass());

    // Minimized: nothing drawn; restored: drawn again.
    const QSize size = m_window->size();
    m_window->showMinimized();
    QVERIFY(!preview->isDrawing());
    QVERIFY(!drawsWhileFramesPass());
    m_window->showNormal();
    m_window->resize(size);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(preview->isDrawing());
    QVERIFY(drawsWhileFramesPass());
}

void TestMainWindow::wizardTurnsTheDemoIntoARealMarathon()
{
    // A window that is open now, in UTC, so the auction takes bids at once.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTime start = QTime(now.time().hour(), 0).addSecs(-3600);
    const QTime end = QTime(now.time().hour(), 0).addSecs(3 * 3600);
    const QDate firstDay = start > now.time() ? now.date().addDays(-1) : now.date();
    bool filled = false;
    QString problems;
    QTimer::singleShot(200, this, [&] {
        auto* wizard = qobject_cast<MarathonWizard*>(QApplication::activeModalWidget());
        if (!wizard) {
            problems = QStringLiteral("no wizard");
            return;
        }
        // The demo's 30 days and lots stay; the operator names the marathon and sets the window.
        wizard->findChild<QLineEdit*>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("Window test marathon"));
        wizard->findChild<QDateEdit*>(QStringLiteral("firstDayEdit"))->setDate(firstDay);
        auto* zone = wizard->findChild<QComboBox*>(QStringLiteral("timeZoneCombo"));
        zone->setCurrentIndex(zone->findText(QStringLiteral("UTC")));
        wizard->findChild<QTimeEdit*>(QStringLiteral("windowStartEdit"))->setTime(start);
        wizard->findChild<QTimeEdit*>(QStringLiteral("windowEndEdit"))->setTime(end);
        wizard->findChild<QSpinBox*>(QStringLiteral("minAccountAgeSpin"))->setValue(0);
        wizard->findChild<QLineEdit*>(QStringLiteral("hashtagEdit"))->clear();
        while (wizard->nextId() != -1) {
            if (!wizard->button(QWizard::NextButton)->isEnabled()) {
                problems = wizard->pageProblems(wizard->currentId()).join(u' ');
                wizard->reject();
                return;
            }
            wizard->next();
        }
        if (!wizard->button(QWizard::FinishButton)->isEnabled()) {
            problems = wizard->pageProblems(wizard->currentId()).join(u' ');
            wizard->reject();
            return;
        }
        filled = true;
        wizard->accept();
    });
    m_window->openMarathonWizard();
    QVERIFY2(filled, qPrintable(problems));
    QVERIFY(!m_studio->isDemo());
    QCOMPARE(m_studio->session().view().config.name, QStringLiteral("Window test marathon"));
    QVERIFY(QFileInfo::exists(m_home.filePath(QStringLiteral("studio/marathon.db"))));
    QVERIFY(waitUntil([&] { return m_studio->state().snapshot()->isLive(); }));
    QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("demoBadge"))->isVisible());
}

void TestMainWindow::manualBidsReachTheTableTheFeedAndTheProgram()
{
    auto* bidder = m_window->findChild<QLineEdit*>(QStringLiteral("bidderEdit"));
    auto* amount = m_window->findChild<QLineEdit*>(QStringLiteral("amountEdit"));
    auto* submit = m_window->findChild<QPushButton*>(QStringLiteral("submitBidButton"));
    QVERIFY(bidder && amount && submit);
    const auto place = [&](const char* who, const char* eth) {
        bidder->clear();
        amount->clear();
        QTest::keyClicks(bidder, QLatin1String(who));
        QTest::keyClicks(amount, QLatin1String(eth));
        QTest::mouseClick(submit, Qt::LeftButton);
    };
    const QImage beforeBids = program();
    // Each verdict comes back from the engine's thread once the bid is durable.
    place("alice", "0.05");
    QTRY_VERIFY2(m_window->auctionDock()->lastResult().contains(QLatin1String("alice leads")),
                 qPrintable(m_window->auctionDock()->lastResult()));
    place("bob", "0.08");
    QTRY_VERIFY2(m_window->auctionDock()->lastResult().contains(QLatin1String("bob leads")),
                 qPrintable(m_window->auctionDock()->lastResult()));
    place("carol", "0.001");
    QTRY_VERIFY2(m_window->auctionDock()->lastResult().startsWith(QLatin1String("Rejected")),
                 qPrintable(m_window->auctionDock()->lastResult()));

    // The Bids table has all three, with bob's amount.
    QAbstractItemModel* table = m_window->bidsDock()->table()->model();
    QTRY_COMPARE(table->rowCount(), 3);
    QStringList amounts;
    for (int row = 0; row < table->rowCount(); ++row)
        amounts << table->index(row, BidsTableModel::AmountColumn).data().toString();
    QVERIFY2(amounts.contains(QStringLiteral("0.08 ETH")), qPrintable(amounts.join(u',')));

    // The feed and the bar in the rendered program show this state and not another one.
    QTest::qWait(600); // the newest entry has slid in
    auto now = std::make_shared<AuctionSnapshot>(*m_studio->state().snapshot());
    QCOMPARE(now->leaderName, QStringLiteral("bob"));
    QCOMPARE(now->feed.size(), 3);
    const QImage frame = program();
    now->nowUtcMs += 5000; // compare with the settled feed, not a frame of its animation
    frame.save(QDir(artifactsDir()).filePath(QStringLiteral("program-bids.png")));
    onScreen(m_window.get()).save(QDir(artifactsDir()).filePath(QStringLiteral("window-bids.png")));

    BidFeedOverlay feed;
    AuctionSnapshot empty = *now;
    empty.feed.clear();
    const QRect feedRect = feed.style().geometry;
    const double feedShown = difference(frame, withOverlay(frame, feed, *now), feedRect);
    const double feedEmpty = difference(frame, withOverlay(frame, feed, empty), feedRect);
    QVERIFY2(feedShown < 0.5 * feedEmpty,
             qPrintable(QStringLiteral("feed: %1 vs %2").arg(feedShown).arg(feedEmpty)));

    AuctionBarOverlay bar;
    const AuctionBarOverlay::Layout layout = bar.layout(bar.style().geometry.size());
    const QRect amountRect = layout.amount.translated(bar.style().geometry.topLeft());
    AuctionSnapshot other = *now;
    other.currentBid = sb::auction::Gwei::fromGwei(12'340'000'000);
    const double barShown = difference(frame, withOverlay(frame, bar, *now), amountRect);
    const double barOther = difference(frame, withOverlay(frame, bar, other), amountRect);
    QVERIFY2(barShown < 0.5 * barOther,
             qPrintable(QStringLiteral("bar: %1 vs %2").arg(barShown).arg(barOther)));

    // The preview redraws only where the program changed: there it shows the feed as it is now,
    // not as it was before the bids.
    letFramesPass(3);
    PreviewWidget* preview = m_window->preview();
    const QImage shown = onScreen(preview, preview->canvasRect(frame.size()).toAlignedRect());
    shown.save(QDir(artifactsDir()).filePath(QStringLiteral("preview-bids.png")));
    const QRect feedShownRect = QRectF(feedRect.x() * double(shown.width()) / frame.width(),
                                       feedRect.y() * double(shown.height()) / frame.height(),
                                       feedRect.width() * double(shown.width()) / frame.width(),
                                       feedRect.height() * double(shown.height()) / frame.height())
                                    .toAlignedRect()
                                    .adjusted(2, 2, -2, -2);
    const auto scaled = [&](const QImage& image) {
        return image.scaled(shown.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    };
    const double previewNow = difference(shown, scaled(frame), feedShownRect);
    const double previewBefore = difference(shown, scaled(beforeBids), feedShownRect);
    QVERIFY2(previewNow < 0.75 * previewBefore,
             qPrintable(QStringLiteral("preview's feed vs the program now: %1, before the bids: %2")
                            .arg(previewNow)
                            .arg(previewBefore)));
}

void TestMainWindow::invalidatingTheLeaderChangesTheBar()
{
    BidsDock* dock = m_window->bidsDock();
    const std::int64_t bobId =
        m_studio->session().view().leaderBid(m_studio->state().snapshot()->auctionIndex)->id;
    dock->setConfirmations(false);
    dock->setReasonPrompt([](const QString&, const QString&) {
        return std::optional<QString>(QStringLiteral("paid with a stolen card"));
    });
    QVERIFY(dock->selectBid(bobId));
    dock->invalidateAction()->trigger();
    QTRY_COMPARE(m_studio->state().snapshot()->leaderName, QStringLiteral("alice"));
    auto* leader = m_window->findChild<QLabel*>(QStringLiteral("leaderLabel"));
    QTRY_VERIFY2(leader->text().contains(QLatin1String("alice")), qPrintable(leader->text()));

    const auto now = m_studio->state().snapshot();
    const QImage frame = program();
    AuctionBarOverlay bar;
    const QRect amountRect =
        bar.layout(bar.style().geometry.size()).amount.translated(bar.style().geometry.topLeft());
    AuctionSnapshot before = *now;
    before.currentBid = sb::auction::Gwei::fromGwei(80'000'000);
    before.leaderName = QStringLiteral("bob");
    const double shown = difference(frame, withOverlay(frame, bar, *now), amountRect);
    const double stale = difference(frame, withOverlay(frame, bar, before), amountRect);
    QVERIFY2(shown < 0.5 * stale, qPrintable(QStringLiteral("%1 vs %2").arg(shown).arg(stale)));
    frame.save(QDir(artifactsDir()).filePath(QStringLiteral("program-invalidated.png")));
}

void TestMainWindow::theHostDockSetsTheMoodAndSaysALine()
{
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("moodCombo"));
    auto* set = m_window->findChild<QPushButton*>(QStringLiteral("setMoodButton"));
    auto* line = m_window->findChild<QLineEdit*>(QStringLiteral("lineEdit"));
    auto* say = m_window->findChild<QPushButton*>(QStringLiteral("sayButton"));
    auto* mood = m_window->findChild<QLabel*>(QStringLiteral("moodLabel"));
    QVERIFY(combo && set && line && say && mood);
    combo->setCurrentIndex(combo->findData(QStringLiteral("surprised")));
    QTest::mouseClick(set, Qt::LeftButton);
    QCOMPARE(m_studio->host().mood(), HostMood::Surprised);
    QTRY_COMPARE(mood->text(), QStringLiteral("Surprised"));
    QTest::keyClicks(line, QStringLiteral("Going once, going twice!"));
    QTest::mouseClick(say, Qt::LeftButton);
    QVERIFY(m_studio->host().caption().isVisible(m_studio->clock().nowUtcMs()));
    QVERIFY(line->text().isEmpty());
}

void TestMainWindow::theHostDockSaysWhatBecameOfTheLlmsLine()
{
    auto* llm = m_window->findChild<QLabel*>(QStringLiteral("llmLabel"));
    auto* vts = m_window->findChild<QLabel*>(QStringLiteral("vtsLabel"));
    QVERIFY(llm && vts);
    // Neither is in use: the dock says nothing of them.
    QTRY_VERIFY(!llm->isVisible());
    QVERIFY(!vts->isVisible());
    // An LLM nobody answers at: the template line is said at once, and the dock says why.
    sb::integrations::llm::LlmSettings offline;
    offline.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
    offline.model = QStringLiteral("tiny");
    LineComposer& composer = m_studio->show().composer();
    composer.setLlmSettings(offline);
    QSignalSpy said(&composer, &LineComposer::lineReady);
    HostLine line;
    line.text = QStringLiteral("Lot 1 is still open. Any bids?");
    line.createdMs = m_studio->clock().nowUtcMs();
    composer.compose(line);
    QTRY_COMPARE_WITH_TIMEOUT(said.size(), 1, 15'000);
    QCOMPARE(said.first().first().value<HostLine>().text, line.text);
    QTRY_VERIFY(llm->isVisible());
    QVERIFY2(llm->text().startsWith(QStringLiteral("LLM: Template line: offline")),
             qPrintable(llm->text()));
    composer.setLlmSettings({});
    QTRY_VERIFY(!llm->isVisible());
}

// Errors from X, the LLM, VTube Studio or the chain's node and bidders' handles reach the docks'
// labels: one that starts with a tag is shown as typed, never drawn as markup (QLabel's default
// draws text that looks like HTML as rich text). Every label is polished before it is shown.
void TestMainWindow::labelsShowTextAsTyped()
{
    const QList<QLabel*> labels = m_window->findChildren<QLabel*>();
    QVERIFY(labels.size() > 20);
    for (QLabel* label : labels) {
        label->ensurePolished();
        QVERIFY2(label->textFormat() == Qt::PlainText,
                 qPrintable(label->objectName() + QLatin1Char(' ') + label->text()));
    }
    // Tooltips that carry such text (an output's error, an outbox post, a refused line) too.
    const QString hostile = QStringLiteral("<b>sold</b> & <img src=\"x\"> to @a<i>\nb");
    QTextDocument tip;
    tip.setHtml(plainToolTip(hostile));
    QCOMPARE(tip.toPlainText(), hostile);
    QVERIFY(plainToolTip({}).isEmpty());
}

void TestMainWindow::theHostDockMutesAndSkips()
{
    auto* mute = m_window->findChild<QPushButton*>(QStringLiteral("muteButton"));
    auto* skip = m_window->findChild<QPushButton*>(QStringLiteral("skipButton"));
    auto* muted = m_window->findChild<QLabel*>(QStringLiteral("mutedLabel"));
    auto* bidder = m_window->findChild<QLineEdit*>(QStringLiteral("bidderEdit"));
    auto* amount = m_window->findChild<QLineEdit*>(QStringLiteral("amountEdit"));
    auto* submit = m_window->findChild<QPushButton*>(QStringLiteral("submitBidButton"));
    QVERIFY(mute && skip && muted && bidder && amount && submit);
    ShowScene& show = m_studio->show();
    HostVoice& voice = show.voice();
    const auto bid = [&](const char* who, const char* eth) {
        bidder->clear();
        amount->clear();
        QTest::keyClicks(bidder, QLatin1String(who));
        QTest::keyClicks(amount, QLatin1String(eth));
        QTest::mouseClick(submit, Qt::LeftButton);
        const QString leads = QLatin1String(who) + QLatin1String(" leads");
        QTRY_VERIFY2(m_window->auctionDock()->lastResult().contains(leads),
                     qPrintable(m_window->auctionDock()->lastResult()));
    };
    const auto captionShown = [this] {
        return m_studio->host().caption().isVisible(m_studio->clock().nowUtcMs());
    };
    // The host's channel as the program mixer pulls it (nothing else pulls it before Go Live):
    // the loudest sample of the next `ms`.
    const auto mixedPeak = [&](int ms) {
        std::vector<float> samples(std::size_t(48 * ms * 2));
        voice.source()->read(samples.data(), 48 * ms);
        float peak = 0;
        for (float sample : samples)
            peak = std::max(peak, std::abs(sample));
        return peak;
    };
    QVERIFY(!muted->isVisible());
    QSignalSpy said(&show.composer(), &LineComposer::lineReady);
    QSignalSpy voiced(&voice, &HostVoice::queued);

    // Muted: the dock says so, and a new leader is neither captioned nor spoken.
    QTest::mouseClick(mute, Qt::LeftButton);
    QVERIFY(show.isHostMuted());
    QTRY_VERIFY(muted->isVisible());
    QCOMPARE(mute->text(), QStringLiteral("Unmute"));
    QVERIFY(!captionShown());
    bid("dave", "0.1");
    QTest::qWait(5000); // past the gap between lines
    QVERIFY2(said.isEmpty(),
             qPrintable(said.isEmpty() ? QString() : said.first().first().value<HostLine>().text));
    QVERIFY(voiced.isEmpty());
    QVERIFY(!captionShown());
    QCOMPARE(voice.player().queuedLines(), 0);
    QCOMPARE(mixedPeak(200), 0.0f);

    // Unmuted: the next leader is captioned and heard.
    QTest::mouseClick(mute, Qt::LeftButton);
    QVERIFY(!show.isHostMuted());
    QTRY_VERIFY(!muted->isVisible());
    QCOMPARE(mute->text(), QStringLiteral("Mute"));
    bid("erin", "0.12");
    QTRY_COMPARE_WITH_TIMEOUT(said.size(), 1, 15'000);
    QVERIFY(captionShown());
    QTRY_COMPARE_WITH_TIMEOUT(voiced.size(), 1, 15'000);
    QVERIFY2(mixedPeak(300) > 0.01f, "her line is not in the mix");
    QVERIFY(show.lines().pendingKinds().isEmpty()); // nothing comes after it

    // Skip: the caption goes and the host's channel is silent at once.
    QTest::mouseClick(skip, Qt::LeftButton);
    QVERIFY(!captionShown());
    QCOMPARE(voice.player().queuedLines(), 0);
    QCOMPARE(mixedPeak(500), 0.0f);
    QCOMPARE(said.size(), 1);

    // A line waiting for an LLM that does not answer is dropped by Skip, never said.
    QTcpServer stalled; // accepts, never answers
    QVERIFY(stalled.listen(QHostAddress::LocalHost));
    sb::integrations::llm::LlmSettings slow;
    slow.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(stalled.serverPort());
    slow.model = QStringLiteral("tiny");
    slow.firstTokenDeadlineMs = 20'000;
    slow.totalDeadlineMs = 30'000;
    LineComposer& composer = show.composer();
    composer.setLlmSettings(slow);
    const auto restore = qScopeGuard([&] { composer.setLlmSettings({}); });
    bid("frank", "0.15");
    QTRY_COMPARE_WITH_TIMEOUT(composer.waiting(), 1, 15'000);
    QTest::mouseClick(skip, Qt::LeftButton);
    QCOMPARE(composer.waiting(), 0);
    QTest::qWait(500);
    QCOMPARE(said.size(), 1);
    QVERIFY(!captionShown());
    QCOMPARE(mixedPeak(200), 0.0f);
}

void TestMainWindow::goingLiveStreamsToEveryEnabledDestination()
{
    sb::test::NginxRtmp server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString key = QStringLiteral("sk-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString keyed = server.url(key);
    Destination destination;
    destination.name = QStringLiteral("Local nginx");
    destination.url = keyed.left(keyed.lastIndexOf(u'/'));
    const QString id = m_settings->addDestination(destination, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    if (hasPrivateKeyring()) {
        // In the keychain, where the Settings dialog puts it.
        QCOMPARE(m_settings->setStreamKey(id, key, &error), KeyStorage::Keychain);
    } else {
        // No keychain: the user agreed to keep the key for this session, as the dialog asks.
        QVERIFY(!m_settings->setStreamKey(id, key, &error)); // no consent yet: refused
        QVERIFY2(error.contains(QLatin1String("keychain"), Qt::CaseInsensitive), qPrintable(error));
        m_settings->allowSessionOnlyKeys(true);
        QVERIFY2(m_settings->setStreamKey(id, key, &error), qPrintable(error));
    }
    QVERIFY(m_settings->save());

    QTest::mouseClick(m_window->streamButton(), Qt::LeftButton);
    // The keys are read in the background; streaming starts when they are here.
    QTRY_VERIFY(m_studio->isStreaming());
    QCOMPARE(m_window->streamButton()->text(), QStringLiteral("Stop Streaming"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_studio->stats().outputs.isEmpty() &&
                                 m_studio->stats().outputs.first().state ==
                                     sb::render::OutputState::Live,
                             15'000);
    QTRY_VERIFY(m_window->liveIndicatorText().startsWith(QStringLiteral("● LIVE")));
    QCOMPARE(m_studio->stats().outputs.first().name, QStringLiteral("Local nginx"));
    QTest::qWait(3000);
    QTest::mouseClick(m_window->streamButton(), Qt::LeftButton); // the hook confirms
    QVERIFY(!m_studio->isStreaming());
    QVERIFY2(m_window->liveIndicatorText().isEmpty(), qPrintable(m_window->liveIndicatorText()));
    QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("liveLabel"))->isVisible());
    server.stop();
    const auto probe = sb::test::probeFile(server.recordingPath(key));
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    QVERIFY2(probe.videoDurationS > 2.0, qPrintable(QString::number(probe.videoDurationS)));

    // The key is nowhere on disk: not in the settings, the data folder, the scenes or logs.
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key.toUtf8()),
                 qPrintable(QStringLiteral("the stream key is in %1").arg(file.fileName())));
    }
}

// Go Live while the keychain does not answer (its daemon paused with SIGSTOP): the click returns at
// once, the window's event loop goes on (a 10 ms timer keeps ticking in it, never in a loop of the
// keychain's own), the button says it is waiting and cannot be pressed twice; then the timeout is
// told in words and nothing streams.
void TestMainWindow::goingLiveWhileTheKeychainDoesNotAnswer()
{
    if (!hasPrivateKeyring())
        QSKIP("needs the private keyring: run under tests/studio/keyring-test.sh");
#ifdef Q_OS_UNIX
    const auto pid = pid_t(qEnvironmentVariableIntValue("SB_TEST_KEYRING_PID"));
    if (pid <= 0)
        QSKIP("with-keyring.sh did not say which process the keyring is");
    QVERIFY(!m_studio->isStreaming());
    Destination destination;
    destination.name = QStringLiteral("Behind a silent keychain");
    destination.url = QStringLiteral("rtmp://127.0.0.1:9/live");
    QString error;
    const QString id = m_settings->addDestination(destination, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY2(m_settings->setStreamKey(id, QUuid::createUuid().toString(QUuid::Id128), &error),
             qPrintable(error));
    auto removeDestination = qScopeGuard([&] { m_settings->removeDestination(id); });

    ToldMessages messages(*m_window);
    const QStringList& told = messages.lines;
    sb::integrations::SecretStore* secrets = m_settings->secretStore();
    secrets->setTimeoutMs(1500);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid, secrets] {
        ::kill(pid, SIGCONT);
        secrets->setTimeoutMs(sb::integrations::SecretStore::kDefaultTimeoutMs);
    });

    sb::test::LoopProbe probe;
    probe.start();
    QTest::mouseClick(m_window->streamButton(), Qt::LeftButton);
    QCOMPARE(m_window->streamButton()->text(), QStringLiteral("Waiting for the keychain…"));
    QVERIFY(!m_window->streamButton()->isEnabled());
    QVERIFY(told.isEmpty());
    m_window->toggleStreaming(); // the Go Live hotkey while waiting: nothing more starts
    QTRY_VERIFY_WITH_TIMEOUT(m_window->streamButton()->isEnabled(), 10'000);
    probe.stop();
    qInfo("while waiting for the keychain the window's 10 ms timer ticked %d times, longest gap "
          "%lld ms",
          probe.ticks(), probe.longestGapMs());
    QCOMPARE(probe.deepestNesting(), 0);
    QVERIFY(probe.ticks() > 0);
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.at(0).startsWith(
                 QStringLiteral("Start streaming: The keychain did not answer in time (1.5 s).")),
             qPrintable(told.at(0)));
    QVERIFY(!m_studio->isStreaming());
    QCOMPARE(m_window->streamButton()->text(), QStringLiteral("Start Streaming"));
    QVERIFY(m_window->liveIndicatorText().isEmpty());
#else
    QSKIP("pauses the Secret Service daemon with SIGSTOP");
#endif
}

void TestMainWindow::recordingFromTheWindowIsPlayable()
{
    QTest::mouseClick(m_window->recordButton(), Qt::LeftButton);
    QVERIFY(m_studio->isRecording());
    QCOMPARE(m_window->recordButton()->text(), QStringLiteral("Stop Recording"));
    QTest::qWait(3000);
    QTest::mouseClick(m_window->recordButton(), Qt::LeftButton);
    QVERIFY(!m_studio->isRecording());
    // The window answers at once; the file is finalized (and remuxed) on a thread of its own.
    QCOMPARE(m_window->recordButton()->text(), QStringLiteral("Start Recording"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_studio->isFinishingRecording(), 60'000);
    const QString path = m_studio->recordingPath();
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));

    QProcess probe;
    probe.start(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                 QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"),
                 path});
    QVERIFY(probe.waitForFinished(30'000));
    QCOMPARE(probe.exitCode(), 0);
    const QJsonObject info = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
    QStringList codecs;
    for (const QJsonValue& stream : info.value(QStringLiteral("streams")).toArray())
        codecs << stream.toObject().value(QStringLiteral("codec_name")).toString();
    QVERIFY2(codecs.contains(QStringLiteral("h264")) && codecs.contains(QStringLiteral("aac")),
             qPrintable(codecs.join(u',')));
    const double seconds = info.value(QStringLiteral("format"))
                               .toObject()
                               .value(QStringLiteral("duration"))
                               .toString()
                               .toDouble();
    QVERIFY2(seconds > 2.0 && seconds < 6.0, qPrintable(QString::number(seconds)));
}

void TestMainWindow::aRecordingWhereNoFileCanBeMadeIsRefusedAtOnce()
{
    // /proc exists, but no file can be made in it (not even by root): the recording used to
    // start, the button said "Stop Recording", and it failed at the first frame.
    const RecordingSettings before = m_settings->recording();
    RecordingSettings recording = before;
    recording.folder = QStringLiteral("/proc");
    QVERIFY(m_settings->setRecording(recording));
    auto restore = qScopeGuard([&] { m_settings->setRecording(before); });
    ToldMessages messages(*m_window);
    const QStringList& told = messages.lines;

    QTest::mouseClick(m_window->recordButton(), Qt::LeftButton);
    QVERIFY(!m_studio->isRecording());
    QCOMPARE(m_window->recordButton()->text(), QStringLiteral("Start Recording"));
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.at(0).startsWith(QStringLiteral("Start recording: Cannot record to /proc/")),
             qPrintable(told.at(0)));
}

void TestMainWindow::layoutSurvivesARestart()
{
    auto* stats = m_window->findChild<QDockWidget*>(QStringLiteral("StatsDock"));
    QVERIFY(stats);
    QVERIFY(stats->toggleViewAction()->isChecked()); // open (in a tab) until the user closes it
    stats->close();
    m_window->resize(1500, 900);
    const auto bidCount = [this] {
        return m_studio->session().wait(
            [](sb::auction::MarathonSession& s) { return s.store().bidCount().value(); });
    };
    const auto bids = bidCount(); // the Bids tests' and the Host dock test's
    QVERIFY(bids >= 3);
    QVERIFY(m_window->close()); // saves the layout and stops the studio
    m_window.reset();
    m_studio.reset();
    m_settings.reset();

    m_settings = std::make_unique<StudioSettings>(m_home.filePath(QStringLiteral("settings")));
    m_studio = std::make_unique<StudioController>(m_home.filePath(QStringLiteral("studio")));
    QString error;
    QVERIFY2(m_studio->open(&error), qPrintable(error));
    QVERIFY(!m_studio->isDemo()); // the real marathon is back, with its bids
    QCOMPARE(bidCount(), bids);
    m_window = std::make_unique<MainWindow>(*m_studio, *m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->findChild<QDockWidget*>(QStringLiteral("StatsDock"))
                 ->toggleViewAction()
                 ->isChecked());
    QVERIFY(m_window->findChild<QDockWidget*>(QStringLiteral("BidsDock"))->isVisible());
    QVERIFY(m_window->findChild<QDockWidget*>(QStringLiteral("EventLogDock"))
                ->toggleViewAction()
                ->isChecked());
    QCOMPARE(m_window->size(), QSize(1500, 900));
}

void TestMainWindow::theWindowNeverWaitedOnSqlite()
{
    // Every read, bid and action above went to the engine's thread: the window's own thread
    // never called SQLite (debug builds would have stopped at the first call).
    QCOMPARE(sb::auction::SqlThreadGuard::violations(), 0);
}

void TestMainWindow::cleanupTestCase()
{
    if (m_window) {
        m_window->setMessageHook([](const QString&, const QString&) { return true; });
        m_window->close();
    }
    m_window.reset();
    m_studio.reset();
}

int main(int argc, char* argv[])
{
    // As the app does: the preview and the render thread share OpenGL objects.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
