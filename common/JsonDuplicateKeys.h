#pragma once
// Finds a key that appears twice in one JSON object. QJsonDocument keeps the last of two equal
// keys without a word, so a scene with two "color"s would silently draw the second; the scene
// loader asks this first and refuses the file instead. A small tokenizer over the text: it keeps
// the keys seen in each open object, compares them decoded ("a" and "\u0061" are one key, as
// they are to QJsonDocument), and knows nothing else of JSON (run it on text that parsed).

#include <QByteArray>
#include <QString>

#include <optional>

namespace sb::common {

struct JsonDuplicateKey
{
    QString key;   // decoded
    QString where; // the object it is in, e.g. "layers[2]" or "layers[0].crop"; "" at the top
    int line = 1;  // of the second occurrence, from 1

    bool operator==(const JsonDuplicateKey&) const = default;
};

class JsonDuplicateKeys
{
public:
    // The first key that repeats in its object, in text order; nullopt when none does.
    static std::optional<JsonDuplicateKey> find(const QByteArray& json);
};

} // namespace sb::common
