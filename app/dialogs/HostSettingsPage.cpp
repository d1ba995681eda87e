#include "HostSettingsPage.h"

#include "AudioMixer.h"
#include "EspeakSpeech.h"
#include "HostMood.h"
#include "HttpClient.h"
#include "LineWriter.h"
#include "Persona.h"
#include "RegularFile.h"
#include "SecretStore.h"
#include "StudioSettings.h"
#include "VtsTokenStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace sb::app {

using namespace sb::studio;
using namespace Qt::StringLiterals;
namespace llm = sb::integrations::llm;

namespace {

// Empty when it cannot be read (a FIFO would block the GUI thread until something wrote to it).
QString readText(const QString& path)
{
    QByteArray text;
    QString why;
    return sb::readRegularFile(path, sb::studio::Persona::kMaxFileBytes, &text, &why)
               ? QString::fromUtf8(text)
               : QString();
}

QStringList lines(const QPlainTextEdit* edit)
{
    QStringList out;
    for (const QString& line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

} // namespace

HostSettingsPage::HostSettingsPage(StudioSettings* settings, QWidget* parent)
    : QWidget(parent), m_settings(settings)
{
    setObjectName(u"hostPage"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(u"hostTabs"_s);
    tabs->addTab(createPersonaTab(), tr("Persona"));
    tabs->addTab(createVoiceTab(), tr("Voice and lines"));
    tabs->addTab(createLlmTab(), tr("LLM"));
    tabs->addTab(createVtsTab(), tr("VTube Studio"));
    layout->addWidget(tabs);
    reload();
    fillVoices();
}

HostSettingsPage::~HostSettingsPage()
{
    m_testWriter.reset(); // before the client it reads through
}

QString HostSettingsPage::shippedPersonaJson()
{
    return readText(u":/sb/host/default-persona.json"_s);
}

QString HostSettingsPage::editedPersonaPath() const
{
    return QDir(m_settings->folder()).filePath(u"host-persona.json"_s);
}

QString HostSettingsPage::personaText(const QString& path) const
{
    return path.isEmpty() ? shippedPersonaJson() : readText(path);
}

QWidget* HostSettingsPage::createPersonaTab()
{
    auto* page = new QWidget;
    page->setObjectName(u"personaTab"_s);
    auto* layout = new QVBoxLayout(page);
    auto* row = new QHBoxLayout;
    m_personaPathEdit = new QLineEdit(page);
    m_personaPathEdit->setObjectName(u"personaPathEdit"_s);
    m_personaPathEdit->setPlaceholderText(tr("The persona the studio ships"));
    auto* load = new QPushButton(tr("Load"), page);
    load->setObjectName(u"personaLoadButton"_s);
    auto* browse = new QPushButton(tr("Browse…"), page);
    browse->setObjectName(u"personaBrowseButton"_s);
    auto* reset = new QPushButton(tr("Reset to the shipped persona"), page);
    reset->setObjectName(u"personaResetButton"_s);
    row->addWidget(new QLabel(tr("Character file:"), page));
    row->addWidget(m_personaPathEdit, 1);
    row->addWidget(load);
    row->addWidget(browse);
    layout->addLayout(row);
    m_personaEdit = new QPlainTextEdit(page);
    m_personaEdit->setObjectName(u"personaEdit"_s);
    m_personaEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_personaEdit, 1);
    m_personaStatusLabel = new QLabel(page);
    m_personaStatusLabel->setObjectName(u"personaStatusLabel"_s);
    m_personaStatusLabel->setWordWrap(true);
    auto* foot = new QHBoxLayout;
    foot->addWidget(m_personaStatusLabel, 1);
    foot->addWidget(reset);
    layout->addLayout(foot);

    connect(load, &QPushButton::clicked, this, &HostSettingsPage::loadPersonaFile);
    connect(m_personaPathEdit, &QLineEdit::returnPressed, this, &HostSettingsPage::loadPersonaFile);
    connect(browse, &QPushButton::clicked, this, &HostSettingsPage::browsePersona);
    connect(reset, &QPushButton::clicked, this, &HostSettingsPage::resetPersona);
    connect(m_personaEdit, &QPlainTextEdit::textChanged, this, &HostSettingsPage::personaEdited);
    return page;
}

QWidget* HostSettingsPage::createVoiceTab()
{
    auto* page = new QWidget;
    page->setObjectName(u"voiceTab"_s);
    auto* form = new QFormLayout(page);
    m_voiceCombo = new QComboBox(page);
    m_voiceCombo->setObjectName(u"voiceCombo"_s);
    m_voiceCombo->setEditable(true);
    form->addRow(tr("Voice (espeak-ng):"), m_voiceCombo);
    m_rateSpin = new QSpinBox(page);
    m_rateSpin->setObjectName(u"rateSpin"_s);
    m_rateSpin->setRange(80, 450);
    m_rateSpin->setSuffix(tr(" words/min"));
    form->addRow(tr("Rate:"), m_rateSpin);
    m_pitchSpin = new QSpinBox(page);
    m_pitchSpin->setObjectName(u"pitchSpin"_s);
    m_pitchSpin->setRange(0, 100);
    form->addRow(tr("Pitch:"), m_pitchSpin);
    m_lineGapSpin = new QSpinBox(page);
    m_lineGapSpin->setObjectName(u"lineGapSpin"_s);
    m_lineGapSpin->setRange(1, 60);
    m_lineGapSpin->setSuffix(tr(" s"));
    form->addRow(tr("At most one line every:"), m_lineGapSpin);
    m_blocklistEdit = new QPlainTextEdit(page);
    m_blocklistEdit->setObjectName(u"blocklistEdit"_s);
    m_blocklistEdit->setPlaceholderText(tr("One word or phrase a line"));
    form->addRow(tr("Words she never says:"), m_blocklistEdit);
    auto* note = new QLabel(tr("Also blocked always: links and phrases of prompt injection. Lines "
                               "are compared without case, accents or leetspeak."),
                            page);
    note->setWordWrap(true);
    form->addRow(QString(), note);

    // The music bed: looped under the show, ducked by ~10 dB while she speaks.
    auto* musicRow = new QHBoxLayout;
    m_musicEdit = new QLineEdit(page);
    m_musicEdit->setObjectName(u"musicEdit"_s);
    m_musicEdit->setPlaceholderText(tr("None"));
    auto* browseMusic = new QPushButton(tr("Browse…"), page);
    browseMusic->setObjectName(u"browseMusicButton"_s);
    musicRow->addWidget(m_musicEdit, 1);
    musicRow->addWidget(browseMusic);
    form->addRow(tr("Music bed:"), musicRow);
    m_musicLevelSpin = new QSpinBox(page);
    m_musicLevelSpin->setObjectName(u"musicLevelSpin"_s);
    m_musicLevelSpin->setRange(-40, 0);
    m_musicLevelSpin->setSuffix(tr(" dB"));
    form->addRow(tr("Music level:"), m_musicLevelSpin);
    auto* musicNote = new QLabel(tr("Any audio file FFmpeg reads, looped in the stream and the "
                                    "recording; it is 10 dB lower while she speaks."),
                                 page);
    musicNote->setWordWrap(true);
    form->addRow(QString(), musicNote);
    connect(browseMusic, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Music bed"), m_musicEdit->text(),
            tr("Audio files (*.mp3 *.ogg *.opus *.flac *.wav *.m4a *.aac);;All files (*)"));
        if (!path.isEmpty())
            m_musicEdit->setText(path);
    });
    connect(m_musicEdit, &QLineEdit::textChanged, this, &HostSettingsPage::edited);

