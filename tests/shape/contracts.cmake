# The Shape auction-house contract (integrations/shape/contracts/), tested with node: the committed
# artifact against a recompile with the pinned solc-js (unit), and the contract on a real anvil that
# each test file starts on a free loopback port and stops (e2e). The npm packages come from
# package-lock.json through scripts/install-deps.sh (npm ci).
find_program(NODE node REQUIRED)

add_test(NAME tst_contract_artifact
    COMMAND ${NODE} --test integrations/shape/contracts/test/artifact.test.mjs
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(tst_contract_artifact PROPERTIES LABELS unit TIMEOUT 600)

add_test(NAME tst_contracts
    COMMAND ${NODE} --test integrations/shape/contracts/test/
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(tst_contracts PROPERTIES LABELS e2e TIMEOUT 600)
