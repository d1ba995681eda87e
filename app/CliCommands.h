#pragma once
// The operator's command-line tools: check-bid, schedule, export, backup, restore, journal,
// dead-letters.
// Each returns the process exit code: 0 done, 1 the answer is "no" (a rejected bid), 2 bad input.

#include <QStringList>

namespace sb::app {

int runCheckBid(const QStringList& args);
int runSchedule(const QStringList& args);
int runExport(const QStringList& args);
int runBackup(const QStringList& args);
int runRestore(const QStringList& args);
int runJournal(const QStringList& args);
int runDeadLetters(const QStringList& args);

// One line on stderr; returns 2.
int usageError(const QString& message);

} // namespace sb::app
