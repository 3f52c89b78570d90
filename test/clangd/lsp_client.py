#!/usr/bin/env python3
"""A minimal LSP client that drives a clangd binary as an editor would.

It sends initialize / initialized / textDocument/didOpen for one file, waits
for the server's textDocument/publishDiagnostics for it, optionally asks for
the code actions at each diagnostic, prints what it received in a stable,
FileCheck-friendly form, and shuts the server down.

    lsp_client.py --clangd BIN --file F [--code-actions] [--timeout S]
                  [-- extra clangd args]

Output, one line per diagnostic, sorted by position:
    diag L:C severity [code] message
    note L:C message                   (related information)
    action "title" L:C-L:C => "new text"   (with --code-actions)
Standard library only: CI has no Python package index.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import threading
import time

SEVERITIES = {1: "error", 2: "warning", 3: "information", 4: "hint"}


class Server:
    def __init__(self, argv):
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.next_id = 1
        self.messages = []
        self.cond = threading.Condition()
        self.stderr_lines = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.cond.notify_all()
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            with self.cond:
                self.messages.append(json.loads(body))
                self.cond.notify_all()

    def send(self, payload):
        data = json.dumps(payload).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method,
                   "params": params})
        return ident

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate, timeout):
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for message in self.messages:
                    if predicate(message):
                        return message
                remaining = deadline - time.time()
                if remaining <= 0 or self.proc.poll() is not None:
                    return None
                self.cond.wait(remaining)

    def response(self, ident, timeout):
        return self.wait_for(lambda m: m.get("id") == ident and
                             "method" not in m, timeout)


def position(p):
    return "%d:%d" % (p["line"] + 1, p["character"] + 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--code-actions", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()

    path = pathlib.Path(args.file).resolve()
    uri = path.as_uri()
    server = Server([args.clangd, "--log=error", "--pretty=false"] + args.extra)
    init = server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": path.parent.as_uri(),
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix"]}}}}},
    })
    if server.response(init, args.timeout) is None:
        sys.exit("lsp_client: no answer to initialize; server stderr:\n" +
                 "".join(server.stderr_lines))
    server.notify("initialized", {})
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1,
        "text": path.read_text()}})

    published = server.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and
        m["params"]["uri"] == uri, args.timeout)
    if published is None:
        sys.exit("lsp_client: no diagnostics published; server stderr:\n" +
                 "".join(server.stderr_lines))

    diagnostics = sorted(published["params"]["diagnostics"],
                         key=lambda d: (d["range"]["start"]["line"],
                                        d["range"]["start"]["character"],
                                        d["message"]))
    for d in diagnostics:
        print("diag %s %s [%s] %s" % (
            position(d["range"]["start"]), SEVERITIES.get(d.get("severity"), "?"),
            d.get("code", ""), d["message"].splitlines()[0]))
        for info in d.get("relatedInformation", []):
            print("note %s %s" % (position(info["location"]["range"]["start"]),
                                  info["message"]))
        if args.code_actions:
            ident = server.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": d["range"],
                "context": {"diagnostics": [d]}})
            reply = server.response(ident, args.timeout) or {}
            for action in reply.get("result") or []:
                edits = (action.get("edit", {}).get("changes", {})
                         .get(uri, []))
                for edit in edits:
                    print('action "%s" %s-%s => %s' % (
                        action["title"], position(edit["range"]["start"]),
                        position(edit["range"]["end"]),
                        json.dumps(edit["newText"])))

    ident = server.request("shutdown", None)
    server.response(ident, 10)
    server.notify("exit", None)
    try:
        server.proc.wait(10)
    except subprocess.TimeoutExpired:
        server.proc.kill()


if __name__ == "__main__":
    main()
