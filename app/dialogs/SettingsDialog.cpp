#include "SettingsDialog.h"

#include "HostSettingsPage.h"
#include "HotkeysSettingsPage.h"
#include "ShapeSettingsPage.h"
#include "XSettingsPage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSize>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcSettingsDialog, "sb.app.settings")

namespace sb::app {

using sb::studio::OutputSettings;
using sb::studio::RecordingSettings;
using sb::studio::StudioSettings;
using sb::studio::VideoSettings;

namespace {

// The spin boxes reach past what StudioSettings accepts, so a value out of range is shown with
// the sentence that says why instead of being clamped without a word.
constexpr int kMaxBitrateInputKbps = 100'000;
constexpr int kMaxKeyframeInputSeconds = 60;
constexpr int kMaxCanvasInputSide = 7680;
constexpr int kFrameRates[] = {24, 25, 30, 48, 50, 60};
const QSize kCanvasPresets[] = {{1280, 720}, {1920, 1080}};

QString encoderLabel(const QString& encoder)
{
    if (encoder == u"auto")
        return SettingsDialog::tr("Automatic (hardware when available)");
    if (encoder == u"libx264")
        return SettingsDialog::tr("x264 (software)");
    if (encoder == u"h264_nvenc")
        return SettingsDialog::tr("NVIDIA NVENC H.264");
    if (encoder == u"h264_vaapi")
        return SettingsDialog::tr("VA-API H.264 (Intel, AMD on Linux)");
    if (encoder == u"h264_qsv")
        return SettingsDialog::tr("Intel Quick Sync H.264");
    if (encoder == u"h264_videotoolbox")
        return SettingsDialog::tr("Apple VideoToolbox H.264");
    if (encoder == u"h264_amf")
        return SettingsDialog::tr("AMD AMF H.264");
    return encoder;
}

QString languageLabel(const QString& language)
{
    if (language.isEmpty())
        return SettingsDialog::tr("System");
    // Each language in its own words, so a user can find theirs whatever the current one is.
    if (language == u"en")
        return QStringLiteral("English");
    if (language == u"es")
        return QStringLiteral("Español");
    return language;
}

QSpinBox* spinBox(const QString& objectName, int maximum, const QString& suffix)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(0, maximum);
    spin->setSuffix(suffix);
    return spin;
}

QWidget* formPage(const QString& objectName, QFormLayout* form)
{
    auto* page = new QWidget;
    page->setObjectName(objectName);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QLabel* noteLabel(const QString& objectName, const QString& text)
{
    auto* label = new QLabel(text);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

void selectData(QComboBox* combo, const QVariant& data)
{
    if (const int index = combo->findData(data); index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

SettingsDialog::SettingsDialog(StudioSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_appliedLanguage(settings->language())
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));

    m_pageList = new QListWidget;
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setMaximumWidth(180);
    m_pageStack = new QStackedWidget;
    m_pageStack->setObjectName(QStringLiteral("pageStack"));
    connect(m_pageList, &QListWidget::currentRowChanged, m_pageStack,
            &QStackedWidget::setCurrentIndex);

    m_streamPage = new StreamSettingsPage(m_settings);
    connect(m_streamPage, &StreamSettingsPage::changed, this, &SettingsDialog::edited);
    m_hotkeysPage = new HotkeysSettingsPage;
    connect(m_hotkeysPage, &HotkeysSettingsPage::changed, this, &SettingsDialog::edited);
    // x.ini lives beside studio.ini, so a test's settings folder holds both.
    m_xPage = new XSettingsPage(m_settings->folder());
    connect(m_xPage, &XSettingsPage::changed, this, &SettingsDialog::edited);
    m_hostPage = new HostSettingsPage(m_settings);
    connect(m_hostPage, &HostSettingsPage::changed, this, &SettingsDialog::edited);
    m_shapePage = new ShapeSettingsPage(m_settings);
    connect(m_shapePage, &ShapeSettingsPage::changed, this, &SettingsDialog::edited);
    // In the order of enum Page.
    addPage(tr("Stream"), m_streamPage);
    addPage(tr("X account"), m_xPage);
    addPage(tr("Output"), createOutputPage());
    addPage(tr("Video"), createVideoPage());
    addPage(tr("Recording"), createRecordingPage());
    addPage(tr("Hotkeys"), m_hotkeysPage);
    addPage(tr("General"), createGeneralPage());
    addPage(tr("Host"), m_hostPage);
    addPage(tr("Shape"), m_shapePage);
    m_pageList->setCurrentRow(StreamPage);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::Apply);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("applyButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);

    auto* pages = new QHBoxLayout;
    pages->addWidget(m_pageList);
    pages->addWidget(m_pageStack, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pages, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    resize(860, 560);
    load();
}

void SettingsDialog::addPage(const QString& title, QWidget* page)
{
    m_pageList->addItem(title);
    m_pageStack->addWidget(page);
}

QWidget* SettingsDialog::createOutputPage()
{
    m_encoderCombo = new QComboBox;
    m_encoderCombo->setObjectName(QStringLiteral("encoderCombo"));
    for (const QString& encoder : StudioSettings::encoders())
        m_encoderCombo->addItem(encoderLabel(encoder), encoder);
    m_bitrateSpin = spinBox(QStringLiteral("bitrateSpin"), kMaxBitrateInputKbps, tr(" kbps"));
    m_bitrateSpin->setSingleStep(100);
    m_keyframeSpin =
        spinBox(QStringLiteral("keyframeIntervalSpin"), kMaxKeyframeInputSeconds, tr(" s"));
    m_presetCombo = new QComboBox;
    m_presetCombo->setObjectName(QStringLiteral("presetCombo"));
    for (const QString& preset : StudioSettings::presets())
        m_presetCombo->addItem(preset, preset);

    connect(m_encoderCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::edited);
    connect(m_bitrateSpin, &QSpinBox::valueChanged, this, &SettingsDialog::edited);
    connect(m_keyframeSpin, &QSpinBox::valueChanged, this, &SettingsDialog::edited);
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::edited);

    auto* form = new QFormLayout;
    form->addRow(tr("&Encoder:"), m_encoderCombo);
    form->addRow(tr("&Bitrate:"), m_bitrateSpin);
    form->addRow(tr("&Keyframe interval:"), m_keyframeSpin);
    form->addRow(tr("Encoder &preset:"), m_presetCombo);
    form->addRow(QString(), noteLabel(QStringLiteral("presetNoteLabel"),
                                      tr("Faster presets use less CPU for somewhat lower "
                                         "quality; hardware encoders use the closest setting "
                                         "they have.")));
    return formPage(QStringLiteral("outputPage"), form);
}

QWidget* SettingsDialog::createVideoPage()
{
    m_canvasCombo = new QComboBox;
    m_canvasCombo->setObjectName(QStringLiteral("canvasSizeCombo"));
    for (const QSize& size : kCanvasPresets)
        m_canvasCombo->addItem(tr("%1×%2").arg(size.width()).arg(size.height()), size);
    m_canvasCombo->addItem(tr("Custom"), QSize());
    m_canvasWidthSpin = spinBox(QStringLiteral("canvasWidthSpin"), kMaxCanvasInputSide, tr(" px"));
    m_canvasHeightSpin =
        spinBox(QStringLiteral("canvasHeightSpin"), kMaxCanvasInputSide, tr(" px"));
    m_fpsCombo = new QComboBox;
    m_fpsCombo->setObjectName(QStringLiteral("fpsCombo"));
    for (const int fps : kFrameRates)
        m_fpsCombo->addItem(QString::number(fps), fps);

    connect(m_canvasCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateCanvasInputs();
        edited();
    });
    connect(m_canvasWidthSpin, &QSpinBox::valueChanged, this, &SettingsDialog::edited);
    connect(m_canvasHeightSpin, &QSpinBox::valueChanged, this, &SettingsDialog::edited);
    connect(m_fpsCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::edited);

    auto* custom = new QHBoxLayout;
    custom->addWidget(m_canvasWidthSpin);
    custom->addWidget(new QLabel(tr("×")));
    custom->addWidget(m_canvasHeightSpin);
    custom->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Canvas size:"), m_canvasCombo);
    form->addRow(tr("Width × height:"), custom);
    form->addRow(tr("&Frames per second:"), m_fpsCombo);
    form->addRow(QString(), noteLabel(QStringLiteral("canvasNoteLabel"),
                                      tr("The canvas is what the stream and recordings show, "
                                         "up to 1920×1080 (or 1080×1920 upright).")));
    return formPage(QStringLiteral("videoPage"), form);
}

QWidget* SettingsDialog::createRecordingPage()
{
    m_recordingFolderEdit = new QLineEdit;
    m_recordingFolderEdit->setObjectName(QStringLiteral("recordingFolderEdit"));
    auto* browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseRecordingFolderButton"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseRecordingFolder);
    m_recordingFormatCombo = new QComboBox;
    m_recordingFormatCombo->setObjectName(QStringLiteral("recordingFormatCombo"));
    for (const QString& format : StudioSettings::recordingFormats())
        m_recordingFormatCombo->addItem(format, format);

    connect(m_recordingFolderEdit, &QLineEdit::textChanged, this, &SettingsDialog::edited);
    connect(m_recordingFormatCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::edited);

    auto* folder = new QHBoxLayout;
    folder->addWidget(m_recordingFolderEdit, 1);
    folder->addWidget(browse);

    auto* form = new QFormLayout;
    // A row whose field is a layout gets no buddy from QFormLayout, so the label is made here.
    auto* folderLabel = new QLabel(tr("&Folder:"));
    folderLabel->setBuddy(m_recordingFolderEdit);
    form->addRow(folderLabel, folder);
    form->addRow(tr("F&ormat:"), m_recordingFormatCombo);
    form->addRow(QString(), noteLabel(QStringLiteral("mp4NoteLabel"),
                                      tr("MP4 is made from an MKV when the recording stops, so "
                                         "a crash never loses it.")));
    return formPage(QStringLiteral("recordingPage"), form);
}

QWidget* SettingsDialog::createGeneralPage()
{
    m_languageCombo = new QComboBox;
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    for (const QString& language : StudioSettings::languages())
        m_languageCombo->addItem(languageLabel(language), language);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::edited);

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_languageCombo);
    form->addRow(QString(), noteLabel(QStringLiteral("languageNoteLabel"),
                                      tr("A new language is used from the next start of the "
                                         "studio.")));
    return formPage(QStringLiteral("generalPage"), form);
}

