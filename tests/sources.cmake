# The sourcing audit's command-line checks (tests/cli/sources/run.cmake); the unit tests are
# tests/unit/test_sources_*.c.
add_test(NAME sources_cli
         COMMAND ${CMAKE_COMMAND} -DONRECORD=$<TARGET_FILE:onrecord_cli> -DDATA=${CMAKE_CURRENT_SOURCE_DIR}/cli/sources
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/sources/run.cmake)
