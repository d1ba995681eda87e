#include "SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcKeychain, "sb.keychain")

namespace sb::integrations {

using namespace Qt::StringLiterals;

namespace {

// An entry that need not exist: reading it tells whether the keychain answers at all.
const QString kProbeKey = u"availability-probe"_s;

const char* operationName(int operation)
{
    static const char* const names[] = {"probe", "read", "write", "remove"};
    return names[operation];
}

} // namespace

struct SecretStore::JobResult
{
    bool finished = false; // false: the timeout passed first
    QKeychain::Error error = QKeychain::NoError;
    QString errorString; // QtKeychain's own text; never contains the secret
    QString text;        // what a read found
};

QString SecretStore::defaultServiceName()
{
    return u"SothebAIs Studio"_s;
}

SecretStore::SecretStore(QObject* parent) : SecretStore(defaultServiceName(), parent) {}

SecretStore::SecretStore(const QString& serviceName, QObject* parent)
    : QObject(parent), m_serviceName(serviceName)
{}

void SecretStore::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = qMax(1, timeoutMs);
}

void SecretStore::startProbe(QObject* context, Callback done)
{
    start(Operation::Probe, kProbeKey, QString(), context, std::move(done));
}

void SecretStore::startRead(const QString& key, QObject* context, Callback done)
{
    start(Operation::Read, key, QString(), context, std::move(done));
}

void SecretStore::startWrite(const QString& key, const QString& secret, QObject* context,
                             Callback done)
{
    start(Operation::Write, key, secret, context, std::move(done));
}

void SecretStore::startRemove(const QString& key, QObject* context, Callback done)
{
    start(Operation::Remove, key, QString(), context, std::move(done));
}

void SecretStore::start(Operation operation, const QString& key, const QString& secret,
                        QObject* context, Callback done)
{
    QKeychain::Job* job = nullptr;
    switch (operation) {
    case Operation::Probe:
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName);
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(m_serviceName);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName);
        break;
    }
    // Never fall back to a plaintext file when the keychain is missing.
    job->setInsecureFallback(false);
    // The job deletes itself once it finishes, even after the timeout made us stop waiting:
    // deleting it earlier would leave QtKeychain's pending callback pointing at freed memory.
    job->setAutoDelete(true);
    job->setKey(key);

    // Whichever comes first, the answer or the timeout, concludes the call; the other is ignored.
    struct Pending
    {
        bool concluded = false;
        QPointer<SecretStore> store;
        QPointer<QObject> context;
        Callback done;
    };
    auto pending = std::make_shared<Pending>();
    pending->store = this;
    pending->context = context;
    pending->done = std::move(done);
    const int timeoutMs = m_timeoutMs;
    const auto conclude = [pending, operation](const JobResult& result) {
        if (pending->concluded || !pending->store)
            return;
        pending->concluded = true;
        pending->store->conclude(operation, result, [pending](Result outcome) {
            if (pending->store)
                pending->store->m_lastFailure = outcome.failure;
            if (!pending->context)
                return;
            // Queued, so the caller is never called back from inside a start*() call, even by
            // a backend that answers at once.
            QMetaObject::invokeMethod(
                pending->context,
                [pending, outcome = std::move(outcome)] {
                    if (pending->context)
                        pending->done(outcome);
                },
                Qt::QueuedConnection);
        });
    };
    connect(job, &QKeychain::Job::finished, job, [conclude](QKeychain::Job* finished) {
        JobResult result;
        result.finished = true;
        result.error = finished->error();
        result.errorString = finished->errorString();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
            result.text = read->textData();
        conclude(result);
    });
    QTimer::singleShot(timeoutMs, this, [conclude, operation, key, timeoutMs] {
        qCWarning(lcKeychain) << "keychain" << operationName(int(operation)) << "of" << key
                              << "timed out after" << timeoutMs << "ms";
        conclude(JobResult{});
    });
    job->start();
}

