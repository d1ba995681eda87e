# X API v2: the replies to each auction's post become bids (XIntake), within the rate limits.
list(APPEND SB_INTEGRATIONS_SOURCES
    x/XApi.cpp x/XApi.h
    x/XAuth.cpp x/XAuth.h
    x/XConnection.cpp x/XConnection.h
    x/XIntake.cpp x/XIntakeMonth.cpp x/XIntake.h
    x/XOutbox.cpp x/XOutbox.h
    x/XPollScheduler.cpp x/XPollScheduler.h
    x/XSettings.cpp x/XSettings.h
    x/XStream.cpp x/XStream.h
    x/XTemplates.cpp x/XTemplates.h
    x/XText.cpp x/XText.h)
