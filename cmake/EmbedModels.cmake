# Writes OUTPUT: one `{"<name>", R"(<text>)"},` entry per model file in
# MODELS (a ;-separated list), for ApiModel.cpp to #include.
set(Content "// Generated from lib/models/*.yaml by cmake/EmbedModels.cmake.\n")
foreach(Model IN LISTS MODELS)
  file(READ "${Model}" Text)
  get_filename_component(Name "${Model}" NAME)
  if(Text MATCHES "\\)perf_audit_model\"")
    message(FATAL_ERROR "${Model} contains the raw-string delimiter")
  endif()
  string(APPEND Content
         "{\"<built-in>/${Name}\", R\"perf_audit_model(${Text})perf_audit_model\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${Content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
