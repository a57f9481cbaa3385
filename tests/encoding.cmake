# The html5lib encoding conformance suite (charset prescan and detection); skipped when the
# shared html5lib-tests checkout is absent.
add_executable(html5lib_encoding ${CMAKE_CURRENT_SOURCE_DIR}/conformance/html5lib_encoding.c)
target_link_libraries(html5lib_encoding PRIVATE onrecord)
add_test(NAME html5lib_encoding
         COMMAND html5lib_encoding ${CMAKE_SOURCE_DIR}/../shared/conformance/html5lib-tests/encoding -v)
set_tests_properties(html5lib_encoding PROPERTIES SKIP_RETURN_CODE 77)
