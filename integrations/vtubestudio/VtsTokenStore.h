#pragma once
// Where the bridge keeps its VTube Studio plugin token between sessions. The studio uses the OS
// keychain (KeychainTokenStore); a test may use a store in memory. Calls are asynchronous like
// SecretStore's: each returns at once and `done` runs later on `context`'s thread.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace sb::integrations {
class SecretStore;
}

namespace sb::integrations::vtubestudio {

class VtsTokenStore
{
public:
    // token: what was stored (nullopt: none, or the store failed); error: why it failed, a
    // sentence a user can read, empty on success. Never contains the token.
    using LoadDone = std::function<void(std::optional<QString> token, QString error)>;
    using Done = std::function<void(QString error)>;

    virtual ~VtsTokenStore() = default;
    virtual void startLoad(QObject* context, LoadDone done) = 0;
    virtual void startSave(const QString& token, QObject* context, Done done) = 0;
    virtual void startForget(QObject* context, Done done) = 0;
};

// The token in the OS keychain, under kKey of the studio's service name.
class KeychainTokenStore final : public VtsTokenStore
{
public:
    static constexpr auto kKey = "vtubestudio/plugin-token";

    explicit KeychainTokenStore(SecretStore& secrets) : m_secrets(secrets) {}

    void startLoad(QObject* context, LoadDone done) override;
    void startSave(const QString& token, QObject* context, Done done) override;
    void startForget(QObject* context, Done done) override;

private:
    SecretStore& m_secrets;
};

} // namespace sb::integrations::vtubestudio
