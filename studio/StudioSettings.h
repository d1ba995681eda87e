#pragma once
// The studio's settings: video, output, streaming destinations, recording, hotkeys, language and
// the main window's layout, kept in an INI file (QSettings) in the app's config folder. Stream
// keys are the exception: they live only in the OS keychain (SecretStore), under
// "destination/<id>/stream_key", and never touch the INI file. Key calls are asynchronous (the
// result comes back later on the caller's thread; the window never waits on the keychain). When no
// keychain is reachable a key is refused, unless the user agreed to keep keys in memory for this
// run only. Setters validate and refuse bad values with a sentence a user can read; save() writes
// the file.

#include "HostSettings.h"
#include "SecretStore.h"
#include "ShapeSettings.h"

#include <QByteArray>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sb::studio {

struct VideoSettings
{
    int canvasWidth = 1280;
    int canvasHeight = 720;
    int fps = 30;
    friend bool operator==(const VideoSettings&, const VideoSettings&) = default;
};

struct OutputSettings
{
    QString encoder = QStringLiteral("auto"); // "auto", "libx264", "h264_nvenc", ...
    int bitrateKbps = 2500;
    int keyframeIntervalSeconds = 2;
    QString preset = QStringLiteral("veryfast"); // x264 preset names; hardware encoders map them
    friend bool operator==(const OutputSettings&, const OutputSettings&) = default;
};

// Where the stream goes. The stream key is not a field: it is a secret, see
// startSettingStreamKey().
struct Destination
{
    QString id; // stable uuid, assigned by addDestination()
    QString name;
    QString url; // rtmp:// or rtmps:// server URL, without the key
    bool enabled = true;
    friend bool operator==(const Destination&, const Destination&) = default;
};

struct RecordingSettings
{
    QString folder;                         // absolute; defaults to the user's Videos folder
    QString format = QStringLiteral("mkv"); // "mkv" or "mp4"
    friend bool operator==(const RecordingSettings&, const RecordingSettings&) = default;
};

// Where a stream key was put.
enum class KeyStorage
{
    Keychain,    // the OS keychain: survives restarts
    SessionOnly, // memory only, because no keychain was reachable and the user allowed it
};

// What a stream key call came to.
struct StreamKeyResult
{
    sb::integrations::SecretStore::Failure failure = sb::integrations::SecretStore::Failure::None;
    QString error;                             // a sentence a user can read; empty on success
    std::optional<QString> key;                // a read's key; nullopt when none is set
    KeyStorage storage = KeyStorage::Keychain; // where a stored or read key is
    bool ok() const { return error.isEmpty(); }
};

// An enabled destination with the URL its muxer opens, stream key included: never logged.
struct KeyedDestination
{
    QString name;
    QString urlWithKey;
};

// The keys of every enabled destination, read for going live.
struct EnabledKeysResult
{
    QList<KeyedDestination> destinations; // in the user's order; empty on failure
    QString error;                        // why the keychain failed; empty otherwise
    QString destinationWithoutKey;        // the name of an enabled destination with no key set
    sb::integrations::SecretStore::Failure failure = sb::integrations::SecretStore::Failure::None;
    bool ok() const { return error.isEmpty() && destinationWithoutKey.isEmpty(); }
};

class StudioSettings : public QObject
{
    Q_OBJECT

public:
    using KeyCallback = std::function<void(const StreamKeyResult&)>;

    // Reads <folder>/studio.ini (folder empty: QStandardPaths::AppConfigLocation). Keys go
    // through `secrets`; with none, the settings own a SecretStore for the studio's service.
    explicit StudioSettings(const QString& folder = QString(),
                            sb::integrations::SecretStore* secrets = nullptr,
                            QObject* parent = nullptr);
    ~StudioSettings() override;

    QString folder() const { return m_folder; }
    QString filePath() const;
    // Values in the file that were unreadable or invalid, and were replaced by defaults.
    QStringList loadProblems() const { return m_loadProblems; }
    // Writes every setting to the INI file. False with a reason in *error.
    bool save(QString* error = nullptr);

    // Video, output, recording: setters refuse invalid values (see validationErrors()).
    VideoSettings video() const { return m_video; }
    bool setVideo(const VideoSettings& video, QString* error = nullptr);
    OutputSettings output() const { return m_output; }
    bool setOutput(const OutputSettings& output, QString* error = nullptr);
    RecordingSettings recording() const { return m_recording; }
    bool setRecording(const RecordingSettings& recording, QString* error = nullptr);

    // Destinations, in the order the user arranged them.
    QList<Destination> destinations() const { return m_destinations; }
    std::optional<Destination> destination(const QString& id) const;
    // Adds a destination with a new id (the given id is ignored); returns the id, or an empty
    // string with a reason.
    QString addDestination(const Destination& destination, QString* error = nullptr);
    bool updateDestination(const Destination& destination, QString* error = nullptr);
    // Removes the destination at once and starts deleting its stream key; `done` says whether
    // the key is gone (its error: the destination was removed, but the key could not be deleted).
    void startRemovingDestination(const QString& id, QObject* context, KeyCallback done);

