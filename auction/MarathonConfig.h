#pragma once
// Everything an operator decides about a marathon before it starts: the schedule, the money rules,
// eligibility and review, and the lots. Validated with sentences an operator can act on; stored as
// JSON (in the database, and in files for `schedule --config`).

#include "Gwei.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <cstdint>
#include <optional>

namespace sb::auction {

// One artwork sold in one auction.
struct Lot
{
    QString title;
    QString artist;
    QString tokenId;   // as the contract will mint it; free text until settlement exists
    QString imagePath; // local file or URL of the artwork
    QString description;
    // The token's metadata URI (e.g. ipfs://…), set on chain with the reservation: the studio
    // hosts no metadata. Optional while drafting; a lot without one cannot be settled on Shape.
    QString tokenUri;
    friend bool operator==(const Lot&, const Lot&) = default;
};

struct MarathonConfig
{
    QString name;
    QDate firstDay; // local date of the first window's start
    int days = 30;
    QTime windowStart{12, 0}; // local wall-clock time
    QTime windowEnd{20, 0};   // at or before windowStart means the next local day
    QString timeZone = QStringLiteral("America/New_York"); // IANA id
    int lotsPerDay = 1; // the window is split into this many consecutive auctions
    QList<Lot> lots;    // days × lotsPerDay entries, in order; may be shorter while drafting

    Gwei reserve = Gwei::fromGwei(10'000'000); // 0.01 ETH
    int minRaisePercent = 5;
    Gwei minRaiseAbsolute = Gwei::fromGwei(1'000'000); // 0.001 ETH
    std::int64_t timeBufferMs = 5 * 60 * 1000;
    std::optional<std::int64_t> maxExtensionMs; // cap on total extension; none by default
    std::int64_t graceMs = 20 * 1000;

    int minAccountAgeDays = 30; // 0 turns the rule off
    QStringList blocklist;      // bidder ids or handles, compared case-insensitively
    bool requireLinkedWallet = false;
    std::optional<Gwei> reviewCeiling; // a bid above this waits for the operator
    int reviewMultiple = 10;           // a bid above K × leader waits; 0 = off
    QString hashtag;                   // e.g. "#SothebAIs"; empty = not required

    // Human-readable problems, empty when the config can run. Checks ranges, the zone id, the
    // window length, lots count, and that windows never overlap.
    QStringList validate() const;

    QJsonObject toJson() const;
    // Reads what toJson writes; missing keys keep their defaults. Type errors and unknown zone
    // ids are reported in *errors (one sentence each) and yield nullopt.
    static std::optional<MarathonConfig> fromJson(const QJsonObject& json, QStringList* errors);

    // A regular file of at most kMaxFileBytes (a FIFO or /dev/zero is refused, never waited on).
    static std::optional<MarathonConfig> loadFile(const QString& path, QStringList* errors);
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
    bool saveFile(const QString& path, QString* error) const;

    friend bool operator==(const MarathonConfig&, const MarathonConfig&) = default;
};

} // namespace sb::auction
