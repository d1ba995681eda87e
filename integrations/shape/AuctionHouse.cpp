#include "AuctionHouse.h"

#include "Abi.h"
#include "Hex.h"
#include "Secp256k1Key.h"
#include "TransactionSender.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcAuctionHouse, "sb.shape.house")

namespace sb::integrations::shape {

namespace {

AbiValue id(std::uint64_t value)
{
    return AbiValue::uint256(U256::fromUint64(value));
}

QString timeOf(const U256& unixSeconds)
{
    const auto seconds = unixSeconds.toUint64();
    if (!seconds || *seconds > std::uint64_t(253402300799)) // year 9999
        return unixSeconds.toDecimal();
    return QDateTime::fromSecsSinceEpoch(qint64(*seconds), Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

RpcError garbage(const QString& method, const QString& why)
{
    return RpcError{RpcError::Kind::Garbage, method, 0, 0, why, {}};
}

// The words of one custom error from its arguments (after the selector).
using Describe = QString (*)(QByteArrayView args);

QString word(QByteArrayView args, int index)
{
    const auto value = Abi::decodeUint(args, index);
    return value ? value->toDecimal() : QStringLiteral("?");
}

QString addressAt(QByteArrayView args, int index)
{
    const auto value = Abi::decodeAddress(args, index);
    return value ? value->toChecksummed() : QStringLiteral("?");
}

QString timeAt(QByteArrayView args, int index)
{
    const auto value = Abi::decodeUint(args, index);
    return value ? timeOf(*value) : QStringLiteral("?");
}

QString ethAt(QByteArrayView args, int index)
{
    const auto value = Abi::decodeUint(args, index);
    return value ? formatEth(*value) : QStringLiteral("?");
}

struct KnownError
{
    const char* signature;
    Describe describe;
};

const KnownError kErrors[] = {
    {"NotOperator(address)",
     [](QByteArrayView a) {
         return QStringLiteral("%1 is not the auction house's operator: use the operator key the "
                               "contract names, or have its owner call setOperator.")
             .arg(addressAt(a, 0));
     }},
    {"InvalidBuyer(address)",
     [](QByteArrayView a) {
         return QStringLiteral("%1 cannot buy a lot (the zero address or the contract itself).")
             .arg(addressAt(a, 0));
     }},
    {"DeadlineNotInFuture(uint64,uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("The deadline %1 is not after the chain's time (%2).")
             .arg(timeAt(a, 0), timeAt(a, 1));
     }},
    {"EmptyTokenURI(uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("Auction %1 has no token URI: set the lot's token_uri (ipfs://…) "
                               "first.")
             .arg(word(a, 0));
     }},
    {"AlreadyReserved(uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("Auction %1 is already reserved on chain.").arg(word(a, 0));
     }},
    {"NotOpen(uint256,uint8)",
     [](QByteArrayView a) {
         const auto status = Abi::decodeUint(a, 1);
         const auto small = status ? status->toUint64() : std::nullopt;
         const QString name = small && *small <= 3
                                  ? reservationStatusName(ReservationStatus(*small))
                                  : QStringLiteral("unknown");
         return QStringLiteral("Auction %1 is not open on chain (its reservation is %2).")
             .arg(word(a, 0), name);
     }},
    {"NotTheBuyer(uint256,address,address)",
     [](QByteArrayView a) {
         return QStringLiteral("Only %1 may claim auction %2, not %3.")
             .arg(addressAt(a, 2), word(a, 0), addressAt(a, 1));
     }},
    {"DeadlinePassed(uint256,uint64)",
     [](QByteArrayView a) {
         return QStringLiteral("The claim deadline of auction %1 passed at %2.")
             .arg(word(a, 0), timeAt(a, 1));
     }},
    {"DeadlineNotPassed(uint256,uint64)",
     [](QByteArrayView a) {
         return QStringLiteral("The buyer of auction %1 may claim until %2 (chain time): it can "
                               "be reassigned or cancelled only after that.")
             .arg(word(a, 0), timeAt(a, 1));
     }},
    {"WrongAmount(uint256,uint256,uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("Auction %1 costs exactly %2; %3 was sent.")
             .arg(word(a, 0), ethAt(a, 1), ethAt(a, 2));
     }},
    {"NoOpenReservation(address)",
     [](QByteArrayView a) {
         return QStringLiteral("%1 has no open reservation to pay for.").arg(addressAt(a, 0));
     }},
    {"SeveralOpenReservations(address,uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("%1 has %2 open reservations: a plain transfer cannot say which "
                               "it pays; call claim(auctionId).")
             .arg(addressAt(a, 0), word(a, 1));
     }},
    {"NothingToWithdraw()",
     [](QByteArrayView) { return QStringLiteral("The auction house holds nothing to withdraw."); }},
    {"RenounceDisabled()",
     [](QByteArrayView) {
         return QStringLiteral("The auction house cannot be left without an owner.");
     }},
    {"EnforcedPause()",
     [](QByteArrayView) {
         return QStringLiteral("The auction house is paused by its owner: nothing can be "
                               "reserved, reassigned or claimed until it is unpaused.");
     }},
    {"ExpectedPause()",
     [](QByteArrayView) { return QStringLiteral("The auction house is not paused."); }},
    {"OwnableUnauthorizedAccount(address)",
     [](QByteArrayView a) {
         return QStringLiteral("%1 is not the auction house's owner.").arg(addressAt(a, 0));
     }},
    {"ERC721NonexistentToken(uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("Token #%1 does not exist (it was never minted).").arg(word(a, 0));
     }},
    {"ReentrancyGuardReentrantCall()",
     [](QByteArrayView) {
         return QStringLiteral("The auction house refused a call made from inside another of its "
                               "calls.");
     }},
    {"Error(string)",
     [](QByteArrayView a) {
         const auto text = Abi::decodeString(a, 0);
         return QStringLiteral("The contract refused: %1")
             .arg(text ? *text : QStringLiteral("(unreadable reason)"));
     }},
    {"Panic(uint256)",
     [](QByteArrayView a) {
         return QStringLiteral("The contract failed an internal check (panic code %1).")
             .arg(word(a, 0));
     }},
};

