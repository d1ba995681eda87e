// The VTube Studio bridge against a VTube Studio written here (FakeVtubeStudio) on loopback: the
// plugin token asked once and kept, reused by the next session and replaced once when revoked;
// MouthOpen injected while idle and while speaking, never faster than the cap; hotkeys for mapped
// moods; a VTube Studio that goes away and comes back. Time is the tests' own (ManualTimers): a
// timer runs when a test fires it, and counts are of messages the server received, never of wall
// time. The token never reaches the log.

#include "FakeVtubeStudio.h"
#include "VtsBridge.h"
#include "VtsTestDoubles.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sb::integrations::vtubestudio;
using sb::test::FakeVtubeStudio;
using sb::test::ManualTimers;
using sb::test::MemoryTokenStore;

namespace {

// Every log line of the run, to show that no token is ever among them.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& text)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << text;
    }
    if (type != QtDebugMsg && type != QtInfoMsg && g_previousHandler)
        g_previousHandler(type, context, text);
}

// The bridge's every level is logged here, whatever QT_LOGGING_RULES says, so that all its lines
// are checked.
void enableBridgeLog(QLoggingCategory* category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (QByteArray(category->categoryName()).startsWith("sb.vtubestudio")) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
        category->setEnabled(QtWarningMsg, true);
    }
}

QStringList tokensSent(const QList<QJsonObject>& authentications)
{
    QStringList tokens;
    for (const QJsonObject& message : authentications)
        tokens << message.value(u"data"_s).toObject().value(u"authenticationToken"_s).toString();
    return tokens;
}

} // namespace

class TestVtubeStudio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void approvedTokenRequestAuthenticates();
    void deniedTokenRequestAsksAgainLater();
    void storedTokenIsReusedNextSession();
    void revokedTokenIsReplacedOnce();
    void idleKeepsMouthClosedAtLeastOncePerSecond();
    void speakingFollowsMouthValues();
    void injectionsNeverExceedTheCap();
    void moodsTriggerOnlyMappedHotkeys();
    void vanishedServerIsRetriedWithBackoffAndRejoined();
    void notRunningAtStartRetriesQuietly();
    void stoppedOrDestroyedWhileConnectingIsQuiet();
    void silentPortCountsAsNotRunning();
    void aServerSilentOnSignInIsRetried();
    void aHugeMessageClosesTheConnection();
    void newUrlInSettingsReconnects();
    void qtTimersFireAndRearmFromTheirCallback();

private:
    VtsSettings settings() const;
    std::unique_ptr<VtsBridge> makeBridge();
    // Starts a bridge and waits, on the event loop, until VTube Studio accepted it.
    std::unique_ptr<VtsBridge> connectedBridge();
    int countOf(const QString& messageType) const
    {
        return int(m_server->receivedOfType(messageType).size());
    }

    std::unique_ptr<FakeVtubeStudio> m_server;
    std::unique_ptr<ManualTimers> m_timers;
    std::unique_ptr<MemoryTokenStore> m_tokens;
    QStringList m_otherTokens; // issued by another server than m_server
};

void TestVtubeStudio::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessage);
    g_previousFilter = QLoggingCategory::installFilter(enableBridgeLog);
}

void TestVtubeStudio::init()
{
    m_server = std::make_unique<FakeVtubeStudio>();
    QVERIFY(m_server->listen());
    m_timers = std::make_unique<ManualTimers>();
    m_tokens = std::make_unique<MemoryTokenStore>();
    QMutexLocker lock(&g_logMutex);
    g_log.clear();
}

void TestVtubeStudio::cleanup()
{
    QStringList secrets = m_server->issuedTokens;
    secrets << u"stale-token-from-last-month"_s << m_otherTokens;
    m_otherTokens.clear();
    {
        QMutexLocker lock(&g_logMutex);
        QVERIFY2(!g_log.isEmpty(), "the bridge logged nothing: the capture is not working");
        for (const QString& line : std::as_const(g_log))
            for (const QString& secret : std::as_const(secrets))
                QVERIFY2(!line.contains(secret),
                         qPrintable(u"a token reached the log: "_s +
                                    QString(line).replace(secret, u"<token>"_s)));
    }
    m_server.reset();
    m_tokens.reset();
    m_timers.reset();
}

