# CLI checks of `onrecord sources`: run with -DONRECORD=<binary> -DDATA=<tests/cli/sources>.
function(run expect_status)
  execute_process(COMMAND ${ONRECORD} sources ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT status EQUAL expect_status)
    message(FATAL_ERROR "onrecord sources ${ARGN}: exit ${status}, expected ${expect_status}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
  endif()
endfunction()

# Markdown report of a text file.
run(0 --input-format text --output-format markdown ${DATA}/article.txt)
expect("${out}" "1\\. \\*\\*two council members and one city official\\*\\*: anonymous group")
expect("${out}" "\\*\\*Anna Petrova\\*\\*: named person; role: chair; 1 quote")
expect("${out}" "Sources the article says it spoke to: 3")
expect("${out}" "Anonymity justified: \"They spoke on condition of anonymity because the talks are private\"")
expect("${out}" "Publications cited: the Gazette")

# JSON of the same text, read from standard input (the default format is json).
execute_process(COMMAND ${ONRECORD} sources --input-format text - INPUT_FILE ${DATA}/article.txt
                RESULT_VARIABLE status OUTPUT_VARIABLE out)
expect("${out}" "^\\{\"input\":\"-\",\"text\":\"Harbour Council")
expect("${out}" "\"kind\":\"direct\",\"speaker\":\\{\"start\":[0-9]+,\"end\":[0-9]+,[^}]*\"text\":\"Anna Petrova, the council chair\"")
expect("${out}" "\"source_id\":\"s1\",\"source_ids\":\\[\"s1\"\\],\"anonymous\":true")

# JSONL records keep their id; a bad line is reported with its number and the batch goes on.
run(1 --input-format jsonl --output-format jsonl ${DATA}/records.jsonl)
expect("${out}" "^\\{\"id\":\"a1\",\"input\":\"[^\"]*records.jsonl\",\"text\":")
expect("${out}" "\n\\{\"id\":7,\"input\":\"[^\"]*\",\"text\":\"Fares will rise, an official said.\"")
expect("${err}" "records.jsonl:2: ")

# An HTML page: its article is extracted, then audited.
run(0 --output-format markdown ${DATA}/page.html)
expect("${out}" "\\*\\*Morag Ellis\\*\\*: named person; role: director")
expect("${out}" "Sources the article says it spoke to: 2")
expect("${out}" "Publications cited: the Island Times")

# A missing file: one line naming it, exit status 1, and an error record; the others go on.
run(1 --input-format text ${DATA}/missing.txt ${DATA}/article.txt)
expect("${err}" "missing.txt: No such file")
expect("${out}" "^\\{\"input\":\"[^\"]*missing.txt\",\"error\":\"No such file or directory\",\"reason\":\"io\"\\}\n\\{\"input\":\"[^\"]*article.txt\",\"text\"")

# Bad options: usage, exit status 2.
run(2 --output-format yaml ${DATA}/article.txt)
expect("${err}" "unknown format 'yaml'")
