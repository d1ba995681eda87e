#include "Transition.h"

#include <algorithm>
#include <cmath>

namespace sb::render {

double Transition::eased(double progress) const
{
    const double t = std::clamp(progress, 0.0, 1.0);
    switch (easing) {
    case Easing::Linear:
        return t;
    case Easing::EaseInOut: // cubic
        return t < 0.5 ? 4.0 * t * t * t : 1.0 - std::pow(-2.0 * t + 2.0, 3.0) / 2.0;
    case Easing::EaseOut:
        return 1.0 - std::pow(1.0 - t, 3.0);
    }
    return t;
}

std::optional<Transition::Type> Transition::typeFromName(const QString& name)
{
    if (name == QLatin1String("cut"))
        return Type::Cut;
    if (name == QLatin1String("fade"))
        return Type::Fade;
    if (name == QLatin1String("slide"))
        return Type::Slide;
    return std::nullopt;
}

std::optional<Transition::Direction> Transition::directionFromName(const QString& name)
{
    if (name == QLatin1String("left"))
        return Direction::Left;
    if (name == QLatin1String("right"))
        return Direction::Right;
    if (name == QLatin1String("up"))
        return Direction::Up;
    if (name == QLatin1String("down"))
        return Direction::Down;
    return std::nullopt;
}

std::optional<Transition::Easing> Transition::easingFromName(const QString& name)
{
    if (name == QLatin1String("linear"))
        return Easing::Linear;
    if (name == QLatin1String("easeInOut") || name == QLatin1String("ease_in_out"))
        return Easing::EaseInOut;
    if (name == QLatin1String("easeOut") || name == QLatin1String("ease_out"))
        return Easing::EaseOut;
    return std::nullopt;
}

} // namespace sb::render
