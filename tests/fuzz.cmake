# The fuzz targets and their corpus replays (fuzz/CMakeLists.txt); see docs/hardening.md.
add_subdirectory(${CMAKE_SOURCE_DIR}/fuzz ${CMAKE_BINARY_DIR}/fuzz)
