#pragma once
// The host's settings (Settings → Host), kept in studio.ini's [host] section: her persona file,
// voice, the gap between lines, the operator's own blocked words, the optional LLM and the
// optional VTube Studio bridge. No secret is here: the LLM's API key is in the keychain under
// kLlmApiKeyName, the VTube Studio token under its bridge's own name.

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

class QSettings;

namespace sb::studio {

struct HostSettings
{
    static constexpr auto kLlmApiKeyName = "host/llm-api-key"; // SecretStore key

    QString personaFile; // an ElizaOS character file; empty: the persona the studio ships
    QString voice = QStringLiteral("en-us"); // an espeak-ng voice name
    int rateWpm = 165;                       // 80..450
    int pitch = 55;                          // 0..100
    int lineGapSeconds = 4;                  // at most one line this often (1..60)
    QStringList blockedWords;                // added to LineFilter::defaultTerms()

    // A music bed under the show (any audio file FFmpeg reads, looped); empty: none. It ducks
    // by ~10 dB while she speaks.
    QString musicFile;
    int musicLevelDb = -6; // -40..0

    QString llmBaseUrl; // empty: no LLM (the normal case)
    QString llmModel;
    int llmFirstTokenMs = 1500; // 200..10000
    int llmTotalMs = 6000;      // 500..30000, not below the first-token deadline

    bool vtsEnabled = false;
    QString vtsUrl = QStringLiteral("ws://localhost:8001");
    QMap<QString, QString> vtsMoodHotkeys; // mood name ("excited") -> VTube Studio hotkey ID

    bool operator==(const HostSettings&) const = default;

    // One sentence per problem; empty when valid.
    static QStringList validationErrors(const HostSettings& settings);
    // Reads/writes the [host] group of `ini` (the caller validates what was read).
    static HostSettings read(QSettings& ini);
    void write(QSettings& ini) const;

    Q_DECLARE_TR_FUNCTIONS(HostSettings)
};

} // namespace sb::studio
