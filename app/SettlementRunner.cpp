#include "SettlementRunner.h"

#include "AuctionEngine.h"
#include "AuctionSnapshot.h"
#include "EngineThread.h"
#include "FeePlan.h"
#include "HttpClient.h"
#include "MarathonSession.h"
#include "SettlementDriver.h"
#include "ShapeRpc.h"

#include <QLoggingCategory>

#include <utility>

namespace sb::app {

Q_LOGGING_CATEGORY(lcSettlementRunner, "sb.app.settlement")

using sb::integrations::HttpClient;
using sb::integrations::shape::Address;
using sb::integrations::shape::Secp256k1Key;
using sb::integrations::shape::SettlementDriver;
using sb::integrations::shape::SettlementDriverOptions;
using sb::integrations::shape::ShapeRpc;
using sb::integrations::shape::U256;
using sb::studio::ShapeSettings;

SettlementRunner::SettlementRunner(sb::auction::EngineThread& engine, QObject* parent)
    : QObject(parent), m_engine(engine), m_http(std::make_unique<HttpClient>())
{
    m_status = tr("Settlement on Shape is off (Settings → Shape).");
}

SettlementRunner::~SettlementRunner()
{
    stop();
}

void SettlementRunner::stop()
{
    if (m_driver) {
        m_driver->stop();
        m_driver.reset();
    }
}

void SettlementRunner::setStatus(const QString& text)
{
    if (text == m_status)
        return;
    m_status = text;
    emit statusChanged(text);
}

void SettlementRunner::apply(const ShapeSettings& settings, std::optional<Secp256k1Key> key)
{
    m_settings = settings;
    // The engine's side first: whether winners settle on chain and what buyers are told.
    sb::auction::SettlementOptions options;
    options.enabled = settings.isConfigured();
    options.deadlineMs = std::int64_t(settings.deadlineHours) * 3600 * 1000;
    options.contractAddress = settings.contractAddress;
    options.chainId = settings.chainId();
    m_engine.post(
        [options](sb::auction::MarathonSession& session) {
            return session.engine().setSettlementOptions(options);
        },
        this,
        [this](const sb::auction::ActionResult& r) {
            if (!r.ok) {
                qCWarning(lcSettlementRunner) << "settlement options refused:" << r.error;
                emit problem(r.error);
            }
        });

    stop();
    if (!settings.settlementEnabled) {
        setStatus(tr("Settlement on Shape is off (Settings → Shape)."));
        return;
    }
    if (!settings.isConfigured()) {
        setStatus(tr("Settlement on Shape is on but not set up: it needs the RPC, the contract's "
                     "address and an operator key (Settings → Shape)."));
        return;
    }
    if (!key) {
        setStatus(tr("Settlement on Shape waits for the operator key: it is not in the keychain "
                     "(Settings → Shape, or sothebais-studio wallet import)."));
        return;
    }
    if (key->address().toChecksummed() != settings.operatorAddress)
        emit problem(tr("The keychain's operator key (%1) is not the address in the settings "
                        "(%2); the keychain's is used.")
                         .arg(key->address().toChecksummed(), settings.operatorAddress));

    SettlementDriverOptions driverOptions;
    driverOptions.rpcUrl = settings.effectiveRpcUrl();
    driverOptions.chainId = settings.chainId();
    driverOptions.contract = Address::fromString(settings.contractAddress).value();
    if (const auto wei = settings.maxFeeWei())
        driverOptions.caps.maxFeePerGas = U256::fromUint64(*wei);
    driverOptions.firstBlock = settings.contractBlock;
    m_driver =
        std::make_unique<SettlementDriver>(m_engine, *m_http, std::move(*key), driverOptions);
    connect(m_driver.get(), &SettlementDriver::statusChanged, this,
            &SettlementRunner::describeDriver);
    connect(m_driver.get(), &SettlementDriver::problem, this, &SettlementRunner::problem);
    m_driver->start();
    describeDriver();
}

std::uint64_t SettlementRunner::lowBalanceWei(const ShapeSettings& settings)
{
    constexpr std::uint64_t kReservationGas = 250'000;
    return 3 * kReservationGas * settings.maxFeeWei().value_or(1'000'000'000ULL);
}

void SettlementRunner::describeDriver()
{
    if (!m_driver)
        return;
    const SettlementDriver::Status& s = m_driver->status();
    const QString from = sb::studio::formatShortAddress(s.operatorAddress.toChecksummed());
    QString text;
    QString lowWarning;
    switch (s.state) {
    case SettlementDriver::State::Stopped:
        text = tr("The chain driver is stopped.");
        break;
    case SettlementDriver::State::Connecting:
        text = tr("Connecting to %1 (chain %2)…")
                   .arg(ShapeRpc::displayUrl(m_settings.effectiveRpcUrl()))
                   .arg(m_settings.chainId());
        break;
    case SettlementDriver::State::Running:
        text = tr("Settling on chain %1 from %2").arg(m_settings.chainId()).arg(from);
        if (s.balanceWei) {
            text += tr(" (balance %1)").arg(sb::integrations::shape::formatEth(*s.balanceWei));
            // Said before a day ends, while there is time to top it up.
            const U256 low = U256::fromUint64(lowBalanceWei(m_settings));
            if (*s.balanceWei < low) {
                const QString warning =
                    tr("The operator's balance is low (%1): keep at least %3 on %2 so the next "
                       "reservations can pay for their gas.")
                        .arg(sb::integrations::shape::formatEth(*s.balanceWei),
                             s.operatorAddress.toChecksummed(),
                             sb::integrations::shape::formatEth(low));
                if (!std::exchange(m_warnedLowBalance, true))
                    emit problem(warning);
                lowWarning = warning;
            } else {
                m_warnedLowBalance = false;
            }
        }
        if (s.head)
            text += tr(", block %1").arg(*s.head);
        if (s.watching > 0)
            text += tr(", watching %n transaction(s)", nullptr, s.watching);
        text += u'.';
        if (!lowWarning.isEmpty())
            text += u' ' + lowWarning;
        break;
    case SettlementDriver::State::WrongChain:
        text = tr("Stopped: the RPC is not on chain %1. Nothing is signed or sent.")
                   .arg(m_settings.chainId());
        break;
    case SettlementDriver::State::Unreachable:
        // The address as far as its port: a hosted RPC's key is in its path or query.
        text = tr("The RPC %1 does not answer; trying again.")
                   .arg(ShapeRpc::displayUrl(m_settings.effectiveRpcUrl()));
        break;
    }
    if (!s.message.isEmpty() && s.state != SettlementDriver::State::Running)
        text += u' ' + s.message;
    setStatus(text);
}

} // namespace sb::app
