#include "XText.h"

#include <QList>
#include <QRegularExpression>
#include <QStringView>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace sb::integrations::x {

using namespace Qt::StringLiterals;

namespace {

// A stretch of the (NFC) text that is counted, kept or dropped as a whole.
struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

// twitter-text v3 (config/v3.json): these ranges weigh 1 (100 at its scale of 100), the rest 2.
bool hasWeightOne(char32_t cp)
{
    return cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F) ||
           (cp >= 0x2032 && cp <= 0x2037);
}

int codePointWeight(char32_t cp)
{
    return hasWeightOne(cp) ? 1 : 2;
}

// Code points that begin an emoji sequence (twemoji's set, roughly: the pictographic blocks and
// the few older symbols that take an emoji presentation).
bool isEmojiBase(char32_t cp)
{
    return cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 ||
           cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21AA) || (cp >= 0x231A && cp <= 0x23FF) ||
           cp == 0x24C2 || (cp >= 0x25AA && cp <= 0x25FE) || (cp >= 0x2600 && cp <= 0x27BF) ||
           cp == 0x2934 || cp == 0x2935 || (cp >= 0x2B05 && cp <= 0x2B55) || cp == 0x3030 ||
           cp == 0x303D || cp == 0x3297 || cp == 0x3299 || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

bool isKeycapBase(char32_t cp)
{
    return cp == u'#' || cp == u'*' || (cp >= u'0' && cp <= u'9');
}

// What makes the code points after an emoji part of one emoji: VS16, ZWJ, a skin tone, the tags
// of a subdivision flag, the second regional indicator of a flag.
bool continuesEmoji(char32_t cp)
{
    return cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
           (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0x1F1E6 && cp <= 0x1F1FF);
}

QList<char32_t> codePoints(QStringView text)
{
    QList<char32_t> out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out.append(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else {
            out.append(c.unicode()); // a lone surrogate counts as what it is: 2
        }
    }
    return out;
}

// One grapheme cluster: an emoji sequence weighs 2 however many code points it has (twitter-text
// v3 with emojiParsingEnabled); anything else weighs the sum of its code points (a base letter
// with combining marks that NFC could not compose counts each mark, as twitter-text does).
int clusterWeight(QStringView cluster)
{
    const QList<char32_t> cps = codePoints(cluster);
    if (cps.isEmpty())
        return 0;
    if (cps.size() > 1) {
        const bool keycap = isKeycapBase(cps.first()) && cps.contains(char32_t(0x20E3));
        const bool sequence =
            isEmojiBase(cps.first()) && std::any_of(cps.cbegin() + 1, cps.cend(), continuesEmoji);
        if (keycap || sequence)
            return 2;
    }
    int weight = 0;
    for (const char32_t cp : cps)
        weight += codePointWeight(cp);
    return weight;
}

template <typename Visit> void forEachCluster(QStringView text, Visit visit)
{
    if (text.isEmpty())
        return;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text.data(), int(text.size()));
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        visit(start, end);
        start = end;
    }
}

int plainWeight(QStringView text)
{
    int weight = 0;
    forEachCluster(text, [&](qsizetype begin, qsizetype end) {
        weight += clusterWeight(text.sliced(begin, end - begin));
    });
    return weight;
}

// Generic TLDs that X links without a protocol. twitter-text knows every TLD; these are the
// ones a studio's posts are likely to meet. Two-letter country codes are handled apart.
const char* const kGenericTlds =
    "academy|agency|app|art|bio|biz|blog|cafe|capital|cash|center|chat|city|click|cloud|club|"
    "codes|com|community|company|cool|crypto|dev|digital|domains|edu|email|events|exchange|"
    "finance|fun|fund|gallery|games|gold|gov|group|guru|host|info|ink|int|io|lat|life|link|live|"
    "ltd|market|media|mil|mobi|money|name|net|network|news|ninja|online|org|page|photo|photos|"
    "pics|pro|rocks|shop|site|social|software|space|store|stream|studio|systems|tech|today|top|"
    "tv|video|vip|wallet|website|wiki|win|work|works|world|wtf|xyz|zone";

