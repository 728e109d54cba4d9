# tests/browser/sums.mjs on a generated corpus (bench/corpus.cc): two provinces of communes with
# three years of plans, built as of a day in the last year so that some tasks are done, some
# late, some never reported and some plan years over.
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${CORPUS} --provinces 2 --communes 6 --years 3 --seed 11 --out ${DIR}/content
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "congkhai-corpus failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1768435200
                        ${CONGKHAI} build --content ${DIR}/content --out ${DIR}/site --no-cache
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "congkhai build failed (${rc}):\n${err}")
endif()
execute_process(COMMAND ${NODE} ${SOURCE}/tests/browser/sums.mjs ${DIR}/site
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "counts that do not add up")
endif()
file(REMOVE_RECURSE ${DIR})
