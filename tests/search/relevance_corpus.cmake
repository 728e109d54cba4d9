# Relevance against Pagefind on a generated corpus (tests/search/relevance.mjs --generated):
# one province of twelve communes with a year of plans, whose tasks share their wording, so
# that the commune's name decides; the queries are made from the site's open data.
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${CORPUS} --provinces 1 --communes 12 --years 1 --seed 7 --out ${DIR}/content
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
execute_process(COMMAND ${NODE} ${SOURCE}/tests/search/relevance.mjs ${DIR}/site ${DIR}/work --generated
                WORKING_DIRECTORY ${SOURCE}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "relevance on the generated corpus failed")
endif()
file(REMOVE_RECURSE ${DIR})