VtsSettings TestVtubeStudio::settings() const
{
    VtsSettings settings;
    settings.url = m_server->url();
    settings.pluginDeveloper = u"SothebAIs tests"_s;
    settings.moodHotkeys = {{u"excited"_s, u"hk-excited"_s}, {u"triumphant"_s, u"hk-triumph"_s}};
    return settings;
}

std::unique_ptr<VtsBridge> TestVtubeStudio::makeBridge()
{
    auto bridge = std::make_unique<VtsBridge>(*m_tokens, m_timers.get());
    bridge->setSettings(settings());
    return bridge;
}

std::unique_ptr<VtsBridge> TestVtubeStudio::connectedBridge()
{
    auto bridge = makeBridge();
    bridge->start();
    [&] { QTRY_COMPARE(bridge->state(), VtsState::Connected); }();
    return bridge;
}

void TestVtubeStudio::approvedTokenRequestAuthenticates()
{
    auto bridge = makeBridge();
    QSignalSpy states(bridge.get(), &VtsBridge::stateChanged);
    bridge->start();
    QTRY_COMPARE(bridge->state(), VtsState::Connected);
    QCOMPARE(bridge->stateText(), u"Connected as plugin “SothebAIs Studio”"_s);

    const auto tokenRequests = m_server->receivedOfType(u"AuthenticationTokenRequest"_s);
    QCOMPARE(tokenRequests.size(), 1);
    const QJsonObject asked = tokenRequests.first();
    QCOMPARE(asked.value(u"apiName"_s).toString(), u"VTubeStudioPublicAPI"_s);
    QCOMPARE(asked.value(u"apiVersion"_s).toString(), u"1.0"_s);
    QVERIFY(!asked.value(u"requestID"_s).toString().isEmpty());
    QCOMPARE(asked.value(u"data"_s).toObject().value(u"pluginName"_s).toString(),
             u"SothebAIs Studio"_s);
    QCOMPARE(asked.value(u"data"_s).toObject().value(u"pluginDeveloper"_s).toString(),
             u"SothebAIs tests"_s);
    // The dock said what the user had to do while VTube Studio asked them.
    bool toldToApprove = false;
    for (const auto& change : states)
        toldToApprove |= change.at(0).value<VtsState>() == VtsState::WaitingForApproval &&
                         change.at(1).toString().contains(u"approval in VTube Studio"_s);
    QVERIFY(toldToApprove);

    QCOMPARE(m_server->issuedTokens.size(), 1);
    const QString token = m_server->issuedTokens.first();
    QCOMPARE(tokensSent(m_server->receivedOfType(u"AuthenticationRequest"_s)), QStringList{token});
    QTRY_COMPARE(m_tokens->token, std::optional<QString>(token));
    // The model's mouth is closed from the start.
    QTRY_COMPARE(m_server->mouthValues(), QList<double>{0.0});
}

void TestVtubeStudio::deniedTokenRequestAsksAgainLater()
{
    m_server->approveTokens = false;
    auto bridge = makeBridge();
    bridge->start();
    QTRY_COMPARE(bridge->state(), VtsState::Denied);
    QVERIFY2(bridge->stateText().contains(u"denied"_s), qPrintable(bridge->stateText()));
    QCOMPARE(countOf(u"AuthenticationTokenRequest"_s), 1);
    QCOMPARE(m_timers->delayOf(VtsTimer::Retry), settings().deniedRetryMs);
    QVERIFY(!m_tokens->token);
    bridge->setMouthOpen(0.7); // nothing to move yet, and nothing breaks
    bridge->setMood(u"excited"_s);

    // The user changes their mind; the bridge asks again only when the delay has passed.
    m_server->approveTokens = true;
    QVERIFY(m_timers->fire(VtsTimer::Retry));
    QTRY_COMPARE(bridge->state(), VtsState::Connected);
    QCOMPARE(countOf(u"AuthenticationTokenRequest"_s), 2);
    QCOMPARE(countOf(u"HotkeyTriggerRequest"_s), 0);
    QTRY_COMPARE(m_tokens->token, std::optional<QString>(m_server->issuedTokens.first()));
}

void TestVtubeStudio::storedTokenIsReusedNextSession()
{
    connectedBridge().reset(); // the first run: approved once
    QTRY_VERIFY(m_tokens->token.has_value());
    const QString token = *m_tokens->token;

    auto next = connectedBridge(); // the next run, a new bridge on the same keychain
    QCOMPARE(countOf(u"AuthenticationTokenRequest"_s), 1);
    QCOMPARE(tokensSent(m_server->receivedOfType(u"AuthenticationRequest"_s)),
             (QStringList{token, token}));
    QCOMPARE(m_tokens->saves, 1);
}

