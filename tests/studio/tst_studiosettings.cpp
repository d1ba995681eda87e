// Studio settings in studio.ini: the defaults, values in the file that cannot be used falling
// back to them, refusals in sentences a user can read, hotkeys, and the URL a destination's key
// makes. The stream keys themselves and the keychain are tst_settings'.

#include "SecretStore.h"
#include "StudioSettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sb::studio;
using sb::integrations::SecretStore;
using namespace Qt::StringLiterals;

namespace {

// The tests' entries are filed under their own service name, never the studio's.
const QString kTestService = u"SothebAIs Studio tests"_s;

Destination makeDestination(const QString& name, const QString& url)
{
    Destination destination;
    destination.name = name;
    destination.url = url;
    return destination;
}

} // namespace

class TestStudioSettings : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void defaults();
    void invalidValuesInTheFileFallBackToDefaults();
    void validationErrorsAreReadable_data();
    void validationErrorsAreReadable();
    void hotkeys();
    void streamUrlWithKey_data();
    void streamUrlWithKey();
    void onlyItsOwnerCanReadTheFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStudioSettings::defaults()
{
    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    QVERIFY(settings.loadProblems().isEmpty());
    QCOMPARE(settings.video().canvasWidth, 1280);
    QCOMPARE(settings.video().canvasHeight, 720);
    QCOMPARE(settings.video().fps, 30);
    QCOMPARE(settings.output().encoder, u"auto"_s);
    QCOMPARE(settings.output().bitrateKbps, 2500);
    QCOMPARE(settings.output().keyframeIntervalSeconds, 2);
    QCOMPARE(settings.output().preset, u"veryfast"_s);
    QCOMPARE(settings.recording().format, u"mkv"_s);
    QVERIFY(QDir::isAbsolutePath(settings.recording().folder));
    QVERIFY(settings.destinations().isEmpty());
    QCOMPARE(settings.language(), QString());
    QVERIFY(!settings.firstStartDone());
    QCOMPARE(settings.hotkey(u"go_live"_s), QKeySequence(u"Ctrl+Shift+L"_s));
    QCOMPARE(settings.hotkey(u"record"_s), QKeySequence(u"Ctrl+Shift+R"_s));
    QCOMPARE(settings.hotkey(u"next_scene"_s), QKeySequence(u"Ctrl+Tab"_s));
    for (const QString& action : StudioSettings::hotkeyActions())
        QVERIFY2(!settings.hotkey(action).isEmpty(), qPrintable(action));
    QVERIFY(settings.hotkeys().contains(u"pause_resume"_s));
    QVERIFY(settings.hotkeys().contains(u"extend"_s));
    QVERIFY(settings.hotkeys().contains(u"close_now"_s));
}

void TestStudioSettings::invalidValuesInTheFileFallBackToDefaults()
{
    QFile ini(QDir(m_dir->path()).filePath(u"studio.ini"_s));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[video]\ncanvas_width=1920\ncanvas_height=1080\nfps=30\n"
              "[output]\nbitrate_kbps=10\n"
              "[studio]\nlanguage=klingon\n");
    ini.close();

    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    QCOMPARE(settings.video(), (VideoSettings{1920, 1080, 30}));
    QCOMPARE(settings.output(), OutputSettings());
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.loadProblems().size(), 2);
    QVERIFY2(settings.loadProblems().join(u'\n').contains(u"bitrate"_s),
             qPrintable(settings.loadProblems().join(u'\n')));
}

