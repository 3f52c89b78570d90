# lit configuration of the unit tests (GoogleTest binaries).
import os

import lit.formats

config.name = "perf-audit-unit"
config.suffixes = []
config.test_exec_root = config.perf_audit_unittests_dir
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
