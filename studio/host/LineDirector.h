#pragma once
// Decides what the host says and when (DESIGN.md, "The host character"): the engine's events
// become lines from the persona's per-event templates, in one speech queue where the winner goes
// before an extension, an extension before a new leader and a leader before the rest. Bids that
// arrive while a line waits merge into one ("Three new bids — vault_vera leads at 0.8 ETH!"); at
// most one line every minGapMs; a line still waiting after staleMs is dropped. No template of a
// kind repeats before the others of that kind were said.
//
// Bidder-controlled text never becomes the host's words: a bidder is named by safeHandle() (or
// "a bidder"), amounts only as the engine formats them, lot titles not at all; every line passes
// the LineFilter, and a line it blocks is replaced by a clean template line of the same kind.
//
// Deterministic on the times it is given (the engine clock, UTC ms): the GUI thread feeds events
// and ticks; lineReady() goes to the caption, the voice and the journal (host.line).

#include "HostLine.h"
#include "LineFilter.h"
#include "Persona.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>

#include <cstdint>
#include <functional>

namespace sb::auction {
struct AuctionEvent;
}

namespace sb::studio {

class LineDirector : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::int64_t minGapMs = 4'000;      // at most one line this often
        std::int64_t staleMs = 10'000;      // a line waiting longer is no longer news
        std::int64_t idleMs = 45'000;       // quiet time in an open auction before an idle line
        std::int64_t lastMinuteMs = 60'000; // "last minute" this long before the end
        std::int64_t jumpFactor = 2;        // a new leader at this many times the last is a jump
        int maxOperatorChars = 280;

        bool operator==(const Settings&) const = default;
    };

    struct OperatorLineResult
    {
        bool accepted = false;
        QString reason; // why not, when refused
    };

    explicit LineDirector(QObject* parent = nullptr);

    void setSettings(const Settings& settings) { m_settings = settings; }
    Settings settings() const { return m_settings; }
    // A new persona starts every kind's template rotation afresh.
    void setPersona(const Persona& persona);
    const Persona& persona() const { return m_persona; }
    void setFilter(const LineFilter& filter) { m_filter = filter; }
    const LineFilter& filter() const { return m_filter; }
    // While this says the host is still speaking, the next line waits (and may go stale): lines
    // come no faster than she can say them. The operator's lines do not wait. None: never busy.
    void setVoiceBusy(std::function<bool()> busy) { m_voiceBusy = std::move(busy); }
    // Templates are drawn in a shuffled order; tests fix the seed.
    void setSeed(quint32 seed) { m_random.seed(seed); }

    // The engine's events, as EngineThread::eventsCommitted delivers them, seen at `nowMs`. An
    // event stamped more than staleMs before `nowMs` (a replay) only updates the state.
    void onEvents(const QList<sb::auction::AuctionEvent>& events, std::int64_t nowMs);
    // For a start in the middle of an auction, when its day.opened came before this director:
    // auction `auction` (lot `lot`) takes bids until `endUtcMs`; -1 for none open.
    void setOpenAuction(int auction, int lot, std::int64_t endUtcMs, std::int64_t nowMs);
    // Says the next line when its turn has come; adds last-minute and idle lines when due.
    void tick(std::int64_t nowMs);

    // Muted: no line from the events is queued or said (the queue is emptied); the operator's
    // own lines still are.
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    // Stops the current line (lineSkipped) and lets the next one come at once.
    void skip(std::int64_t nowMs);
    // The operator's line goes before every other and does not wait for the gap; it is refused
    // when empty, too long, or blocked by the filter.
    OperatorLineResult sayOperatorLine(const QString& text, std::int64_t nowMs);

    // The lines waiting, in the order they would be said (texts not yet filled in).
    QList<HostLineKind> pendingKinds() const;
    HostLine currentLine() const { return m_current; }

    // A handle as it may be spoken: ASCII letters, digits and '_' (a leading '@' dropped), at
    // most 15 characters; anything else is "a bidder".
    static QString safeHandle(const QString& bidder);
    // "45 seconds", "a minute and 10 seconds", "4 minutes", "3 hours and 12 minutes".
    static QString spokenDuration(std::int64_t ms);
    // The lines a kind has when the persona has none.
    static QStringList builtInTemplates(HostLineKind kind);

signals:
    void lineReady(const sb::studio::HostLine& line);
    void lineSkipped(const sb::studio::HostLine& line);
    // A queued line that was not said: stale, superseded, or muted away.
    void lineDropped(sb::studio::HostLineKind kind, const QString& why);

private:
    struct Pending
    {
        HostLineKind kind = HostLineKind::Idle;
        int auction = -1;
        std::int64_t createdMs = 0;
        std::int64_t targetUtcMs = 0; // for {time_left}: the end or start it counts down to
        int bids = 1;                 // bids merged into a leader line
        QMap<QString, QString> values;
        QString operatorText;
    };

    void onEvent(const sb::auction::AuctionEvent& event, std::int64_t nowMs);
    void enqueue(Pending pending);
    void enqueueLeader(Pending pending);
    // Drops waiting lines of `auction` (any when -1) whose priority is below `below`.
    void dropPending(int auction, HostLinePriority below, const QString& why);
    // The line's text; *facts gets what it states.
    QString render(const Pending& pending, std::int64_t nowMs, HostLineFacts* facts);
    QString fill(const QString& line, const QMap<QString, QString>& values) const;
    QStringList templatesOf(HostLineKind kind) const;
    int nextTemplate(HostLineKind kind, int count);

    Settings m_settings;
    std::function<bool()> m_voiceBusy;
    Persona m_persona;
    LineFilter m_filter;
    QRandomGenerator m_random{0x5b5b};
    QHash<int, QList<int>> m_bags; // per kind: template indexes still to use
    QHash<int, int> m_lastTemplate;

    QList<Pending> m_queue;
    HostLine m_current;
    bool m_muted = false;
    bool m_eventIsOld = false; // the event being read is older than staleMs
    std::int64_t m_nextAllowedMs = 0;
    std::int64_t m_lastSpokenMs = 0;
    std::int64_t m_lastActivityMs = 0;

    int m_openAuction = -1; // taking bids now; -1 when none
    int m_openLot = 0;
    std::int64_t m_endUtcMs = 0;
    std::int64_t m_lastMinuteForEndMs = 0;
    QHash<int, std::int64_t> m_leaderGwei;
    QHash<int, QString> m_leaderBidderId;
    QHash<int, bool> m_settlementSaid;
};

} // namespace sb::studio
