#pragma once
// Signing in to X as a public "Native App" client: OAuth 2.0 Authorization Code with PKCE
// (S256). The browser is sent to X's authorize URL; a one-shot listener on
// http://127.0.0.1:<port>/callback (the fixed port X's app settings name) takes the code, checks
// `state`, and exchanges it at once (X allows 30 s). On a server whose browser cannot reach that
// listener, the URL the browser was sent to is pasted back instead (completeSignIn).
// The tokens live only in the OS keychain, as one entry. Access tokens last 2 h and are refreshed
// ahead of expiry; refresh tokens are single use, so the new pair is written to the keychain
// before the new access token is used: a crash between the two never leaves a dead token. A
// refused refresh asks the user to sign in again and stops nothing else.

#include "HttpClient.h"
#include "SecretStore.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class QTcpServer;

namespace sb::integrations::x {

struct XAuthSettings
{
    QString clientId; // the app's OAuth 2.0 client id (public: no secret ships in the app)
    int callbackPort = 8723;
    QString authorizeUrl = QStringLiteral("https://x.com/i/oauth2/authorize");
    QString apiBaseUrl = QStringLiteral("https://api.x.com"); // token, revoke, users/me
    std::int64_t refreshAheadMs = 10 * 60'000; // refresh this long before the token expires

    QString redirectUri() const
    {
        return QStringLiteral("http://127.0.0.1:%1/callback").arg(callbackPort);
    }
};

// What the keychain holds for the signed-in account.
struct XTokens
{
    QString accessToken;
    QString refreshToken;
    std::int64_t expiresAtUtcMs = 0;
    QString userId;
    QString username;

    QString toJson() const;
    static std::optional<XTokens> fromJson(const QString& json);
};

class XAuth : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unknown, // the keychain has not answered yet
        SignedOut,
        SigningIn, // waiting for the browser's redirect, or for X's token endpoint
        SignedIn,
    };
    Q_ENUM(State)

    // The keychain entry the tokens are kept under.
    static constexpr QLatin1StringView kKeychainKey{"x-oauth-tokens"};
    static const QString kScopes; // tweet.read tweet.write users.read offline.access

    XAuth(HttpClient& http, SecretStore& keychain, XAuthSettings settings,
          QObject* parent = nullptr);
    ~XAuth() override;

    // Reads the keychain; stateChanged() when it answered.
    void load();

    // Starts a sign-in: a fresh verifier and state, the authorize URL (to open in the browser),
    // and, unless listen is false, the one-shot listener on the callback port. Empty with
    // *error when the port cannot be taken.
    QString beginSignIn(QString* error, bool listen = true);
    // The redirect the browser was sent to ("http://127.0.0.1:8723/callback?code=…&state=…"),
    // pasted back by the user. The answer comes as stateChanged() / signInFailed().
    void completeSignIn(const QString& redirectedUrl);
    // Revokes the token at X and removes it from the keychain.
    void signOut();

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // The access token to send now (empty while signed out).
    QString accessToken() const { return m_tokens ? m_tokens->accessToken : QString(); }
    QString username() const { return m_tokens ? m_tokens->username : QString(); }
    QString userId() const { return m_tokens ? m_tokens->userId : QString(); }
    std::int64_t expiresAtUtcMs() const { return m_tokens ? m_tokens->expiresAtUtcMs : 0; }
    // Why the user must sign in (again), empty otherwise.
    QString signInNeeded() const { return m_signInNeeded; }
    const XAuthSettings& settings() const { return m_settings; }

    // Refreshes now (normally a timer does it ahead of expiry). Public for tests and for the
    // intake, which calls it when X refuses the token.
    void refresh();

    // S256 PKCE: base64url(SHA-256(verifier)), no padding (RFC 7636).
    static QString codeChallenge(const QString& verifier);

signals:
    void stateChanged();
    void signInFailed(const QString& message);

private:
    void setState(State state);
    void exchange(const QString& code);
    void onTokenAnswer(const HttpResponse& response, bool isRefresh);
    void refreshRefused(const QString& why);
    void fetchAccount(XTokens tokens);
    void store(XTokens tokens, std::function<void(bool stored)> then);
    // A refreshed pair waits at least this long for its own refresh, whatever X said.
    static constexpr std::int64_t kMinimumRefreshGapMs = 30'000;
    void scheduleRefresh(std::int64_t atLeastMs = 0);
    void fail(const QString& message);
    void onCallbackConnection();
    void stopListening();

    HttpClient& m_http;
    SecretStore& m_keychain;
    XAuthSettings m_settings;
    State m_state = State::Unknown;
    std::optional<XTokens> m_tokens;
    QString m_verifier;
    QString m_expectedState;
    QString m_signInNeeded;
    bool m_refreshing = false;
    std::unique_ptr<QTcpServer> m_listener;
    QTimer m_refreshTimer;
};

} // namespace sb::integrations::x
