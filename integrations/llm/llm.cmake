# The host's optional LLM: one short line per auction event from an OpenAI-compatible
# chat-completions server (llama.cpp, Ollama, a hosted one), cleaned and checked against the facts
# it was asked to state, or the template line. Its own library on top of the HTTP client.
add_library(sb_llm STATIC
    ${CMAKE_CURRENT_LIST_DIR}/ChatStreamReader.cpp ${CMAKE_CURRENT_LIST_DIR}/ChatStreamReader.h
    ${CMAKE_CURRENT_LIST_DIR}/LineCleaner.cpp ${CMAKE_CURRENT_LIST_DIR}/LineCleaner.h
    ${CMAKE_CURRENT_LIST_DIR}/LineWriter.cpp ${CMAKE_CURRENT_LIST_DIR}/LineWriter.h
    ${CMAKE_CURRENT_LIST_DIR}/LlmSettings.h)
target_include_directories(sb_llm PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_llm PUBLIC Qt6::Core sb_integrations PRIVATE sb_compile_options)
set_target_properties(sb_llm PROPERTIES AUTOMOC ON)
