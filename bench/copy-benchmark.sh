#!/usr/bin/env bash
# Copy and validation benchmark: Ferry against the physical ceiling (binary COPY piped between two
# psql processes, plus pg_dump pre-data/post-data), measured in the same run on the same server.
#
# Needs Debian's PostgreSQL server and client (apt-get install postgresql-15; pgloader optional).
# Usage: bench/copy-benchmark.sh [--runs N] [--scale X] [--text-keys] [ORGS]
#   --runs N      N runs (default 1); the order of pipe and Ferry alternates from run to run, and the
#                 medians of the per-run ratios are printed at the end
#   --scale X     X times the default source (default 1: 96 000 organizations, ~1.25 M rows, 421 MB)
#   --text-keys   a CRM-shaped source instead (accounts, contacts, activities; text primary keys in
#                 random order, ~13 rows per organization)
#   ORGS          the source's size in organizations, instead of --scale (kept for older callers)
# Environment: WORKERS (Ferry's --workers, and the pipe's tables at once; default 4), BENCH_JAR (a ferry.jar
# to measure instead of target/ferry.jar), PGLOADER=1 to time pgloader too, KEEP=1 to leave the
# server running, REUSE=1 to keep a source built by an earlier invocation with the same shape.
# Output: one line per run and step with the time of each phase, then per-run ratios and medians,
# in bench/results/summary.txt (and runs.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=1; SCALE=1; TEXT_KEYS=0; ORGS=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --scale) SCALE=$2; shift 2 ;;
    --text-keys) TEXT_KEYS=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) ORGS=$1; shift ;;
  esac
done
ORGS=${ORGS:-$(echo "96000 * $SCALE / 1" | bc)}
WORKERS=${WORKERS:-4}
source bench/lib.sh
now() { echo "$EPOCHREALTIME"; }
sub() { echo "scale=2; ($2 - $1) / 1" | bc; }
ratio() { echo "scale=3; $1 / $2" | bc; }
stamp() { while IFS= read -r l; do echo "$EPOCHREALTIME $l"; done; }
SRC=bench_src; [ "$TEXT_KEYS" = 1 ] && SRC=bench_src_text

build_source() {
  if [ "${REUSE:-0}" = 1 ] && [ "$(psql_ -At -c "SELECT count(*) FROM pg_database WHERE datname = '$SRC'" postgres)" = 1 ]; then
    echo "== reusing $SRC"; return
  fi
  psql_ -c "DROP DATABASE IF EXISTS $SRC" postgres
  psql_ -c "CREATE DATABASE $SRC" postgres
  if [ "$TEXT_KEYS" = 1 ]; then
    echo "== building a CRM-shaped source with text keys: $ORGS organizations"
    psql_ -v orgs="$ORGS" -f bench/text-keys-source.sql "$SRC"
  else
    echo "== building the source: ferry sample --scale $ORGS"
    java -jar "$JAR" sample --url "$(url "$SRC")" --scale "$ORGS"
  fi
  psql_ -c "VACUUM ANALYZE" "$SRC"
}

# pipe: pre-data | psql; binary COPY | binary COPY per table (WORKERS at once); post-data | psql
pipe() {
  psql_ -c "DROP DATABASE IF EXISTS pipe_tgt" -c "CREATE DATABASE pipe_tgt" postgres
  local t0 t1 t2 t3
  t0=$(now)
  pg_dump -h 127.0.0.1 -p "$PORT" -U postgres --section=pre-data "$SRC" | psql_ -o /dev/null pipe_tgt
  t1=$(now)
  echo "$TABLES" | PORT=$PORT SRC=$SRC xargs -d "\n" -P "$WORKERS" -I{} bash -c \
    "psql -X -q -h 127.0.0.1 -p \$PORT -U postgres -c 'COPY {} TO STDOUT (FORMAT binary)' \$SRC | psql -X -q -h 127.0.0.1 -p \$PORT -U postgres -c 'COPY {} FROM STDIN (FORMAT binary)' pipe_tgt"
  t2=$(now)
  pg_dump -h 127.0.0.1 -p "$PORT" -U postgres --section=post-data "$SRC" | psql_ -o /dev/null pipe_tgt
  t3=$(now)
  PIPE=$(sub "$t0" "$t3")
  printf 'run %s pipe total %s s | pre-data %s, copy %s, post-data %s\n' "$RUN" "$PIPE" "$(sub "$t0" "$t1")" \
    "$(sub "$t1" "$t2")" "$(sub "$t2" "$t3")" | tee -a "$RESULTS/phases.txt"
}

