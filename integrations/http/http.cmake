# Outbound HTTP through libcurl multi on a worker thread, for X, the chain's RPC and the LLM.
list(APPEND SB_INTEGRATIONS_SOURCES http/HttpClient.cpp http/HttpClient.h)
