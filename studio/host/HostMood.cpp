#include "HostMood.h"

#include <QCoreApplication>

namespace sb::studio {

QString hostMoodName(HostMood mood)
{
    switch (mood) {
    case HostMood::Neutral:
        return QStringLiteral("neutral");
    case HostMood::Excited:
        return QStringLiteral("excited");
    case HostMood::Happy:
        return QStringLiteral("happy");
    case HostMood::Surprised:
        return QStringLiteral("surprised");
    case HostMood::Thoughtful:
        return QStringLiteral("thoughtful");
    case HostMood::Concerned:
        return QStringLiteral("concerned");
    case HostMood::Triumphant:
        return QStringLiteral("triumphant");
    }
    return QStringLiteral("neutral");
}

std::optional<HostMood> hostMoodFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (HostMood mood : allHostMoods()) {
        if (trimmed.compare(hostMoodName(mood), Qt::CaseInsensitive) == 0)
            return mood;
    }
    return std::nullopt;
}

QString hostMoodDisplayName(HostMood mood)
{
    switch (mood) {
    case HostMood::Neutral:
        return QCoreApplication::translate("sb::studio::HostMood", "Neutral");
    case HostMood::Excited:
        return QCoreApplication::translate("sb::studio::HostMood", "Excited");
    case HostMood::Happy:
        return QCoreApplication::translate("sb::studio::HostMood", "Happy");
    case HostMood::Surprised:
        return QCoreApplication::translate("sb::studio::HostMood", "Surprised");
    case HostMood::Thoughtful:
        return QCoreApplication::translate("sb::studio::HostMood", "Thoughtful");
    case HostMood::Concerned:
        return QCoreApplication::translate("sb::studio::HostMood", "Concerned");
    case HostMood::Triumphant:
        return QCoreApplication::translate("sb::studio::HostMood", "Triumphant");
    }
    return QCoreApplication::translate("sb::studio::HostMood", "Neutral");
}

QList<HostMood> allHostMoods()
{
    return {HostMood::Neutral,    HostMood::Excited,   HostMood::Happy,     HostMood::Surprised,
            HostMood::Thoughtful, HostMood::Concerned, HostMood::Triumphant};
}

} // namespace sb::studio
