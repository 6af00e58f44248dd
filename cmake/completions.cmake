# Writes the bash, zsh and fish completion scripts by running the built
# liftlog, so they name exactly the commands and options it has.
#   cmake -DLIFTLOG=path/to/liftlog -DOUTPUT_DIR=dir -P completions.cmake
# The builder's own config and environment must not change or break the output.
cmake_minimum_required(VERSION 3.22)
set(ENV{LIFTLOG_CONFIG} /dev/null)
unset(ENV{LIFTLOG_UNIT})
file(MAKE_DIRECTORY ${OUTPUT_DIR})
foreach(pair "bash;liftlog" "zsh;_liftlog" "fish;liftlog.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(
    COMMAND ${LIFTLOG} completion ${shell}
    OUTPUT_FILE ${OUTPUT_DIR}/${name}
    RESULT_VARIABLE status
    ERROR_VARIABLE error)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "liftlog completion ${shell} failed (${status}): ${error}")
  endif()
endforeach()
