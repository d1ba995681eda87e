#pragma once
// The host character's moods (DESIGN.md, "The host character"): what the puppet's face shows and
// what the persona's lines are chosen for. Names are stable ids for settings, events and the
// operator's mood buttons; display names are for the UI.

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace sb::studio {

enum class HostMood
{
    Neutral,
    Excited,
    Happy,
    Surprised,
    Thoughtful,
    Concerned,
    Triumphant,
};

// "neutral", "excited", "happy", "surprised", "thoughtful", "concerned", "triumphant".
QString hostMoodName(HostMood mood);
// The mood for a name (case-insensitive, surrounding spaces ignored); nullopt for anything else.
std::optional<HostMood> hostMoodFromName(QStringView name);
// Translated name for the operator's buttons ("Excited").
QString hostMoodDisplayName(HostMood mood);
// Every mood, in declaration order (for menus, tests and pre-rendering).
QList<HostMood> allHostMoods();

} // namespace sb::studio
