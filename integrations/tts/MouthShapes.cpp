#include "MouthShapes.h"

#include <QHash>

namespace sb::integrations::tts {

namespace {

QHash<QString, MouthShape> buildPhonemeTable()
{
    QHash<QString, MouthShape> table;
    const auto add = [&table](MouthShape shape, std::initializer_list<const char*> names) {
        for (const char* name : names)
            table.insert(QString::fromLatin1(name), shape);
    };
    add(MouthShape::Closed, {"p", "b", "m", "m-"});
    add(MouthShape::FV, {"f", "v"});
    add(MouthShape::L, {"l", "l/", "l/2", "L", "@L", "l#"});
    // Open: EH and AE, and the lax central vowels that open the jaw about as far.
    add(MouthShape::Open, {"e", "E", "a", "a#", "V", "eI", "e@", "E2", "E@", "a2"});
    add(MouthShape::Wide, {"aa", "A:", "A@", "A", "aI", "aI@", "aI3", "aU", "aU@"});
    add(MouthShape::Rounded, {"O:", "O@", "o@", "O", "0", "3:", "3", "OI", "o", "0@"});
    add(MouthShape::Puckered, {"u:", "U", "U@", "u", "oU", "w", "W", "u@", "O2"});
    // Everything else sounding (t d k g n N s z S Z T D tS dZ h j r, i: I i @ ...) is slightly
    // open; pauses are rest.
    add(MouthShape::Rest, {"_", "_:", "_!", "_^_", "_|", "_#"});
    return table;
}

} // namespace

MouthShape mouthShapeForPhoneme(QStringView mnemonic)
{
    static const QHash<QString, MouthShape> table = buildPhonemeTable();
    // espeak may prefix a stress mark; the mouth does not care about stress.
    while (!mnemonic.isEmpty() && (mnemonic.front() == u'\'' || mnemonic.front() == u',' ||
                                   mnemonic.front() == u'%' || mnemonic.front() == u'='))
        mnemonic = mnemonic.mid(1);
    if (mnemonic.isEmpty() || mnemonic.startsWith(u'_'))
        return MouthShape::Rest;
    const auto it = table.constFind(mnemonic.toString());
    return it != table.constEnd() ? it.value() : MouthShape::SlightlyOpen;
}

QList<Viseme> visemeTimeline(const QList<PhonemeMark>& phonemes, int speechEndMs, int minHoldMs)
{
    QList<Viseme> out;
    for (qsizetype i = 0; i < phonemes.size(); ++i) {
        const int start = phonemes[i].startMs;
        const int end = i + 1 < phonemes.size() ? phonemes[i + 1].startMs : speechEndMs;
        if (end <= start)
            continue;
        const MouthShape shape = mouthShapeForPhoneme(phonemes[i].mnemonic);
        if (!out.isEmpty() && out.last().shape == shape && out.last().endMs == start)
            out.last().endMs = end;
        else
            out.append(Viseme{shape, start, end, start});
    }
    while (!out.isEmpty() && out.first().shape == MouthShape::Rest)
        out.removeFirst();
    while (!out.isEmpty() && out.last().shape == MouthShape::Rest)
        out.removeLast();

    // Lengthen the short ones: borrow from the next shape while it then starts at most
    // kMaxVisemeLagMs after its sound; a shape too short for that gives its time to the next.
    qsizetype i = 0;
    while (i < out.size()) {
        Viseme& v = out[i];
        if (v.durationMs() >= minHoldMs) {
            ++i;
            continue;
        }
        if (i + 1 == out.size()) {
            if (i > 0) {
                out[i - 1].endMs = v.endMs;
                out.removeAt(i);
            } else {
                v.endMs = v.startMs + minHoldMs;
            }
            break;
        }
        Viseme& next = out[i + 1];
        const int newEnd = v.startMs + minHoldMs;
        if (next.endMs <= newEnd) {
            v.endMs = next.endMs; // the next one is swallowed whole
            out.removeAt(i + 1);
        } else if (newEnd - next.phonemeMs <= kMaxVisemeLagMs) {
            v.endMs = newEnd;
            next.startMs = newEnd;
            ++i;
        } else {
            next.startMs = v.startMs; // the lips move a little before the sound: fine
            out.removeAt(i);
        }
    }

    QList<Viseme> merged;
    for (const Viseme& v : std::as_const(out)) {
        if (!merged.isEmpty() && merged.last().shape == v.shape)
            merged.last().endMs = v.endMs;
        else
            merged.append(v);
    }
    return merged;
}

} // namespace sb::integrations::tts
