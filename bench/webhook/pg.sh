#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on 127.0.0.1:$PGPORT (default 5433) for the webhook bench, with PostgreSQL's
# default server settings (fsync on; the test fixture turns it off); PG_OPTS adds server settings
# ("-c shared_buffers=2GB ..."). Prints the connection string. Stop: pg.sh stop
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin; DIR=/tmp/rulesengine-bench-pg; PGPORT=${PGPORT:-5433}
as() { if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-}" = stop ]; then as "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop; exit; fi
rm -rf "$DIR"; mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
as "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PGPORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 ${PG_OPTS:-}" start >/dev/null
as "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres webhook
echo "Host=127.0.0.1;Port=$PGPORT;Database=webhook;Username=postgres;Maximum Pool Size=100"
