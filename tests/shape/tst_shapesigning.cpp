// Signing for Shape: anvil's dev keys and their addresses, secp256k1 signatures (deterministic,
// low S, recoverable), EIP-1559 transactions (issue 10's transfer hashes to the published value,
// signed transactions read back, malformed ones refused, deposits and other types recognised),
// and the key's secret staying out of every log line and out of memory once the key is gone.

#include "Eip1559Transaction.h"
#include "Hex.h"
#include "Keccak.h"
#include "Rlp.h"
#include "ShapeVectors.h"

#include <QLoggingCategory>
#include <QTest>

#include <new>
#include <type_traits>

using namespace shapetest;
using namespace Qt::StringLiterals;

namespace {

const U256 kCurveOrder =
    *U256::fromHex(u"0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

// Everything logged while it lives, as the message handler received it.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines = &m_lines;
        m_previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext&,
                                               const QString& text) { s_lines->append(text); });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_lines = nullptr;
    }
    QString all() const { return m_lines.join(u'\n'); }

private:
    static inline QStringList* s_lines = nullptr;
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
};

template <class T>
concept DebugStreamable = requires(QDebug debug, const T& value)
{
    debug << value;
};

// A signed transaction's body as RLP items, to break one field at a time.
std::vector<RlpItem> fieldsOf(const QByteArray& raw)
{
    return rlpDecode(QByteArrayView(raw).sliced(1)).value().items();
}

QByteArray rawOf(std::vector<RlpItem> fields)
{
    return char(Eip1559Transaction::kType) + rlpEncode(RlpItem::fromList(std::move(fields)));
}

bool holds(const unsigned char* storage, std::size_t size, const QByteArray& secret)
{
    return QByteArrayView(reinterpret_cast<const char*>(storage), qsizetype(size))
               .indexOf(secret) >= 0;
}

} // namespace

class TestShapeSigning : public QObject
{
    Q_OBJECT

private slots:
    void devKeysHaveTheirAddresses();
    void keyRefusesBadSecrets();
    void signAndRecover();
    void eip1559Issue10Vector();
    void eip1559DecodeRoundTrip();
    void eip1559RefusesMalformed_data();
    void eip1559RefusesMalformed();
    void otherTransactionTypesRecognised();
    void secretNeverLogged();
    void secretWipedFromMemory();
};

void TestShapeSigning::devKeysHaveTheirAddresses()
{
    QCOMPARE(devKey(kDevKey0).address().toChecksummed(), QString::fromLatin1(kDevAddress0));
    QCOMPARE(devKey(kDevKey1).address().toChecksummed(), QString::fromLatin1(kDevAddress1));
    const Result<Secp256k1Key> fromBytes = Secp256k1Key::fromSecret(hex(kDevKey0 + 2));
    QCOMPARE(fromBytes->address(), address(kDevAddress0));
}

void TestShapeSigning::keyRefusesBadSecrets()
{
    const QString order = u"0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"_s;
    const QString nearKey = QString::fromLatin1(kDevKey0).left(65) + u'g';
    for (const QString& bad : {u"0x"_s + QString(64, u'0'), order, nearKey,
                               QString::fromLatin1(kDevKey0).left(65), QString()}) {
        const Result<Secp256k1Key> key = Secp256k1Key::fromHex(bad);
        QVERIFY2(!key, qPrintable(bad));
        QVERIFY(!key.error().isEmpty());
        if (bad.size() > 10)
            QVERIFY2(!key.error().contains(bad.mid(2, 8)), qPrintable(key.error()));
    }
    QVERIFY(!Secp256k1Key::fromSecret(QByteArray(31, '\x01')));
}