    connect(m_voiceCombo, &QComboBox::currentTextChanged, this, &HostSettingsPage::edited);
    for (QSpinBox* spin : {m_rateSpin, m_pitchSpin, m_lineGapSpin, m_musicLevelSpin})
        connect(spin, &QSpinBox::valueChanged, this, &HostSettingsPage::edited);
    connect(m_blocklistEdit, &QPlainTextEdit::textChanged, this, &HostSettingsPage::edited);
    return page;
}

QWidget* HostSettingsPage::createLlmTab()
{
    auto* page = new QWidget;
    page->setObjectName(u"llmTab"_s);
    auto* form = new QFormLayout(page);
    auto* intro = new QLabel(tr("Optional. With an OpenAI-compatible server (llama.cpp, Ollama, a "
                                "hosted one) the host varies her lines; whenever its line is late, "
                                "unsafe or wrong, she says the template line. Leave the address "
                                "empty for template lines only."),
                             page);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_llmUrlEdit = new QLineEdit(page);
    m_llmUrlEdit->setObjectName(u"llmUrlEdit"_s);
    m_llmUrlEdit->setPlaceholderText(u"http://localhost:11434/v1"_s);
    form->addRow(tr("Base URL:"), m_llmUrlEdit);
    m_llmModelEdit = new QLineEdit(page);
    m_llmModelEdit->setObjectName(u"llmModelEdit"_s);
    m_llmModelEdit->setPlaceholderText(u"llama3.2:3b"_s);
    form->addRow(tr("Model:"), m_llmModelEdit);
    m_llmKeyEdit = new QLineEdit(page);
    m_llmKeyEdit->setObjectName(u"llmKeyEdit"_s);
    m_llmKeyEdit->setEchoMode(QLineEdit::Password);
    m_llmKeyEdit->setPlaceholderText(tr("Unchanged (kept in the keychain)"));
    form->addRow(tr("API key:"), m_llmKeyEdit);
    m_llmKeyLabel = new QLabel(page);
    m_llmKeyLabel->setObjectName(u"llmKeyLabel"_s);
    m_llmKeyLabel->setWordWrap(true);
    m_forgetKeyButton = new QPushButton(tr("Forget API key"), page);
    m_forgetKeyButton->setObjectName(u"forgetLlmKeyButton"_s);
    m_forgetKeyButton->setToolTip(tr("Removes the LLM's API key from the keychain now"));
    m_forgetKeyButton->setEnabled(m_settings->secretStore() != nullptr);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_llmKeyLabel, 1);
    keyRow->addWidget(m_forgetKeyButton);
    form->addRow(QString(), keyRow);
    m_llmFirstTokenSpin = new QSpinBox(page);
    m_llmFirstTokenSpin->setObjectName(u"llmFirstTokenSpin"_s);
    m_llmFirstTokenSpin->setRange(200, 10'000);
    m_llmFirstTokenSpin->setSingleStep(100);
    m_llmFirstTokenSpin->setSuffix(tr(" ms"));
    form->addRow(tr("First word within:"), m_llmFirstTokenSpin);
    m_llmTotalSpin = new QSpinBox(page);
    m_llmTotalSpin->setObjectName(u"llmTotalSpin"_s);
    m_llmTotalSpin->setRange(500, 30'000);
    m_llmTotalSpin->setSingleStep(500);
    m_llmTotalSpin->setSuffix(tr(" ms"));
    form->addRow(tr("Whole line within:"), m_llmTotalSpin);
    m_llmTestButton = new QPushButton(tr("Test"), page);
    m_llmTestButton->setObjectName(u"llmTestButton"_s);
    m_llmTestLabel = new QLabel(page);
    m_llmTestLabel->setObjectName(u"llmTestLabel"_s);
    m_llmTestLabel->setWordWrap(true);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_llmTestButton);
    testRow->addWidget(m_llmTestLabel, 1);
    form->addRow(testRow);

    for (QLineEdit* edit : {m_llmUrlEdit, m_llmModelEdit, m_llmKeyEdit})
        connect(edit, &QLineEdit::textChanged, this, &HostSettingsPage::edited);
    for (QSpinBox* spin : {m_llmFirstTokenSpin, m_llmTotalSpin})
        connect(spin, &QSpinBox::valueChanged, this, &HostSettingsPage::edited);
    connect(m_llmTestButton, &QPushButton::clicked, this, &HostSettingsPage::testLlm);
    connect(m_forgetKeyButton, &QPushButton::clicked, this, &HostSettingsPage::forgetApiKey);
    return page;
}

