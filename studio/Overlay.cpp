#include "Overlay.h"

#include <QFont>

namespace sb::studio {

namespace {

QString colorName(const QColor& c)
{
    return c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb);
}

QColor colorValue(const QJsonValue& value, const QColor& fallback)
{
    if (!value.isString())
        return fallback;
    const QColor c = QColor::fromString(value.toString());
    return c.isValid() ? c : fallback;
}

} // namespace

QJsonObject OverlayStyle::toJson() const
{
    return QJsonObject{{QStringLiteral("font"), fontFamily},
                       {QStringLiteral("font_size"), fontPixelSize},
                       {QStringLiteral("background"), colorName(background)},
                       {QStringLiteral("text"), colorName(text)},
                       {QStringLiteral("accent"), colorName(accent)},
                       {QStringLiteral("x"), geometry.x()},
                       {QStringLiteral("y"), geometry.y()},
                       {QStringLiteral("width"), geometry.width()},
                       {QStringLiteral("height"), geometry.height()}};
}

OverlayStyle OverlayStyle::fromJson(const QJsonObject& json, const OverlayStyle& defaults)
{
    OverlayStyle s = defaults;
    s.fontFamily = json.value(QStringLiteral("font")).toString(defaults.fontFamily);
    s.fontPixelSize =
        std::max(6, json.value(QStringLiteral("font_size")).toInt(defaults.fontPixelSize));
    s.background = colorValue(json.value(QStringLiteral("background")), defaults.background);
    s.text = colorValue(json.value(QStringLiteral("text")), defaults.text);
    s.accent = colorValue(json.value(QStringLiteral("accent")), defaults.accent);
    s.geometry =
        QRect(json.value(QStringLiteral("x")).toInt(defaults.geometry.x()),
              json.value(QStringLiteral("y")).toInt(defaults.geometry.y()),
              std::max(1, json.value(QStringLiteral("width")).toInt(defaults.geometry.width())),
              std::max(1, json.value(QStringLiteral("height")).toInt(defaults.geometry.height())));
    return s;
}

OverlayStyle Overlay::style() const
{
    std::lock_guard lock(m_styleMutex);
    if (!m_styleSet)
        return defaultStyle();
    return m_style;
}

void Overlay::setStyle(const OverlayStyle& style)
{
    std::lock_guard lock(m_styleMutex);
    m_style = style;
    m_styleSet = true;
}

QFont Overlay::font(double scale, bool bold) const
{
    const OverlayStyle s = style();
    QFont f(s.fontFamily);
    f.setPixelSize(std::max(6, int(s.fontPixelSize * scale + 0.5)));
    f.setBold(bold);
    return f;
}

} // namespace sb::studio
