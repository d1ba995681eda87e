#pragma once
// The show bound to one marathon: the auction state the overlays paint, the scene builder that
// turns a collection's scene into the render thread's Scene, and the host character, which hears
// every committed event (its moods) and is ticked with the overlays as frames pass. The window
// and headless broadcasting wire these pieces the same way through this class, so the program
// they compose from the same collection and the same engine state is the same picture.

#include "HostSettings.h"
#include "SceneCollection.h"

#include <QDir>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace sb::auction {
class EngineThread;
}
namespace sb::render {
class AudioMixer;
class Scene;
} // namespace sb::render
namespace sb::integrations {
class SecretStore;
}
namespace sb::integrations::vtubestudio {
class VtsBridge;
class VtsTokenStore;
} // namespace sb::integrations::vtubestudio

namespace sb::studio {

class AuctionStateModel;
class HostOverlay;
struct HostLine;
class HostVoice;
class ShowSounds;
class HostVtsLink;
class LineComposer;
class LineDirector;
class MusicBedSlot;
class SceneBuilder;

class ShowScene : public QObject
{
    Q_OBJECT

public:
    // `engine` must outlive this object or be replaced with setEngine() first. Relative paths in
    // the collection's sources resolve against baseDir (the collection's folder). `demo` labels
    // the overlays as a demo.
    ShowScene(sb::auction::EngineThread& engine, bool demo, QDir baseDir,
              QObject* parent = nullptr);
    ~ShowScene() override;

    // Follows another engine (the demo replaced by a real marathon); overlays and host stay.
    void setEngine(sb::auction::EngineThread& engine, bool demo);

    // A source that cannot be built (a missing file) is left out and named in *problems.
    std::unique_ptr<sb::render::Scene> build(const SceneData& scene, QStringList* problems);

    // What passes with a frame: the snapshot's clock, the host's mood timers, and the overlays
    // that animate or count down are repainted.
    void tick();
    // Runs tick() at the output's frame rate until stop().
    void start(int fps = 30);
    void stop();

    AuctionStateModel& state() { return *m_state; }
    SceneBuilder& builder() { return *m_builder; }
    HostOverlay& host();
    // The host's lines (persona templates, one speech queue): each goes to her caption and to
    // the journal (host.line).
    LineDirector& lines() { return *m_lines; }
    // Her voice: the source to add to the pipeline's audio mixer; it speaks each line.
    HostVoice& voice() { return *m_voice; }
    // The gavel on SOLD and the chime at window open (synthesized, under her voice).
    ShowSounds& sounds() { return *m_sounds; }
    // Puts her voice and the show's sounds in `mixer`, her voice the key that ducks the rest
    // (a music bed) by ~10 dB while she speaks.
    void attachAudio(sb::render::AudioMixer& mixer);
    // The music bed (Settings → Host, headless's --music): `path` looped at levelDb in the mixer
    // attachAudio() was given, under her voice; it replaces the bed before, and an empty path
    // plays none. A file that cannot be opened plays nothing; the reason is returned (empty when
    // it plays). The same file and level again keep it playing where it is.
    QString setMusicBed(const QString& path, int levelDb);
    bool hasMusicBed() const;
    // Between the director and her voice: the optional LLM (the template line without one).
    LineComposer& composer() { return *m_composer; }
    // The Host dock's Mute: the events' lines are neither said nor captioned (those queued or
    // waiting for the LLM are dropped, and what she says now stops) until unmuted; the
    // operator's own lines still are. Logged, not journaled (only spoken lines are).
    void setHostMuted(bool muted);
    bool isHostMuted() const;
    // The Host dock's Skip: her current line stops at once, voice and caption, the lines waiting
    // for the LLM are dropped, and the next queued line may come at once. Logged.
    void skipLine();

    // Settings → Host, applied to the running show: persona (a file that cannot be used keeps
    // the current persona, and says why in the returned problems), voice, line gap, blocklist,
    // the LLM (its API key read from `secrets`) and the VTube Studio bridge (its plugin token
    // kept in `secrets`). `secrets` is the keychain and must outlive this show; null: the show
    // uses one of its own for the studio's service.
    QStringList applyHostSettings(const HostSettings& settings,
                                  sb::integrations::SecretStore* secrets);
    HostSettings hostSettings() const { return m_hostSettings; }
    // The LLM's API key (applyHostSettings reads it); empty for a server without one.
    void setLlmApiKey(const QString& key);
    // Runs the bridge with `tokens` (which must outlive it) while settings.vtsEnabled.
    void setVtubeStudio(const HostSettings& settings,
                        sb::integrations::vtubestudio::VtsTokenStore* tokens);
    // The running bridge, null when VTube Studio is off.
    sb::integrations::vtubestudio::VtsBridge* vtubeStudio() { return m_vts.get(); }

private:
    void bindHost();
    void say(const HostLine& line);
    void applyLlm();

    sb::auction::EngineThread* m_engine;
    std::unique_ptr<AuctionStateModel> m_state;
    std::unique_ptr<SceneBuilder> m_builder;
    std::unique_ptr<LineDirector> m_lines;
    std::unique_ptr<HostVoice> m_voice;
    std::unique_ptr<LineComposer> m_composer;
    HostSettings m_hostSettings;
    QString m_llmApiKey; // never logged, never written
    std::unique_ptr<sb::integrations::SecretStore> m_ownSecrets;
    std::unique_ptr<sb::integrations::vtubestudio::VtsTokenStore> m_vtsTokens;
    std::unique_ptr<sb::integrations::vtubestudio::VtsBridge> m_vts;
    std::unique_ptr<HostVtsLink> m_vtsLink;
    std::unique_ptr<ShowSounds> m_sounds;
    std::shared_ptr<MusicBedSlot> m_music; // in every mixer attached; silent with no bed
    QString m_musicPath;
    int m_musicLevelDb = 0;
    QMetaObject::Connection m_hostEvents;
    QTimer m_frameTimer;
};

} // namespace sb::studio
