// Settlements on Shape, their signed transactions, and the wallets bidders linked to be paid
// from (AuctionStore.h, Settlement.h). Bytes are kept as lower-case hex text ("0x…"), so the file
// can be read with the sqlite3 shell.

#include "AuctionStore.h"
#include "StoreSql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace sb::auction {

using namespace storesql;

namespace {

const QString kSettlementColumns = QStringLiteral(
    "auction_idx, stage, resume_stage, turn, bid_id, bidder_id, bidder_name, price_gwei,"
    " buyer_address, deadline_utc_ms, token_uri, tried_bidders_json, reserved_on_chain,"
    " claim_tx_hash, claim_block, paid_by_address, paid_by_bidder_id, paid_price_gwei, error,"
    " updated_utc_ms");

const QString kTxColumns = QStringLiteral(
    "id, auction_idx, step, turn, chain_id, nonce, from_address, to_address, raw_hex, hash_hex,"
    " state, block_number, block_hash_hex, replaces, replaced_by, error, created_utc_ms,"
    " updated_utc_ms");

QString hexOf(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QStringLiteral("")
                           : QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

QByteArray bytesOf(const QString& hex)
{
    return QByteArray::fromHex(QStringView(hex).mid(hex.startsWith(u"0x") ? 2 : 0).toLatin1());
}

std::optional<Settlement> settlementFrom(const QSqlQuery& q)
{
    const auto stage = settlementStageFromName(q.value(1).toString());
    if (!stage)
        return std::nullopt;
    Settlement s;
    s.auctionIndex = q.value(0).toInt();
    s.stage = *stage;
    if (!q.value(2).isNull()) {
        s.resumeStage = settlementStageFromName(q.value(2).toString());
        if (!s.resumeStage)
            return std::nullopt;
    }
    s.turn = q.value(3).toInt();
    s.bidId = q.value(4).toLongLong();
    s.bidderId = q.value(5).toString();
    s.bidderName = q.value(6).toString();
    s.price = Gwei::fromGwei(q.value(7).toLongLong());
    s.buyerAddress = q.value(8).toString();
    s.deadlineUtcMs = q.value(9).toLongLong();
    s.tokenUri = q.value(10).toString();
    const QJsonArray tried = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array();
    for (const QJsonValue& bidder : tried)
        s.triedBidders.append(bidder.toString());
    s.reservedOnChain = q.value(12).toBool();
    s.claimTxHash = bytesOf(q.value(13).toString());
    if (!q.value(14).isNull())
        s.claimBlock = q.value(14).toULongLong();
    s.paidByAddress = q.value(15).toString();
    s.paidByBidderId = q.value(16).toString();
    s.paidPrice = Gwei::fromGwei(q.value(17).toLongLong());
    s.error = q.value(18).toString();
    s.updatedUtcMs = q.value(19).toLongLong();
    return s;
}

std::optional<ChainTransaction> transactionFrom(const QSqlQuery& q)
{
    const auto state = chainTxStateFromName(q.value(10).toString());
    if (!state)
        return std::nullopt;
    ChainTransaction tx;
    tx.id = q.value(0).toLongLong();
    tx.auctionIndex = q.value(1).toInt();
    tx.step = q.value(2).toString();
    tx.turn = q.value(3).toInt();
    tx.chainId = q.value(4).toULongLong();
    tx.nonce = q.value(5).toULongLong();
    tx.fromAddress = q.value(6).toString();
    tx.toAddress = q.value(7).toString();
    tx.raw = bytesOf(q.value(8).toString());
    tx.hash = bytesOf(q.value(9).toString());
    tx.state = *state;
    if (!q.value(11).isNull())
        tx.blockNumber = q.value(11).toULongLong();
    tx.blockHash = bytesOf(q.value(12).toString());
    tx.replaces = toOptionalInt(q.value(13));
    tx.replacedBy = toOptionalInt(q.value(14));
    tx.error = q.value(15).toString();
    tx.createdUtcMs = q.value(16).toLongLong();
    tx.updatedUtcMs = q.value(17).toLongLong();
    return tx;
}

Result<QList<Settlement>> readSettlements(QSqlQuery& q)
{
    QList<Settlement> rows;
    while (q.next()) {
        const auto row = settlementFrom(q);
        if (!row)
            return AuctionError{QCoreApplication::translate(
                                    "AuctionStore", "A settlement is in an unknown stage: %1")
                                    .arg(q.value(1).toString() + u' ' + q.value(2).toString())};
        rows.append(*row);
    }
    if (stoppedEarly(q))
        return readError(QCoreApplication::translate("AuctionStore", "Cannot read the settlements"),
                         q);
    return rows;
}

Result<QList<ChainTransaction>> readTransactions(QSqlQuery& q)
{
    QList<ChainTransaction> rows;
    while (q.next()) {
        const auto row = transactionFrom(q);
        if (!row)
            return AuctionError{
                QCoreApplication::translate("AuctionStore",
                                            "A chain transaction is in an unknown state: %1")
                    .arg(q.value(10).toString())};
        rows.append(*row);
    }
    if (stoppedEarly(q))
        return readError(
            QCoreApplication::translate("AuctionStore", "Cannot read the chain transactions"), q);
    return rows;
}

} // namespace

bool AuctionStore::saveSettlement(const Settlement& s, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settlements(%1)"
                             " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  .arg(kSettlementColumns));
    q.addBindValue(s.auctionIndex);
    q.addBindValue(settlementStageName(s.stage));
    q.addBindValue(s.resumeStage ? QVariant(settlementStageName(*s.resumeStage))
                                 : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(s.turn);
    q.addBindValue(qint64(s.bidId));
    q.addBindValue(text(s.bidderId));
    q.addBindValue(text(s.bidderName));
    q.addBindValue(qint64(s.price.gwei()));
    q.addBindValue(text(s.buyerAddress));
    q.addBindValue(qint64(s.deadlineUtcMs));
    q.addBindValue(text(s.tokenUri));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(s.triedBidders)).toJson(QJsonDocument::Compact)));
    q.addBindValue(s.reservedOnChain ? 1 : 0);
    q.addBindValue(hexOf(s.claimTxHash));
    q.addBindValue(s.claimBlock ? QVariant(qint64(*s.claimBlock))
                                : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(text(s.paidByAddress));
    q.addBindValue(text(s.paidByBidderId));
    q.addBindValue(qint64(s.paidPrice.gwei()));
    q.addBindValue(text(s.error));
    q.addBindValue(qint64(s.updatedUtcMs));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate(
                                        "AuctionStore", "Cannot save the settlement of auction %1")
                                        .arg(s.auctionIndex),
                                    q.lastError()));
    return true;
}