    // Stream keys. The key of destination <id> is the keychain entry streamKeyName(id).
    static QString streamKeyName(const QString& destinationId);
    // Asynchronous: each returns at once and `done` runs later on `context`'s thread (never
    // inside the call), unless `context` is destroyed first.
    //
    // Stores the key (trimmed) for an existing destination; the result says where it went, or
    // why not (no keychain and no session-only permission, keychain error, bad input).
    void startSettingStreamKey(const QString& destinationId, const QString& key, QObject* context,
                               KeyCallback done);
    // The destination's key in StreamKeyResult::key; nullopt without an error when none is set.
    void startReadingStreamKey(const QString& destinationId, QObject* context, KeyCallback done);
    // Forgets the key wherever it is; removing a key that is not set is not an error.
    void startRemovingStreamKey(const QString& destinationId, QObject* context, KeyCallback done);
    // Reads the key of every enabled destination, one after the other (QtKeychain runs one job
    // at a time), and stops at the first that fails or has none.
    void startReadingEnabledKeys(QObject* context,
                                 std::function<void(const EnabledKeysResult&)> done);

    // Blocking forms of the key calls, for code with no event loop to return to (the command
    // line, tests): each runs a local event loop until the keychain answers or times out. The
    // window never uses them.
    bool removeDestination(const QString& id, QString* error = nullptr);
    std::optional<KeyStorage> setStreamKey(const QString& destinationId, const QString& key,
                                           QString* error = nullptr);
    std::optional<QString> streamKey(const QString& destinationId, QString* error = nullptr);
    bool removeStreamKey(const QString& destinationId, QString* error = nullptr);

    // SessionOnly for a key held in memory for this run, else Keychain.
    KeyStorage streamKeyStorage(const QString& destinationId) const;
    // Set after the UI asked the user: keep keys in memory for this run when no keychain works.
    void allowSessionOnlyKeys(bool allow) { m_allowSessionOnlyKeys = allow; }
    bool sessionOnlyKeysAllowed() const { return m_allowSessionOnlyKeys; }
    sb::integrations::SecretStore* secretStore() const { return m_secrets; }

    // The URL an RTMP muxer opens: server URL + "/" + key, as OBS joins them.
    static QString streamUrlWithKey(const Destination& destination, const QString& key);

    // Hotkeys: action id -> key sequence; an empty sequence means "not assigned".
    static QStringList hotkeyActions(); // in the order a settings page lists them
    static QString hotkeyActionName(const QString& action);
    static QMap<QString, QKeySequence> defaultHotkeys();
    QMap<QString, QKeySequence> hotkeys() const { return m_hotkeys; }
    QKeySequence hotkey(const QString& action) const { return m_hotkeys.value(action); }
    // Refuses an unknown action and a sequence another action already uses.
    bool setHotkey(const QString& action, const QKeySequence& sequence, QString* error = nullptr);
    void resetHotkeys();

    // Settlement on Shape: network, RPC, contract, deadline, fee cap (no secrets; the operator
    // key is in the keychain, see ShapeSettings.h).
    ShapeSettings shape() const { return m_shape; }
    bool setShape(const ShapeSettings& shape, QString* error = nullptr);

    // The host: persona, voice, lines, LLM, VTube Studio (no secrets; see HostSettings.h).
    HostSettings host() const { return m_host; }
    bool setHost(const HostSettings& host, QString* error = nullptr);

    // "en", "es", or "" for the system language.
    QString language() const { return m_language; }
    bool setLanguage(const QString& language, QString* error = nullptr);
    static QStringList languages();

    // The main window's QMainWindow::saveGeometry() / saveState() blobs.
    QByteArray windowGeometry() const { return m_windowGeometry; }
    void setWindowGeometry(const QByteArray& geometry) { assign(m_windowGeometry, geometry); }
    QByteArray windowState() const { return m_windowState; }
    void setWindowState(const QByteArray& state) { assign(m_windowState, state); }

    bool firstStartDone() const { return m_firstStartDone; }
    void setFirstStartDone(bool done) { assign(m_firstStartDone, done); }
    QString sceneCollection() const { return m_sceneCollection; }
    void setSceneCollection(const QString& name) { assign(m_sceneCollection, name); }

    // What is wrong with a value, one sentence per problem; empty when it is valid.
    static QStringList validationErrors(const VideoSettings& video);
    static QStringList validationErrors(const OutputSettings& output);
    static QStringList validationErrors(const Destination& destination);
    static QStringList validationErrors(const RecordingSettings& recording);
    static QStringList encoders();
    static QStringList presets();
    static QStringList recordingFormats();
    static RecordingSettings defaultRecording();

signals:
    void changed();

private:
    void load();
    // Calls done(result) from the event loop of context's thread, if context is still there.
    static void deliverLater(QObject* context, KeyCallback done, StreamKeyResult result);
    // Sets a member and emits changed() when the value is new.
    template <typename T> void assign(T& member, const T& value)
    {
        if (member != value) {
            member = value;
            emit changed();
        }
    }

    QString m_folder;
    sb::integrations::SecretStore* m_secrets = nullptr;
    QStringList m_loadProblems;

    VideoSettings m_video;
    OutputSettings m_output;
    RecordingSettings m_recording;
    QList<Destination> m_destinations;
    QMap<QString, QKeySequence> m_hotkeys;
    QString m_language;
    ShapeSettings m_shape;
    HostSettings m_host;
    QByteArray m_windowGeometry;
    QByteArray m_windowState;
    bool m_firstStartDone = false;
    QString m_sceneCollection;

    bool m_allowSessionOnlyKeys = false;
    QHash<QString, QString> m_sessionKeys; // destination id -> key; never written anywhere
};

} // namespace sb::studio
