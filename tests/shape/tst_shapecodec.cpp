// The chain client's codec, checked against vectors anyone can reproduce: Keccak-256, 256-bit wei
// amounts, RLP (the spec's examples and what a strict reader refuses), the ABI subset (selectors,
// arguments, return values, event logs) and EIP-55 addresses. Keys and transactions are in
// tst_shapesigning.

#include "Abi.h"
#include "Hex.h"
#include "Keccak.h"
#include "Rlp.h"
#include "ShapeVectors.h"

#include <QTest>

#include <limits>

using namespace shapetest;
using namespace Qt::StringLiterals;

class TestShapeCodec : public QObject
{
    Q_OBJECT

private slots:
    void keccakVectors();
    void hexStrict();
    void u256Conversions();
    void u256WeiFromGwei();
    void u256CheckedArithmetic();
    void rlpSpecExamples_data();
    void rlpSpecExamples();
    void rlpIntegers();
    void rlpRefusesMalformed_data();
    void rlpRefusesMalformed();
    void rlpDepthLimit();
    void abiSelectorsAndTopics();
    void abiEncodeStaticCall();
    void abiDynamicRoundTrip_data();
    void abiDynamicRoundTrip();
    void abiDecodeRefuses();
    void abiEventLog();
    void addressChecksumAndPublicKey();
};