void SettingsDialog::load()
{
    m_loading = true;
    const OutputSettings output = m_settings->output();
    selectData(m_encoderCombo, output.encoder);
    m_bitrateSpin->setValue(output.bitrateKbps);
    m_keyframeSpin->setValue(output.keyframeIntervalSeconds);
    selectData(m_presetCombo, output.preset);

    const VideoSettings video = m_settings->video();
    const QSize canvas(video.canvasWidth, video.canvasHeight);
    const int preset = m_canvasCombo->findData(canvas);
    m_canvasCombo->setCurrentIndex(preset >= 0 ? preset : m_canvasCombo->count() - 1);
    m_canvasWidthSpin->setValue(video.canvasWidth);
    m_canvasHeightSpin->setValue(video.canvasHeight);
    updateCanvasInputs();
    // A rate from the file that is not in the list (any of 1–60 is valid) is listed in order.
    if (m_fpsCombo->findData(video.fps) < 0) {
        int index = 0;
        while (index < m_fpsCombo->count() && m_fpsCombo->itemData(index).toInt() < video.fps)
            ++index;
        m_fpsCombo->insertItem(index, QString::number(video.fps), video.fps);
    }
    selectData(m_fpsCombo, video.fps);

    const RecordingSettings recording = m_settings->recording();
    m_recordingFolderEdit->setText(QDir::toNativeSeparators(recording.folder));
    selectData(m_recordingFormatCombo, recording.format);

    m_hotkeysPage->setHotkeys(m_settings->hotkeys());
    selectData(m_languageCombo, m_settings->language());
    m_loading = false;
    m_dirty = false;
    refresh();
}

