# clangd's remote-index libraries name gRPC and protobuf in their link
# interface. LLVM 19's ClangTargets.cmake names the plain libraries; LLVM 22's
# names the imported targets gRPC::grpc++ and protobuf::libprotobuf, which
# must exist before find_package(Clang) or CMake refuses to generate. Debian's
# gRPC CMake package pulls in more than clangd needs, so the two targets are
# defined here over the system libraries the LLVM 19 interface lists.
if(NOT TARGET gRPC::grpc++)
  add_library(gRPC::grpc++ INTERFACE IMPORTED)
  set_target_properties(gRPC::grpc++ PROPERTIES
    INTERFACE_LINK_LIBRARIES "grpc++;grpc;gpr;absl_synchronization")
endif()
if(NOT TARGET protobuf::libprotobuf)
  add_library(protobuf::libprotobuf INTERFACE IMPORTED)
  set_target_properties(protobuf::libprotobuf PROPERTIES
    INTERFACE_LINK_LIBRARIES "protobuf")
endif()