void TestShapeCodec::keccakVectors()
{
    QCOMPARE(keccak256("").toHex(),
             "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    QCOMPARE(keccak256("abc").toHex(),
             "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    // NIST SHA3-256("") would be a7ffc6f8…: the padding really is Keccak's.
    QVERIFY(!keccak256("").toHex().startsWith("a7ffc6f8"));
}

void TestShapeCodec::hexStrict()
{
    QCOMPARE(toHex(hex("00ff10")), u"0x00ff10"_s);
    QCOMPARE(toHex(QByteArray()), u"0x"_s);
    QCOMPARE(fromHex(u"0x00FF10"), std::optional<QByteArray>(hex("00ff10")));
    QCOMPARE(fromHex(u"0x"), std::optional<QByteArray>(QByteArray()));
    for (const QString& bad : {u""_s, u"00ff"_s, u"0x0"_s, u"0xzz"_s, u"0x 00"_s})
        QVERIFY2(!fromHex(bad), qPrintable(bad));
}

void TestShapeCodec::u256Conversions()
{
    const QString maxDecimal =
        u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s;
    QCOMPARE(U256::max().toDecimal(), maxDecimal);
    QCOMPARE(U256::fromDecimal(maxDecimal), U256::max());
    QVERIFY(!U256::fromDecimal(
        u"115792089237316195423570985008687907853269984665640564039457584007913129639936"));
    QCOMPARE(U256::max().toHex(), u"0x"_s + QString(64, u'f'));
    QCOMPARE(U256::fromHex(u"0x"_s + QString(64, u'F')), U256::max());
    QVERIFY(!U256::fromHex(u"0x1"_s + QString(64, u'0')));
    QCOMPARE(U256::fromHex(u"0x000000000000000000000000000000000000000000000000000000000000003039"),
             U256::fromUint64(12345)); // a whole word with its zeros
    QCOMPARE(U256().toHex(), u"0x0"_s);
    QCOMPARE(U256::fromUint64(12345).toHex(), u"0x3039"_s);
    QCOMPARE(U256::fromUint64(12345).toDecimal(), u"12345"_s);
    QCOMPARE(U256().toDecimal(), u"0"_s);
    for (const QString& bad : {u""_s, u"-1"_s, u"1e9"_s, u"1,000"_s, u" 1"_s, u"0x10"_s})
        QVERIFY2(!U256::fromDecimal(bad), qPrintable(bad));
    for (const QString& bad : {u""_s, u"0x"_s, u"12"_s, u"0xg"_s, u"-0x1"_s})
        QVERIFY2(!U256::fromHex(bad), qPrintable(bad));

    QCOMPARE(U256::fromUint64(1024).toBigEndianMinimal(), hex("0400"));
    QCOMPARE(U256().toBigEndianMinimal(), QByteArray());
    QCOMPARE(U256::fromUint64(1).toWord(), QByteArray(31, '\0') + '\x01');
    QCOMPARE(U256::fromBigEndian(hex("000400")), U256::fromUint64(1024));
    QVERIFY(!U256::fromBigEndian(QByteArray(33, '\x01')));
    QCOMPARE(U256::fromUint64(~0ull).toUint64(), std::optional<std::uint64_t>(~0ull));
    QVERIFY(!U256::fromHex(u"0x10000000000000000")->toUint64());

    QVERIFY(U256::fromUint64(2) > U256::fromUint64(1));
    QVERIFY(*U256::fromHex(u"0x100000000000000000000") > U256::fromUint64(~0ull));
}

void TestShapeCodec::u256WeiFromGwei()
{
    QCOMPARE(U256::weiFromGwei(1)->toDecimal(), u"1000000000"_s);
    QCOMPARE(U256::weiFromGwei(sb::auction::Gwei::fromEth(2))->toDecimal(),
             u"2000000000000000000"_s);
    QCOMPARE(U256::weiFromGwei(std::numeric_limits<std::int64_t>::max())->toDecimal(),
             u"9223372036854775807000000000"_s);
    QVERIFY(!U256::weiFromGwei(-1));
    QCOMPARE(U256::weiFromGwei(1500)->toWholeGwei(), sb::auction::Gwei::fromGwei(1500));
    QVERIFY(!U256::fromUint64(1'000'000'001).toWholeGwei()); // not a whole gwei
    QVERIFY(!U256::max().toWholeGwei());                     // beyond int64 gwei
}

void TestShapeCodec::u256CheckedArithmetic()
{
    const U256 one = U256::fromUint64(1);
    QVERIFY(!U256::max().checkedAdd(one));
    QCOMPARE(U256::max().checkedSub(U256::max()), U256());
    QVERIFY(!U256().checkedSub(one));
    QCOMPARE(U256::fromHex(u"0x100000000")->checkedSub(one), U256::fromUint64(0xffffffff));
    QCOMPARE(U256::fromUint64(0xffffffff).checkedAdd(one), U256::fromHex(u"0x100000000"));
    const U256 half = *U256::fromHex(u"0x8"_s + QString(63, u'0')); // 2^255
    QVERIFY(!half.checkedMul(2));
    QCOMPARE(half.checkedSub(one)->checkedMul(2)->checkedAdd(one), U256::max());
    // 21000 gas at 3 gwei, and a product wider than 64 bits.
    QCOMPARE(U256::weiFromGwei(3)->checkedMul(21000)->toDecimal(), u"63000000000000"_s);
    QCOMPARE(u256("18446744073709551616").checkedMul(u256("18446744073709551616"))->toHex(),
             u"0x100000000000000000000000000000000"_s);
    const auto [quotient, remainder] = u256("12345678901234567890123").divMod(1'000'000'000);
    QCOMPARE(quotient.toDecimal(), u"12345678901234"_s);
    QCOMPARE(remainder, 567890123u);
}

void TestShapeCodec::rlpSpecExamples_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<RlpItem>("item");
    auto s = [](const QByteArray& bytes) { return RlpItem::fromBytes(bytes); };
    auto l = [](std::vector<RlpItem> items) { return RlpItem::fromList(std::move(items)); };
    QTest::newRow("dog") << hex("83646f67") << s("dog");
    QTest::newRow("[cat, dog]") << hex("c88363617483646f67") << l({s("cat"), s("dog")});
    QTest::newRow("empty string") << hex("80") << s("");
    QTest::newRow("empty list") << hex("c0") << l({});
    QTest::newRow("integer 0") << hex("80") << RlpItem::fromUint(std::uint64_t(0));
    QTest::newRow("byte 0x00") << hex("00") << s(QByteArray(1, '\0'));
    QTest::newRow("integer 15") << hex("0f") << RlpItem::fromUint(std::uint64_t(15));
    QTest::newRow("integer 1024") << hex("820400") << RlpItem::fromUint(std::uint64_t(1024));
    QTest::newRow("set-theoretic three")
        << hex("c7c0c1c0c3c0c1c0") << l({l({}), l({l({})}), l({l({}), l({l({})})})});
    const QByteArray lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
    QTest::newRow("56-byte string") << hex("b838") + lorem << s(lorem);
    QTest::newRow("list of 55 payload bytes")
        << hex("f7b6") + QByteArray(54, 'x') << l({s(QByteArray(54, 'x'))});
    QTest::newRow("list of 56 payload bytes")
        << hex("f838b7") + QByteArray(55, 'x') << l({s(QByteArray(55, 'x'))});
}

void TestShapeCodec::rlpSpecExamples()
{
    QFETCH(QByteArray, encoded);
    QFETCH(RlpItem, item);
    QCOMPARE(rlpEncode(item).toHex(), encoded.toHex());
    const Result<RlpItem> decoded = rlpDecode(encoded);
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QVERIFY(*decoded == item);
}

void TestShapeCodec::rlpIntegers()
{
    QCOMPARE(rlpEncode(RlpItem::fromUint(std::uint64_t(127))), hex("7f"));
    QCOMPARE(rlpEncode(RlpItem::fromUint(std::uint64_t(128))), hex("8180"));
    QCOMPARE(rlpEncode(RlpItem::fromUint(U256::max())), hex("a0") + QByteArray(32, '\xff'));
    QCOMPARE(rlpDecode(hex("820400"))->toUint64().value(), 1024u);
    QCOMPARE(rlpDecode(hex("80"))->toUint().value(), U256());
    QVERIFY(!rlpDecode(hex("820004"))->toUint());                       // leading zero byte
    QVERIFY(!rlpDecode(hex("c0"))->toUint());                           // a list
    QVERIFY(!rlpDecode(hex("a1") + QByteArray(33, '\x01'))->toUint());  // 264 bits
    QVERIFY(!rlpDecode(hex("89") + QByteArray(9, '\x01'))->toUint64()); // 72 bits
}

void TestShapeCodec::rlpRefusesMalformed_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("why");
    QTest::newRow("nothing") << QByteArray() << u"input ended"_s;
    QTest::newRow("0x00 as a 1-byte string") << hex("8100") << u"stand alone"_s;
    QTest::newRow("0x7f as a 1-byte string") << hex("817f") << u"stand alone"_s;
    QTest::newRow("short length in long form") << hex("b80161") << u"long form"_s;
    QTest::newRow("short list in long form") << hex("f801c0") << u"long form"_s;
    QTest::newRow("length with a leading zero")
        << hex("b90038") + QByteArray(56, 'a') << u"leading zero"_s;
    QTest::newRow("string cut short") << hex("83646f") << u"past the end"_s;
    QTest::newRow("list cut short") << hex("c88363617483646f") << u"past the end"_s;
    QTest::newRow("item past its list") << hex("c383636174") << u"past the end"_s;
    QTest::newRow("length of length cut") << hex("b9") << u"past the end"_s;
    QTest::newRow("absurd length") << hex("bfffffffffffffffff00") << u"beyond the input"_s;
    QTest::newRow("trailing byte") << hex("8000") << u"after the item"_s;
    QTest::newRow("two items") << hex("c0c0") << u"after the item"_s;
}

void TestShapeCodec::rlpRefusesMalformed()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, why);
    const Result<RlpItem> decoded = rlpDecode(encoded);
    QVERIFY(!decoded);
    QVERIFY2(decoded.error().contains(why), qPrintable(decoded.error()));
}