// URLs as twitter-text finds them, near enough: with a protocol (http, https) anything that
// looks like a host; without one, an ASCII domain that ends in a generic TLD, or in a country
// code when the domain has two labels or a path (t.co/x, www.example.jp; not example.jp).
const QRegularExpression& urlPattern()
{
    static const QRegularExpression pattern = [] {
        const QString label = QStringLiteral(R"([A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)");
        const QString pathChars = QStringLiteral(R"([!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~])");
        // A TLD ends the host unless another label follows (example.com.au).
        const QString endOfHost = QStringLiteral(R"((?![A-Za-z0-9\-_]|\.[A-Za-z0-9]))");
        const QString withProtocol =
            QStringLiteral(R"(https?://[\p{L}\p{N}][\p{L}\p{N}\-._~%]*(?::\d{1,5})?(?:[/?#])") +
            pathChars + QStringLiteral("*)?");
        const QString host = u"(?:(?:"_s + label + u")+(?:"_s + QLatin1String(kGenericTlds) +
                             u")"_s + endOfHost + u"|(?:"_s + label + u"){2,}[A-Za-z]{2}"_s +
                             endOfHost + u"|(?:"_s + label + u")+[A-Za-z]{2}(?=/))"_s;
        const QString bare = QStringLiteral(R"((?<![A-Za-z0-9@＠$#＃\-_./\x{202A}-\x{202E}]))") +
                             host + QStringLiteral(R"((?::\d{1,5})?(?:/)") + pathChars + u"*)?"_s;
        return QRegularExpression(u"(?:"_s + withProtocol + u")|(?:"_s + bare + u")"_s,
                                  QRegularExpression::CaseInsensitiveOption |
                                      QRegularExpression::UseUnicodePropertiesOption);
    }();
    return pattern;
}

// A URL does not take the punctuation that ends the sentence it stands in, nor a closing
// bracket it did not open.
qsizetype trimUrlEnd(QStringView url)
{
    qsizetype end = url.size();
    while (end > 0) {
        const QChar last = url[end - 1];
        if (QStringView(u".,;:!?'\"*").contains(last)) {
            --end;
            continue;
        }
        const auto unbalanced = [&](QChar open, QChar close) {
            const QStringView head = url.first(end);
            return last == close && head.count(close) > head.count(open);
        };
        if (unbalanced(u'(', u')') || unbalanced(u'[', u']')) {
            --end;
            continue;
        }
        break;
    }
    return end;
}

QList<Span> urlSpans(const QString& text)
{
    QList<Span> spans;
    auto it = urlPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype end =
            match.capturedStart() +
            trimUrlEnd(QStringView(text).sliced(match.capturedStart(), match.capturedLength()));
        if (end > match.capturedStart())
            spans.append({match.capturedStart(), end});
    }
    return spans;
}

// @mentions and #hashtags: cutting one short would name another account or another tag.
QList<Span> mentionAndHashtagSpans(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?<![A-Za-z0-9_!@＠#＃$%&*])[@＠][A-Za-z0-9_]+)"
                       R"(|(?<![\p{L}\p{N}_&#＃])[#＃][\p{L}\p{N}_]+)"),
        QRegularExpression::UseUnicodePropertiesOption);
    QList<Span> spans;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        spans.append({match.capturedStart(), match.capturedEnd()});
    }
    return spans;
}

// The weight of `text` (already NFC) between its URLs.
int weightOfNormalized(const QString& text)
{
    int weight = 0;
    qsizetype at = 0;
    for (const Span& url : urlSpans(text)) {
        weight += plainWeight(QStringView(text).sliced(at, url.begin - at)) + kUrlWeight;
        at = url.end;
    }
    return weight + plainWeight(QStringView(text).sliced(at));
}

QString nfc(const QString& text)
{
    return text.normalized(QString::NormalizationForm_C);
}

bool isHorizontalSpace(QChar c)
{
    return c.isSpace() && c != u'\n' && c != u'\r' && c != QChar(0x2028) && c != QChar(0x2029);
}

} // namespace

