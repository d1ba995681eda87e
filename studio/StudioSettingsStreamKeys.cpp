#include "StudioSettings.h"

#include "SecretStore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

// The stream keys' side of StudioSettings: each destination's key in the OS keychain (or, when
// the operator chose it, kept in memory for the session), read, written and removed without
// blocking, and the blocking forms the command line and tests use.

Q_DECLARE_LOGGING_CATEGORY(lcSettings)

namespace sb::studio {

using namespace Qt::StringLiterals;
using sb::integrations::SecretStore;

void StudioSettings::startRemovingDestination(const QString& id, QObject* context, KeyCallback done)
{
    const auto removed = std::remove_if(m_destinations.begin(), m_destinations.end(),
                                        [&](const Destination& d) { return d.id == id; });
    const bool found = removed != m_destinations.end();
    m_destinations.erase(removed, m_destinations.end());
    if (found)
        emit changed();
    startRemovingStreamKey(id, context, [done = std::move(done)](const StreamKeyResult& result) {
        StreamKeyResult outcome = result;
        if (!result.ok())
            outcome.error = tr("The destination was removed, but its stream key could not be "
                               "deleted from the keychain: %1")
                                .arg(result.error);
        done(outcome);
    });
}

// --- stream keys -----------------------------------------------------------------------------

QString StudioSettings::streamKeyName(const QString& destinationId)
{
    return u"destination/%1/stream_key"_s.arg(destinationId);
}

void StudioSettings::deliverLater(QObject* context, KeyCallback done, StreamKeyResult result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void StudioSettings::startSettingStreamKey(const QString& destinationId, const QString& key,
                                           QObject* context, KeyCallback done)
{
    StreamKeyResult refused;
    const QString trimmed = key.trimmed();
    if (!destination(destinationId))
        refused.error = tr("There is no destination with this id; it may have been removed.");
    else if (trimmed.isEmpty())
        refused.error = tr("The stream key is empty.");
    if (!refused.ok()) {
        deliverLater(context, std::move(done), refused);
        return;
    }
    // The settings, not the caller, receive the answer: a session-only key is kept even when
    // the page that asked has closed.
    m_secrets->startWrite(streamKeyName(destinationId), trimmed, this,
                          [this, destinationId, trimmed, context = QPointer<QObject>(context),
                           done = std::move(done)](const SecretStore::Result& written) {
                              StreamKeyResult result;
                              if (written.ok()) {
                                  m_sessionKeys.remove(destinationId);
                              } else if (written.failure == SecretStore::Failure::Unavailable &&
                                         m_allowSessionOnlyKeys) {
                                  qCInfo(lcSettings)
                                      << "no keychain: the stream key of destination"
                                      << destinationId << "is kept in memory for this run only";
                                  m_sessionKeys.insert(destinationId, trimmed);
                                  result.storage = KeyStorage::SessionOnly;
                              } else {
                                  result.failure = written.failure;
                                  result.error = written.error;
                                  if (written.failure == SecretStore::Failure::Unavailable)
                                      result.error += u' ' + tr("The stream key was not saved.");
                              }
                              if (context)
                                  done(result);
                          });
}

void StudioSettings::startReadingStreamKey(const QString& destinationId, QObject* context,
                                           KeyCallback done)
{
    if (const auto it = m_sessionKeys.constFind(destinationId); it != m_sessionKeys.cend()) {
        StreamKeyResult result;
        result.key = *it;
        result.storage = KeyStorage::SessionOnly;
        deliverLater(context, std::move(done), result);
        return;
    }
    m_secrets->startRead(streamKeyName(destinationId), context,
                         [done = std::move(done)](const SecretStore::Result& read) {
                             StreamKeyResult result;
                             result.failure = read.failure;
                             result.error = read.error;
                             result.key = read.secret;
                             done(result);
                         });
}

void StudioSettings::startRemovingStreamKey(const QString& destinationId, QObject* context,
                                            KeyCallback done)
{
    const bool hadSessionKey = m_sessionKeys.remove(destinationId) > 0;
    m_secrets->startRemove(streamKeyName(destinationId), context,
                           [keptInMemory = hadSessionKey || m_allowSessionOnlyKeys,
                            done = std::move(done)](const SecretStore::Result& removed) {
                               StreamKeyResult result;
                               // Without a keychain there is nothing stored there to delete.
                               const bool nothingThere =
                                   removed.failure == SecretStore::Failure::Unavailable &&
                                   keptInMemory;
                               if (!removed.ok() && !nothingThere) {
                                   result.failure = removed.failure;
                                   result.error = removed.error;
                               }
                               done(result);
                           });
}

void StudioSettings::startReadingEnabledKeys(QObject* context,
                                             std::function<void(const EnabledKeysResult&)> done)
{
    QList<Destination> enabled;
    for (const Destination& d : std::as_const(m_destinations)) {
        if (d.enabled)
            enabled << d;
    }
    // One read after the other, each started when the previous answered.
    struct Reading
    {
        QList<Destination> left;
        EnabledKeysResult result;
        std::function<void(const EnabledKeysResult&)> done;
        std::function<void()> next;
    };
    auto reading = std::make_shared<Reading>();
    reading->left = enabled;
    reading->done = std::move(done);
    reading->next = [self = QPointer<StudioSettings>(this), context = QPointer<QObject>(context),
                     weak = std::weak_ptr<Reading>(reading)] {
        const std::shared_ptr<Reading> r = weak.lock();
        if (!r || !context || !self)
            return;
        if (r->left.isEmpty()) {
            r->done(r->result);
            return;
        }
        const Destination d = r->left.takeFirst();
        self->startReadingStreamKey(d.id, context, [r, d](const StreamKeyResult& read) {
            if (!read.ok() || !read.key) {
                r->result.destinations.clear();
                r->result.error = read.error;
                r->result.failure = read.failure;
                if (read.ok())
                    r->result.destinationWithoutKey = d.name;
                r->left.clear();
            } else {
                r->result.destinations.append({d.name, streamUrlWithKey(d, *read.key)});
            }
            if (r->next)
                r->next();
        });
    };
    // Kept alive by the call pending at each step (the steps hold it weakly); started from the
    // event loop, so `done` never runs inside this call.
    QMetaObject::invokeMethod(
        context, [reading] { reading->next(); }, Qt::QueuedConnection);
}

// --- blocking forms --------------------------------------------------------------------------

namespace {

// Runs `start` and waits for its callback; *error (when given) gets the result's error.
StreamKeyResult waitFor(const std::function<void(QObject*, StudioSettings::KeyCallback)>& start,
                        QString* error)
{
    std::optional<StreamKeyResult> result;
    QEventLoop loop;
    start(&loop, [&](const StreamKeyResult& outcome) {
        result = outcome;
        loop.quit();
    });
    if (!result)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const StreamKeyResult outcome = result.value_or(StreamKeyResult{});
    if (error)
        *error = outcome.error;
    return outcome;
}

} // namespace

bool StudioSettings::removeDestination(const QString& id, QString* error)
{
    const StreamKeyResult result =
        waitFor([&](QObject* context,
                    KeyCallback done) { startRemovingDestination(id, context, std::move(done)); },
                error);
    return result.ok();
}

std::optional<KeyStorage> StudioSettings::setStreamKey(const QString& destinationId,
                                                       const QString& key, QString* error)
{
    const StreamKeyResult result = waitFor(
        [&](QObject* context, KeyCallback done) {
            startSettingStreamKey(destinationId, key, context, std::move(done));
        },
        error);
    return result.ok() ? std::optional(result.storage) : std::nullopt;
}

std::optional<QString> StudioSettings::streamKey(const QString& destinationId, QString* error)
{
    const StreamKeyResult result = waitFor(
        [&](QObject* context, KeyCallback done) {
            startReadingStreamKey(destinationId, context, std::move(done));
        },
        error);
    return result.key;
}

bool StudioSettings::removeStreamKey(const QString& destinationId, QString* error)
{
    const StreamKeyResult result = waitFor(
        [&](QObject* context, KeyCallback done) {
            startRemovingStreamKey(destinationId, context, std::move(done));
        },
        error);
    return result.ok();
}

KeyStorage StudioSettings::streamKeyStorage(const QString& destinationId) const
{
    return m_sessionKeys.contains(destinationId) ? KeyStorage::SessionOnly : KeyStorage::Keychain;
}

QString StudioSettings::streamUrlWithKey(const Destination& destination, const QString& key)
{
    QString url = destination.url.trimmed();
    QString trimmedKey = key.trimmed();
    while (trimmedKey.startsWith(u'/'))
        trimmedKey.remove(0, 1);
    if (trimmedKey.isEmpty())
        return url;
    if (!url.endsWith(u'/'))
        url += u'/';
    return url + trimmedKey;
}

} // namespace sb::studio
