#include "EspeakSpeech.h"

#include "MouthShapes.h"

#include <QLoggingCategory>

#include <espeak-ng/speak_lib.h>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcTts, "sb.tts")

namespace sb::integrations::tts {

namespace {

// espeak-ng's one global engine: initialized once, used under this lock by whoever synthesizes.
std::mutex& espeakMutex()
{
    static std::mutex mutex;
    return mutex;
}
int g_espeakSampleRate = 0; // guarded by espeakMutex(); <= 0 until initialized or after failure

struct Collected
{
    std::vector<short> samples;
    QList<PhonemeMark> phonemes;
    struct Word
    {
        int textPosition; // espeak's: characters (code points) from the start, 1-based
        int length;
        int audioMs;
    };
    QList<Word> words;
};

// The line being synthesized, guarded by espeakMutex(). Not the events' user_data: a block of
// samples can come with no event but the list's terminator, which carries none.
Collected* g_sink = nullptr;

int collect(short* wav, int sampleCount, espeak_EVENT* events)
{
    Collected* sink = g_sink;
    if (!sink)
        return 0;
    for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type == espeakEVENT_PHONEME) {
            const char* name = e->id.string;
            sink->phonemes.append(
                PhonemeMark{QString::fromUtf8(name, qsizetype(strnlen(name, sizeof e->id.string))),
                            e->audio_position});
        } else if (e->type == espeakEVENT_WORD) {
            sink->words.append({e->text_position, e->length, e->audio_position});
        }
    }
    if (wav && sampleCount > 0)
        sink->samples.insert(sink->samples.end(), wav, wav + sampleCount);
    return 0; // go on
}

bool ensureInitialized(QString* error)
{
    static bool tried = false;
    if (!tried) {
        tried = true;
        g_espeakSampleRate =
            espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr,
                              espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_DONT_EXIT);
        if (g_espeakSampleRate > 0)
            espeak_SetSynthCallback(&collect);
        else
            qCWarning(lcTts) << "espeak_Initialize failed:" << g_espeakSampleRate;
    }
    if (g_espeakSampleRate <= 0) {
        *error = QStringLiteral("espeak-ng could not start (is espeak-ng-data installed?)");
        return false;
    }
    return true;
}

// espeak_SetVoiceByProperties() settles for the nearest voice; only a listed language is asked.
bool isListedLanguage(const QByteArray& language)
{
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        const char* languages = (*v)->languages;
        if (languages && languages[0] && qstricmp(languages + 1, language.constData()) == 0)
            return true;
    }
    return false;
}

struct SwrDeleter
{
    void operator()(SwrContext* swr) const { swr_free(&swr); }
};

// espeak's mono int16 to the mixer's interleaved stereo float.
std::vector<float> resampleToStereo(const std::vector<short>& mono, int inRate, QString* error)
{
    AVChannelLayout inLayout, outLayout;
    av_channel_layout_default(&inLayout, 1);
    av_channel_layout_default(&outLayout, kSpeechChannels);
    SwrContext* raw = nullptr;
    int rc = swr_alloc_set_opts2(&raw, &outLayout, AV_SAMPLE_FMT_FLT, kSpeechSampleRate, &inLayout,
                                 AV_SAMPLE_FMT_S16, inRate, 0, nullptr);
    std::unique_ptr<SwrContext, SwrDeleter> swr(raw);
    if (rc >= 0)
        rc = swr_init(swr.get());
    if (rc < 0) {
        char message[AV_ERROR_MAX_STRING_SIZE] = {};
        av_strerror(rc, message, sizeof message);
        *error = QStringLiteral("Resampling the voice failed: %1").arg(QString::fromUtf8(message));
        return {};
    }
    // In slices: in one call libswresample sizes its own buffers to the whole utterance (7 MB
    // for a long line, bench_window's heap profile), in slices to one slice.
    constexpr int kSlice = 4096;
    const int inFrames = int(mono.size());
    const int capacity = int(swr_get_out_samples(swr.get(), inFrames)) + 64;
    std::vector<float> out(std::size_t(capacity) * kSpeechChannels);
    int written = 0;
    for (int offset = 0; written >= 0; offset += kSlice) {
        // The last call, without input, drains what the filter holds back.
        const int count = std::max(0, std::min(kSlice, inFrames - offset));
        const auto* in = reinterpret_cast<const uint8_t*>(mono.data() + std::min(offset, inFrames));
        auto* dst = reinterpret_cast<uint8_t*>(out.data() + std::size_t(written) * kSpeechChannels);
        const int got = count > 0 ? swr_convert(swr.get(), &dst, capacity - written, &in, count)
                                  : swr_convert(swr.get(), &dst, capacity - written, nullptr, 0);
        written = got >= 0 ? written + got : got;
        if (count == 0)
            break;
    }
    if (written < 0) {
        *error = QStringLiteral("Resampling the voice failed (%1)").arg(written);
        return {};
    }
    out.resize(std::size_t(written) * kSpeechChannels);
    return out;
}

