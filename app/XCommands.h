#pragma once
// `sothebais-studio x login|status|logout`: signing in to X from a terminal (a server has no
// window). login prints the address to open in a browser; where that browser cannot reach this
// machine's loopback listener, --paste takes the address the browser was sent to on stdin.
// status prints the state as JSON (never a token). Exit codes as the other tools: 0 done, 1 the
// answer is "no" (not signed in, sign-in refused), 2 bad input.

#include <QStringList>

namespace sb::app {

int runX(const QStringList& args);

} // namespace sb::app