QWidget* HostSettingsPage::createVtsTab()
{
    auto* page = new QWidget;
    page->setObjectName(u"vtsTab"_s);
    auto* form = new QFormLayout(page);
    m_vtsEnableCheck = new QCheckBox(tr("Move my VTube Studio model with the host"), page);
    m_vtsEnableCheck->setObjectName(u"vtsEnableCheck"_s);
    form->addRow(m_vtsEnableCheck);
    m_vtsUrlEdit = new QLineEdit(page);
    m_vtsUrlEdit->setObjectName(u"vtsUrlEdit"_s);
    m_vtsUrlEdit->setPlaceholderText(u"ws://localhost:8001"_s);
    form->addRow(tr("VTube Studio API:"), m_vtsUrlEdit);
    m_vtsHotkeyTable = new QTableWidget(int(allHostMoods().size()), 2, page);
    m_vtsHotkeyTable->setObjectName(u"vtsHotkeyTable"_s);
    m_vtsHotkeyTable->setHorizontalHeaderLabels({tr("Mood"), tr("Hotkey ID")});
    m_vtsHotkeyTable->horizontalHeader()->setStretchLastSection(true);
    m_vtsHotkeyTable->verticalHeader()->hide();
    int row = 0;
    for (HostMood mood : allHostMoods()) {
        auto* name = new QTableWidgetItem(hostMoodDisplayName(mood));
        name->setData(Qt::UserRole, hostMoodName(mood));
        name->setFlags(Qt::ItemIsEnabled);
        m_vtsHotkeyTable->setItem(row, 0, name);
        m_vtsHotkeyTable->setItem(row, 1, new QTableWidgetItem);
        ++row;
    }
    form->addRow(tr("Hotkey per mood:"), m_vtsHotkeyTable);
    auto* note = new QLabel(tr("VTube Studio asks once to allow the plugin; its token is kept in "
                               "the keychain. The hotkey IDs are in VTube Studio's hotkey "
                               "settings; a mood left empty triggers nothing."),
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    m_forgetTokenButton = new QPushButton(tr("Forget token"), page);
    m_forgetTokenButton->setObjectName(u"forgetVtsTokenButton"_s);
    m_forgetTokenButton->setToolTip(
        tr("Removes VTube Studio's plugin token from the keychain now; VTube Studio then asks "
           "again to allow the plugin"));
    m_forgetTokenButton->setEnabled(m_settings->secretStore() != nullptr);
    m_vtsTokenLabel = new QLabel(page);
    m_vtsTokenLabel->setObjectName(u"vtsTokenLabel"_s);
    m_vtsTokenLabel->setWordWrap(true);
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_forgetTokenButton);
    tokenRow->addWidget(m_vtsTokenLabel, 1);
    form->addRow(tokenRow);

    connect(m_forgetTokenButton, &QPushButton::clicked, this, &HostSettingsPage::forgetVtsToken);
    connect(m_vtsEnableCheck, &QCheckBox::toggled, this, &HostSettingsPage::edited);
    connect(m_vtsUrlEdit, &QLineEdit::textChanged, this, &HostSettingsPage::edited);
    connect(m_vtsHotkeyTable, &QTableWidget::itemChanged, this, &HostSettingsPage::edited);
    return page;
}