void TestStudioSettings::validationErrorsAreReadable_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QStringList>("mustSay");

    QTest::newRow("bitrate too low") << u"bitrate"_s << QVariant(100)
                                     << QStringList{u"bitrate"_s, u"500"_s, u"50000"_s, u"100"_s};
    QTest::newRow("bitrate too high")
        << u"bitrate"_s << QVariant(60000) << QStringList{u"bitrate"_s, u"60000"_s};
    QTest::newRow("fps zero") << u"fps"_s << QVariant(0)
                              << QStringList{u"frame rate"_s, u"1 and 60"_s};
    QTest::newRow("fps 120") << u"fps"_s << QVariant(120) << QStringList{u"120"_s};
    QTest::newRow("odd width") << u"width"_s << QVariant(1279) << QStringList{u"even"_s};
    QTest::newRow("4k") << u"width"_s << QVariant(3840) << QStringList{u"width"_s, u"1920"_s};
    QTest::newRow("keyframe 0") << u"keyframe"_s << QVariant(0)
                                << QStringList{u"keyframe interval"_s, u"seconds"_s};
    QTest::newRow("encoder") << u"encoder"_s << QVariant(u"x265"_s)
                             << QStringList{u"x265"_s, u"libx264"_s};
    QTest::newRow("http url") << u"url"_s << QVariant(u"http://live.example.net/app"_s)
                              << QStringList{u"rtmp://"_s, u"rtmps://"_s};
    QTest::newRow("empty url") << u"url"_s << QVariant(QString()) << QStringList{u"URL"_s};
    QTest::newRow("no host") << u"url"_s << QVariant(u"rtmp:///app"_s)
                             << QStringList{u"server name"_s};
    QTest::newRow("no name") << u"name"_s << QVariant(u"  "_s) << QStringList{u"name"_s};
    QTest::newRow("avi") << u"format"_s << QVariant(u"avi"_s)
                         << QStringList{u"mkv or mp4"_s, u"avi"_s};
    QTest::newRow("relative folder")
        << u"folder"_s << QVariant(u"videos"_s) << QStringList{u"full path"_s};
    QTest::newRow("language") << u"language"_s << QVariant(u"fr"_s)
                              << QStringList{u"fr"_s, u"Spanish"_s};
}

void TestStudioSettings::validationErrorsAreReadable()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QStringList, mustSay);

    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    const auto before = std::make_tuple(settings.video(), settings.output(), settings.recording(),
                                        settings.destinations(), settings.language());
    QSignalSpy changed(&settings, &StudioSettings::changed);
    QString error;
    bool accepted = true;
    VideoSettings video = settings.video();
    OutputSettings output = settings.output();
    RecordingSettings recording = settings.recording();
    Destination destination = makeDestination(u"X"_s, u"rtmps://va.pscp.tv:443/x"_s);
    if (field == u"bitrate"_s) {
        output.bitrateKbps = value.toInt();
        accepted = settings.setOutput(output, &error);
    } else if (field == u"keyframe"_s) {
        output.keyframeIntervalSeconds = value.toInt();
        accepted = settings.setOutput(output, &error);
    } else if (field == u"encoder"_s) {
        output.encoder = value.toString();
        accepted = settings.setOutput(output, &error);
    } else if (field == u"fps"_s) {
        video.fps = value.toInt();
        accepted = settings.setVideo(video, &error);
    } else if (field == u"width"_s) {
        video.canvasWidth = value.toInt();
        accepted = settings.setVideo(video, &error);
    } else if (field == u"url"_s || field == u"name"_s) {
        (field == u"url"_s ? destination.url : destination.name) = value.toString();
        accepted = !settings.addDestination(destination, &error).isEmpty();
    } else if (field == u"format"_s) {
        recording.format = value.toString();
        accepted = settings.setRecording(recording, &error);
    } else if (field == u"folder"_s) {
        recording.folder = value.toString();
        accepted = settings.setRecording(recording, &error);
    } else if (field == u"language"_s) {
        accepted = settings.setLanguage(value.toString(), &error);
    }
    QVERIFY(!accepted);
    for (const QString& words : mustSay)
        QVERIFY2(error.contains(words, Qt::CaseInsensitive),
                 qPrintable(u"“%1” does not say “%2”"_s.arg(error, words)));
    // A sentence, not an identifier: starts with a capital or a quote, ends with a full stop.
    QVERIFY2(error.front().isUpper() || error.front() == u'“', qPrintable(error));
    QVERIFY2(error.endsWith(u'.'), qPrintable(error));
    // No code names of fields (bitrateKbps, canvasWidth).
    QVERIFY2(!error.contains(QRegularExpression(u"\\b[a-z]+[A-Z]\\w*"_s)), qPrintable(error));
    // Nothing changed.
    QCOMPARE(changed.count(), 0);
    QVERIFY(before == std::make_tuple(settings.video(), settings.output(), settings.recording(),
                                      settings.destinations(), settings.language()));
}

