# Differential test of the tree builder against parse5 (tests/differential/): the benchmark pages
# when ../shared is present, the project's own fixtures otherwise. Skipped (77) without node/parse5.
add_executable(tree_paths ${CMAKE_CURRENT_SOURCE_DIR}/differential/tree_paths.c)
target_link_libraries(tree_paths PRIVATE onr_html onr_input onr_core)

set(onr_bench_pages ${CMAKE_SOURCE_DIR}/../shared/bench/extraction/scrapinghub/html)
add_test(NAME differential_parse5
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/differential/compare.py $<TARGET_FILE:tree_paths>
                 --min-text 99 --min-paths 98 ${onr_bench_pages})
set_tests_properties(differential_parse5 PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME differential_parse5_fixtures
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/differential/compare.py $<TARGET_FILE:tree_paths>
                 --min-text 100 --min-paths 100 ${CMAKE_CURRENT_SOURCE_DIR}/differential/fixtures)
set_tests_properties(differential_parse5_fixtures PROPERTIES SKIP_RETURN_CODE 77)
