#include "SceneJson.h"

#include "ImageSource.h"
#include "JsonDuplicateKeys.h"
#include "RegularFile.h"
#include "SolidColorSource.h"
#include "TextSource.h"
#include "VideoFileSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace sb::render {

namespace {

struct ParseError
{
    QString message;
};

// A scene is a page of settings; anything this big is not one (and would be read whole).
constexpr qint64 kMaxSceneBytes = 16 * 1024 * 1024;

// Reads one JSON object, naming `context` (e.g. "layer 'logo'") in every error.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject& object, QString context)
        : m_object(object), m_context(std::move(context))
    {}

    [[noreturn]] void fail(const QString& key, const QString& problem) const
    {
        throw ParseError{QStringLiteral("%1: \"%2\" %3").arg(m_context, key, problem)};
    }

    bool has(const QString& key) const { return m_object.contains(key); }

    double number(const QString& key, double fallback, double minimum, double maximum)
    {
        m_known.insert(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isDouble())
            fail(key, QStringLiteral("must be a number"));
        const double number = value.toDouble();
        if (number < minimum || number > maximum)
            fail(key, QStringLiteral("must be between %1 and %2").arg(minimum).arg(maximum));
        return number;
    }

    int integer(const QString& key, int fallback, int minimum, int maximum)
    {
        const double value = number(key, fallback, minimum, maximum);
        if (value != double(int(value)))
            fail(key, QStringLiteral("must be a whole number"));
        return int(value);
    }

