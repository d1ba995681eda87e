#pragma once
// CPU time and memory of this process, for the stats dock (as OBS shows them).

#include <cstdint>

namespace sb::render {

struct ProcessUsage
{
    std::int64_t cpuTimeNs = 0; // user + system, all threads
    std::int64_t residentBytes = 0;
    std::int64_t peakResidentBytes = 0;

    static ProcessUsage now();
};

} // namespace sb::render
