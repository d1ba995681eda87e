#pragma once
// The "Host" page of the settings dialog: the host's persona (an ElizaOS character file, edited
// here and checked as it is typed — a file that cannot be used is named with the key at fault and
// keeps OK disabled, so the running show keeps its persona; "Reset" brings back the one the studio
// ships), her voice (espeak-ng voices, rate, pitch), the gap between lines, the operator's own
// blocked words, a music bed (a file that cannot be played is named by apply()), the optional
// LLM (base URL, model, deadlines, a test line; its API key goes to the keychain, never to
// studio.ini) and the optional VTube Studio bridge (address, on/off, a hotkey
// per mood). Nothing is written until apply(); the window then applies it to the running show.
// "Forget API key" and "Forget token" remove the LLM's key and VTube Studio's plugin token from the
// keychain at once, and say so.

#include "HostSettings.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace sb::integrations {
class HttpClient;
class SecretStore;
} // namespace sb::integrations
namespace sb::integrations::llm {
class LineWriter;
}

namespace sb::studio {
class StudioSettings;
}

namespace sb::app {

class HostSettingsPage : public QWidget
{
    Q_OBJECT

public:
    // Edits settings->host(); a persona edited here is written to host-persona.json in the
    // settings' folder. The dialog never owns `settings`.
    explicit HostSettingsPage(sb::studio::StudioSettings* settings, QWidget* parent = nullptr);
    ~HostSettingsPage() override;

    // Shows the settings as they are now, dropping edits not yet applied.
    void reload();
    // What keeps the page from being saved, one sentence each; empty when all is valid.
    QStringList validationErrors() const;
    // The settings as the page shows them (the persona file as it will be after apply()).
    sb::studio::HostSettings settings() const;
    // Writes the settings (and the persona file when it was edited); an API key typed in goes to
    // the keychain in the background (keyStatus() says how that went). False with a reason.
    [[nodiscard]] bool apply(QString* error = nullptr);

    // The persona file the page writes when the persona is edited here.
    QString editedPersonaPath() const;
    // The JSON of the persona the studio ships.
    static QString shippedPersonaJson();

signals:
    // The user changed something that apply() would write.
    void changed();
    // The keychain answered the API key's write: empty on success.
    void apiKeySaved(const QString& error);
    // The keychain answered "Forget API key" / "Forget token": empty on success.
    void apiKeyForgotten(const QString& error);
    void vtsTokenForgotten(const QString& error);
    // The LLM test ended: what it said, or why the template line would be used.
    void llmTestFinished(const QString& result);

private:
    QWidget* createPersonaTab();
    QWidget* createVoiceTab();
    QWidget* createLlmTab();
    QWidget* createVtsTab();
    void edited();
    void personaEdited();
    void loadPersonaFile();
    void browsePersona();
    void resetPersona();
    void testLlm();
    void forgetApiKey();
    void forgetVtsToken();
    void fillVoices();
    QString personaText(const QString& path) const;

    sb::studio::StudioSettings* m_settings;
    sb::studio::HostSettings m_loaded;
    // Where the editor's persona came from ("" for the shipped one) and its text then, to tell an
    // edit without reading the file again.
    QString m_personaSourcePath;
    QString m_personaSourceText;
    QString m_personaError; // why the persona as typed cannot be used
    bool m_loading = false;

    // Persona
    QLineEdit* m_personaPathEdit = nullptr;
    QPlainTextEdit* m_personaEdit = nullptr;
    QLabel* m_personaStatusLabel = nullptr;
    // Voice and lines
    QComboBox* m_voiceCombo = nullptr;
    QSpinBox* m_rateSpin = nullptr;
    QSpinBox* m_pitchSpin = nullptr;
    QSpinBox* m_lineGapSpin = nullptr;
    QPlainTextEdit* m_blocklistEdit = nullptr;
    QLineEdit* m_musicEdit = nullptr;
    QSpinBox* m_musicLevelSpin = nullptr;
    // LLM
    QLineEdit* m_llmUrlEdit = nullptr;
    QLineEdit* m_llmModelEdit = nullptr;
    QLineEdit* m_llmKeyEdit = nullptr;
    QSpinBox* m_llmFirstTokenSpin = nullptr;
    QSpinBox* m_llmTotalSpin = nullptr;
    QPushButton* m_llmTestButton = nullptr;
    QLabel* m_llmTestLabel = nullptr;
    QLabel* m_llmKeyLabel = nullptr;
    QPushButton* m_forgetKeyButton = nullptr;
    std::unique_ptr<sb::integrations::HttpClient> m_http;
    std::unique_ptr<sb::integrations::llm::LineWriter> m_testWriter;
    // VTube Studio
    QCheckBox* m_vtsEnableCheck = nullptr;
    QLineEdit* m_vtsUrlEdit = nullptr;
    QTableWidget* m_vtsHotkeyTable = nullptr;
    QPushButton* m_forgetTokenButton = nullptr;
    QLabel* m_vtsTokenLabel = nullptr;
};

} // namespace sb::app