    bool boolean(const QString& key, bool fallback)
    {
        m_known.insert(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(key, QStringLiteral("must be true or false"));
        return value.toBool();
    }

    QString string(const QString& key, const std::optional<QString>& fallback = std::nullopt)
    {
        m_known.insert(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (!fallback)
                fail(key, QStringLiteral("is required"));
            return *fallback;
        }
        if (!value.isString())
            fail(key, QStringLiteral("must be a string"));
        return value.toString();
    }

    QColor color(const QString& key, const std::optional<QColor>& fallback = std::nullopt)
    {
        if (!has(key) && fallback) {
            m_known.insert(key);
            return *fallback;
        }
        const QString text = string(key);
        const QColor color = QColor::fromString(text);
        if (!color.isValid())
            fail(
                key,
                QStringLiteral("is not a colour: '%1' (use #rgb, #rrggbb or #aarrggbb)").arg(text));
        return color;
    }

    ObjectReader object(const QString& key)
    {
        m_known.insert(key);
        const QJsonValue value = m_object.value(key);
        if (!value.isUndefined() && !value.isObject())
            fail(key, QStringLiteral("must be an object"));
        return ObjectReader(value.toObject(), QStringLiteral("%1, %2").arg(m_context, key));
    }

    void markKnown(const QString& key) { m_known.insert(key); }

    void rejectUnknownKeys() const
    {
        for (const QString& key : m_object.keys()) {
            if (!m_known.contains(key))
                fail(key, QStringLiteral("is not a known key"));
        }
    }

private:
    QJsonObject m_object;
    QString m_context;
    std::set<QString> m_known;
};

QString resolvePath(const QDir& baseDir, const QString& path)
{
    return QDir::isAbsolutePath(path) ? path : QDir::cleanPath(baseDir.absoluteFilePath(path));
}

Layer parseLayer(ObjectReader& reader, const QString& id, const QString& context,
                 const QDir& baseDir, QSize canvas)
{
    Layer layer;
    layer.id = id;
    LayerTransform& t = layer.transform;
    constexpr double kFar = 100000.0;
    t.x = reader.number(QStringLiteral("x"), 0.0, -kFar, kFar);
    t.y = reader.number(QStringLiteral("y"), 0.0, -kFar, kFar);
    const double scale = reader.number(QStringLiteral("scale"), 1.0, -1000.0, 1000.0);
    t.scaleX = reader.number(QStringLiteral("scale_x"), scale, -1000.0, 1000.0);
    t.scaleY = reader.number(QStringLiteral("scale_y"), scale, -1000.0, 1000.0);
    t.rotationDegrees = reader.number(QStringLiteral("rotation"), 0.0, -kFar, kFar);
    t.anchorX = reader.number(QStringLiteral("anchor_x"), 0.0, 0.0, 1.0);
    t.anchorY = reader.number(QStringLiteral("anchor_y"), 0.0, 0.0, 1.0);
    layer.opacity = reader.number(QStringLiteral("opacity"), 1.0, 0.0, 1.0);
    layer.visible = reader.boolean(QStringLiteral("visible"), true);
    ObjectReader crop = reader.object(QStringLiteral("crop"));
    constexpr int kMaxCrop = 100000;
    layer.crop.left = crop.integer(QStringLiteral("left"), 0, 0, kMaxCrop);
    layer.crop.top = crop.integer(QStringLiteral("top"), 0, 0, kMaxCrop);
    layer.crop.right = crop.integer(QStringLiteral("right"), 0, 0, kMaxCrop);
    layer.crop.bottom = crop.integer(QStringLiteral("bottom"), 0, 0, kMaxCrop);
    crop.rejectUnknownKeys();

    const QString type = reader.string(QStringLiteral("type"));
    if (type == QLatin1String("color")) {
        layer.kind = LayerKind::Color;
        const QColor color = reader.color(QStringLiteral("color"));
        const int width = reader.integer(QStringLiteral("width"), canvas.width(), 1, 16384);
        const int height = reader.integer(QStringLiteral("height"), canvas.height(), 1, 16384);
        layer.source = std::make_shared<SolidColorSource>(color, QSize(width, height));
    } else if (type == QLatin1String("image")) {
        layer.kind = LayerKind::Image;
        auto source = std::make_shared<ImageSource>(
            resolvePath(baseDir, reader.string(QStringLiteral("path"))));
        if (!source->isValid())
            throw ParseError{
                QStringLiteral("%1: \"path\": %2").arg(context, source->errorString())};
        layer.source = std::move(source);
    } else if (type == QLatin1String("video")) {
        layer.kind = LayerKind::Video;
        auto source = std::make_shared<VideoFileSource>(
            resolvePath(baseDir, reader.string(QStringLiteral("path"))));
        if (!source->isValid())
            throw ParseError{
                QStringLiteral("%1: \"path\": %2").arg(context, source->errorString())};
        layer.source = std::move(source);
    } else if (type == QLatin1String("text")) {
        layer.kind = LayerKind::Text;
        TextStyle style;
        style.fontFamily = reader.string(QStringLiteral("font"), style.fontFamily);
        style.pixelSize = reader.integer(QStringLiteral("size"), style.pixelSize, 1, 1000);
        style.bold = reader.boolean(QStringLiteral("bold"), false);
        style.color = reader.color(QStringLiteral("color"), style.color);
        style.outlineColor = reader.color(QStringLiteral("outline_color"), style.outlineColor);
        style.outlineWidth = reader.number(QStringLiteral("outline_width"), 0.0, 0.0, 100.0);
        if (style.outlineWidth > 0.0 && !reader.has(QStringLiteral("outline_color")))
            style.outlineColor = Qt::black;
        style.shadowColor = reader.color(QStringLiteral("shadow_color"), style.shadowColor);
        style.shadowOffset = QPointF(reader.number(QStringLiteral("shadow_x"), 0.0, -1000, 1000),
                                     reader.number(QStringLiteral("shadow_y"), 0.0, -1000, 1000));
        const QString text = reader.string(QStringLiteral("text"));
        if (text.size() > TextSource::maxLength(style))
            reader.fail(QStringLiteral("text"),
                        QStringLiteral("is %1 characters long; at most %2%3")
                            .arg(text.size())
                            .arg(TextSource::maxLength(style))
                            .arg(TextSource::maxLength(style) < TextSource::kMaxLength
                                     ? QStringLiteral(" with an outline")
                                     : QString()));
        const QSize drawn = TextSource::measure(text, style);
        if (drawn.width() > TextSource::kMaxImageSide || drawn.height() > TextSource::kMaxImageSide)
            reader.fail(QStringLiteral("text"),
                        QStringLiteral("would be drawn %1×%2 pixels at \"size\" %3; at most "
                                       "%4×%4 (shorten it or make it smaller)")
                            .arg(drawn.width())
                            .arg(drawn.height())
                            .arg(style.pixelSize)
                            .arg(TextSource::kMaxImageSide));
        layer.source = std::make_shared<TextSource>(text, style);
    } else {
        reader.fail(QStringLiteral("type"),
                    QStringLiteral("must be color, image, text or video, not '%1'").arg(type));
    }
    reader.rejectUnknownKeys();
    return layer;
}

} // namespace

