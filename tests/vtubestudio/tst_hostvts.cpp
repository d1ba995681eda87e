// The show's link to VTube Studio (HostVtsLink) against the VTube Studio written here
// (FakeVtubeStudio) on loopback: a change of the host's mood triggers its mapped hotkey once,
// every frame she speaks sends her mouth's openness at the audio clock, the end of a line closes
// the mouth at once and the bridge's keep-alive holds it closed at least once a second, and a
// VTube Studio that comes back gets the current mood again. Time is the tests' (ManualTimers).

#include "FakeVtubeStudio.h"
#include "HostVtsLink.h"
#include "VtsBridge.h"
#include "VtsTestDoubles.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sb::integrations::vtubestudio;
using sb::integrations::tts::MouthShape;
using sb::integrations::tts::SpeechPlayer;
using sb::studio::HostMood;
using sb::studio::HostVtsLink;
using sb::test::FakeVtubeStudio;
using sb::test::ManualTimers;
using sb::test::MemoryTokenStore;

namespace {

SpeechPlayer::Position speaking(MouthShape mouth, int lineMs)
{
    SpeechPlayer::Position position;
    position.lineId = 7;
    position.lineMs = lineMs;
    position.mouth = mouth;
    return position;
}

} // namespace

class TestHostVts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeVtubeStudio> m_server;
    std::unique_ptr<ManualTimers> m_timers;
    std::unique_ptr<MemoryTokenStore> m_tokens;
    std::unique_ptr<VtsBridge> m_bridge;
    std::unique_ptr<HostVtsLink> m_link;

    QStringList hotkeys() const
    {
        QStringList ids;
        for (const QJsonObject& message : m_server->receivedOfType(u"HotkeyTriggerRequest"_s))
            ids << message.value(u"data"_s).toObject().value(u"hotkeyID"_s).toString();
        return ids;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeVtubeStudio>();
        QVERIFY(m_server->listen());
        m_timers = std::make_unique<ManualTimers>();
        m_tokens = std::make_unique<MemoryTokenStore>();
        m_bridge = std::make_unique<VtsBridge>(*m_tokens, m_timers.get());
        VtsSettings settings;
        settings.url = m_server->url();
        settings.moodHotkeys = {{u"excited"_s, u"hk-excited"_s},
                                {u"triumphant"_s, u"hk-triumph"_s},
                                {u"neutral"_s, u"hk-neutral"_s}};
        m_bridge->setSettings(settings);
        m_link = std::make_unique<HostVtsLink>(*m_bridge);
        m_bridge->start();
        QTRY_COMPARE(m_bridge->state(), VtsState::Connected);
        QTRY_COMPARE(m_server->mouthValues().size(), 1); // closed from the start
    }

    void cleanup()
    {
        m_link.reset();
        m_bridge.reset();
        m_tokens.reset();
        m_timers.reset();
        m_server.reset();
    }

    void moodChangesTriggerTheirHotkeys()
    {
        const SpeechPlayer::Position silent;
        // Frames pass: the first one sends the mood she has, later ones only changes.
        for (HostMood mood : {HostMood::Neutral, HostMood::Neutral, HostMood::Excited,
                              HostMood::Excited, HostMood::Thoughtful, HostMood::Triumphant}) {
            m_timers->now += 33;
            m_link->update(mood, silent);
        }
        QTRY_COMPARE(hotkeys().size(), 3);
        QCOMPARE(hotkeys(), (QStringList{u"hk-neutral"_s, u"hk-excited"_s, u"hk-triumph"_s}));
    }

    void speakingSendsTheMouthEveryFrame()
    {
        // A line at 30 frames a second: each frame's mouth shape reaches VTube Studio.
        const QList<MouthShape> shapes{MouthShape::Closed, MouthShape::Open,
                                       MouthShape::Wide,   MouthShape::Rounded,
                                       MouthShape::FV,     MouthShape::SlightlyOpen};
        QList<double> expected{0.0};
        for (int frame = 0; frame < 30; ++frame) {
            m_timers->now += 33;
            const MouthShape shape = shapes.at(frame % shapes.size());
            m_link->update(HostMood::Neutral, speaking(shape, frame * 33));
            expected << HostVtsLink::openness(shape);
        }
        // The line ends: the mouth closes on the next frame, not a keep-alive later.
        m_timers->now += 33;
        m_link->update(HostMood::Neutral, SpeechPlayer::Position{});
        expected << 0.0;
        QTRY_COMPARE(m_server->mouthValues(), expected);
        QCOMPARE(HostVtsLink::openness(MouthShape::Wide), 1.0);
        QCOMPARE(HostVtsLink::openness(MouthShape::Rest), 0.0);

        // Silence: the bridge's keep-alive holds the mouth closed at least once a second.
        const qint64 from = m_timers->now;
        for (int i = 0; i < 6; ++i) {
            m_link->update(HostMood::Neutral, SpeechPlayer::Position{});
            QVERIFY(m_timers->delayOf(VtsTimer::KeepAlive) <= 1000);
            QVERIFY(m_timers->fire(VtsTimer::KeepAlive));
        }
        QTRY_COMPARE(m_server->mouthValues().size(), expected.size() + 6);
        QVERIFY(6 >= (m_timers->now - from) / 1000);
        QCOMPARE(m_server->mouthValues().last(), 0.0);
    }

    void reconnectionSendsTheMoodAgain()
    {
        m_link->update(HostMood::Excited, SpeechPlayer::Position{});
        QTRY_COMPARE(hotkeys(), QStringList{u"hk-excited"_s});
        m_server->stopListening(); // VTube Studio quits
        QTRY_COMPARE(m_bridge->state(), VtsState::Retrying);
        m_link->update(HostMood::Triumphant, SpeechPlayer::Position{}); // said to nobody
        QVERIFY(m_server->listen());                                    // and comes back
        QVERIFY(m_timers->fire(VtsTimer::Retry));
        QTRY_COMPARE(m_bridge->state(), VtsState::Connected);
        m_link->update(HostMood::Triumphant, SpeechPlayer::Position{});
        QTRY_COMPARE(hotkeys(), (QStringList{u"hk-excited"_s, u"hk-triumph"_s}));
    }
};

QTEST_GUILESS_MAIN(TestHostVts)
#include "tst_hostvts.moc"
