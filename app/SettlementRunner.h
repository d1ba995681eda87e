#pragma once
// Settlement on Shape for one marathon session, the same for the window and headless: puts
// Settings → Shape into the engine (SettlementOptions: on or off, each buyer's time to pay, the
// contract and chain the buyers are told to pay) and, when settlement is on and set up and the
// operator key is at hand, runs the chain driver (integrations/shape/SettlementDriver) with that
// key. Its status in words is for the Settlement dock and headless's stderr; never the key.

#include "Secp256k1Key.h"
#include "ShapeSettings.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace sb::auction {
class EngineThread;
}
namespace sb::integrations {
class HttpClient;
namespace shape {
class SettlementDriver;
}
} // namespace sb::integrations

namespace sb::app {

class SettlementRunner : public QObject
{
    Q_OBJECT

public:
    // `engine` must outlive this object.
    explicit SettlementRunner(sb::auction::EngineThread& engine, QObject* parent = nullptr);
    ~SettlementRunner() override;

    // Applies the settings: the engine's options at once (queued to its thread), and the driver
    // started with `key` when settlement is on and configured, stopped otherwise. Without a key
    // the driver does not run and the status says why.
    void apply(const sb::studio::ShapeSettings& settings,
               std::optional<sb::integrations::shape::Secp256k1Key> key);
    void stop();

    sb::integrations::shape::SettlementDriver* driver() const { return m_driver.get(); }
    // One line for the operator: what the driver is doing, or why it is not running.
    QString statusText() const { return m_status; }
    // Below this many wei the operator's balance is low: three reservations' worth of gas
    // (250,000 each, a reservation with its token URI) at the fee cap, or at 1 gwei without one.
    static std::uint64_t lowBalanceWei(const sb::studio::ShapeSettings& settings);

signals:
    void statusChanged(const QString& text);
    void problem(const QString& message);

private:
    void setStatus(const QString& text);
    void describeDriver();

    sb::auction::EngineThread& m_engine;
    std::unique_ptr<sb::integrations::HttpClient> m_http;
    std::unique_ptr<sb::integrations::shape::SettlementDriver> m_driver;
    sb::studio::ShapeSettings m_settings;
    QString m_status;
    bool m_warnedLowBalance = false;
};

} // namespace sb::app
