// The Settings dialog driven by objectName as a user would: what is changed on its pages and
// confirmed with OK is in StudioSettings and in the file (a new StudioSettings reads it back),
// Cancel drops it, a bad value keeps OK disabled with a sentence saying why. Stream keys go to a
// real Secret Service (gnome-keyring on a private D-Bus session, tests/studio/with-keyring.sh) and
// never into a file; with no keychain at all (a child process whose session bus does not exist)
// the dialog asks, and keeps the key for this session only when the user says yes.

#include "DestinationDialog.h"
#include "LoopProbe.h"
#include "SecretScan.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "StudioSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QFocusEvent>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace sb::app;
using namespace sb::studio;
using sb::integrations::SecretStore;
using namespace Qt::StringLiterals;

namespace {

// The tests' entries are filed under their own service name, never the studio's.
const QString kTestService = u"SothebAIs Studio tests"_s;
// Set by with-keyring.sh: the throwaway HOME of the private keyring.
const char* const kKeyringHomeVar = "SB_TEST_KEYRING_HOME";
// Set for the child process that runs without any Secret Service.
const char* const kNoKeychainChildVar = "SB_TST_SETTINGSDIALOG_NO_KEYCHAIN_CHILD";
const char* const kChildFolderVar = "SB_TST_SETTINGSDIALOG_FOLDER";
const char* const kChildKeyVar = "SB_TST_SETTINGSDIALOG_KEY";
const char* const kNeedsPrivateKeyring =
    "needs the private keyring: run under dbus-run-session -- tests/studio/with-keyring.sh";

enum DestinationColumn
{
    NameColumn,
    UrlColumn,
    EnabledColumn,
    KeyColumn
};

QString keyringHome()
{
    return qEnvironmentVariable(kKeyringHomeVar);
}

// A key nobody else would write: if these bytes are in a file, the key leaked there.
QString makeStreamKey()
{
    return u"live_"_s + QUuid::createUuid().toString(QUuid::Id128);
}

using sb::test::filesContaining;

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

void choose(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    if (index < 0)
        qFatal("%s has no item for %s", qPrintable(combo->objectName()),
               qPrintable(data.toString()));
    combo->setCurrentIndex(index);
}

void click(QWidget& parent, const QString& buttonName)
{
    QTest::mouseClick(child<QAbstractButton>(parent, buttonName), Qt::LeftButton);
}

QPushButton* dialogButton(QWidget& dialog, QDialogButtonBox::StandardButton which)
{
    return child<QDialogButtonBox>(dialog, u"buttonBox"_s)->button(which);
}

void pressOk(QWidget& dialog)
{
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
}

// Presses a key combination in the hotkey editor of `action`, then moves on, as a user assigning
// a hotkey does (the editor otherwise waits a second for a second chord).
void pressHotkey(QWidget& dialog, const QString& action, Qt::Key key,
                 Qt::KeyboardModifiers modifiers)
{
    auto* edit = child<QKeySequenceEdit>(dialog, u"hotkeyEdit_"_s + action);
    QTest::keyClick(edit, key, modifiers);
    QFocusEvent focusOut(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(edit, &focusOut);
}

// Ticks or unticks a check box with the space bar.
void toggle(QWidget& parent, const QString& checkBoxName)
{
    QTest::keyClick(child<QCheckBox>(parent, checkBoxName), Qt::Key_Space);
}

void selectDestinationRow(QWidget& dialog, int row)
{
    auto* table = child<QTableWidget>(dialog, u"destinationsTable"_s);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(row, NameColumn)).center());
}

// Clicks Add… or Edit… on the Stream page and returns the destination dialog it opened.
DestinationDialog* openDestinationDialog(SettingsDialog& dialog, const QString& buttonName)
{
    click(dialog, buttonName);
    for (DestinationDialog* opened : dialog.findChildren<DestinationDialog*>()) {
        if (opened->isVisible())
            return opened;
    }
    return nullptr;
}

// Adds a destination through the Stream page as a user would, with a key when one is given.
void addDestination(SettingsDialog& dialog, const QString& name, const QString& url,
                    const QString& key)
{
    DestinationDialog* destination = openDestinationDialog(dialog, u"addDestinationButton"_s);
    QVERIFY(destination);
    typeInto(child<QLineEdit>(*destination, u"destinationNameEdit"_s), name);
    typeInto(child<QLineEdit>(*destination, u"destinationUrlEdit"_s), url);
    if (!key.isEmpty())
        typeInto(child<QLineEdit>(*destination, u"streamKeyEdit"_s), key);
    auto* ok = child<QDialogButtonBox>(*destination, u"destinationButtonBox"_s)
                   ->button(QDialogButtonBox::Ok);
    QVERIFY2(ok->isEnabled(),
             qPrintable(child<QLabel>(*destination, u"destinationErrorLabel"_s)->text()));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(!destination->isVisible());
}