void SettingsDialog::updateCanvasInputs()
{
    const QSize preset = m_canvasCombo->currentData().toSize();
    const bool custom = !preset.isValid();
    m_canvasWidthSpin->setEnabled(custom);
    m_canvasHeightSpin->setEnabled(custom);
    if (!custom) {
        m_canvasWidthSpin->setValue(preset.width());
        m_canvasHeightSpin->setValue(preset.height());
    }
}

void SettingsDialog::browseRecordingFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder for Recordings"),
        QDir::fromNativeSeparators(m_recordingFolderEdit->text()));
    if (!folder.isEmpty())
        m_recordingFolderEdit->setText(QDir::toNativeSeparators(folder));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return Page(m_pageStack->currentIndex());
}

void SettingsDialog::setCurrentPage(Page page)
{
    m_pageList->setCurrentRow(page);
}

void SettingsDialog::setQuestionHook(StreamSettingsPage::QuestionHook hook)
{
    m_streamPage->setQuestionHook(std::move(hook));
}

VideoSettings SettingsDialog::video() const
{
    VideoSettings video;
    video.canvasWidth = m_canvasWidthSpin->value();
    video.canvasHeight = m_canvasHeightSpin->value();
    video.fps = m_fpsCombo->currentData().toInt();
    return video;
}

OutputSettings SettingsDialog::output() const
{
    OutputSettings output;
    output.encoder = m_encoderCombo->currentData().toString();
    output.bitrateKbps = m_bitrateSpin->value();
    output.keyframeIntervalSeconds = m_keyframeSpin->value();
    output.preset = m_presetCombo->currentData().toString();
    return output;
}

