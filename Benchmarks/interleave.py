#!/usr/bin/env python3
"""Times commands round-robin: run 1 of every command, then run 2 of every command, ...

hyperfine times all runs of one command, then all runs of the next: on a machine whose speed
drifts (a neighbour's build, a CPU clock), the ratio between two commands then moves by 10-20 %.
Taking turns puts the same drift on every command. Prints, per command, the median wall time,
its ratio to the first command's, and the median CPU (user + system, from the kernel's count for
the child), with the fastest and slowest run.

    Benchmarks/interleave.py [--runs 7] [--warmup 1] [--dir DIR] [--json FILE] NAME=COMMAND NAME=COMMAND ...

Each COMMAND runs through `sh -c` in DIR, its output thrown away; a non-zero exit is not an error
(lint exits 1 when it finds errors). Example, the lint budget:

    Benchmarks/interleave.py --dir /tmp/bench-ws lint='acctplan lint --format json' \\
        cmark='xargs -0 -a /tmp/plans.list cmark-gfm -e table -e tasklist'
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run(command, directory):
    start = time.perf_counter()
    process = subprocess.Popen(["sh", "-c", command], cwd=directory, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--dir", default=".")
    parser.add_argument("--json", metavar="FILE", help="also write every run's wall and CPU times there")
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    arguments = parser.parse_args()
    commands = []
    for item in arguments.commands:
        name, separator, command = item.partition("=")
        if not separator or not name or not command:
            parser.error(f"not NAME=COMMAND: {item!r}")
        commands.append((name, command))
    for _ in range(arguments.warmup):
        for _, command in commands:
            run(command, arguments.dir)
    walls = {name: [] for name, _ in commands}
    cpus = {name: [] for name, _ in commands}
    for _ in range(arguments.runs):
        for name, command in commands:
            wall, cpu = run(command, arguments.dir)
            walls[name].append(wall)
            cpus[name].append(cpu)
    if arguments.json:
        with open(arguments.json, "w") as output:
            json.dump({name: {"wall": walls[name], "cpu": cpus[name]} for name, _ in commands}, output, indent=1)
    print(f"load average before timing: {os.getloadavg()[0]:.2f}; {arguments.runs} rounds", file=sys.stderr)
    reference = statistics.median(walls[commands[0][0]])
    reference_cpu = statistics.median(cpus[commands[0][0]])
    print(f"{'command':16} {'median s':>9} {'x first':>8} {'CPU s':>7} {'x first':>8} {'min s':>7} {'max s':>7}")
    for name, _ in commands:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"{name:16} {wall:9.3f} {wall / reference:8.2f} {cpu:7.2f} {cpu / reference_cpu:8.2f} "
              f"{min(walls[name]):7.3f} {max(walls[name]):7.3f}")


if __name__ == "__main__":
    main()
