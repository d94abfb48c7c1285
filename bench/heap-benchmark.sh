#!/usr/bin/env bash
# Memory benchmark: ferry migrate (row path, the one that decodes every value) and ferry validate on
# a source 4x the copy benchmark's, each in a JVM capped at -Xmx512m. Finishing proves the heap
# never needed more; the GC log gives the largest heap in use after a collection.
# Needs Debian's PostgreSQL server (apt-get install postgresql-15). Usage: bench/heap-benchmark.sh [SCALE] (default 384000);
# REUSE=1 keeps a source built by an earlier run.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-384000}
source bench/lib.sh
psql_ -c "DROP DATABASE IF EXISTS heap_tgt" postgres
psql_ -c "CREATE DATABASE heap_tgt" postgres
if [ "${REUSE:-0}" = 1 ] && psql_ -At -c "SELECT 1 FROM pg_database WHERE datname = 'heap_src'" postgres | grep -q 1; then
  echo "reusing heap_src"
else
  psql_ -c "DROP DATABASE IF EXISTS heap_src" postgres
  psql_ -c "CREATE DATABASE heap_src" postgres
  java -jar "$JAR" sample --url "$(url heap_src)" --scale "$SCALE"
fi
ROWS=$(psql_ -At -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables" heap_src)
SIZE=$(psql_ -At -c "SELECT pg_size_pretty(sum(pg_table_size(relid))) FROM pg_stat_user_tables" heap_src)
peak() { grep -oE '\->[0-9]+M' "$1" | tr -dc '0-9\n' | sort -n | tail -1; }
/usr/bin/time -f "%e s, max RSS %M KB" java -Xmx512m -Xlog:gc:file="$RESULTS/heap-migrate-gc.log" -jar "$JAR" migrate \
  --source "$(url heap_src)" --target "$(url heap_tgt)" --copy-mode rows --no-validate --out "$RESULTS/heap-run" > "$RESULTS/heap-migrate.log" 2> "$RESULTS/heap-migrate.time"
/usr/bin/time -f "%e s, max RSS %M KB" java -Xmx512m -Xlog:gc:file="$RESULTS/heap-validate-gc.log" -jar "$JAR" validate \
  --source "$(url heap_src)" --target "$(url heap_tgt)" --level hash --report "$RESULTS/heap-validation.json" > "$RESULTS/heap-validate.log" 2> "$RESULTS/heap-validate.time"
{
  echo "date: $(date -u +%FT%TZ)  scale: $SCALE  rows: $ROWS  table size: $SIZE  heap cap: -Xmx512m"
  echo "migrate --copy-mode rows: $(tail -1 "$RESULTS/heap-migrate.time"); largest heap after GC: $(peak "$RESULTS/heap-migrate-gc.log") MB"
  echo "validate --level hash: $(tail -1 "$RESULTS/heap-validate.time"); largest heap after GC: $(peak "$RESULTS/heap-validate-gc.log") MB; $(grep -o 'Validation (hash): [A-Z]*' "$RESULTS/heap-validate.log")"
} | tee "$RESULTS/heap-summary.txt"
