#include "StudioSettings.h"

#include "SecretStore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSettings, "sb.settings")

namespace sb::studio {

using namespace Qt::StringLiterals;
using sb::integrations::SecretStore;

namespace {

constexpr int kFormatVersion = 1;
constexpr int kMinCanvasSide = 128;
constexpr int kMaxCanvasSide = 1920;
constexpr int kMaxCanvasPixels = 1920 * 1080; // DESIGN.md: up to 1920×1080 (or portrait)
constexpr int kMinFps = 1;
constexpr int kMaxFps = 60;
constexpr int kMinBitrateKbps = 500;
constexpr int kMaxBitrateKbps = 50'000;
constexpr int kMinKeyframeSeconds = 1;
constexpr int kMaxKeyframeSeconds = 10;

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

bool refuse(QString* error, const QStringList& problems)
{
    setError(error, problems.join(u' '));
    return false;
}

bool outside(int value, int min, int max)
{
    return value < min || value > max;
}

// Fills "… between %1 and %2 … (it is %3)." in.
QString rangeSentence(const QString& sentence, int min, int max, int value)
{
    return sentence.arg(QString::number(min), QString::number(max), QString::number(value));
}

// The actions that can have a hotkey, in the order a settings page lists them.
struct HotkeyAction
{
    const char* id;
    const char* name; // translated in StudioSettings' context
    const char* defaultSequence;
};
constexpr HotkeyAction kHotkeyActions[] = {
    {"go_live", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Start or stop streaming"),
     "Ctrl+Shift+L"},
    {"record", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Start or stop recording"),
     "Ctrl+Shift+R"},
    {"next_scene", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Next scene"), "Ctrl+Tab"},
    {"previous_scene", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Previous scene"),
     "Ctrl+Shift+Tab"},
    {"pause_resume", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Pause or resume the auction"),
     "Ctrl+Shift+P"},
    {"extend", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Extend the auction"),
     "Ctrl+Shift+E"},
    // Ending an auction early cannot be undone: three modifiers, so it is never hit by chance.
    {"close_now", QT_TRANSLATE_NOOP("sb::studio::StudioSettings", "Close the auction now"),
     "Ctrl+Alt+Shift+C"},
};

} // namespace

StudioSettings::StudioSettings(const QString& folder, SecretStore* secrets, QObject* parent)
    : QObject(parent),
      m_folder(folder.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                   : folder),
      m_secrets(secrets ? secrets : new SecretStore(this)), m_recording(defaultRecording()),
      m_hotkeys(defaultHotkeys())
{
    load();
}

StudioSettings::~StudioSettings() = default;

QString StudioSettings::filePath() const
{
    return QDir(m_folder).filePath(u"studio.ini"_s);
}

// --- validation ------------------------------------------------------------------------------

QStringList StudioSettings::encoders()
{
    return {u"auto"_s,     u"libx264"_s,           u"h264_nvenc"_s, u"h264_vaapi"_s,
            u"h264_qsv"_s, u"h264_videotoolbox"_s, u"h264_amf"_s};
}

QStringList StudioSettings::presets()
{
    return {u"ultrafast"_s, u"superfast"_s, u"veryfast"_s, u"faster"_s,  u"fast"_s,
            u"medium"_s,    u"slow"_s,      u"slower"_s,   u"veryslow"_s};
}

QStringList StudioSettings::recordingFormats()
{
    return {u"mkv"_s, u"mp4"_s};
}

QStringList StudioSettings::languages()
{
    return {QString(), u"en"_s, u"es"_s};
}

RecordingSettings StudioSettings::defaultRecording()
{
    RecordingSettings recording;
    recording.folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (recording.folder.isEmpty())
        recording.folder = QDir::homePath();
    return recording;
}

QStringList StudioSettings::validationErrors(const VideoSettings& video)
{
    QStringList problems;
    if (outside(video.canvasWidth, kMinCanvasSide, kMaxCanvasSide))
        problems << rangeSentence(
            tr("The canvas width must be between %1 and %2 pixels (it is %3)."), kMinCanvasSide,
            kMaxCanvasSide, video.canvasWidth);
    if (outside(video.canvasHeight, kMinCanvasSide, kMaxCanvasSide))
        problems << rangeSentence(
            tr("The canvas height must be between %1 and %2 pixels (it is %3)."), kMinCanvasSide,
            kMaxCanvasSide, video.canvasHeight);
    else if (qint64(video.canvasWidth) * video.canvasHeight > kMaxCanvasPixels)
        problems << tr("The canvas can be at most 1920×1080 pixels (or 1080×1920 upright).");
    if (video.canvasWidth % 2 != 0 || video.canvasHeight % 2 != 0)
        problems << tr("The canvas width and height must be even numbers of pixels.");
    if (outside(video.fps, kMinFps, kMaxFps))
        problems << rangeSentence(
            tr("The frame rate must be between %1 and %2 frames per second (it is %3)."), kMinFps,
            kMaxFps, video.fps);
    return problems;
}

QStringList StudioSettings::validationErrors(const OutputSettings& output)
{
    QStringList problems;
    if (!encoders().contains(output.encoder))
        problems << tr("“%1” is not a video encoder the studio knows; choose one of: %2.")
                        .arg(output.encoder, encoders().join(u", "_s));
    if (outside(output.bitrateKbps, kMinBitrateKbps, kMaxBitrateKbps))
        problems << rangeSentence(
            tr("The video bitrate must be between %1 and %2 kbps (it is %3)."), kMinBitrateKbps,
            kMaxBitrateKbps, output.bitrateKbps);
    if (outside(output.keyframeIntervalSeconds, kMinKeyframeSeconds, kMaxKeyframeSeconds))
        problems << rangeSentence(
            tr("The keyframe interval must be between %1 and %2 seconds (it is %3)."),
            kMinKeyframeSeconds, kMaxKeyframeSeconds, output.keyframeIntervalSeconds);
    if (!presets().contains(output.preset))
        problems << tr("“%1” is not an encoder preset; choose one of: %2.")
                        .arg(output.preset, presets().join(u", "_s));
    return problems;
}

QStringList StudioSettings::validationErrors(const Destination& destination)
{
    QStringList problems;
    if (destination.name.trimmed().isEmpty())
        problems << tr("Give the destination a name.");
    const QString url = destination.url.trimmed();
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (url.isEmpty())
        problems << tr("Enter the server URL of the destination (rtmp:// or rtmps://).");
    else if (!parsed.isValid() || (scheme != u"rtmp"_s && scheme != u"rtmps"_s))
        problems << tr("The server URL must start with rtmp:// or rtmps:// (it is “%1”).").arg(url);
    else if (parsed.host().isEmpty())
        problems << tr("The server URL “%1” has no server name after the ://.").arg(url);
    return problems;
}

QStringList StudioSettings::validationErrors(const RecordingSettings& recording)
{
    QStringList problems;
    if (recording.folder.trimmed().isEmpty())
        problems << tr("Choose a folder for recordings.");
    else if (!QDir::isAbsolutePath(recording.folder))
        problems
            << tr("The recordings folder must be a full path (it is “%1”).").arg(recording.folder);
    if (!recordingFormats().contains(recording.format))
        problems << tr("Recordings can be saved as mkv or mp4, not “%1”.").arg(recording.format);
    return problems;
}

// --- video, output, recording ----------------------------------------------------------------

bool StudioSettings::setVideo(const VideoSettings& video, QString* error)
{
    if (const QStringList problems = validationErrors(video); !problems.isEmpty())
        return refuse(error, problems);
    setError(error, QString());
    assign(m_video, video);
    return true;
}

bool StudioSettings::setOutput(const OutputSettings& output, QString* error)
{
    if (const QStringList problems = validationErrors(output); !problems.isEmpty())
        return refuse(error, problems);
    setError(error, QString());
    assign(m_output, output);
    return true;
}

bool StudioSettings::setRecording(const RecordingSettings& recording, QString* error)
{
    if (const QStringList problems = validationErrors(recording); !problems.isEmpty())
        return refuse(error, problems);
    setError(error, QString());
    assign(m_recording, recording);
    return true;
}

// --- destinations ----------------------------------------------------------------------------

std::optional<Destination> StudioSettings::destination(const QString& id) const
{
    for (const Destination& destination : m_destinations) {
        if (destination.id == id)
            return destination;
    }
    return std::nullopt;
}

QString StudioSettings::addDestination(const Destination& destination, QString* error)
{
    if (const QStringList problems = validationErrors(destination); !problems.isEmpty()) {
        refuse(error, problems);
        return QString();
    }
    setError(error, QString());
    Destination added = destination;
    added.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    added.name = added.name.trimmed();
    added.url = added.url.trimmed();
    m_destinations.append(added);
    emit changed();
    return added.id;
}

bool StudioSettings::updateDestination(const Destination& destination, QString* error)
{
    if (const QStringList problems = validationErrors(destination); !problems.isEmpty())
        return refuse(error, problems);
    for (Destination& existing : m_destinations) {
        if (existing.id != destination.id)
            continue;
        setError(error, QString());
        Destination updated = destination;
        updated.name = updated.name.trimmed();
        updated.url = updated.url.trimmed();
        assign(existing, updated);
        return true;
    }
    setError(error, tr("There is no destination with this id; it may have been removed."));
    return false;
}

// --- hotkeys ---------------------------------------------------------------------------------

QStringList StudioSettings::hotkeyActions()
{
    QStringList actions;
    for (const HotkeyAction& action : kHotkeyActions)
        actions << QString::fromLatin1(action.id);
    return actions;
}

QString StudioSettings::hotkeyActionName(const QString& action)
{
    for (const HotkeyAction& known : kHotkeyActions) {
        if (action == QLatin1StringView(known.id))
            return tr(known.name);
    }
    return action;
}

QMap<QString, QKeySequence> StudioSettings::defaultHotkeys()
{
    QMap<QString, QKeySequence> hotkeys;
    for (const HotkeyAction& action : kHotkeyActions)
        hotkeys.insert(QString::fromLatin1(action.id),
                       QKeySequence::fromString(QString::fromLatin1(action.defaultSequence),
                                                QKeySequence::PortableText));
    return hotkeys;
}

bool StudioSettings::setHotkey(const QString& action, const QKeySequence& sequence, QString* error)
{
    if (!hotkeyActions().contains(action)) {
        setError(error, tr("“%1” is not an action that can have a hotkey.").arg(action));
        return false;
    }
    if (!sequence.isEmpty()) {
        for (auto it = m_hotkeys.cbegin(); it != m_hotkeys.cend(); ++it) {
            if (it.key() != action && it.value() == sequence) {
                setError(error, tr("%1 is already the hotkey of “%2”.")
                                    .arg(sequence.toString(QKeySequence::NativeText),
                                         hotkeyActionName(it.key())));
                return false;
            }
        }
    }
    setError(error, QString());
    if (m_hotkeys.value(action) != sequence) {
        m_hotkeys.insert(action, sequence);
        emit changed();
    }
    return true;
}

void StudioSettings::resetHotkeys()
{
    assign(m_hotkeys, defaultHotkeys());
}

// --- language --------------------------------------------------------------------------------

bool StudioSettings::setLanguage(const QString& language, QString* error)
{
    if (!languages().contains(language)) {
        setError(error, tr("“%1” is not a language the studio is translated to; choose English "
                           "(en), Spanish (es) or the system language.")
                            .arg(language));
        return false;
    }
    setError(error, QString());
    assign(m_language, language);
    return true;
}

bool StudioSettings::setHost(const HostSettings& host, QString* error)
{
    if (const QStringList problems = HostSettings::validationErrors(host); !problems.isEmpty()) {
        setError(error, problems.join(u' '));
        return false;
    }
    setError(error, QString());
    assign(m_host, host);
    return true;
}

bool StudioSettings::setShape(const ShapeSettings& shape, QString* error)
{
    if (const QStringList problems = ShapeSettings::validationErrors(shape); !problems.isEmpty()) {
        setError(error, problems.join(u' '));
        return false;
    }
    setError(error, QString());
    assign(m_shape, shape);
    return true;
}

// --- the INI file ----------------------------------------------------------------------------

void StudioSettings::load()
{
    QSettings ini(filePath(), QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        m_loadProblems << tr("The settings file %1 could not be read; defaults are used.")
                              .arg(QDir::toNativeSeparators(filePath()));
        qCWarning(lcSettings) << "cannot read" << filePath() << "status" << ini.status();
        return;
    }
    // A section with a bad value keeps its defaults, and the user is told which.
    const auto keep = [this](const QString& section, const QStringList& problems) {
        if (problems.isEmpty())
            return true;
        m_loadProblems << tr("The %1 settings were invalid and were reset: %2")
                              .arg(section, problems.join(u' '));
        qCWarning(lcSettings) << "invalid" << section << "settings reset:" << problems;
        return false;
    };

    ini.beginGroup(u"studio"_s);
    m_firstStartDone = ini.value(u"first_start_done"_s, false).toBool();
    m_sceneCollection = ini.value(u"scene_collection"_s).toString();
    const QString language = ini.value(u"language"_s).toString();
    if (keep(tr("language"),
             languages().contains(language) ? QStringList() : QStringList{language}))
        m_language = language;
    ini.endGroup();

    ini.beginGroup(u"video"_s);
    VideoSettings video;
    video.canvasWidth = ini.value(u"canvas_width"_s, video.canvasWidth).toInt();
    video.canvasHeight = ini.value(u"canvas_height"_s, video.canvasHeight).toInt();
    video.fps = ini.value(u"fps"_s, video.fps).toInt();
    if (keep(tr("video"), validationErrors(video)))
        m_video = video;
    ini.endGroup();

    ini.beginGroup(u"output"_s);
    OutputSettings output;
    output.encoder = ini.value(u"encoder"_s, output.encoder).toString();
    output.bitrateKbps = ini.value(u"bitrate_kbps"_s, output.bitrateKbps).toInt();
    output.keyframeIntervalSeconds =
        ini.value(u"keyframe_interval_s"_s, output.keyframeIntervalSeconds).toInt();
    output.preset = ini.value(u"preset"_s, output.preset).toString();
    if (keep(tr("output"), validationErrors(output)))
        m_output = output;
    ini.endGroup();

    ini.beginGroup(u"recording"_s);
    RecordingSettings recording = defaultRecording();
    recording.folder = ini.value(u"folder"_s, recording.folder).toString();
    recording.format = ini.value(u"format"_s, recording.format).toString();
    if (keep(tr("recording"), validationErrors(recording)))
        m_recording = recording;
    ini.endGroup();

    const int count = ini.beginReadArray(u"destinations"_s);
    for (int i = 0; i < count; ++i) {
        ini.setArrayIndex(i);
        Destination destination;
        destination.id = ini.value(u"id"_s).toString();
        destination.name = ini.value(u"name"_s).toString();
        destination.url = ini.value(u"url"_s).toString();
        destination.enabled = ini.value(u"enabled"_s, true).toBool();
        QStringList problems = validationErrors(destination);
        if (destination.id.isEmpty())
            problems << tr("The destination has no id.");
        // A bad URL is the user's to fix in the settings page, so keep the destination.
        if (destination.id.isEmpty() || destination.name.trimmed().isEmpty())
            keep(tr("destination"), problems);
        else
            m_destinations.append(destination);
    }
    ini.endArray();

    ini.beginGroup(u"hotkeys"_s);
    for (const QString& action : hotkeyActions()) {
        if (ini.contains(action))
            m_hotkeys.insert(action, QKeySequence::fromString(ini.value(action).toString(),
                                                              QKeySequence::PortableText));
    }
    ini.endGroup();

    if (const HostSettings host = HostSettings::read(ini);
        keep(tr("host"), HostSettings::validationErrors(host)))
        m_host = host;

    m_shape = ShapeSettings::load(ini, &m_loadProblems);

    ini.beginGroup(u"window"_s);
    m_windowGeometry = ini.value(u"geometry"_s).toByteArray();
    m_windowState = ini.value(u"state"_s).toByteArray();
    ini.endGroup();
}

bool StudioSettings::save(QString* error)
{
    if (!QDir().mkpath(m_folder)) {
        setError(error, tr("The settings folder %1 could not be created.")
                            .arg(QDir::toNativeSeparators(m_folder)));
        qCWarning(lcSettings) << "cannot create" << m_folder;
        return false;
    }
    // Only its owner can read it: [shape]'s RPC URL is a hosted provider's address with its key.
    // Made so before anything is written (QSettings keeps a file's permissions when it replaces
    // it); a file an older version made readable by others is narrowed.
    constexpr QFileDevice::Permissions kOwnerOnly =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    {
        QFile file(filePath());
        // NewOnly: a file another process has just written is never truncated here.
        if (file.exists() || file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            file.exists())
            file.setPermissions(kOwnerOnly);
    }
    QSettings ini(filePath(), QSettings::IniFormat);
    ini.clear();
    ini.beginGroup(u"studio"_s);
    ini.setValue(u"format_version"_s, kFormatVersion);
    ini.setValue(u"first_start_done"_s, m_firstStartDone);
    ini.setValue(u"scene_collection"_s, m_sceneCollection);
    ini.setValue(u"language"_s, m_language);
    ini.endGroup();

    ini.beginGroup(u"video"_s);
    ini.setValue(u"canvas_width"_s, m_video.canvasWidth);
    ini.setValue(u"canvas_height"_s, m_video.canvasHeight);
    ini.setValue(u"fps"_s, m_video.fps);
    ini.endGroup();

    ini.beginGroup(u"output"_s);
    ini.setValue(u"encoder"_s, m_output.encoder);
    ini.setValue(u"bitrate_kbps"_s, m_output.bitrateKbps);
    ini.setValue(u"keyframe_interval_s"_s, m_output.keyframeIntervalSeconds);
    ini.setValue(u"preset"_s, m_output.preset);
    ini.endGroup();

    ini.beginGroup(u"recording"_s);
    ini.setValue(u"folder"_s, m_recording.folder);
    ini.setValue(u"format"_s, m_recording.format);
    ini.endGroup();

    // Names and URLs only: the keys are in the keychain (or in memory for this run).
    ini.beginWriteArray(u"destinations"_s, int(m_destinations.size()));
    for (int i = 0; i < m_destinations.size(); ++i) {
        ini.setArrayIndex(i);
        const Destination& destination = m_destinations.at(i);
        ini.setValue(u"id"_s, destination.id);
        ini.setValue(u"name"_s, destination.name);
        ini.setValue(u"url"_s, destination.url);
        ini.setValue(u"enabled"_s, destination.enabled);
    }
    ini.endArray();

    ini.beginGroup(u"hotkeys"_s);
    for (auto it = m_hotkeys.cbegin(); it != m_hotkeys.cend(); ++it)
        ini.setValue(it.key(), it.value().toString(QKeySequence::PortableText));
    ini.endGroup();

    m_host.write(ini);

    m_shape.save(ini);

    ini.beginGroup(u"window"_s);
    ini.setValue(u"geometry"_s, m_windowGeometry);
    ini.setValue(u"state"_s, m_windowState);
    ini.endGroup();

    ini.sync();
    if (ini.status() != QSettings::NoError) {
        setError(error, tr("The settings could not be written to %1.")
                            .arg(QDir::toNativeSeparators(filePath())));
        qCWarning(lcSettings) << "cannot write" << filePath() << "status" << ini.status();
        return false;
    }
    setError(error, QString());
    return true;
}

} // namespace sb::studio
