#!/usr/bin/env python3
"""Validates a SARIF file the way GitHub code scanning would.

    validate_sarif.py FILE

1. The SARIF multitool (PERF_AUDIT_SARIF_MULTITOOL) with the SARIF and GitHub
   rule kinds, the GitHub ingestion rules turned on by
   PERF_AUDIT_SARIF_GH_CONFIG; its exit code is always 0, so its own output
   log is read and any result of level "error" fails the validation.
2. The SARIF 2.1.0 JSON schema (PERF_AUDIT_SARIF_SCHEMA), the one the upload
   action uses: the multitool misses some enum errors. The schema keywords
   SARIF's schema uses are checked here (standard library only).

Prints "valid: FILE" and exits 0, or prints every problem and exits 1.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def multitool_errors(path):
    tool = os.environ.get("PERF_AUDIT_SARIF_MULTITOOL")
    if not tool or not os.path.exists(tool):
        return ["the SARIF multitool is not installed "
                "(PERF_AUDIT_SARIF_MULTITOOL)"]
    with tempfile.TemporaryDirectory() as scratch:
        log = os.path.join(scratch, "validation.sarif")
        result = subprocess.run(
            [tool, "validate", path, "--rule-kind", "Sarif;Ghas",
             "--config", os.environ["PERF_AUDIT_SARIF_GH_CONFIG"], "-o", log],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if not os.path.exists(log):
            return ["the multitool wrote no log:\n" +
                    result.stdout.decode("utf-8", "replace")]
        with open(log, encoding="utf-8-sig") as f:
            validation = json.load(f)
    problems = []
    for run in validation.get("runs", []):
        for r in run.get("results", []):
            if r.get("level") == "error":
                problems.append("%s %s" % (r.get("ruleId"),
                                           r.get("message", {}).get("arguments")))
    return problems


class SchemaValidator:
    """The JSON-schema keywords of the SARIF 2.1.0 schema."""

    def __init__(self, schema):
        self.root = schema
        self.problems = []

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise ValueError("unsupported $ref " + ref)
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def type_ok(self, value, expected):
        kinds = expected if isinstance(expected, list) else [expected]
        for kind in kinds:
            if kind == "object" and isinstance(value, dict):
                return True
            if kind == "array" and isinstance(value, list):
                return True
            if kind == "string" and isinstance(value, str):
                return True
            if kind == "boolean" and isinstance(value, bool):
                return True
            if kind == "integer" and isinstance(value, int) and \
                    not isinstance(value, bool):
                return True
            if kind == "number" and isinstance(value, (int, float)) and \
                    not isinstance(value, bool):
                return True
            if kind == "null" and value is None:
                return True
        return False

    def check(self, value, schema, where):
        """Returns the problems of value against schema (no side effects)."""
        problems = []
        if "$ref" in schema:
            problems += self.check(value, self.resolve(schema["$ref"]), where)
        if "type" in schema and not self.type_ok(value, schema["type"]):
            return problems + ["%s: expected %s" % (where, schema["type"])]
        if "enum" in schema and value not in schema["enum"]:
            problems.append("%s: %r is not one of %s" % (where, value,
                                                         schema["enum"]))
        if "pattern" in schema and isinstance(value, str) and \
                not re.search(schema["pattern"], value):
            problems.append("%s: %r does not match %s" % (
                where, value, schema["pattern"]))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                problems.append("%s: %s < minimum %s" % (where, value,
                                                         schema["minimum"]))
            if "maximum" in schema and value > schema["maximum"]:
                problems.append("%s: %s > maximum %s" % (where, value,
                                                         schema["maximum"]))
        if schema.get("format") == "uri" and isinstance(value, str) and \
                re.search(r"\s", value):
            problems.append("%s: %r is not a URI" % (where, value))
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                problems.append("%s: fewer than %d items" % (
                    where, schema["minItems"]))
            if schema.get("uniqueItems"):
                seen = [json.dumps(v, sort_keys=True) for v in value]
                if len(set(seen)) != len(seen):
                    problems.append("%s: items are not unique" % where)
            if "items" in schema:
                for i, item in enumerate(value):
                    problems += self.check(item, schema["items"],
                                           "%s[%d]" % (where, i))
        if isinstance(value, dict):
            for key in schema.get("required", []):
                if key not in value:
                    problems.append("%s: missing required '%s'" % (where, key))
            properties = schema.get("properties", {})
            extra = schema.get("additionalProperties", True)
            for key, item in value.items():
                if key in properties:
                    problems += self.check(item, properties[key],
                                           "%s.%s" % (where, key))
                elif extra is False:
                    problems.append("%s: unexpected property '%s'" % (where, key))
                elif isinstance(extra, dict):
                    problems += self.check(item, extra, "%s.%s" % (where, key))
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                matching = [s for s in schema[keyword]
                            if not self.check(value, s, where)]
                if not matching or (keyword == "oneOf" and len(matching) > 1):
                    problems.append("%s: does not match %s" % (where, keyword))
        return problems


def main():
    path = sys.argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as error:
        print("invalid: %s: %s" % (path, error))
        return 1
    with open(os.environ["PERF_AUDIT_SARIF_SCHEMA"], encoding="utf-8") as f:
        schema = json.load(f)
    problems = ["schema: " + p for p in
                SchemaValidator(schema).check(document, schema, "$")]
    problems += ["multitool: " + p for p in multitool_errors(path)]
    for problem in problems:
        print(problem)
    if problems:
        print("invalid: %s" % path)
        return 1
    print("valid: %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