void HostSettingsPage::reload()
{
    m_loading = true;
    m_loaded = m_settings->host();
    m_personaPathEdit->setText(m_loaded.personaFile);
    m_personaSourcePath = m_loaded.personaFile;
    m_personaSourceText = personaText(m_loaded.personaFile);
    m_personaEdit->setPlainText(m_personaSourceText);
    if (m_voiceCombo->findText(m_loaded.voice) < 0)
        m_voiceCombo->addItem(m_loaded.voice);
    m_voiceCombo->setCurrentText(m_loaded.voice);
    m_rateSpin->setValue(m_loaded.rateWpm);
    m_pitchSpin->setValue(m_loaded.pitch);
    m_lineGapSpin->setValue(m_loaded.lineGapSeconds);
    m_blocklistEdit->setPlainText(m_loaded.blockedWords.join(u'\n'));
    m_musicEdit->setText(m_loaded.musicFile);
    m_musicLevelSpin->setValue(m_loaded.musicLevelDb);
    m_llmUrlEdit->setText(m_loaded.llmBaseUrl);
    m_llmModelEdit->setText(m_loaded.llmModel);
    m_llmKeyEdit->clear();
    m_llmFirstTokenSpin->setValue(m_loaded.llmFirstTokenMs);
    m_llmTotalSpin->setValue(m_loaded.llmTotalMs);
    m_vtsEnableCheck->setChecked(m_loaded.vtsEnabled);
    m_vtsUrlEdit->setText(m_loaded.vtsUrl);
    for (int row = 0; row < m_vtsHotkeyTable->rowCount(); ++row) {
        const QString mood = m_vtsHotkeyTable->item(row, 0)->data(Qt::UserRole).toString();
        m_vtsHotkeyTable->item(row, 1)->setText(m_loaded.vtsMoodHotkeys.value(mood));
    }
    m_loading = false;
    personaEdited();
}

