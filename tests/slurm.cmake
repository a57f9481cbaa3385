# Slurm integration test: a one-node cluster on localhost runs onrecord as a job array (tests/slurm/run.sh).
# It installs slurm-wlm and munge when missing, and reports itself skipped when it cannot.
add_test(NAME slurm_job_array
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/slurm/run.sh $<TARGET_FILE:onrecord_cli>)
set_tests_properties(slurm_job_array PROPERTIES LABELS slurm SKIP_RETURN_CODE 77 TIMEOUT 900)
