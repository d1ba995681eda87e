list(APPEND SB_RENDER_SOURCES
    BroadcastPipeline.cpp BroadcastPipeline.h BroadcastPipelineOutputs.cpp BroadcastPipelinePrivate.h
    BroadcastStats.cpp BroadcastStats.h
    FramePacer.cpp FramePacer.h
    ProcessUsage.cpp ProcessUsage.h
    ProgramPreview.cpp ProgramPreview.h
)
