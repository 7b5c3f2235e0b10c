#!/usr/bin/env python3
"""Seeds for the `lsp` fuzz target (scripts/fuzz): for each plan given, the byte stream of an
editor session on it: the plan opened as accounts/acme.md of the target's workspace
(/tmp/acctplan-fuzz-lsp), every request the server answers at a few positions, an incremental
edit, a cancellation, watched files and a close.

    Fuzz/lsp-seeds.py OUT_DIR PLAN...
"""
import json
import pathlib
import sys

ROOT = "file:///tmp/acctplan-fuzz-lsp/"
URI = ROOT + "accounts/acme.md"


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(text):
    lines = text.split("\n")
    doc = {"uri": URI}
    out = [{"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": text}}}]
    ident = 10
    for line in sorted({1, 2, 3, 4, len(lines) // 2, len(lines) - 2}):
        if line < 0 or line >= len(lines):
            continue
        position = {"line": line, "character": min(len(lines[line]), 9)}
        for method in ["textDocument/completion", "textDocument/hover", "textDocument/definition",
                       "textDocument/references"]:
            params = {"textDocument": doc, "position": position}
            if method.endswith("references"):
                params["context"] = {"includeDeclaration": True}
            out.append({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
            ident += 1
        out.append({"jsonrpc": "2.0", "id": ident, "method": "textDocument/rename",
                    "params": {"textDocument": doc, "position": position, "newName": "new-id"}})
        ident += 1
    out += [
        {"jsonrpc": "2.0", "id": 1, "method": "textDocument/documentSymbol", "params": {"textDocument": doc}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting",
         "params": {"textDocument": doc, "options": {"tabSize": 4, "insertSpaces": True}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}},
                    "context": {"diagnostics": [{"range": {"start": {"line": 3, "character": 7}, "end": {"line": 3, "character": 12}},
                                                 "code": "unknown-stage", "message": "did you mean 'departmental'?"}]}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": URI, "version": 2},
                    "contentChanges": [{"range": {"start": {"line": 2, "character": 1}, "end": {"line": 3, "character": 2}}, "text": "x\n|"}]}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover",
         "params": {"textDocument": doc, "position": {"line": 2, "character": 2}}},
        {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 4}},
        {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
         "params": {"changes": [{"uri": ROOT + "industries/tobacco.md", "type": 2}]}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": doc}},
    ]
    return b"".join(frame(message) for message in out)


def main():
    out = pathlib.Path(sys.argv[1])
    for number, plan in enumerate(sys.argv[2:], 1):
        text = pathlib.Path(plan).read_bytes().decode("utf-8", "replace")
        data = session(text)
        if len(data) <= 65536:
            (out / f"session-{number}").write_bytes(data)


main()
