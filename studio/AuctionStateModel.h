#pragma once
// The auction as the overlays see it: rebuilt on the engine's thread after committed events (one
// rebuild at a time, however many commits came meanwhile) and re-stamped with the clock's time as
// it passes, published as an immutable snapshot that the render thread reads while the next one
// is made.

#include "AuctionSnapshot.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <mutex>
#include <optional>

namespace sb::auction {
class EngineThread;
struct AuctionEvent;
} // namespace sb::auction

namespace sb::studio {

class AuctionStateModel : public QObject
{
    Q_OBJECT

public:
    // The first snapshot is built before this returns (the engine's thread does it; the caller
    // waits once, at start-up).
    AuctionStateModel(sb::auction::EngineThread& engine, bool demo, QObject* parent = nullptr);

    // Thread-safe; never null.
    std::shared_ptr<const AuctionSnapshot> snapshot() const;

    // Follows another engine (the demo replaced by a real marathon); the overlays stay bound.
    void setEngine(sb::auction::EngineThread& engine, bool demo);
    // Asks the engine's thread for a new snapshot; changed() says when it is published.
    void refresh();
    // Moves the snapshot's clock to the engine's now without reading the store.
    // Returns true when the displayed second changed.
    bool advanceClock();
    void setDemo(bool demo);
    // The signed-in X account viewers reply to, for the "How to bid" overlay: set by whoever owns
    // the X connection when its sign-in changes; empty while signed out. A leading "@" and
    // invisible controls are dropped. Kept across engines; changed() when it changes.
    void setXHandle(const QString& username);
    QString xHandle() const { return m_xHandle; }

    // How long the sold auction stays on screen (with its banner) before the schedule card.
    static constexpr std::int64_t kSoldHoldMs = 20'000;

signals:
    void changed(); // the auction changed (not emitted for clock ticks)

private:
    void onEvents(const QList<sb::auction::AuctionEvent>& events);
    void publish(AuctionSnapshot snapshot);

    void seed(); // the tally, badges and first snapshot, read once on the engine's thread

    sb::auction::EngineThread* m_engine;
    bool m_demo = false;
    QString m_xHandle; // stamped on every snapshot published
    // Kept up to date from the events, so a bid never costs a read of the whole marathon.
    LeaderboardTally m_leaderboard;
    QHash<int, bool> m_extended;             // auction index -> auction.extended seen
    QHash<int, std::int64_t> m_winnerSeenMs; // auction index -> when auction.winner came
    bool m_showingSold = false;
    int m_lastSold = -1;            // the auction whose SOLD banner may be up
    bool m_building = false;        // a rebuild is on the engine's thread
    bool m_buildAgain = false;      // and events came after it left
    bool m_retally = false;         // the next rebuild counts the leaderboard again from the store
    std::uint64_t m_generation = 0; // a rebuild for a replaced engine is dropped
    std::optional<int> soldAuctionOnScreen(std::int64_t nowMs) const;
    mutable std::mutex m_mutex;
    std::shared_ptr<const AuctionSnapshot> m_snapshot;
};

} // namespace sb::studio