void TestShapeCodec::rlpDepthLimit()
{
    // [[[…[]…]]]: kRlpMaxDepth lists are read, one more is refused before it is descended.
    auto nested = [](int depth) {
        RlpItem item = RlpItem::fromList({});
        for (int i = 1; i < depth; ++i)
            item = RlpItem::fromList({item});
        return rlpEncode(item);
    };
    const Result<RlpItem> deepest = rlpDecode(nested(kRlpMaxDepth));
    QVERIFY2(deepest, qPrintable(deepest.error()));
    const Result<RlpItem> tooDeep = rlpDecode(nested(kRlpMaxDepth + 1));
    QVERIFY(!tooDeep);
    QVERIFY2(tooDeep.error().contains(u"nested deeper"), qPrintable(tooDeep.error()));
    // A thousand levels, correctly encoded: refused at the limit, not by exhausting the stack.
    QVERIFY(!rlpDecode(nested(1000)));
}

void TestShapeCodec::abiSelectorsAndTopics()
{
    QCOMPARE(Abi::selector("transfer(address,uint256)").toHex(), "a9059cbb");
    QCOMPARE(Abi::selector("balanceOf(address)").toHex(), "70a08231");
    QCOMPARE(Abi::selector("ownerOf(uint256)").toHex(), "6352211e");
    QCOMPARE(Abi::eventTopic("Transfer(address,address,uint256)").toHex(),
             "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
}

void TestShapeCodec::abiEncodeStaticCall()
{
    const QByteArray call =
        Abi::encodeCall("transfer(address,uint256)", {AbiValue::address(address(kDevAddress1)),
                                                      AbiValue::uint256(U256::fromUint64(12345))});
    QCOMPARE(call.toHex(), "a9059cbb"
                           "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                           "0000000000000000000000000000000000000000000000000000000000003039");
    const QByteArray words = Abi::encode({AbiValue::boolean(true), AbiValue::bytes32("sb"),
                                          AbiValue::address(address(kDevAddress0))});
    QCOMPARE(words.size(), 96);
    QCOMPARE(Abi::decodeBool(words, 0).value(), true);
    QCOMPARE(*Abi::decodeBytes32(words, 1), QByteArray("sb") + QByteArray(30, '\0'));
    QCOMPARE(Abi::decodeAddress(words, 2)->toChecksummed(), QString::fromLatin1(kDevAddress0));
    QCOMPARE(Abi::decodeUint(call.mid(4), 1).value(), U256::fromUint64(12345));
}

void TestShapeCodec::abiDynamicRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("tailWords"); // after the length word
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << u"ipfs://bafy/1.json"_s << 1;
    QTest::newRow("utf-8, 34 bytes") << u"Lot #1 — ⌐◨-◨ ¡Olé! 🎨"_s << 2;
    QTest::newRow("32 bytes, one word") << QString(32, u'a') << 1;
    QTest::newRow("33 bytes, two words") << QString(33, u'b') << 2;
}

void TestShapeCodec::abiDynamicRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(int, tailWords);
    const QByteArray blob = hex("00ff00");
    const QByteArray data =
        Abi::encode({AbiValue::uint256(U256::fromUint64(7)), AbiValue::string(text),
                     AbiValue::bytes(blob), AbiValue::boolean(true)});
    // Four head words, then the string (length + its words), then the bytes (length + 1 word).
    QCOMPARE(data.size(), 32 * (4 + 1 + tailWords + 2));
    QCOMPARE(Abi::decodeUint(data, 1).value(), U256::fromUint64(128));
    QCOMPARE(Abi::decodeUint(data, 2).value(), U256::fromUint64(32 * (4 + 1 + tailWords)));
    QCOMPARE(Abi::decodeUint(data, 4).value(),
             U256::fromUint64(std::uint64_t(text.toUtf8().size())));
    QCOMPARE(Abi::decodeUint(data, 0).value(), U256::fromUint64(7));
    QCOMPARE(*Abi::decodeString(data, 1), text);
    QCOMPARE(*Abi::decodeBytes(data, 2), blob);
    QCOMPARE(Abi::decodeBool(data, 3).value(), true);
}

