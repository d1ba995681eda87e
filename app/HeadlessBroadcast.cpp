#include "HeadlessBroadcast.h"

#include "AudioMixer.h"
#include "HostVoice.h"
#include "RegularFile.h"

#include "EngineThread.h"
#include "Layer.h"
#include "LayerSource.h"
#include "RecordingOutput.h"
#include "RtmpOutput.h"
#include "Scene.h"
#include "SceneCollection.h"
#include "SceneJson.h"
#include "ShowScene.h"
#include "SolidColorSource.h"
#include "TextSource.h"
#include "UtcTime.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace sb::app {

using namespace sb::render;

namespace {

void say(const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    std::fflush(stderr);
}

Layer textLayer(const QString& id, const std::shared_ptr<TextSource>& source, double x, double y)
{
    Layer layer;
    layer.id = id;
    layer.kind = LayerKind::Text;
    layer.transform.x = x;
    layer.transform.y = y;
    layer.source = source;
    return layer;
}

// Platforms' keys are a few dozen characters; a file far bigger is surely the wrong file.
constexpr qint64 kMaxKeyFileBytes = 4096;

} // namespace

HeadlessBroadcast::HeadlessBroadcast(BroadcastOptions options, sb::auction::EngineThread* engine,
                                     QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_engine(engine)
{}

HeadlessBroadcast::~HeadlessBroadcast()
{
    stop();
}

bool HeadlessBroadcast::readStreamKeys(BroadcastOptions* options, QString* error)
{
    const QStringList& files = options->streamKeyFiles;
    if (files.isEmpty())
        return true;
    if (files.size() != options->streams.size()) {
        *error = tr("--stream-key-file was given %1 time(s) for %2 --stream destination(s); give "
                    "one key file per --stream, in the same order.")
                     .arg(files.size())
                     .arg(options->streams.size());
        return false;
    }
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        // A FIFO would block the start until something writes to it.
        const QString special = notRegularFileProblem(path);
        if (!special.isEmpty()) {
            *error = tr("--stream-key-file: %1.").arg(special);
            return false;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("--stream-key-file: cannot read %1: %2.").arg(path, file.errorString());
            return false;
        }
        if (file.size() > kMaxKeyFileBytes) {
            *error = tr("--stream-key-file: %1 is %2 bytes; a stream key file holds only the key.")
                         .arg(path)
                         .arg(file.size());
            return false;
        }
        const QString key = QString::fromUtf8(file.readAll()).trimmed();
        if (key.isEmpty()) {
            *error = tr("--stream-key-file: %1 is empty; it must hold the stream key.").arg(path);
            return false;
        }
        const bool oneWord =
            std::none_of(key.cbegin(), key.cend(), [](QChar c) { return c.isSpace() || c < u' '; });
        if (!oneWord) {
            // Never quoted: the file may hold something secret other than a key.
            *error =
                tr("--stream-key-file: %1 must hold the stream key alone, on one line.").arg(path);
            return false;
        }
        if (QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            say(tr("warning: %1 can be read by other users; chmod 600 it.").arg(path));
        // The key becomes the last path segment, where the server reads it.
        QString& url = options->streams[i];
        const qsizetype query = url.indexOf(u'?');
        QString base = query < 0 ? url : url.left(query);
        while (base.endsWith(u'/'))
            base.chop(1);
        url = base + u'/' + key + (query < 0 ? QString() : url.mid(query));
    }
    return true;
}

bool HeadlessBroadcast::loadCollection(QString* error)
{
    using sb::studio::SceneCollection;
    m_collection = std::make_unique<SceneCollection>(); // the defaults of a first start
    const bool named = !m_options.scenesPath.isEmpty();
    const QString path =
        named ? m_options.scenesPath
              : QDir(m_options.dataDir).filePath(QStringLiteral("scenes/default.json"));
    m_collectionDir = QFileInfo(path).absolutePath(); // as the window's, for the defaults too
    if (!named && !QFileInfo::exists(path))
        return true;
    QString loadError;
    if (m_collection->load(path, &loadError))
        return true;
    if (named) {
        *error = tr("--scenes: %1").arg(loadError);
        return false;
    }
    // As the window does, the show goes on with the default scenes; the file is left as it is
    // (the window keeps it aside as .broken when it next opens).
    say(tr("warning: %1 The default scenes are shown.").arg(loadError));
    m_collection = std::make_unique<SceneCollection>();
    return true;
}

std::unique_ptr<Scene> HeadlessBroadcast::buildShow(QString* error)
{
    if (!loadCollection(error))
        return nullptr;
    if (m_collection->canvas() != m_options.size)
        say(tr("warning: the scene collection is laid out for %1×%2 and the canvas is %3×%4; "
               "its sources keep their positions and sizes.")
                .arg(m_collection->canvas().width())
                .arg(m_collection->canvas().height())
                .arg(m_options.size.width())
                .arg(m_options.size.height()));
    m_show = std::make_unique<sb::studio::ShowScene>(*m_engine, m_options.demoMarathon,
                                                     QDir(m_collectionDir));
    QStringList problems;
    auto scene = m_show->build(m_collection->current(), &problems);
    for (const QString& problem : std::as_const(problems))
        say(tr("warning: %1").arg(problem));
    return scene;
}

bool HeadlessBroadcast::buildScene(QString* error)
{
    auto scene = std::make_unique<Scene>();
    if (!m_options.scenePath.isEmpty()) {
        auto description = SceneJson::load(m_options.scenePath, error);
        if (!description)
            return false;
        *scene = description->scene;
    } else if (m_engine) {
        scene = buildShow(error);
        if (!scene)
            return false;
    } else {
        scene->setBackground(QColor(0x14, 0x0c, 0x1c));
        const QSize canvas = m_options.size;
        Layer band;
        band.id = QStringLiteral("band");
        band.kind = LayerKind::Color;
        band.transform.y = canvas.height() - canvas.height() / 8.0;
        band.source = std::make_shared<SolidColorSource>(
            QColor(0x3b, 0x1f, 0x4a), QSize(canvas.width(), canvas.height() / 8));
        scene->addLayer(band);
        TextStyle title;
        title.pixelSize = canvas.height() / 12;
        title.bold = true;
        title.color = QColor(0xf2, 0xc1, 0x4e);
        scene->addLayer(
            textLayer(QStringLiteral("title"),
                      std::make_shared<TextSource>(QStringLiteral("SothebAIs Studio"), title),
                      canvas.width() / 20.0, canvas.height() / 20.0));
        TextStyle clock;
        clock.pixelSize = canvas.height() / 24;
        scene->addLayer(textLayer(
            QStringLiteral("clock"), std::make_shared<TextSource>(QStringLiteral("{time}"), clock),
            canvas.width() / 20.0,
            canvas.height() - canvas.height() / 8.0 + canvas.height() / 40.0));
    }
    // Text layers may carry "{time}", refreshed every second (the benchmark's changing text).
    for (const Layer& layer : scene->layers()) {
        if (auto text = std::dynamic_pointer_cast<TextSource>(layer.source)) {
            if (text->text().contains(QLatin1String("{time}")))
                m_clockTexts.push_back({text, text->text()});
        }
    }
    m_pipeline->setScene(std::move(scene));
    return true;
}

void HeadlessBroadcast::refreshTexts()
{
    const QString now = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    for (const TemplatedText& t : m_clockTexts)
        t.source->setText(QString(t.textTemplate).replace(QLatin1String("{time}"), now));
}

bool HeadlessBroadcast::start(QString* error)
{
    // FFmpeg's own chatter (x264's summary and such) is not for the operator; errors still show.
    av_log_set_level(AV_LOG_ERROR);
    if (!m_options.streams.isEmpty() && m_options.streamKeyFiles.isEmpty())
        say(tr("warning: a stream key given in --stream can be read by every user of this "
               "machine (ps, /proc); put it in a file and pass --stream-key-file FILE."));
    BroadcastSettings settings;
    settings.canvas = m_options.size;
    settings.fps = m_options.fps;
    settings.videoBitrateKbps = m_options.bitrateKbps;
    settings.videoEncoder = m_options.encoder;
    m_pipeline = std::make_unique<BroadcastPipeline>(settings);
    if (!buildScene(error))
        return false;
    if (m_show)
        m_show->attachAudio(m_pipeline->audioMixer()); // the host's voice and the show's sounds
    if (!m_options.musicPath.isEmpty()) {
        // -6 dB: a bed under her -16 LUFS voice, not a second voice. With the show, the bed is
        // the show's (Settings → Host's music bed gives way to --music: main applies it so).
        if (m_show) {
            if (const QString why =
                    m_show->setMusicBed(m_options.musicPath, BroadcastOptions::kMusicLevelDb);
                !why.isEmpty()) {
                *error = why;
                return false;
            }
        } else {
            auto music = sb::render::AudioFileSource::openBed(
                m_options.musicPath, BroadcastOptions::kMusicLevelDb, error);
            if (!music)
                return false;
            m_pipeline->audioMixer().addSource(std::move(music));
        }
    }
    for (const QString& url : m_options.streams) {
        if (!url.startsWith(QLatin1String("rtmp://")) &&
            !url.startsWith(QLatin1String("rtmps://"))) {
            *error = tr("%1 is not an RTMP address: it must start with rtmp:// or rtmps://.")
                         .arg(redactStreamUrl(url));
            return false;
        }
        RtmpOutputSettings rtmp;
        rtmp.name = redactStreamUrl(url);
        rtmp.url = url;
        m_pipeline->addOutput(std::make_unique<RtmpOutput>(rtmp));
    }
    if (!m_options.recordPath.isEmpty()) {
        const QFileInfo file(m_options.recordPath);
        if (!file.absoluteDir().exists()) {
            *error =
                tr("Cannot record to %1: the folder does not exist.").arg(m_options.recordPath);
            return false;
        }
        const RecordingOutputSettings recording =
            RecordingOutputSettings::forFile(m_options.recordPath);
        // Now, not at the first frame: a run whose recording never was would end with code 0.
        if (QString why; !recording.canCreateFile(&why)) {
            *error = tr("Cannot record to %1: %2.").arg(m_options.recordPath, why);
            return false;
        }
        m_recordingName = recording.name;
        m_pipeline->addOutput(std::make_unique<RecordingOutput>(recording));
    }
    refreshTexts();
    connect(m_pipeline.get(), &BroadcastPipeline::fatalError, this, [this](const QString& message) {
        say(tr("Broadcast stopped: %1").arg(message));
        emit failed();
    });
    if (!m_pipeline->start(error))
        return false;
    m_running = true;
    if (m_show)
        m_show->start(m_options.fps);
    say(tr("Broadcasting %1×%2 at %3 fps, %4 kbps, encoder %5.")
            .arg(m_options.size.width())
            .arg(m_options.size.height())
            .arg(m_options.fps)
            .arg(m_options.bitrateKbps)
            .arg(m_pipeline->stats().videoEncoder));
    m_secondTimer.setInterval(1000);
    connect(&m_secondTimer, &QTimer::timeout, this, [this] {
        refreshTexts();
        reportStats();
    });
    m_secondTimer.start();
    if (m_options.durationS > 0) {
        // The duration is of the program sent: counted in encoded frames, not from when this
        // call returned, so a busy machine (a late timer, a slow start) sends neither more nor
        // less. With nothing encoded (no output) the clock counts; a stalled encoder never holds
        // the stop more than a few seconds past it.
        m_durationClock.start();
        m_durationTimer.setInterval(20);
        connect(&m_durationTimer, &QTimer::timeout, this, [this] {
            const qint64 durationMs = qint64(m_options.durationS) * 1000;
            const std::int64_t encoded = m_pipeline->stats().framesEncoded;
            const bool byFrames =
                encoded > 0 && encoded >= std::int64_t(m_options.durationS) * m_options.fps;
            const bool byClock = encoded == 0 && m_durationClock.elapsed() >= durationMs;
            const bool overdue = m_durationClock.elapsed() >= durationMs + 5000;
            if (byFrames || byClock || overdue) {
                m_durationTimer.stop();
                emit durationReached();
            }
        });
        m_durationTimer.start();
    }
    return true;
}

void HeadlessBroadcast::reportStats()
{
    const BroadcastStats stats = m_pipeline->stats();
    for (int i = 0; i < stats.outputs.size(); ++i) {
        const OutputStats& o = stats.outputs[i];
        if (m_lastStates.size() <= i)
            m_lastStates.append(-1);
        if (m_lastStates[i] != int(o.state)) {
            m_lastStates[i] = int(o.state);
            say(o.lastError.isEmpty() || o.state == OutputState::Live
                    ? tr("%1: %2").arg(o.name, outputStateName(o.state))
                    : tr("%1: %2 (%3)").arg(o.name, outputStateName(o.state), o.lastError));
        }
    }
    if (!m_options.printStats)
        return;
    const QJsonObject line{
        {QStringLiteral("type"), QStringLiteral("stats")},
        {QStringLiteral("time_utc"), sb::auction::isoUtc(QDateTime::currentMSecsSinceEpoch())},
        {QStringLiteral("stats"), stats.toJson()}};
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
    std::fflush(stdout);
}

BroadcastStats HeadlessBroadcast::stats() const
{
    return m_pipeline ? m_pipeline->stats() : BroadcastStats{};
}

QImage HeadlessBroadcast::grabProgram()
{
    return m_pipeline ? m_pipeline->grabProgram() : QImage();
}

void HeadlessBroadcast::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_show)
        m_show->stop();
    m_secondTimer.stop();
    m_durationTimer.stop();
    m_pipeline->stop();
    reportStats(); // the final figures, after every output finished
    for (const OutputStats& output : m_pipeline->stats().outputs) {
        if (output.name == m_recordingName && output.state == OutputState::Failed)
            m_recordingFailed = true;
    }
    if (m_recordingFailed)
        say(tr("The recording %1 is incomplete: it holds what was written before it failed.")
                .arg(m_options.recordPath));
}

} // namespace sb::app