# ferry migrate; phases from the time each log line was printed (JVM start to the first line
# includes the catalog read; the copy ends with the last table's "done" line)
ferry() { # name db extra-args...
  local name=$1 db=$2; shift 2
  psql_ -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" postgres
  local log="$RESULTS/$name-run$RUN.log" t0 t1
  t0=$(now)
  java -jar "$JAR" migrate --source "$(url "$SRC")" --target "$(url "$db")" --workers "$WORKERS" --no-validate \
    --out "$RESULTS/$name-run" "$@" | stamp > "$log"
  t1=$(now)
  local total; total=$(sub "$t0" "$t1")
  local phases; phases=$(awk -v t0="$t0" -v t1="$t1" '
    /Started run|Resuming run/ && !s { s=$1 }  /Created the schema/ { pre=$1 }  /Planned [0-9]+ chunks/ { pl=$1 }
    /copy: .* done, [0-9]+ rows/ { cp=$1 }  /post-data objects/ { pd=$1 }  /^[0-9.]+ phases:/ { sub(/^[0-9.]+ phases: /, ""); eng=$0 }
    END { if (!pre) pre=s; if (!cp) cp=pl;
          printf "start+catalog %.2f, pre-data %.2f, bounds %.2f, copy %.2f, post-data tail %.2f, exit %.2f", s-t0, pre-s, pl-pre, cp-pl, pd-cp, t1-pd;
          if (eng) printf " | engine: %s", eng }' "$log")
  printf 'run %s %s total %s s | %s\n' "$RUN" "$name" "$total" "$phases" | tee -a "$RESULTS/phases.txt"
  eval "${name//-/_}=$total"
}

validate() {
  local t0 t1
  t0=$(now)
  java -jar "$JAR" validate --source "$(url "$SRC")" --target "$(url ferry_tgt)" --level hash \
    --report "$RESULTS/validation.json" > "$RESULTS/validate-run$RUN.log"
  t1=$(now); VALIDATE=$(sub "$t0" "$t1")
  grep -q 'PARITY' "$RESULTS/validate-run$RUN.log" || echo "run $RUN: validation did not report PARITY (see $RESULTS/validate-run$RUN.log)"
  printf 'run %s validate total %s s\n' "$RUN" "$VALIDATE" | tee -a "$RESULTS/phases.txt"
}

build_source
ROWS=$(psql_ -At -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables" "$SRC")
SIZE=$(psql_ -At -c "SELECT pg_size_pretty(sum(pg_table_size(relid))) FROM pg_stat_user_tables" "$SRC")
TABLES=$(psql_ -At -c "SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables" "$SRC")
HEAD="date: $(date -u +%FT%TZ)  machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB  source: $SRC, $ORGS organizations, $ROWS rows, $SIZE of tables  workers: $WORKERS  runs: $RUNS"
echo "$HEAD" | tee "$RESULTS/phases.txt"
printf 'run\tpipe_s\tpass_s\trows_s\tvalidate_s\tpass_x\trows_x\tvalidate_x_rows\tvalidate_x_pass\trows_per_s_rows\tload\n' > "$RESULTS/runs.tsv"
for RUN in $(seq 1 "$RUNS"); do
  echo "== run $RUN of $RUNS (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  if [ $((RUN % 2)) = 1 ]; then
    pipe; ferry pass ferry_tgt; ferry rows ferry_rows_tgt --copy-mode rows
  else
    ferry rows ferry_rows_tgt --copy-mode rows; ferry pass ferry_tgt; pipe
  fi
  validate
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN" "$PIPE" "$pass" "$rows" "$VALIDATE" "$(ratio "$pass" "$PIPE")" \
    "$(ratio "$rows" "$PIPE")" "$(ratio "$VALIDATE" "$rows")" "$(ratio "$VALIDATE" "$pass")" "$(echo "$ROWS / $rows" | bc)" "$LOAD" \
    >> "$RESULTS/runs.tsv"
done

PGL=
if [ "${PGLOADER:-0}" = 1 ] && command -v pgloader >/dev/null; then
  psql_ -c "DROP DATABASE IF EXISTS pgloader_tgt" -c "CREATE DATABASE pgloader_tgt" postgres
  t0=$(now)
  pgloader --quiet "pgsql://postgres@127.0.0.1:$PORT/$SRC" "pgsql://postgres@127.0.0.1:$PORT/pgloader_tgt" > "$RESULTS/pgloader.log" 2>&1 || true
  PGL="pgloader: $(sub "$t0" "$(now)") s (rows: $(psql_ -At -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables" pgloader_tgt))"
fi

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { tail -n +2 "$RESULTS/runs.tsv" | cut -f"$1" | median; }
{
  echo "$HEAD"
  cat "$RESULTS/phases.txt" | tail -n +2
  column -t -s $'\t' "$RESULTS/runs.tsv"
  echo "medians: pipe $(col 2) s; pass-through $(col 6) x pipe (target <= 1.10); row path $(col 7) x pipe (target <= 1.25);" \
    "hash validation $(col 8) x the row-path copy (target <= 0.8), $(col 9) x the pass-through copy; row path $(col 10) rows/s"
  [ -z "$PGL" ] || echo "$PGL"
} | tee "$RESULTS/summary.txt"
