# The VTube Studio bridge (optional): a streamer's own Live2D model moves its mouth with the host's
# voice and shows her moods through hotkeys. Its own library, so that only what uses it links Qt
# WebSockets; the plugin token goes to the keychain of sb_integrations.
find_package(Qt6 6.4 REQUIRED COMPONENTS WebSockets)
add_library(sb_vtubestudio STATIC
    ${CMAKE_CURRENT_LIST_DIR}/KeychainTokenStore.cpp ${CMAKE_CURRENT_LIST_DIR}/VtsTokenStore.h
    ${CMAKE_CURRENT_LIST_DIR}/VtsBridge.cpp ${CMAKE_CURRENT_LIST_DIR}/VtsBridge.h
    ${CMAKE_CURRENT_LIST_DIR}/VtsTimerSource.cpp ${CMAKE_CURRENT_LIST_DIR}/VtsTimerSource.h)
target_include_directories(sb_vtubestudio PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_vtubestudio
    PUBLIC Qt6::Core sb_integrations
    PRIVATE Qt6::WebSockets sb_compile_options)
set_target_properties(sb_vtubestudio PROPERTIES AUTOMOC ON)
