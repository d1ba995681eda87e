#pragma once
// Where the studio keeps secrets (stream keys, tokens): the OS keychain through QtKeychain —
// the Secret Service over D-Bus on Linux, Keychain on macOS, Credential Manager on Windows.
// Calls are asynchronous: start*() starts a job and returns at once, and the result comes back
// later on the caller's thread, from its own event loop, so the GUI thread never waits on the
// keychain (a locked keyring can take as long as the user does). A job that does not answer within
// timeoutMs() ends as Failure::TimedOut. Nothing is ever stored in plaintext as a fallback;
// secrets are never logged.
// On Linux the answers arrive through the GLib main loop, i.e. Qt's default event dispatcher
// (QT_NO_GLIB=1 makes every call time out). QtKeychain runs one job at a time, so after a timeout
// the next calls wait behind the job that has not answered.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace sb::integrations {

class SecretStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 10'000;

    // Why a call failed, for callers that act on the kind (offer a fallback, retry).
    enum class Failure
    {
        None,
        Unavailable, // no keychain service is reachable
        TimedOut,    // the keychain did not answer in time (often: locked, waiting for the user)
        Denied,      // the user or the system refused access
        Other,
    };
    Q_ENUM(Failure)

    // What one keychain call came to.
    struct Result
    {
        Failure failure = Failure::None;
        QString error;                 // a sentence a user can read; empty on success
        std::optional<QString> secret; // what a read found; nullopt when there is no entry
        bool ok() const { return failure == Failure::None; }
    };
    using Callback = std::function<void(const Result&)>;

    // The name the entries are filed under in the keychain ("SothebAIs Studio"); tests use
    // their own so they never touch the studio's entries.
    static QString defaultServiceName();

    explicit SecretStore(QObject* parent = nullptr);
    explicit SecretStore(const QString& serviceName, QObject* parent = nullptr);

    QString serviceName() const { return m_serviceName; }

    // How long one keychain call may take before it is reported as failed.
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs);

    // Asynchronous calls. Each returns at once; `done` runs later on `context`'s thread, from its
    // event loop (never inside the call), unless `context` or the store is destroyed first.
    //
    // Whether a keychain backend answers at all (a read of an entry that need not exist).
    void startProbe(QObject* context, Callback done);
    // The secret under key in Result::secret; an absent entry is a success without a secret.
    void startRead(const QString& key, QObject* context, Callback done);
    // Stores the secret under key, replacing an older one.
    void startWrite(const QString& key, const QString& secret, QObject* context, Callback done);
    // Deletes the secret under key; removing one that does not exist is not an error.
    void startRemove(const QString& key, QObject* context, Callback done);

    // Blocking forms of the calls above, for code with no event loop to return to: the command
    // line and tests. Each runs a local event loop (user input held back) until the keychain
    // answers or the timeout passes. The window never uses them.
    bool isAvailable(QString* why = nullptr);
    bool write(const QString& key, const QString& secret, QString* error = nullptr);
    // nullopt with an empty *error when there is no entry, with a reason when the keychain failed.
    std::optional<QString> read(const QString& key, QString* error = nullptr);
    bool remove(const QString& key, QString* error = nullptr);

    // The kind of failure of the last call that finished (None after a success or an absent
    // entry).
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
    void start(Operation operation, const QString& key, const QString& secret, QObject* context,
               Callback done);
    // Turns what QtKeychain said into a Result; a vague failure first asks whether the keychain
    // answers at all, so the sentence says what a user can act on.
    void conclude(Operation operation, const JobResult& job, std::function<void(Result)> deliver);
    Result failure(Operation operation, const JobResult& job) const;
    Result waitFor(const std::function<void(Callback)>& start);

    QString m_serviceName;
    int m_timeoutMs = kDefaultTimeoutMs;
    Failure m_lastFailure = Failure::None;
};

} // namespace sb::integrations