std::optional<SceneDescription> SceneJson::load(const QString& path, QString* error)
{
    QByteArray json;
    if (QString why; !readRegularFile(path, kMaxSceneBytes, &json, &why)) {
        *error = QStringLiteral("cannot open scene: %1").arg(why);
        return std::nullopt;
    }
    QString parseError;
    auto scene = parse(json, QFileInfo(path).absoluteDir(), &parseError);
    if (!scene)
        *error = QStringLiteral("%1: %2").arg(path, parseError);
    return scene;
}

std::optional<SceneDescription> SceneJson::parse(const QByteArray& json, const QDir& baseDir,
                                                 QString* error)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &jsonError);
    if (document.isNull()) {
        *error = QStringLiteral("not valid JSON at offset %1: %2")
                     .arg(jsonError.offset)
                     .arg(jsonError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the scene must be a JSON object");
        return std::nullopt;
    }
    if (const auto duplicate = sb::common::JsonDuplicateKeys::find(json)) {
        *error = QStringLiteral("line %1: \"%2\" appears twice in %3; only one may be given")
                     .arg(duplicate->line)
                     .arg(duplicate->key, duplicate->where.isEmpty() ? QStringLiteral("the scene")
                                                                     : duplicate->where);
        return std::nullopt;
    }
    try {
        SceneDescription description;
        ObjectReader root(document.object(), QStringLiteral("scene"));
        ObjectReader canvas = root.object(QStringLiteral("canvas"));
        description.canvas.setWidth(canvas.integer(QStringLiteral("width"), 1280, 16, 1920));
        description.canvas.setHeight(canvas.integer(QStringLiteral("height"), 720, 16, 1080));
        if (description.canvas.width() % 2 != 0 || description.canvas.height() % 2 != 0)
            canvas.fail(QStringLiteral("width"), QStringLiteral("and height must be even"));
        canvas.rejectUnknownKeys();
        description.scene.setBackground(
            root.color(QStringLiteral("background"), QColor(Qt::black)));

        root.markKnown(QStringLiteral("layers"));
        const QJsonValue layers = document.object().value(QStringLiteral("layers"));
        if (!layers.isUndefined() && !layers.isArray())
            root.fail(QStringLiteral("layers"), QStringLiteral("must be an array"));
        const QJsonArray array = layers.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString fallbackId = QStringLiteral("layer%1").arg(i + 1);
            if (!array[i].isObject())
                throw ParseError{QStringLiteral("layer #%1 must be an object").arg(i + 1)};
            const QJsonObject object = array[i].toObject();
            const QString id = object.value(QStringLiteral("id")).toString(fallbackId);
            const QString context = QStringLiteral("layer '%1' (#%2)").arg(id).arg(i + 1);
            ObjectReader reader(object, context);
            reader.string(QStringLiteral("id"), fallbackId);
            if (!description.scene.addLayer(
                    parseLayer(reader, id, context, baseDir, description.canvas)))
                reader.fail(QStringLiteral("id"), QStringLiteral("is used by another layer"));
        }
        root.rejectUnknownKeys();
        return description;
    } catch (const ParseError& parseError) {
        *error = parseError.message;
        return std::nullopt;
    }
}

} // namespace sb::render
