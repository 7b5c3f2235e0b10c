#!/usr/bin/env python3
"""Time `acctplan lsp` on a generated workspace, side by side with `acctplan lint` on the same
workspace in the same run (the reference for the initial load).

    Benchmarks/lsp-bench.py WORKSPACE [--binary PATH] [--edits N] [--as-of DATE]

Measures, over stdio exactly as an editor talks to the server:
  - initial load: from `initialize` sent to the first diagnostics of an opened plan;
  - a completion sent right after the plan is opened, while the workspace is read: when it is
    answered (from `initialize` sent);
  - after an edit of one plan (a whole-document change that flips its stage), the time until
    the diagnostics of that version are published (p50 and p95 over N edits, each edit
    waiting for its diagnostics, i.e. no debouncing helps);
  - completion of a stage value (p50, p95 over N requests);
  - resident memory (VmRSS) after the N edits.
Writes nothing into the repository; prints one table.
"""
import argparse
import json
import os
import pathlib
import select
import statistics
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("workspace")
parser.add_argument("--binary", default=str(pathlib.Path(__file__).resolve().parents[1] / ".build/release/acctplan"))
parser.add_argument("--edits", type=int, default=200)
parser.add_argument("--as-of", default="2026-11-29")
args = parser.parse_args()
workspace = pathlib.Path(args.workspace).resolve()

started = time.perf_counter()
subprocess.run([args.binary, "lint", "--as-of", args.as_of], cwd=workspace, capture_output=True)
lint_seconds = time.perf_counter() - started

server = subprocess.Popen([args.binary, "lsp", "--as-of", args.as_of], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
buffer = b""


def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    global buffer
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end >= 0:
            length = int(buffer[:end].split(b":")[1])
            if len(buffer) >= end + 4 + length:
                body = buffer[end + 4:end + 4 + length]
                buffer = buffer[end + 4 + length:]
                return json.loads(body)
        select.select([server.stdout], [], [])
        buffer += os.read(server.stdout.fileno(), 1 << 20)


def wait(predicate):
    while True:
        message = receive()
        if predicate(message):
            return message


plan = sorted(workspace.glob("accounts/**/*.md"))[0]
uri = plan.as_uri()
text = plan.read_text(encoding="utf-8")
stage_line = next(i for i, line in enumerate(text.splitlines()) if line.startswith("stage:"))

started = time.perf_counter()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": workspace.as_uri(), "capabilities": {}}})
wait(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
# A completion sent at once, while every plan is still being read: when is it answered?
send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/completion",
      "params": {"textDocument": {"uri": uri}, "position": {"line": stage_line, "character": 7}}})
load_seconds = early_completion_seconds = None
while load_seconds is None or early_completion_seconds is None:
    message = receive()
    if message.get("id") == 3:
        early_completion_seconds = time.perf_counter() - started
    elif message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
        load_seconds = load_seconds or time.perf_counter() - started

def cpu_ms():
    """The server's CPU time so far (user + system), from /proc: wall time on a busy machine
    says little, CPU time says what an edit costs."""
    fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


edit_ms = []
cpu_before = cpu_ms()
stages = ["departmental", "industry-solution", "integration"]
for version in range(2, args.edits + 2):
    edited = "\n".join(line if i != stage_line else "stage: " + stages[version % 3] for i, line in enumerate(text.split("\n")))
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
    wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
    edit_ms.append((time.perf_counter() - started) * 1000)

edit_cpu_ms = (cpu_ms() - cpu_before) / len(edit_ms)
completion_ms = []
for request in range(args.edits):
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 1000 + request, "method": "textDocument/completion",
          "params": {"textDocument": {"uri": uri}, "position": {"line": stage_line, "character": 7}}})
    wait(lambda m: m.get("id") == 1000 + request)
    completion_ms.append((time.perf_counter() - started) * 1000)

rss_kb = next(int(line.split()[1]) for line in open(f"/proc/{server.pid}/status") if line.startswith("VmRSS:"))
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
wait(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=30)


def p95(values):
    return statistics.quantiles(values, n=20)[18]


plans = sum(1 for _ in workspace.glob("*/**/*.md"))
print(f"workspace: {workspace} ({plans} plan files), binary: {args.binary}")
print(f"acctplan lint (reference)        {lint_seconds * 1000:8.0f} ms")
print(f"lsp initial load to diagnostics  {load_seconds * 1000:8.0f} ms")
print(f"completion sent during the load  {early_completion_seconds * 1000:8.0f} ms after initialize")
print(f"diagnostics after an edit        p50 {statistics.median(edit_ms):6.1f} ms   p95 {p95(edit_ms):6.1f} ms   ({len(edit_ms)} edits)")
print(f"CPU per edit (server)            {edit_cpu_ms:8.1f} ms")
print(f"completion                       p50 {statistics.median(completion_ms):6.1f} ms   p95 {p95(completion_ms):6.1f} ms")
print(f"resident memory after the edits  {rss_kb / 1024:8.0f} MB")
