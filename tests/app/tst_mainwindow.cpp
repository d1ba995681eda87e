// The studio window driven as an operator would, under Xvfb with a real OpenGL context: first start
// is a labelled demo, not LIVE; the preview on screen shows the program, with safe-area guides when
// asked, and draws nothing while switched off or minimized; the wizard turns the demo into a real
// marathon; manual bids land in the Bids table, the bid feed and the rendered program frame;
// invalidating the leader changes the bar; the Host dock; labels show outside text as typed; the
// layout survives a restart. Going live and recording from the window are in
// tst_mainwindow_outputs.cpp (the same suite and window). Screenshots of the window and of the
// program go to the artifacts folder for a person to look at.

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
#include "MainWindow.h"
#include "MainWindowSuite.h"
#include "MarathonWizard.h"
#include "PlainTextLabels.h"
#include "PreviewWidget.h"
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
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
#include <QWizard>

using namespace sb::app;
using namespace sb::studio;

using namespace windowtest;

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
