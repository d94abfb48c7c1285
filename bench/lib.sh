# Shared by the benchmark scripts: a private PostgreSQL 15 server from Debian's packages and a
# private copy of ferry.jar. Source it from the project root.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${PORT:-55432}
DATA=${DATA:-/tmp/ferry-bench-pg}
RESULTS=${RESULTS:-bench/results}
mkdir -p "$RESULTS"
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found in $PGBIN (apt-get install postgresql-15)"; exit 2; }
[ -f target/ferry.jar ] || mvn -B -q -DskipTests package
# run a private copy of the jar, so a rebuild during the benchmark cannot change the classes under it
# (BENCH_JAR=path measures that jar instead, e.g. an earlier build for a before/after comparison)
JAR=$(mktemp -d)/ferry.jar; cp "${BENCH_JAR:-target/ferry.jar}" "$JAR"

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
psql_() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }
url() { echo "jdbc:postgresql://127.0.0.1:$PORT/$1?user=postgres"; }

# start the server, creating its data directory on first use (kept between runs, so REUSE works)
if ! as_pg "$PGBIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"; mkdir -p "$DATA"; chown postgres "$DATA" 2>/dev/null || true
    as_pg "$PGBIN/initdb -D $DATA -U postgres -A trust" >/dev/null
  fi
  as_pg "$PGBIN/pg_ctl -D $DATA -l $DATA/log -o '-p $PORT -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c max_connections=50' -w start" >/dev/null
fi
trap '[ "${KEEP:-0}" = 1 ] || as_pg "$PGBIN/pg_ctl -D $DATA -m fast stop" >/dev/null' EXIT
