#!/usr/bin/env python3
"""Checks a composite GitHub Action's metadata file (action.yml).

    check_action.py [ACTION_YML]     (default: the repository's action.yml)

What GitHub's action metadata schema requires (the schema of
json.schemastore.org/github-action, which the runner's own parser follows):
`name`, `description` and `runs` at the top, and no unknown key there;
`runs.using: composite` with a non-empty list `runs.steps`; every step has
exactly one of `run` and `uses`, a `run` step a `shell`, and no key a step
cannot have; every input has a `description` (string), `required` is a boolean
and `default` a string; every output has a `description` and a `value`; input
and output ids are [A-Za-z_][A-Za-z0-9_-]*.

And what this action relies on: every `inputs.X` and `steps.X` an expression
names exists (a step id before the place that uses it); no `${{ }}` expression
in the text of a `run` (inputs go through `env`: injection); every script a
`run` calls under the action's path ($GITHUB_ACTION_PATH or
${{ github.action_path }}) exists beside the action file and is executable;
every INPUT_* variable such a script reads is set in its step's `env`.

Prints each check as it passes and "valid: FILE"; on a problem prints
"error: KEY: what is wrong" for each and exits 1.
"""
import os
import re
import stat
import sys

import yaml

TOP_KEYS = {"name", "author", "description", "inputs", "outputs", "runs",
            "branding"}
STEP_KEYS = {"run", "shell", "uses", "with", "name", "id", "if", "env",
             "continue-on-error", "working-directory"}
INPUT_KEYS = {"description", "deprecationMessage", "required", "default"}
OUTPUT_KEYS = {"description", "value"}
ID = re.compile(r"^[_a-zA-Z][a-zA-Z0-9_-]*$")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
SCRIPT = re.compile(
    r"(?:\$\{\{\s*github\.action_path\s*\}\}|\$\{?GITHUB_ACTION_PATH\}?)"
    r"/([^\s\"';|&)]+)")


