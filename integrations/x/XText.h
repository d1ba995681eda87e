#pragma once
// The text of a post as X counts it: weighted length after NFC (twitter-text's v3 rules: a URL
// counts 23, Latin and most scripts 1, CJK and emoji 2), shortening to fit at a grapheme boundary
// without breaking a URL or an @mention, finding and removing URLs, and telling a real username
// from a display name. Pure functions, no I/O.

#include <QString>

namespace sb::integrations::x {

constexpr int kMaxWeightedLength = 280;
// What X counts for any URL: the length of the t.co link it becomes.
constexpr int kUrlWeight = 23;

// X's weighted length of `text` after NFC normalization. Code points in twitter-text v3's
// weight-1 ranges (U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037) count 1, all
// others 2; an emoji sequence (ZWJ family, skin tone, flag, keycap, with VS16) counts 2 as one
// emoji; every URL (http(s)://… and bare domains such as example.com) counts 23.
// Near enough to twitter-text, not a copy: emoji sequences are the grapheme clusters that start
// with a pictograph and carry VS16, ZWJ, a skin tone, tags or a second regional indicator (a
// lone © or ® without VS16 counts 1, by its range); bare domains are recognised for the common
// generic TLDs only (twitter-text knows all), and a country code (example.jp) only with a path or
// a subdomain, as twitter-text does.
int weightedLength(const QString& text);

// `text` after NFC, shortened when it is longer than `max` so that it ends in "…" and weighs at
// most `max`. Cuts only between grapheme clusters; a URL, an @mention or a #hashtag that does
// not fit is dropped whole, never cut into another link or another account's name.
QString fitToLength(const QString& text, int max = kMaxWeightedLength);

// Whether `text` holds a URL as X would link it.
bool containsUrl(const QString& text);
// `text` without any URL (and without the space that stood before one); the result contains none.
QString removeUrls(const QString& text);

// `name` when it is an X username ([A-Za-z0-9_]{1,15}, without the @), else empty: a display
// name or anything a bidder typed must never reach a post.
QString safeUsername(const QString& name);

} // namespace sb::integrations::x