void HostSettingsPage::fillVoices()
{
    // espeak-ng reads its voice files: not on the GUI thread.
    QPointer<HostSettingsPage> page(this);
    QThreadPool::globalInstance()->start([page] {
        const QList<sb::integrations::tts::EspeakVoice> voices =
            sb::integrations::tts::EspeakSpeech::availableVoices();
        QMetaObject::invokeMethod(qApp, [page, voices] {
            if (!page)
                return;
            const bool loading = std::exchange(page->m_loading, true);
            const QString current = page->m_voiceCombo->currentText();
            for (const auto& voice : voices) {
                if (page->m_voiceCombo->findText(voice.voiceName) < 0)
                    page->m_voiceCombo->addItem(voice.voiceName, voice.displayName);
            }
            page->m_voiceCombo->setCurrentText(current);
            page->m_loading = loading;
        });
    });
}

void HostSettingsPage::edited()
{
    if (!m_loading)
        emit changed();
}

void HostSettingsPage::personaEdited()
{
    const auto persona = Persona::fromJson(m_personaEdit->toPlainText().toUtf8());
    m_personaError = persona.ok() ? QString() : tr("Persona: %1").arg(persona.error());
    m_personaStatusLabel->setText(persona.ok() ? tr("“%1” is ready.").arg(persona->name)
                                               : m_personaError);
    m_personaStatusLabel->setStyleSheet(persona.ok() ? QString() : u"color: #b00020"_s);
    edited();
}

void HostSettingsPage::loadPersonaFile()
{
    const QString path = m_personaPathEdit->text().trimmed();
    if (path.isEmpty())
        return resetPersona();
    QByteArray text;
    if (QString why; !sb::readRegularFile(path, Persona::kMaxFileBytes, &text, &why)) {
        m_personaError = tr("The persona file could not be read: %1").arg(why);
        m_personaStatusLabel->setText(m_personaError);
        m_personaStatusLabel->setStyleSheet(u"color: #b00020"_s);
        edited();
        return;
    }
    m_personaSourcePath = path;
    m_personaSourceText = QString::fromUtf8(text);
    m_personaEdit->setPlainText(m_personaSourceText);
}

void HostSettingsPage::browsePersona()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Host persona"), m_personaPathEdit->text(), tr("Character files (*.json)"));
    if (path.isEmpty())
        return;
    m_personaPathEdit->setText(path);
    loadPersonaFile();
}

