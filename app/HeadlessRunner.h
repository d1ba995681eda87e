#pragma once
// `--headless`: runs a marathon without a window, printing the event journal as JSON lines on
// stdout (one per committed event, flushed, so a line seen is a change that is durable). With
// --demo it creates a short demo marathon with simulated bidders on an accelerated clock.

#include "EngineThread.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace sb::app {

struct HeadlessOptions
{
    bool demo = false;
    int speed = 30;       // demo: virtual seconds per real second
    double bidRate = 2.0; // demo: simulated bids per real second
    quint32 seed = 0;     // demo: 0 picks one
    int demoDays = 3;
    int demoWindowMinutes = 10;
    QString dbPath;     // empty: a new file in the app's data folder
    QString configPath; // real run: the marathon to create when the database is empty
    QString backupDir;  // empty: <db>.backups
    // A new marathon is made only when nothing says one existed here: no backups or
    // .before-restore files beside a missing database (else it was lost or moved: restore it),
    // unless the operator says so.
    bool createNew = false;
    // A marathon whose first day is already past would be caught up (closed unsold) at once.
    bool allowPastStart = false;
};

class HeadlessRunner : public QObject
{
    Q_OBJECT

public:
    explicit HeadlessRunner(HeadlessOptions options, QObject* parent = nullptr);
    ~HeadlessRunner() override;

    bool start(QString* error);
    // Stops between transactions; signalNumber 0 when not asked by a signal. Idempotent.
    void stop(int signalNumber);
    // The marathon session (after start()); the broadcast binds its overlays and host to it.
    sb::auction::EngineThread* session() { return m_session.get(); }

signals:
    void finished(int exitCode);

private:
    // A backup or a .before-restore file of this database, if any: a marathon ran here.
    QString traceOfAnEarlierMarathon() const;
    std::optional<sb::auction::MarathonConfig> makeConfig(const sb::auction::Clock& clock,
                                                          QString* error) const;
    void shutdown(int exitCode, const QString& message);

    HeadlessOptions m_options;
    // The printer is delivered to on the engine's thread: it outlives the session.
    std::unique_ptr<sb::auction::EventSubscriber> m_printer;
    std::unique_ptr<sb::auction::EngineThread> m_session;
    bool m_stopping = false;
};

} // namespace sb::app
