#!/usr/bin/env python3
"""Edits COUNT account plans of a workspace the way the diff benchmark's commit does: a stage
move, a changed amount (opp-01) and a ticked action in each. The plans are every 97th of the
sorted account files, so the edit is the same for the same workspace.

    Benchmarks/edit-plans.py WORKSPACE [COUNT]      # COUNT defaults to 100

Used by run-diff.sh and run-goals.sh; they commit the result in a clone.
"""
import pathlib
import re
import sys


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[-3].strip())
    root, count = pathlib.Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) == 3 else 100
    plans = sorted((root / "accounts").rglob("*.md"))[::97][:count]
    stages = {"departmental": "industry-solution", "industry-solution": "integration", "integration": "industry-solution"}
    for path in plans:
        text = path.read_text()
        text = re.sub(r"^stage: (\S+)", lambda m: "stage: " + stages.get(m.group(1), "departmental"), text, count=1, flags=re.M)
        text = re.sub(r"(\| opp-01 \|[^|]*\|[^|]*\| )([^|]+?)( \|)", r"\g<1>CNY 9.9M\3", text, count=1)
        text = text.replace("- [ ] ", "- [x] ", 1)
        path.write_text(text)
    print(f"edited {len(plans)} plans", file=sys.stderr)


if __name__ == "__main__":
    main()
