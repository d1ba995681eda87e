#pragma once
// The GUI thread never waits on SQLite (DESIGN.md, Threads): the window names its thread here at
// start-up, and every store call checks it. A call on that thread is a bug: debug builds stop on
// it; other builds log it once and count it, so the window's tests can assert none happened.

class QThread;

namespace sb::auction {

class SqlThreadGuard
{
public:
    // SQLite calls on `thread` are forbidden from now on; nullptr lifts the ban.
    static void forbid(QThread* thread);
    // Called by the store before it touches SQLite.
    static void check();
    // How many store calls ran on the forbidden thread since the process started.
    static int violations();
};

} // namespace sb::auction
