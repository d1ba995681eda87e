#include "Abi.h"

#include "Keccak.h"

#include <QStringDecoder>

#include <algorithm>

namespace sb::integrations::shape {

namespace {

constexpr qsizetype kWord = Abi::kWordSize;

QByteArray leftPadded(QByteArrayView bytes)
{
    return QByteArray(kWord - bytes.size(), '\0') + bytes.toByteArray();
}

// The bytes, then zeros up to a whole number of words.
QByteArray rightPadded(QByteArrayView bytes)
{
    const qsizetype padding = (kWord - bytes.size() % kWord) % kWord;
    return bytes.toByteArray() + QByteArray(padding, '\0');
}

template <class T> Result<T> failure(const QString& why)
{
    return Result<T>::failure(QStringLiteral("ABI: ") + why);
}

// Word `index` of `data`, or why there is none.
Result<QByteArray> word(QByteArrayView data, qsizetype index)
{
    if (index < 0 || (index + 1) * kWord > data.size())
        return failure<QByteArray>(
            QStringLiteral("word %1 is past the end of %2 bytes").arg(index).arg(data.size()));
    return data.sliced(index * kWord, kWord).toByteArray();
}

bool hasZeroPrefix(QByteArrayView word, qsizetype zeros)
{
    for (qsizetype i = 0; i < zeros; ++i) {
        if (word.at(i) != '\0')
            return false;
    }
    return true;
}

} // namespace

AbiValue AbiValue::uint256(const U256& value)
{
    return AbiValue(Type::Uint256, value.toWord());
}

AbiValue AbiValue::address(const Address& value)
{
    return AbiValue(Type::Address, leftPadded(value.bytes()));
}

AbiValue AbiValue::boolean(bool value)
{
    return AbiValue(Type::Bool, U256::fromUint64(value ? 1 : 0).toWord());
}

AbiValue AbiValue::bytes32(QByteArrayView value)
{
    Q_ASSERT(value.size() <= kWord);
    return AbiValue(Type::Bytes32, rightPadded(value.first(std::min(value.size(), kWord))));
}

AbiValue AbiValue::string(const QString& value)
{
    AbiValue encoded = bytes(value.toUtf8());
    encoded.m_type = Type::String;
    return encoded;
}

AbiValue AbiValue::bytes(QByteArray value)
{
    const QByteArray length = U256::fromUint64(std::uint64_t(value.size())).toWord();
    return AbiValue(Type::Bytes, length + rightPadded(value));
}

QByteArray AbiValue::encoded() const
{
    return m_encoded;
}

QByteArray Abi::selector(QByteArrayView signature)
{
    return keccak256(signature).first(4);
}

QByteArray Abi::encode(const std::vector<AbiValue>& arguments)
{
    // Every argument has one head word; a dynamic one's head is the offset of its tail, counted
    // from the start of the arguments.
    QByteArray head;
    QByteArray tail;
    const qsizetype headSize = qsizetype(arguments.size()) * kWord;
    for (const AbiValue& argument : arguments) {
        if (argument.isDynamic()) {
            head.append(U256::fromUint64(std::uint64_t(headSize + tail.size())).toWord());
            tail.append(argument.encoded());
        } else {
            head.append(argument.encoded());
        }
    }
    return head + tail;
}

QByteArray Abi::encodeCall(QByteArrayView signature, const std::vector<AbiValue>& arguments)
{
    return selector(signature) + encode(arguments);
}

Result<U256> Abi::decodeUint(QByteArrayView data, int index)
{
    const Result<QByteArray> bytes = word(data, index);
    if (!bytes)
        return Result<U256>::failure(bytes.error());
    return *U256::fromBigEndian(*bytes);
}

Result<Address> Abi::decodeAddress(QByteArrayView data, int index)
{
    const Result<QByteArray> bytes = word(data, index);
    if (!bytes)
        return Result<Address>::failure(bytes.error());
    return addressFromTopic(*bytes);
}

Result<bool> Abi::decodeBool(QByteArrayView data, int index)
{
    const Result<U256> value = decodeUint(data, index);
    if (!value)
        return Result<bool>::failure(value.error());
    if (*value > U256::fromUint64(1))
        return failure<bool>(QStringLiteral("word %1 is not a bool (0 or 1)").arg(index));
    return !value->isZero();
}

Result<QByteArray> Abi::decodeBytes32(QByteArrayView data, int index)
{
    return word(data, index);
}

Result<QByteArray> Abi::decodeBytes(QByteArrayView data, int index)
{
    const Result<U256> offset = decodeUint(data, index);
    if (!offset)
        return Result<QByteArray>::failure(offset.error());
    const std::optional<std::uint64_t> start = offset->toUint64();
    if (!start || *start > std::uint64_t(data.size()))
        return failure<QByteArray>(
            QStringLiteral("the offset in word %1 points past the end").arg(index));
    const QByteArrayView rest = data.sliced(qsizetype(*start));
    const Result<U256> length = decodeUint(rest, 0);
    if (!length)
        return Result<QByteArray>::failure(length.error());
    const std::optional<std::uint64_t> size = length->toUint64();
    if (!size || *size > std::uint64_t(rest.size() - kWord))
        return failure<QByteArray>(
            QStringLiteral("the length of the value at word %1 runs past the end").arg(index));
    return rest.sliced(kWord, qsizetype(*size)).toByteArray();
}

Result<QString> Abi::decodeString(QByteArrayView data, int index)
{
    const Result<QByteArray> bytes = decodeBytes(data, index);
    if (!bytes)
        return Result<QString>::failure(bytes.error());
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(*bytes);
    if (utf8.hasError())
        return failure<QString>(QStringLiteral("the string at word %1 is not UTF-8").arg(index));
    return text;
}

QByteArray Abi::eventTopic(QByteArrayView signature)
{
    return keccak256(signature);
}

QByteArray Abi::topic(const Address& value)
{
    return leftPadded(value.bytes());
}

Result<Address> Abi::addressFromTopic(QByteArrayView topic)
{
    if (topic.size() != kWord || !hasZeroPrefix(topic, kWord - Address::kSize))
        return failure<Address>(QStringLiteral("not an address word (12 zero bytes, then 20)"));
    return *Address::fromBytes(topic.sliced(kWord - Address::kSize));
}

Result<U256> Abi::uintFromTopic(QByteArrayView topic)
{
    if (topic.size() != kWord)
        return failure<U256>(QStringLiteral("a topic has 32 bytes, not %1").arg(topic.size()));
    return *U256::fromBigEndian(topic);
}

} // namespace sb::integrations::shape