Result<QList<Settlement>> AuctionStore::settlements() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM settlements ORDER BY auction_idx")
                    .arg(kSettlementColumns)))
        return readError(QCoreApplication::translate("AuctionStore", "Cannot read the settlements"),
                         q);
    return readSettlements(q);
}

Result<std::optional<Settlement>> AuctionStore::settlement(int auctionIndex) const
{
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM settlements WHERE auction_idx=?").arg(kSettlementColumns));
    q.addBindValue(auctionIndex);
    if (!q.exec())
        return readError(QCoreApplication::translate("AuctionStore", "Cannot read the settlements"),
                         q);
    auto rows = readSettlements(q);
    if (!rows)
        return AuctionError{rows.error()};
    return rows->isEmpty() ? std::nullopt : std::optional(rows->first());
}

bool AuctionStore::addChainTransaction(ChainTransaction& tx, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO chain_transactions(%1)"
                             " VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  .arg(kTxColumns));
    q.addBindValue(tx.auctionIndex);
    q.addBindValue(text(tx.step));
    q.addBindValue(tx.turn);
    q.addBindValue(qint64(tx.chainId));
    q.addBindValue(qint64(tx.nonce));
    q.addBindValue(text(tx.fromAddress));
    q.addBindValue(text(tx.toAddress));
    q.addBindValue(hexOf(tx.raw));
    q.addBindValue(hexOf(tx.hash));
    q.addBindValue(chainTxStateName(tx.state));
    q.addBindValue(tx.blockNumber ? QVariant(qint64(*tx.blockNumber))
                                  : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(hexOf(tx.blockHash));
    q.addBindValue(optionalInt(tx.replaces));
    q.addBindValue(optionalInt(tx.replacedBy));
    q.addBindValue(text(tx.error));
    q.addBindValue(qint64(tx.createdUtcMs));
    q.addBindValue(qint64(tx.updatedUtcMs));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate(
                                        "AuctionStore", "Cannot store the signed transaction"),
                                    q.lastError()));
    tx.id = q.lastInsertId().toLongLong();
    return true;
}

