#pragma once
// The X settings as the studio posts with them: x.ini's, plus the host persona's "post.<kind>"
// texts for the kinds the operator left at the default (XSettings::addPersonaTemplates), so the
// auction's posts can sound like her. The same for the window and headless.

#include "HostSettings.h"
#include "Persona.h"
#include "XSettings.h"

#include <QStringList>

namespace sb::app {

// *problems names each persona text that was left out and why. A persona file that cannot be
// read adds nothing here (the show already says why when it applies the host's settings).
inline sb::integrations::x::XSettings withPersonaPosts(sb::integrations::x::XSettings x,
                                                       const sb::studio::HostSettings& host,
                                                       QStringList* problems)
{
    const auto persona =
        host.personaFile.isEmpty()
            ? sb::auction::Result<sb::studio::Persona>(sb::studio::Persona::builtIn())
            : sb::studio::Persona::fromFile(host.personaFile);
    if (persona.ok())
        x.addPersonaTemplates(persona->templates, problems);
    return x;
}

} // namespace sb::app
