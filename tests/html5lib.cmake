# The html5lib tokenizer conformance suite (from ../shared, outside the repository): skipped,
# not failed, when that folder is absent.
add_executable(html5lib_tokenizer ${CMAKE_CURRENT_SOURCE_DIR}/conformance/html5lib_tokenizer.c)
target_include_directories(html5lib_tokenizer PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(html5lib_tokenizer PRIVATE onr_html onr_core PkgConfig::JANSSON)
add_test(NAME html5lib_tokenizer
         COMMAND html5lib_tokenizer ${CMAKE_SOURCE_DIR}/../shared/conformance/html5lib-tests/tokenizer)
set_tests_properties(html5lib_tokenizer PROPERTIES SKIP_RETURN_CODE 77)
