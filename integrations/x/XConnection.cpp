#include "XConnection.h"

#include "EngineThread.h"

namespace sb::integrations::x {

XConnection::XConnection(sb::auction::EngineThread& session, XSettings settings,
                         SecretStore* keychain, QObject* parent)
    : QObject(parent), m_session(session), m_settings(std::move(settings))
{
    if (!keychain) {
        m_ownKeychain = std::make_unique<SecretStore>();
        keychain = m_ownKeychain.get();
    }
    m_auth = std::make_unique<XAuth>(m_http, *keychain, m_settings.auth());
    connect(m_auth.get(), &XAuth::stateChanged, this, &XConnection::onAuthChanged);
    connect(m_auth.get(), &XAuth::signInFailed, this, &XConnection::problem);
}

XConnection::~XConnection()
{
    stop();
}

void XConnection::start()
{
    m_started = true;
    if (m_auth->state() == XAuth::State::Unknown)
        m_auth->load();
    else
        onAuthChanged();
}

void XConnection::stop()
{
    m_started = false;
    m_intake.reset(); // lets the engine stop waiting for its sources
    m_outbox.reset(); // what it was sending is sent again, with the same text, next time
    emit stateChanged();
}

void XConnection::onAuthChanged()
{
    const bool signedIn = m_auth->isSignedIn() && !m_auth->userId().isEmpty();
    if (signedIn && m_started && !m_intake) {
        XAuth* auth = m_auth.get();
        m_intake = std::make_unique<XIntake>(
            m_session, m_http, [auth] { return auth->accessToken(); },
            m_settings.intake(m_auth->userId()));
        connect(m_intake.get(), &XIntake::stateChanged, this, &XConnection::stateChanged);
        connect(m_intake.get(), &XIntake::problem, this, &XConnection::problem);
        // A refused token: a refresh may fix it; if not, XAuth asks to sign in again.
        connect(m_intake.get(), &XIntake::tokenRefused, m_auth.get(), &XAuth::refresh);
        m_intake->start();
        // The outbox fills while posting is on, also while a token is being refreshed.
        m_session.post([on = m_settings.posting](
                           sb::auction::MarathonSession& s) { return s.engine().setPosting(on); },
                       this,
                       [this](const sb::auction::ActionResult& r) {
                           if (!r.ok)
                               emit problem(r.error);
                       });
    } else if ((!signedIn || !m_started) && m_intake) {
        m_intake.reset();
    }
    if (signedIn && m_started && m_settings.posting && !m_outbox) {
        XAuth* auth = m_auth.get();
        m_outbox = std::make_unique<XOutbox>(
            m_session, m_http, [auth] { return auth->accessToken(); },
            m_settings.outbox(m_auth->userId(), m_auth->username()));
        connect(m_outbox.get(), &XOutbox::stateChanged, this, &XConnection::stateChanged);
        connect(m_outbox.get(), &XOutbox::problem, this, &XConnection::problem);
        connect(m_outbox.get(), &XOutbox::tokenRefused, m_auth.get(), &XAuth::refresh);
        m_outbox->start();
    } else if ((!signedIn || !m_started) && m_outbox) {
        m_outbox.reset();
    }
    emit stateChanged();
}

} // namespace sb::integrations::x