void TestVtubeStudio::revokedTokenIsReplacedOnce()
{
    m_tokens->token = u"stale-token-from-last-month"_s;
    auto bridge = connectedBridge();
    QCOMPARE(countOf(u"AuthenticationTokenRequest"_s), 1);
    const QString fresh = m_server->issuedTokens.first();
    QCOMPARE(tokensSent(m_server->receivedOfType(u"AuthenticationRequest"_s)),
             (QStringList{u"stale-token-from-last-month"_s, fresh}));
    QTRY_COMPARE(m_tokens->token, std::optional<QString>(fresh));

    // A VTube Studio that accepts nothing: one new token per session, then a quiet retry.
    m_server->rejectEveryToken = true;
    m_server->stopListening();
    QTRY_COMPARE(bridge->state(), VtsState::Retrying);
    QVERIFY(m_server->listen());
    QVERIFY(m_timers->fire(VtsTimer::Retry));
    QTRY_COMPARE(countOf(u"AuthenticationRequest"_s), 4);
    QTRY_COMPARE(bridge->state(), VtsState::Retrying);
    QCOMPARE(countOf(u"AuthenticationTokenRequest"_s), 2);
    QVERIFY2(bridge->stateText().contains(u"did not accept"_s), qPrintable(bridge->stateText()));
}

void TestVtubeStudio::idleKeepsMouthClosedAtLeastOncePerSecond()
{
    auto bridge = connectedBridge();
    QTRY_COMPARE(m_server->mouthValues().size(), 1);
    const qint64 from = m_timers->now;
    constexpr int kTicks = 20;
    for (int i = 0; i < kTicks; ++i) {
        QVERIFY(m_timers->delayOf(VtsTimer::KeepAlive) <= 1000);
        QVERIFY(m_timers->fire(VtsTimer::KeepAlive));
    }
    const qint64 spanMs = m_timers->now - from;
    QTRY_COMPARE(m_server->mouthValues().size(), 1 + kTicks);
    // At least one injection per second of silence, each with the mouth closed.
    QVERIFY(kTicks >= spanMs / 1000);
    for (double value : m_server->mouthValues())
        QCOMPARE(value, 0.0);
}

void TestVtubeStudio::speakingFollowsMouthValues()
{
    auto bridge = connectedBridge();
    // A line at 30 frames a second: each frame's mouth level reaches VTube Studio.
    QList<double> spoken;
    for (int frame = 0; frame < 30; ++frame) {
        m_timers->now += 33;
        const double level = (frame % 7) / 6.0;
        spoken << level;
        bridge->setMouthOpen(level);
    }
    // Out-of-range levels are clamped; a NaN closes the mouth.
    for (double level : {1.5, -0.3, std::numeric_limits<double>::quiet_NaN()}) {
        m_timers->now += 33;
        bridge->setMouthOpen(level);
    }
    spoken << 1.0 << 0.0 << 0.0;
    // The line ends: the keep-alive closes the mouth.
    QVERIFY(m_timers->fire(VtsTimer::KeepAlive));
    QList<double> expected{0.0};
    expected << spoken << 0.0;
    QTRY_COMPARE(m_server->mouthValues(), expected);
}

void TestVtubeStudio::injectionsNeverExceedTheCap()
{
    auto bridge = connectedBridge();
    QTRY_COMPARE(m_server->mouthValues().size(), 1);
    // A voice that reports every millisecond for one second.
    m_timers->now += 1000;
    const qint64 start = m_timers->now;
    double last = 0;
    for (int ms = 0; ms < 1000; ++ms) {
        m_timers->now = start + ms;
        if (m_timers->isArmed(VtsTimer::Flush) &&
            m_timers->deadlineOf(VtsTimer::Flush) <= m_timers->now)
            QVERIFY(m_timers->fire(VtsTimer::Flush));
        last = (ms % 100) / 100.0;
        bridge->setMouthOpen(last);
    }
    // A hotkey after the injections: once it arrived, so had they (one ordered connection).
    bridge->setMood(u"excited"_s);
    QTRY_COMPARE(countOf(u"HotkeyTriggerRequest"_s), 1);
    const qsizetype sent = m_server->mouthValues().size() - 1;
    QVERIFY2(sent <= settings().maxInjectionsPerSecond && sent >= 55,
             qPrintable(QString::number(sent)));
    // The newest level is not lost: it goes out when the gap has passed.
    QVERIFY(m_timers->fire(VtsTimer::Flush));
    QTRY_COMPARE(m_server->mouthValues().last(), last);
}