QString keyCell(QWidget& dialog, int row)
{
    return child<QTableWidget>(dialog, u"destinationsTable"_s)->item(row, KeyColumn)->text();
}

QString errorText(QWidget& dialog)
{
    auto* label = child<QLabel>(dialog, u"errorLabel"_s);
    return label->isHidden() ? QString() : label->text();
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pagesAreListedOnTheLeft();
    void showsTheCurrentSettings();
    void okSavesWhatTheUserChanged();
    void cancelDiscardsChanges();
    void applyKeepsTheDialogOpen();
    void invalidBitrateKeepsOkDisabled();
    void customCanvasIsChecked();
    void duplicateHotkeyIsFlagged();
    void swappedHotkeysAreSaved();
    void destinationNeedsAnRtmpUrl();
    void streamKeyIsHiddenUntilShown();

    void streamKeyRoundTripsThroughKeychain();
    void editingReplacesOrForgetsTheKey();
    void removingDestinationRemovesItsKey();
    void applyWhileTheKeychainDoesNotAnswer();
    void withoutKeychainTheDialogAsks();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
};

void TestSettingsDialog::init()
{
    // Under the keyring's throwaway HOME, so the "no file holds the key" scans cover the settings.
    const QString home = keyringHome();
    m_dir = home.isEmpty() ? std::make_unique<QTemporaryDir>()
                           : std::make_unique<QTemporaryDir>(home + u"/settings-XXXXXX"_s);
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<SecretStore>(kTestService);
}

void TestSettingsDialog::cleanup()
{
    m_secrets.reset();
    m_dir.reset();
}

void TestSettingsDialog::pagesAreListedOnTheLeft()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    QCOMPARE(dialog.objectName(), u"SettingsDialog"_s);
    auto* list = child<QListWidget>(dialog, u"pageList"_s);
    QStringList titles;
    for (int i = 0; i < list->count(); ++i)
        titles << list->item(i)->text();
    QCOMPARE(titles,
             (QStringList{u"Stream"_s, u"X account"_s, u"Output"_s, u"Video"_s, u"Recording"_s,
                          u"Hotkeys"_s, u"General"_s, u"Host"_s, u"Shape"_s}));
    QCOMPARE(dialog.currentPage(), SettingsDialog::StreamPage);

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(SettingsDialog::RecordingPage)).center());
    QCOMPARE(dialog.currentPage(), SettingsDialog::RecordingPage);
    QCOMPARE(child<QStackedWidget>(dialog, u"pageStack"_s)->currentWidget()->objectName(),
             u"recordingPage"_s);
    QVERIFY(child<QLabel>(dialog, u"mp4NoteLabel"_s)->text().contains(u"crash never loses it"_s));
    // Nothing changed yet: nothing to apply, nothing wrong.
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Apply)->isEnabled());
    QCOMPARE(errorText(dialog), QString());
}

