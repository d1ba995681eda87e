#pragma once
// "2026-11-01T17:00:00.000Z" for a UTC instant in milliseconds. The journal writes several of these
// per bid; QDateTime::toString costs more than the rest of a bid's judgement, so this is direct.

#include <QString>

#include <cstdint>

namespace sb::auction {

QString isoUtc(std::int64_t utcMs);

} // namespace sb::auction
