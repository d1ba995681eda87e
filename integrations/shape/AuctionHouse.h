#pragma once
// The studio's side of the SothebaisAuctionHouse contract (contracts/SothebaisAuctionHouse.sol):
// the call data of its functions, its reads over ShapeRpc, its events read from logs, its custom
// errors turned into sentences for the operator, and its deployment. The compiled artifact (ABI
// and bytecode, committed beside the source and checked against a recompile by
// tst_contract_artifact) is built into the program as the Qt resource kArtifactResource, so an
// installed studio deploys exactly what the tests deployed.
//
// Auction ids on chain are Settlement::auctionIdOf(index) (index + 1); the token minted for an
// auction has the auction's id.

#include "Address.h"
#include "AuctionResult.h"
#include "Eip1559Transaction.h"
#include "FeePlan.h"
#include "RpcResult.h"
#include "ShapeRpc.h"
#include "U256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace sb::integrations::shape {

using sb::auction::Result;

class Secp256k1Key;

// The contract's Status enum, as reservation() returns it.
enum class ReservationStatus
{
    None,      // never reserved
    Open,      // waiting for its buyer's claim
    Claimed,   // paid and minted
    Cancelled, // nobody paid in time; never reserved again
};
QString reservationStatusName(ReservationStatus status); // "none", "open", ...

struct OnChainReservation
{
    ReservationStatus status = ReservationStatus::None;
    Address buyer;
    U256 priceWei;
    std::uint64_t deadline = 0; // unix seconds: the last second a claim is accepted
};

// One of the contract's logs that settlement follows.
struct AuctionHouseEvent
{
    enum class Kind
    {
        Reserved,   // auctionId, buyer, priceWei, deadline, tokenUri
        Reassigned, // auctionId, buyer, previousBuyer, priceWei, deadline
        Claimed,    // auctionId, buyer, priceWei
        Cancelled,  // auctionId, buyer
        Transfer,   // ERC-721: from (previousBuyer), to (buyer), auctionId (the token id)
    };
    Kind kind = Kind::Reserved;
    U256 auctionId;
    Address buyer;
    Address previousBuyer;
    U256 priceWei;
    std::uint64_t deadline = 0;
    QString tokenUri;
    LogEntry log; // where it was seen (block, transaction, removed)
};

// A revert of the contract, read from its encoded custom error.
struct ContractError
{
    QString name;     // "DeadlineNotPassed", "WrongAmount", "Error" (require), "Panic", ...
    QString sentence; // for the operator
};

// The contract as built: its ABI and creation bytecode.
struct ContractArtifact
{
    QJsonArray abi;
    QByteArray bytecode;
};

// What deploy() did.
struct Deployment
{
    SignedTransaction transaction;  // the signed creation (all a dry run gives)
    std::optional<Address> address; // where the contract is, once included
    std::optional<Receipt> receipt;
};

struct DeployOptions
{
    std::uint64_t chainId = 0; // checked against the node before anything is signed
    Address treasury;          // the owner: withdraws the proceeds, pauses, changes the operator
    std::optional<Address> operatorAddress; // none: the deploying key's address
    QString name = QStringLiteral("SothebAIs");
    QString symbol = QStringLiteral("SBAI");
    FeeCaps caps;
    bool dryRun = false; // sign and give the transaction back without sending it
};

class AuctionHouse
{
public:
    static constexpr QLatin1StringView kArtifactResource{":/shape/SothebaisAuctionHouse.json"};

    // `rpc` must outlive this object.
    AuctionHouse(ShapeRpc& rpc, Address contract) : m_rpc(rpc), m_contract(contract) {}
    const Address& contract() const { return m_contract; }

    // ---- call data ----
    static QByteArray reserveCall(std::uint64_t auctionId, const Address& buyer,
                                  const U256& priceWei, std::uint64_t deadline, const QString& uri);
    static QByteArray reassignCall(std::uint64_t auctionId, const Address& runnerUp,
                                   const U256& priceWei, std::uint64_t deadline);
    static QByteArray cancelCall(std::uint64_t auctionId);
    static QByteArray claimCall(std::uint64_t auctionId);
    static QByteArray reservationCall(std::uint64_t auctionId);
    static QByteArray ownerOfCall(std::uint64_t tokenId);
    static QByteArray tokenUriCall(std::uint64_t tokenId);
    static QByteArray operatorCall();

    // ---- reads (eth_call on the latest block) ----
    static Result<OnChainReservation> decodeReservation(QByteArrayView returned);
    void reservation(std::uint64_t auctionId, ShapeRpc::Done<OnChainReservation> done);
    // none when the token does not exist (not minted, ERC721NonexistentToken).
    void ownerOf(std::uint64_t tokenId, ShapeRpc::Done<std::optional<Address>> done);
    void tokenUri(std::uint64_t tokenId, ShapeRpc::Done<QString> done);
    void operatorAddress(ShapeRpc::Done<Address> done);

    // ---- events ----
    static QByteArray reservedTopic();
    static QByteArray reassignedTopic();
    static QByteArray claimedTopic();
    static QByteArray cancelledTopic();
    static QByteArray transferTopic(); // ERC-721's (DESIGN.md)
    // The event a log of this contract is; none for a log of another event; an error for a log
    // of a known event whose topics or data do not read.
    static Result<std::optional<AuctionHouseEvent>> decodeLog(const LogEntry& log);

    // ---- errors ----
    // The contract's revert `data` (4-byte selector and arguments) in words; none for data that
    // is no error the contract (or Solidity) defines.
    static std::optional<ContractError> decodeError(QByteArrayView data);
    // The error of a failed eth_call/eth_estimateGas: the contract's sentence when the node passed
    // the revert data, else none.
    static std::optional<ContractError> decodeError(const RpcError& error);

    // ---- deployment ----
    // The artifact built into the program.
    static Result<ContractArtifact> artifact();
    // Creation code: the bytecode and the constructor's arguments, checked against the artifact's
    // ABI (constructor(string name, string symbol, address treasury, address operator)).
    static Result<QByteArray> creationData(const ContractArtifact& artifact, const QString& name,
                                           const QString& symbol, const Address& treasury,
                                           const Address& operatorAddress);
    // Checks the chain, signs the creation with `key` (nonce from pending, fees from the market
    // under the caps, gas estimated + 20 %), checks the balance, broadcasts it and waits until it
    // is included; a dry run stops after signing. `key` must live until `done` runs (on the rpc's
    // thread); it is never logged.
    static void deploy(ShapeRpc& rpc, const Secp256k1Key& key, const DeployOptions& options,
                       std::function<void(const RpcResult<Deployment>&)> done);

private:
    ShapeRpc& m_rpc;
    Address m_contract;
};

} // namespace sb::integrations::shape