void TestSettingsDialog::showsTheCurrentSettings()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    QVERIFY(settings.setOutput({u"libx264"_s, 4000, 3, u"faster"_s}));
    QVERIFY(settings.setVideo({1080, 1920, 25}));
    QVERIFY(settings.setRecording({m_dir->filePath(u"rec"_s), u"mp4"_s}));
    QVERIFY(settings.setLanguage(u"es"_s));
    QVERIFY(settings.setHotkey(u"extend"_s, QKeySequence(u"F9"_s)));
    SettingsDialog dialog(&settings);

    QCOMPARE(child<QComboBox>(dialog, u"encoderCombo"_s)->currentData().toString(), u"libx264"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"bitrateSpin"_s)->value(), 4000);
    QCOMPARE(child<QSpinBox>(dialog, u"keyframeIntervalSpin"_s)->value(), 3);
    QCOMPARE(child<QComboBox>(dialog, u"presetCombo"_s)->currentText(), u"faster"_s);
    QCOMPARE(child<QComboBox>(dialog, u"canvasSizeCombo"_s)->currentText(), u"Custom"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"canvasWidthSpin"_s)->value(), 1080);
    QCOMPARE(child<QSpinBox>(dialog, u"canvasHeightSpin"_s)->value(), 1920);
    QVERIFY(child<QSpinBox>(dialog, u"canvasWidthSpin"_s)->isEnabled());
    QCOMPARE(child<QComboBox>(dialog, u"fpsCombo"_s)->currentText(), u"25"_s);
    QCOMPARE(child<QLineEdit>(dialog, u"recordingFolderEdit"_s)->text(),
             QDir::toNativeSeparators(m_dir->filePath(u"rec"_s)));
    QCOMPARE(child<QComboBox>(dialog, u"recordingFormatCombo"_s)->currentText(), u"mp4"_s);
    QCOMPARE(child<QComboBox>(dialog, u"languageCombo"_s)->currentText(), u"Español"_s);
    QCOMPARE(child<QKeySequenceEdit>(dialog, u"hotkeyEdit_extend"_s)->keySequence(),
             QKeySequence(u"F9"_s));
    QCOMPARE(child<QKeySequenceEdit>(dialog, u"hotkeyEdit_go_live"_s)->keySequence(),
             QKeySequence(u"Ctrl+Shift+L"_s));

    QStringList languages;
    auto* languageCombo = child<QComboBox>(dialog, u"languageCombo"_s);
    for (int i = 0; i < languageCombo->count(); ++i)
        languages << languageCombo->itemText(i);
    QCOMPARE(languages, (QStringList{u"System"_s, u"English"_s, u"Español"_s}));
    QStringList rates;
    auto* fpsCombo = child<QComboBox>(dialog, u"fpsCombo"_s);
    for (int i = 0; i < fpsCombo->count(); ++i)
        rates << fpsCombo->itemText(i);
    QCOMPARE(rates, (QStringList{u"24"_s, u"25"_s, u"30"_s, u"48"_s, u"50"_s, u"60"_s}));
}

void TestSettingsDialog::okSavesWhatTheUserChanged()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    QSignalSpy languageChanged(&dialog, &SettingsDialog::languageChanged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    choose(child<QComboBox>(dialog, u"encoderCombo"_s), u"libx264"_s);
    typeInto(child<QSpinBox>(dialog, u"bitrateSpin"_s), 6000);
    typeInto(child<QSpinBox>(dialog, u"keyframeIntervalSpin"_s), 4);
    choose(child<QComboBox>(dialog, u"presetCombo"_s), u"medium"_s);
    choose(child<QComboBox>(dialog, u"canvasSizeCombo"_s), QSize(1920, 1080));
    QVERIFY(!child<QSpinBox>(dialog, u"canvasWidthSpin"_s)->isEnabled());
    choose(child<QComboBox>(dialog, u"fpsCombo"_s), 60);
    const QString recordings = m_dir->filePath(u"recordings"_s);
    typeInto(child<QLineEdit>(dialog, u"recordingFolderEdit"_s), recordings);
    choose(child<QComboBox>(dialog, u"recordingFormatCombo"_s), u"mp4"_s);
    pressHotkey(dialog, u"record"_s, Qt::Key_F9, Qt::ControlModifier);
    choose(child<QComboBox>(dialog, u"languageCombo"_s), u"es"_s);
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Apply)->isEnabled());
    QCOMPARE(errorText(dialog), QString());

    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(applied.count(), 1);
    QCOMPARE(languageChanged.count(), 1);
    QCOMPARE(languageChanged.at(0).at(0).toString(), u"es"_s);

    const OutputSettings output{u"libx264"_s, 6000, 4, u"medium"_s};
    const VideoSettings video{1920, 1080, 60};
    const RecordingSettings recording{recordings, u"mp4"_s};
    QCOMPARE(settings.output(), output);
    QCOMPARE(settings.video(), video);
    QCOMPARE(settings.recording(), recording);
    QCOMPARE(settings.hotkey(u"record"_s), QKeySequence(u"Ctrl+F9"_s));
    QCOMPARE(settings.language(), u"es"_s);

    // A restart: a new StudioSettings on the same folder reads the same.
    StudioSettings reopened(m_dir->path(), m_secrets.get());
    QVERIFY2(reopened.loadProblems().isEmpty(), qPrintable(reopened.loadProblems().join(u'\n')));
    QCOMPARE(reopened.output(), output);
    QCOMPARE(reopened.video(), video);
    QCOMPARE(reopened.recording(), recording);
    QCOMPARE(reopened.hotkey(u"record"_s), QKeySequence(u"Ctrl+F9"_s));
    QCOMPARE(reopened.hotkey(u"go_live"_s), QKeySequence(u"Ctrl+Shift+L"_s));
    QCOMPARE(reopened.language(), u"es"_s);
}

