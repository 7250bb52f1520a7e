#!/usr/bin/env bash
# Starts a throwaway MariaDB server on loopback for the schema tests of the MySQL and MariaDB scripts and
# exports WABRIDGE_MARIADB_URL / WABRIDGE_MARIADB_USER / WABRIDGE_MARIADB_PASSWORD. Sourced by .ci/run.
# The server lives in a temp directory and is removed by wabridge_mariadb_stop.

wabridge_mariadb_start() {
  if ! command -v mariadbd >/dev/null 2>&1; then
    echo "[ci] installing MariaDB from Debian"
    export DEBIAN_FRONTEND=noninteractive
    # keep the package from starting a system-wide server: ours runs from a temp directory
    local own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      own_policy=1
    fi
    apt-get update -qq
    apt-get install -y -qq mariadb-server >/dev/null
    if [ "$own_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  fi
  WABRIDGE_MARIADB_DIR="$(mktemp -d /tmp/wabridge-mariadb.XXXXXX)"
  local port="${WABRIDGE_MARIADB_PORT:-53306}"
  local password="wabridge-ci"
  mariadb-install-db --no-defaults --user=root --datadir="$WABRIDGE_MARIADB_DIR/data" \
      --auth-root-authentication-method=socket >/dev/null
  mariadbd --no-defaults --user=root --datadir="$WABRIDGE_MARIADB_DIR/data" --socket="$WABRIDGE_MARIADB_DIR/sock" \
      --pid-file="$WABRIDGE_MARIADB_DIR/pid" --port="$port" --bind-address=127.0.0.1 \
      --log-error="$WABRIDGE_MARIADB_DIR/log" >/dev/null 2>&1 &
  local i
  for i in $(seq 1 60); do
    if mariadb --socket="$WABRIDGE_MARIADB_DIR/sock" -uroot -e "SELECT 1" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  mariadb --socket="$WABRIDGE_MARIADB_DIR/sock" -uroot -e "
      CREATE USER 'wabridge'@'127.0.0.1' IDENTIFIED BY '$password';
      GRANT ALL PRIVILEGES ON *.* TO 'wabridge'@'127.0.0.1';"
  export WABRIDGE_MARIADB_URL="jdbc:mysql://127.0.0.1:$port/?useSSL=false"
  export WABRIDGE_MARIADB_USER=wabridge
  export WABRIDGE_MARIADB_PASSWORD="$password"
  # Tests that need MariaDB fail instead of skipping when this is set.
  export WABRIDGE_REQUIRE_MARIADB=1
  echo "[ci] MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port"
}

wabridge_mariadb_stop() {
  if [ -n "${WABRIDGE_MARIADB_DIR:-}" ] && [ -f "$WABRIDGE_MARIADB_DIR/pid" ]; then
    kill "$(cat "$WABRIDGE_MARIADB_DIR/pid")" 2>/dev/null || true
    local i
    for i in $(seq 1 40); do
      [ -f "$WABRIDGE_MARIADB_DIR/pid" ] || break
      sleep 0.25
    done
  fi
  if [ -n "${WABRIDGE_MARIADB_DIR:-}" ]; then rm -rf "$WABRIDGE_MARIADB_DIR"; fi
}
