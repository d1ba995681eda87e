#pragma once
// The window suite's fixture, shared by its two files: tst_mainwindow.cpp (the window, the
// preview, the wizard, bids, the host, the layout) and tst_mainwindow_outputs.cpp (going live and
// recording from the window). One window is started for the whole suite; the cases run in order.

#include "AuctionSnapshot.h"
#include "MainWindow.h"
#include "Overlay.h"
#include "StudioController.h"
#include "StudioSettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QPainter>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <cmath>
#include <memory>

using namespace sb::app;
using namespace sb::studio;

namespace windowtest {

inline QString artifactsDir()
{
    const QString dir = qEnvironmentVariableIsSet("SB_ARTIFACTS_DIR")
                            ? qEnvironmentVariable("SB_ARTIFACTS_DIR")
                            : QDir::current().filePath(QStringLiteral("artifacts"));
    QDir().mkpath(dir);
    return dir;
}

// Mean absolute difference of two same-sized images over `rect` (0..255).
inline double difference(const QImage& a, const QImage& b, const QRect& rect)
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
inline QImage withOverlay(const QImage& program, const Overlay& overlay, const AuctionSnapshot& s)
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
inline QImage onScreen(QWidget* widget, QRect rect = {})
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
inline bool hasPrivateKeyring()
{
    return !qEnvironmentVariableIsEmpty("SB_TEST_KEYRING_HOME");
}

inline void printDialog(const QString& title, const QString& text)
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

} // namespace windowtest

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
