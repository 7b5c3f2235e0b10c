#!/usr/bin/env python3
"""Concurrent edit pairs for the merge driver (docs/merge.md, "Measured").

Generates a workspace with generate.py, formats it, and makes one pair of concurrent edits per
account plan, as account teams make them: ours changes one opportunity's amount and appends an
opportunity; theirs changes another row's amount and appends an opportunity with a long name
(so `fmt` re-pads the table); in --same-cell percent of the pairs theirs also changes ours'
amount differently (a real conflict). Both sides are formatted with `acctplan fmt`. Then each
pair is merged by git's line merge (`git merge-file`) and by `acctplan merge-driver`, and the
outcomes are counted.

    python3 Benchmarks/merge-corpus.py /tmp/merge-corpus --acctplan .build/release/acctplan
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))


def table_rows(lines):
    """(header index, first row, end) of the Opportunities table, or None."""
    for i, line in enumerate(lines):
        if line.strip().lower() in ("## opportunities", "## 商机"):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("|"):
                j += 1
            if j + 2 > len(lines):
                return None
            end = j + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            return j, j + 2, end
    return None


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def row(values):
    return "| " + " | ".join(values) + " |"


def edit(lines, table, index, amount, new_row):
    header, first, end = table
    columns = [c.lower() for c in cells(lines[header])]
    position = next((k for k, c in enumerate(columns) if c in ("amount", "金额")), None)
    out = list(lines)
    if index is not None and position is not None:
        values = cells(out[first + index])
        values[position] = amount
        out[first + index] = row(values)
    if new_row is not None:
        width = len(columns)
        values = (new_row + [""] * width)[:width]
        out.insert(end, row(values))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--acctplan", default="acctplan")
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--same-cell", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--files-only", action="store_true", help="write base/, ours/ and theirs/ and stop (run-merge.sh)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    binary = os.path.abspath(args.acctplan) if os.sep in args.acctplan else args.acctplan
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    base = os.path.join(args.out, "base")
    subprocess.run([sys.executable, os.path.join(here, "generate.py"), base, "--accounts", str(args.pairs)], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([binary, "fmt"], cwd=base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sides = {name: os.path.join(args.out, name) for name in ("ours", "theirs")}
    for folder in sides.values():
        shutil.copytree(base, folder)
    plans, same_cell = [], set()
    for folder, _, names in os.walk(os.path.join(base, "accounts")):
        for name in sorted(names):
            path = os.path.relpath(os.path.join(folder, name), base)
            lines = open(os.path.join(base, path), encoding="utf-8").read().split("\n")
            table = table_rows(lines)
            if table is None or table[2] - table[1] < 2:
                continue
            count = table[2] - table[1]
            a, b = rng.sample(range(count), 2)
            conflict = rng.random() * 100 < args.same_cell
            ours = edit(lines, table, a, "CNY %d.%dM" % (rng.randint(1, 9), rng.randint(0, 9)),
                        ["opp-ours-new", "HR cloud", "qualify", "CNY 0.8M", "", "2027-12-31"])
            theirs = edit(lines, table, b, "CNY %d.%dM" % (rng.randint(10, 19), rng.randint(0, 9)),
                          ["opp-theirs-new", "Analytics and reporting rollout for the whole group", "develop",
                           "CNY 1.5M", "20%", "2027-09-30"])
            if conflict:
                theirs = edit(theirs, table, a, "CNY 99M", None)
                same_cell.add(path)
            for side, text in (("ours", ours), ("theirs", theirs)):
                with open(os.path.join(sides[side], path), "w", encoding="utf-8") as handle:
                    handle.write("\n".join(text))
            plans.append(path)
    for folder in sides.values():
        subprocess.run([binary, "fmt"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if args.files_only:
        print(f"pairs: {len(plans)} in {args.out}/base, ours, theirs")
        return
    line_conflicts, driver_clean, driver_conflicts, real_left, elapsed = 0, 0, 0, 0, 0.0
    scratch = os.path.join(args.out, "scratch.md")
    for path in plans:
        files = [os.path.join(args.out, side, path) for side in ("ours", "base", "theirs")]
        line = subprocess.run(["git", "merge-file", "-p", *files], stdout=subprocess.DEVNULL)
        shutil.copyfile(files[0], scratch)
        start = time.perf_counter()
        driver = subprocess.run([binary, "merge-driver", files[1], scratch, files[2], path], cwd=base,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed += time.perf_counter() - start
        if line.returncode != 0:
            line_conflicts += 1
            driver_clean += driver.returncode == 0
        if driver.returncode != 0:
            driver_conflicts += 1
            real_left += path in same_cell
    print(f"pairs: {len(plans)} ({len(same_cell)} with a same-cell edit)")
    print(f"git merge-file conflicted: {line_conflicts}")
    share = 100.0 * driver_clean / line_conflicts if line_conflicts else 100.0
    print(f"of those, merged cleanly by the driver: {driver_clean} ({share:.1f}%)")
    print(f"driver conflicts left: {driver_conflicts} ({real_left} of them the same-cell edits)")
    print(f"driver: {1000 * elapsed / max(1, len(plans)):.1f} ms per process (mean)")


if __name__ == "__main__":
    main()
