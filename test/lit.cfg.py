# lit configuration of the perf-audit test suite.
import os
import shutil

import lit.formats
import lit.util

config.name = "perf-audit"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "Unit", "tools", "lsp_client.py", "check_perf_audit.py",
                   "lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.perf_audit_obj_root, "test")

tools = config.llvm_tools_dir
src = config.perf_audit_src_root
py = config.python_executable
major = config.llvm_version_major

config.environment["PATH"] = os.pathsep.join(
    [tools, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["PERF_AUDIT_CLANG_TIDY"] = os.path.join(tools, "clang-tidy")
config.environment["PERF_AUDIT_PLUGIN"] = config.perf_audit_plugin
config.environment["PERF_AUDIT_DRIVER"] = config.perf_audit_driver
config.environment["FILECHECK"] = os.path.join(tools, "FileCheck")
# Diagnostics in the C locale, whatever the machine's.
config.environment["LC_ALL"] = "C"

# A sanitizer build (PERF_AUDIT_SANITIZERS): any report fails its test.
# The executables carry the sanitizer runtime; the plugin is loaded by an
# uninstrumented clang-tidy, which must preload it (check_perf_audit.py
# reads PERF_AUDIT_PLUGIN_PRELOAD).
sanitizers = [s for s in config.perf_audit_sanitizers.split(";") if s]
clang_tidy = os.path.join(tools, "clang-tidy")
host_prefix = ""
if sanitizers:
    config.available_features.add("sanitizers")
    for sanitizer in sanitizers:
        config.available_features.add(sanitizer + "-sanitizer")
    runtime = config.perf_audit_sanitizer_runtime
    config.environment["PERF_AUDIT_PLUGIN_PRELOAD"] = runtime
    host_prefix = "env LD_PRELOAD=%s " % runtime
    # Leaks are not looked for: clang's tools free neither the AST nor the
    # compiler instance at exit on purpose (-disable-free), and what is
    # allocated once per process is not a memory error.
    # allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons its slabs in
    # instrumented code, and perf-audit-clangd links clangd's uninstrumented
    # archives, whose inline copies of the allocator never unpoison what
    # they hand out: every such use would be a false use-after-poison.
    config.environment["ASAN_OPTIONS"] = (
        "detect_leaks=0:abort_on_error=0:halt_on_error=1:"
        "detect_stack_use_after_return=1:strict_string_checks=1:"
        "allow_user_poisoning=0")
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    # LLVM's libraries are not instrumented: TSan sees their memcmp and
    # mutex calls through its interceptors but not the atomics that order
    # them, so it only watches calls from instrumented code
    # (ignore_noninstrumented_modules); what remains is in the suppressions.
    config.environment["TSAN_OPTIONS"] = (
        "halt_on_error=1:second_deadlock_stack=1:"
        "ignore_noninstrumented_modules=1:suppressions=" +
        os.path.join(src, "test", "tsan-suppressions.txt"))

check = "%s %s" % (py, os.path.join(src, "test", "check_perf_audit.py"))
config.substitutions.append(("%check_perf_audit_driver", check + " --mode=driver"))
config.substitutions.append(("%check_perf_audit", check))
config.substitutions.append(
    ("%clang_tidy_plugin", "%s%s --load=%s" % (host_prefix, clang_tidy,
                                               config.perf_audit_plugin)))
config.substitutions.append(("%clang_tidy", host_prefix + clang_tidy))
config.substitutions.append(("%perf_audit_clangd", config.perf_audit_clangd))
config.substitutions.append(("%explicit_instantiations",
                             config.perf_audit_explicit_instantiations))
if "thread" in sanitizers:
    # ThreadSanitizer watches the workers: more of them than cores, whatever
    # the test asks for (a -j of its own comes later and wins).
    config.substitutions.append(("%perf_audit merge",
                                 config.perf_audit_driver + " merge"))
    config.substitutions.append(("%perf_audit", config.perf_audit_driver + " -j4"))
else:
    config.substitutions.append(("%perf_audit", config.perf_audit_driver))
config.substitutions.append(("%plugin", config.perf_audit_plugin))
config.substitutions.append(
    ("%lsp_client", "%s %s" % (py, os.path.join(src, "test", "clangd",
                                                "lsp_client.py"))))
config.substitutions.append(("%clangxx", os.path.join(tools, "clang++")))
# Profiles for --profile tests: the LLVM the tool links reads them.
config.substitutions.append(("%llvm_profdata", os.path.join(tools, "llvm-profdata")))
config.substitutions.append(("%llvm_cov", os.path.join(tools, "llvm-cov")))
config.substitutions.append(("%clang_apply_replacements",
                             os.path.join(tools, "clang-apply-replacements")))
config.substitutions.append(("%python", py))
config.substitutions.append(("%src_root", src))
config.substitutions.append(("%obj_root", config.perf_audit_obj_root))
config.substitutions.append(
    ("%sarif_validate", "%s %s" % (py, os.path.join(src, "test", "sarif",
                                                    "validate_sarif.py"))))
config.substitutions.append(("%llvm_major", major))
# The LLVM and clang-tidy headers, for tests that compile the project's code.
config.substitutions.append(
    ("%llvm_include", os.path.join(os.path.dirname(tools), "include")))

# Optional tools: a test that needs one says `REQUIRES: <feature>`; CI
# installs them all, so nothing is skipped there.
if config.sarif_multitool and os.path.exists(config.sarif_multitool):
    config.available_features.add("sarif-multitool")
    config.environment["PERF_AUDIT_SARIF_MULTITOOL"] = config.sarif_multitool
config.environment["PERF_AUDIT_SARIF_SCHEMA"] = config.sarif_schema
config.environment["PERF_AUDIT_SARIF_GH_CONFIG"] = config.sarif_gh_config

# The libFuzzer target of the configuration parsers (needs libclang-rt-N-dev).
if config.perf_audit_config_fuzzer and os.path.exists(config.perf_audit_config_fuzzer):
    config.available_features.add("config-fuzzer")
    config.substitutions.append(("%config_fuzzer", config.perf_audit_config_fuzzer))

# Packaging: cpack makes the .deb, dpkg-deb inspects and unpacks it.
if shutil.which("cpack") and shutil.which("dpkg-deb") and shutil.which("dpkg-shlibdeps"):
    config.available_features.add("deb-packaging")
    config.substitutions.append(("%cpack", shutil.which("cpack")))

# A clang-tidy of another LLVM major, for the plugin's version check.
import glob
import re
for other in sorted(glob.glob("/usr/lib/llvm-*/bin/clang-tidy")):
    m = re.search(r"/llvm-(\d+)/", other)
    if m and m.group(1) != major:
        config.available_features.add("other-major-clang-tidy")
        config.substitutions.append(("%other_clang_tidy", host_prefix + other))
        break
