#include "MainWindow.h"

#include "AuctionDock.h"
#include "AuctionStateModel.h"
#include "BidsDock.h"
#include "BidsTableModel.h"
#include "CongestionSquares.h"
#include "DeadLetterModel.h"
#include "EventLogDock.h"
#include "EventLogModel.h"
#include "HostDock.h"
#include "MarathonWizard.h"
#include "OperatorKey.h"
#include "PersonaPosts.h"
#include "PlainTextLabels.h"
#include "PreviewWidget.h"
#include "PropertiesDock.h"
#include "SceneCollection.h"
#include "ScenesDock.h"
#include "SettingsDialog.h"
#include "SettlementDock.h"
#include "SettlementRunner.h"
#include "SourcesDock.h"
#include "StatsDock.h"
#include "StudioController.h"
#include "StudioSettings.h"
#include "XConnection.h"
#include "XDock.h"
#include "XSettingsPage.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

namespace sb::app {

using namespace sb::studio;
using namespace sb::render;

namespace {

const QString kOperator =
    QStringLiteral("operator"); // the actor journaled for the window's actions

std::int64_t steadyNowMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed() + 1;
}

QString hms(std::int64_t ms)
{
    const std::int64_t s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

MainWindow::MainWindow(StudioController& studio, StudioSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_studio(studio), m_settings(settings)
{
    setObjectName(QStringLiteral("MainWindow"));
    PlainTextLabels::install();
    setWindowTitle(tr("SothebAIs Studio"));
    setDockNestingEnabled(true);
    m_preview = new PreviewWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    setCentralWidget(m_preview);
    createDocks();
    createMenus();
    createStatusBar();
    bindMarathonModels();
    applyHotkeys();

    m_defaultState = saveState();
    if (!m_settings.windowGeometry().isEmpty())
        restoreGeometry(m_settings.windowGeometry());
    else {
        resize(1600, 960);                   // where no window manager maximizes
        setWindowState(Qt::WindowMaximized); // first start: the whole screen, as OBS opens
    }
    if (!m_settings.windowState().isEmpty())
        restoreState(m_settings.windowState());

    connect(&m_studio, &StudioController::marathonReplaced, this, &MainWindow::bindMarathonModels);
    // X reads into the marathon session: it lets go of the old one before that one stops.
    connect(&m_studio, &StudioController::marathonAboutToBeReplaced, this, [this] {
        m_xDock->setConnection(nullptr, nullptr);
        m_x.reset();
        m_settlementDock->setSession(nullptr);
        m_settlement.reset();
    });
    connect(&m_studio, &StudioController::streamingChanged, this, &MainWindow::updateControls);
    connect(&m_studio, &StudioController::recordingChanged, this, [this] {
        updateControls();
        applyBroadcastSettings(); // settings changed while recording apply once it stops
    });
    connect(&m_studio, &StudioController::problem, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10'000); });
    connect(&m_studio, &StudioController::sceneProblems, this, [this](const QStringList& problems) {
        statusBar()->showMessage(problems.join(QStringLiteral("; ")), 10'000);
    });
    connect(&m_settings, &StudioSettings::changed, this, &MainWindow::applyHotkeys);
    applyHostSettings();
    m_statsTimer.setInterval(1000);
    connect(&m_statsTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_statsTimer.start();
    updateControls();
}

MainWindow::~MainWindow() = default;

void MainWindow::setMessageHook(std::function<bool(const QString&, const QString&)> hook)
{
    m_messageHook = std::move(hook);
    m_auctionDock->setConfirmations(!m_messageHook);
}

bool MainWindow::tell(const QString& title, const QString& text, bool question)
{
    if (m_messageHook)
        return m_messageHook(title, text);
    if (question)
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    QMessageBox::warning(this, title, text);
    return true;
}

bool MainWindow::startProgram(QString* error)
{
    // The pipeline's context must be in the preview's share group.
    QOpenGLContext* share = PreviewWidget::shareContext();
    if (!share) {
        *error = tr("OpenGL contexts cannot be shared, so the preview cannot show the program.");
        return false;
    }
    const BroadcastSettings broadcast = broadcastSettings();
    if (!m_studio.startPipeline(broadcast, share, error))
        return false;
    m_preview->setSource(&m_studio.pipeline()->preview());
    return true;
}

BroadcastSettings MainWindow::broadcastSettings() const
{
    BroadcastSettings broadcast;
    const VideoSettings video = m_settings.video();
    const OutputSettings output = m_settings.output();
    broadcast.canvas = QSize(video.canvasWidth, video.canvasHeight);
    broadcast.fps = video.fps;
    broadcast.videoBitrateKbps = output.bitrateKbps;
    broadcast.keyframeIntervalSeconds = output.keyframeIntervalSeconds;
    broadcast.videoEncoder = output.encoder;
    broadcast.preset = output.preset;
    return broadcast;
}

void MainWindow::applyBroadcastSettings()
{
    const BroadcastSettings wanted = broadcastSettings();
    const BroadcastSettings current = m_studio.broadcastSettings();
    if (wanted.canvas == current.canvas && wanted.fps == current.fps &&
        wanted.videoBitrateKbps == current.videoBitrateKbps &&
        wanted.keyframeIntervalSeconds == current.keyframeIntervalSeconds &&
        wanted.videoEncoder == current.videoEncoder && wanted.preset == current.preset)
        return;
    if (m_studio.isStreaming() || m_studio.isRecording()) {
        statusBar()->showMessage(
            tr("The new video and output settings apply when streaming and recording stop."),
            10'000);
        return;
    }
    m_preview->setSource(nullptr);
    QString error;
    if (!m_studio.applyBroadcastSettings(wanted, &error))
        tell(tr("Settings"), error);
    if (m_studio.pipeline())
        m_preview->setSource(&m_studio.pipeline()->preview());
}

void MainWindow::createDocks()
{
    SceneCollection& scenes = m_studio.scenes();
    m_scenesDock = new ScenesDock(&scenes, this);
    m_sourcesDock = new SourcesDock(&scenes, this);
    m_propertiesDock = new PropertiesDock(&scenes, this);
    m_auctionDock = new AuctionDock(m_studio, this);
    m_bidsDock = new BidsDock(this);
    m_eventLogDock = new EventLogDock(this);
    m_statsDock = new StatsDock(this);
    m_hostDock = new HostDock(m_studio, this);
    m_xDock = new XDock(this);
    m_settlementDock = new SettlementDock(this);

    auto* controls = new QDockWidget(tr("Controls"), this);
    controls->setObjectName(QStringLiteral("ControlsDock"));
    auto* body = new QWidget(controls);
    auto* layout = new QVBoxLayout(body);
    m_streamButton = new QPushButton(tr("Start Streaming"), body);
    m_streamButton->setObjectName(QStringLiteral("streamButton"));
    m_recordButton = new QPushButton(tr("Start Recording"), body);
    m_recordButton->setObjectName(QStringLiteral("recordButton"));
    auto* settingsButton = new QPushButton(tr("Settings"), body);
    auto* exitButton = new QPushButton(tr("Exit"), body);
    for (QPushButton* b : {m_streamButton, m_recordButton, settingsButton, exitButton})
        layout->addWidget(b);
    layout->addStretch(1);
    controls->setWidget(body);
    connect(m_streamButton, &QPushButton::clicked, this, &MainWindow::toggleStreaming);
    connect(m_recordButton, &QPushButton::clicked, this, &MainWindow::toggleRecording);
    connect(settingsButton, &QPushButton::clicked, this, &MainWindow::openSettings);
    connect(exitButton, &QPushButton::clicked, this, &QWidget::close);

    // OBS's shape: the preview in the middle, the editing docks along the bottom; the auction
    // control room on the right, with the bids, the host, the journal and the stats in tabs.
    addDockWidget(Qt::BottomDockWidgetArea, m_scenesDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_sourcesDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_propertiesDock);
    addDockWidget(Qt::BottomDockWidgetArea, controls);
    addDockWidget(Qt::RightDockWidgetArea, m_auctionDock);
    addDockWidget(Qt::RightDockWidgetArea, m_bidsDock);
    tabifyDockWidget(m_bidsDock, m_eventLogDock);
    tabifyDockWidget(m_eventLogDock, m_hostDock);
    tabifyDockWidget(m_hostDock, m_statsDock);
    tabifyDockWidget(m_statsDock, m_xDock);
    tabifyDockWidget(m_xDock, m_settlementDock);
    m_bidsDock->raise();
    connect(m_xDock, &XDock::clientIdChanged, this, [this](const QString& clientId) {
        sb::integrations::x::XSettings x = sb::integrations::x::XSettings::load();
        if (x.clientId == clientId)
            return;
        x.clientId = clientId;
        if (QString error; !x.save({}, &error))
            statusBar()->showMessage(error, 10'000);
        connectX();
    });
    resizeDocks({m_auctionDock}, {480}, Qt::Horizontal);
    resizeDocks({m_scenesDock, m_sourcesDock, m_propertiesDock, controls}, {200, 280, 420, 180},
                Qt::Horizontal);

    connect(m_scenesDock, &ScenesDock::sceneActivated, &m_studio, &StudioController::switchScene);
    connect(m_sourcesDock, &SourcesDock::sourceSelected, this, [this](const QString& id) {
        m_propertiesDock->showSource(m_studio.scenes().currentScene(), id);
    });
    connect(m_auctionDock, &AuctionDock::newMarathonRequested, this,
            &MainWindow::openMarathonWizard);
    connect(m_auctionDock, &AuctionDock::actionFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10'000); });

    connect(m_bidsDock, &BidsDock::invalidateRequested, this,
            [this](qint64 id, const QString& reason) {
                actOnBid(tr("Invalidate"), [id, reason](sb::auction::AuctionEngine& engine) {
                    return engine.invalidateBid(id, reason, kOperator);
                });
            });
    connect(m_bidsDock, &BidsDock::approveRequested, this, [this](qint64 id) {
        actOnBid(tr("Approve"), [id](sb::auction::AuctionEngine& engine) {
            return engine.approveBid(id, kOperator);
        });
    });
    connect(m_bidsDock, &BidsDock::rejectRequested, this, [this](qint64 id, const QString& reason) {
        actOnBid(tr("Reject"), [id, reason](sb::auction::AuctionEngine& engine) {
            return engine.rejectBid(id, reason, kOperator);
        });
    });
    connect(m_bidsDock, &BidsDock::exportRequested, &m_studio, &StudioController::exportCsv);
    connect(&m_studio, &StudioController::exportFinished, this,
            [this](bool ok, const QString& message) {
                if (ok)
                    statusBar()->showMessage(message, 10'000);
                else
                    tell(tr("Export CSV"), message);
            });
}

void MainWindow::actOnBid(
    const QString& title,
    std::function<sb::auction::ActionResult(sb::auction::AuctionEngine&)> action)
{
    m_studio.session().post(
        [action = std::move(action)](sb::auction::MarathonSession& session) {
            return action(session.engine());
        },
        this,
        [this, title](const sb::auction::ActionResult& r) {
            if (!r.ok)
                tell(title, r.error);
        });
}

void MainWindow::bindMarathonModels()
{
    m_bidsDock->setModel(nullptr);
    m_eventLogDock->setEventLogModel(nullptr);
    m_eventLogDock->setDeadLetterModel(nullptr);
    m_bidsModel = std::make_unique<BidsTableModel>(m_studio.session());
    m_eventModel = std::make_unique<EventLogModel>(m_studio.session());
    m_deadLetterModel = std::make_unique<DeadLetterModel>(m_studio.session());
    m_bidsDock->setModel(m_bidsModel.get());
    m_eventLogDock->setEventLogModel(m_eventModel.get());
    m_eventLogDock->setDeadLetterModel(m_deadLetterModel.get());
    connect(&m_studio.session(), &sb::auction::EngineThread::deadLettered, m_eventModel.get(),
            &EventLogModel::appendDeadLetter);
    setWindowTitle(m_studio.isDemo()
                       ? tr("SothebAIs Studio — DEMO marathon")
                       : tr("SothebAIs Studio — %1").arg(m_studio.session().view().config.name));
    m_auctionDock->refresh();
    connectX();
    connectSettlement();
}

void MainWindow::connectSettlement()
{
    m_settlementDock->setSession(nullptr);
    m_settlement.reset();
    const sb::studio::ShapeSettings shape = m_settings.shape();
    m_settlement = std::make_unique<SettlementRunner>(m_studio.session());
    connect(m_settlement.get(), &SettlementRunner::statusChanged, m_settlementDock,
            &SettlementDock::setDriverStatus);
    connect(m_settlement.get(), &SettlementRunner::problem, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10'000); });
    m_settlementDock->setChainId(shape.chainId());
    m_settlementDock->setSession(&m_studio.session());
    if (m_studio.isDemo() && shape.settlementEnabled) {
        // The demo's winners are simulated: nothing of theirs belongs on a chain.
        sb::studio::ShapeSettings off = shape;
        off.settlementEnabled = false;
        m_settlement->apply(off, std::nullopt);
        m_settlementDock->setDriverStatus(tr("The demo marathon is not settled on chain; "
                                             "settlement starts with a real marathon."));
        return;
    }
    if (!shape.isConfigured()) {
        m_settlement->apply(shape, std::nullopt);
        m_settlementDock->setDriverStatus(m_settlement->statusText());
        return;
    }
    // The key comes from the keychain in the background: the window never waits on it.
    m_settlementDock->setDriverStatus(tr("Reading the operator key from the keychain…"));
    SettlementRunner* runner = m_settlement.get();
    sb::integrations::shape::OperatorKey(*m_settings.secretStore())
        .startLoad(runner, [this, runner, shape](auto key) {
            if (m_settlement.get() != runner)
                return;
            if (!key)
                statusBar()->showMessage(key.error(), 10'000);
            runner->apply(shape, key && key->has_value()
                                     ? std::move(*key)
                                     : std::optional<sb::integrations::shape::Secp256k1Key>());
            m_settlementDock->setDriverStatus(runner->statusText());
        });
}

void MainWindow::connectX()
{
    m_xDock->setConnection(nullptr, nullptr);
    m_x.reset();
    QString problem;
    QStringList personaProblems;
    m_x = std::make_unique<sb::integrations::x::XConnection>(
        m_studio.session(),
        sb::app::withPersonaPosts(sb::integrations::x::XSettings::load({}, &problem),
                                  m_settings.host(), &personaProblems),
        m_settings.secretStore());
    if (!personaProblems.isEmpty())
        problem += (problem.isEmpty() ? QString() : QStringLiteral(" ")) +
                   tr("The persona's posts left out: %1").arg(personaProblems.join(u"; "));
    if (!problem.isEmpty())
        statusBar()->showMessage(problem, 10'000);
    connect(m_x.get(), &sb::integrations::x::XConnection::problem, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10'000); });
    // The "How to bid" overlay names the account viewers reply to; kept while the keychain
    // is read again (a new marathon), cleared once signed out. A connection being replaced says
    // it stopped from its destructor: only the current one is heard.
    connect(m_x.get(), &sb::integrations::x::XConnection::stateChanged, this,
            [this, x = m_x.get()] {
                if (m_x.get() != x)
                    return;
                const sb::integrations::x::XAuth& auth = x->auth();
                if (auth.state() != sb::integrations::x::XAuth::State::Unknown)
                    m_studio.state().setXHandle(auth.isSignedIn() ? auth.username() : QString());
            });
    m_xDock->setConnection(m_x.get(), &m_studio.session());
    m_x->start();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New marathon…"), this, &MainWindow::openMarathonWizard);
    file->addSeparator();
    file->addAction(tr("&Import scene collection…"), this, &MainWindow::importCollection);
    file->addAction(tr("&Export scene collection…"), this, &MainWindow::exportCollection);
    file->addSeparator();
    file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    file->addAction(tr("E&xit"), this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_studio.scenes().undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_studio.scenes().undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* safe = view->addAction(tr("&Safe areas"));
    safe->setObjectName(QStringLiteral("safeAreasAction"));
    safe->setCheckable(true);
    connect(safe, &QAction::toggled, m_preview, &PreviewWidget::setSafeAreasVisible);
    QAction* preview = view->addAction(tr("&Preview"));
    preview->setObjectName(QStringLiteral("previewAction"));
    preview->setCheckable(true);
    preview->setChecked(true);
    connect(preview, &QAction::toggled, m_preview, &PreviewWidget::setPreviewEnabled);
    view->addSeparator();
    QMenu* docks = view->addMenu(tr("&Docks"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        docks->addAction(dock->toggleViewAction());
    view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);

    // Hotkey-able actions; their shortcuts come from the settings (applyHotkeys).
    QMenu* auction = menuBar()->addMenu(tr("&Auction"));
    const auto hotkey = [this](QMenu* menu, const QString& id, const QString& text, auto slot) {
        QAction* action = menu->addAction(text);
        action->setObjectName(id + QStringLiteral("Action"));
        connect(action, &QAction::triggered, this, slot);
        m_hotkeyActions.insert(id, action);
        return action;
    };
    hotkey(auction, QStringLiteral("pause_resume"), tr("&Pause / resume"),
           [this] { m_auctionDock->pauseOrResume(); });
    hotkey(auction, QStringLiteral("extend"), tr("&Extend"), [this] { m_auctionDock->extend(); });
    hotkey(auction, QStringLiteral("close_now"), tr("&Close now"),
           [this] { m_auctionDock->closeNow(); });
    QMenu* broadcast = menuBar()->addMenu(tr("&Broadcast"));
    hotkey(broadcast, QStringLiteral("go_live"), tr("Start / stop &streaming"),
           [this] { toggleStreaming(); });
    hotkey(broadcast, QStringLiteral("record"), tr("Start / stop &recording"),
           [this] { toggleRecording(); });
    hotkey(broadcast, QStringLiteral("next_scene"), tr("&Next scene"), [this] { nextScene(1); });
    hotkey(broadcast, QStringLiteral("previous_scene"), tr("&Previous scene"),
           [this] { nextScene(-1); });
}

void MainWindow::applyHotkeys()
{
    for (auto it = m_hotkeyActions.cbegin(); it != m_hotkeyActions.cend(); ++it) {
        it.value()->setShortcut(m_settings.hotkey(it.key()));
        it.value()->setShortcutContext(Qt::ApplicationShortcut);
    }
}

void MainWindow::createStatusBar()
{
    QStatusBar* bar = statusBar();
    m_liveLabel = new QLabel(bar);
    m_liveLabel->setObjectName(QStringLiteral("liveLabel"));
    m_liveLabel->setStyleSheet(QStringLiteral("color: #e74c3c; font-weight: bold;"));
    m_recLabel = new QLabel(bar);
    m_recLabel->setObjectName(QStringLiteral("recLabel"));
    m_recLabel->setStyleSheet(QStringLiteral("color: #e74c3c; font-weight: bold;"));
    m_fpsLabel = new QLabel(bar);
    m_fpsLabel->setObjectName(QStringLiteral("fpsLabel"));
    m_cpuLabel = new QLabel(bar);
    m_cpuLabel->setObjectName(QStringLiteral("cpuLabel"));
    m_bitrateLabel = new QLabel(bar);
    m_bitrateLabel->setObjectName(QStringLiteral("bitrateLabel"));
    m_congestion = new CongestionSquares(bar);
    m_congestion->setObjectName(QStringLiteral("congestion"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_liveLabel, m_recLabel, m_cpuLabel,
                                                      m_fpsLabel, m_bitrateLabel, m_congestion})
        bar->addPermanentWidget(w);
    updateStatus();
}

QString MainWindow::liveIndicatorText() const
{
    return m_liveLabel->text();
}

void MainWindow::updateStatus()
{
    const BroadcastStats s = m_studio.stats();
    // LIVE only while streaming: a grey "LIVE 00:00:00" read as live to a new user.
    const bool live = m_studio.isStreaming();
    m_liveLabel->setText(live ? tr("● LIVE %1").arg(hms(steadyNowMs() - m_studio.liveSinceMs()))
                              : QString());
    m_liveLabel->setVisible(live);
    m_recLabel->setText(m_studio.isRecording() ? tr("● REC") : QString());
    m_recLabel->setVisible(m_studio.isRecording());
    m_fpsLabel->setText(tr("%1 / %2 FPS").arg(s.fps, 0, 'f', 2).arg(m_settings.video().fps));
    m_cpuLabel->setText(tr("CPU: %1 %").arg(s.cpuPercent, 0, 'f', 1));
    double kbps = 0;
    for (const OutputStats& o : s.outputs)
        kbps += o.bitrateKbps;
    m_bitrateLabel->setText(tr("%1 kb/s").arg(kbps, 0, 'f', 0));
    m_congestion->setOutputs(s.outputs);
    m_statsDock->showStats(s);
}

void MainWindow::updateControls()
{
    m_streamButton->setText(m_waitingForKeys         ? tr("Waiting for the keychain…")
                            : m_studio.isStreaming() ? tr("Stop Streaming")
                                                     : tr("Start Streaming"));
    m_streamButton->setEnabled(!m_waitingForKeys);
    m_recordButton->setText(m_studio.isRecording() ? tr("Stop Recording") : tr("Start Recording"));
    updateStatus();
}

void MainWindow::toggleStreaming()
{
    // The button cannot be pressed while the keys are read; the hotkey still can.
    if (m_waitingForKeys)
        return;
    if (m_studio.isStreaming()) {
        if (tell(tr("Stop streaming"), tr("Stop streaming to every destination?"), true))
            m_studio.stopStreaming();
        return;
    }
    // The keys come from the keychain, which may take as long as a user unlocking it: the window
    // goes on, the button says what it waits for, and streaming starts when they are here.
    m_waitingForKeys = true;
    updateControls();
    const int attempt = ++m_goLiveAttempt;
    m_settings.startReadingEnabledKeys(this, [this, attempt](const EnabledKeysResult& keys) {
        if (attempt != m_goLiveAttempt)
            return; // the window closed meanwhile
        m_waitingForKeys = false;
        updateControls();
        if (!keys.ok()) {
            tell(tr("Start streaming"),
                 keys.destinationWithoutKey.isEmpty()
                     ? keys.error
                     : tr("\"%1\" has no stream key: set it in Settings → Stream.")
                           .arg(keys.destinationWithoutKey));
            return;
        }
        QList<StreamDestination> destinations;
        for (const KeyedDestination& d : keys.destinations)
            destinations.append({d.name, d.urlWithKey});
        QString error;
        if (!m_studio.startStreaming(destinations, &error))
            tell(tr("Start streaming"), error);
    });
}

void MainWindow::toggleRecording()
{
    if (m_studio.isRecording()) {
        m_studio.stopRecording();
        statusBar()->showMessage(tr("Recording saved to %1").arg(m_studio.recordingPath()), 10'000);
        return;
    }
    const RecordingSettings recording = m_settings.recording();
    const QString name =
        QStringLiteral("SothebAIs %1.%2")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hh-mm-ss")),
                 recording.format);
    QString error;
    if (!m_studio.startRecording(QDir(recording.folder).filePath(name), &error))
        tell(tr("Start recording"), error);
}

void MainWindow::nextScene(int step)
{
    const int count = m_studio.scenes().sceneCount();
    m_studio.switchScene((m_studio.scenes().currentScene() + step + count) % count);
}

void MainWindow::applyHostSettings()
{
    const QStringList problems =
        m_studio.show().applyHostSettings(m_settings.host(), m_settings.secretStore());
    if (!problems.isEmpty())
        statusBar()->showMessage(problems.join(QStringLiteral("; ")), 10'000);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(&m_settings, this);
    connect(&dialog, &SettingsDialog::applied, this, &MainWindow::applyBroadcastSettings);
    connect(&dialog, &SettingsDialog::applied, this, &MainWindow::applyHostSettings);
    dialog.xPage()->setAccount(m_xDock->accountLabel()->text());
    // X settings that changed take effect at once: the connection starts again with them.
    connect(&dialog, &SettingsDialog::applied, this,
            [this, before = sb::integrations::x::XSettings::load()]() mutable {
                const sb::integrations::x::XSettings now = sb::integrations::x::XSettings::load();
                if (now == before)
                    return;
                before = now;
                connectX();
            });
    // So do Settings → Shape: the driver starts again with them (and the key from the keychain).
    connect(&dialog, &SettingsDialog::applied, this, [this, before = m_settings.shape()]() mutable {
        if (m_settings.shape() == before)
            return;
        before = m_settings.shape();
        connectSettlement();
    });
    connect(&dialog, &SettingsDialog::languageChanged, this, [this](const QString&) {
        tell(tr("Language"), tr("The new language applies the next time the studio starts."));
    });
    dialog.exec();
}

void MainWindow::openMarathonWizard()
{
    if (!m_studio.isDemo()) {
        tell(tr("New marathon"),
             tr("A real marathon is running. It is never replaced from the studio; to start "
                "another, move its data folder away first."));
        return;
    }
    MarathonWizard wizard(m_studio.session().view().config, this);
    if (wizard.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_studio.createMarathon(wizard.config(), &error))
        tell(tr("New marathon"), error);
}

void MainWindow::importCollection()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import scene collection"), {},
                                                      tr("Scene collections (*.json)"));
    QString error;
    if (!path.isEmpty() && !m_studio.scenes().importFrom(path, &error))
        tell(tr("Import scene collection"), error);
}

void MainWindow::exportCollection()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export scene collection"),
                                                      QStringLiteral("scenes.json"),
                                                      tr("Scene collections (*.json)"));
    QString error;
    if (!path.isEmpty() && !m_studio.scenes().exportTo(path, &error))
        tell(tr("Export scene collection"), error);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        dock->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if ((m_studio.isStreaming() || m_studio.isRecording()) &&
        !tell(tr("Exit"), tr("Streaming or recording is on. Stop and exit?"), true)) {
        event->ignore();
        return;
    }
    // Keys that come back after this are dropped: nothing starts streaming on a closed window.
    ++m_goLiveAttempt;
    m_waitingForKeys = false;
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.save();
    m_preview->setSource(nullptr);
    m_studio.shutdown();
    event->accept();
}

} // namespace sb::app
