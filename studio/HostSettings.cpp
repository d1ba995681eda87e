#include "HostSettings.h"

#include "HostMood.h"

#include <QSettings>
#include <QUrl>

namespace sb::studio {

using namespace Qt::StringLiterals;

QStringList HostSettings::validationErrors(const HostSettings& s)
{
    QStringList problems;
    if (s.voice.trimmed().isEmpty())
        problems << tr("Choose a voice for the host.");
    if (s.rateWpm < 80 || s.rateWpm > 450)
        problems << tr("The host's speaking rate must be from 80 to 450 words a minute.");
    if (s.pitch < 0 || s.pitch > 100)
        problems << tr("The host's pitch must be from 0 to 100.");
    if (s.lineGapSeconds < 1 || s.lineGapSeconds > 60)
        problems << tr("The gap between the host's lines must be from 1 to 60 seconds.");
    if (s.musicLevelDb < -40 || s.musicLevelDb > 0)
        problems << tr("The music bed's level must be from -40 to 0 dB.");
    if (!s.llmBaseUrl.trimmed().isEmpty()) {
        const QUrl url(s.llmBaseUrl.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) ||
            url.host().isEmpty())
            problems << tr("The LLM's base URL must be an http:// or https:// address, such as "
                           "http://localhost:11434/v1.");
        if (s.llmModel.trimmed().isEmpty())
            problems << tr("Name the LLM's model (for example llama3.2:3b).");
    }
    if (s.llmFirstTokenMs < 200 || s.llmFirstTokenMs > 10'000)
        problems << tr("The LLM's first-word deadline must be from 0.2 to 10 seconds.");
    if (s.llmTotalMs < 500 || s.llmTotalMs > 30'000)
        problems << tr("The LLM's deadline for the whole line must be from 0.5 to 30 seconds.");
    else if (s.llmTotalMs < s.llmFirstTokenMs)
        problems << tr("The LLM's deadline for the whole line cannot be shorter than its "
                       "first-word deadline.");
    const QUrl vts(s.vtsUrl.trimmed(), QUrl::StrictMode);
    if (s.vtsEnabled || !s.vtsUrl.trimmed().isEmpty()) {
        if (!vts.isValid() || (vts.scheme() != u"ws"_s && vts.scheme() != u"wss"_s) ||
            vts.host().isEmpty())
            problems << tr("VTube Studio's address must be a ws:// address, such as "
                           "ws://localhost:8001.");
    }
    for (auto it = s.vtsMoodHotkeys.cbegin(); it != s.vtsMoodHotkeys.cend(); ++it) {
        if (!hostMoodFromName(it.key()))
            problems << tr("“%1” is not one of the host's moods.").arg(it.key());
    }
    return problems;
}

HostSettings HostSettings::read(QSettings& ini)
{
    HostSettings s;
    ini.beginGroup(u"host"_s);
    s.personaFile = ini.value(u"persona_file"_s, s.personaFile).toString();
    s.voice = ini.value(u"voice"_s, s.voice).toString();
    s.rateWpm = ini.value(u"rate_wpm"_s, s.rateWpm).toInt();
    s.pitch = ini.value(u"pitch"_s, s.pitch).toInt();
    s.lineGapSeconds = ini.value(u"line_gap_s"_s, s.lineGapSeconds).toInt();
    s.blockedWords = ini.value(u"blocked_words"_s, s.blockedWords).toStringList();
    s.musicFile = ini.value(u"music_file"_s, s.musicFile).toString();
    s.musicLevelDb = ini.value(u"music_level_db"_s, s.musicLevelDb).toInt();
    s.llmBaseUrl = ini.value(u"llm_base_url"_s, s.llmBaseUrl).toString();
    s.llmModel = ini.value(u"llm_model"_s, s.llmModel).toString();
    s.llmFirstTokenMs = ini.value(u"llm_first_token_ms"_s, s.llmFirstTokenMs).toInt();
    s.llmTotalMs = ini.value(u"llm_total_ms"_s, s.llmTotalMs).toInt();
    s.vtsEnabled = ini.value(u"vts_enabled"_s, s.vtsEnabled).toBool();
    s.vtsUrl = ini.value(u"vts_url"_s, s.vtsUrl).toString();
    ini.beginGroup(u"vts_mood_hotkeys"_s);
    for (const QString& mood : ini.childKeys())
        s.vtsMoodHotkeys.insert(mood, ini.value(mood).toString());
    ini.endGroup();
    ini.endGroup();
    return s;
}

void HostSettings::write(QSettings& ini) const
{
    ini.beginGroup(u"host"_s);
    ini.setValue(u"persona_file"_s, personaFile);
    ini.setValue(u"voice"_s, voice);
    ini.setValue(u"rate_wpm"_s, rateWpm);
    ini.setValue(u"pitch"_s, pitch);
    ini.setValue(u"line_gap_s"_s, lineGapSeconds);
    ini.setValue(u"blocked_words"_s, blockedWords);
    ini.setValue(u"music_file"_s, musicFile);
    ini.setValue(u"music_level_db"_s, musicLevelDb);
    ini.setValue(u"llm_base_url"_s, llmBaseUrl);
    ini.setValue(u"llm_model"_s, llmModel);
    ini.setValue(u"llm_first_token_ms"_s, llmFirstTokenMs);
    ini.setValue(u"llm_total_ms"_s, llmTotalMs);
    ini.setValue(u"vts_enabled"_s, vtsEnabled);
    ini.setValue(u"vts_url"_s, vtsUrl);
    ini.beginGroup(u"vts_mood_hotkeys"_s);
    for (auto it = vtsMoodHotkeys.cbegin(); it != vtsMoodHotkeys.cend(); ++it)
        ini.setValue(it.key(), it.value());
    ini.endGroup();
    ini.endGroup();
}

} // namespace sb::studio
