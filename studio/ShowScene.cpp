#include "ShowScene.h"

#include "AuctionStateModel.h"
#include "AudioMixer.h"
#include "EngineThread.h"
#include "HostOverlay.h"
#include "HostVoice.h"
#include "HostVtsLink.h"
#include "LineComposer.h"
#include "LineDirector.h"
#include "Persona.h"
#include "Scene.h"
#include "SceneBuilder.h"
#include "SecretStore.h"
#include "ShowSounds.h"
#include "SpeechPlayer.h"
#include "VtsBridge.h"
#include "VtsTokenStore.h"

#include <QLoggingCategory>

#include <algorithm>
#include <mutex>

namespace sb::studio {

using namespace sb::auction;

namespace {
Q_LOGGING_CATEGORY(lcShowHost, "sb.host.lines")
}

// The music bed's place in the mix: the file it plays may change (or go) while mixing.
class MusicBedSlot final : public sb::render::AudioSource
{
public:
    QString name() const override { return QStringLiteral("music bed"); }
    void setFile(std::shared_ptr<sb::render::AudioFileSource> file)
    {
        std::lock_guard lock(m_mutex);
        std::swap(m_file, file); // the old one closes with the parameter, after the lock
    }
    bool hasFile() const
    {
        std::lock_guard lock(m_mutex);
        return m_file != nullptr;
    }
    void read(float* interleaved, int frames) override
    {
        std::lock_guard lock(m_mutex);
        if (!m_file) {
            std::fill_n(interleaved, std::size_t(frames) * 2, 0.0f);
            return;
        }
        m_file->read(interleaved, frames);
        const float gain = m_file->gain();
        for (std::size_t i = 0; i < std::size_t(frames) * 2; ++i)
            interleaved[i] *= gain;
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<sb::render::AudioFileSource> m_file;
};

ShowScene::ShowScene(EngineThread& engine, bool demo, QDir baseDir, QObject* parent)
    : QObject(parent), m_engine(&engine),
      m_state(std::make_unique<AuctionStateModel>(engine, demo)),
      m_builder(std::make_unique<SceneBuilder>(*m_state, std::move(baseDir))),
      m_lines(std::make_unique<LineDirector>()), m_voice(std::make_unique<HostVoice>()),
      m_composer(std::make_unique<LineComposer>([this] { return m_engine->clock().nowUtcMs(); }))
{
    // The director's line goes through the LLM when one is configured (at once when not), then
    // shows as her caption, is spoken and is journaled, on the engine's thread.
    connect(m_lines.get(), &LineDirector::lineReady, m_composer.get(), &LineComposer::compose);
    connect(m_lines.get(), &LineDirector::lineSkipped, m_composer.get(),
            [this] { m_composer->cancel(QStringLiteral("skipped")); });
    connect(m_composer.get(), &LineComposer::lineReady, this, &ShowScene::say);
    m_lines->setVoiceBusy([this] { return m_voice->isSpeaking(); });
    connect(m_state.get(), &AuctionStateModel::changed, this,
            [this] { m_builder->markAllDirty(); });
    m_sounds = std::make_unique<ShowSounds>();
    m_music = std::make_shared<MusicBedSlot>();
    bindHost();
    host().setSpeech(m_voice->sharedPlayer()); // her mouth and caption follow her voice
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &ShowScene::tick);
}

ShowScene::~ShowScene()
{
    m_vtsLink.reset();
    m_vts.reset(); // before its token store
}

void ShowScene::say(const HostLine& line)
{
    if (m_lines->isMuted() && line.kind != HostLineKind::Operator)
        return; // muted while the LLM wrote it
    const quint64 voiceLine = m_voice->say(line.text);
    host().say(line.text, m_engine->clock().nowUtcMs(), voiceLine);
    m_engine->post([payload = line.toJournalPayload()](MarathonSession& s) {
        if (const ActionResult r = s.engine().recordHostLine(payload); !r.ok)
            qWarning("host line not journaled: %s", qPrintable(r.error));
    });
}

void ShowScene::setHostMuted(bool muted)
{
    if (muted == m_lines->isMuted())
        return;
    qCInfo(lcShowHost) << (muted ? "the operator muted the host" : "the operator unmuted the host");
    m_lines->setMuted(muted);
    if (muted) {
        m_composer->cancel(QStringLiteral("muted"));
        m_voice->stop();
        host().clearCaption();
    }
}

bool ShowScene::isHostMuted() const
{
    return m_lines->isMuted();
}

void ShowScene::skipLine()
{
    qCInfo(lcShowHost) << "the operator skipped the host's line";
    // Her voice and caption stop first: the director may say its next line at once.
    m_voice->stop();
    host().clearCaption();
    m_composer->cancel(QStringLiteral("skipped"));
    m_lines->skip(m_engine->clock().nowUtcMs());
}

QStringList ShowScene::applyHostSettings(const HostSettings& settings,
                                         sb::integrations::SecretStore* secrets)
{
    QStringList problems;
    // A persona unchanged keeps its template rotation; one that cannot be used keeps the last.
    auto persona = settings.personaFile.isEmpty() ? sb::auction::Result<Persona>(Persona::builtIn())
                                                  : Persona::fromFile(settings.personaFile);
    if (!persona.ok())
        problems << tr("The host's persona file %1 was not used: %2")
                        .arg(QDir::toNativeSeparators(settings.personaFile), persona.error());
    else if (*persona != m_lines->persona())
        m_lines->setPersona(*persona);
    m_composer->setPersona(m_lines->persona());
    m_voice->setVoice({settings.voice, settings.rateWpm, settings.pitch});
    LineDirector::Settings lines = m_lines->settings();
    lines.minGapMs = std::int64_t(settings.lineGapSeconds) * 1000;
    m_lines->setSettings(lines);
    m_composer->setStaleMs(lines.staleMs);
    const LineFilter filter(LineFilter::defaultTerms() + settings.blockedWords);
    m_lines->setFilter(filter);
    m_composer->setFilter(filter);
    if (const QString bed = setMusicBed(settings.musicFile, settings.musicLevelDb); !bed.isEmpty())
        problems << bed;
    m_hostSettings = settings;
    if (!secrets) {
        if (!m_ownSecrets)
            m_ownSecrets = std::make_unique<sb::integrations::SecretStore>();
        secrets = m_ownSecrets.get();
    }
    sb::integrations::llm::LlmSettings llm;
    llm.baseUrl = settings.llmBaseUrl;
    llm.model = settings.llmModel;
    if (llm.configured()) {
        // The LLM is asked once its key is read (none is fine: a local server needs none).
        secrets->startRead(QString::fromLatin1(HostSettings::kLlmApiKeyName), this,
                           [this](const sb::integrations::SecretStore::Result& read) {
                               if (!read.ok())
                                   qWarning("the LLM's API key could not be read: %s",
                                            qPrintable(read.error));
                               setLlmApiKey(read.secret.value_or(QString()));
                           });
    } else {
        applyLlm(); // no LLM: template lines
    }
    if (!settings.vtsEnabled)
        setVtubeStudio(settings, nullptr);
    else if (!m_vts)
        m_vtsTokens = std::make_unique<sb::integrations::vtubestudio::KeychainTokenStore>(*secrets);
    if (settings.vtsEnabled && m_vtsTokens)
        setVtubeStudio(settings, m_vtsTokens.get());
    return problems;
}

void ShowScene::setLlmApiKey(const QString& key)
{
    m_llmApiKey = key;
    applyLlm();
}

void ShowScene::applyLlm()
{
    sb::integrations::llm::LlmSettings llm;
    llm.baseUrl = m_hostSettings.llmBaseUrl;
    llm.model = m_hostSettings.llmModel;
    llm.apiKey = m_llmApiKey;
    llm.firstTokenDeadlineMs = m_hostSettings.llmFirstTokenMs;
    llm.totalDeadlineMs = m_hostSettings.llmTotalMs;
    m_composer->setLlmSettings(llm);
}

void ShowScene::setVtubeStudio(const HostSettings& settings,
                               sb::integrations::vtubestudio::VtsTokenStore* tokens)
{
    namespace vts = sb::integrations::vtubestudio;
    if (!settings.vtsEnabled || !tokens) {
        m_vtsLink.reset();
        m_vts.reset();
        return;
    }
    if (!m_vts) {
        m_vts = std::make_unique<vts::VtsBridge>(*tokens);
        m_vtsLink = std::make_unique<HostVtsLink>(*m_vts);
    }
    vts::VtsSettings bridge = m_vts->settings();
    bridge.url = QUrl(settings.vtsUrl.trimmed());
    bridge.moodHotkeys = settings.vtsMoodHotkeys;
    m_vts->setSettings(bridge);
    m_vts->start();
}

void ShowScene::attachAudio(sb::render::AudioMixer& mixer)
{
    mixer.addSource(m_voice->source());
    mixer.addSource(m_sounds->source());
    mixer.addSource(m_music); // ducks under her voice (AudioSource's default)
    mixer.setDuckingKey(m_voice->source());
}

QString ShowScene::setMusicBed(const QString& path, int levelDb)
{
    if (path == m_musicPath && levelDb == m_musicLevelDb && (path.isEmpty() || hasMusicBed()))
        return {};
    m_musicPath = path;
    m_musicLevelDb = levelDb;
    if (path.isEmpty()) {
        m_music->setFile(nullptr);
        qCInfo(lcShowHost) << "no music bed";
        return {};
    }
    QString error;
    auto bed = sb::render::AudioFileSource::openBed(path, levelDb, &error);
    m_music->setFile(bed);
    if (!bed)
        return tr("The music bed %1 cannot be played: %2")
            .arg(QDir::toNativeSeparators(path), error);
    qCInfo(lcShowHost) << "music bed" << path << "at" << levelDb << "dB";
    return {};
}

bool ShowScene::hasMusicBed() const
{
    return m_music->hasFile();
}

HostOverlay& ShowScene::host()
{
    return m_builder->host();
}

void ShowScene::bindHost()
{
    disconnect(m_hostEvents);
    m_hostEvents = connect(m_engine, &EngineThread::eventsCommitted, this,
                           [this](const QList<AuctionEvent>& events) {
                               const std::int64_t now = m_engine->clock().nowUtcMs();
                               for (const AuctionEvent& event : events)
                                   host().onEvent(event, now);
                               m_lines->onEvents(events, now);
                               m_sounds->onEvents(events);
                           });
    // A host that starts in the middle of an auction knows it is open (and may grow thoughtful).
    const std::int64_t now = m_engine->clock().nowUtcMs();
    host().setAuctionOpen(m_state->snapshot()->isLive(), now);
    const EngineView& view = m_engine->view();
    const AuctionDay* open = nullptr;
    for (const AuctionDay& a : view.auctions) {
        if (view.currentAuction && a.index == *view.currentAuction && a.state == DayState::Active)
            open = &a;
    }
    if (open)
        m_lines->setOpenAuction(open->index, open->lot + 1, open->endUtcMs, now);
    else
        m_lines->setOpenAuction(-1, 0, 0, now);
}

void ShowScene::setEngine(EngineThread& engine, bool demo)
{
    m_engine = &engine;
    m_state->setEngine(engine, demo);
    bindHost();
}

std::unique_ptr<sb::render::Scene> ShowScene::build(const SceneData& scene, QStringList* problems)
{
    return m_builder->build(scene, problems);
}

void ShowScene::tick()
{
    const bool newSecond = m_state->advanceClock();
    host().tick(m_engine->clock().nowUtcMs());
    m_lines->tick(m_engine->clock().nowUtcMs());
    if (m_vtsLink)
        m_vtsLink->update(host().mood(), m_voice->player().position());
    m_builder->tick(newSecond);
}

void ShowScene::start(int fps)
{
    m_frameTimer.start(std::max(1, 1000 / std::max(1, fps)));
}

void ShowScene::stop()
{
    m_frameTimer.stop();
}

} // namespace sb::studio
