// The Host page of the Settings dialog, driven by objectName as a user would: it shows studio.ini's
// [host] section; a persona typed with a bad key names that key and keeps OK disabled, "Reset"
// brings back the shipped persona, an edited persona is written beside studio.ini and used from
// then on; voice, gap, blocked words, LLM and VTube Studio settings reach the file; the LLM's API
// key goes to the keychain (a real Secret Service, as every keychain suite) and never to a file;
// the Test button asks an OpenAI-compatible server written here and says what it answered;
// "Forget API key" and "Forget token" remove the LLM's key and VTube Studio's plugin token from the
// keychain and say so.

#include "FakeLlmServer.h"
#include "HostSettingsPage.h"
#include "Persona.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "StudioSettings.h"
#include "VtsTokenStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <cmath>
#include <memory>

using namespace sb::app;
using namespace sb::studio;
using sb::integrations::SecretStore;
using namespace Qt::StringLiterals;

namespace {

const QString kTestService = u"SothebAIs Studio tests"_s;
const QString kApiKey = u"sk-host-test-7e1f-never-in-a-file"_s;
constexpr auto kVtsTokenKey = sb::integrations::vtubestudio::KeychainTokenStore::kKey;

template <typename T> T* child(QWidget& parent, const QString& name)
{
    T* widget = parent.findChild<T*>(name);
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return widget;
}

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typeInto(QSpinBox* spin, int value)
{
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

void click(QWidget& parent, const QString& buttonName)
{
    QTest::mouseClick(child<QAbstractButton>(parent, buttonName), Qt::LeftButton);
}

QPushButton* okButton(QWidget& dialog)
{
    return child<QDialogButtonBox>(dialog, u"buttonBox"_s)->button(QDialogButtonBox::Ok);
}

QString errorText(QWidget& dialog)
{
    auto* label = child<QLabel>(dialog, u"errorLabel"_s);
    return label->isHidden() ? QString() : label->text();
}

// Clicks the Host page in the list on the left, then its tab named `tab`.
void openHostTab(SettingsDialog& dialog, const QString& tab)
{
    auto* list = child<QListWidget>(dialog, u"pageList"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(SettingsDialog::HostPage)).center());
    QCOMPARE(dialog.currentPage(), SettingsDialog::HostPage);
    auto* tabs = child<QTabWidget>(dialog, u"hostTabs"_s);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName() == tab)
            tabs->setCurrentIndex(i);
    }
    QCOMPARE(tabs->currentWidget()->objectName(), tab);
}

} // namespace

class TestHostSettingsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_secrets = std::make_unique<SecretStore>(kTestService);
        m_settings = std::make_unique<StudioSettings>(m_dir->path(), m_secrets.get());
    }

    void cleanup()
    {
        if (m_secrets) {
            m_secrets->remove(QString::fromLatin1(HostSettings::kLlmApiKeyName));
            m_secrets->remove(QString::fromLatin1(kVtsTokenKey));
        }
        m_settings.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void showsWhatStudioIniHolds()
    {
        HostSettings saved;
        saved.rateWpm = 190;
        saved.lineGapSeconds = 7;
        saved.blockedWords = {u"grotesque"_s, u"rugpull"_s};
        saved.llmBaseUrl = u"http://127.0.0.1:11434/v1"_s;
        saved.llmModel = u"llama3.2:3b"_s;
        saved.vtsEnabled = true;
        saved.vtsMoodHotkeys = {{u"excited"_s, u"hk-1"_s}};
        QVERIFY(m_settings->setHost(saved));
        QVERIFY(m_settings->save());
        StudioSettings reread(m_dir->path(), m_secrets.get());
        QCOMPARE(reread.host(), saved);

        SettingsDialog dialog(&reread);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"voiceTab"_s);
        QCOMPARE(child<QSpinBox>(dialog, u"rateSpin"_s)->value(), 190);
        QCOMPARE(child<QSpinBox>(dialog, u"lineGapSpin"_s)->value(), 7);
        QCOMPARE(child<QComboBox>(dialog, u"voiceCombo"_s)->currentText(), u"en-us"_s);
        QCOMPARE(child<QPlainTextEdit>(dialog, u"blocklistEdit"_s)->toPlainText(),
                 u"grotesque\nrugpull"_s);
        openHostTab(dialog, u"llmTab"_s);
        QCOMPARE(child<QLineEdit>(dialog, u"llmModelEdit"_s)->text(), u"llama3.2:3b"_s);
        QCOMPARE(child<QSpinBox>(dialog, u"llmFirstTokenSpin"_s)->value(), 1500);
        openHostTab(dialog, u"vtsTab"_s);
        QVERIFY(child<QCheckBox>(dialog, u"vtsEnableCheck"_s)->isChecked());
        auto* table = child<QTableWidget>(dialog, u"vtsHotkeyTable"_s);
        QCOMPARE(table->rowCount(), 7);
        QCOMPARE(table->item(1, 1)->text(), u"hk-1"_s); // excited
        openHostTab(dialog, u"personaTab"_s);
        QCOMPARE(child<QPlainTextEdit>(dialog, u"personaEdit"_s)->toPlainText(),
                 HostSettingsPage::shippedPersonaJson());
        QVERIFY(errorText(dialog).isEmpty());
    }

    void badHostSectionIsResetAndNamed()
    {
        {
            QSettings ini(m_settings->filePath(), QSettings::IniFormat);
            ini.setValue(u"host/rate_wpm"_s, 9999);
            ini.setValue(u"host/line_gap_s"_s, 9);
        }
        StudioSettings reread(m_dir->path(), m_secrets.get());
        QCOMPARE(reread.host(), HostSettings{});
        QVERIFY2(reread.loadProblems().join(u' ').contains(u"80 to 450"_s),
                 qPrintable(reread.loadProblems().join(u' ')));
        HostSettings bad;
        bad.vtsMoodHotkeys = {{u"furious"_s, u"hk"_s}};
        QString error;
        QVERIFY(!reread.setHost(bad, &error));
        QVERIFY2(error.contains(u"furious"_s), qPrintable(error));
    }

    void badPersonaNamesTheKeyAndResetBringsTheShippedOne()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"personaTab"_s);
        auto* edit = child<QPlainTextEdit>(dialog, u"personaEdit"_s);
        edit->setPlainText(u"{\"name\": \"Vera\", \"bio\": 42}"_s);
        QTRY_VERIFY(errorText(dialog).contains(u"bio"_s));
        QVERIFY(child<QLabel>(dialog, u"personaStatusLabel"_s)->text().contains(u"bio"_s));
        QVERIFY(!okButton(dialog)->isEnabled());
        click(dialog, u"personaResetButton"_s);
        QTRY_VERIFY(errorText(dialog).isEmpty());
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(edit->toPlainText(), HostSettingsPage::shippedPersonaJson());
    }

    void editedPersonaIsWrittenAndUsed()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"personaTab"_s);
        const QString json =
            u"{\"name\": \"Nova\", \"bio\": [\"Calls lots at dawn.\"], \"templates\": "
            "{\"line.first_bid\": \"Nova hears {amount} from {bidder}.\"}}"_s;
        child<QPlainTextEdit>(dialog, u"personaEdit"_s)->setPlainText(json);
        QTRY_VERIFY(child<QLabel>(dialog, u"personaStatusLabel"_s)->text().contains(u"Nova"_s));
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        click(dialog, u"okButton"_s);
        QTRY_COMPARE(applied.size(), 1);
        const QString path = m_settings->host().personaFile;
        QCOMPARE(path, QDir(m_dir->path()).filePath(u"host-persona.json"_s));
        const auto persona = Persona::fromFile(path);
        QVERIFY2(persona.ok(), qPrintable(persona.error()));
        QCOMPARE(persona->name, u"Nova"_s);
        StudioSettings reread(m_dir->path(), m_secrets.get());
        QCOMPARE(reread.host().personaFile, path);
    }

    void loadedPersonaFileIsUsedWhereItIs()
    {
        QTemporaryDir elsewhere;
        QVERIFY(elsewhere.isValid());
        const QString path = elsewhere.filePath(u"vera.json"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(R"({"name": "Vera", "bio": "Sells at noon."})");
        }
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"personaTab"_s);
        typeInto(child<QLineEdit>(dialog, u"personaPathEdit"_s), path);
        click(dialog, u"personaLoadButton"_s);
        QTRY_VERIFY(child<QLabel>(dialog, u"personaStatusLabel"_s)->text().contains(u"Vera"_s));
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        click(dialog, u"okButton"_s);
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(m_settings->host().personaFile, path); // used where it is, not copied
        QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath(u"host-persona.json"_s)));
    }

    void aPersonaPathThatIsAFifoIsRefusedNotWaitedOn()
    {
        // Loading it read on the GUI thread until something wrote to the FIFO: forever.
        QTemporaryDir elsewhere;
        QVERIFY(elsewhere.isValid());
        const QString path = elsewhere.filePath(u"persona.json"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"personaTab"_s);
        typeInto(child<QLineEdit>(dialog, u"personaPathEdit"_s), path);
        click(dialog, u"personaLoadButton"_s);
        const QString status = child<QLabel>(dialog, u"personaStatusLabel"_s)->text();
        QVERIFY2(status.contains(u"FIFO"_s), qPrintable(status));
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void voiceLinesLlmAndVtsReachTheFile()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"voiceTab"_s);
        typeInto(child<QSpinBox>(dialog, u"pitchSpin"_s), 40);
        typeInto(child<QSpinBox>(dialog, u"lineGapSpin"_s), 9);
        child<QPlainTextEdit>(dialog, u"blocklistEdit"_s)
            ->setPlainText(u"grotesque\n\nrugpull\n"_s);
        openHostTab(dialog, u"llmTab"_s);
        typeInto(child<QLineEdit>(dialog, u"llmUrlEdit"_s), u"not a url"_s);
        typeInto(child<QLineEdit>(dialog, u"llmModelEdit"_s), u"tiny"_s);
        QTRY_VERIFY(errorText(dialog).contains(u"base URL"_s));
        QVERIFY(!okButton(dialog)->isEnabled());
        typeInto(child<QLineEdit>(dialog, u"llmUrlEdit"_s), u"http://127.0.0.1:8080/v1"_s);
        typeInto(child<QSpinBox>(dialog, u"llmFirstTokenSpin"_s), 900);
        QTRY_VERIFY(errorText(dialog).isEmpty());
        openHostTab(dialog, u"vtsTab"_s);
        QTest::keyClick(child<QCheckBox>(dialog, u"vtsEnableCheck"_s), Qt::Key_Space);
        typeInto(child<QLineEdit>(dialog, u"vtsUrlEdit"_s), u"ws://127.0.0.1:8002"_s);
        child<QTableWidget>(dialog, u"vtsHotkeyTable"_s)->item(6, 1)->setText(u"hk-win"_s);
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        click(dialog, u"okButton"_s);
        QTRY_COMPARE(applied.size(), 1);

        StudioSettings reread(m_dir->path(), m_secrets.get());
        const HostSettings host = reread.host();
        QCOMPARE(host.pitch, 40);
        QCOMPARE(host.lineGapSeconds, 9);
        QCOMPARE(host.blockedWords, (QStringList{u"grotesque"_s, u"rugpull"_s}));
        QCOMPARE(host.llmBaseUrl, u"http://127.0.0.1:8080/v1"_s);
        QCOMPARE(host.llmModel, u"tiny"_s);
        QCOMPARE(host.llmFirstTokenMs, 900);
        QVERIFY(host.vtsEnabled);
        QCOMPARE(host.vtsUrl, u"ws://127.0.0.1:8002"_s);
        QCOMPARE(host.vtsMoodHotkeys, (QMap<QString, QString>{{u"triumphant"_s, u"hk-win"_s}}));
    }

    void musicBedReachesTheFileAndABadOneIsNamed()
    {
        // A short sine, written here: the bed the studio.ini keeps.
        const QString wav = m_dir->filePath(u"bed.wav"_s);
        {
            QByteArray pcm;
            for (int i = 0; i < 4800; ++i) {
                const auto s = qint16(8000 * std::sin(2 * 3.14159265358979 * 440 * i / 48000.0));
                pcm.append(reinterpret_cast<const char*>(&s), 2);
            }
            QByteArray head = "RIFF";
            const auto u32 = [&head](quint32 v) { head.append(reinterpret_cast<char*>(&v), 4); };
            const auto u16 = [&head](quint16 v) { head.append(reinterpret_cast<char*>(&v), 2); };
            u32(quint32(36 + pcm.size()));
            head.append("WAVEfmt ");
            u32(16);
            u16(1);
            u16(1);
            u32(48000);
            u32(96000);
            u16(2);
            u16(16);
            head.append("data");
            u32(quint32(pcm.size()));
            QFile file(wav);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(head + pcm);
        }
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"voiceTab"_s);
        QCOMPARE(child<QLineEdit>(dialog, u"musicEdit"_s)->text(), QString());
        QCOMPARE(child<QSpinBox>(dialog, u"musicLevelSpin"_s)->value(), -6);

        // A file that cannot be played is named when applying, and not kept.
        const QString missing = m_dir->filePath(u"no-such-bed.ogg"_s);
        typeInto(child<QLineEdit>(dialog, u"musicEdit"_s), missing);
        click(dialog, u"okButton"_s);
        QTRY_VERIFY(errorText(dialog).contains(u"no-such-bed.ogg"_s));
        QVERIFY(dialog.isVisible());
        QCOMPARE(StudioSettings(m_dir->path(), m_secrets.get()).host().musicFile, QString());

        typeInto(child<QLineEdit>(dialog, u"musicEdit"_s), wav);
        typeInto(child<QSpinBox>(dialog, u"musicLevelSpin"_s), -12);
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        click(dialog, u"okButton"_s);
        QTRY_COMPARE(applied.size(), 1);
        const HostSettings host = StudioSettings(m_dir->path(), m_secrets.get()).host();
        QCOMPARE(host.musicFile, wav);
        QCOMPARE(host.musicLevelDb, -12);
        QSettings ini(m_settings->filePath(), QSettings::IniFormat);
        QCOMPARE(ini.value(u"host/music_file"_s).toString(), wav);
        QCOMPARE(ini.value(u"host/music_level_db"_s).toInt(), -12);
    }

    void apiKeyGoesToTheKeychainOnly()
    {
        QString why;
        if (!m_secrets->isAvailable(&why)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(u"no keychain: "_s + why));
            QSKIP(qPrintable(u"no keychain: "_s + why));
        }
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"llmTab"_s);
        typeInto(child<QLineEdit>(dialog, u"llmUrlEdit"_s), u"http://127.0.0.1:8080/v1"_s);
        typeInto(child<QLineEdit>(dialog, u"llmModelEdit"_s), u"tiny"_s);
        typeInto(child<QLineEdit>(dialog, u"llmKeyEdit"_s), kApiKey);
        QSignalSpy saved(dialog.hostPage(), &HostSettingsPage::apiKeySaved);
        click(dialog, u"applyButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15'000);
        QCOMPARE(saved.at(0).at(0).toString(), QString());
        QVERIFY(child<QLineEdit>(dialog, u"llmKeyEdit"_s)->text().isEmpty());
        QCOMPARE(m_secrets->read(QString::fromLatin1(HostSettings::kLlmApiKeyName)),
                 std::optional<QString>(kApiKey));
        // In no file of the settings folder.
        for (QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
             it.hasNext();) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kApiKey.toUtf8()), qPrintable(file.fileName()));
        }
    }

    void forgetButtonsRemoveTheKeyAndTheTokenFromTheKeychain()
    {
        QString why;
        if (!m_secrets->isAvailable(&why)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(u"no keychain: "_s + why));
            QSKIP(qPrintable(u"no keychain: "_s + why));
        }
        const QString keyName = QString::fromLatin1(HostSettings::kLlmApiKeyName);
        const QString tokenName = QString::fromLatin1(kVtsTokenKey);
        QVERIFY(m_secrets->write(keyName, kApiKey));
        QVERIFY(m_secrets->write(tokenName, u"vts-token-3c9a"_s));
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        openHostTab(dialog, u"llmTab"_s);
        QSignalSpy keyForgotten(dialog.hostPage(), &HostSettingsPage::apiKeyForgotten);
        click(dialog, u"forgetLlmKeyButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(keyForgotten.size(), 1, 15'000);
        QCOMPARE(keyForgotten.at(0).at(0).toString(), QString());
        QCOMPARE(child<QLabel>(dialog, u"llmKeyLabel"_s)->text(),
                 u"The API key was removed from the keychain."_s);
        QString error;
        QCOMPARE(m_secrets->read(keyName, &error), std::nullopt);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The token is another entry: still there.
        QCOMPARE(m_secrets->read(tokenName), std::optional<QString>(u"vts-token-3c9a"_s));

        openHostTab(dialog, u"vtsTab"_s);
        QSignalSpy tokenForgotten(dialog.hostPage(), &HostSettingsPage::vtsTokenForgotten);
        click(dialog, u"forgetVtsTokenButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(tokenForgotten.size(), 1, 15'000);
        QCOMPARE(tokenForgotten.at(0).at(0).toString(), QString());
        const QString said = child<QLabel>(dialog, u"vtsTokenLabel"_s)->text();
        QVERIFY2(said.startsWith(u"The plugin token was removed from the keychain"_s),
                 qPrintable(said));
        QCOMPARE(m_secrets->read(tokenName, &error), std::nullopt);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Forgetting what is not there is no failure, and says the same.
        click(dialog, u"forgetVtsTokenButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(tokenForgotten.size(), 2, 15'000);
        QCOMPARE(tokenForgotten.at(1).at(0).toString(), QString());
    }

    void testButtonSaysWhatTheLlmAnswered()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        FakeLlmServer::Reply reply;
        reply.deltas = {u"vault_vera opens at 0.8 ETH!"_s};
        server.setReply(reply);
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        openHostTab(dialog, u"llmTab"_s);
        typeInto(child<QLineEdit>(dialog, u"llmUrlEdit"_s), server.baseUrl());
        typeInto(child<QLineEdit>(dialog, u"llmModelEdit"_s), u"tiny"_s);
        typeInto(child<QLineEdit>(dialog, u"llmKeyEdit"_s), kApiKey);
        QSignalSpy finished(dialog.hostPage(), &HostSettingsPage::llmTestFinished);
        click(dialog, u"llmTestButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QCOMPARE(child<QLabel>(dialog, u"llmTestLabel"_s)->text(),
                 u"The LLM said: “vault_vera opens at 0.8 ETH!”"_s);
        QCOMPARE(server.lastHeader("authorization"), "Bearer " + kApiKey.toUtf8());

        reply.deltas = {u"Buy now at scam.com"_s};
        server.setReply(reply);
        click(dialog, u"llmTestButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30'000);
        QVERIFY2(child<QLabel>(dialog, u"llmTestLabel"_s)->text().startsWith(u"The template"_s),
                 qPrintable(child<QLabel>(dialog, u"llmTestLabel"_s)->text()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<StudioSettings> m_settings;
};

QTEST_MAIN(TestHostSettingsPage)
#include "tst_hostsettingspage.moc"