QString nameOf(const char* signature)
{
    const QString text = QString::fromLatin1(signature);
    return text.left(text.indexOf(u'('));
}

} // namespace

QString reservationStatusName(ReservationStatus status)
{
    switch (status) {
    case ReservationStatus::None:
        return QStringLiteral("none");
    case ReservationStatus::Open:
        return QStringLiteral("open");
    case ReservationStatus::Claimed:
        return QStringLiteral("claimed");
    case ReservationStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

// ---- call data ----

QByteArray AuctionHouse::reserveCall(std::uint64_t auctionId, const Address& buyer,
                                     const U256& priceWei, std::uint64_t deadline,
                                     const QString& uri)
{
    return Abi::encodeCall("reserve(uint256,address,uint256,uint64,string)",
                           {id(auctionId), AbiValue::address(buyer), AbiValue::uint256(priceWei),
                            id(deadline), AbiValue::string(uri)});
}

QByteArray AuctionHouse::reassignCall(std::uint64_t auctionId, const Address& runnerUp,
                                      const U256& priceWei, std::uint64_t deadline)
{
    return Abi::encodeCall(
        "reassign(uint256,address,uint256,uint64)",
        {id(auctionId), AbiValue::address(runnerUp), AbiValue::uint256(priceWei), id(deadline)});
}

QByteArray AuctionHouse::cancelCall(std::uint64_t auctionId)
{
    return Abi::encodeCall("cancel(uint256)", {id(auctionId)});
}

QByteArray AuctionHouse::claimCall(std::uint64_t auctionId)
{
    return Abi::encodeCall("claim(uint256)", {id(auctionId)});
}

QByteArray AuctionHouse::reservationCall(std::uint64_t auctionId)
{
    return Abi::encodeCall("reservation(uint256)", {id(auctionId)});
}

QByteArray AuctionHouse::ownerOfCall(std::uint64_t tokenId)
{
    return Abi::encodeCall("ownerOf(uint256)", {id(tokenId)});
}

QByteArray AuctionHouse::tokenUriCall(std::uint64_t tokenId)
{
    return Abi::encodeCall("tokenURI(uint256)", {id(tokenId)});
}

QByteArray AuctionHouse::operatorCall()
{
    return Abi::encodeCall("operator()", {});
}

// ---- reads ----

Result<OnChainReservation> AuctionHouse::decodeReservation(QByteArrayView returned)
{
    using R = Result<OnChainReservation>;
    const auto status = Abi::decodeUint(returned, 0);
    const auto buyer = Abi::decodeAddress(returned, 1);
    const auto price = Abi::decodeUint(returned, 2);
    const auto deadline = Abi::decodeUint(returned, 3);
    if (!status || !buyer || !price || !deadline)
        return R::failure(QStringLiteral("reservation(): %1")
                              .arg(!status  ? status.error()
                                   : !buyer ? buyer.error()
                                   : !price ? price.error()
                                            : deadline.error()));
    const auto statusValue = status->toUint64();
    const auto deadlineValue = deadline->toUint64();
    if (!statusValue || *statusValue > 3 || !deadlineValue)
        return R::failure(QStringLiteral("reservation(): a status or deadline out of range"));
    return OnChainReservation{ReservationStatus(*statusValue), *buyer, *price, *deadlineValue};
}

void AuctionHouse::reservation(std::uint64_t auctionId, ShapeRpc::Done<OnChainReservation> done)
{
    CallRequest request;
    request.to = m_contract;
    request.data = reservationCall(auctionId);
    m_rpc.ethCall(request, [done](const RpcResult<QByteArray>& answer) {
        if (!answer)
            return done(answer.error());
        auto decoded = decodeReservation(*answer);
        if (!decoded)
            return done(garbage(QStringLiteral("eth_call"), decoded.error()));
        done(*decoded);
    });
}

void AuctionHouse::ownerOf(std::uint64_t tokenId, ShapeRpc::Done<std::optional<Address>> done)
{
    CallRequest request;
    request.to = m_contract;
    request.data = ownerOfCall(tokenId);
    m_rpc.ethCall(request, [done](const RpcResult<QByteArray>& answer) {
        if (!answer) {
            const auto error = decodeError(answer.error());
            if (error && error->name == QLatin1String("ERC721NonexistentToken"))
                return done(std::optional<Address>());
            return done(answer.error());
        }
        const auto owner = Abi::decodeAddress(*answer, 0);
        if (!owner)
            return done(garbage(QStringLiteral("eth_call"),
                                QStringLiteral("ownerOf(): %1").arg(owner.error())));
        done(std::optional<Address>(*owner));
    });
}

void AuctionHouse::tokenUri(std::uint64_t tokenId, ShapeRpc::Done<QString> done)
{
    CallRequest request;
    request.to = m_contract;
    request.data = tokenUriCall(tokenId);
    m_rpc.ethCall(request, [done](const RpcResult<QByteArray>& answer) {
        if (!answer)
            return done(answer.error());
        const auto uri = Abi::decodeString(*answer, 0);
        if (!uri)
            return done(garbage(QStringLiteral("eth_call"),
                                QStringLiteral("tokenURI(): %1").arg(uri.error())));
        done(*uri);
    });
}

void AuctionHouse::operatorAddress(ShapeRpc::Done<Address> done)
{
    CallRequest request;
    request.to = m_contract;
    request.data = operatorCall();
    m_rpc.ethCall(request, [done](const RpcResult<QByteArray>& answer) {
        if (!answer)
            return done(answer.error());
        const auto address = Abi::decodeAddress(*answer, 0);
        if (!address)
            return done(garbage(QStringLiteral("eth_call"),
                                QStringLiteral("operator(): %1").arg(address.error())));
        done(*address);
    });
}

// ---- events ----

QByteArray AuctionHouse::reservedTopic()
{
    static const QByteArray topic =
        Abi::eventTopic("Reserved(uint256,address,uint256,uint64,string)");
    return topic;
}

QByteArray AuctionHouse::reassignedTopic()
{
    static const QByteArray topic =
        Abi::eventTopic("Reassigned(uint256,address,address,uint256,uint64)");
    return topic;
}

QByteArray AuctionHouse::claimedTopic()
{
    static const QByteArray topic = Abi::eventTopic("Claimed(uint256,address,uint256)");
    return topic;
}

QByteArray AuctionHouse::cancelledTopic()
{
    static const QByteArray topic = Abi::eventTopic("Cancelled(uint256,address)");
    return topic;
}

QByteArray AuctionHouse::transferTopic()
{
    static const QByteArray topic = Abi::eventTopic("Transfer(address,address,uint256)");
    return topic;
}

Result<std::optional<AuctionHouseEvent>> AuctionHouse::decodeLog(const LogEntry& log)
{
    using R = Result<std::optional<AuctionHouseEvent>>;
    if (log.topics.empty())
        return std::optional<AuctionHouseEvent>();
    const QByteArray& topic0 = log.topics[0];
    AuctionHouseEvent event;
    event.log = log;
    std::size_t indexed = 0;
    QString name;
    if (topic0 == reservedTopic()) {
        event.kind = AuctionHouseEvent::Kind::Reserved;
        indexed = 2;
        name = QStringLiteral("Reserved");
    } else if (topic0 == reassignedTopic()) {
        event.kind = AuctionHouseEvent::Kind::Reassigned;
        indexed = 3;
        name = QStringLiteral("Reassigned");
    } else if (topic0 == claimedTopic()) {
        event.kind = AuctionHouseEvent::Kind::Claimed;
        indexed = 2;
        name = QStringLiteral("Claimed");
    } else if (topic0 == cancelledTopic()) {
        event.kind = AuctionHouseEvent::Kind::Cancelled;
        indexed = 2;
        name = QStringLiteral("Cancelled");
    } else if (topic0 == transferTopic() && log.topics.size() == 4) {
        event.kind = AuctionHouseEvent::Kind::Transfer;
        const auto from = Abi::addressFromTopic(log.topics[1]);
        const auto to = Abi::addressFromTopic(log.topics[2]);
        const auto token = Abi::uintFromTopic(log.topics[3]);
        if (!from || !to || !token)
            return R::failure(QStringLiteral("Transfer: its topics do not read"));
        event.previousBuyer = *from;
        event.buyer = *to;
        event.auctionId = *token;
        return std::optional<AuctionHouseEvent>(event);
    } else {
        return std::optional<AuctionHouseEvent>();
    }
    if (log.topics.size() != indexed + 1)
        return R::failure(QStringLiteral("%1: %2 topics, %3 expected")
                              .arg(name)
                              .arg(log.topics.size())
                              .arg(indexed + 1));
    const auto auctionId = Abi::uintFromTopic(log.topics[1]);
    const auto buyer = Abi::addressFromTopic(log.topics[2]);
    if (!auctionId || !buyer)
        return R::failure(QStringLiteral("%1: its topics do not read").arg(name));
    event.auctionId = *auctionId;
    event.buyer = *buyer;
    const auto fail = [&name](const QString& why) {
        return R::failure(QStringLiteral("%1: %2").arg(name, why));
    };
    switch (event.kind) {
    case AuctionHouseEvent::Kind::Reserved: {
        const auto price = Abi::decodeUint(log.data, 0);
        const auto deadline = Abi::decodeUint(log.data, 1);
        const auto uri = Abi::decodeString(log.data, 2);
        if (!price || !deadline || !uri || !deadline->toUint64())
            return fail(QStringLiteral("its data does not read"));
        event.priceWei = *price;
        event.deadline = *deadline->toUint64();
        event.tokenUri = *uri;
        break;
    }
    case AuctionHouseEvent::Kind::Reassigned: {
        const auto previous = Abi::addressFromTopic(log.topics[3]);
        const auto price = Abi::decodeUint(log.data, 0);
        const auto deadline = Abi::decodeUint(log.data, 1);
        if (!previous || !price || !deadline || !deadline->toUint64())
            return fail(QStringLiteral("its data does not read"));
        event.previousBuyer = *previous;
        event.priceWei = *price;
        event.deadline = *deadline->toUint64();
        break;
    }
    case AuctionHouseEvent::Kind::Claimed: {
        const auto price = Abi::decodeUint(log.data, 0);
        if (!price)
            return fail(price.error());
        event.priceWei = *price;
        break;
    }
    case AuctionHouseEvent::Kind::Cancelled:
    case AuctionHouseEvent::Kind::Transfer:
        break;
    }
    return std::optional<AuctionHouseEvent>(event);
}

// ---- errors ----

std::optional<ContractError> AuctionHouse::decodeError(QByteArrayView data)
{
    if (data.size() < 4)
        return std::nullopt;
    const QByteArrayView selector = data.first(4);
    const QByteArrayView args = data.sliced(4);
    for (const KnownError& known : kErrors) {
        if (Abi::selector(known.signature) == selector)
            return ContractError{nameOf(known.signature), known.describe(args)};
    }
    return std::nullopt;
}

std::optional<ContractError> AuctionHouse::decodeError(const RpcError& error)
{
    if (error.kind != RpcError::Kind::JsonRpc || error.data.isEmpty())
        return std::nullopt;
    return decodeError(QByteArrayView(error.data));
}

// ---- deployment ----

Result<ContractArtifact> AuctionHouse::artifact()
{
    using R = Result<ContractArtifact>;
    QFile file(kArtifactResource.toString());
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("The auction house's compiled contract is missing from "
                                         "the program (%1).")
                              .arg(kArtifactResource.toString()));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject object = document.object();
    const auto bytecode = fromHex(object.value(QLatin1String("bytecode")).toString());
    if (!object.value(QLatin1String("abi")).isArray() || !bytecode || bytecode->isEmpty())
        return R::failure(QStringLiteral("The auction house's compiled contract is unreadable."));
    return ContractArtifact{object.value(QLatin1String("abi")).toArray(), *bytecode};
}

Result<QByteArray> AuctionHouse::creationData(const ContractArtifact& artifact, const QString& name,
                                              const QString& symbol, const Address& treasury,
                                              const Address& operatorAddress)
{
    using R = Result<QByteArray>;
    QStringList types;
    bool found = false;
    for (const QJsonValue& entry : artifact.abi) {
        const QJsonObject item = entry.toObject();
        if (item.value(QLatin1String("type")).toString() != QLatin1String("constructor"))
            continue;
        found = true;
        for (const QJsonValue& input : item.value(QLatin1String("inputs")).toArray())
            types << input.toObject().value(QLatin1String("type")).toString();
    }
    const QStringList expected{QStringLiteral("string"), QStringLiteral("string"),
                               QStringLiteral("address"), QStringLiteral("address")};
    if (!found || types != expected)
        return R::failure(
            QStringLiteral("The contract's constructor takes (%1), not (string name, string "
                           "symbol, address treasury, address operator): the artifact is not "
                           "the auction house this studio knows.")
                .arg(types.join(u',')));
    if (treasury.isZero() || operatorAddress.isZero())
        return R::failure(QStringLiteral("The treasury and the operator must be real addresses."));
    return artifact.bytecode +
           Abi::encode({AbiValue::string(name), AbiValue::string(symbol),
                        AbiValue::address(treasury), AbiValue::address(operatorAddress)});
}

void AuctionHouse::deploy(ShapeRpc& rpc, const Secp256k1Key& key, const DeployOptions& options,
                          std::function<void(const RpcResult<Deployment>&)> done)
{
    const auto fail = [done](const QString& method, const QString& why) {
        done(RpcError{RpcError::Kind::Refused, method, 0, 0, why, {}});
    };
    const auto built = artifact();
    if (!built)
        return fail(QStringLiteral("deploy"), built.error());
    const auto data = creationData(*built, options.name, options.symbol, options.treasury,
                                   options.operatorAddress.value_or(key.address()));
    if (!data)
        return fail(QStringLiteral("deploy"), data.error());

    const Secp256k1Key* signer = &key;
    const QByteArray creation = *data;
    rpc.checkChain(options.chainId, [&rpc, signer, creation, options, done,
                                     fail](const RpcResult<std::uint64_t>& chain) {
        if (!chain)
            return done(chain.error());
        rpc.pendingNonce(signer->address(), [&rpc, signer, creation, options, done,
                                             fail](const RpcResult<std::uint64_t>& nonce) {
            if (!nonce)
                return done(nonce.error());
            planFees(
                rpc, options.caps,
                [&rpc, signer, creation, options, done, fail,
                 nonce = *nonce](const RpcResult<FeePlan>& fees) {
                    if (!fees)
                        return done(fees.error());
                    CallRequest estimate;
                    estimate.from = signer->address();
                    estimate.data = creation;
                    rpc.estimateGas(estimate, [&rpc, signer, creation, options, done, fail, nonce,
                                               fees = *fees](const RpcResult<std::uint64_t>& gas) {
                        if (!gas) {
                            const auto reason = decodeError(gas.error());
                            return reason ? fail(gas.error().method, reason->sentence)
                                          : done(gas.error());
                        }
                        Eip1559Transaction tx;
                        tx.chainId = options.chainId;
                        tx.nonce = nonce;
                        tx.maxPriorityFeePerGas = fees.maxPriorityFeePerGas;
                        tx.maxFeePerGas = fees.maxFeePerGas;
                        tx.gasLimit =
                            *gas + *gas / 5; // estimates are tight; unused gas is not paid
                        tx.data = creation;
                        auto signedTx = tx.sign(*signer);
                        if (!signedTx)
                            return fail(QStringLiteral("deploy"), signedTx.error());
                        Deployment deployment;
                        deployment.transaction = *signedTx;
                        if (options.dryRun)
                            return done(deployment);
                        auto* sender = new TransactionSender(rpc, &rpc);
                        sender->checkFunds(
                            deployment.transaction,
                            [sender, deployment, done,
                             fail](const RpcResult<std::optional<QString>>& funds) {
                                if (!funds || *funds) {
                                    sender->deleteLater();
                                    return funds ? fail(QStringLiteral("deploy"), **funds)
                                                 : done(funds.error());
                                }
                                sender->broadcast(deployment.transaction, [sender, deployment, done,
                                                                           fail](const SendOutcome&
                                                                                     sent) {
                                    if (!sent.succeeded()) {
                                        sender->deleteLater();
                                        return fail(QStringLiteral("eth_sendRawTransaction"),
                                                    sent.message);
                                    }
                                    qCInfo(lcAuctionHouse).noquote()
                                        << "Deploying the auction house:"
                                        << deployment.transaction.describe();
                                    sender->watch(
                                        deployment.transaction, [sender, deployment, done,
                                                                 fail](const WatchUpdate& update) {
                                            if (update.level == Confirmation::Sent ||
                                                !update.receipt)
                                                return;
                                            sender->stopWatching(deployment.transaction.hash());
                                            sender->deleteLater();
                                            Deployment result = deployment;
                                            result.receipt = update.receipt;
                                            result.address = update.receipt->contractAddress;
                                            if (!update.receipt->succeeded || !result.address)
                                                return fail(
                                                    QStringLiteral("deploy"),
                                                    QStringLiteral("The deployment %1 was included "
                                                                   "but failed (reverted).")
                                                        .arg(toHex(deployment.transaction.hash())));
                                            qCInfo(lcAuctionHouse).noquote()
                                                << "Auction house deployed at"
                                                << result.address->toChecksummed();
                                            done(result);
                                        });
                                });
                            });
                    });
                });
        });
    });
}

} // namespace sb::integrations::shape
