#include "UtcTime.h"

#include <array>

namespace sb::auction {

namespace {

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
void civilFromDays(std::int64_t z, std::int64_t* y, unsigned* m, unsigned* d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = std::int64_t(yoe) + era * 400 + (*m <= 2 ? 1 : 0);
}

void put(char16_t*& out, std::int64_t value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    out += digits;
}

} // namespace

QString isoUtc(std::int64_t utcMs)
{
    constexpr std::int64_t kDayMs = 86'400'000;
    std::int64_t days = utcMs / kDayMs;
    std::int64_t msOfDay = utcMs % kDayMs;
    if (msOfDay < 0) {
        msOfDay += kDayMs;
        --days;
    }
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);
    if (year < 0 || year > 9999)
        return {};
    std::array<char16_t, 24> buffer{};
    char16_t* out = buffer.data();
    put(out, year, 4);
    *out++ = u'-';
    put(out, month, 2);
    *out++ = u'-';
    put(out, day, 2);
    *out++ = u'T';
    put(out, msOfDay / 3'600'000, 2);
    *out++ = u':';
    put(out, msOfDay / 60'000 % 60, 2);
    *out++ = u':';
    put(out, msOfDay / 1000 % 60, 2);
    *out++ = u'.';
    put(out, msOfDay % 1000, 3);
    *out++ = u'Z';
    return QString(reinterpret_cast<const QChar*>(buffer.data()), out - buffer.data());
}

} // namespace sb::auction
