#pragma once
// The studio window: the live preview in the middle, docks around it (Scenes, Sources,
// Properties, Auction, Bids, Event log, Stats, Host, Controls), Start Streaming and Start
// Recording, and a status bar with the live indicator, FPS, CPU, bitrate and a congestion square
// per destination. It assembles and wires; the work is done by StudioController and the models.

#include "BroadcastPipeline.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QPushButton;

namespace sb::studio {
class BidsTableModel;
class DeadLetterModel;
class EventLogModel;
class StudioController;
class StudioSettings;
} // namespace sb::studio

namespace sb::auction {
class AuctionEngine;
struct ActionResult;
} // namespace sb::auction

namespace sb::integrations::x {
class XConnection;
}

namespace sb::app {

class AuctionDock;
class BidsDock;
class CongestionSquares;
class EventLogDock;
class HostDock;
class SettlementDock;
class SettlementRunner;
class XDock;
class PreviewWidget;
class PropertiesDock;
class ScenesDock;
class SourcesDock;
class StatsDock;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(sb::studio::StudioController& studio, sb::studio::StudioSettings& settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts the program rendering into the preview; false with *error (shown by the caller).
    bool startProgram(QString* error);

    // Message boxes go through this so tests can answer them: (title, text) -> accepted.
    void setMessageHook(std::function<bool(const QString&, const QString&)> hook);

    PreviewWidget* preview() const { return m_preview; }
    AuctionDock* auctionDock() const { return m_auctionDock; }
    BidsDock* bidsDock() const { return m_bidsDock; }
    EventLogDock* eventLogDock() const { return m_eventLogDock; }
    HostDock* hostDock() const { return m_hostDock; }
    XDock* xDock() const { return m_xDock; }
    SettlementDock* settlementDock() const { return m_settlementDock; }
    SettlementRunner* settlement() const { return m_settlement.get(); }
    sb::integrations::x::XConnection* xConnection() const { return m_x.get(); }
    StatsDock* statsDock() const { return m_statsDock; }
    QPushButton* streamButton() const { return m_streamButton; }
    QPushButton* recordButton() const { return m_recordButton; }
    QString liveIndicatorText() const;

public slots:
    void toggleStreaming();
    void toggleRecording();
    void openSettings();
    void openMarathonWizard();
    void importCollection();
    void exportCollection();
    void resetLayout();
    void nextScene(int step = 1);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    sb::render::BroadcastSettings broadcastSettings() const;
    void applyBroadcastSettings();
    // Settings → Host to the running show (persona, voice, lines, LLM, VTube Studio).
    void applyHostSettings();
    void createDocks();
    void createMenus();
    void createStatusBar();
    void bindMarathonModels();
    // X on the current marathon session, with the settings in x.ini (made again when they change).
    void connectX();
    // Settlement on Shape on the current marathon session with Settings → Shape and the operator
    // key from the keychain (made again when they change).
    void connectSettlement();
    void applyHotkeys();
    void updateStatus();
    void updateControls();
    bool tell(const QString& title, const QString& text, bool question = false);
    // Queues an action on a bid to the engine's thread; a refusal is told when it is back.
    void actOnBid(const QString& title,
                  std::function<sb::auction::ActionResult(sb::auction::AuctionEngine&)> action);

    sb::studio::StudioController& m_studio;
    sb::studio::StudioSettings& m_settings;
    std::function<bool(const QString&, const QString&)> m_messageHook;
    PreviewWidget* m_preview = nullptr;
    ScenesDock* m_scenesDock = nullptr;
    SourcesDock* m_sourcesDock = nullptr;
    PropertiesDock* m_propertiesDock = nullptr;
    AuctionDock* m_auctionDock = nullptr;
    BidsDock* m_bidsDock = nullptr;
    EventLogDock* m_eventLogDock = nullptr;
    StatsDock* m_statsDock = nullptr;
    HostDock* m_hostDock = nullptr;
    XDock* m_xDock = nullptr;
    std::unique_ptr<sb::integrations::x::XConnection> m_x; // X for the current marathon
    SettlementDock* m_settlementDock = nullptr;
    std::unique_ptr<SettlementRunner> m_settlement; // the chain driver for the current marathon
    QPushButton* m_streamButton = nullptr;
    QPushButton* m_recordButton = nullptr;
    std::unique_ptr<sb::studio::BidsTableModel> m_bidsModel;
    std::unique_ptr<sb::studio::EventLogModel> m_eventModel;
    std::unique_ptr<sb::studio::DeadLetterModel> m_deadLetterModel;
    QLabel* m_liveLabel = nullptr;
    QLabel* m_recLabel = nullptr;
    QLabel* m_fpsLabel = nullptr;
    QLabel* m_cpuLabel = nullptr;
    QLabel* m_bitrateLabel = nullptr;
    CongestionSquares* m_congestion = nullptr;
    QHash<QString, QAction*> m_hotkeyActions;
    QByteArray m_defaultState;
    QTimer m_statsTimer;
    bool m_waitingForKeys = false; // Go Live pressed, stream keys being read from the keychain
    int m_goLiveAttempt = 0;       // a key read answering for an older attempt is dropped
};

} // namespace sb::app
