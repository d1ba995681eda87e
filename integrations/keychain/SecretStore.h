#pragma once
// Where the studio keeps secrets (stream keys, tokens): the OS keychain through QtKeychain —
// the Secret Service over D-Bus on Linux, Keychain on macOS, Credential Manager on Windows.
// Calls look synchronous for the GUI thread: each one runs a local event loop (user input held
// back) until QtKeychain answers or a timeout passes, so a keychain that never answers cannot
// freeze the window. Nothing is ever stored in plaintext as a fallback; secrets are never logged.
// On Linux the answers arrive through the GLib main loop, i.e. Qt's default event dispatcher
// (QT_NO_GLIB=1 makes every call time out). QtKeychain runs one job at a time, so after a timeout
// the next calls wait behind the job that has not answered.

#include <QObject>
#include <QString>

#include <optional>

namespace sb::integrations {

class SecretStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 10'000;

    // Why the last call failed, for callers that act on the kind (offer a fallback, retry).
    enum class Failure
    {
        None,
        Unavailable, // no keychain service is reachable
        TimedOut,    // the keychain did not answer in time (often: locked, waiting for the user)
        Denied,      // the user or the system refused access
        Other,
    };
    Q_ENUM(Failure)

    // The name the entries are filed under in the keychain ("SothebAIs Studio"); tests use
    // their own so they never touch the studio's entries.
    static QString defaultServiceName();

    explicit SecretStore(QObject* parent = nullptr);
    explicit SecretStore(const QString& serviceName, QObject* parent = nullptr);

    QString serviceName() const { return m_serviceName; }

    // How long one keychain call may take before it is reported as failed.
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs);

    // Whether a keychain backend answers at all (a read of an entry that need not exist).
    // False with a sentence a user can read in *why.
    bool isAvailable(QString* why = nullptr);

    // Stores the secret under key, replacing an older one. False with a reason in *error.
    bool write(const QString& key, const QString& secret, QString* error = nullptr);
    // The secret under key; nullopt with an empty *error when there is none, nullopt with a
    // reason when the keychain failed.
    std::optional<QString> read(const QString& key, QString* error = nullptr);
    // Deletes the secret under key; removing one that does not exist is not an error.
    bool remove(const QString& key, QString* error = nullptr);

    // The kind of failure of the last call (None after a success or an absent entry).
    Failure lastFailure() const { return m_lastFailure; }

private:
    struct JobResult;
    enum class Operation
    {
        Probe,
        Read,
        Write,
        Remove
    };
    JobResult run(Operation operation, const QString& key, const QString& secret);
    QString failureMessage(Operation operation, const JobResult& result);

    QString m_serviceName;
    int m_timeoutMs = kDefaultTimeoutMs;
    Failure m_lastFailure = Failure::None;
};

} // namespace sb::integrations
