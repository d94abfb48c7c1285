#!/usr/bin/env bash
# Downtime benchmark: runs `ferry demo` (H2 in SQL Server mode -> embedded PostgreSQL 16, a demo
# application writing every 10 ms until the freeze) RUNS times at each scale and reports, per run,
# how long writes were frozen (freeze -> routing switched), the rows moved, and the wall time.
# Needs nothing installed beyond the build. Usage: bench/cutover-benchmark.sh [SCALES] (default "200 2000 10000"); RUNS=3.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${1:-"200 2000 10000"}
RUNS=${RUNS:-3}
RESULTS=bench/results
mkdir -p "$RESULTS"
[ -f target/ferry.jar ] || mvn -B -q -DskipTests package
JAR=$(mktemp -d)/ferry.jar; cp target/ferry.jar "$JAR"
OUT="$RESULTS/cutover.txt"
echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  runs per scale: $RUNS" | tee "$OUT"
for scale in $SCALES; do
  for run in $(seq 1 "$RUNS"); do
    log="$RESULTS/cutover-$scale-$run.log"
    start=$(date +%s.%N)
    java -jar "$JAR" demo --scale "$scale" --out "$RESULTS/cutover-demo" > "$log" 2>&1 || { echo "scale $scale run $run failed: see $log" | tee -a "$OUT"; continue; }
    end=$(date +%s.%N)
    frozen=$(grep -oE 'writes were frozen for [0-9]+ ms' "$log" | tail -1 | grep -oE '[0-9]+')
    rows=$(grep -oE 'sample in H2 \(SQL Server mode\): [0-9]+ rows' "$log" | grep -oE '[0-9]+ rows')
    writes=$(grep -oE 'the application wrote [0-9]+ times' "$log" | grep -oE '[0-9]+')
    parity=$(grep -oE 'After the cutover: Validation \(hash\): [A-Z]+' "$log" | awk '{print $NF}')
    printf 'scale %-6s run %s: %s, %s application writes, frozen %s ms, validation after %s, wall %.1f s\n' \
      "$scale" "$run" "$rows" "$writes" "$frozen" "$parity" "$(awk "BEGIN {print $end - $start}")" | tee -a "$OUT"
  done
done