void TestShapeSigning::signAndRecover()
{
    const Secp256k1Key key = devKey(kDevKey0);
    const QByteArray hash = keccak256("SothebAIs");
    const Result<Signature> signature = key.sign(hash);
    QVERIFY2(signature, qPrintable(signature.error()));
    QCOMPARE(key.sign(hash).value(), *signature); // RFC 6979: deterministic
    QCOMPARE(Secp256k1Key::recoverAddress(hash, *signature).value(), key.address());

    const U256 halfOrder =
        *U256::fromHex(u"0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
    QVERIFY(signature->s <= halfOrder);
    const U256 order =
        *U256::fromHex(u"0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    // The same signature with S negated verifies in ECDSA, but the chain refuses it (EIP-2).
    Signature highS{signature->r, *order.checkedSub(signature->s),
                    std::uint8_t(signature->yParity ^ 1)};
    QVERIFY(!Secp256k1Key::recoverAddress(hash, highS));
    Signature otherParity = *signature;
    otherParity.yParity ^= 1;
    const Result<Address> other = Secp256k1Key::recoverAddress(hash, otherParity);
    QVERIFY(!other || *other != key.address());
    QVERIFY(!Secp256k1Key::recoverAddress(hash, Signature{signature->r, signature->s, 2}));
    QVERIFY(!Secp256k1Key::recoverAddress(hash, Signature{U256(), signature->s, 0}));
    QVERIFY(!Secp256k1Key::recoverAddress(hash.left(31), *signature));
    QVERIFY(!key.sign(hash.left(31)));
}

void TestShapeSigning::eip1559Issue10Vector()
{
    const Eip1559Transaction tx = issue10Transfer();
    // 0x02 ‖ rlp([0x7a69, 0, 1 gwei, 3 gwei, 21000, to, 12345, "", []]).
    QCOMPARE(tx.signingPayload().toHex(), "02eb827a6980843b9aca0084b2d05e0082520894"
                                          "70997970c51812dc3a010c7d01b50e0d17dc79c8"
                                          "82303980c0");
    const Secp256k1Key key = devKey(kDevKey0);
    const Result<SignedTransaction> signedTx = tx.sign(key);
    QVERIFY2(signedTx, qPrintable(signedTx.error()));
    QCOMPARE(toHex(signedTx->hash()),
             u"0xd6be53be2b9c01bccd672a74d93776026b5e6cbf97cde6b6d2d9d07d872d6e70"_s);
    QCOMPARE(signedTx->sender, address(kDevAddress0));
    QVERIFY(signedTx->raw().startsWith(char(0x02)));

    const Result<DecodedTransaction> decoded = decodeTransaction(signedTx->raw());
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QCOMPARE(decoded->kind, TransactionKind::Eip1559);
    QVERIFY(decoded->eip1559 == *signedTx);
    QCOMPARE(decoded->eip1559->sender.toChecksummed(), QString::fromLatin1(kDevAddress0));
    QCOMPARE(decoded->eip1559->transaction.value.toDecimal(), u"12345"_s);
    QCOMPARE(decoded->eip1559->hash(), signedTx->hash());
}

void TestShapeSigning::eip1559DecodeRoundTrip()
{
    // A contract creation on Shape mainnet with data, an access list and fees past 64 bits.
    Eip1559Transaction tx;
    tx.chainId = 360;
    tx.nonce = 7;
    tx.maxPriorityFeePerGas = U256::fromUint64(1);
    tx.maxFeePerGas = u256("340282366920938463463374607431768211456"); // 2^128
    tx.gasLimit = 3'000'000;
    tx.value = *U256::weiFromGwei(sb::auction::Gwei::fromEth(1));
    tx.data = hex("6080604052") + QByteArray(100, '\x5b');
    tx.accessList = {{address(kDevAddress0), {QByteArray(32, '\0'), keccak256("slot")}}};
    const Result<SignedTransaction> signedTx = tx.sign(devKey(kDevKey1));
    QVERIFY2(signedTx, qPrintable(signedTx.error()));

    const Result<DecodedTransaction> decoded = decodeTransaction(signedTx->raw());
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QVERIFY(decoded->eip1559->transaction == tx);
    QVERIFY(!decoded->eip1559->transaction.to);
    QCOMPARE(decoded->eip1559->signature, signedTx->signature);
    QCOMPARE(decoded->eip1559->sender, address(kDevAddress1));
    QCOMPARE(decoded->eip1559->raw(), signedTx->raw());

    // A changed value still parses, but the signature no longer names dev account 1.
    std::vector<RlpItem> fields = fieldsOf(signedTx->raw());
    fields[6] = RlpItem::fromUint(std::uint64_t(2));
    const Result<DecodedTransaction> tampered = decodeTransaction(rawOf(fields));
    QVERIFY(!tampered || tampered->eip1559->sender != address(kDevAddress1));
}

void TestShapeSigning::eip1559RefusesMalformed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("why");
    const QByteArray good = issue10Transfer().sign(devKey(kDevKey0))->raw();
    const std::vector<RlpItem> f = fieldsOf(good);
    auto with = [&f](int index, RlpItem item) {
        std::vector<RlpItem> changed = f;
        changed[std::size_t(index)] = std::move(item);
        return rawOf(changed);
    };
    QTest::newRow("cut short") << good.chopped(1) << u"past the end"_s;
    QTest::newRow("trailing byte") << good + '\0' << u"after the item"_s;
    QTest::newRow("11 fields") << rawOf({f.begin(), f.end() - 1}) << u"list of 12"_s;
    QTest::newRow("not a list") << rawOf({}).left(1) + hex("80") << u"list of 12"_s;
    QTest::newRow("nonce with a leading zero")
        << with(1, RlpItem::fromBytes(hex("0001"))) << u"nonce"_s;
    QTest::newRow("chain id past 64 bits")
        << with(0, RlpItem::fromBytes(QByteArray(9, '\x01'))) << u"chainId"_s;
    QTest::newRow("to of 19 bytes")
        << with(5, RlpItem::fromBytes(QByteArray(19, '\x01'))) << u"to is"_s;
    QTest::newRow("data as a list") << with(7, RlpItem::fromList({})) << u"data is a list"_s;
    QTest::newRow("access list as bytes") << with(8, RlpItem()) << u"access list"_s;
    QTest::newRow("access list entry")
        << with(8, RlpItem::fromList({RlpItem::fromList({})})) << u"access list entry"_s;
    QTest::newRow("yParity 2") << with(9, RlpItem::fromUint(std::uint64_t(2))) << u"yParity"_s;
    QTest::newRow("r zero") << with(10, RlpItem()) << u"zero"_s;
    const U256 s = *f[11].toUint();
    std::vector<RlpItem> highS = f;
    highS[9] = RlpItem::fromUint(std::uint64_t(*f[9].toUint64() ^ 1));
    highS[11] = RlpItem::fromUint(*kCurveOrder.checkedSub(s));
    QTest::newRow("high S") << rawOf(highS) << u"high S"_s;
}

void TestShapeSigning::eip1559RefusesMalformed()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, why);
    const Result<DecodedTransaction> decoded = decodeTransaction(raw);
    QVERIFY(!decoded);
    QVERIFY2(decoded.error().contains(why), qPrintable(decoded.error()));
}

