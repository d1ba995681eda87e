#pragma once
// The studio's Settings window, laid out like OBS Studio's: pages listed on the left (Stream,
// X account, Output, Video, Recording, Hotkeys, General), the chosen page on the right. The dialog
// edits a copy of StudioSettings and of x.ini (XSettings, in the same folder): Apply and OK write
// them back and save the files, Cancel drops them. What they would refuse is listed in red at the
// foot and keeps OK and Apply disabled. Every input has an objectName so tests can drive the
// dialog as a user would.

#include "StreamSettingsPage.h"
#include "StudioSettings.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;

namespace sb::app {

class HostSettingsPage;
class HotkeysSettingsPage;
class ShapeSettingsPage;
class XSettingsPage;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Page
    {
        StreamPage,
        XAccountPage,
        OutputPage,
        VideoPage,
        RecordingPage,
        HotkeysPage,
        GeneralPage,
        HostPage,
        ShapePage
    };
    Q_ENUM(Page)

    // Shows `settings` as they are now; the dialog never owns them.
    explicit SettingsDialog(sb::studio::StudioSettings* settings, QWidget* parent = nullptr);

    Page currentPage() const;
    void setCurrentPage(Page page);

    // Replaces the message box that asks whether to keep a stream key for this session only when
    // no keychain is reachable (tests answer it themselves).
    void setQuestionHook(StreamSettingsPage::QuestionHook hook);

    // What keeps OK disabled, as shown at the foot of the dialog; empty when all is valid.
    QStringList validationErrors() const;

    // Writes every page to the settings and saves them. Stream keys go to the keychain in the
    // background: until it answers the buttons are disabled and the dialog says it is saving.
    // applied() follows a success; what was refused or could not be saved is shown at the foot
    // of the dialog. Ends inside the call when there is no key to write.
    void apply();
    bool isApplying() const { return m_applying; }
    XSettingsPage* xPage() const { return m_xPage; }
    HostSettingsPage* hostPage() const { return m_hostPage; }
    ShapeSettingsPage* shapePage() const { return m_shapePage; }

    // OK: applies, and closes only when that worked.
    void accept() override;
    // Cancel: drops what was not applied. Closed while keys are being saved, the dialog saves
    // what was already written; the keychain finishes the keys on its own.
    void reject() override;

signals:
    // After a successful apply (Apply or OK).
    void applied();
    // After every apply, successful or not.
    void applyFinished(bool ok);
    // After an apply that changed the language: "en", "es", or "" for the system language.
    void languageChanged(const QString& language);

private:
    QWidget* createOutputPage();
    QWidget* createVideoPage();
    QWidget* createRecordingPage();
    QWidget* createGeneralPage();
    void addPage(const QString& title, QWidget* page);
    void load();
    void edited();
    void refresh();
    void browseRecordingFolder();
    void updateCanvasInputs();

    sb::studio::VideoSettings video() const;
    sb::studio::OutputSettings output() const;
    sb::studio::RecordingSettings recording() const;
    QString language() const;
    // Writes the hotkeys; false with the reasons in *problems.
    bool applyHotkeys(QStringList* problems);
    void startApplying(bool closeWhenDone);
    void finishApplying(QStringList problems, bool closeWhenDone);

    sb::studio::StudioSettings* m_settings = nullptr;
    bool m_loading = false;
    bool m_dirty = false;
    bool m_applying = false;     // waiting for the keychain to take the stream keys
    QStringList m_applyProblems; // what the last apply could not do, until the next edit
    QString m_appliedLanguage;   // as of the last apply, to tell when it changed

    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pageStack = nullptr;
    QLabel* m_errorLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    StreamSettingsPage* m_streamPage = nullptr;
    HotkeysSettingsPage* m_hotkeysPage = nullptr;
    XSettingsPage* m_xPage = nullptr;
    HostSettingsPage* m_hostPage = nullptr;
    ShapeSettingsPage* m_shapePage = nullptr;

    // Output
    QComboBox* m_encoderCombo = nullptr;
    QSpinBox* m_bitrateSpin = nullptr;
    QSpinBox* m_keyframeSpin = nullptr;
    QComboBox* m_presetCombo = nullptr;
    // Video
    QComboBox* m_canvasCombo = nullptr;
    QSpinBox* m_canvasWidthSpin = nullptr;
    QSpinBox* m_canvasHeightSpin = nullptr;
    QComboBox* m_fpsCombo = nullptr;
    // Recording
    QLineEdit* m_recordingFolderEdit = nullptr;
    QComboBox* m_recordingFormatCombo = nullptr;
    // General
    QComboBox* m_languageCombo = nullptr;
};

} // namespace sb::app
