#include "CsvExporter.h"

#include "BidParser.h"
#include "UtcTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>

#include <algorithm>

namespace sb::auction {

namespace {

QString row(const QStringList& cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString& cell : cells)
        escaped.append(CsvExporter::escapeCell(cell));
    return escaped.join(u',') + QStringLiteral("\r\n");
}

// Writes the file under a temporary name; only a complete, flushed and synced file is renamed
// into place. A short write (a full disk, a file-size limit) is an error, never a success: the
// operating system may accept part of a write without reporting one.
bool writeCompletely(QSaveFile& file, const QByteArray& bytes, QString* error)
{
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("CsvExporter", "Cannot write %1: %2")
                     .arg(file.fileName(), file.errorString());
        return false;
    }
    const qint64 written = file.write(bytes);
    if (written != bytes.size()) {
        *error = QCoreApplication::translate("CsvExporter",
                                             "Cannot write %1: only %2 of %3 bytes fit (is the "
                                             "disk full?)")
                     .arg(file.fileName())
                     .arg(std::max<qint64>(written, 0))
                     .arg(bytes.size());
        file.cancelWriting();
        return false;
    }
    return true;
}

bool commit(QSaveFile& file, QString* error)
{
    if (!file.commit()) {
        *error = QCoreApplication::translate("CsvExporter", "Cannot write %1: %2")
                     .arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString CsvExporter::escapeCell(const QString& cell)
{
    QString value = cell;
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r') || value.contains(u'\'')) {
        value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        value = u'"' + value + u'"';
    }
    return value;
}

bool CsvExporter::exportAll(const AuctionStore& store, const QString& directory, QString* error)
{
    if (!QDir().mkpath(directory)) {
        *error = QCoreApplication::translate("CsvExporter", "Cannot create %1").arg(directory);
        return false;
    }
    // Nothing is written from data that could not be read: an export that looks complete but is
    // not would be worse than none.
    QString loadError;
    const auto marathon = store.loadMarathon(&loadError);
    if (!marathon) {
        *error = loadError.isEmpty()
                     ? QCoreApplication::translate("CsvExporter", "The database holds no marathon.")
                     : loadError;
        return false;
    }
    const QList<AuctionDay> auctions = store.loadAuctions(&loadError);
    if (!loadError.isEmpty()) {
        *error = loadError;
        return false;
    }
    const Result<QList<BidRecord>> allBids = store.bids();
    if (!allBids) {
        *error = allBids.error();
        return false;
    }

    QString bids =
        row({QStringLiteral("bid_id"), QStringLiteral("day"), QStringLiteral("lot"),
             QStringLiteral("source"), QStringLiteral("source_id"), QStringLiteral("bidder_id"),
             QStringLiteral("bidder"), QStringLiteral("amount_eth"), QStringLiteral("amount_gwei"),
             QStringLiteral("posted_utc"), QStringLiteral("received_utc"), QStringLiteral("status"),
             QStringLiteral("reason_code"), QStringLiteral("reason"), QStringLiteral("note"),
             QStringLiteral("text")});
    for (const BidRecord& b : *allBids) {
        const AuctionDay a = auctions.value(b.auctionIndex);
        bids += row({QString::number(b.id), QString::number(a.dayNumber),
                     QString::number(a.lot + 1), b.source, b.sourceId, b.bidderId,
                     BidParser::withoutInvisibleControls(b.bidderName),
                     b.amount.toDecimalString().remove(u','), QString::number(b.amount.gwei()),
                     isoUtc(b.sourceTimeMs), isoUtc(b.receivedTimeMs), bidStatusName(b.status),
                     b.rejection ? rejectionCodeName(b.rejection->code) : QString(),
                     b.rejection ? b.rejection->message : QString(), b.note,
                     BidParser::withoutInvisibleControls(b.text)});
    }

    QString results =
        row({QStringLiteral("day"), QStringLiteral("lot"), QStringLiteral("title"),
             QStringLiteral("token_id"), QStringLiteral("state"), QStringLiteral("start_utc"),
             QStringLiteral("end_utc"), QStringLiteral("winner_bidder_id"),
             QStringLiteral("winner"), QStringLiteral("amount_eth"), QStringLiteral("amount_gwei"),
             QStringLiteral("winning_bid_id"), QStringLiteral("settlement_note")});
    for (const AuctionDay& a : auctions) {
        QStringList cells = {QString::number(a.dayNumber), QString::number(a.lot + 1)};
        const bool hasLot = a.index < marathon->config.lots.size();
        cells << (hasLot ? marathon->config.lots[a.index].title : QString())
              << (hasLot ? marathon->config.lots[a.index].tokenId : QString())
              << dayStateName(a.state) << isoUtc(a.startUtcMs) << isoUtc(a.endUtcMs);
        std::optional<BidRecord> winner;
        if (a.winnerBidId) {
            Result<std::optional<BidRecord>> read = store.bid(*a.winnerBidId);
            if (!read) {
                *error = read.error();
                return false;
            }
            winner = std::move(*read);
        }
        if (winner) {
            cells << winner->bidderId << BidParser::withoutInvisibleControls(winner->bidderName)
                  << winner->amount.toDecimalString().remove(u',')
                  << QString::number(winner->amount.gwei()) << QString::number(winner->id);
        } else {
            cells << QString() << QString() << QString() << QString() << QString();
        }
        cells << a.settlementNote;
        results += row(cells);
    }
    // Both complete before either replaces a previous export.
    QSaveFile bidsFile(QDir(directory).filePath(QStringLiteral("bids.csv")));
    QSaveFile resultsFile(QDir(directory).filePath(QStringLiteral("results.csv")));
    return writeCompletely(bidsFile, bids.toUtf8(), error) &&
           writeCompletely(resultsFile, results.toUtf8(), error) && commit(bidsFile, error) &&
           commit(resultsFile, error);
}

} // namespace sb::auction
