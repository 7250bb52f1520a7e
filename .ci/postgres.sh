#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the store contract tests and exports
# WABRIDGE_PG_URL / WABRIDGE_PG_USER / WABRIDGE_PG_PASSWORD. Sourced by .ci/run.
# The cluster lives in a temp directory and is removed by wabridge_pg_stop.

wabridge_pg_start() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "[ci] installing PostgreSQL from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  local bindir
  bindir="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  WABRIDGE_PG_DIR="$(mktemp -d /tmp/wabridge-pg.XXXXXX)"
  chown postgres:postgres "$WABRIDGE_PG_DIR"
  local port="${WABRIDGE_PG_PORT:-55432}"
  local password="wabridge-ci"
  su postgres -s /bin/sh -c "echo '$password' > '$WABRIDGE_PG_DIR/pw' && \
      '$bindir/initdb' -D '$WABRIDGE_PG_DIR/data' -A md5 -U postgres --pwfile='$WABRIDGE_PG_DIR/pw' >/dev/null"
  su postgres -s /bin/sh -c "'$bindir/pg_ctl' -D '$WABRIDGE_PG_DIR/data' -l '$WABRIDGE_PG_DIR/log' -w \
      -o \"-c listen_addresses=127.0.0.1 -p $port -k '$WABRIDGE_PG_DIR'\" start >/dev/null"
  PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE wabridge" >/dev/null
  export WABRIDGE_PG_URL="jdbc:postgresql://127.0.0.1:$port/wabridge"
  export WABRIDGE_PG_USER=postgres
  export WABRIDGE_PG_PASSWORD="$password"
  # Tests that need PostgreSQL fail instead of skipping when this is set.
  export WABRIDGE_REQUIRE_PG=1
  WABRIDGE_PG_BINDIR="$bindir"
  echo "[ci] PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

wabridge_pg_stop() {
  if [ -n "${WABRIDGE_PG_DIR:-}" ] && [ -d "$WABRIDGE_PG_DIR/data" ]; then
    su postgres -s /bin/sh -c "'$WABRIDGE_PG_BINDIR/pg_ctl' -D '$WABRIDGE_PG_DIR/data' -m fast stop >/dev/null" || true
    rm -rf "$WABRIDGE_PG_DIR"
  fi
}
