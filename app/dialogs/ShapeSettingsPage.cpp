#include "ShapeSettingsPage.h"

#include "FeePlan.h"
#include "HttpClient.h"
#include "OperatorKey.h"
#include "SecretStore.h"
#include "ShapeRpc.h"
#include "StudioSettings.h"
#include "WalletAddress.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::app {

using sb::integrations::HttpClient;
using sb::integrations::SecretStore;
using sb::integrations::shape::Address;
using sb::integrations::shape::OperatorKey;
using sb::integrations::shape::ShapeRpc;
using sb::studio::ShapeSettings;

namespace {

QString networkLabel(ShapeSettings::Network network)
{
    switch (network) {
    case ShapeSettings::Network::Mainnet:
        return ShapeSettingsPage::tr("Shape mainnet (chain 360)");
    case ShapeSettings::Network::Sepolia:
        return ShapeSettingsPage::tr("Shape Sepolia testnet (chain 11011)");
    case ShapeSettings::Network::Custom:
        return ShapeSettingsPage::tr("Custom RPC");
    }
    return QString();
}

} // namespace

ShapeSettingsPage::ShapeSettingsPage(sb::studio::StudioSettings* settings, SecretStore* secrets,
                                     QWidget* parent)
    : QWidget(parent), m_settings(settings),
      m_key(std::make_unique<OperatorKey>(secrets ? *secrets : *settings->secretStore())),
      m_http(std::make_unique<HttpClient>())
{
    setObjectName(QStringLiteral("ShapeSettingsPage"));

    m_network = new QComboBox;
    m_network->setObjectName(QStringLiteral("networkCombo"));
    for (auto network : {ShapeSettings::Network::Mainnet, ShapeSettings::Network::Sepolia,
                         ShapeSettings::Network::Custom})
        m_network->addItem(networkLabel(network), int(network));
    m_rpcUrl = new QLineEdit;
    m_rpcUrl->setObjectName(QStringLiteral("rpcUrlEdit"));
    m_chainId = new QLineEdit;
    m_chainId->setObjectName(QStringLiteral("chainIdEdit"));
    m_contract = new QLineEdit;
    m_contract->setObjectName(QStringLiteral("contractEdit"));
    m_contract->setPlaceholderText(tr("0x… (sothebais-studio shape deploy prints it)"));
    m_contractBlock = new QLineEdit;
    m_contractBlock->setObjectName(QStringLiteral("contractBlockEdit"));
    m_contractBlock->setPlaceholderText(tr("0 (the block shape deploy printed)"));
    m_contractStatus = new QLabel;
    m_contractStatus->setObjectName(QStringLiteral("contractStatusLabel"));
    m_contractStatus->setWordWrap(true);

    auto* chain = new QGroupBox(tr("Chain"));
    auto* chainForm = new QFormLayout(chain);
    chainForm->addRow(tr("Network:"), m_network);
    chainForm->addRow(tr("RPC URL:"), m_rpcUrl);
    chainForm->addRow(tr("Chain id:"), m_chainId);
    chainForm->addRow(tr("Auction house contract:"), m_contract);
    chainForm->addRow(QString(), m_contractStatus);
    chainForm->addRow(tr("Deployed in block:"), m_contractBlock);

    m_operatorAddress = new QLabel(tr("none"));
    m_operatorAddress->setObjectName(QStringLiteral("operatorAddressLabel"));
    m_operatorAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyStatus = new QLabel;
    m_keyStatus->setObjectName(QStringLiteral("keyStatusLabel"));
    m_keyStatus->setWordWrap(true);
    m_balance = new QLabel;
    m_balance->setObjectName(QStringLiteral("balanceLabel"));
    m_generate = new QPushButton(tr("Generate new key"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_import = new QPushButton(tr("Import key…"));
    m_import->setObjectName(QStringLiteral("importButton"));
    m_checkBalance = new QPushButton(tr("Check balance"));
    m_checkBalance->setObjectName(QStringLiteral("checkBalanceButton"));
    auto* keyButtons = new QHBoxLayout;
    keyButtons->addWidget(m_generate);
    keyButtons->addWidget(m_import);
    keyButtons->addWidget(m_checkBalance);
    keyButtons->addStretch(1);
    auto* key = new QGroupBox(tr("Operator key"));
    auto* keyForm = new QFormLayout(key);
    auto* keyNote = new QLabel(
        tr("The studio's hot key: it reserves, reassigns and cancels, and pays their gas. It is "
           "kept only in the system keychain; keep little ETH on it. The proceeds go to the "
           "contract's owner (the treasury), never to this key."));
    keyNote->setWordWrap(true);
    keyForm->addRow(keyNote);
    keyForm->addRow(tr("Address:"), m_operatorAddress);
    keyForm->addRow(tr("Balance:"), m_balance);
    keyForm->addRow(keyButtons);
    keyForm->addRow(m_keyStatus);

    m_deadline = new QSpinBox;
    m_deadline->setObjectName(QStringLiteral("deadlineSpin"));
    m_deadline->setRange(1, 24 * 14);
    m_deadline->setSuffix(tr(" h"));
    m_feeCap = new QLineEdit;
    m_feeCap->setObjectName(QStringLiteral("feeCapEdit"));
    m_feeCap->setPlaceholderText(tr("no cap"));
    m_enabled = new QCheckBox(tr("Settle each winner on Shape (reserve, payment, mint)"));
    m_enabled->setObjectName(QStringLiteral("settlementCheck"));
    auto* settlement = new QGroupBox(tr("Settlement"));
    auto* settlementForm = new QFormLayout(settlement);
    settlementForm->addRow(m_enabled);
    settlementForm->addRow(tr("Time to pay:"), m_deadline);
    settlementForm->addRow(tr("Fee cap (gwei per gas):"), m_feeCap);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chain);
    layout->addWidget(key);
    layout->addWidget(settlement);
    layout->addStretch(1);

    connect(m_network, &QComboBox::currentIndexChanged, this, &ShapeSettingsPage::networkChanged);
    for (QLineEdit* edit : {m_rpcUrl, m_chainId, m_contract, m_contractBlock, m_feeCap})
        connect(edit, &QLineEdit::textChanged, this, &ShapeSettingsPage::edited);
    connect(m_deadline, &QSpinBox::valueChanged, this, &ShapeSettingsPage::edited);
    connect(m_enabled, &QCheckBox::toggled, this, &ShapeSettingsPage::edited);
    connect(m_generate, &QPushButton::clicked, this, &ShapeSettingsPage::generateKey);
    connect(m_import, &QPushButton::clicked, this, &ShapeSettingsPage::importKey);
    connect(m_checkBalance, &QPushButton::clicked, this, &ShapeSettingsPage::checkBalance);

    m_askUser = [this](const QString& question) {
        return QMessageBox::question(this, tr("Operator key"), question) == QMessageBox::Yes;
    };
    m_promptKey = [this]() -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(
            this, tr("Import operator key"),
            tr("Private key (64 hex digits, with or without 0x). It goes to the keychain only."),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return text;
    };
    reload();
}

ShapeSettingsPage::~ShapeSettingsPage() = default;

void ShapeSettingsPage::reload()
{
    m_loading = true;
    const ShapeSettings s = m_settings->shape();
    m_network->setCurrentIndex(m_network->findData(int(s.network)));
    m_rpcUrl->setText(s.rpcUrl);
    m_chainId->setText(s.customChainId ? QString::number(s.customChainId) : QString());
    m_contract->setText(s.contractAddress);
    m_contractBlock->setText(s.contractBlock ? QString::number(s.contractBlock) : QString());
    m_deadline->setValue(s.deadlineHours);
    m_feeCap->setText(s.maxFeeGwei);
    m_enabled->setChecked(s.settlementEnabled);
    m_address = s.operatorAddress;
    m_operatorAddress->setText(m_address.isEmpty() ? tr("none") : m_address);
    m_loading = false;
    networkChanged();
    // The keychain is the truth about the key; the address in the settings only a copy.
    m_key->startAddress(this, [this](const auto& result) {
        if (!result) {
            keyProblem(result.error());
            return;
        }
        const QString address = result->has_value() ? (*result)->toChecksummed() : QString();
        if (address != m_address) {
            showAddress(address);
            edited();
        }
        m_keyStatus->setText(address.isEmpty()
                                 ? tr("No operator key yet: generate one or import one.")
                                 : tr("The key is in the keychain."));
        emit keyChanged();
        if (!address.isEmpty())
            checkBalance();
    });
}

void ShapeSettingsPage::networkChanged()
{
    const auto network = ShapeSettings::Network(m_network->currentData().toInt());
    const bool custom = network == ShapeSettings::Network::Custom;
    m_chainId->setEnabled(custom);
    m_rpcUrl->setPlaceholderText(custom ? tr("http://127.0.0.1:8545")
                                        : ShapeSettings::defaultRpcUrl(network));
    if (!custom)
        m_chainId->setPlaceholderText(QString::number(network == ShapeSettings::Network::Mainnet
                                                          ? ShapeSettings::kMainnetChainId
                                                          : ShapeSettings::kSepoliaChainId));
    edited();
}

void ShapeSettingsPage::edited()
{
    if (m_loading)
        return;
    const QString contract = m_contract->text().trimmed();
    if (contract.isEmpty()) {
        m_contractStatus->setText(tr("Not deployed yet: sothebais-studio shape deploy."));
    } else {
        QString why;
        const auto checked = sb::auction::WalletAddress::checksummed(contract, &why);
        m_contractStatus->setText(checked ? tr("Checksum OK.") : why);
    }
    emit changed();
}

ShapeSettings ShapeSettingsPage::settings() const
{
    ShapeSettings s = m_settings->shape();
    s.network = ShapeSettings::Network(m_network->currentData().toInt());
    s.rpcUrl = m_rpcUrl->text().trimmed();
    s.customChainId =
        s.network == ShapeSettings::Network::Custom ? m_chainId->text().trimmed().toULongLong() : 0;
    const QString contract = m_contract->text().trimmed();
    s.contractAddress = sb::auction::WalletAddress::checksummed(contract).value_or(contract);
    s.contractBlock = m_contractBlock->text().trimmed().toULongLong();
    s.operatorAddress = m_address;
    s.deadlineHours = m_deadline->value();
    s.maxFeeGwei = m_feeCap->text().trimmed();
    s.settlementEnabled = m_enabled->isChecked();
    return s;
}

QStringList ShapeSettingsPage::validationErrors() const
{
    QStringList problems;
    if (m_network->currentData().toInt() == int(ShapeSettings::Network::Custom) &&
        !m_chainId->text().trimmed().isEmpty()) {
        bool ok = false;
        m_chainId->text().trimmed().toULongLong(&ok);
        if (!ok)
            problems << tr("The chain id is a whole number.");
    }
    if (const QString block = m_contractBlock->text().trimmed(); !block.isEmpty()) {
        bool ok = false;
        block.toULongLong(&ok);
        if (!ok)
            problems << tr("The deployment block is a whole number.");
    }
    problems << ShapeSettings::validationErrors(settings());
    const ShapeSettings s = settings();
    if (s.settlementEnabled && (s.contractAddress.isEmpty() || s.operatorAddress.isEmpty()))
        problems << tr("Settlement needs the contract's address and an operator key.");
    return problems;
}

bool ShapeSettingsPage::apply(QString* error)
{
    if (const QStringList problems = validationErrors(); !problems.isEmpty()) {
        if (error)
            *error = problems.join(u' ');
        return false;
    }
    return m_settings->setShape(settings(), error);
}

void ShapeSettingsPage::showAddress(const QString& address)
{
    m_address = address;
    m_operatorAddress->setText(address.isEmpty() ? tr("none") : address);
    m_balance->clear();
}

void ShapeSettingsPage::keyProblem(const QString& message)
{
    m_keyStatus->setText(message);
    m_generate->setEnabled(true);
    m_import->setEnabled(true);
    emit keyChanged();
}

void ShapeSettingsPage::startStoring(bool generate, const QString& text, bool replace)
{
    m_generate->setEnabled(false);
    m_import->setEnabled(false);
    m_keyStatus->setText(tr("Writing to the keychain…"));
    auto done = [this, generate, text](const auto& result) {
        if (!result) {
            const bool exists = result.error().contains(QStringLiteral("already"));
            if (exists && m_askUser(tr("An operator key is already in the keychain. Replace it? "
                                       "The old key, and whatever its address holds, is lost "
                                       "unless you kept a copy."))) {
                startStoring(generate, text, true);
                return;
            }
            keyProblem(exists ? tr("Kept the key that was there.") : result.error());
            return;
        }
        showAddress((*result)->toChecksummed());
        m_keyStatus->setText(generate ? tr("A new key was made and put in the keychain. Send "
                                           "its address a little ETH for gas.")
                                      : tr("The key was imported into the keychain."));
        m_generate->setEnabled(true);
        m_import->setEnabled(true);
        edited();
        emit keyChanged();
        checkBalance();
    };
    if (generate)
        m_key->startGenerate(replace, this, done);
    else
        m_key->startImport(text, replace, this, done);
}

void ShapeSettingsPage::generateKey()
{
    startStoring(true, QString(), false);
}

void ShapeSettingsPage::importKey()
{
    std::optional<QString> text = m_promptKey();
    if (!text)
        return;
    // Refused here, before the keychain, with the reason (never the text).
    if (const auto hex = OperatorKey::normalizedHex(*text); !hex) {
        sb::integrations::shape::wipeSecretText(*text);
        keyProblem(hex.error());
        return;
    }
    startStoring(false, *text, false);
    sb::integrations::shape::wipeSecretText(*text);
}

void ShapeSettingsPage::checkBalance()
{
    const ShapeSettings s = settings();
    const auto address = Address::fromString(m_address);
    if (m_address.isEmpty() || !address || s.effectiveRpcUrl().isEmpty()) {
        m_balance->setText(m_address.isEmpty() ? QString() : tr("no RPC to ask"));
        emit balanceChecked();
        return;
    }
    m_balance->setText(tr("asking %1…").arg(ShapeRpc::displayUrl(s.effectiveRpcUrl())));
    m_rpc = std::make_unique<ShapeRpc>(m_http.get(), s.effectiveRpcUrl());
    m_rpc->setTimeoutMs(10'000);
    ShapeRpc* rpc = m_rpc.get();
    rpc->balance(*address, [this, rpc](const auto& result) {
        if (m_rpc.get() != rpc)
            return; // a later check replaced this one
        m_balance->setText(result ? sb::integrations::shape::formatEth(*result)
                                  : tr("unknown (%1)").arg(result.error().sentence()));
        emit balanceChecked();
    });
}

} // namespace sb::app
