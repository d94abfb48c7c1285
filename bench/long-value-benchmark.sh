#!/usr/bin/env bash
# Memory benchmark for long values (issue 15.5): ferry migrate (copy + hash validation) of a table
# holding a 100 MB text value and a 100 MB bytea value, in a JVM capped at -Xmx512m, on the row
# path (every value decoded and encoded) and on the pass-through. Finishing proves the heap never
# needed more; the GC log gives the largest heap in use after a collection. A mode that fails
# (OutOfMemoryError, a mismatch) is reported with its exit status and the next mode still runs.
# Needs Debian's PostgreSQL server (apt-get install postgresql-15). Usage: bench/long-value-benchmark.sh [MB] (default 100)
set -uo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
source bench/lib.sh
psql_ -c "DROP DATABASE IF EXISTS long_src" postgres
psql_ -c "CREATE DATABASE long_src" postgres
psql_ long_src <<SQL
CREATE TABLE doc (id integer PRIMARY KEY, body text, data bytea);
INSERT INTO doc SELECT g, 'row ' || g, decode(md5(g::text), 'hex') FROM generate_series(1, 5) g;
INSERT INTO doc VALUES (6, repeat('grüße 0123', $MB * 100000), NULL),
                       (7, NULL, convert_to(repeat('0123456789', $MB * 100000), 'UTF8'));
SQL
peak() { grep -oE '\->[0-9]+M' "$1" | tr -dc '0-9\n' | sort -n | tail -1; }
for mode in rows auto; do
  psql_ -c "DROP DATABASE IF EXISTS long_tgt" postgres
  psql_ -c "CREATE DATABASE long_tgt" postgres
  /usr/bin/time -f "%e s, max RSS %M KB" java -Xmx512m -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$RESULTS/long-$mode-gc.log" \
    -jar "$JAR" migrate --source "$(url long_src)" --target "$(url long_tgt)" --copy-mode "$mode" --out "$RESULTS/long-$mode-run" \
    > "$RESULTS/long-$mode.log" 2> "$RESULTS/long-$mode.time"
  status=$?
  outcome=$(grep -o 'Validation (hash): [A-Z]*' "$RESULTS/long-$mode.log" || true)
  grep -qs OutOfMemoryError "$RESULTS/long-$mode.log" "$RESULTS/long-$mode.time" && outcome="OutOfMemoryError"
  echo "$MB MB text + $MB MB bytea, migrate --copy-mode $mode (copy + hash validation): exit $status;" \
    "$(tail -1 "$RESULTS/long-$mode.time"); largest heap after GC: $(peak "$RESULTS/long-$mode-gc.log") MB; ${outcome:-no validation result}"
done | tee "$RESULTS/long-summary.txt"