void TestVtubeStudio::moodsTriggerOnlyMappedHotkeys()
{
    auto bridge = makeBridge();
    bridge->setMood(u"excited"_s); // not connected yet: dropped, not queued
    bridge->start();
    QTRY_COMPARE(bridge->state(), VtsState::Connected);
    for (const char* mood : {"excited", "thoughtful", "excited", "triumphant", "neutral"})
        bridge->setMood(QString::fromLatin1(mood));
    QTRY_COMPARE(countOf(u"HotkeyTriggerRequest"_s), 2);
    QStringList hotkeys;
    for (const QJsonObject& message : m_server->receivedOfType(u"HotkeyTriggerRequest"_s))
        hotkeys << message.value(u"data"_s).toObject().value(u"hotkeyID"_s).toString();
    // "excited" twice in a row is one trigger: VTube Studio's expression hotkeys toggle.
    QCOMPARE(hotkeys, (QStringList{u"hk-excited"_s, u"hk-triumph"_s}));
}

void TestVtubeStudio::vanishedServerIsRetriedWithBackoffAndRejoined()
{
    auto bridge = connectedBridge();
    m_server->stopListening(); // VTube Studio quits
    QTRY_COMPARE(bridge->state(), VtsState::Retrying);
    QCOMPARE(bridge->retryDelayMs(), 1000);
    QVERIFY2(bridge->stateText().contains(u"retrying in 1 s"_s), qPrintable(bridge->stateText()));
    QVERIFY(!m_timers->isArmed(VtsTimer::KeepAlive));
    bridge->setMouthOpen(0.5); // the voice goes on; nothing is sent, nothing breaks

    for (int expected : {2000, 4000, 8000, 16000, 30000, 30000}) {
        QVERIFY(m_timers->fire(VtsTimer::Retry));
        QTRY_COMPARE(bridge->retryDelayMs(), expected);
        QCOMPARE(bridge->state(), VtsState::Retrying);
        QCOMPARE(bridge->stateText(),
                 u"VTube Studio not running; retrying in %1 s"_s.arg(expected / 1000));
    }

    QVERIFY(m_server->listen()); // it comes back on its port
    QVERIFY(m_timers->fire(VtsTimer::Retry));
    QTRY_COMPARE(bridge->state(), VtsState::Connected);
    QCOMPARE(m_server->connectionCount, 2);
    QCOMPARE(countOf(u"AuthenticationTokenRequest"_s), 1);
    const QString token = m_server->issuedTokens.first();
    QCOMPARE(tokensSent(m_server->receivedOfType(u"AuthenticationRequest"_s)),
             (QStringList{token, token}));

    // Back to the first delay after a session that worked.
    m_server->stopListening();
    QTRY_COMPARE(bridge->state(), VtsState::Retrying);
    QCOMPARE(bridge->retryDelayMs(), 1000);
}

void TestVtubeStudio::notRunningAtStartRetriesQuietly()
{
    m_server->stopListening();
    auto bridge = makeBridge();
    bridge->start();
    QTRY_COMPARE(bridge->state(), VtsState::Retrying);
    QCOMPARE(bridge->stateText(), u"VTube Studio not running; retrying in 1 s"_s);
    bridge->setMouthOpen(1.0);
    bridge->setMood(u"excited"_s);
    QVERIFY(m_timers->fire(VtsTimer::Retry));
    QTRY_COMPARE(bridge->retryDelayMs(), 2000);
    bridge->stop();
    QCOMPARE(bridge->state(), VtsState::Off);
    QVERIFY(m_timers->armed.empty());
    qInfo("sb.vtubestudio test: stopped"); // the log capture itself is checked in cleanup()
}

void TestVtubeStudio::stoppedOrDestroyedWhileConnectingIsQuiet()
{
    auto bridge = makeBridge();
    bridge->start();
    bridge->stop();
    bridge->start();
    bridge.reset(); // gone before the keychain or VTube Studio answered
    QTest::qWait(0);
    QCoreApplication::processEvents();
    QCOMPARE(countOf(u"AuthenticationRequest"_s), 0);
    qInfo("sb.vtubestudio test: destroyed");
}

