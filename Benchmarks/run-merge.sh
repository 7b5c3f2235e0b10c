#!/bin/sh
# Times `git merge` of two branches that each changed the same plans (the concurrent edits of
# merge-corpus.py), without and with the acctplan merge driver (issue 13's budget: with the
# driver at most 3 x without), and the floor: a driver that does nothing. Usage: Benchmarks/run-merge.sh ACCTPLAN [PAIRS] [OUT]
set -eu
acctplan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pairs=${2:-500}
out=${3:-/tmp/merge-bench}
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/merge-corpus.py" "$out/files" --acctplan "$acctplan" --pairs "$pairs" --files-only
repo="$out/repo"
rm -rf "$repo"
cp -R "$out/files/base" "$repo"
cd "$repo"
git init -q -b main .
git add -A && git -c user.name=Bench -c user.email=bench@example.com commit -qm base
git checkout -q -b theirs
cp -R "$out/files/theirs/." .
git add -A && git -c user.name=Bench -c user.email=bench@example.com commit -qm theirs
git checkout -q main
cp -R "$out/files/ours/." .
git add -A && git -c user.name=Bench -c user.email=bench@example.com commit -qm ours
now() { python3 -c 'import time; print(time.time())'; }
run() {
    start=$(now)
    git -c user.name=Bench -c user.email=bench@example.com merge -q --no-edit theirs >/dev/null 2>&1 || true
    end=$(now)
    left=$(git diff --name-only --diff-filter=U | wc -l)
    git merge --abort 2>/dev/null || true
    git reset -q --hard "$base"
    python3 -c "print(f'$1: {($end - $start):.2f} s, {int($left)} files left conflicted')"
}
base=$(git rev-parse main)
run "git merge without the driver"
git reset -q --hard "$base"
printf 'accounts/**/*.md merge=acctplan\n' > .git/info/attributes
# The floor of git's driver protocol: a driver that does nothing (/bin/true leaves ours as it
# is, so git records the files as merged). No driver can be faster than this.
git config merge.acctplan.driver "true %O %A %B %P"
run "git merge with a driver that does nothing (true)"
git config merge.acctplan.driver "'$acctplan' merge-driver --marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P"
run "git merge with the driver"