void TestSettingsDialog::cancelDiscardsChanges()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(child<QSpinBox>(dialog, u"bitrateSpin"_s), 9000);
    choose(child<QComboBox>(dialog, u"languageCombo"_s), u"en"_s);
    addDestination(dialog, u"X"_s, u"rtmps://va.pscp.tv:443/x"_s, QString());
    QCOMPARE(child<QTableWidget>(dialog, u"destinationsTable"_s)->rowCount(), 1);

    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(applied.count(), 0);
    QCOMPARE(settings.output().bitrateKbps, OutputSettings().bitrateKbps);
    QCOMPARE(settings.language(), QString());
    QVERIFY(settings.destinations().isEmpty());
    QVERIFY(!QFile::exists(settings.filePath()));
}

void TestSettingsDialog::applyKeepsTheDialogOpen()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    QSignalSpy languageChanged(&dialog, &SettingsDialog::languageChanged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(child<QSpinBox>(dialog, u"bitrateSpin"_s), 3500);

    QPushButton* apply = dialogButton(dialog, QDialogButtonBox::Apply);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(applied.count(), 1);
    QCOMPARE(languageChanged.count(), 0); // the language was not touched
    QVERIFY(!apply->isEnabled());         // nothing left to apply
    QCOMPARE(StudioSettings(m_dir->path(), m_secrets.get()).output().bitrateKbps, 3500);

    // Cancel after Apply keeps what was applied.
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(settings.output().bitrateKbps, 3500);
}

void TestSettingsDialog::invalidBitrateKeepsOkDisabled()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setCurrentPage(SettingsDialog::OutputPage);
    auto* bitrate = child<QSpinBox>(dialog, u"bitrateSpin"_s);

    typeInto(bitrate, 100);
    QCOMPARE(bitrate->value(), 100);
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Apply)->isEnabled());
    QCOMPARE(errorText(dialog),
             u"The video bitrate must be between 500 and 50000 kbps (it is 100)."_s);
    QCOMPARE(dialog.validationErrors(), QStringList{errorText(dialog)});
    pressOk(dialog); // disabled: nothing happens
    QVERIFY(dialog.isVisible());
    QCOMPARE(settings.output().bitrateKbps, 2500);

    typeInto(bitrate, 3000);
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(errorText(dialog), QString());
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(settings.output().bitrateKbps, 3000);
}

void TestSettingsDialog::customCanvasIsChecked()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    choose(child<QComboBox>(dialog, u"canvasSizeCombo"_s), QSize());
    auto* width = child<QSpinBox>(dialog, u"canvasWidthSpin"_s);
    auto* height = child<QSpinBox>(dialog, u"canvasHeightSpin"_s);
    QVERIFY(width->isEnabled());
    typeInto(width, 1081);
    typeInto(height, 1920);
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY2(errorText(dialog).contains(u"even numbers"_s), qPrintable(errorText(dialog)));
    typeInto(width, 1080);
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    pressOk(dialog);
    QCOMPARE(settings.video(), (VideoSettings{1080, 1920, 30}));
}

void TestSettingsDialog::duplicateHotkeyIsFlagged()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setCurrentPage(SettingsDialog::HotkeysPage);

    // Give "record" the hotkey of "go live".
    pressHotkey(dialog, u"record"_s, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    const QString message = errorText(dialog);
    QVERIFY2(message.contains(QKeySequence(u"Ctrl+Shift+L"_s).toString(QKeySequence::NativeText)),
             qPrintable(message));
    QVERIFY2(message.contains(StudioSettings::hotkeyActionName(u"go_live"_s)), qPrintable(message));
    QVERIFY2(message.contains(StudioSettings::hotkeyActionName(u"record"_s)), qPrintable(message));
    auto* table = child<QTableWidget>(dialog, u"hotkeysTable"_s);
    QVERIFY(!table->item(0, 0)->toolTip().isEmpty()); // go_live is marked
    QVERIFY(!table->item(1, 0)->toolTip().isEmpty()); // and so is record
    QVERIFY(table->item(2, 0)->toolTip().isEmpty());

    click(dialog, u"resetHotkeysButton"_s);
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(errorText(dialog), QString());
    QCOMPARE(child<QKeySequenceEdit>(dialog, u"hotkeyEdit_record"_s)->keySequence(),
             QKeySequence(u"Ctrl+Shift+R"_s));
    QVERIFY(table->item(1, 0)->toolTip().isEmpty());
}

void TestSettingsDialog::swappedHotkeysAreSaved()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    pressHotkey(dialog, u"go_live"_s, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled()); // for a moment, twice
    pressHotkey(dialog, u"record"_s, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    StudioSettings reopened(m_dir->path(), m_secrets.get());
    QCOMPARE(reopened.hotkey(u"go_live"_s), QKeySequence(u"Ctrl+Shift+R"_s));
    QCOMPARE(reopened.hotkey(u"record"_s), QKeySequence(u"Ctrl+Shift+L"_s));
}