void TestVtubeStudio::silentPortCountsAsNotRunning()
{
    // Something else holds the port: it accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    VtsSettings toSilent = settings();
    toSilent.url = QUrl(u"ws://127.0.0.1:%1"_s.arg(silent.serverPort()));
    VtsBridge bridge(*m_tokens, m_timers.get());
    bridge.setSettings(toSilent);
    bridge.start();
    QTRY_VERIFY(silent.hasPendingConnections());
    QCOMPARE(bridge.state(), VtsState::Connecting);
    QCOMPARE(m_timers->delayOf(VtsTimer::Handshake), toSilent.handshakeTimeoutMs);
    QVERIFY(m_timers->fire(VtsTimer::Handshake));
    QCOMPARE(bridge.state(), VtsState::Retrying);
    QCOMPARE(bridge.stateText(), u"VTube Studio not running; retrying in 1 s"_s);
}

void TestVtubeStudio::aServerSilentOnSignInIsRetried()
{
    // VTube Studio (or something in its place) takes the connection and the sign-in and never
    // answers: the bridge does not stay "Signing in" for ever.
    m_server->silentOnSignIn = true;
    m_tokens->token = u"vts-token-known"_s;
    auto bridge = makeBridge();
    bridge->start();
    QTRY_COMPARE(countOf(u"AuthenticationRequest"_s), 1);
    QCOMPARE(bridge->state(), VtsState::Authenticating);
    QCOMPARE(m_timers->delayOf(VtsTimer::Handshake), bridge->settings().handshakeTimeoutMs);
    QVERIFY(m_timers->fire(VtsTimer::Handshake));
    QCOMPARE(bridge->state(), VtsState::Retrying);
}

void TestVtubeStudio::aHugeMessageClosesTheConnection()
{
    // A 4 MB text message is not taken in whole on the GUI thread: the connection is closed and
    // tried again.
    m_server->floodBytes = 4 << 20;
    auto bridge = makeBridge();
    bridge->start();
    QTRY_COMPARE(bridge->state(), VtsState::Retrying);
    QVERIFY(bridge->stateText().contains(u"retrying"_s));
}

void TestVtubeStudio::newUrlInSettingsReconnects()
{
    auto bridge = connectedBridge();
    // The streamer moves VTube Studio's API to another port (another VTube Studio here, which
    // does not know the token: it is replaced once).
    FakeVtubeStudio other;
    QVERIFY(other.listen());
    VtsSettings moved = bridge->settings();
    moved.url = other.url();
    bridge->setSettings(moved);
    QTRY_COMPARE(bridge->state(), VtsState::Connected);
    QTRY_COMPARE(other.connectionCount, 1);
    QTRY_COMPARE(m_server->openClients(), 0);
    QCOMPARE(other.receivedOfType(u"AuthenticationTokenRequest"_s).size(), 1);
    QTRY_COMPARE(m_tokens->token, std::optional<QString>(other.issuedTokens.first()));
    // A new hotkey map needs no reconnection.
    moved.moodHotkeys = {{u"thoughtful"_s, u"hk-think"_s}};
    bridge->setSettings(moved);
    bridge->setMood(u"thoughtful"_s);
    QTRY_COMPARE(other.receivedOfType(u"HotkeyTriggerRequest"_s).size(), 1);
    QCOMPARE(other.connectionCount, 1);
    m_otherTokens << other.issuedTokens; // for cleanup()'s look at the log
}

void TestVtubeStudio::qtTimersFireAndRearmFromTheirCallback()
{
    // The studio's timers: a callback that re-arms its own timer, and a disarmed one that stays
    // quiet.
    QtTimerSource timers;
    int beats = 0;
    bool flushed = false;
    timers.arm(VtsTimer::Flush, 0, [&] { flushed = true; });
    timers.disarm(VtsTimer::Flush);
    std::function<void()> beat = [&] {
        if (++beats < 3)
            timers.arm(VtsTimer::KeepAlive, 1, beat);
    };
    timers.arm(VtsTimer::KeepAlive, 1, beat);
    QTRY_COMPARE(beats, 3);
    QCoreApplication::processEvents();
    QCOMPARE(beats, 3);
    QVERIFY(!flushed);
    QVERIFY(timers.nowMs() >= 0);
    qInfo("sb.vtubestudio test: timers");
}

QTEST_MAIN(TestVtubeStudio)
#include "tst_vtubestudio.moc"
