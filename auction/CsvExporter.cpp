#include "CsvExporter.h"

#include "BidParser.h"
#include "UtcTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>

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

bool writeFile(const QString& path, const QString& content, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("CsvExporter", "Cannot write %1: %2")
                     .arg(path, file.errorString());
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
    QString loadError;
    const auto marathon = store.loadMarathon(&loadError);
    const QList<AuctionDay> auctions = store.loadAuctions(&loadError);

    QString bids =
        row({QStringLiteral("bid_id"), QStringLiteral("day"), QStringLiteral("lot"),
             QStringLiteral("source"), QStringLiteral("source_id"), QStringLiteral("bidder_id"),
             QStringLiteral("bidder"), QStringLiteral("amount_eth"), QStringLiteral("amount_gwei"),
             QStringLiteral("posted_utc"), QStringLiteral("received_utc"), QStringLiteral("status"),
             QStringLiteral("reason_code"), QStringLiteral("reason"), QStringLiteral("note"),
             QStringLiteral("text")});
    for (const BidRecord& b : store.bids()) {
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
        const bool hasLot = marathon && a.index < marathon->config.lots.size();
        cells << (hasLot ? marathon->config.lots[a.index].title : QString())
              << (hasLot ? marathon->config.lots[a.index].tokenId : QString())
              << dayStateName(a.state) << isoUtc(a.startUtcMs) << isoUtc(a.endUtcMs);
        const auto winner = a.winnerBidId ? store.bid(*a.winnerBidId) : std::nullopt;
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
    return writeFile(QDir(directory).filePath(QStringLiteral("bids.csv")), bids, error) &&
           writeFile(QDir(directory).filePath(QStringLiteral("results.csv")), results, error);
}

} // namespace sb::auction
