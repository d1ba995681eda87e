#include "AuctionTypes.h"

#include <array>
#include <utility>

namespace sb::auction {

namespace {

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char16_t*>, N>& table, Enum value)
{
    for (const auto& [e, name] : table) {
        if (e == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char16_t*>, N>& table,
                            QStringView name)
{
    for (const auto& [e, n] : table) {
        if (name == QStringView(n))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<DayState, const char16_t*>, 6> kDayStates = {{
    {DayState::Pending, u"PENDING"},
    {DayState::Active, u"ACTIVE"},
    {DayState::Paused, u"PAUSED"},
    {DayState::Processing, u"PROCESSING"},
    {DayState::Completed, u"COMPLETED"},
    {DayState::Cancelled, u"CANCELLED"},
}};

constexpr std::array<std::pair<MarathonState, const char16_t*>, 3> kMarathonStates = {{
    {MarathonState::Scheduled, u"SCHEDULED"},
    {MarathonState::Running, u"RUNNING"},
    {MarathonState::Finished, u"FINISHED"},
}};

constexpr std::array<std::pair<BidStatus, const char16_t*>, 4> kBidStatuses = {{
    {BidStatus::Accepted, u"accepted"},
    {BidStatus::Rejected, u"rejected"},
    {BidStatus::PendingReview, u"pending_review"},
    {BidStatus::Invalidated, u"invalidated"},
}};

} // namespace

QString dayStateName(DayState state)
{
    return nameOf(kDayStates, state);
}
std::optional<DayState> dayStateFromName(QStringView name)
{
    return valueOf(kDayStates, name);
}
QString marathonStateName(MarathonState state)
{
    return nameOf(kMarathonStates, state);
}
std::optional<MarathonState> marathonStateFromName(QStringView name)
{
    return valueOf(kMarathonStates, name);
}
QString bidStatusName(BidStatus status)
{
    return nameOf(kBidStatuses, status);
}
std::optional<BidStatus> bidStatusFromName(QStringView name)
{
    return valueOf(kBidStatuses, name);
}

} // namespace sb::auction
