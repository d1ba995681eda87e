# Encoders, the audio mix and the outputs (RTMP destinations, the recording).
list(APPEND SB_RENDER_SOURCES
    FfmpegHandles.h
    FfmpegLog.cpp FfmpegLog.h
    AudioEncoder.cpp AudioEncoder.h
    AudioMeter.cpp AudioMeter.h
    AudioMixer.cpp AudioMixer.h
    Output.cpp
    RecordingOutput.cpp RecordingOutput.h
    RtmpOutput.cpp RtmpOutput.h
    VideoEncoder.cpp VideoEncoder.h
)