bool AuctionStore::updateChainTransaction(const ChainTransaction& tx, QString* error)
{
    // What was signed (raw, hash, nonce, addresses) never changes; only what the chain says.
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("UPDATE chain_transactions SET state=?, block_number=?,"
                             " block_hash_hex=?, replaced_by=?, error=?, updated_utc_ms=?"
                             " WHERE id=?"));
    q.addBindValue(chainTxStateName(tx.state));
    q.addBindValue(tx.blockNumber ? QVariant(qint64(*tx.blockNumber))
                                  : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(hexOf(tx.blockHash));
    q.addBindValue(optionalInt(tx.replacedBy));
    q.addBindValue(text(tx.error));
    q.addBindValue(qint64(tx.updatedUtcMs));
    q.addBindValue(qint64(tx.id));
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(error, describe(QCoreApplication::translate(
                                        "AuctionStore", "Cannot update the chain transaction %1")
                                        .arg(tx.id),
                                    q.lastError()));
    return true;
}

Result<QList<ChainTransaction>>
AuctionStore::chainTransactions(std::optional<int> auctionIndex) const
{
    QSqlQuery q(connection());
    if (auctionIndex) {
        q.prepare(QStringLiteral("SELECT %1 FROM chain_transactions WHERE auction_idx=?"
                                 " ORDER BY id")
                      .arg(kTxColumns));
        q.addBindValue(*auctionIndex);
    } else {
        q.prepare(QStringLiteral("SELECT %1 FROM chain_transactions ORDER BY id").arg(kTxColumns));
    }
    if (!q.exec())
        return readError(
            QCoreApplication::translate("AuctionStore", "Cannot read the chain transactions"), q);
    return readTransactions(q);
}

bool AuctionStore::saveWalletLink(const WalletLink& link, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("INSERT INTO wallet_links(bidder_id, bidder_name, address, source,"
                       " source_id, linked_utc_ms) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT(bidder_id) DO UPDATE SET bidder_name = excluded.bidder_name,"
                       " address = excluded.address, source = excluded.source,"
                       " source_id = excluded.source_id, linked_utc_ms = excluded.linked_utc_ms"));
    q.addBindValue(text(link.bidderId));
    q.addBindValue(text(link.bidderName));
    q.addBindValue(text(link.address));
    q.addBindValue(text(link.source));
    q.addBindValue(text(link.sourceId));
    q.addBindValue(qint64(link.linkedUtcMs));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot save a wallet link"),
                                    q.lastError()));
    return true;
}

Result<QList<WalletLink>> AuctionStore::walletLinks() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT bidder_id, bidder_name, address, source, source_id,"
                               " linked_utc_ms FROM wallet_links ORDER BY bidder_id")))
        return readError(QCoreApplication::translate("AuctionStore", "Cannot read wallet links"),
                         q);
    QList<WalletLink> links;
    while (q.next()) {
        links.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong()});
    }
    if (stoppedEarly(q))
        return readError(QCoreApplication::translate("AuctionStore", "Cannot read wallet links"),
                         q);
    return links;
}

} // namespace sb::auction
