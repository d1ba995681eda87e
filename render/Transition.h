#pragma once
// How the program changes from one scene to the next.

#include <QString>

#include <optional>

namespace sb::render {

struct Transition
{
    enum class Type
    {
        Cut,
        Fade,
        Slide
    };
    enum class Direction
    {
        Left,
        Right,
        Up,
        Down
    }; // where the outgoing scene leaves to
    enum class Easing
    {
        Linear,
        EaseInOut,
        EaseOut
    };

    Type type = Type::Fade;
    Direction direction = Direction::Left;
    int durationMs = 500;
    Easing easing = Easing::EaseInOut;

    // Maps linear progress 0..1 to the eased value (clamped).
    double eased(double progress) const;

    static std::optional<Type> typeFromName(const QString& name);
    static std::optional<Direction> directionFromName(const QString& name);
    static std::optional<Easing> easingFromName(const QString& name);
};

} // namespace sb::render
