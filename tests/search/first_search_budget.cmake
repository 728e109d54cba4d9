# The first-search budget at national scale: a generated commune with five years of plans
# (the default tasks per plan, as the national corpus has) is built, and every unit page's
# first search must stay within docs/search.md's budget (bench/search_bytes.js --check).
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${CORPUS} --provinces 1 --communes 2 --years 5 --seed 3 --out ${DIR}/content
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
execute_process(COMMAND ${NODE} ${SOURCE}/bench/search_bytes.js ${DIR}/site --check
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "first search over the budget")
endif()
file(REMOVE_RECURSE ${DIR})
