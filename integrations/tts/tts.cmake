# The host's voice: text to 48 kHz stereo speech with mouth shapes and word marks, behind the
# TextToSpeech interface (espeak-ng today), synthesized on a worker thread, loudness-normalized
# (libebur128) and played at the audio clock of the mix. Its own library: it needs neither the
# network nor the rest of integrations.
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)
pkg_check_modules(EBUR128 REQUIRED IMPORTED_TARGET libebur128)
pkg_check_modules(SWRESAMPLE REQUIRED IMPORTED_TARGET libswresample libavutil)
add_library(sb_tts STATIC
    ${CMAKE_CURRENT_LIST_DIR}/TextToSpeech.cpp ${CMAKE_CURRENT_LIST_DIR}/TextToSpeech.h
    ${CMAKE_CURRENT_LIST_DIR}/EspeakSpeech.cpp ${CMAKE_CURRENT_LIST_DIR}/EspeakSpeech.h
    ${CMAKE_CURRENT_LIST_DIR}/MouthShapes.cpp ${CMAKE_CURRENT_LIST_DIR}/MouthShapes.h
    ${CMAKE_CURRENT_LIST_DIR}/SpeechLoudness.cpp ${CMAKE_CURRENT_LIST_DIR}/SpeechLoudness.h
    ${CMAKE_CURRENT_LIST_DIR}/SpeechPlayer.cpp ${CMAKE_CURRENT_LIST_DIR}/SpeechPlayer.h
    ${CMAKE_CURRENT_LIST_DIR}/SpeechSynthesizer.cpp ${CMAKE_CURRENT_LIST_DIR}/SpeechSynthesizer.h)
target_include_directories(sb_tts PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_tts
    PUBLIC Qt6::Core
    PRIVATE PkgConfig::ESPEAK_NG PkgConfig::EBUR128 PkgConfig::SWRESAMPLE sb_compile_options)
set_target_properties(sb_tts PROPERTIES AUTOMOC ON)