class Checker:
    def __init__(self, path):
        self.path = path
        self.root = os.path.dirname(os.path.abspath(path))
        self.problems = []

    def ok(self, what):
        print("ok: " + what)

    def error(self, key, what):
        self.problems.append("error: %s: %s" % (key, what))

    def check(self):
        with open(self.path, encoding="utf-8") as f:
            try:
                action = yaml.safe_load(f)
            except yaml.YAMLError as e:
                self.error("(file)", "not valid YAML: %s" % e)
                return
        if not isinstance(action, dict):
            self.error("(file)", "not a mapping")
            return
        for key in sorted(set(action) - TOP_KEYS):
            self.error(key, "not a key of an action's metadata")
        for key in ("name", "description"):
            if not isinstance(action.get(key), str) or not action[key].strip():
                self.error(key, "required, a non-empty string")
            else:
                self.ok(key)
        inputs = self.check_inputs(action.get("inputs", {}))
        steps = self.check_runs(action.get("runs"), inputs)
        self.check_outputs(action.get("outputs", {}), inputs, steps)

    def entries(self, mapping, kind, allowed):
        """The (name, key, spec) of each input or output (kind) whose id is
        valid and whose spec is a mapping; keys outside allowed are errors."""
        for name, spec in mapping.items():
            key = "%ss.%s" % (kind, name)
            if not ID.match(str(name)):
                self.error(key, "not a valid %s id" % kind)
            if not isinstance(spec, dict):
                self.error(key, "must be a mapping")
                continue
            for extra in sorted(set(spec) - allowed):
                self.error("%s.%s" % (key, extra), "not a key of an %s" % kind)
            yield name, key, spec

    def check_inputs(self, inputs):
        if not isinstance(inputs, dict):
            self.error("inputs", "must be a mapping")
            return set()
        for name, key, spec in self.entries(inputs, "input", INPUT_KEYS):
            if not isinstance(spec.get("description"), str) or \
                    not spec["description"].strip():
                self.error(key + ".description", "required, a non-empty string")
                continue
            if "required" in spec and not isinstance(spec["required"], bool):
                self.error(key + ".required", "must be a boolean")
                continue
            if "default" in spec and not isinstance(spec["default"], str):
                shown = yaml.safe_dump(spec["default"]).splitlines()[0]
                self.error(key + ".default",
                           "must be a string (quote it: '%s')" % shown)
                continue
            self.ok(key + ": description")
        return set(inputs)

    def check_runs(self, runs, inputs):
        """Returns the step ids."""
        if not isinstance(runs, dict):
            self.error("runs", "required, a mapping")
            return set()
        if runs.get("using") != "composite":
            self.error("runs.using", "must be 'composite', not %r" %
                       runs.get("using"))
            return set()
        self.ok("runs.using: composite")
        for extra in sorted(set(runs) - {"using", "steps"}):
            self.error("runs." + extra, "not a key of a composite action's runs")
        steps = runs.get("steps")
        if not isinstance(steps, list) or not steps:
            self.error("runs.steps", "required, a non-empty list")
            return set()
        ids = set()
        for index, step in enumerate(steps):
            key = "runs.steps[%d]" % index
            if not isinstance(step, dict):
                self.error(key, "must be a mapping")
                continue
            if "name" in step:
                key += " (%s)" % step["name"]
            self.check_step(key, step, inputs, ids)
            if "id" in step:
                if step["id"] in ids:
                    self.error(key + ".id", "'%s' is not unique" % step["id"])
                ids.add(step["id"])
        return ids

    def check_step(self, key, step, inputs, ids):
        for extra in sorted(set(step) - STEP_KEYS):
            self.error("%s.%s" % (key, extra), "not a key of a step")
        has_run, has_uses = "run" in step, "uses" in step
        if has_run == has_uses:
            self.error(key, "needs exactly one of 'run' and 'uses'")
            return
        self.check_expressions(key, step, inputs, ids)
        if has_uses:
            if not re.match(r"^[\w.-]+/[\w./-]+@\S+$", str(step["uses"])):
                self.error(key + ".uses",
                           "'%s' is not owner/repo[/path]@ref" % step["uses"])
                return
            self.ok("%s: uses %s" % (key, step["uses"]))
            return
        if not isinstance(step.get("shell"), str) or not step["shell"]:
            self.error(key + ".shell", "required in a 'run' step")
            return
        run = step["run"]
        if not isinstance(run, str):
            self.error(key + ".run", "must be a string")
            return
        for expression in EXPRESSION.findall(run):
            self.error(key + ".run",
                       "expression '${{%s}}' in the shell text: pass it "
                       "through env" % expression)
        self.ok("%s: run, shell %s" % (key, step["shell"]))
        env = step.get("env") or {}
        for script in SCRIPT.findall(run):
            self.check_script(key, script, env)

    def check_script(self, key, script, env):
        path = os.path.join(self.root, script)
        if not os.path.isfile(path):
            self.error(key + ".run", "script %s does not exist" % script)
            return
        if not os.stat(path).st_mode & stat.S_IXUSR:
            self.error(key + ".run", "script %s is not executable" % script)
            return
        with open(path, encoding="utf-8") as f:
            text = f.read()
        read = sorted(set(re.findall(r"\$\{?(INPUT_[A-Z0-9_]+)", text)))
        unset = [name for name in read if name not in env]
        if unset:
            self.error(key + ".env", "%s reads %s, which the step does not "
                       "set" % (script, ", ".join(unset)))
            return
        self.ok("%s: script %s, executable, its %d INPUT_* variables set"
                % (key, script, len(read)))

    def check_expressions(self, key, node, inputs, ids):
        """Every inputs.X and steps.X that an expression in node names."""
        if isinstance(node, dict):
            for name, value in node.items():
                self.check_expressions("%s.%s" % (key, name), value, inputs, ids)
            return
        if isinstance(node, list):
            for value in node:
                self.check_expressions(key, value, inputs, ids)
            return
        if not isinstance(node, str):
            return
        # `if:` is an expression without the ${{ }}.
        texts = EXPRESSION.findall(node)
        if key.endswith(".if") and not texts:
            texts = [node]
        for text in texts:
            for name in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", text):
                if name not in inputs:
                    self.error(key, "names input '%s', which is not declared"
                               % name)
            for name in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)", text):
                if name not in ids:
                    self.error(key, "names step '%s', which is not an earlier "
                               "step's id" % name)

    def check_outputs(self, outputs, inputs, steps):
        if not isinstance(outputs, dict):
            self.error("outputs", "must be a mapping")
            return
        for name, key, spec in self.entries(outputs, "output", OUTPUT_KEYS):
            missing = [k for k in ("description", "value")
                       if not isinstance(spec.get(k), str) or not spec[k]]
            if missing:
                for k in missing:
                    self.error("%s.%s" % (key, k), "required in a composite "
                               "action's output, a string")
                continue
            self.check_expressions(key + ".value", spec["value"], inputs, steps)
            self.ok(key + ": description, value")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.normpath(os.path.join(here, "..", "..", "action.yml"))
    checker = Checker(path)
    checker.check()
    if checker.problems:
        for problem in checker.problems:
            print(problem)
        print("invalid: %s (%d problems)" % (path, len(checker.problems)))
        return 1
    print("valid: %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