void TestShapeCodec::abiDecodeRefuses()
{
    const QByteArray word1 = U256::fromUint64(1).toWord();
    QVERIFY(!Abi::decodeUint(QByteArray(31, '\0'), 0));
    QVERIFY(!Abi::decodeUint(word1, 1));
    QVERIFY(!Abi::decodeUint(word1, -1));
    QVERIFY(!Abi::decodeBool(U256::fromUint64(2).toWord(), 0));
    QVERIFY(!Abi::decodeAddress(QByteArray(32, '\x01'), 0));         // dirty upper bytes
    QVERIFY(!Abi::decodeString(U256::fromUint64(4096).toWord(), 0)); // offset past the end
    QVERIFY(!Abi::decodeString(U256::max().toWord(), 0));
    QVERIFY(!Abi::decodeString(U256::fromUint64(32).toWord() + U256::fromUint64(5).toWord(), 0));
    const QByteArray notUtf8 = U256::fromUint64(32).toWord() + U256::fromUint64(2).toWord() +
                               hex("fffe") + QByteArray(30, '\0');
    QVERIFY(Abi::decodeBytes(notUtf8, 0));
    const Result<QString> text = Abi::decodeString(notUtf8, 0);
    QVERIFY(!text);
    QVERIFY2(text.error().contains(u"UTF-8"), qPrintable(text.error()));
}

