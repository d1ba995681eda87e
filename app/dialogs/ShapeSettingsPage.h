#pragma once
// The "Shape" page of the settings dialog: settlement on Shape as ShapeSettings holds it — the
// network (Shape mainnet 360, Shape Sepolia 11011, or a custom RPC with its chain id), the RPC
// URL, the auction house's address (EIP-55 checked), each buyer's time to pay, the fee cap, and
// settlement on or off — and the operator key: generated or imported straight into the OS
// keychain (OperatorKey; the key never passes through the settings), its address shown, and its
// balance when the RPC answers. Settings are written on apply(); the key at once.

#include "ShapeSettings.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sb::integrations {
class HttpClient;
class SecretStore;
namespace shape {
class OperatorKey;
class ShapeRpc;
} // namespace shape
} // namespace sb::integrations

namespace sb::studio {
class StudioSettings;
}

namespace sb::app {

class ShapeSettingsPage : public QWidget
{
    Q_OBJECT

public:
    // Asks the user a yes/no question (tests answer it themselves).
    using QuestionHook = std::function<bool(const QString& question)>;
    // Asks the user for a private key to import; nullopt when they cancel.
    using KeyPrompt = std::function<std::optional<QString>()>;

    // Edits settings->shape(); the operator key goes through `secrets` (the settings' store when
    // null).
    explicit ShapeSettingsPage(sb::studio::StudioSettings* settings,
                               sb::integrations::SecretStore* secrets = nullptr,
                               QWidget* parent = nullptr);
    ~ShapeSettingsPage() override;

    void setQuestionHook(QuestionHook hook) { m_askUser = std::move(hook); }
    void setKeyPrompt(KeyPrompt prompt) { m_promptKey = std::move(prompt); }

    // Shows the settings as they are now, and asks the keychain for the key's address.
    void reload();
    QStringList validationErrors() const;
    sb::studio::ShapeSettings settings() const;
    // Writes the page into the settings (StudioSettings::setShape; the dialog saves the file).
    [[nodiscard]] bool apply(QString* error = nullptr);

    // Starts the keychain calls of the buttons (for tests; the buttons call these).
    void generateKey();
    void importKey();
    // Asks the RPC for the operator's balance; the label says what came back.
    void checkBalance();

    QComboBox* networkCombo() const { return m_network; }
    QLineEdit* rpcUrlEdit() const { return m_rpcUrl; }
    QLineEdit* chainIdEdit() const { return m_chainId; }
    QLineEdit* contractEdit() const { return m_contract; }
    QLineEdit* contractBlockEdit() const { return m_contractBlock; }
    QLabel* contractStatusLabel() const { return m_contractStatus; }
    QLabel* operatorAddressLabel() const { return m_operatorAddress; }
    QLabel* keyStatusLabel() const { return m_keyStatus; }
    QLabel* balanceLabel() const { return m_balance; }
    QPushButton* generateButton() const { return m_generate; }
    QPushButton* importButton() const { return m_import; }
    QSpinBox* deadlineSpin() const { return m_deadline; }
    QLineEdit* feeCapEdit() const { return m_feeCap; }
    QCheckBox* settlementCheck() const { return m_enabled; }

signals:
    void changed();
    // A keychain call of the page finished (the labels say how).
    void keyChanged();
    void balanceChecked();

private:
    void edited();
    void networkChanged();
    void showAddress(const QString& address);
    void keyProblem(const QString& message);
    void startStoring(bool generate, const QString& text, bool replace);

    sb::studio::StudioSettings* m_settings = nullptr;
    std::unique_ptr<sb::integrations::shape::OperatorKey> m_key;
    std::unique_ptr<sb::integrations::HttpClient> m_http;
    std::unique_ptr<sb::integrations::shape::ShapeRpc> m_rpc;
    QString m_address; // the operator key's, as the keychain last said
    bool m_loading = false;
    QuestionHook m_askUser;
    KeyPrompt m_promptKey;

    QComboBox* m_network = nullptr;
    QLineEdit* m_rpcUrl = nullptr;
    QLineEdit* m_chainId = nullptr;
    QLineEdit* m_contract = nullptr;
    QLineEdit* m_contractBlock = nullptr;
    QLabel* m_contractStatus = nullptr;
    QLabel* m_operatorAddress = nullptr;
    QLabel* m_keyStatus = nullptr;
    QLabel* m_balance = nullptr;
    QPushButton* m_generate = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_checkBalance = nullptr;
    QSpinBox* m_deadline = nullptr;
    QLineEdit* m_feeCap = nullptr;
    QCheckBox* m_enabled = nullptr;
};

} // namespace sb::app
