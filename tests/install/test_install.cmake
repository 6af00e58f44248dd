# cmake --install into a fresh prefix: the binary, the man page and the three
# completion scripts land where packagers and shells look, and the installed
# binary runs.
#   cmake -DBUILD_DIR=... -DPREFIX=... -DVERSION=... -DBINDIR=... -DMANDIR=... -DDATADIR=...
#         -P test_install.cmake   (the install directories relative to the prefix)
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE error)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${error}")
endif()

set(expected
    "${BINDIR}/liftlog|-"
    "${MANDIR}/man1/liftlog.1|.TH LIFTLOG 1"
    "${DATADIR}/bash-completion/completions/liftlog|complete -F _liftlog liftlog"
    "${DATADIR}/zsh/vendor-completions/_liftlog|#compdef liftlog"
    "${DATADIR}/fish/vendor_completions.d/liftlog.fish|complete -c liftlog")
foreach(entry ${expected})
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 file)
  list(GET parts 1 marker)
  if(NOT EXISTS ${PREFIX}/${file})
    message(FATAL_ERROR "not installed: ${PREFIX}/${file}")
  endif()
  if(NOT marker STREQUAL "-")
    file(READ ${PREFIX}/${file} content)
    string(FIND "${content}" "${marker}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${PREFIX}/${file} does not contain '${marker}'")
    endif()
  endif()
endforeach()

execute_process(COMMAND ${PREFIX}/${BINDIR}/liftlog --version
                RESULT_VARIABLE status OUTPUT_VARIABLE version)
if(NOT status EQUAL 0 OR NOT version STREQUAL "liftlog ${VERSION}\n")
  message(FATAL_ERROR "the installed liftlog --version said '${version}' (status ${status})")
endif()
file(REMOVE_RECURSE ${PREFIX})
message(STATUS "installed and ran liftlog ${VERSION}")
