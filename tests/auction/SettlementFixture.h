#pragma once
// What the settlement suites share (tst_settlement: the engine's state machine;
// tst_settlementoperator: failures, overrides, posts): one day with settlement on, signed
// transactions and the chain's reports about them, claims and wallet links.

#include "EngineFixture.h"

#include <QTest>

namespace sb::auction::test {

using namespace Qt::StringLiterals;

inline const QString kContract = u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s;
inline const QString kOperator = u"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s;
inline const QString kAliceWallet = u"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"_s;
inline const QString kBobWallet = u"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"_s;
inline const QString kCarolWallet = u"0x90F79bf6EB2c4f870365E785982E1f101E93b906"_s;
inline constexpr std::uint64_t kChainId = 31337;
inline const std::int64_t kWinnerAt = kDay1Close + 21 * kSecond;

inline MarathonConfig oneDay()
{
    MarathonConfig config = simpleConfig(1);
    Lot lot;
    lot.title = u"Dawn"_s;
    lot.artist = u"Ada"_s;
    lot.tokenUri = u"ipfs://bafybeigdyrzt/1.json"_s;
    config.lots = {lot};
    return config;
}

inline SettlementOptions options()
{
    SettlementOptions o;
    o.enabled = true;
    o.deadlineMs = kDay;
    o.contractAddress = kContract;
    o.chainId = kChainId;
    return o;
}

inline ChainTransaction signedTx(const QString& step, int turn, std::uint64_t nonce, char hashByte)
{
    ChainTransaction tx;
    tx.auctionIndex = 0;
    tx.step = step;
    tx.turn = turn;
    tx.chainId = kChainId;
    tx.nonce = nonce;
    tx.fromAddress = kOperator;
    tx.toAddress = kContract;
    tx.raw = QByteArray::fromHex("02f8") + QByteArray(40, hashByte);
    tx.hash = QByteArray(32, hashByte);
    return tx;
}

inline ChainTransaction report(ChainTransaction tx, ChainTxState state, std::uint64_t block = 0)
{
    tx.state = state;
    if (block > 0) {
        tx.blockNumber = block;
        tx.blockHash = QByteArray(32, char(block & 0x7f));
    } else {
        tx.blockNumber.reset();
        tx.blockHash.clear();
    }
    return tx;
}

inline ClaimSeen claimBy(const QString& address, Gwei price, char hashByte, std::uint64_t block)
{
    return ClaimSeen{0, address, price, QByteArray(32, hashByte), block, QByteArray(32, 'b')};
}

inline WalletLink walletOf(const QString& bidder, const QString& address)
{
    return WalletLink{bidder, bidder, address, u"x"_s, u"w-"_s + bidder, 0};
}

#define OK(expr)                                                                                   \
    do {                                                                                           \
        const ActionResult r_ = (expr);                                                            \
        QVERIFY2(r_.ok, qPrintable(r_.error));                                                     \
    } while (false)

class SettlementDays
{
protected:
    // One day won by alice (0.5) over dave (0.45, invalidated), bob (0.2 and 0.4) and carol
    // (0.1), with settlement on; `wallets` linked before the close.
    std::unique_ptr<EngineFixture> wonDay(const QList<WalletLink>& wallets);
    // As wonDay with alice's wallet, her reservation stored and included.
    std::unique_ptr<EngineFixture> reservedDay(ChainTransaction* reservation = nullptr);
    static Settlement row(EngineFixture& fx);

    std::int64_t m_bobHighBid = 0;
    std::int64_t m_daveBid = 0;
};

inline Settlement SettlementDays::row(EngineFixture& fx)
{
    const Result<std::optional<Settlement>> s = fx.engine->settlement(0);
    if (!s || !*s)
        return {};
    return **s;
}

inline std::unique_ptr<EngineFixture> SettlementDays::wonDay(const QList<WalletLink>& wallets)
{
    auto fx = std::make_unique<EngineFixture>(oneDay());
    const ActionResult set = fx->engine->setSettlementOptions(options());
    if (!set.ok)
        qFatal("options: %s", qPrintable(set.error));
    fx->at(kDay1Open + 10 * kMinute);
    fx->bid(u"carol"_s, u"0.1 ETH"_s);
    fx->bid(u"bob"_s, u"0.2 ETH"_s);
    m_bobHighBid = fx->bid(u"bob"_s, u"0.4 ETH"_s).bidId;
    m_daveBid = fx->bid(u"dave"_s, u"0.45 ETH"_s).bidId;
    fx->bid(u"alice"_s, u"0.5 ETH"_s);
    const ActionResult invalidated =
        fx->engine->invalidateBid(m_daveBid, u"sock puppet"_s, u"op"_s);
    if (!invalidated.ok)
        qFatal("invalidate: %s", qPrintable(invalidated.error));
    for (const WalletLink& link : wallets) {
        const ActionResult linked = fx->engine->linkWallet(link);
        if (!linked.ok)
            qFatal("link: %s", qPrintable(linked.error));
    }
    fx->at(kWinnerAt);
    return fx;
}

inline std::unique_ptr<EngineFixture> SettlementDays::reservedDay(ChainTransaction* reservation)
{
    auto fx = wonDay({walletOf(u"alice"_s, kAliceWallet)});
    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    const ActionResult stored = fx->engine->storeSettlementTransaction(tx);
    if (!stored.ok)
        qFatal("store: %s", qPrintable(stored.error));
    const ActionResult included =
        fx->engine->updateSettlementTransaction(report(tx, ChainTxState::Included, 10));
    if (!included.ok)
        qFatal("include: %s", qPrintable(included.error));
    if (reservation)
        *reservation = tx;
    return fx;
}

} // namespace sb::auction::test