void SecretStore::conclude(Operation operation, const JobResult& job,
                           std::function<void(Result)> deliver)
{
    const bool absentIsFine = operation != Operation::Write;
    if (job.finished && (job.error == QKeychain::NoError ||
                         (absentIsFine && job.error == QKeychain::EntryNotFound))) {
        Result result;
        if (operation == Operation::Read && job.error == QKeychain::NoError)
            result.secret = job.text;
        deliver(std::move(result));
        return;
    }
    if (job.finished) {
        qCWarning(lcKeychain) << "keychain" << operationName(int(operation)) << "failed, error"
                              << int(job.error) << job.errorString;
    }
    const bool vague = job.finished && operation != Operation::Probe &&
                       job.error != QKeychain::NoBackendAvailable &&
                       job.error != QKeychain::AccessDeniedByUser &&
                       job.error != QKeychain::AccessDenied;
    if (!vague) {
        deliver(failure(operation, job));
        return;
    }
    // A failure that says nothing precise: if the keychain does not even answer a read, say
    // that, in words a user can act on.
    const Result general = failure(operation, job);
    startProbe(this, [deliver = std::move(deliver), general](const Result& probe) {
        deliver(probe.ok() ? general : probe);
    });
}

SecretStore::Result SecretStore::failure(Operation operation, const JobResult& job) const
{
    Result result;
    if (!job.finished) {
        result.failure = Failure::TimedOut;
        result.error = tr("The keychain did not answer in time (%1 s). It may be locked and "
                          "waiting for you to unlock it.")
                           .arg(QString::number(m_timeoutMs / 1000.0, 'g', 3));
        return result;
    }
    switch (job.error) {
    case QKeychain::AccessDeniedByUser:
        result.failure = Failure::Denied;
        result.error = tr("Access to the keychain was refused.");
        return result;
    case QKeychain::AccessDenied:
        result.failure = Failure::Denied;
        result.error = tr("The keychain refused access; it may be locked.");
        return result;
    default:
        break;
    }
    if (operation == Operation::Probe || job.error == QKeychain::NoBackendAvailable) {
        result.failure = Failure::Unavailable;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
        result.error = tr("No keychain service is running (Secret Service over D-Bus). Secrets "
                          "(stream keys, the X sign-in, the operator key) cannot be kept "
                          "securely.");
#else
        result.error = tr("The system keychain cannot be reached. Secrets (stream keys, the X "
                          "sign-in, the operator key) cannot be kept securely.");
#endif
        return result;
    }
    result.failure = Failure::Other;
    switch (operation) {
    case Operation::Write:
        result.error = tr("The keychain could not store the secret (is the default keyring "
                          "created and unlocked?): %1")
                           .arg(job.errorString);
        break;
    case Operation::Remove:
        result.error = tr("The keychain could not delete the secret: %1").arg(job.errorString);
        break;
    default:
        result.error = tr("The keychain could not read the secret: %1").arg(job.errorString);
        break;
    }
    return result;
}

// --- blocking forms --------------------------------------------------------------------------

SecretStore::Result SecretStore::waitFor(const std::function<void(Callback)>& start)
{
    std::optional<Result> result;
    QEventLoop loop;
    start([&](const Result& outcome) {
        result = outcome;
        loop.quit();
    });
    // The answer is queued, never given inside start(); the timeout ends the loop at the latest.
    if (!result)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result.value_or(Result{Failure::Other, tr("The keychain call was abandoned."), {}});
}

bool SecretStore::isAvailable(QString* why)
{
    const Result result = waitFor([this](Callback done) { startProbe(this, std::move(done)); });
    if (why)
        *why = result.error;
    return result.ok();
}

bool SecretStore::write(const QString& key, const QString& secret, QString* error)
{
    const Result result =
        waitFor([&](Callback done) { startWrite(key, secret, this, std::move(done)); });
    if (error)
        *error = result.error;
    return result.ok();
}

std::optional<QString> SecretStore::read(const QString& key, QString* error)
{
    const Result result = waitFor([&](Callback done) { startRead(key, this, std::move(done)); });
    if (error)
        *error = result.error;
    return result.secret;
}

bool SecretStore::remove(const QString& key, QString* error)
{
    const Result result = waitFor([&](Callback done) { startRemove(key, this, std::move(done)); });
    if (error)
        *error = result.error;
    return result.ok();
}

} // namespace sb::integrations
