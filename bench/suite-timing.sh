#!/usr/bin/env bash
# How long the README's test command takes on a clean clone: RUNS runs on a quiet machine, then RUNS
# runs with one core kept busy by a spinning process (the "other work on the machine" case).
# Usage: bench/suite-timing.sh [RUNS]   (default 3). Prints one line per run and the medians.
set -euo pipefail
RUNS="${1:-3}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; [ -n "${SPIN:-}" ] && kill "$SPIN" 2>/dev/null || true' EXIT
git clone -q "$REPO" "$WORK/ferry"
cd "$WORK/ferry"
mvn -B -ntp -q -DskipTests package >/dev/null   # dependencies and plugins resolved before timing
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
run() {
  local label="$1" start end
  start=$(date +%s)
  if mvn -B -ntp clean verify >"$WORK/$label.log" 2>&1; then status=pass; else status=FAIL; fi
  end=$(date +%s)
  local slowest
  slowest=$(grep -ho 'testcase name="[^"]*" classname="[^"]*" time="[0-9.]*"' target/surefire-reports/*.xml target/failsafe-reports/*.xml \
    | sed 's/.*name="\([^"]*\)" classname="\([^"]*\)" time="\([0-9.]*\)"/\3 \2.\1/' | sort -rn | sed -n 1p || true)
  echo "$label $((end - start)) s $status (slowest test: $slowest s)"
  echo "$((end - start))" >>"$WORK/$2"
}
for i in $(seq "$RUNS"); do run "quiet-$i" quiet.times; done
( while :; do :; done ) & SPIN=$!
for i in $(seq "$RUNS"); do run "busy-$i" busy.times; done
kill "$SPIN"; SPIN=
echo "median quiet: $(median <"$WORK/quiet.times") s; median with one core busy: $(median <"$WORK/busy.times") s"
