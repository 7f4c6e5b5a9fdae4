#!/usr/bin/env bash
# Throwaway PostgreSQL 15 (+ PostGIS when available) cluster on loopback, for tests, benchmarks and CI.
#   scripts/pg-throwaway.sh start PORT DIR   → initialises DIR if needed (initdb as user postgres,
#                                             --auth=trust), starts on 127.0.0.1:PORT with its
#                                             socket in DIR, waits until it accepts connections,
#                                             creates the PostGIS extension in database postgres
#                                             if PostGIS is installed, prints the connection URL
#   scripts/pg-throwaway.sh stop DIR         → stops the cluster (the directory is kept; rm -rf it)
# Installs postgresql-15 and postgresql-15-postgis-3 with apt-get when they are missing (as root).
# Progress goes to stderr; stdout carries only the URL, so: URL=$(scripts/pg-throwaway.sh start …).
# DIR must be reachable by the postgres user (e.g. /tmp/something, not inside a 0700 mktemp dir).
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
POSTGIS_CONTROL=/usr/share/postgresql/15/extension/postgis.control

say() { echo "pg-throwaway: $*" >&2; }

ensure_installed() {
  if [ -x "$PG_BIN/initdb" ] && [ -f "$POSTGIS_CONTROL" ]; then return 0; fi
  if [ "$(id -u)" != "0" ]; then
    if [ -x "$PG_BIN/initdb" ]; then say "PostGIS absent (installez postgresql-15-postgis-3) : on continue sans"; return 0; fi
    say "PostgreSQL 15 absent et pas root : installez postgresql-15 (apt-get install postgresql-15 postgresql-15-postgis-3)"
    exit 1
  fi
  say "installation de postgresql-15 et postgresql-15-postgis-3 (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  if ! apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >&2; then
    # PostGIS is a plus (territory benchmarks); the database itself is what the tests need.
    say "échec avec PostGIS, nouvel essai avec postgresql-15 seul"
    apt-get install -y -qq --no-install-recommends postgresql-15 >&2
  fi
  [ -x "$PG_BIN/initdb" ] || { say "initdb introuvable après installation ($PG_BIN)"; exit 1; }
}

# Runs a command line as the postgres user when we are root (initdb refuses to run as root).
as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

cmd=${1:-}
case "$cmd" in
  start)
    port=${2:?usage: $0 start PORT DIR}
    dir=${3:?usage: $0 start PORT DIR}
    case "$port" in (*[!0-9]*|'') say "PORT invalide : $port"; exit 2;; esac
    ensure_installed
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ ! -f "$dir/PG_VERSION" ]; then
      if [ -n "$(ls -A "$dir")" ]; then say "$dir n’est pas vide et n’est pas un cluster PostgreSQL"; exit 1; fi
      [ "$(id -u)" = "0" ] && chown postgres: "$dir"
      chmod 700 "$dir"
      as_postgres "'$PG_BIN/initdb' -D '$dir' --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
      # Throwaway cluster: durability is not wanted, speed is.
      cat >>"$dir/postgresql.conf" <<'CONF'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
    fi
    if ! as_postgres "'$PG_BIN/pg_ctl' -D '$dir' status" >/dev/null 2>&1; then
      if ! as_postgres "'$PG_BIN/pg_ctl' -D '$dir' -l '$dir/server.log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1\" start" >/dev/null; then
        say "le serveur n’a pas démarré ; fin de $dir/server.log :"
        tail -n 20 "$dir/server.log" >&2 || true
        exit 1
      fi
    fi
    # pg_ctl -w waits for the socket; also wait until TCP on the loopback port answers.
    for _ in $(seq 1 60); do
      if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then break; fi
      sleep 0.5
    done
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres || { say "127.0.0.1:$port ne répond pas"; exit 1; }
    if [ -f "$POSTGIS_CONTROL" ]; then
      PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
    fi
    say "PostgreSQL 15 prêt sur 127.0.0.1:$port ($dir)"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: $0 stop DIR}
    if [ -f "$dir/postmaster.pid" ]; then
      as_postgres "'$PG_BIN/pg_ctl' -D '$dir' -m fast -w -t 60 stop" >/dev/null 2>&1 \
        || as_postgres "'$PG_BIN/pg_ctl' -D '$dir' -m immediate -w stop" >/dev/null 2>&1 || true
      say "arrêté ($dir)"
    fi
    ;;
  *)
    echo "usage: $0 start PORT DIR | stop DIR" >&2
    exit 2
    ;;
esac