void HostSettingsPage::resetPersona()
{
    m_personaPathEdit->clear();
    m_personaSourcePath.clear();
    m_personaSourceText = shippedPersonaJson();
    m_personaEdit->setPlainText(m_personaSourceText);
}

QStringList HostSettingsPage::validationErrors() const
{
    QStringList problems;
    if (!m_personaError.isEmpty())
        problems << m_personaError;
    return problems + HostSettings::validationErrors(settings());
}

HostSettings HostSettingsPage::settings() const
{
    HostSettings s = m_loaded;
    s.personaFile = m_personaEdit->toPlainText() == m_personaSourceText
                        ? m_personaSourcePath
                        : editedPersonaPath(); // edited here: written by apply()
    s.voice = m_voiceCombo->currentText().trimmed();
    s.rateWpm = m_rateSpin->value();
    s.pitch = m_pitchSpin->value();
    s.lineGapSeconds = m_lineGapSpin->value();
    s.blockedWords = lines(m_blocklistEdit);
    s.musicFile = m_musicEdit->text().trimmed();
    s.musicLevelDb = m_musicLevelSpin->value();
    s.llmBaseUrl = m_llmUrlEdit->text().trimmed();
    s.llmModel = m_llmModelEdit->text().trimmed();
    s.llmFirstTokenMs = m_llmFirstTokenSpin->value();
    s.llmTotalMs = m_llmTotalSpin->value();
    s.vtsEnabled = m_vtsEnableCheck->isChecked();
    s.vtsUrl = m_vtsUrlEdit->text().trimmed();
    s.vtsMoodHotkeys.clear();
    for (int row = 0; row < m_vtsHotkeyTable->rowCount(); ++row) {
        const QString hotkey = m_vtsHotkeyTable->item(row, 1)->text().trimmed();
        if (!hotkey.isEmpty())
            s.vtsMoodHotkeys.insert(m_vtsHotkeyTable->item(row, 0)->data(Qt::UserRole).toString(),
                                    hotkey);
    }
    return s;
}

bool HostSettingsPage::apply(QString* error)
{
    if (const QStringList problems = validationErrors(); !problems.isEmpty()) {
        if (error)
            *error = problems.join(u' ');
        return false;
    }
    HostSettings s = settings();
    if (!s.musicFile.isEmpty()) {
        // Said here, not found silent in the stream: the file must open and decode.
        QString why;
        if (!sb::render::AudioFileSource::openBed(s.musicFile, s.musicLevelDb, &why)) {
            if (error)
                *error = tr("The music bed %1 cannot be played: %2")
                             .arg(QDir::toNativeSeparators(s.musicFile), why);
            return false;
        }
    }
    const QString text = m_personaEdit->toPlainText();
    if (s.personaFile == editedPersonaPath() && text != m_personaSourceText) {
        QDir().mkpath(m_settings->folder());
        QSaveFile file(editedPersonaPath());
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            if (error)
                *error =
                    tr("The persona could not be written to %1: %2")
                        .arg(QDir::toNativeSeparators(editedPersonaPath()), file.errorString());
            return false;
        }
    }
    if (!m_settings->setHost(s, error))
        return false;
    m_personaSourcePath = s.personaFile;
    m_personaSourceText = text;
    const QString key = m_llmKeyEdit->text().trimmed();
    if (!key.isEmpty() && m_settings->secretStore()) {
        m_llmKeyLabel->setText(tr("Saving the API key in the keychain…"));
        m_settings->secretStore()->startWrite(
            QString::fromLatin1(HostSettings::kLlmApiKeyName), key, this,
            [this](const sb::integrations::SecretStore::Result& r) {
                m_llmKeyLabel->setText(r.ok() ? tr("The API key is in the keychain.")
                                              : tr("The API key was not saved: %1").arg(r.error));
                emit apiKeySaved(r.error);
            });
        m_llmKeyEdit->clear();
    }
    m_loaded = s;
    m_loading = true;
    m_personaPathEdit->setText(s.personaFile);
    m_loading = false;
    if (error)
        error->clear();
    return true;
}