void TestShapeCodec::abiEventLog()
{
    // An ERC-721 Transfer (all indexed) and an event with data: Reserved(uint256 indexed
    // auctionId, address indexed buyer, uint256 price, string note).
    const QList<QByteArray> topics = {
        Abi::eventTopic("Transfer(address,address,uint256)"), Abi::topic(address(kDevAddress0)),
        Abi::topic(address(kDevAddress1)), Abi::topic(U256::fromUint64(42))};
    QCOMPARE(topics[1].toHex(), "000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    QCOMPARE(Abi::addressFromTopic(topics[1])->toChecksummed(), QString::fromLatin1(kDevAddress0));
    QCOMPARE(Abi::addressFromTopic(topics[2])->toChecksummed(), QString::fromLatin1(kDevAddress1));
    QCOMPARE(Abi::uintFromTopic(topics[3]).value(), U256::fromUint64(42));
    QVERIFY(!Abi::uintFromTopic(topics[3].left(31)));
    QVERIFY(!Abi::addressFromTopic(topics[0]));

    const U256 price = *U256::weiFromGwei(1'500'000'000);
    const QByteArray data = Abi::encode({AbiValue::uint256(price), AbiValue::string(u"gm ☀"_s)});
    QCOMPARE(Abi::decodeUint(data, 0)->toWholeGwei(),
             sb::auction::Gwei::fromEth(1).checkedAdd(sb::auction::Gwei::fromGwei(500'000'000)));
    QCOMPARE(*Abi::decodeString(data, 1), u"gm ☀"_s);
}

void TestShapeCodec::addressChecksumAndPublicKey()
{
    const Result<Address> lower = Address::fromString(QString::fromLatin1(kDevAddress0).toLower());
    QVERIFY2(lower, qPrintable(lower.error()));
    QCOMPARE(lower->toChecksummed(), QString::fromLatin1(kDevAddress0));
    QCOMPARE(lower->bytes().toHex(), "f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    QVERIFY(!Address::fromString(u"0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s)); // bad case
    QVERIFY(!Address::fromString(u"0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226"_s));  // 39 digits
    QVERIFY(Address().isZero());
    QVERIFY(!Address::fromBytes(QByteArray(19, '\x01')));

    // Dev account 0's public key (x ‖ y).
    const QByteArray xy = hex("8318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75"
                              "3547f11ca8696646f2f3acb08e31016afac23e630c5d11f59f61fef57b0d2aa5");
    QCOMPARE(Address::fromPublicKey('\x04' + xy), address(kDevAddress0));
    QCOMPARE(Address::fromPublicKey(xy), address(kDevAddress0));
    QVERIFY(!Address::fromPublicKey('\x02' + xy.left(32))); // compressed: not this function's
    QVERIFY(!Address::fromPublicKey('\x05' + xy));
}

QTEST_GUILESS_MAIN(TestShapeCodec)
#include "tst_shapecodec.moc"
