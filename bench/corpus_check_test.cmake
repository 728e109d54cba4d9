# Generates a tiny corpus (1 province x 3 communes x 2 years, with a district tier) twice with
# the same seed: both copies must be identical (the generator is deterministic) and
# `congkhai check` must find no problem in it.
file(REMOVE_RECURSE ${DIR})
foreach(copy a b)
  execute_process(COMMAND ${CORPUS} --provinces 1 --communes 3 --years 2 --tasks 12 --seed 7
                          --out ${DIR}/${copy}/content --hugo ${DIR}/${copy}/hugo
                  RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "congkhai-corpus failed (${rc})")
  endif()
endforeach()
file(GLOB_RECURSE files_a RELATIVE ${DIR}/a ${DIR}/a/*)
file(GLOB_RECURSE files_b RELATIVE ${DIR}/b ${DIR}/b/*)
if(NOT files_a STREQUAL files_b)
  message(FATAL_ERROR "two runs with the same seed wrote different files")
endif()
foreach(f IN LISTS files_a)
  file(SHA256 ${DIR}/a/${f} ha)
  file(SHA256 ${DIR}/b/${f} hb)
  if(NOT ha STREQUAL hb)
    message(FATAL_ERROR "two runs with the same seed differ in ${f}")
  endif()
endforeach()
execute_process(COMMAND ${CONGKHAI} --lang en check --content ${DIR}/a/content
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "congkhai check found problems in the generated corpus (${rc}):\n${out}${err}")
endif()
message(STATUS "${out}")
