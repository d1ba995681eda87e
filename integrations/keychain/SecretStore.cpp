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

SecretStore::JobResult SecretStore::run(Operation operation, const QString& key,
                                        const QString& secret)
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

    auto result = std::make_shared<JobResult>();
    QEventLoop loop;
    QPointer<QEventLoop> waiting(&loop);
    connect(job, &QKeychain::Job::finished, job, [result, waiting](QKeychain::Job* finished) {
        result->finished = true;
        result->error = finished->error();
        result->errorString = finished->errorString();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
            result->text = read->textData();
        if (waiting)
            waiting->quit();
    });
    QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    // Some backends answer inside start(); a quit() before exec() would be lost.
    if (!result->finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!result->finished)
        qCWarning(lcKeychain) << "keychain" << operationName(int(operation)) << "of" << key
                              << "timed out after" << m_timeoutMs << "ms";
    return *result;
}

QString SecretStore::failureMessage(Operation operation, const JobResult& result)
{
    if (!result.finished) {
        m_lastFailure = Failure::TimedOut;
        return tr("The keychain did not answer in time (%1 s). It may be locked and waiting "
                  "for you to unlock it.")
            .arg(QString::number(m_timeoutMs / 1000.0, 'g', 3));
    }
    qCWarning(lcKeychain) << "keychain" << operationName(int(operation)) << "failed, error"
                          << int(result.error) << result.errorString;
    switch (result.error) {
    case QKeychain::AccessDeniedByUser:
        m_lastFailure = Failure::Denied;
        return tr("Access to the keychain was refused.");
    case QKeychain::AccessDenied:
        m_lastFailure = Failure::Denied;
        return tr("The keychain refused access; it may be locked.");
    default:
        break;
    }
    // A failure that says nothing precise: if the keychain does not even answer a read, say
    // that, in words a user can act on.
    if (operation != Operation::Probe && result.error != QKeychain::NoBackendAvailable) {
        QString why;
        if (!isAvailable(&why))
            return why; // and lastFailure() says why: unavailable, timed out, denied
    }
    if (operation == Operation::Probe || result.error == QKeychain::NoBackendAvailable) {
        m_lastFailure = Failure::Unavailable;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
        return tr("No keychain service is running (Secret Service over D-Bus). Stream keys "
                  "cannot be saved securely.");
#else
        return tr("The system keychain cannot be reached. Stream keys cannot be saved "
                  "securely.");
#endif
    }
    m_lastFailure = Failure::Other;
    switch (operation) {
    case Operation::Write:
        return tr("The keychain could not store the secret (is the default keyring created and "
                  "unlocked?): %1")
            .arg(result.errorString);
    case Operation::Remove:
        return tr("The keychain could not delete the secret: %1").arg(result.errorString);
    default:
        return tr("The keychain could not read the secret: %1").arg(result.errorString);
    }
}

bool SecretStore::isAvailable(QString* why)
{
    const JobResult result = run(Operation::Probe, kProbeKey, QString());
    if (result.finished &&
        (result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound)) {
        m_lastFailure = Failure::None;
        if (why)
            why->clear();
        return true;
    }
    const QString message = failureMessage(Operation::Probe, result);
    if (why)
        *why = message;
    return false;
}

bool SecretStore::write(const QString& key, const QString& secret, QString* error)
{
    const JobResult result = run(Operation::Write, key, secret);
    if (result.finished && result.error == QKeychain::NoError) {
        m_lastFailure = Failure::None;
        if (error)
            error->clear();
        return true;
    }
    const QString message = failureMessage(Operation::Write, result);
    if (error)
        *error = message;
    return false;
}

std::optional<QString> SecretStore::read(const QString& key, QString* error)
{
    const JobResult result = run(Operation::Read, key, QString());
    if (result.finished &&
        (result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound)) {
        m_lastFailure = Failure::None;
        if (error)
            error->clear();
        if (result.error == QKeychain::EntryNotFound)
            return std::nullopt;
        return result.text;
    }
    const QString message = failureMessage(Operation::Read, result);
    if (error)
        *error = message;
    return std::nullopt;
}

bool SecretStore::remove(const QString& key, QString* error)
{
    const JobResult result = run(Operation::Remove, key, QString());
    if (result.finished &&
        (result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound)) {
        m_lastFailure = Failure::None;
        if (error)
            error->clear();
        return true;
    }
    const QString message = failureMessage(Operation::Remove, result);
    if (error)
        *error = message;
    return false;
}

} // namespace sb::integrations