void TestSettingsDialog::destinationNeedsAnRtmpUrl()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    DestinationDialog* destination = openDestinationDialog(dialog, u"addDestinationButton"_s);
    QVERIFY(destination);
    auto* ok = child<QDialogButtonBox>(*destination, u"destinationButtonBox"_s)
                   ->button(QDialogButtonBox::Ok);
    auto* problems = child<QLabel>(*destination, u"destinationErrorLabel"_s);
    QVERIFY(!ok->isEnabled()); // nothing entered yet

    typeInto(child<QLineEdit>(*destination, u"destinationNameEdit"_s), u"X"_s);
    typeInto(child<QLineEdit>(*destination, u"destinationUrlEdit"_s), u"https://x.com/live"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problems->text().contains(u"must start with rtmp:// or rtmps://"_s),
             qPrintable(problems->text()));

    typeInto(child<QLineEdit>(*destination, u"destinationUrlEdit"_s),
             u"rtmps://va.pscp.tv:443/x"_s);
    QVERIFY(ok->isEnabled());
    QVERIFY(problems->isHidden());

    // Cancelled: no destination.
    QTest::mouseClick(child<QDialogButtonBox>(*destination, u"destinationButtonBox"_s)
                          ->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QCOMPARE(child<QTableWidget>(dialog, u"destinationsTable"_s)->rowCount(), 0);
}