void TestStudioSettings::hotkeys()
{
    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    QString error;
    QVERIFY(!settings.setHotkey(u"record"_s, QKeySequence(u"Ctrl+Shift+L"_s), &error));
    QVERIFY2(error.contains(u"Start or stop streaming"_s), qPrintable(error));
    QCOMPARE(settings.hotkey(u"record"_s), QKeySequence(u"Ctrl+Shift+R"_s));
    QVERIFY(!settings.setHotkey(u"self_destruct"_s, QKeySequence(u"F1"_s), &error));
    QVERIFY2(error.contains(u"self_destruct"_s), qPrintable(error));

    // Freeing a sequence lets another action take it.
    QVERIFY(settings.setHotkey(u"go_live"_s, QKeySequence(), &error));
    QVERIFY2(settings.setHotkey(u"record"_s, QKeySequence(u"Ctrl+Shift+L"_s), &error),
             qPrintable(error));
    settings.resetHotkeys();
    QCOMPARE(settings.hotkeys(), StudioSettings::defaultHotkeys());
    for (const QString& action : StudioSettings::hotkeyActions())
        QVERIFY(StudioSettings::hotkeyActionName(action) != action);
}

void TestStudioSettings::streamUrlWithKey_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("x") << u"rtmps://va.pscp.tv:443/x"_s << u"abc123"_s
                       << u"rtmps://va.pscp.tv:443/x/abc123"_s;
    QTest::newRow("trailing slash") << u"rtmp://live.twitch.tv/app/"_s << u"live_1_a"_s
                                    << u"rtmp://live.twitch.tv/app/live_1_a"_s;
    QTest::newRow("pasted with spaces")
        << u" rtmp://h/app "_s << u" k?x=1 \n"_s << u"rtmp://h/app/k?x=1"_s;
    QTest::newRow("no key") << u"rtmp://h/app"_s << QString() << u"rtmp://h/app"_s;
}

void TestStudioSettings::streamUrlWithKey()
{
    QFETCH(QString, url);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QCOMPARE(StudioSettings::streamUrlWithKey(makeDestination(u"d"_s, url), key), expected);
}

QTEST_GUILESS_MAIN(TestStudioSettings)
#include "tst_studiosettings.moc"

// [shape]'s RPC URL can hold a hosted provider's key: the file is its owner's alone, from the
// first save, and one an older version left readable by others is narrowed at the next.
void TestStudioSettings::onlyItsOwnerCanReadTheFile()
{
    constexpr QFileDevice::Permissions kOwnerOnly =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    const auto ownerGroupOther = [&] {
        // permissions() adds the User bits (this process's), which are the owner's here.
        return QFile::permissions(settings.filePath()) & QFileDevice::Permissions(0x7077);
    };
    ShapeSettings shape = settings.shape();
    shape.rpcUrl = u"https://shape-mainnet.example/v2/PROVIDERKEY"_s;
    QVERIFY(settings.setShape(shape));
    QVERIFY(settings.save());
    QCOMPARE(ownerGroupOther(), kOwnerOnly);

    QVERIFY(QFile::setPermissions(settings.filePath(),
                                  kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(settings.save());
    QCOMPARE(ownerGroupOther(), kOwnerOnly);
    StudioSettings again(m_dir->path(), &secrets);
    QCOMPARE(again.shape().rpcUrl, shape.rpcUrl);
}
