#include "ProcessUsage.h"

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace sb::render {

ProcessUsage ProcessUsage::now()
{
    ProcessUsage usage;
    rusage r = {};
    if (getrusage(RUSAGE_SELF, &r) == 0) {
        usage.cpuTimeNs = (std::int64_t(r.ru_utime.tv_sec) + r.ru_stime.tv_sec) * 1'000'000'000 +
                          (std::int64_t(r.ru_utime.tv_usec) + r.ru_stime.tv_usec) * 1000;
        usage.peakResidentBytes = std::int64_t(r.ru_maxrss) * 1024; // Linux reports KiB
    }
    if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
        long size = 0, resident = 0;
        if (std::fscanf(statm, "%ld %ld", &size, &resident) == 2)
            usage.residentBytes = std::int64_t(resident) * sysconf(_SC_PAGESIZE);
        std::fclose(statm);
    }
    return usage;
}

} // namespace sb::render
