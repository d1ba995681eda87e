#include "Eip1559Transaction.h"

#include "Hex.h"
#include "Keccak.h"
#include "Rlp.h"

#include <QLoggingCategory>

namespace sb::integrations::shape {

namespace {

Q_LOGGING_CATEGORY(lcShapeTx, "sb.shape.tx")

constexpr std::uint8_t kDepositType = 0x7e;
constexpr int kUnsignedFields = 9;
constexpr int kSignedFields = 12;

std::vector<RlpItem> unsignedFields(const Eip1559Transaction& tx)
{
    std::vector<RlpItem> accessList;
    for (const AccessListEntry& entry : tx.accessList) {
        std::vector<RlpItem> keys;
        for (const QByteArray& key : entry.storageKeys)
            keys.push_back(RlpItem::fromBytes(key));
        accessList.push_back(RlpItem::fromList(
            {RlpItem::fromBytes(entry.address.bytes()), RlpItem::fromList(std::move(keys))}));
    }
    return {RlpItem::fromUint(tx.chainId),
            RlpItem::fromUint(tx.nonce),
            RlpItem::fromUint(tx.maxPriorityFeePerGas),
            RlpItem::fromUint(tx.maxFeePerGas),
            RlpItem::fromUint(tx.gasLimit),
            RlpItem::fromBytes(tx.to ? tx.to->bytes() : QByteArray()),
            RlpItem::fromUint(tx.value),
            RlpItem::fromBytes(tx.data),
            RlpItem::fromList(std::move(accessList))};
}

QByteArray envelope(std::vector<RlpItem> fields)
{
    return char(Eip1559Transaction::kType) + rlpEncode(RlpItem::fromList(std::move(fields)));
}

Result<DecodedTransaction> malformed(const QString& why)
{
    return Result<DecodedTransaction>::failure(
        QStringLiteral("Not a valid type-2 transaction: %1").arg(why));
}

// The fields of a type-2 body (already RLP-decoded), or why they are wrong.
Result<DecodedTransaction> readEip1559(const RlpItem& body)
{
    if (!body.isList() || body.items().size() != kSignedFields)
        return malformed(QStringLiteral("a list of %1 fields was expected").arg(kSignedFields));
    const std::vector<RlpItem>& f = body.items();
    Eip1559Transaction tx;
    Signature signature;

    // The integers in field order; the first that is not an integer of its width is the reason.
    QString why;
    auto narrow = [&](int index, const char* name, std::uint64_t& out) {
        const Result<std::uint64_t> value = f[index].toUint64();
        if (value)
            out = *value;
        else if (why.isEmpty())
            why = QStringLiteral("%1: %2").arg(QLatin1String(name), value.error());
    };
    auto wide = [&](int index, const char* name, U256& out) {
        const Result<U256> value = f[index].toUint();
        if (value)
            out = *value;
        else if (why.isEmpty())
            why = QStringLiteral("%1: %2").arg(QLatin1String(name), value.error());
    };
    std::uint64_t yParity = 0;
    narrow(0, "chainId", tx.chainId);
    narrow(1, "nonce", tx.nonce);
    wide(2, "maxPriorityFeePerGas", tx.maxPriorityFeePerGas);
    wide(3, "maxFeePerGas", tx.maxFeePerGas);
    narrow(4, "gasLimit", tx.gasLimit);
    wide(6, "value", tx.value);
    narrow(9, "yParity", yParity);
    wide(10, "r", signature.r);
    wide(11, "s", signature.s);
    if (!why.isEmpty())
        return malformed(why);
    if (yParity > 1)
        return malformed(QStringLiteral("yParity must be 0 or 1, not %1").arg(yParity));
    signature.yParity = std::uint8_t(yParity);

    const RlpItem& to = f[5];
    if (to.isList() || (!to.bytes().isEmpty() && to.bytes().size() != Address::kSize))
        return malformed(QStringLiteral("to is neither empty nor 20 bytes"));
    if (!to.bytes().isEmpty())
        tx.to = Address::fromBytes(to.bytes());
    if (f[7].isList())
        return malformed(QStringLiteral("data is a list"));
    tx.data = f[7].bytes();

    if (!f[8].isList())
        return malformed(QStringLiteral("the access list is not a list"));
    for (const RlpItem& entry : f[8].items()) {
        if (!entry.isList() || entry.items().size() != 2 || entry.items()[0].isList() ||
            !entry.items()[1].isList())
            return malformed(QStringLiteral("an access list entry is not [address, [keys]]"));
        const std::optional<Address> address = Address::fromBytes(entry.items()[0].bytes());
        if (!address)
            return malformed(QStringLiteral("an access list address is not 20 bytes"));
        AccessListEntry read{*address, {}};
        for (const RlpItem& key : entry.items()[1].items()) {
            if (key.isList() || key.bytes().size() != 32)
                return malformed(QStringLiteral("an access list storage key is not 32 bytes"));
            read.storageKeys.push_back(key.bytes());
        }
        tx.accessList.push_back(std::move(read));
    }

    const Result<Address> sender = Secp256k1Key::recoverAddress(tx.signingHash(), signature);
    if (!sender)
        return malformed(sender.error());
    DecodedTransaction decoded;
    decoded.kind = TransactionKind::Eip1559;
    decoded.type = Eip1559Transaction::kType;
    decoded.eip1559 = SignedTransaction{std::move(tx), signature, *sender};
    return decoded;
}

} // namespace

QByteArray Eip1559Transaction::signingPayload() const
{
    return envelope(unsignedFields(*this));
}

QByteArray Eip1559Transaction::signingHash() const
{
    return keccak256(signingPayload());
}

Result<SignedTransaction> Eip1559Transaction::sign(const Secp256k1Key& key) const
{
    const Result<Signature> signature = key.sign(signingHash());
    if (!signature)
        return Result<SignedTransaction>::failure(signature.error());
    SignedTransaction signedTx{*this, *signature, key.address()};
    qCDebug(lcShapeTx).noquote() << "signed" << signedTx.describe();
    return signedTx;
}

QByteArray SignedTransaction::raw() const
{
    std::vector<RlpItem> fields = unsignedFields(transaction);
    Q_ASSERT(fields.size() == kUnsignedFields);
    fields.push_back(RlpItem::fromUint(std::uint64_t(signature.yParity)));
    fields.push_back(RlpItem::fromUint(signature.r));
    fields.push_back(RlpItem::fromUint(signature.s));
    return envelope(std::move(fields));
}

QByteArray SignedTransaction::hash() const
{
    return keccak256(raw());
}

QString SignedTransaction::describe() const
{
    const Eip1559Transaction& tx = transaction;
    return QStringLiteral("type-2 tx %1 on chain %2: from %3 to %4, nonce %5, value %6 wei, "
                          "max fee %7 wei/gas (tip %8), gas limit %9, %10 bytes of data")
        .arg(toHex(hash()))
        .arg(tx.chainId)
        .arg(sender.toChecksummed(),
             tx.to ? tx.to->toChecksummed() : QStringLiteral("(new contract)"))
        .arg(tx.nonce)
        .arg(tx.value.toDecimal(), tx.maxFeePerGas.toDecimal(), tx.maxPriorityFeePerGas.toDecimal())
        .arg(tx.gasLimit)
        .arg(tx.data.size());
}

TransactionKind transactionKind(QByteArrayView raw)
{
    if (raw.isEmpty())
        return TransactionKind::Invalid;
    const std::uint8_t first = std::uint8_t(raw.at(0));
    if (first == Eip1559Transaction::kType)
        return TransactionKind::Eip1559;
    if (first == kDepositType)
        return TransactionKind::Deposit;
    if (first >= 0xc0)
        return TransactionKind::Legacy;
    if (first < 0x80) // EIP-2718 reserves 0x00–0x7f for types
        return TransactionKind::OtherType;
    return TransactionKind::Invalid;
}

Result<DecodedTransaction> decodeTransaction(QByteArrayView raw)
{
    DecodedTransaction decoded;
    decoded.kind = transactionKind(raw);
    decoded.type =
        decoded.kind == TransactionKind::Legacy || raw.isEmpty() ? 0 : std::uint8_t(raw.at(0));
    switch (decoded.kind) {
    case TransactionKind::Eip1559: {
        const Result<RlpItem> body = rlpDecode(raw.sliced(1));
        if (!body)
            return malformed(body.error());
        return readEip1559(*body);
    }
    case TransactionKind::Deposit:
        decoded.note = QStringLiteral("deposit, not ours");
        return decoded;
    case TransactionKind::Legacy:
        decoded.note = QStringLiteral("legacy transaction, not ours");
        return decoded;
    case TransactionKind::OtherType:
        decoded.note =
            QStringLiteral("type 0x%1, not ours").arg(uint(decoded.type), 2, 16, QLatin1Char('0'));
        return decoded;
    case TransactionKind::Invalid:
        break;
    }
    return Result<DecodedTransaction>::failure(
        raw.isEmpty() ? QStringLiteral("An empty transaction.")
                      : QStringLiteral("Not a transaction: it starts with 0x%1.")
                            .arg(uint(std::uint8_t(raw.at(0))), 2, 16, QLatin1Char('0')));
}

} // namespace sb::integrations::shape
