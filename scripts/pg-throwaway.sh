#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + PostGIS cluster on loopback, for tests, benchmarks and CI.
#   scripts/pg-throwaway.sh start PORT DIR   → initialises DIR if needed, starts on 127.0.0.1:PORT,
#                                             creates the PostGIS extension, prints the connection URL
#   scripts/pg-throwaway.sh stop DIR         → stops the cluster (the directory is kept)
# Installs postgresql-15 and postgresql-15-postgis-3 with apt-get when they are missing (needs root).
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin

ensure_installed() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    echo "Installation de postgresql-15 et postgresql-15-postgis-3..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >&2
  fi
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

cmd=${1:-}
case "$cmd" in
  start)
    port=${2:?usage: $0 start PORT DIR}
    dir=${3:?usage: $0 start PORT DIR}
    ensure_installed
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = "0" ] && chown postgres: "$dir"
      as_postgres "$PG_BIN/initdb -D '$dir' --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
    fi
    if ! as_postgres "$PG_BIN/pg_ctl -D '$dir' status" >/dev/null 2>&1; then
      as_postgres "$PG_BIN/pg_ctl -D '$dir' -l '$dir/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1\" start" >&2
    fi
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: $0 stop DIR}
    if [ -f "$dir/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl -D '$dir' -m fast -w stop" >&2; fi
    ;;
  *)
    echo "usage: $0 start PORT DIR | stop DIR" >&2
    exit 2
    ;;
esac
