#pragma once
// The program's audio: sums its sources (music beds, a looping file, the host's voice pushed from
// another thread) into 48 kHz stereo float blocks for the AAC encoder. The stream always has
// audio: with no sources, or sources that have nothing to say, the mix is silence.

#include "AudioMeter.h"
#include "MediaTypes.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace sb::render {

// One input of the mix. read() is called on the mixing thread only.
class AudioSource
{
public:
    virtual ~AudioSource() = default;
    virtual QString name() const = 0;
    // Writes exactly frames × 2 interleaved samples (silence where there is nothing to play).
    virtual void read(float* interleaved, int frames) = 0;

    void setGain(float gain) { m_gain.store(gain); }
    float gain() const { return m_gain.load(); }
    // Lowered while the mixer's ducking key (the host's voice) sounds: true for beds (the
    // default), false for the key itself and for effects that must be heard as they are.
    void setDucksUnderKey(bool ducks) { m_ducks.store(ducks); }
    bool ducksUnderKey() const { return m_ducks.load(); }

private:
    std::atomic<float> m_gain{1.0f};
    std::atomic<bool> m_ducks{true};
};

class SilentSource final : public AudioSource
{
public:
    QString name() const override { return QStringLiteral("silence"); }
    void read(float* interleaved, int frames) override;
};

// Any file libavformat reads, decoded and resampled to 48 kHz stereo float; optionally looping.
class AudioFileSource final : public AudioSource
{
public:
    explicit AudioFileSource(QString path, bool loop = true);
    ~AudioFileSource() override;

    bool open(); // false with errorString()
    // A music bed: `path` opened and looped at levelDb (it ducks under the mixer's key). Null
    // with *error when the file cannot be opened or decoded.
    static std::shared_ptr<AudioFileSource> openBed(const QString& path, double levelDb,
                                                    QString* error);
    QString errorString() const;
    bool isFinished() const; // played to the end without looping, or failed
    int loopCount() const;   // how many times it restarted from the beginning

    QString name() const override;
    void read(float* interleaved, int frames) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// PCM that another thread pushes (the host's voice). Keeps at most maxBufferedMs; an underrun is
// silence, an overrun drops the oldest samples.
class PcmInputSource final : public AudioSource
{
public:
    explicit PcmInputSource(QString name, int maxBufferedMs = 2000);

    // Thread-safe. 48 kHz stereo interleaved float.
    void push(const float* interleaved, int frames);
    int bufferedFrames() const;
    std::int64_t underrunFrames() const; // frames of silence played for lack of input

    QString name() const override { return m_name; }
    void read(float* interleaved, int frames) override;

private:
    QString m_name;
    std::size_t m_maxSamples;
    mutable std::mutex m_mutex;
    std::deque<float> m_samples;
    std::int64_t m_underrunFrames = 0;
};

// How the mixer ducks: smooth one-pole attack and release, held through the short gaps between
// words so the bed does not pump.
struct AudioDucking
{
    double depthDb = -10.0;
    double thresholdDbfs = -50.0;
    int attackMs = 40; // time constants of the gain's glide
    int releaseMs = 250;
    int holdMs = 300; // after the key's last sound, before the release starts
};

class AudioMixer
{
public:
    AudioMixer();
    ~AudioMixer();
    AudioMixer(const AudioMixer&) = delete;
    AudioMixer& operator=(const AudioMixer&) = delete;

    // Thread-safe; sources may come and go while mixing.
    void addSource(std::shared_ptr<AudioSource> source);
    void removeSource(const std::shared_ptr<AudioSource>& source);
    void clearSources();
    int sourceCount() const;

    // The next `frames` frames of the mix; firstFrame continues from the previous block.
    AudioBlock mix(int frames);
    std::int64_t nextFrame() const;
    void setNextFrame(std::int64_t frame);

    // Soft clip: the sum stays within [-1, 1] without hard edges.
    static float limit(float sample);

    // Ducking (a radio host over a music bed): while `key` sounds (a block peak above the
    // threshold), every other source that ducksUnderKey() is lowered by depthDb (AudioDucking).
    // A null key turns it off. The key is a source added with addSource() as well.
    void setDuckingKey(std::shared_ptr<AudioSource> key, AudioDucking ducking = {});
    double duckGainDb() const; // the gain ducked sources get now (0 when not ducked)

    // The program mix's loudness and peak, fed with every block mix() returns.
    const AudioMeter& meter() const { return m_meter; }

private:
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<AudioSource>> m_sources;
    std::vector<float> m_scratch;
    std::int64_t m_nextFrame = 0;
    std::shared_ptr<AudioSource> m_duckKey;
    AudioDucking m_ducking;
    std::vector<float> m_keyScratch;
    std::vector<float> m_duckRamp; // per frame of the block
    double m_duckGain = 1.0;
    std::int64_t m_duckHoldFrames = 0;
    AudioMeter m_meter;
};

} // namespace sb::render