void TestSettingsDialog::streamKeyIsHiddenUntilShown()
{
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    DestinationDialog* destination = openDestinationDialog(dialog, u"addDestinationButton"_s);
    QVERIFY(destination);
    auto* key = child<QLineEdit>(*destination, u"streamKeyEdit"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    toggle(*destination, u"showStreamKeyCheck"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Normal);
    toggle(*destination, u"showStreamKeyCheck"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    // A new destination has no stored key to forget.
    QVERIFY(child<QCheckBox>(*destination, u"forgetStreamKeyCheck"_s)->isHidden());
    destination->reject();
}

void TestSettingsDialog::streamKeyRoundTripsThroughKeychain()
{
    if (keyringHome().isEmpty())
        QSKIP(kNeedsPrivateKeyring);
    const QString key = makeStreamKey();
    StudioSettings settings(m_dir->path(), m_secrets.get());
    {
        SettingsDialog dialog(&settings);
        int questions = 0;
        dialog.setQuestionHook([&](const QString&) {
            ++questions;
            return false;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(child<QLabel>(dialog, u"keychainNoteLabel"_s)->isHidden());
        addDestination(dialog, u"X"_s, u"rtmps://va.pscp.tv:443/x"_s, key);
        auto* table = child<QTableWidget>(dialog, u"destinationsTable"_s);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, NameColumn)->text(), u"X"_s);
        QCOMPARE(table->item(0, UrlColumn)->text(), u"rtmps://va.pscp.tv:443/x"_s);
        QCOMPARE(table->item(0, EnabledColumn)->checkState(), Qt::Checked);
        QVERIFY(keyCell(dialog, 0).startsWith(u"••••••"_s));
        QVERIFY(!keyCell(dialog, 0).contains(key));
        QVERIFY(settings.destinations().isEmpty()); // not before OK

        pressOk(dialog);
        // The key goes to the keychain in the background; the dialog closes once it is there.
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(questions, 0); // the keychain took it, nothing to ask
    }
    QCOMPARE(settings.destinations().size(), 1);
    const Destination added = settings.destinations().at(0);
    QCOMPARE(added.name, u"X"_s);
    QCOMPARE(added.url, u"rtmps://va.pscp.tv:443/x"_s);
    QVERIFY(added.enabled);
    QString error;
    // Compared without QCOMPARE, so a failure never prints a key.
    QVERIFY(settings.streamKey(added.id, &error).value_or(QString()) == key);
    QCOMPARE(settings.streamKeyStorage(added.id), KeyStorage::Keychain);

    // After a restart the key is read back from the keychain, and the page shows it is there.
    SecretStore secrets(kTestService);
    StudioSettings reopened(m_dir->path(), &secrets);
    QVERIFY(reopened.destinations() == QList<Destination>{added});
    QVERIFY(reopened.streamKey(added.id, &error).value_or(QString()) == key);
    SettingsDialog again(&reopened);
    QTRY_COMPARE(keyCell(again, 0), u"••••••"_s); // "checking…" until the keychain answered

    // No file under the throwaway HOME (settings, the keyring's own files) holds it in the clear.
    const QString root = QFileInfo(keyringHome()).dir().path();
    int scanned = 0;
    const QStringList leaks = filesContaining(root, key, &scanned);
    QVERIFY2(leaks.isEmpty(), qPrintable(u"the stream key is in "_s + leaks.join(u", "_s)));
    QVERIFY(scanned >= 2); // studio.ini and the keyring at least
    QVERIFY(QFile::exists(reopened.filePath()));
    QVERIFY(m_secrets->remove(StudioSettings::streamKeyName(added.id)));
}

void TestSettingsDialog::editingReplacesOrForgetsTheKey()
{
    if (keyringHome().isEmpty())
        QSKIP(kNeedsPrivateKeyring);
    StudioSettings settings(m_dir->path(), m_secrets.get());
    const QString id =
        settings.addDestination({QString(), u"Backup"_s, u"rtmp://live.example.net/app"_s, true});
    const QString oldKey = makeStreamKey();
    QCOMPARE(settings.setStreamKey(id, oldKey), KeyStorage::Keychain);
    const QString newKey = makeStreamKey();

    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(keyCell(dialog, 0), u"••••••"_s);
    selectDestinationRow(dialog, 0);
    DestinationDialog* edit = openDestinationDialog(dialog, u"editDestinationButton"_s);
    QVERIFY(edit);
    // The stored key is never loaded into the field.
    QCOMPARE(child<QLineEdit>(*edit, u"streamKeyEdit"_s)->text(), QString());
    QCOMPARE(child<QLineEdit>(*edit, u"destinationNameEdit"_s)->text(), u"Backup"_s);
    typeInto(child<QLineEdit>(*edit, u"destinationNameEdit"_s), u"Backup server"_s);
    typeInto(child<QLineEdit>(*edit, u"streamKeyEdit"_s), newKey);
    edit->accept();
    // Unticking "enabled" in the table is an edit too.
    auto* table = child<QTableWidget>(dialog, u"destinationsTable"_s);
    table->item(0, EnabledColumn)->setCheckState(Qt::Unchecked);
    QSignalSpy applyFinished(&dialog, &SettingsDialog::applyFinished);
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Apply), Qt::LeftButton);
    QTRY_COMPARE(applyFinished.count(), 1);
    QCOMPARE(applyFinished.at(0).at(0).toBool(), true);
    QCOMPARE(errorText(dialog), QString());
    QCOMPARE(settings.destination(id)->name, u"Backup server"_s);
    QVERIFY(!settings.destination(id)->enabled);
    QVERIFY(settings.streamKey(id).value_or(QString()) == newKey);
    QTRY_COMPARE(keyCell(dialog, 0), u"••••••"_s);

    selectDestinationRow(dialog, 0);
    edit = openDestinationDialog(dialog, u"editDestinationButton"_s);
    QVERIFY(edit);
    auto* forget = child<QCheckBox>(*edit, u"forgetStreamKeyCheck"_s);
    QVERIFY(!forget->isHidden());
    toggle(*edit, u"forgetStreamKeyCheck"_s);
    QVERIFY(!child<QLineEdit>(*edit, u"streamKeyEdit"_s)->isEnabled());
    edit->accept();
    pressOk(dialog);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QString error;
    QVERIFY(!settings.streamKey(id, &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_secrets->read(StudioSettings::streamKeyName(id)).has_value());
    QVERIFY(settings.destination(id).has_value());
}

void TestSettingsDialog::removingDestinationRemovesItsKey()
{
    if (keyringHome().isEmpty())
        QSKIP(kNeedsPrivateKeyring);
    StudioSettings settings(m_dir->path(), m_secrets.get());
    const QString id =
        settings.addDestination({QString(), u"X"_s, u"rtmps://va.pscp.tv:443/x"_s, true});
    QCOMPARE(settings.setStreamKey(id, makeStreamKey()), KeyStorage::Keychain);
    {
        // Removed, then cancelled: still there, with its key.
        SettingsDialog dialog(&settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        selectDestinationRow(dialog, 0);
        click(dialog, u"removeDestinationButton"_s);
        QCOMPARE(child<QTableWidget>(dialog, u"destinationsTable"_s)->rowCount(), 0);
        QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
        QVERIFY(settings.destination(id).has_value());
        QVERIFY(settings.streamKey(id).has_value());
    }
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    selectDestinationRow(dialog, 0);
    click(dialog, u"removeDestinationButton"_s);
    pressOk(dialog);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(settings.destinations().isEmpty());
    QString error;
    QVERIFY(!m_secrets->read(StudioSettings::streamKeyName(id), &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(StudioSettings(m_dir->path(), m_secrets.get()).destinations().isEmpty());
}

// Apply while the keychain does not answer (its daemon paused with SIGSTOP): the click returns at
// once and the dialog's event loop goes on (a 10 ms timer keeps ticking in it, never in a loop of
// the keychain's own); the dialog says it is saving and holds OK and Apply until the timeout,
// which it then shows in words, keeping the key pending for another try.
void TestSettingsDialog::applyWhileTheKeychainDoesNotAnswer()
{
    if (keyringHome().isEmpty())
        QSKIP(kNeedsPrivateKeyring);
#ifdef Q_OS_UNIX
    const auto pid = pid_t(qEnvironmentVariableIntValue("SB_TEST_KEYRING_PID"));
    if (pid <= 0)
        QSKIP("with-keyring.sh did not say which process the keyring is");
    StudioSettings settings(m_dir->path(), m_secrets.get());
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(m_secrets->isAvailable()); // connected before the pause
    addDestination(dialog, u"X"_s, u"rtmps://va.pscp.tv:443/x"_s, makeStreamKey());
    m_secrets->setTimeoutMs(1000);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });

    QSignalSpy applyFinished(&dialog, &SettingsDialog::applyFinished);
    sb::test::LoopProbe probe;
    probe.start();
    QPushButton* apply = dialogButton(dialog, QDialogButtonBox::Apply);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(dialog.isApplying());
    QVERIFY2(errorText(dialog).contains(u"Saving the stream keys"_s),
             qPrintable(errorText(dialog)));
    QVERIFY(!apply->isEnabled());
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(applyFinished.count(), 1, 10'000);
    probe.stop();
    qInfo("while the keychain did not answer the dialog's 10 ms timer ticked %d times, longest "
          "gap %lld ms",
          probe.ticks(), probe.longestGapMs());
    QCOMPARE(probe.deepestNesting(), 0);
    QVERIFY(probe.ticks() > 0);
    QCOMPARE(applyFinished.at(0).at(0).toBool(), false);
    QVERIFY2(errorText(dialog).contains(u"The stream key of “X” was not saved: The keychain did "
                                        "not answer in time (1 s)."_s),
             qPrintable(errorText(dialog)));
    QCOMPARE(keyCell(dialog, 0), u"•••••• (saved on Apply)"_s); // still pending
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    ::kill(pid, SIGCONT);
    resume.dismiss();
    m_secrets->setTimeoutMs(SecretStore::kDefaultTimeoutMs);
    // The late write may land once the daemon runs again.
    QVERIFY(m_secrets->remove(StudioSettings::streamKeyName(settings.destinations().at(0).id)));
    dialog.reject();
#else
    QSKIP("pauses the Secret Service daemon with SIGSTOP");
#endif
}

// Runs TestWithoutKeychain in a child process whose session bus does not exist, then checks from
// here that the key it was given is nowhere on disk nor in the keychain.
void TestSettingsDialog::withoutKeychainTheDialogAsks()
{
    const QString key = makeStreamKey();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kNoKeychainChildVar), u"1"_s);
    env.insert(QString::fromLatin1(kChildFolderVar), m_dir->path());
    env.insert(QString::fromLatin1(kChildKeyVar), key);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir->filePath(u"no-such-bus"_s));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(process.waitForFinished(120'000));
    const QByteArray output = process.readAll();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             output.constData());
    QVERIFY2(!output.contains(key.toUtf8()), "the child printed the stream key");

    // Both destinations were saved; their keys were not, not in a file, not in the keychain.
    StudioSettings reopened(m_dir->path(), m_secrets.get());
    QCOMPARE(reopened.destinations().size(), 2);
    const QString root =
        keyringHome().isEmpty() ? m_dir->path() : QFileInfo(keyringHome()).dir().path();
    int scanned = 0;
    const QStringList leaks = filesContaining(root, key, &scanned);
    QVERIFY2(leaks.isEmpty(), qPrintable(u"the stream key is in "_s + leaks.join(u", "_s)));
    QVERIFY(scanned >= 1);
    if (!keyringHome().isEmpty()) {
        for (const Destination& destination : reopened.destinations()) {
            QString error;
            QVERIFY(!reopened.streamKey(destination.id, &error).has_value());
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }
}

// The child's half of withoutKeychainTheDialogAsks(): no Secret Service is reachable at all.
class TestWithoutKeychain : public QObject
{
    Q_OBJECT

private slots:
    void decliningKeepsNoKey()
    {
        SecretStore secrets(kTestService);
        StudioSettings settings(folder(), &secrets);
        SettingsDialog dialog(&settings);
        QStringList questions;
        dialog.setQuestionHook([&](const QString& question) {
            questions << question;
            return false;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* note = child<QLabel>(dialog, u"keychainNoteLabel"_s);
        QTRY_VERIFY(!note->isHidden()); // once the keychain's probe has answered
        QVERIFY2(note->text().startsWith(u"No keychain service is available: "_s),
                 qPrintable(note->text()));

        addDestination(dialog, u"X"_s, u"rtmps://va.pscp.tv:443/x"_s, key());
        pressOk(dialog);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.at(0).startsWith(u"No keychain service is available: No keychain "
                                            "service is running"_s),
                 qPrintable(questions.at(0)));
        QVERIFY2(questions.at(0).contains(u"for this session only"_s), qPrintable(questions.at(0)));
        QVERIFY(!questions.at(0).contains(key()));

        // The destination is kept, its key is not: not in memory, not in a file.
        QCOMPARE(settings.destinations().size(), 1);
        const QString id = settings.destinations().at(0).id;
        QVERIFY(!settings.sessionOnlyKeysAllowed());
        QVERIFY(!settings.streamKey(id).has_value());
        QVERIFY2(note->text().contains(u"was not kept"_s), qPrintable(note->text()));
        int scanned = 0;
        QVERIFY(filesContaining(folder(), key(), &scanned).isEmpty());
        QVERIFY(scanned >= 1);
    }

    void acceptingKeepsTheKeyForThisSessionOnly()
    {
        SecretStore secrets(kTestService);
        StudioSettings settings(folder(), &secrets);
        QCOMPARE(settings.destinations().size(), 1);
        SettingsDialog dialog(&settings);
        QStringList questions;
        dialog.setQuestionHook([&](const QString& question) {
            questions << question;
            return true;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(keyCell(dialog, 0), u"not readable"_s);

        selectDestinationRow(dialog, 0);
        DestinationDialog* edit = openDestinationDialog(dialog, u"editDestinationButton"_s);
        QVERIFY(edit);
        typeInto(child<QLineEdit>(*edit, u"streamKeyEdit"_s), key());
        edit->accept();
        QSignalSpy applyFinished(&dialog, &SettingsDialog::applyFinished);
        QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Apply), Qt::LeftButton);
        QTRY_COMPARE(applyFinished.count(), 1);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(errorText(dialog).isEmpty(), qPrintable(errorText(dialog)));
        QVERIFY(settings.sessionOnlyKeysAllowed());
        const QString id = settings.destinations().at(0).id;
        QCOMPARE(settings.streamKeyStorage(id), KeyStorage::SessionOnly);
        QVERIFY(settings.streamKey(id).value_or(QString()) == key());
        QTRY_COMPARE(keyCell(dialog, 0), u"•••••• (this session only)"_s);
        QVERIFY2(child<QLabel>(dialog, u"keychainNoteLabel"_s)
                     ->text()
                     .contains(u"kept for this session only"_s),
                 qPrintable(child<QLabel>(dialog, u"keychainNoteLabel"_s)->text()));

        // The user already said yes in this session: a second key is not asked about again.
        addDestination(dialog, u"Backup"_s, u"rtmp://live.example.net/app"_s, key());
        pressOk(dialog);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(questions.size(), 1);
        QCOMPARE(settings.destinations().size(), 2);
        QVERIFY(settings.streamKey(settings.destinations().at(1).id).value_or(QString()) == key());

        int scanned = 0;
        QVERIFY(filesContaining(folder(), key(), &scanned).isEmpty());
        QVERIFY(scanned >= 1);
    }

private:
    static QString folder() { return qEnvironmentVariable(kChildFolderVar); }
    static QString key() { return qEnvironmentVariable(kChildKeyVar); }
};

int main(int argc, char** argv)
{
    // Outside with-keyring.sh no test may reach the user's own keyring: point the session bus
    // nowhere, so the dialog sees no keychain and the keychain tests skip.
    if (qEnvironmentVariableIsEmpty(kKeyringHomeVar) &&
        !qEnvironmentVariableIsSet(kNoKeychainChildVar))
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sb-tst-settingsdialog-bus");
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    if (qEnvironmentVariableIsSet(kNoKeychainChildVar)) {
        TestWithoutKeychain withoutKeychain;
        return QTest::qExec(&withoutKeychain, argc, argv);
    }
    TestSettingsDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsdialog.moc"
