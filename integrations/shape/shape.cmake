# Shape L2, the chain client's codec and signing: Keccak-256, 256-bit wei amounts, RLP, the
# contract ABI, EIP-55 addresses, secp256k1 keys (libsecp256k1 with its recovery module, found
# through its pkg-config file) and EIP-1559 transactions. Its own library: pure computation on Qt
# Core, so it builds and is tested without a network, a keychain or the rest of integrations.
pkg_check_modules(SECP256K1 REQUIRED IMPORTED_TARGET libsecp256k1)
add_library(sb_shape STATIC
    ${CMAKE_CURRENT_LIST_DIR}/Abi.cpp ${CMAKE_CURRENT_LIST_DIR}/Abi.h
    ${CMAKE_CURRENT_LIST_DIR}/Address.cpp ${CMAKE_CURRENT_LIST_DIR}/Address.h
    ${CMAKE_CURRENT_LIST_DIR}/Eip1559Transaction.cpp ${CMAKE_CURRENT_LIST_DIR}/Eip1559Transaction.h
    ${CMAKE_CURRENT_LIST_DIR}/Hex.cpp ${CMAKE_CURRENT_LIST_DIR}/Hex.h
    ${CMAKE_CURRENT_LIST_DIR}/Keccak.cpp ${CMAKE_CURRENT_LIST_DIR}/Keccak.h
    ${CMAKE_CURRENT_LIST_DIR}/Rlp.cpp ${CMAKE_CURRENT_LIST_DIR}/Rlp.h
    ${CMAKE_CURRENT_LIST_DIR}/Secp256k1Key.cpp ${CMAKE_CURRENT_LIST_DIR}/Secp256k1Key.h
    ${CMAKE_CURRENT_LIST_DIR}/U256.cpp ${CMAKE_CURRENT_LIST_DIR}/U256.h)
target_include_directories(sb_shape PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_shape
    PUBLIC Qt6::Core sb_auction
    PRIVATE PkgConfig::SECP256K1 sb_compile_options)

# The chain client: JSON-RPC over the integrations' HttpClient, fees, and sending and watching
# transactions. Its own target so that the codec above stays free of the network.
add_library(sb_shape_rpc STATIC
    ${CMAKE_CURRENT_LIST_DIR}/AuctionHouse.cpp ${CMAKE_CURRENT_LIST_DIR}/AuctionHouse.h
    ${CMAKE_CURRENT_LIST_DIR}/FeePlan.cpp ${CMAKE_CURRENT_LIST_DIR}/FeePlan.h
    ${CMAKE_CURRENT_LIST_DIR}/RpcResult.cpp ${CMAKE_CURRENT_LIST_DIR}/RpcResult.h
    ${CMAKE_CURRENT_LIST_DIR}/ShapeRpc.cpp ${CMAKE_CURRENT_LIST_DIR}/ShapeRpc.h
    ${CMAKE_CURRENT_LIST_DIR}/TransactionSender.cpp ${CMAKE_CURRENT_LIST_DIR}/TransactionSender.h)
target_include_directories(sb_shape_rpc PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_shape_rpc
    PUBLIC Qt6::Core sb_shape sb_integrations
    PRIVATE sb_compile_options)
set_target_properties(sb_shape_rpc PROPERTIES AUTOMOC ON)

# The operator's key: made or imported, kept only in the OS keychain (SecretStore).
add_library(sb_shape_operator STATIC
    ${CMAKE_CURRENT_LIST_DIR}/OperatorKey.cpp ${CMAKE_CURRENT_LIST_DIR}/OperatorKey.h)
target_include_directories(sb_shape_operator PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_shape_operator
    PUBLIC Qt6::Core sb_shape sb_integrations
    PRIVATE sb_compile_options)
# The auction house's compiled artifact (ABI and bytecode), built in: the installed studio deploys
# exactly the bytes tst_contract_artifact checked against the source.
qt_add_resources(sb_shape_rpc shape_contract PREFIX /shape
    BASE ${CMAKE_CURRENT_LIST_DIR}/contracts
    FILES ${CMAKE_CURRENT_LIST_DIR}/contracts/SothebaisAuctionHouse.json)

# The chain side of settlement: drives the engine's settlements (auction/Settlement.h) on Shape
# through EngineThread. Its own target: the client above does not need the engine's thread.
add_library(sb_shape_settlement STATIC
    ${CMAKE_CURRENT_LIST_DIR}/SettlementDriver.cpp ${CMAKE_CURRENT_LIST_DIR}/SettlementDriver.h
    ${CMAKE_CURRENT_LIST_DIR}/SettlementDriverParts.h
    ${CMAKE_CURRENT_LIST_DIR}/SettlementDriverSteps.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SettlementDriverClaims.cpp)
target_include_directories(sb_shape_settlement PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(sb_shape_settlement
    PUBLIC Qt6::Core sb_shape_rpc sb_auction
    PRIVATE sb_compile_options)
set_target_properties(sb_shape_settlement PROPERTIES AUTOMOC ON)
