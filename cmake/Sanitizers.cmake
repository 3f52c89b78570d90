# PERF_AUDIT_SANITIZERS: build every perf-audit target (core, checks, plugin,
# driver, perf-audit-clangd, unit tests, fuzzer) with sanitizers.
#
#   -DPERF_AUDIT_SANITIZERS="address;undefined"   AddressSanitizer + UBSan
#   -DPERF_AUDIT_SANITIZERS=thread                ThreadSanitizer
#
# LLVM and clang themselves stay uninstrumented (Debian's shared libraries):
# the sanitizers see perf-audit's own code and every allocation, which is
# where a check that reads freed or uninitialised memory shows up. The
# executables link the sanitizer runtime statically. The plugin cannot: it is
# dlopen()ed by an uninstrumented clang-tidy, so whoever runs it preloads the
# runtime (PERF_AUDIT_SANITIZER_RUNTIME below; the lit suite does it).
#
# LLVM's own LLVM_USE_SANITIZER takes its UBSan flags from LLVM's source tree,
# which an installed LLVM does not ship, so the flags are spelled here.

set(PERF_AUDIT_SANITIZERS "" CACHE STRING
    "Sanitizers to build with: 'address;undefined', 'address', 'undefined' or 'thread'")

set(PERF_AUDIT_SANITIZER_RUNTIME "")
if(NOT PERF_AUDIT_SANITIZERS)
  return()
endif()

foreach(_sanitizer IN LISTS PERF_AUDIT_SANITIZERS)
  if(NOT _sanitizer MATCHES "^(address|undefined|thread)$")
    message(FATAL_ERROR "perf-audit: PERF_AUDIT_SANITIZERS: unknown sanitizer "
            "'${_sanitizer}'; expected address, undefined or thread")
  endif()
endforeach()
if("thread" IN_LIST PERF_AUDIT_SANITIZERS AND
   "address" IN_LIST PERF_AUDIT_SANITIZERS)
  message(FATAL_ERROR "perf-audit: PERF_AUDIT_SANITIZERS: thread and address "
          "cannot be combined; build them in two build directories")
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "perf-audit: PERF_AUDIT_SANITIZERS needs clang++ "
          "(the plugin preloads clang's sanitizer runtime)")
endif()

list(JOIN PERF_AUDIT_SANITIZERS "," _sanitize)
set(_flags "-fsanitize=${_sanitize}" -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
if("undefined" IN_LIST PERF_AUDIT_SANITIZERS)
  # vptr needs RTTI, which LLVM is built without; function checks calls
  # through pointers, which cross into uninstrumented LLVM code.
  list(APPEND _flags -fno-sanitize=vptr,function)
endif()
add_compile_options(${_flags})
add_link_options(${_flags})

# The shared runtime that a host process preloads for the plugin. The ASan
# runtime carries UBSan's handlers too.
if("address" IN_LIST PERF_AUDIT_SANITIZERS)
  set(_runtime asan)
elseif("thread" IN_LIST PERF_AUDIT_SANITIZERS)
  set(_runtime tsan)
else()
  set(_runtime ubsan_standalone)
endif()
set(PERF_AUDIT_SANITIZER_RUNTIME
    "${PERF_AUDIT_CLANG_RESOURCE_DIR}/lib/linux/libclang_rt.${_runtime}-${CMAKE_SYSTEM_PROCESSOR}.so")
message(STATUS "perf-audit: sanitizers ${_sanitize}; the plugin's hosts "
        "preload ${PERF_AUDIT_SANITIZER_RUNTIME}")