RecordingSettings SettingsDialog::recording() const
{
    RecordingSettings recording;
    recording.folder = QDir::fromNativeSeparators(m_recordingFolderEdit->text().trimmed());
    recording.format = m_recordingFormatCombo->currentData().toString();
    return recording;
}

QString SettingsDialog::language() const
{
    return m_languageCombo->currentData().toString();
}

QStringList SettingsDialog::validationErrors() const
{
    // In the order of the pages, so the first sentence is about the page nearest the top.
    return m_streamPage->validationErrors() + m_xPage->validationErrors() +
           StudioSettings::validationErrors(output()) + StudioSettings::validationErrors(video()) +
           StudioSettings::validationErrors(recording()) + m_hotkeysPage->validationErrors() +
           m_hostPage->validationErrors() + m_shapePage->validationErrors();
}

void SettingsDialog::edited()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_applyProblems.clear();
    refresh();
}

void SettingsDialog::refresh()
{
    const QStringList errors = validationErrors();
    QStringList shown = errors + m_applyProblems;
    if (m_applying)
        shown << tr("Saving the stream keys to the keychain…");
    m_errorLabel->setText(shown.join(u'\n'));
    m_errorLabel->setVisible(!shown.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty() && !m_applying);
    m_buttons->button(QDialogButtonBox::Apply)
        ->setEnabled(errors.isEmpty() && m_dirty && !m_applying);
    // The pages hold still until the keychain has answered for what they wrote.
    m_pageStack->setEnabled(!m_applying);
}

bool SettingsDialog::applyHotkeys(QStringList* problems)
{
    const QMap<QString, QKeySequence> wanted = m_hotkeysPage->hotkeys();
    const QMap<QString, QKeySequence> current = m_settings->hotkeys();
    QStringList changedActions;
    for (const QString& action : StudioSettings::hotkeyActions()) {
        if (wanted.value(action) != current.value(action))
            changedActions << action;
    }
    // Free every changed action first, so that swapping two hotkeys is not refused halfway as
    // a duplicate.
    for (const QString& action : std::as_const(changedActions))
        m_settings->setHotkey(action, QKeySequence());
    bool ok = true;
    QString error;
    for (const QString& action : std::as_const(changedActions)) {
        if (!m_settings->setHotkey(action, wanted.value(action), &error)) {
            *problems << error;
            ok = false;
        }
    }
    return ok;
}

void SettingsDialog::apply()
{
    startApplying(false);
}

void SettingsDialog::accept()
{
    startApplying(true);
}

void SettingsDialog::reject()
{
    if (m_applying) {
        m_applying = false;
        if (QString error; !m_settings->save(&error))
            qCWarning(lcSettingsDialog) << "settings not saved on cancel:" << error;
    }
    QDialog::reject();
}

void SettingsDialog::startApplying(bool closeWhenDone)
{
    if (m_applying)
        return;
    if (!validationErrors().isEmpty()) {
        refresh();
        return;
    }
    QStringList problems;
    QString error;
    if (!m_settings->setOutput(output(), &error))
        problems << error;
    if (!m_settings->setVideo(video(), &error))
        problems << error;
    if (!m_settings->setRecording(recording(), &error))
        problems << error;
    applyHotkeys(&problems);
    if (!m_settings->setLanguage(language(), &error))
        problems << error;
    if (!m_xPage->apply(&error))
        problems << error;
    if (!m_hostPage->apply(&error))
        problems << error;
    if (!m_shapePage->apply(&error))
        problems << error;
    m_applying = true;
    m_streamPage->apply([this, problems, closeWhenDone](const QStringList& streamProblems) {
        finishApplying(problems + streamProblems, closeWhenDone);
    });
    if (m_applying)
        refresh(); // waiting for the keychain: say so, and hold the buttons and the pages
}

void SettingsDialog::finishApplying(QStringList problems, bool closeWhenDone)
{
    if (!m_applying)
        return; // cancelled meanwhile: reject() saved what there was
    m_applying = false;
    if (QString error; !m_settings->save(&error))
        problems << error;
    m_applyProblems = problems;
    if (!problems.isEmpty()) {
        qCWarning(lcSettingsDialog) << "settings not fully applied:" << problems;
        refresh();
        emit applyFinished(false);
        return;
    }
    m_dirty = false;
    refresh();
    emit applied();
    if (m_settings->language() != m_appliedLanguage) {
        m_appliedLanguage = m_settings->language();
        emit languageChanged(m_appliedLanguage);
    }
    emit applyFinished(true);
    if (closeWhenDone)
        QDialog::accept();
}

} // namespace sb::app
