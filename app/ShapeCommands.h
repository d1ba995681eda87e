#pragma once
// Settlement on Shape from a terminal:
//   sothebais-studio wallet new|import|address   the operator key, kept only in the OS keychain
//   sothebais-studio shape deploy --rpc URL ...  the auction house, deployed with that key
//   sothebais-studio shape status --db FILE      each auction's settlement, read-only
// `wallet import` reads the key from stdin or --key-file, never from the command line (where the
// shell's history and `ps` would keep it). No command prints the key. Exit codes as the other
// tools: 0 done, 1 the answer is "no" (no key, a refused deployment), 2 bad input.

#include "AuctionResult.h"
#include "Secp256k1Key.h"

#include <QStringList>

namespace sb::app {

int runWallet(const QStringList& args);
int runShape(const QStringList& args);

// The operator key: from `keyFile` when given (its first line, hex), else from the keychain
// (blocking: for the command line and headless). Fails with a sentence when there is none.
sb::auction::Result<sb::integrations::shape::Secp256k1Key> loadOperatorKey(const QString& keyFile);

} // namespace sb::app