void HostSettingsPage::testLlm()
{
    const HostSettings s = settings();
    llm::LlmSettings test;
    test.baseUrl = s.llmBaseUrl;
    test.model = s.llmModel;
    test.firstTokenDeadlineMs = s.llmFirstTokenMs;
    test.totalDeadlineMs = s.llmTotalMs;
    if (!test.configured()) {
        m_llmTestLabel->setText(tr("Set the base URL and the model first."));
        return;
    }
    m_llmTestButton->setEnabled(false);
    m_llmTestLabel->setText(tr("Asking the LLM…"));
    const auto run = [this, test](const QString& key) {
        llm::LlmSettings withKey = test;
        withKey.apiKey = key;
        if (!m_http)
            m_http = std::make_unique<sb::integrations::HttpClient>();
        m_testWriter = std::make_unique<llm::LineWriter>(m_http.get());
        m_testWriter->setSettings(withKey);
        connect(m_testWriter.get(), &llm::LineWriter::lineReady, this,
                [this](const QString& text, bool fromLlm, const QString& why) {
                    const QString result = fromLlm
                                               ? tr("The LLM said: “%1”").arg(text)
                                               : tr("The template line would be said: %1").arg(why);
                    m_llmTestLabel->setText(result);
                    m_llmTestButton->setEnabled(true);
                    emit llmTestFinished(result);
                });
        llm::LineRequest request;
        request.eventKind = u"first_bid"_s;
        request.amount = u"0.8 ETH"_s;
        request.bidder = u"vault_vera"_s;
        request.lotNumber = 1;
        request.fallbackLine = u"First bid: 0.8 ETH from vault_vera."_s;
        const auto typed = Persona::fromJson(m_personaEdit->toPlainText().toUtf8());
        const Persona persona = typed.ok() ? *typed : Persona::builtIn();
        request.personaSystem = persona.system;
        request.personaBio = persona.bio.join(u' ');
        m_testWriter->request(request);
    };
    const QString typed = m_llmKeyEdit->text().trimmed();
    if (!typed.isEmpty() || !m_settings->secretStore())
        return run(typed);
    m_settings->secretStore()->startRead(QString::fromLatin1(HostSettings::kLlmApiKeyName), this,
                                         [run](const sb::integrations::SecretStore::Result& r) {
                                             run(r.secret.value_or(QString()));
                                         });
}

void HostSettingsPage::forgetApiKey()
{
    if (!m_settings->secretStore())
        return;
    m_forgetKeyButton->setEnabled(false);
    m_llmKeyLabel->setText(tr("Removing the API key from the keychain…"));
    m_settings->secretStore()->startRemove(
        QString::fromLatin1(HostSettings::kLlmApiKeyName), this,
        [this](const sb::integrations::SecretStore::Result& r) {
            m_forgetKeyButton->setEnabled(true);
            m_llmKeyLabel->setText(
                r.ok() ? tr("The API key was removed from the keychain.")
                       : tr("The API key was not removed from the keychain: %1").arg(r.error));
            emit apiKeyForgotten(r.error);
        });
}

void HostSettingsPage::forgetVtsToken()
{
    if (!m_settings->secretStore())
        return;
    m_forgetTokenButton->setEnabled(false);
    m_vtsTokenLabel->setText(tr("Removing the plugin token from the keychain…"));
    m_settings->secretStore()->startRemove(
        QString::fromLatin1(sb::integrations::vtubestudio::KeychainTokenStore::kKey), this,
        [this](const sb::integrations::SecretStore::Result& r) {
            m_forgetTokenButton->setEnabled(true);
            m_vtsTokenLabel->setText(
                r.ok() ? tr("The plugin token was removed from the keychain; VTube Studio asks "
                            "to allow the plugin again when the studio next starts its bridge.")
                       : tr("The plugin token was not removed from the keychain: %1").arg(r.error));
            emit vtsTokenForgotten(r.error);
        });
}

} // namespace sb::app
