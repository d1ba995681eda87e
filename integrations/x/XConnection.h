#pragma once
// X as the studio uses it, the same for the window and headless: the signed-in account (XAuth,
// tokens in the keychain) and, while signed in, the intake that turns the replies to the running
// auction's post into bids on this marathon session, and the outbox's sender, which posts what
// the marathon has to say. The X dock and `x status` read its state.

#include "XAuth.h"
#include "XIntake.h"
#include "XOutbox.h"
#include "XSettings.h"

#include <QObject>

#include <memory>

namespace sb::auction {
class EngineThread;
}

namespace sb::integrations::x {

class XConnection : public QObject
{
    Q_OBJECT

public:
    // `keychain` may be shared with the rest of the studio; without one, the connection has its
    // own on the studio's service name.
    XConnection(sb::auction::EngineThread& session, XSettings settings,
                SecretStore* keychain = nullptr, QObject* parent = nullptr);
    ~XConnection() override;

    // Reads the keychain; once signed in, the intake starts.
    void start();
    void stop();

    XAuth& auth() { return *m_auth; }
    // While signed in (else null).
    XIntake* intake() { return m_intake.get(); }
    // While signed in with posting on (else null).
    XOutbox* outbox() { return m_outbox.get(); }
    const XSettings& settings() const { return m_settings; }
    HttpClient& http() { return m_http; }

signals:
    void stateChanged(); // sign-in state, or the intake's sources
    void problem(const QString& message);

private:
    void onAuthChanged();

    sb::auction::EngineThread& m_session;
    XSettings m_settings;
    HttpClient m_http;
    std::unique_ptr<SecretStore> m_ownKeychain;
    std::unique_ptr<XAuth> m_auth;
    std::unique_ptr<XIntake> m_intake;
    std::unique_ptr<XOutbox> m_outbox;
    bool m_started = false;
};

} // namespace sb::integrations::x
