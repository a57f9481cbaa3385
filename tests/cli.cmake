# `onrecord extract` command-line checks (tests/cli/extract.sh); the library's extraction tests
# are tests/unit/test_extract_*.c.
add_test(NAME extract_cli COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/extract.sh $<TARGET_FILE:onrecord_cli>)
add_test(NAME crawl_cli COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/crawl.sh $<TARGET_FILE:onrecord_cli>)