int weightedLength(const QString& text)
{
    return weightOfNormalized(nfc(text));
}

QString fitToLength(const QString& text, int max)
{
    const QString normal = nfc(text);
    if (max <= 0)
        return {};
    if (weightOfNormalized(normal) <= max)
        return normal;

    const QString ellipsis = QStringLiteral("…");
    const int ellipsisWeight = plainWeight(ellipsis); // 2: U+2026 lies outside the 1-ranges
    const bool withEllipsis = max >= ellipsisWeight;
    const int budget = withEllipsis ? max - ellipsisWeight : max;

    // The text as whole pieces: URLs, mentions and hashtags, and the clusters between them.
    struct Piece
    {
        qsizetype end;
        int weight;
    };
    QList<Piece> pieces;
    QList<Span> atoms = urlSpans(normal);
    for (const Span& tag : mentionAndHashtagSpans(normal)) {
        const bool inUrl = std::any_of(atoms.cbegin(), atoms.cend(), [&](const Span& url) {
            return tag.begin < url.end && url.begin < tag.end;
        });
        if (!inUrl)
            atoms.append(tag);
    }
    std::sort(atoms.begin(), atoms.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    const auto addClusters = [&](qsizetype from, qsizetype to) {
        const QStringView part = QStringView(normal).sliced(from, to - from);
        forEachCluster(part, [&](qsizetype begin, qsizetype end) {
            pieces.append({from + end, clusterWeight(part.sliced(begin, end - begin))});
        });
    };
    qsizetype at = 0;
    for (const Span& atom : std::as_const(atoms)) {
        addClusters(at, atom.begin);
        const QStringView body = QStringView(normal).sliced(atom.begin, atom.end - atom.begin);
        const bool isUrl = !body.startsWith(u'@') && !body.startsWith(u'＠') &&
                           !body.startsWith(u'#') && !body.startsWith(u'＃');
        pieces.append({atom.end, isUrl ? kUrlWeight : plainWeight(body)});
        at = atom.end;
    }
    addClusters(at, normal.size());

    qsizetype kept = 0;
    int weight = 0;
    while (kept < pieces.size() && weight + pieces[kept].weight <= budget)
        weight += pieces[kept++].weight;

    // Cutting can make a new URL of what was not one ("example.community" → "example.com"):
    // check the result as X would, and give up pieces until it fits.
    for (;;) {
        QString head = normal.left(kept > 0 ? pieces[kept - 1].end : 0);
        while (!head.isEmpty() && (head.back().isSpace() || head.back() == QChar(0x200D)))
            head.chop(1);
        if (withEllipsis)
            head += ellipsis;
        if (weightOfNormalized(head) <= max || kept == 0)
            return head;
        --kept;
    }
}

bool containsUrl(const QString& text)
{
    return !urlSpans(nfc(text)).isEmpty();
}

QString removeUrls(const QString& text)
{
    QString out = text;
    // Taking a URL out can bring text together into a new one: repeat until none is left.
    for (QList<Span> spans = urlSpans(out); !spans.isEmpty(); spans = urlSpans(out)) {
        QString next;
        next.reserve(out.size());
        qsizetype at = 0;
        for (const Span& url : std::as_const(spans)) {
            qsizetype begin = url.begin;
            qsizetype end = url.end;
            // With the space before it, or after it when it starts a line.
            while (begin > at && isHorizontalSpace(out[begin - 1]))
                --begin;
            if (begin == url.begin && (begin == 0 || !isHorizontalSpace(out[begin - 1]))) {
                while (end < out.size() && isHorizontalSpace(out[end]))
                    ++end;
            }
            next += QStringView(out).sliced(at, begin - at);
            at = end;
        }
        next += QStringView(out).sliced(at);
        out = next;
    }
    return out;
}

QString safeUsername(const QString& name)
{
    // Anchored at the very end: "$" alone would let a name end in a newline.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_]{1,15}")));
    return pattern.match(name).hasMatch() ? name : QString();
}

} // namespace sb::integrations::x
