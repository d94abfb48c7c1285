#!/usr/bin/env bash
# Copy and validation benchmark: Ferry against the physical ceiling (binary COPY piped between two
# psql processes, plus pg_dump pre-data/post-data), measured in the same run on the same server.
#
# Needs Debian's PostgreSQL server and client (apt-get install postgresql-15; pgloader optional).
# Usage: bench/copy-benchmark.sh [SCALE]   (SCALE organizations, ~13 rows each; default 96000 = ~1.25 M rows)
# Environment: WORKERS (default 4), PGLOADER=1 to time pgloader too, KEEP=1 to leave the server running.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-96000}
WORKERS=${WORKERS:-4}
source bench/lib.sh
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

for db in bench_src pipe_tgt ferry_tgt ferry_rows_tgt pgloader_tgt; do psql_ -c "DROP DATABASE IF EXISTS $db" postgres; done
psql_ -c "CREATE DATABASE bench_src" postgres
echo "== building the source: scale $SCALE"
java -jar "$JAR" sample --url "$(url bench_src)" --scale "$SCALE"
psql_ -c "VACUUM ANALYZE" bench_src
ROWS=$(psql_ -At -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables" bench_src)
SIZE=$(psql_ -At -c "SELECT pg_size_pretty(sum(pg_table_size(relid))) FROM pg_stat_user_tables" bench_src)
TABLES=$(psql_ -At -c "SELECT quote_ident(relname) FROM pg_stat_user_tables" bench_src)
echo "source: $ROWS rows, $SIZE of tables"

echo "== pipe: pg_dump pre-data | psql; COPY binary | COPY binary per table ($WORKERS at once); pg_dump post-data | psql"
psql_ -c "CREATE DATABASE pipe_tgt" postgres
t0=$(now)
pg_dump -h 127.0.0.1 -p "$PORT" -U postgres --section=pre-data bench_src | psql_ -o /dev/null pipe_tgt
export PORT
echo "$TABLES" | xargs -d "\n" -P "$WORKERS" -I{} bash -c \
  "psql -X -q -h 127.0.0.1 -p $PORT -U postgres -c 'COPY public.{} TO STDOUT (FORMAT binary)' bench_src | psql -X -q -h 127.0.0.1 -p $PORT -U postgres -c 'COPY public.{} FROM STDIN (FORMAT binary)' pipe_tgt"
pg_dump -h 127.0.0.1 -p "$PORT" -U postgres --section=post-data bench_src | psql_ -o /dev/null pipe_tgt
t1=$(now); PIPE=$(elapsed "$t0" "$t1"); echo "pipe: ${PIPE}s"

echo "== ferry migrate --no-validate (PostgreSQL pass-through)"
psql_ -c "CREATE DATABASE ferry_tgt" postgres
t0=$(now)
java -jar "$JAR" migrate --source "$(url bench_src)" --target "$(url ferry_tgt)" --workers "$WORKERS" --no-validate --out "$RESULTS/ferry-run" > "$RESULTS/ferry-migrate.log"
t1=$(now); FERRY=$(elapsed "$t0" "$t1"); echo "ferry: ${FERRY}s"

echo "== ferry migrate --no-validate --copy-mode rows (every value decoded and re-encoded, as for SQL Server)"
psql_ -c "CREATE DATABASE ferry_rows_tgt" postgres
t0=$(now)
java -jar "$JAR" migrate --source "$(url bench_src)" --target "$(url ferry_rows_tgt)" --workers "$WORKERS" --no-validate --copy-mode rows --out "$RESULTS/ferry-rows-run" > "$RESULTS/ferry-rows.log"
t1=$(now); ROWSMODE=$(elapsed "$t0" "$t1"); echo "ferry rows: ${ROWSMODE}s"

echo "== ferry validate --level hash"
t0=$(now)
java -jar "$JAR" validate --source "$(url bench_src)" --target "$(url ferry_tgt)" --level hash --report "$RESULTS/validation.json" > "$RESULTS/validate.log"
t1=$(now); VALIDATE=$(elapsed "$t0" "$t1"); echo "validate: ${VALIDATE}s"

PGL_SECONDS=-
if [ "${PGLOADER:-0}" = 1 ] && command -v pgloader >/dev/null; then
  echo "== pgloader"
  psql_ -c "CREATE DATABASE pgloader_tgt" postgres
  t0=$(now)
  pgloader --quiet "pgsql://postgres@127.0.0.1:$PORT/bench_src" "pgsql://postgres@127.0.0.1:$PORT/pgloader_tgt" > "$RESULTS/pgloader.log" 2>&1 || true
  t1=$(now); PGL_SECONDS=$(elapsed "$t0" "$t1"); echo "pgloader: ${PGL_SECONDS}s"
fi

ratio() { echo "scale=2; $1 / $2" | bc; }
{
  echo "date: $(date -u +%FT%TZ)  machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB  scale: $SCALE  rows: $ROWS  table size: $SIZE  workers: $WORKERS"
  echo "pipe (pg_dump + binary COPY pipe): ${PIPE}s"
  echo "ferry migrate --no-validate (pass-through): ${FERRY}s  ratio to pipe: $(ratio "$FERRY" "$PIPE")"
  echo "ferry migrate --no-validate --copy-mode rows: ${ROWSMODE}s  ratio to pipe: $(ratio "$ROWSMODE" "$PIPE")"
  echo "ferry validate --level hash: ${VALIDATE}s  ratio to ferry copy: $(ratio "$VALIDATE" "$FERRY")"
  [ "$PGL_SECONDS" = - ] || echo "pgloader: ${PGL_SECONDS}s  ratio to pipe: $(ratio "$PGL_SECONDS" "$PIPE")  (rows: $(psql_ -At -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables" pgloader_tgt))"
} | tee "$RESULTS/summary.txt"
