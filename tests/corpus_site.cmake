# A check on a generated corpus, run as `cmake -P`: congkhai-corpus writes the content
# (bench/corpus.cc), congkhai builds it as of 2026-01-15, then CHECK runs with the built site
# (`@SITE@` in CHECK stands for it, `@WORK@` for a scratch folder beside it). The arguments of
# CORPUS_ARGS and CHECK are separated by "|": add_test would split them at ";".
#
#   -DCORPUS=… -DCONGKHAI=… -DDIR=… -DCORPUS_ARGS="--provinces|1|…" -DCHECK="node|script.mjs|@SITE@"
#   [-DCHECK_DIR=folder to run CHECK in] -DFAILURE="what a failed CHECK means"
string(REPLACE "|" ";" CORPUS_ARGS "${CORPUS_ARGS}")
string(REPLACE "|" ";" CHECK "${CHECK}")
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${CORPUS} ${CORPUS_ARGS} --out ${DIR}/content RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "congkhai-corpus failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1768435200
                        ${CONGKHAI} build --content ${DIR}/content --out ${DIR}/site --no-cache
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "congkhai build failed (${rc}):\n${err}")
endif()
string(REPLACE "@SITE@" "${DIR}/site" CHECK "${CHECK}")
string(REPLACE "@WORK@" "${DIR}/work" CHECK "${CHECK}")
if(NOT CHECK_DIR)
  set(CHECK_DIR ${DIR})
endif()
execute_process(COMMAND ${CHECK} WORKING_DIRECTORY ${CHECK_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FAILURE}")
endif()
file(REMOVE_RECURSE ${DIR})