void TestShapeSigning::otherTransactionTypesRecognised()
{
    // A block as eth_getRawTransaction would give it: the L1-attributes deposit first (its body
    // is not read), then ours, then transactions of other types.
    const QByteArray ours = issue10Transfer().sign(devKey(kDevKey0))->raw();
    const QByteArray deposit = hex("7ef8f8a0") + QByteArray(32, '\x11') + hex("94deaddeaddead");
    const QByteArray legacy = hex("f86c808504a817c8008252089435353535353535353535353535353535353535"
                                  "35880de0b6b3a76400008025a0");
    const QByteArray accessListType = hex("01f8");
    int mine = 0;
    for (const QByteArray& raw : {deposit, ours, legacy, accessListType}) {
        const Result<DecodedTransaction> decoded = decodeTransaction(raw);
        QVERIFY2(decoded, qPrintable(decoded.error()));
        if (decoded->kind == TransactionKind::Eip1559) {
            ++mine;
            QCOMPARE(decoded->eip1559->sender, address(kDevAddress0));
        } else {
            QVERIFY(!decoded->eip1559);
        }
    }
    QCOMPARE(mine, 1);
    const Result<DecodedTransaction> depositRead = decodeTransaction(deposit);
    QCOMPARE(depositRead->kind, TransactionKind::Deposit);
    QCOMPARE(int(depositRead->type), 0x7e);
    QCOMPARE(depositRead->note, u"deposit, not ours"_s);
    QCOMPARE(decodeTransaction(legacy)->kind, TransactionKind::Legacy);
    QCOMPARE(decodeTransaction(accessListType)->note, u"type 0x01, not ours"_s);
    QVERIFY(!decodeTransaction(QByteArray()));
    QVERIFY(!decodeTransaction(hex("80")));
    QVERIFY(!decodeTransaction(hex("02")));
}

void TestShapeSigning::secretNeverLogged()
{
    static_assert(!DebugStreamable<Secp256k1Key>, "a key must have no QDebug form");
    static_assert(!std::is_copy_constructible_v<Secp256k1Key>);
    static_assert(!std::is_copy_assignable_v<Secp256k1Key>);

    const QString secret = QString::fromLatin1(kDevKey0).mid(2);
    QLoggingCategory::setFilterRules(u"sb.shape.*=true"_s);
    QString log;
    {
        LogCapture capture;
        const Secp256k1Key key = devKey(kDevKey0);
        const Result<SignedTransaction> signedTx = issue10Transfer().sign(key);
        qDebug().noquote() << signedTx->describe();
        qDebug().noquote() << "raw" << toHex(signedTx->raw()) << "from"
                           << key.address().toChecksummed();
        qWarning().noquote()
            << Secp256k1Key::fromHex(QString::fromLatin1(kDevKey0).chopped(1) + u'z').error();
        log = capture.all();
    }
    QLoggingCategory::setFilterRules(QString());
    // The signing line itself was logged, with the sender and the hash.
    QVERIFY2(log.contains(u"signed type-2 tx 0xd6be53be"_s), qPrintable(log));
    QVERIFY(log.contains(QString::fromLatin1(kDevAddress0)));
    // No 12-digit run of the secret, in either case, anywhere.
    for (qsizetype i = 0; i + 12 <= secret.size(); i += 4)
        QVERIFY2(!log.contains(secret.mid(i, 12), Qt::CaseInsensitive), qPrintable(log));
}

void TestShapeSigning::secretWipedFromMemory()
{
    const QByteArray secret = hex(kDevKey0 + 2);
    alignas(Secp256k1Key) unsigned char first[sizeof(Secp256k1Key)];
    alignas(Secp256k1Key) unsigned char second[sizeof(Secp256k1Key)];
    auto* key = new (first) Secp256k1Key(devKey(kDevKey0));
    QVERIFY(holds(first, sizeof first, secret));

    auto* moved = new (second) Secp256k1Key(std::move(*key));
    QVERIFY(!holds(first, sizeof first, secret)); // moving wipes the source
    QVERIFY(holds(second, sizeof second, secret));
    QCOMPARE(moved->address(), address(kDevAddress0));

    key->~Secp256k1Key();
    moved->~Secp256k1Key();
    QVERIFY(!holds(second, sizeof second, secret)); // and destruction wipes the key
}

QTEST_GUILESS_MAIN(TestShapeSigning)
#include "tst_shapesigning.moc"
