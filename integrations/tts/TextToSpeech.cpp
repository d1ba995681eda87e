#include "TextToSpeech.h"

namespace sb::integrations::tts {

QString mouthShapeLetter(MouthShape shape)
{
    switch (shape) {
    case MouthShape::Closed:
        return QStringLiteral("A");
    case MouthShape::SlightlyOpen:
        return QStringLiteral("B");
    case MouthShape::Open:
        return QStringLiteral("C");
    case MouthShape::Wide:
        return QStringLiteral("D");
    case MouthShape::Rounded:
        return QStringLiteral("E");
    case MouthShape::Puckered:
        return QStringLiteral("F");
    case MouthShape::FV:
        return QStringLiteral("G");
    case MouthShape::L:
        return QStringLiteral("H");
    case MouthShape::Rest:
        return QStringLiteral("X");
    }
    return QStringLiteral("X");
}

} // namespace sb::integrations::tts