// espeak counts code points; QString indexes UTF-16 units.
int qstringIndexOfCodePoint(const QString& text, int codePoint)
{
    int index = 0;
    for (int seen = 0; seen < codePoint && index < text.size(); ++seen)
        index += (text.at(index).isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    return index;
}

} // namespace

EspeakSpeech::EspeakSpeech(LoudnessTarget loudness) : m_loudness(loudness) {}

QList<EspeakVoice> EspeakSpeech::availableVoices()
{
    std::lock_guard lock(espeakMutex());
    QString error;
    if (!ensureInitialized(&error))
        return {};
    QList<EspeakVoice> voices;
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        // languages: a priority byte, then a language name, repeated; the first one selects it.
        const char* languages = (*v)->languages;
        if (!languages || !languages[0] || !languages[1])
            continue;
        voices.append(EspeakVoice{QString::fromUtf8(languages + 1),
                                  QString::fromUtf8((*v)->name).replace(u'_', u' ')});
    }
    return voices;
}

SpeechResult EspeakSpeech::synthesize(const QString& text, const Voice& voice)
{
    SpeechResult result;
    if (text.trimmed().isEmpty())
        return result;

    Collected collected;
    int inRate = 0;
    {
        std::lock_guard lock(espeakMutex());
        if (!ensureInitialized(&result.errorString))
            return result;
        inRate = g_espeakSampleRate;
        const QByteArray voiceName = voice.name.toUtf8();
        // A voice file name ("en-us") or, failing that, a language ("en-gb") as availableVoices()
        // lists them.
        espeak_VOICE byLanguage{};
        byLanguage.languages = voiceName.constData();
        if (espeak_SetVoiceByName(voiceName.constData()) != EE_OK &&
            (!isListedLanguage(voiceName) || espeak_SetVoiceByProperties(&byLanguage) != EE_OK)) {
            result.errorString =
                QStringLiteral("espeak-ng has no voice named “%1”").arg(voice.name);
            return result;
        }
        espeak_SetParameter(espeakRATE, std::clamp(voice.rateWpm, 80, 450), 0);
        espeak_SetParameter(espeakPITCH, std::clamp(voice.pitch, 0, 100), 0);
        const QByteArray utf8 = text.toUtf8();
        g_sink = &collected;
        const espeak_ERROR rc = espeak_Synth(utf8.constData(), std::size_t(utf8.size()) + 1, 0,
                                             POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        g_sink = nullptr;
        if (rc != EE_OK) {
            result.errorString = QStringLiteral("espeak-ng could not speak the line (%1)").arg(rc);
            return result;
        }
    }

    result.samples = resampleToStereo(collected.samples, inRate, &result.errorString);
    if (!result.ok())
        return result;
    const LoudnessMeasurement level =
        normalizeLoudness(result.samples, kSpeechSampleRate, m_loudness);
    result.loudnessLufs = level.silent ? 0.0 : level.integratedLufs;
    result.truePeakDbtp = level.truePeakDbtp;

    result.phonemes = collected.phonemes;
    result.visemes = visemeTimeline(result.phonemes, result.durationMs());
    for (const Collected::Word& word : std::as_const(collected.words)) {
        const int start = qstringIndexOfCodePoint(text, std::max(0, word.textPosition - 1));
        const int end =
            qstringIndexOfCodePoint(text, std::max(0, word.textPosition - 1 + word.length));
        result.words.append(WordMark{int(result.words.size()), start, end - start, word.audioMs});
    }
    return result;
}

} // namespace sb::integrations::tts
